"""The front matter validator: good pages pass, each kind of mistake names file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.frontmatter import check_file_name, read_page

SOURCES = {"vlaanderen-tienerpooiers", "dit-project"}
GOOD = """---
title: Wat is een tienerpooier?
description: Een tienerpooier doet alsof hij verliefd is, maar wil je uitbuiten.
audience: jongeren
reviewed: 2026-11-22
sources:
  - vlaanderen-tienerpooiers
---

Tekst van de pagina.
"""


def check(tmp_path: Path, text: str | bytes) -> list[str]:
    path = tmp_path / "page.md"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return [str(p) for p in read_page(path, "content/page.md", SOURCES).problems]


def test_good_front_matter_passes(tmp_path: Path) -> None:
    assert check(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("title: Wat is een tienerpooier?\n", "", "content/page.md:2: error: 'title' is missing"),
        ("audience: jongeren", "audience: kinderen", "content/page.md:4: error: audience: 'kinderen' is not allowed; use one of: jongeren, ouders, professionals, iedereen"),
        ("reviewed: 2026-11-22", "reviewed: gisteren", "content/page.md:5: error: reviewed: 'gisteren' is not a date; write it as YYYY-MM-DD"),
        ("reviewed: 2026-11-22", "reviewed: 2026-13-40", "content/page.md:5: error: reviewed: '2026-13-40' is not a date; write it as YYYY-MM-DD"),
        ("sources:\n  - vlaanderen-tienerpooiers", "sources: vlaanderen-tienerpooiers", "content/page.md:6: error: sources must be a list of ids from data/bronnen.yml, at least one"),
        ("  - vlaanderen-tienerpooiers", "  - wikipedia", "content/page.md:7: error: sources: unknown source 'wikipedia'; add it to data/bronnen.yml first"),
        ("audience: jongeren", "audience: jongeren\ntitel: Typo", "content/page.md:5: error: titel: unknown key 'titel'"),
        ("description: Een tienerpooier doet alsof hij verliefd is, maar wil je uitbuiten.", "description: Kort", "content/page.md:3: error: description: the description must be one sentence of 20 to 200 characters"),
        ("audience: jongeren", "audience: [jongeren", "content/page.md:4: error: YAML cannot be read"),
    ],
)
def test_each_mistake_gives_its_message_and_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in GOOD
    problems = check(tmp_path, GOOD.replace(old, new, 1))
    assert any(p.startswith(expected) for p in problems), problems


def test_missing_front_matter(tmp_path: Path) -> None:
    assert check(tmp_path, "Alleen tekst.\n") == [
        "content/page.md:1: error: front matter is missing: start the file with a line '---', "
        "then title, description, audience, reviewed and sources, then '---'"]


def test_empty_page(tmp_path: Path) -> None:
    problems = check(tmp_path, GOOD.replace("Tekst van de pagina.\n", ""))
    assert problems == ["content/page.md:9: error: the page has no text below the front matter"]


def test_not_utf8(tmp_path: Path) -> None:
    problems = check(tmp_path, GOOD.replace("Tekst", "T\xe9kst").encode("latin-1"))
    assert problems == ["content/page.md:10: error: the file is not UTF-8 text; save it as UTF-8"]


@pytest.mark.parametrize("uri", ["Jongeren/x.md", "jongeren/Is Dit.md", "jongeren/liefde!.md", "jongeren/café.md"])
def test_bad_file_names(uri: str) -> None:
    assert check_file_name(uri, "content/" + uri)[0].message.startswith("file and folder names must be lowercase")


@pytest.mark.parametrize("uri", ["index.md", "jongeren/is-dit-nog-liefde.fr.md", "professionals/lesmateriaal/les-1.en.md"])
def test_good_file_names(uri: str) -> None:
    assert check_file_name(uri, uri) == []


def test_a_french_lesson_goal_needs_the_typographic_apostrophe(tmp_path: Path) -> None:
    """Issue 26 review: the French PDFs printed "l'aide" with a straight apostrophe in every goals block."""
    page = GOOD.replace("sources:", "lesson:\n  goals:\n    skills:\n      - \"Les élèves savent où trouver de l'aide.\"\nsources:")
    path = tmp_path / "page.fr.md"
    path.write_text(page, encoding="utf-8")
    problems = [str(p) for p in read_page(path, "content/page.fr.md", SOURCES).problems]
    assert any("lesson.goals.skills.0: write the apostrophe as ’" in p and ":9:" in p for p in problems), problems
    path.write_text(page.replace("de l'aide", "de l’aide"), encoding="utf-8")
    assert not [p for p in read_page(path, "content/page.fr.md", SOURCES).problems if "apostrophe" in str(p)]
