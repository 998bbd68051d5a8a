"""Issue 26: what a teacher needs in every lesson package, checked in the built pages and PDFs."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, lang_prefix

LESSON_DIR = ROOT / "content" / "professionals" / "lesmateriaal"
PUPIL_PACKAGES = sorted(p.stem for p in LESSON_DIR.glob("*.md") if "." not in p.stem and p.stem != "index"
                        and "secundair" in yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["lesson"]["level"])
BLOCKS = yaml.safe_load((ROOT / "data" / "lessen.yml").read_text(encoding="utf-8"))["blocks"]


def _flat(text: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u00ad", "").split())


def test_there_are_pupil_packages() -> None:
    assert len(PUPIL_PACKAGES) >= 3, PUPIL_PACKAGES


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("package", PUPIL_PACKAGES)
def test_each_pupil_package_has_the_class_rules_and_what_to_do_when_a_pupil_tells_in_class(
        site_dir: Path, package: str, lang: str) -> None:
    page = _flat((site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / package / "index.html")
                 .read_text(encoding="utf-8"))
    pdf = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(site_dir / "downloads" / f"{package}.{lang}.pdf").pages)
                   .replace("\xa0", " ").replace("\u202f", " ").split())
    for block in ("klasafspraken", "vertellen-in-de-klas"):
        for item in BLOCKS[block]["items"][lang]:
            words = " ".join(item.replace("\u202f", " ").split())
            assert words in page.replace("\u202f", " "), (block, item)
            assert words[:40] in pdf, (block, item)  # (a PDF line may break a long item)
    # the old rule invited telling in front of the group
    for invitation in ("blijft in de klas", "reste dans la classe", "stays in the class"):
        assert invitation not in page.lower()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_online_risks_key_gives_the_legal_frame_and_a_shared_nude_is_danger(site_dir: Path, lang: str) -> None:
    """Issue 26: card 8 (a classmate's nude sent round a group chat) was keyed "OK", and card 1 (two
    17-year-olds sexting with consent) without the law pupils ask about; then with an article number that no
    longer held (review)."""
    page = _flat((site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / "online-risicos" / "index.html")
                 .read_text(encoding="utf-8"))
    label = {"nl": "Kaartjes.", "fr": "Cartes.", "en": "Cards."}[lang]
    key = page[page.index(label):][:2500]
    ok_sentence = key.split(".")[1]  # "OK zijn 1 en 10" / "Les cartes 1 et 10 sont OK"
    assert re.findall(r"\d+", ok_sentence) == ["1", "10"], ok_sentence
    assert "2022" in key
    assert "371/1" not in key  # replaced in 2022 (art. 417/9), renumbered again by the Criminal Code of 2026


TEAM_PACKAGES = sorted(p.stem for p in LESSON_DIR.glob("*.md") if "." not in p.stem and p.stem != "index"
                       and yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["lesson"]["level"] == "jeugdhulp")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("package", TEAM_PACKAGES)
def test_team_material_says_so_before_anything_else(site_dir: Path, package: str, lang: str) -> None:
    """Issue 26: "Gesprek na onthulling" is training for a care team, not a class lesson; the page did not say so."""
    html = (site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / package / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):]
    article = article[article.index("</section>", article.index('class="lesson-meta"')):]  # after the facts box
    first_section = article.index("<h2")
    note = article.find('class="admonition')
    assert 0 <= note < first_section, "the team note must come before the first section"
    assert 'href="../"' in article[note:first_section]  # to the lessons for a class


def test_there_is_team_material() -> None:
    assert TEAM_PACKAGES


SHEET = {"nl": "werkblad", "fr": "fiche", "en": "worksheet"}
ANSWERS = {"nl": "verwachte antwoorden", "fr": "réponses attendues", "en": "expected answers"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("package", PUPIL_PACKAGES)
def test_every_worksheet_with_open_questions_has_model_answers(site_dir: Path, package: str, lang: str) -> None:
    """Issue 26: open questions without model answers; a teacher needs to know what to listen for."""
    html = (site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / package / "index.html").read_text(encoding="utf-8")
    teacher = _flat(html[:html.index('<div class="worksheet">')]).lower()
    sheets = re.findall(r'<div class="worksheet">\s*<h2[^>]*>(.*?)</h2>(.*?)</div>', html, re.S)
    assert sheets
    for title, body in sheets:
        if "<ol>" not in body:
            continue  # statements to tick only: their key is in the lesson plan
        number = re.search(r"\d+", _flat(title)).group(0)
        pattern = rf"{SHEET[lang]} {number}[^.]*?{ANSWERS[lang]}|\({SHEET[lang]} {number}\),? {ANSWERS[lang]}"
        assert re.search(pattern, teacher), (title, pattern)


CHECK = {"nl": "Korte check voor en na de les", "fr": "Petit test avant et après la leçon",
         "en": "Quick check before and after the lesson"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("package", PUPIL_PACKAGES)
def test_each_pupil_package_has_a_letter_to_parents_and_a_before_after_check(site_dir: Path, package: str, lang: str) -> None:
    """Issue 26: what good material around a lesson has: a letter to parents, a short check before and after."""
    html = (site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / package / "index.html").read_text(encoding="utf-8")
    letter = re.search(r'<div class="parent-letter">(.*?)</div>\s*</div>', html, re.S)
    assert letter, "no letter to parents"
    text = _flat(letter.group(1))
    for item in (BLOCKS["ouderbrief"]["items"][lang][0], BLOCKS["ouderbrief"]["items"][lang][-1]):
        assert " ".join(item.split()) in text
    assert "116 000" in text  # {tel:childfocus}: the number from data/hulplijnen.yml, as a link
    assert 'href="tel:116000"' in letter.group(1)
    sheets = re.findall(r'<div class="worksheet">(.*?)</div>', html, re.S)
    before = {"nl": "Voor de les", "fr": "Avant la leçon", "en": "Before the lesson"}[lang]
    check = [s for s in sheets if "<table>" in s and len(re.findall(r"<th[ >]", s)) == 3 and before in s]
    assert check, "no before/after sheet (statement, before, after)"
    assert _flat(CHECK[lang]) in _flat(html)  # its key for the teacher
