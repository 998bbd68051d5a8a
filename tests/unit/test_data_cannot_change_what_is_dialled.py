"""Data and front matter cannot change what a reader sees or dials, or break a string the generator fills in
(issue 25): invisible characters, numbers that are not numbers, a shown number that is not the dialled one,
placeholders, reserved ids, Markdown in a data text."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest

from sitekit.components.checklist import render_checklist
from sitekit.data_rules import PLACEHOLDERS
from sitekit.editorial import typed_contacts
from sitekit.frontmatter import read_page
from sitekit.markdown_data import MarkdownData
from sitekit.sitedata import load_data
from sitekit.yamltext import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["nl", "fr", "en"]


@pytest.mark.parametrize("char", ["\u202e", "\u202d", "\u2066", "\u200f", "\u200b", "\ufeff", "\u2060", "\U000e0041"])
def test_an_invisible_character_in_data_is_refused_at_its_line(char: str) -> None:
    located, problems = parse_yaml(f"a: 1\nhelpbar.call: {{nl: \"Bel{char}\"}}\n", "data/ui.yml")
    assert located is None
    assert [(p.path, p.line) for p in problems] == [("data/ui.yml", 2)], problems
    assert "invisible character" in problems[0].message


def test_soft_hyphens_and_emoji_joiners_stay_allowed() -> None:
    assert parse_yaml("a: \"Zelf\u00admoord\u00adlijn \U0001f469\u200d\U0001f467\"\n", "x.yml")[1] == []


def test_an_invisible_character_in_a_page_is_refused_at_its_line(tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_text("---\ntitle: \"Over\u202e\"\n---\n\nTekst.\n\nBel 116\u202e000.\n", encoding="utf-8")
    lines = sorted(p.line for p in read_page(page, "content/x.md", set()).problems if "invisible" in p.message)
    assert lines == [2, 7]


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.Inf"])
def test_numbers_are_finite(value: str) -> None:
    located, problems = parse_yaml(f"search:\n  boost: {value}\n", "content/x.md", offset=1)
    assert located is None and [p.line for p in problems] == [3], problems


def _data():  # type: ignore[no-untyped-def]
    data, problems = load_data(ROOT / "data", LANGS, ROOT)
    assert not [p for p in problems if p.level == "error"]
    return data


def test_the_shown_number_must_be_the_dialled_number(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for f in (ROOT / "data").rglob("*.yml"):
        target = tmp_path / "data" / f.relative_to(ROOT / "data")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(ROOT / "content" / "assets", tmp_path / "content" / "assets")  # files data/site.yml names
    helplines = tmp_path / "data" / "hulplijnen.yml"
    text = helplines.read_text(encoding="utf-8")
    assert 'phone: "116000"' in text
    helplines.write_text(text.replace('phone: "116000"', 'phone: "116006"', 1), encoding="utf-8")
    _, problems = load_data(tmp_path / "data", LANGS, tmp_path)
    errors = [p for p in problems if p.level == "error"]
    assert len(errors) == 1 and "116006" in errors[0].message and errors[0].path == "data/hulplijnen.yml"
    assert text.splitlines()[errors[0].line - 1].strip().startswith("phone_display:")


@pytest.mark.parametrize(("key", "text"), [("checklist.points", "{0} punten"), ("checklist.points", "{n} punten {"),
                                           ("checklist.contacts", "Bel {tel}."), ("helpbar.call", "Bel {n}"),
                                           ("checklist.points", "{n!r} punten")])
def test_placeholders_in_interface_strings_are_checked(tmp_path: Path, key: str, text: str) -> None:
    from sitekit.data_rules import check_rules

    located, _ = parse_yaml(f'{key}: {{nl: "{text}", fr: "x", en: "y"}}\n', "data/ui.yml")
    assert located is not None
    problems = check_rules("ui", located, "data/ui.yml")
    assert problems and problems[0].line == 1 and key in problems[0].message


@pytest.mark.parametrize(("text", "needle"), [
    ('checklist.contacts: {nl: "Bel {tel} {mail} {sos}"}\nchecklist.contacts@formal: {fr: "Appelez le {tel}."}\n',
     "checklist.contacts@formal"),
    ('helpbar.call@formal: {fr: "Appelez le"}\n', "no 'helpbar.call'")])
def test_a_formal_wording_has_its_key_and_the_same_placeholders(text: str, needle: str) -> None:
    from sitekit.data_rules import check_rules

    located, _ = parse_yaml(text, "data/ui.yml")
    assert located is not None
    problems = check_rules("ui", located, "data/ui.yml")
    assert len(problems) == 1 and needle in problems[0].message, problems


def test_a_formal_audience_reads_the_formal_wording_where_its_language_has_one() -> None:
    data = _data()
    fr_parents = MarkdownData(data, "fr", audience="ouders")
    assert fr_parents.ui("helpbar.title") == "Parlez-en"
    assert MarkdownData(data, "fr", audience="jongeren").ui("helpbar.title") == "Parles-en"
    assert MarkdownData(data, "nl", audience="ouders").ui("helpbar.title") == "Praat erover"  # no formal Dutch
    assert fr_parents.ui("helpbar.title", formal=False) == "Parles-en"


def test_the_sites_interface_strings_have_their_placeholders() -> None:
    ui = _data().values["ui"]
    for key in PLACEHOLDERS:
        assert key in ui, key


@pytest.mark.parametrize("ident", ["none", "act", "watch", "start"])
def test_a_signal_cannot_take_an_outcomes_id(ident: str) -> None:
    from sitekit.data_rules import check_rules

    text = (ROOT / "data" / "checklists" / "jongeren.yml").read_text(encoding="utf-8")
    located, _ = parse_yaml(text, "data/checklists/jongeren.yml")
    assert located is not None
    located.value["signals"][0]["id"] = ident
    problems = check_rules("checklist", located, "data/checklists/jongeren.yml")
    assert any(ident in p.message and "taken" in p.message for p in problems)


def test_interface_strings_land_escaped_in_the_checklist() -> None:
    data = copy.deepcopy(_data())
    data.values["ui"]["checklist.contacts"]["nl"] = 'Bel <a href="tel:116006">116 000</a> of {tel}, {mail}, {sos}.'
    html = render_checklist(MarkdownData(data, "nl"), "jongeren")
    assert 'href="tel:116006"' not in html and "&lt;a href=" in html


def test_interface_strings_land_escaped_in_the_help_cards() -> None:
    data = copy.deepcopy(_data())
    data.values["ui"]["helpbar.call"]["nl"] = "Bel [116 006](tel:116006){ style=\"position:fixed\" }"
    cards = MarkdownData(data, "nl").helplines()
    assert "](tel:116006)" not in cards and not re.search(r"(?<!\\)\{ style", cards)


def test_a_number_typed_by_hand_is_caught_even_when_it_is_no_known_line() -> None:
    problems = typed_contacts("Bel gerust 116 006, dag en nacht.", {}, "content/x.md", 4)
    assert [p.line for p in problems] == [4]


def test_brackets_nested_sixty_thousand_deep_are_a_message_not_a_crash() -> None:
    """libyaml recursed into them in C and the process died (segmentation fault) before any check."""
    located, problems = parse_yaml("a: 1\nnotes: " + "[" * 60_000 + "]" * 60_000 + "\n", "content/x.md", offset=1)
    assert located is None and [p.line for p in problems] == [3]


def test_an_uppercase_https_link_is_checked_too() -> None:
    from sitekit.editorial import external_links

    problems = external_links("[Lees](HTTPS://tracker.example/x)", ["childfocus.be"], "content/x.md", 5)
    assert [p.line for p in problems] == [5]
