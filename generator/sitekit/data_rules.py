"""Rules a JSON schema cannot say: unique ids, known groups, thresholds in order."""

from __future__ import annotations

import re
from collections.abc import Callable

from .problems import Problem
from .yamltext import Located

RESERVED_IDS = {"start", "none", "watch", "act"}  # the outcomes' ids (components/checklist)


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
        if signal["id"] in RESERVED_IDS:
            problems.append(Problem(path, located.line_of(["signals", i, "id"]),
                                    f"signals: the id '{signal['id']}' is taken by the checklist itself; choose another"))
        if signal["id"] in seen:
            problems.append(Problem(path, located.line_of(["signals", i, "id"]), f"signals: duplicate id '{signal['id']}'"))
        seen.add(signal["id"])
        if signal["group"] not in group_ids:
            problems.append(Problem(path, located.line_of(["signals", i, "group"]),
                                    f"signals.{i}.group: unknown group '{signal['group']}'; groups are: {', '.join(group_ids)}"))
    if value["levels"]["act"] <= value["levels"]["watch"]:
        problems.append(Problem(path, located.line_of(["levels", "act"]), "levels: 'act' must be higher than 'watch'"))
    return problems


def _helplines(located: Located, path: str) -> list[Problem]:
    """The number shown is the number dialled: the digits of phone_display are those of phone."""
    problems = []
    for ident, entry in located.value.items():
        shown, dialled = entry.get("phone_display"), entry.get("phone")
        if isinstance(shown, str) and isinstance(dialled, str) and re.sub(r"\D", "", shown) != dialled:
            problems.append(Problem(path, located.line_of([ident, "phone_display"]),
                                    f"{ident}: phone_display '{shown}' shows other digits than phone '{dialled}', the "
                                    "number a tap dials; make them the same number"))
    return problems


# The placeholders the generator fills in, per interface string; every other string has none.
PLACEHOLDERS: dict[str, set[str]] = {
    "checklist.how_it_works": {"act"}, "checklist.points": {"n"}, "checklist.range_none": {"watch"},
    "checklist.range_watch": {"watch", "act_minus"}, "checklist.range_watch_one": {"watch"}, "checklist.range_act": {"act"},
    "checklist.live": {"title", "count"}, "checklist.contacts": {"tel", "mail", "sos"}, "quick_exit.count": {"n"},
    "lesson.minutes": {"short", "full"}, "search.found": {"n"}, "preview.not_built": {"lang"},
    "helplines.answers_in": {"languages"}, "helplines.works_in": {"regions"},
}
FORMAL = "@formal"  # ui.yml: "helpbar.title@formal" is "helpbar.title" for the audiences site.yml lists under formal
_BRACES = re.compile(r"\{([^{}]*)\}|[{}]")


def _ui(located: Located, path: str) -> list[Problem]:
    """Each interface string has exactly the placeholders the generator fills in ({n}, {tel} ...)."""
    problems = []
    for key, texts in located.value.items():
        base = key.removesuffix(FORMAL)
        if base != key and base not in located.value:
            problems.append(Problem(path, located.line_of([key]), f"{key}: there is no '{base}' for it to give the "
                                                                  "formal wording of; add that key first"))
        expected = PLACEHOLDERS.get(base, set())
        for lang, text in texts.items():
            found = [m.group(1) for m in _BRACES.finditer(text)]
            names = {f for f in found if f is not None}
            if None in found or names != expected:
                want = ", ".join("{" + n + "}" for n in sorted(expected)) or "no { } at all"
                problems.append(Problem(path, located.line_of([key]), f"{key} ({lang}): the placeholders must be "
                                                                      f"exactly {want}; found '{text}'"))
    return problems


RULES: dict[str, Callable[[Located, str], list[Problem]]] = {"checklist": _checklist, "hulplijnen": _helplines, "ui": _ui}


def check_rules(schema: str, located: Located, path: str) -> list[Problem]:
    rule = RULES.get(schema)
    return rule(located, path) if rule else []
