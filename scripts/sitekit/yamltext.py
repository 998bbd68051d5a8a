"""Read YAML (data files, front matter) keeping the line number of every key."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ~10x faster


class Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps an impossible date (2026-13-40) as text so the schema can name it."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)

FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(\n|$)", re.DOTALL)


@dataclass
class Located:
    """Parsed YAML plus a map from key paths ("a", "a.b", "a.0") to 1-based lines."""

    value: Any
    lines: dict[str, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, path: tuple[Any, ...] | list[Any]) -> int:
        parts = [str(p) for p in path]
        while parts:
            key = ".".join(parts)
            if key in self.lines:
                return self.lines[key]
            parts.pop()
        return self.first_line


def _index_lines(node: yaml.Node, prefix: str, offset: int, out: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            out[key] = key_node.start_mark.line + 1 + offset
            _index_lines(value_node, key, offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            key = f"{prefix}.{i}" if prefix else str(i)
            out[key] = item.start_mark.line + 1 + offset
            _index_lines(item, key, offset, out)


def parse_yaml(text: str, path: str, offset: int = 0) -> tuple[Located | None, list[Problem]]:
    """Parse YAML text; on a syntax error return a Problem with the line, never raise."""
    try:
        loader = Loader(text)
        try:  # parse once: the node tree gives the lines, the same tree gives the value
            node = loader.get_single_node()
            value = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is reported where it was opened (the context).
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + 1 + offset) if mark else 1 + offset
        what = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
        return None, [Problem(path, line, f"YAML cannot be read: {what}")]
    except yaml.YAMLError as exc:  # pragma: no cover - other YAML errors carry no mark
        return None, [Problem(path, 1 + offset, f"YAML cannot be read: {exc}")]
    lines: dict[str, int] = {}
    if node is not None:
        _index_lines(node, "", offset, lines)
    return Located(value, lines, first_line=1 + offset), []


def split_front_matter(text: str) -> tuple[str | None, int, str]:
    """Return (front matter text or None, 1-based line where its YAML starts, body)."""
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return None, 0, text
    return m.group(1) or "", 2, text[m.end():]


def jsonable(value: Any) -> Any:
    """Dates become ISO strings so a JSON schema can check them with format: date."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
