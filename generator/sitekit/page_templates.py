"""`template: x.html` in front matter may name only one of the site's page templates: main.html, or a
template of the theme (the generator's, or the site's own custom_dir) that extends it, so every page keeps
the quick exit and the help bar."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .frontmatter import PageSource
from .problems import Problem

EXTENDS_MAIN_RE = re.compile(r"""\{%-?\s*extends\s+["']main\.html["']\s*-?%\}""")


def page_templates(folders: Iterable[Path]) -> set[str]:
    """main.html and the templates directly in these theme folders that extend it."""
    found = {"main.html"}
    for folder in folders:
        for path in folder.glob("*.html"):
            if EXTENDS_MAIN_RE.search(path.read_text(encoding="utf-8")):
                found.add(path.name)
    return found


def missing_template(page: PageSource, folders: Iterable[Path]) -> list[Problem]:
    name = page.meta.get("template")
    if not isinstance(name, str):
        return []
    known = page_templates(folders)
    if name in known:
        return []
    line = next((i for i, text in enumerate(page.raw.splitlines(), start=1) if text.startswith("template:")), 1)
    return [Problem(page.path, line, f"template: '{name}' is not one of the site's page templates "
                                     f"({', '.join(sorted(known))})")]
