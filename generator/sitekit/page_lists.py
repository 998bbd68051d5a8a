"""Lists of pages written into a page: the lesson packages (`{{ lessons() }}`) and the page index of the
search page without JavaScript (`{{ page_index() }}`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .frontmatter import PageSource
from .lessons import lesson_table


def source_uri(src_uri: str, languages: list[str]) -> str:
    """The default language's file of a page: jongeren/online.md for jongeren/online.fr.md."""
    parts = src_uri.rsplit(".", 2)
    return f"{parts[0]}.md" if len(parts) == 3 and parts[1] in languages else src_uri


def lessons(pages: Iterable[tuple[str, str]], sources: Mapping[str, PageSource], here: str, languages: list[str],
            ui: Callable[..., str], inline: Callable[[str], str]) -> str:
    """The lesson packages as a table (title, audience, duration). `pages`: (absolute path, src_uri) of every
    page; `here`: the src_uri of the page the table goes on."""
    entries: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for path, uri in pages:
        source = sources.get(path)
        if source is None or "lesson" not in source.meta:
            continue
        own = source_uri(uri, languages)
        target = os.path.relpath(own, os.path.dirname(here) or ".")
        entries[own] = (str(source.meta.get("title", own)), target, dict(source.meta["lesson"]))
    return lesson_table(list(entries.values()), ui, inline)


def page_index(pages: Iterable[tuple[str, str]], sources: Mapping[str, PageSource], here_path: str, here: str,
               languages: list[str]) -> str:
    """All pages of the site as a Markdown list per section: the search page without JavaScript."""
    sections: dict[str, list[tuple[str, str]]] = {}
    for path, uri in pages:
        source = sources.get(path)
        if source is None or path == here_path:
            continue
        own = source_uri(uri, languages)
        section = own.split("/")[0] if "/" in own else ""
        target = "../" * here.count("/") + own
        sections.setdefault(section, []).append((str(source.meta.get("title", own)), target))
    lines: list[str] = []
    for section in sorted(sections):
        entries = sorted(set(sections[section]), key=lambda e: e[0].lower())
        lines += [f"- [{title}]({target})" for title, target in entries] + [""]
    return "\n".join(lines)
