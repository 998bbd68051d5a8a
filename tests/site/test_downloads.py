"""PDF downloads in the real built site: they open, hold real text, declare their language; QR codes decode."""

from __future__ import annotations

import html as htmllib
import json
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, lang_prefix

LESSONS = sorted(p.stem for p in (ROOT / "content" / "professionals" / "lesmateriaal").glob("*.md")
                 if p.stem != "index" and "." not in p.stem)


def test_at_least_four_lesson_packages_with_pupil_material(site_dir: Path) -> None:
    assert len(LESSONS) >= 4, LESSONS
    levels = set()
    for package in LESSONS:
        for lang in LANGUAGES:
            html = (site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / package / "index.html").read_text(encoding="utf-8")
            meta = json.loads(re.search(r'<script type="application/json" id="lesson-meta">(.*?)</script>', html, re.S).group(1))
            assert meta["lang"] == lang, f"{package} has no {lang} translation"
            assert 'class="worksheet"' in html or 'class="cards"' in html, f"{package} ({lang}) has no worksheet or cards"
            levels.add(meta["lesson"]["level"])
    assert "jeugdhulp" in levels and len(levels) >= 3, levels


def pdf_text(path: Path) -> str:
    """The text of every page; a no-break space (as in "116 000") reads as a space."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages).replace("\xa0", " ")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("package", LESSONS)
def test_lesson_pdf(site_dir: Path, package: str, lang: str) -> None:
    pdf = site_dir / "downloads" / f"{package}.{lang}.pdf"
    reader = PdfReader(pdf)
    assert 3 <= len(reader.pages) <= 16
    text = pdf_text(pdf)
    html = (site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / package / "index.html").read_text(encoding="utf-8")
    title = htmllib.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip())  # titles are escaped
    title = title.replace("\u00ad", "")  # soft hyphens of large headings (web only)
    assert " ".join(title.split()) in " ".join(text.split())
    if lang == "fr":
        assert "Parles-en:" not in text  # the help line keeps French spacing, as on the web
    assert "116 000" in text
    assert "stoptienerpooiers.be" in text
    assert str(reader.trailer["/Root"].get("/Lang")) == lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", ["poster", "postkaart"])
def test_campaign_pdf_has_a_qr_code_to_the_youth_section(site_dir: Path, tmp_path: Path, kind: str, lang: str) -> None:
    import zxingcpp
    from PIL import Image

    pdf = site_dir / "downloads" / f"{kind}-laat-je-niet-pakken.{lang}.pdf"
    assert len(PdfReader(pdf).pages) == 1
    assert "116 000" in pdf_text(pdf)
    subprocess.run(["pdftoppm", "-r", "100" if kind == "poster" else "200", "-png", "-singlefile", str(pdf), str(tmp_path / "p")], check=True)
    codes = [c.text for c in zxingcpp.read_barcodes(Image.open(tmp_path / "p.png"))]
    assert codes == [f"https://www.stoptienerpooiers.be/{lang_prefix(lang)}jongeren/"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_professionals_checklist_pdf(site_dir: Path, lang: str) -> None:
    import yaml

    pdf = site_dir / "downloads" / f"signalenlijst-professionals.{lang}.pdf"
    assert 1 <= len(PdfReader(pdf).pages) <= 4
    text = " ".join(pdf_text(pdf).split())
    assert "116 000" in text
    # "tick and the step appears here" is for the screen; on paper it means nothing
    checklist = yaml.safe_load((ROOT / "data" / "checklists" / "professionals.yml").read_text(encoding="utf-8"))
    start = checklist["outcomes"]["start"]
    assert " ".join(start["text"][lang].split()) not in text
    # on paper the reader adds up the points: every signal shows its own, and the explanation names this
    # list's own outcome ("Handel nu"), not another list's ("Kom nu in actie")
    points = {"nl": ("punt", "punten"), "fr": ("point", "points"), "en": ("point", "points")}[lang]
    shown = re.findall(r"\((\d) (?:%s|%s)\)" % points, text)
    assert len(shown) == len(checklist["signals"])
    assert sorted(map(int, shown)) == sorted(s["weight"] for s in checklist["signals"])
    act = checklist["outcomes"]["act"]["title"][lang]
    span = {"nl": "1 tot 3", "fr": "1 à 3", "en": "1 to 3"}[lang]
    how = text[text.index(span):][:200]
    assert act in how, how


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_page_lists_every_file_and_links_resolve(site_dir: Path, lang: str) -> None:
    page = site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / "index.html"
    html = page.read_text(encoding="utf-8")
    files = json.loads((site_dir / "downloads" / "index.json").read_text(encoding="utf-8"))
    links = re.findall(r'<a href="([^"]+\.pdf)" download', html)
    assert len(links) == len(files) >= 3 * 3 + 3 * len(LESSONS)  # posters, postcards, signal lists, lessons × 3 languages
    for link in links:
        assert (page.parent / link).resolve().is_file(), link
    unit = "Ko" if lang == "fr" else "KB"  # French writes octets
    assert html.count(unit) >= len(files)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_campaign_page_lists_only_the_campaign_files(site_dir: Path, lang: str) -> None:
    page = site_dir / lang_prefix(lang) / "campagne" / "materiaal" / "index.html"
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+\.pdf)" download', html)
    assert sorted(Path(link).name for link in links) == sorted(
        f"{kind}-laat-je-niet-pakken.{code}.pdf" for kind in ("poster", "postkaart") for code in LANGUAGES)
    for link in links:
        assert (page.parent / link).resolve().is_file(), link
    assert "data-downloads" not in html  # every marker was replaced


@pytest.mark.parametrize("lang", LANGUAGES)
def test_campaign_page_shows_a_preview_of_the_poster_and_the_postcard(site_dir: Path, lang: str) -> None:
    """A preview image of page 1 of each campaign PDF in the page's language, made at build from the PDF."""
    from PIL import Image

    page = site_dir / lang_prefix(lang) / "campagne" / "materiaal" / "index.html"
    html = page.read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+\.webp)" alt="([^"]+)" width="(\d+)" height="(\d+)"', html)
    assert sorted(Path(src).name for src, *_ in images) == sorted(
        f"{kind}-laat-je-niet-pakken.{lang}.webp" for kind in ("poster", "postkaart"))
    for src, alt, width, height in images:
        with Image.open((page.parent / src).resolve()) as img:
            assert img.width >= 2 * int(width) - 1  # sharp on phone screens
            assert abs(img.height / img.width - int(height) / int(width)) < 0.02
            assert abs(img.height / img.width - 2 ** 0.5) < 0.03  # an A-size page, whole
            assert len(img.getcolors(1 << 20) or range(1000)) > 50  # something is drawn, not a blank page
        assert alt.strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lesson_overview_links_every_package_page(site_dir: Path, lang: str) -> None:
    page = site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / "index.html"
    html = page.read_text(encoding="utf-8")
    table = html[html.index("<table>"):html.index("</table>")]
    linked = set(re.findall(r'<a href="([a-z0-9-]+)/">', table))
    assert linked == set(LESSONS)
    for package in LESSONS:
        assert (page.parent / package / "index.html").is_file()


ALL_PDFS = [f"{package}.{lang}.pdf" for package in LESSONS for lang in LANGUAGES] + [
    f"{kind}-laat-je-niet-pakken.{lang}.pdf" for kind in ("poster", "postkaart") for lang in LANGUAGES] + [
    f"signalenlijst-professionals.{lang}.pdf" for lang in LANGUAGES]
PRINTABLE_MARGIN_PT = 5 * 72 / 25.4  # most printers cannot print the outer 5 mm of a sheet


def words_outside_printable_area(pdf: Path) -> list[tuple[int, str]]:
    """Every word (pdftotext -bbox) that reaches into the outer 5 mm of its page or beyond."""
    from xml.etree import ElementTree

    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    outside = []
    for number, page in enumerate(ElementTree.fromstring(xml).iter("page"), start=1):
        width, height, m = float(page.get("width")), float(page.get("height")), PRINTABLE_MARGIN_PT
        for word in page.iter("word"):
            x1, y1, x2, y2 = (float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            if x1 < m or y1 < m or x2 > width - m or y2 > height - m:
                outside.append((number, word.text))
    return outside


@pytest.mark.parametrize("name", ALL_PDFS)
def test_no_text_is_cut_off_at_the_page_edge(site_dir: Path, name: str) -> None:
    """A table wider than the page cut teachers' instructions off mid-word (issue 16)."""
    assert words_outside_printable_area(site_dir / "downloads" / name) == []


def pdf_fonts(pdf: Path) -> list[list[str]]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [line.split() for line in lines]


@pytest.mark.parametrize("name", ALL_PDFS)
def test_pdfs_use_only_the_projects_font_embedded(site_dir: Path, name: str) -> None:
    """The font the project ships (data/site.yml downloads.font), never a fallback from the build machine:
    WeasyPrint names an embedded font after its @font-face family, which only sitekit/pdf_fonts.py declares."""
    from sitekit.pdf_fonts import FAMILY

    fonts = pdf_fonts(site_dir / "downloads" / name)
    assert fonts
    for font in fonts:
        name_, emb = font[0], font[-5]
        assert name_.split("+")[-1].startswith(FAMILY.replace(" ", "-")), font
        assert emb == "yes", font


@pytest.mark.parametrize("name", ALL_PDFS)
def test_pdfs_are_tagged_for_screen_readers_and_declare_their_language(site_dir: Path, name: str) -> None:
    root = PdfReader(site_dir / "downloads" / name).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root.get("/Lang")) == name.split(".")[-2]
    assert "pdfuaid" in (root["/Metadata"].get_object().get_data().decode("utf-8", "replace"))


def _elements(node, found: list, kind: str, parent=None) -> None:
    """Every structure element of type `kind` (e.g. "/Figure") of a tagged PDF's structure tree, with its
    parent element."""
    node = node.get_object()
    if isinstance(node, list):
        for kid in node:
            _elements(kid, found, kind, parent)
        return
    if not hasattr(node, "get"):
        return
    if node.get("/S") == kind:
        found.append((node, parent))
    if "/K" in node:
        _elements(node["/K"], found, kind, node if node.get("/S") else parent)


def _figures(node, found: list) -> None:
    """Every /Figure of a tagged PDF's structure tree, with its /Alt (None when missing)."""
    elements: list = []
    _elements(node, elements, "/Figure")
    found += [figure.get("/Alt") for figure, _ in elements]


TABLE_PDFS = [f"{package}.{lang}.pdf" for package in LESSONS for lang in LANGUAGES]  # each has a timing table


@pytest.mark.parametrize("name", TABLE_PDFS)
def test_pdf_table_headers_have_a_scope_and_cells_know_their_header(site_dir: Path, name: str) -> None:
    """Issue 27: a screen reader reads a PDF table's cells with their header only when the header says what it
    heads (/Scope, PDF/UA-1) or the cell names it (/Headers)."""
    root = PdfReader(site_dir / "downloads" / name).trailer["/Root"]["/StructTreeRoot"]
    headers: list = []
    cells: list = []
    _elements(root, headers, "/TH")
    _elements(root, cells, "/TD")
    assert headers, "no table header in this PDF: is it still a table?"
    ids = set()
    for th, row in headers:
        attributes = th["/A"].get_object()
        section = row["/P"].get_object().get("/S")
        assert attributes.get("/Scope") == ("/Column" if section == "/THead" else "/Row"), (section, attributes)
        ids.add(str(th["/ID"]))
    for td, _ in cells:
        named = [str(h) for h in td["/A"].get_object().get("/Headers", [])]
        assert named and set(named) <= ids, named


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_posters_figures_have_alternative_text(site_dir: Path, lang: str) -> None:
    """Issue 27: the poster PDF's two figures (the drawing and the QR code) had no alternative text."""
    reader = PdfReader(site_dir / "downloads" / f"poster-laat-je-niet-pakken.{lang}.pdf")
    found: list = []
    _figures(reader.trailer["/Root"]["/StructTreeRoot"], found)
    assert len(found) == 2 and all(alt and str(alt).strip() for alt in found), found
