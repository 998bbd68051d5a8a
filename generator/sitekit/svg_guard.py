"""What an SVG file from content/ may hold: shapes. A browser that opens an SVG file reads it as XML and
runs what it says (scripts, event handlers, links, entities from a DTD), so an SVG file is read here as
XML, with every declaration refused: no DTD or entity, no processing instruction, no script or foreign
HTML, no event handler, link or address, no style."""

from __future__ import annotations

import re
from typing import NoReturn
from xml.parsers import expat

from .html_guard import SVG_ALLOWED, SVG_NS

_URL_IN_VALUE = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)", re.I)


class _Refused(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


def check_svg(data: bytes) -> list[tuple[int, str]]:
    """(line, message) for everything in an SVG file that must not be published; empty when it holds shapes only."""
    parser = expat.ParserCreate(namespace_separator=" ")
    problems: list[tuple[int, str]] = []

    def refuse(message: str) -> NoReturn:
        raise _Refused(message, parser.CurrentLineNumber)

    def start(name: str, attrs: dict[str, str]) -> None:
        namespace, _, tag = name.rpartition(" ")
        if namespace != SVG_NS or tag.lower() not in SVG_ALLOWED:
            problems.append((parser.CurrentLineNumber, f"<{tag}> is not allowed in an SVG file: shapes only "
                                                       f"({', '.join(sorted(SVG_ALLOWED))})"))
        for key, value in attrs.items():
            local = key.rpartition(" ")[2].lower()
            if local.startswith("on"):
                problems.append((parser.CurrentLineNumber, f"event handler attribute {local}= is not allowed in an SVG file"))
            elif local in ("href", "src", "style") or _URL_IN_VALUE.search(value) or "\\" in value:
                problems.append((parser.CurrentLineNumber, f"{local}= is not allowed in an SVG file: it may hold shapes "
                                                           "only, no link, style or address"))

    def doctype(*_: object) -> None:
        refuse("a <!DOCTYPE> (DTD) is not allowed in an SVG file: it can hide entities and scripts")

    def entity(*_: object) -> None:
        refuse("an <!ENTITY> is not allowed in an SVG file")

    def instruction(target: str, _data: str) -> None:
        refuse(f"a processing instruction <?{target} ...?> is not allowed in an SVG file")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    def external_entity(*_: object) -> int:
        refuse("an external entity is not allowed in an SVG file")

    parser.ExternalEntityRefHandler = external_entity
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        return problems + [(exc.line, exc.message)]
    except expat.ExpatError as exc:
        return problems + [(exc.lineno or 1, f"the SVG file is not well-formed XML: {expat.errors.messages[exc.code]}")]
    return problems
