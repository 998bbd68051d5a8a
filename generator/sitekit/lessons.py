"""Lesson packages must exist in every language, unless the Dutch page says `dutch_only: true`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .frontmatter import PageSource
from .problems import Problem


def _line_of(page: PageSource, key: str) -> int:
    for number, line in enumerate(page.raw.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def missing_lesson_translations(pages: Mapping[str, PageSource], src_uris: Mapping[str, str],
                                exists: Callable[[str], bool], languages: list[str]) -> list[Problem]:
    """One error per Dutch lesson page (front matter `lesson:`) and missing language.

    pages: absolute path -> PageSource; src_uris: absolute path -> src_uri (e.g. 'professionals/lesmateriaal/x.md');
    exists(src_uri) tells whether a documentation file exists.
    """
    problems = []
    for abs_path, page in sorted(pages.items()):
        uri = src_uris[abs_path]
        stem, _, ext = uri.rpartition(".")
        if ext != "md" or stem.rpartition("/")[2].count(".") or "lesson" not in page.meta:
            continue  # not a Dutch lesson page
        if page.meta.get("dutch_only") is True:
            continue
        for lang in languages[1:]:
            if not exists(f"{stem}.{lang}.md"):
                problems.append(Problem(page.path, _line_of(page, "lesson"),
                                        f"lesson package has no {lang} translation: write {stem}.{lang}.md "
                                        "(see docs/translating.md), or add 'dutch_only: true' to the front matter "
                                        "if it is only meant for Dutch-speaking classes"))
    return problems


LEVEL_ORDER = ("secundair-1", "secundair-2", "secundair-3", "jeugdhulp")


def lesson_table(entries: list[tuple[str, str, dict[str, Any]]], ui: Callable[..., str],
                 escape: Callable[[str], str] = lambda text: text) -> str:
    """A Markdown table of the lesson packages: (title, link target, lesson front matter) each,
    in the order of the school years, with audience and duration in the page's language. Every text
    goes into the Markdown through `escape` (MarkdownData.inline: no markup from data or front matter)."""
    def order(entry: tuple[str, str, dict[str, Any]]) -> tuple[int, str]:
        level = str(entry[2].get("level", ""))
        return (LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER), entry[0].lower())

    def t(key: str) -> str:
        return escape(ui(key))

    rows = [f"| {t('lesson.package')} | {t('lesson.for')} | {t('lesson.duration')} |", "|---|---|---|"]
    for title, target, lesson in sorted(entries, key=order):
        duration = lesson.get("duration", {})
        minutes = ui("lesson.minutes").replace("{short}", str(duration.get("short", ""))).replace(
            "{full}", str(duration.get("full", "")))
        rows.append(f"| [{escape(title)}]({target}) | {t('lesson.level.' + str(lesson.get('level')))} | {escape(minutes)} |")
    return "\n".join(rows) + "\n"
