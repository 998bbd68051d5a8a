"""Check the front matter of a content page: schema, known sources, a body with text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .invisible import invisible_characters
from .invisible import message as invisible_message
from .problems import Problem
from .schema import validate
from .sitedata import TYPOGRAPHIC_APOSTROPHE, read_text
from .terms import Terms
from .yamltext import Located, parse_yaml, split_front_matter

MAX_PAGE_CHARS = 200_000  # the longest page of the site has about 18,000 characters
FILE_NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]{2})?\.md$")
DIR_NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class PageSource:
    """A content file as read from disk, with its metadata and where the body starts."""

    path: str
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    raw: str = ""  # the whole file as read
    body_line: int = 1  # 1-based line of the body's first line in the file
    problems: list[Problem] = field(default_factory=list)


def check_file_name(src_uri: str, shown: str) -> list[Problem]:
    """URL paths come from file names: lowercase, digits and hyphens only."""
    parts = src_uri.split("/")
    bad = [p for p in parts[:-1] if not DIR_NAME_RE.match(p)]
    if bad or not FILE_NAME_RE.match(parts[-1]):
        return [Problem(shown, 1, "file and folder names must be lowercase letters, digits and hyphens "
                                  f"(no spaces, capitals or accents): rename '{src_uri}'")]
    return []


def page_line(text: str, body: str) -> int:
    """The 1-based line of the file `text` on which its `body` starts."""
    return text[: len(text) - len(body)].count("\n") + 1


def _straight_apostrophes(located: Located, shown: str) -> list[Problem]:
    """The title and description of a French page are shown as written (heading, menu, tab, search result):
    they need the typographic apostrophe the text below gets from Markdown ("Toute l’aide")."""
    parts = shown.rsplit(".", 2)
    if len(parts) < 3 or parts[1] not in TYPOGRAPHIC_APOSTROPHE:
        return []
    found = [Problem(shown, located.line_of([key]), f"{key}: write the apostrophe as ’, not '")
             for key in ("title", "description") if isinstance(located.value.get(key), str) and "'" in located.value[key]]
    # a lesson's goals, materials and themes are shown as written too (the facts box, the PDF)
    lesson = located.value.get("lesson")
    for trail, text in _strings(lesson, ["lesson"]) if isinstance(lesson, dict) else []:
        if "'" in text:
            found.append(Problem(shown, located.line_of(trail), f"{'.'.join(str(t) for t in trail)}: write the "
                                                                f"apostrophe as ’, not ' (\"{text.replace(chr(39), '’')[:60]}\")"))
    return found


def _strings(value: object, trail: list[str | int]) -> list[tuple[list[str | int], str]]:
    """Every string inside a front matter value, with its path (["lesson", "goals", "skills", 0])."""
    if isinstance(value, str):
        return [(trail, value)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _strings(item, [*trail, key])]
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in _strings(item, [*trail, i])]
    return []


def read_page(path: Path, shown: str, known_sources: set[str], terms: Terms | None = None) -> PageSource:
    """A page's source, with every problem of its file, front matter and body; `terms`: the site's audiences
    and data file names (mkdocs.yml)."""
    terms = terms or Terms()
    page = PageSource(shown)
    text, page.problems = read_text(path, shown)
    if text is None:
        return page
    page.raw = text
    if len(text) > MAX_PAGE_CHARS:
        page.problems.append(Problem(shown, 1, f"the page is {len(text):,} characters long; at most {MAX_PAGE_CHARS:,}: "
                                               "split it into several pages"))
        return page
    yaml_text, yaml_line, body = split_front_matter(text)
    if yaml_text is None:
        page.problems.append(Problem(shown, 1, "front matter is missing: start the file with a line '---', "
                                               "then title, description, audience, reviewed and sources, then '---'"))
        return page
    page.body = body
    page.body_line = page_line(text, body)
    page.problems += [Problem(shown, page.body_line + line - 1, invisible_message(description))
                      for line, description in invisible_characters(body)]
    located, problems = parse_yaml(yaml_text, shown, offset=yaml_line - 1)
    page.problems += problems
    if located is None:
        return page
    if not isinstance(located.value, dict):
        page.problems.append(Problem(shown, yaml_line, "front matter must be 'key: value' lines"))
        return page
    page.meta = located.value
    page.problems += validate("page", located, shown, terms)
    page.problems += _straight_apostrophes(located, shown)
    sources = page.meta.get("sources")
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, str) and source not in known_sources:
            page.problems.append(Problem(shown, located.line_of(["sources", i]),
                                         f"sources: unknown source '{source}'; add it to {terms.shown('bronnen')} first"))
    if not body.strip():
        page.problems.append(Problem(shown, page.body_line, "the page has no text below the front matter"))
    return page
