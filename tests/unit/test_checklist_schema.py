"""Checklist data: every mistake fails with the file, the line and a message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitekit.sitedata import load_data

ROOT = Path(__file__).resolve().parents[2]


def problems_after(tmp_path: Path, old: str, new: str) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "content" / "assets", tmp_path / "content" / "assets")  # files data/site.yml names
    path = data / "checklists" / "jongeren.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = load_data(data, ["nl", "fr", "en"], tmp_path)
    return [str(p) for p in problems]


@pytest.mark.parametrize(("old", "new", "expected"), [
    (', en: "After only a few days, they say they love you."}', "}", "translation 'en' is missing"),
    ("    group: aandacht\n    weight: 2", "    group: liefde\n    weight: 2", "unknown group 'liefde'; groups are: aandacht"),
    ("  - id: dure-cadeaus", "  - id: snel-verliefd", "signals: duplicate id 'snel-verliefd'"),
    ("    weight: 2\n    text: {nl: \"Je krijgt", "    weight: 5\n    text: {nl: \"Je krijgt", "weight must be a whole number from 1 (a small sign) to 3 (a strong sign)"),
    ("levels: {watch: 3, act: 7}", "levels: {watch: 7, act: 3}", "levels: 'act' must be higher than 'watch'"),
])
def test_checklist_mistakes(tmp_path: Path, old: str, new: str, expected: str) -> None:
    problems = problems_after(tmp_path, old, new)
    assert len(problems) == 1, problems
    assert problems[0].startswith("data/checklists/jongeren.yml:") and expected in problems[0], problems


def test_project_checklists_are_valid() -> None:
    data, problems = load_data(ROOT / "data", ["nl", "fr", "en"], ROOT)
    assert problems == [] and set(data.values["checklists"]) == {"jongeren", "ouders", "professionals"}
    for checklist in data.values["checklists"].values():
        assert any(s.get("red_flag") for s in checklist["signals"])


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_one_point_level_reads_as_one_number(lang: str) -> None:
    """Issue 28: with levels {watch: 2, act: 3} the middle level read "(2 tot 2 punten)"."""
    import copy
    import re

    from sitekit.components.checklist import render_checklist
    from sitekit.markdown_data import MarkdownData

    data, _ = load_data(ROOT / "data", ["nl", "fr", "en"], ROOT)
    data = copy.deepcopy(data)
    data.values["checklists"]["jongeren"]["levels"] = {"watch": 2, "act": 3}
    html = render_checklist(MarkdownData(data, lang), "jongeren")
    ranges = re.findall(r'<span class="checklist__range">\((.*?)\)</span>', html)
    assert len(ranges) == 3
    assert not re.search(r"\b2\b.*\b2\b", ranges[1]), ranges[1]
    assert "2" in ranges[1]
