"""Read YAML (data files, front matter) keeping the line number of every key."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .invisible import invisible_characters
from .invisible import message as invisible_message
from .problems import Problem

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ~10x faster


class Loader(_Base):  # type: ignore[misc]
    """SafeLoader that keeps an impossible date (2026-13-40) as text so the schema can name it."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)

# What a data file or front matter may be: plain values, lists and mappings. No anchors or aliases (an
# alias bomb grows to gigabytes), no tags (!!python/object...), no duplicate keys (a second `childfocus:`
# would silently win), not nested deeper than anyone writes by hand, not bigger than any real file.
MAX_BYTES = 512 * 1024
MAX_DEPTH = 24
PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


def audit(node: yaml.Node, path: str, offset: int) -> list[Problem]:
    """Problems with the shape of a parsed YAML document, each at its own line."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        line = current.start_mark.line + 1 + offset
        if id(current) in seen:
            problems.append(Problem(path, line, "anchors and aliases (&name, *name) are not allowed: write the value out"))
            continue
        seen.add(id(current))
        if current.tag not in PLAIN_TAGS:
            problems.append(Problem(path, line, f"the tag {current.tag!r} is not allowed: write plain text, numbers, "
                                                "lists and 'key: value' lines"))
            continue
        if depth > MAX_DEPTH:
            problems.append(Problem(path, line, f"nested more than {MAX_DEPTH} levels deep"))
            continue
        if isinstance(current, yaml.ScalarNode):
            problems += _scalar_problems(current, path, line)
        elif isinstance(current, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key_node, value_node in current.value:
                key_line = key_node.start_mark.line + 1 + offset
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                        problems.append(Problem(path, key_line, "merge keys (<<) are not allowed: write the values out"))
                    elif key_node.value in keys:
                        problems.append(Problem(path, key_line, f"'{key_node.value}' appears twice in the same block "
                                                                f"(first on line {keys[key_node.value]}): keep one"))
                    else:
                        keys[key_node.value] = key_line
                stack.append((key_node, depth + 1))
                stack.append((value_node, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
    return sorted(set(problems), key=lambda p: p.line)


_NOT_FINITE = re.compile(r"[-+]?\.(inf|nan)", re.I)


def _scalar_problems(node: yaml.ScalarNode, path: str, line: int) -> list[Problem]:
    """A number must be a number (no .nan or .inf); no text may hold an invisible or control character."""
    problems = [Problem(path, line + offset - 1, invisible_message(description))
                for offset, description in invisible_characters(str(node.value))]
    if node.tag == "tag:yaml.org,2002:float" and _NOT_FINITE.fullmatch(str(node.value).strip()):
        problems.append(Problem(path, line, f"'{node.value}' is not a number: write a number such as 2 or 1.5"))
    return problems


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


def flow_too_deep(text: str) -> int:
    """The 1-based line where [ and { (outside quotes and comments) nest deeper than MAX_DEPTH, or 0."""
    depth, line, quote, comment, previous = 0, 1, "", False, "\n"
    for char in text:
        if char == "\n":
            line, comment = line + 1, False
        elif comment:
            pass
        elif quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and previous in " \t\n":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        previous = char
    return 0


def parse_yaml(text: str, path: str, offset: int = 0) -> tuple[Located | None, list[Problem]]:
    """Parse YAML text; on a syntax error return a Problem with the line, never raise."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None, [Problem(path, 1 + offset, f"the YAML is larger than {MAX_BYTES // 1024} KB: split it or shorten it")]
    deep = flow_too_deep(text)
    if deep:  # libyaml recurses into [ and { in C: 60,000 of them crash the process before any check
        return None, [Problem(path, deep + offset, f"nested more than {MAX_DEPTH} levels deep")]
    try:
        loader = Loader(text)
        try:  # parse once: the node tree gives the lines, the same tree gives the value
            node = loader.get_single_node()
            if node is not None:
                shape = audit(node, path, offset)
                if shape:
                    return None, shape
            value = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except RecursionError:
        return None, [Problem(path, 1 + offset, f"the YAML is nested too deeply to be read (at most {MAX_DEPTH} levels)")]
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
