"""Rules a JSON schema cannot say: unique ids, known groups, thresholds in order."""

from __future__ import annotations

from collections.abc import Callable

from .problems import Problem
from .yamltext import Located


def _checklist(located: Located, path: str) -> list[Problem]:
    value = located.value
    problems: list[Problem] = []
    group_ids = [g["id"] for g in value["groups"]]
    seen: set[str] = set()
    for i, gid in enumerate(group_ids):
        if gid in seen:
            problems.append(Problem(path, located.line_of(["groups", i, "id"]), f"groups: duplicate id '{gid}'"))
        seen.add(gid)
    seen = set()
    for i, signal in enumerate(value["signals"]):
        if signal["id"] in seen:
            problems.append(Problem(path, located.line_of(["signals", i, "id"]), f"signals: duplicate id '{signal['id']}'"))
        seen.add(signal["id"])
        if signal["group"] not in group_ids:
            problems.append(Problem(path, located.line_of(["signals", i, "group"]),
                                    f"signals.{i}.group: unknown group '{signal['group']}'; groups are: {', '.join(group_ids)}"))
    if value["levels"]["act"] <= value["levels"]["watch"]:
        problems.append(Problem(path, located.line_of(["levels", "act"]), "levels: 'act' must be higher than 'watch'"))
    return problems


RULES: dict[str, Callable[[Located, str], list[Problem]]] = {"checklist": _checklist}


def check_rules(schema: str, located: Located, path: str) -> list[Problem]:
    rule = RULES.get(schema)
    return rule(located, path) if rule else []
