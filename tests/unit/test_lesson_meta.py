"""Lesson package metadata (`lesson:` in front matter): a complete package passes, each mistake names file and line;
a package without its translations fails unless it is marked Dutch-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.frontmatter import read_page
from sitekit.lessons import missing_lesson_translations

SOURCES = {"vlaanderen-tienerpooiers"}
LESSON = """---
title: Wat is echte liefde?
description: Lespakket voor de eerste graad over gezonde relaties en tienerpooiers.
audience: professionals
reviewed: 2026-11-23
sources:
  - vlaanderen-tienerpooiers
lesson:
  package: wat-is-echte-liefde
  level: secundair-1
  duration: {short: 25, full: 50}
  goals:
    knowledge: ["De leerlingen kennen de fasen."]
    skills: ["De leerlingen herkennen signalen."]
    attitude: ["De leerlingen durven hulp te vragen."]
  materials: ["werkblad 1"]
---

Tekst.
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "les.md"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in read_page(path, "content/les.md", SOURCES).problems]


def test_complete_lesson_passes(tmp_path: Path) -> None:
    assert problems(tmp_path, LESSON) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('    knowledge: ["De leerlingen kennen de fasen."]\n    skills: ["De leerlingen herkennen signalen."]\n'
         '    attitude: ["De leerlingen durven hulp te vragen."]\n', "",
         "content/les.md:12: error: lesson.goals: is empty; it should be a group of 'key: value' lines"),
        ("  goals:\n", "  doelen:\n", "content/les.md:8: error: lesson: 'goals' is missing"),
        ("{short: 25, full: 50}", "{short: 25}", "content/les.md:11: error: lesson.duration: 'full' is missing"),
        ("{short: 25, full: 50}", "{short: kwartier, full: 50}", "content/les.md:11: error: lesson.duration.short: 'kwartier' should be a whole number"),
        ("{short: 25, full: 50}", "50", "content/les.md:11: error: lesson.duration needs short and full, in minutes (whole numbers, 10 to 480)"),
        ("level: secundair-1", "level: lager-onderwijs", "content/les.md:10: error: lesson.level must be one of: secundair-1, secundair-2, secundair-3, jeugdhulp"),
        ('  materials: ["werkblad 1"]\n', "", "content/les.md:8: error: lesson: 'materials' is missing"),
    ],
)
def test_lesson_mistakes_name_file_and_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in LESSON
    found = problems(tmp_path, LESSON.replace(old, new))
    assert expected in found, found


def _pages(tmp_path: Path, text: str) -> tuple[dict, dict]:
    path = tmp_path / "les.md"
    path.write_text(text, encoding="utf-8")
    page = read_page(path, "content/professionals/lesmateriaal/les.md", SOURCES)
    return {str(path): page}, {str(path): "professionals/lesmateriaal/les.md"}


def test_lesson_without_translation_fails_naming_the_file(tmp_path: Path) -> None:
    pages, uris = _pages(tmp_path, LESSON)
    found = [str(p) for p in missing_lesson_translations(pages, uris, lambda uri: uri.endswith(".fr.md"), ["nl", "fr", "en"])]
    assert found == ["content/professionals/lesmateriaal/les.md:8: error: lesson package has no en translation: "
                     "write professionals/lesmateriaal/les.en.md (see docs/translating.md), or add 'dutch_only: true' "
                     "to the front matter if it is only meant for Dutch-speaking classes"]


def test_dutch_only_lesson_needs_no_translation(tmp_path: Path) -> None:
    pages, uris = _pages(tmp_path, LESSON.replace("audience:", "dutch_only: true\naudience:"))
    assert missing_lesson_translations(pages, uris, lambda uri: False, ["nl", "fr", "en"]) == []


def test_translated_lesson_passes(tmp_path: Path) -> None:
    pages, uris = _pages(tmp_path, LESSON)
    assert missing_lesson_translations(pages, uris, lambda uri: True, ["nl", "fr", "en"]) == []
