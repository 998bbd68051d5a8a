"""Issue 26: lesson material a teacher can print without surprises. What a reader sees on the page or on
paper: no HTML entity or broken French spacing, every link's address printed, a help card per pupil, and
layout rules that hold for every PDF (no near-empty page, no heading or first table row alone at a page's
foot, the cover once, the poster's small print readable)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT

LESSONS = sorted(p.stem for p in (ROOT / "content" / "professionals" / "lesmateriaal").glob("*.md")
                 if "." not in p.stem and p.stem != "index")
LESSON_PDFS = [f"{package}.{lang}.pdf" for package in LESSONS for lang in LANGUAGES]
ALL_PDFS = LESSON_PDFS + [f"{kind}-laat-je-niet-pakken.{lang}.pdf" for kind in ("poster", "postkaart")
                          for lang in LANGUAGES] + [f"signalenlijst-professionals.{lang}.pdf" for lang in LANGUAGES]
# what a reader must never see: an entity printed as text (&rsquo; &amp; &#8217;), an entity cut by French
# spacing (&rsquo ;), a lone "& ;"
VISIBLE_CODE = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#x[0-9a-fA-F]{2,5})\s?;|&\s+;")


class _Text(HTMLParser):
    """A page's text as a browser shows it: entities decoded once, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def test_no_built_page_shows_an_entity_or_broken_spacing(site_dir: Path) -> None:
    """The French spacing step turned &rsquo; into "&rsquo ;" in 53 timing cells (issue 26)."""
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        for m in VISIBLE_CODE.finditer(page_text(page.read_text(encoding="utf-8"))):
            found.append(f"{page.relative_to(site_dir)}: {m.group(0)!r}")
    assert found == [], found[:20]


def test_the_check_sees_what_it_must() -> None:
    assert VISIBLE_CODE.search(page_text("<td>0-5&amp;rsquo ;</td>"))
    assert VISIBLE_CODE.search(page_text("Missing &amp; ; Exploited"))
    assert not VISIBLE_CODE.search(page_text("<td>0-5&rsquo;</td><p>A &amp; B; C</p><script>a&&b;</script>"))


def pdf_pages(path: Path) -> list[str]:
    return [(page.extract_text() or "").replace("\xa0", " ") for page in PdfReader(path).pages]


@pytest.mark.parametrize("name", ALL_PDFS)
def test_no_pdf_prints_an_entity_or_broken_spacing(site_dir: Path, name: str) -> None:
    text = "\n".join(pdf_pages(site_dir / "downloads" / name))
    assert VISIBLE_CODE.findall(text) == []


def short_address(uri: str) -> str:
    """How paper shows a link: without https:// and www."""
    return re.sub(r"^https?://(www\.)?", "", uri)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", LESSON_PDFS)
def test_every_link_in_a_lesson_pdf_prints_its_address(site_dir: Path, name: str) -> None:
    """Issue 26: "Het fenomeen" was underlined on paper with no address to type."""
    reader = PdfReader(site_dir / "downloads" / name)
    missing, links = [], 0
    texts = [_squeezed((page.extract_text() or "").replace("\xa0", " ")) for page in reader.pages] + [""]
    for number, page in enumerate(reader.pages, start=1):
        text = texts[number - 1] + texts[number]  # a link at a page's foot may have its address on the next
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            uri = str(action.get_object().get("/URI", "")) if action else ""
            if not uri.startswith("http"):
                continue  # tel: and mailto: links show their number or address as their text
            links += 1
            if _squeezed(short_address(uri)) not in text:
                missing.append((number, uri))
    assert links, "no web link in this lesson package: did the links disappear?"
    assert missing == []


def help_card_lines(lang: str) -> list[dict]:
    site = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
    lines = yaml.safe_load((ROOT / "data" / "hulplijnen.yml").read_text(encoding="utf-8"))
    return [lines[key] for key in site["downloads"]["help_card"][lang]]


@pytest.mark.parametrize("name", LESSON_PDFS)
def test_each_lesson_package_ends_with_a_help_card_per_pupil(site_dir: Path, name: str) -> None:
    """The last page: cut-out cards in the package's language, every line from data/hulplijnen.yml."""
    lang = name.split(".")[-2]
    last = pdf_pages(site_dir / "downloads" / name)[-1]
    lines = help_card_lines(lang)
    assert lines
    for line in lines:
        number = line["phone_display"]
        assert last.count(number) >= 6, (number, last[:400])  # six or more cards on the sheet
        name = " ".join(line["name"][lang].replace(number, " ").split())  # "Télé-Accueil 107": the number once
        assert name in last
        assert line["card"][lang] in last
    assert last.count("stoptienerpooiers.be") >= 6
