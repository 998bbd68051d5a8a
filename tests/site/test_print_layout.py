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


def _ui(key: str, lang: str) -> str:
    return yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))[key][lang]


@pytest.mark.parametrize("name", LESSON_PDFS)
def test_the_cover_is_printed_once(site_dir: Path, name: str) -> None:
    """Issue 26: page 2 repeated the cover's facts (for whom, how long)."""
    package, lang = name.split(".")[0], name.split(".")[-2]
    front = yaml.safe_load((ROOT / "content" / "professionals" / "lesmateriaal" /
                            (f"{package}.md" if lang == "nl" else f"{package}.{lang}.md")).read_text(encoding="utf-8").split("---")[1])
    text = " ".join("\n".join(pdf_pages(site_dir / "downloads" / name)).split())
    level = _ui(f"lesson.level.{front['lesson']['level']}", lang)
    assert text.count(level) == 1, level
    assert text.count(_ui("lesson.duration", lang)) == 1


# A4 in points, print.css margins: 20 mm top, 22 mm bottom (the footer with the page number lives there)
A4_HEIGHT_PT, TOP_PT, BOTTOM_PT = 841.89, 20 * 72 / 25.4, 22 * 72 / 25.4


def ink_fill(path: Path) -> list[float]:
    """Per page: how far down the text area anything is drawn (0 = empty, 1 = down to the bottom margin)."""
    import pypdfium2

    fills = []
    pdf = pypdfium2.PdfDocument(path)
    try:
        for page in pdf:
            scale = 0.5
            image = page.render(scale=scale, grayscale=True).to_pil()
            top, bottom = round(TOP_PT * scale), image.height - round(BOTTOM_PT * scale)
            area = image.crop((0, top, image.width, bottom)).point(lambda v: 255 if v < 200 else 0)
            box = area.getbbox()
            fills.append(0.0 if box is None else box[3] / (bottom - top))
    finally:
        pdf.close()
    return fills


@pytest.mark.parametrize("name", LESSON_PDFS + [f"signalenlijst-professionals.{lang}.pdf" for lang in LANGUAGES])
def test_no_page_is_nearly_empty_except_the_last(site_dir: Path, name: str) -> None:
    """Issue 26: a three-line help block, two lines of text or a sources list alone on a page."""
    fills = ink_fill(site_dir / "downloads" / name)
    thin = [(number, round(fill, 2)) for number, fill in enumerate(fills[:-1], start=1) if fill < 0.25]
    assert thin == []


def _structure(path: Path) -> list:
    """The structure tree's elements in reading order: (type, page index, element)."""
    reader = PdfReader(path)
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    found: list = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S"):
            page = node.get("/Pg")
            found.append((str(node["/S"]), pages.get(page.idnum) if page is not None else None, node))
        if "/K" in node:
            walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


HEADINGS = ("/H1", "/H2", "/H3", "/H4")


def first_row_alone(elements: list, i: int) -> bool:
    """WeasyPrint tags each page's part of a split table as its own /Table (the head row repeated): the
    table at elements[i] starts here, has one body row on this page and goes on on the next page."""
    inside = _subtree(elements, i)
    before = elements[i - 1] if i else None
    after = elements[i + 1 + len(inside)] if i + 1 + len(inside) < len(elements) else None
    if before and before[0] in ("/TD", "/TH", "/TR", "/TBody", "/THead") and before[1] == elements[i][1] - 1:
        return False  # a continuation, not the table's start
    body_rows = [node for kind, _, node in inside
                 if kind == "/TR" and node["/P"].get_object().get("/S") != "/THead"]
    return len(body_rows) == 1 and after is not None and after[0] == "/Table" and after[1] == elements[i][1] + 1


def _subtree(elements: list, i: int) -> list:
    """The elements inside elements[i] (a table split over pages is one /Table per page)."""
    inside, seen = [], {id(elements[i][2])}
    for kind, page, node in elements[i + 1:]:
        parent = node.get("/P")
        if parent is None or id(parent.get_object()) not in seen:
            break
        seen.add(id(node))
        inside.append((kind, page, node))
    return inside


@pytest.mark.parametrize("name", LESSON_PDFS + [f"signalenlijst-professionals.{lang}.pdf" for lang in LANGUAGES])
def test_no_heading_or_first_table_row_alone_at_a_page_foot(site_dir: Path, name: str) -> None:
    """A heading's next element starts on the heading's page; a table's first two rows share a page."""
    elements = _structure(site_dir / "downloads" / name)
    alone = []
    for i, (kind, page, _) in enumerate(elements):
        if kind in HEADINGS:
            following = next(((k, p) for k, p, _ in elements[i + 1:] if p is not None and k not in ("/Span", "/NonStruct")), None)
            if following and following[1] != page:
                alone.append((kind, page + 1, "heading alone"))
        if kind == "/Table" and first_row_alone(elements, i):
            alone.append((kind, page + 1, "first row alone"))
    assert alone == []


def test_the_layout_check_finds_a_heading_or_a_first_row_alone(tmp_path: Path) -> None:
    """The check above must be able to fail: a PDF made to have both faults."""
    from weasyprint import HTML

    def pdf(body: str, name: str) -> list:
        html = (f'<html lang="en"><head><title>t</title><style>@page {{ size: A4; margin: 20mm }} h2 {{ break-after: auto }}'
                f' tr {{ height: 14mm }} th, td {{ padding: 0 }}</style></head><body>{body}</body></html>')
        HTML(string=html).write_pdf(tmp_path / name, pdf_variant="pdf/ua-1")
        return _structure(tmp_path / name)

    elements = pdf(f'<div style="height: 236mm"></div><h2>Alone</h2><p>{"Text. " * 400}</p>', "heading.pdf")
    headings = [page for kind, page, _ in elements if kind == "/H2"]
    paragraphs = [page for kind, page, _ in elements if kind == "/P"]
    assert headings[0] != paragraphs[0]  # the heading is at the foot of page 1, its text on page 2
    table = '<table><thead><tr><th>A</th></tr></thead><tbody>' + "<tr><td>x</td></tr>" * 4 + "</tbody></table>"
    elements = pdf('<div style="height: 215mm"></div>' + table, "table.pdf")  # room for the head and one row
    starts = [i for i, (kind, _, _) in enumerate(elements) if kind == "/Table"]
    assert first_row_alone(elements, starts[0]) and not first_row_alone(elements, starts[1])
    elements = pdf('<div style="height: 200mm"></div>' + table, "table2.pdf")  # room for two rows
    assert not any(first_row_alone(elements, i) for i, (kind, _, _) in enumerate(elements) if kind == "/Table")


# S. L. Smith, "Letter Size and Legibility", Human Factors 21(6), 1979, doi:10.1177/001872087912210604 (abstract
# read 2026-12-06 at https://scilit.net/publications/5bbb7ef8dc2f69fc3d531b521e42e313): design standards recommend
# letter heights of 0.003 to 0.007 rad; in the field, over 90 % legibility at 0.003 rad, virtually 100 % at 0.007.
READ_AT_2M_RAD, NUMBER_AT_2M_RAD = 0.005, 0.007


def capital_per_line_height() -> float:
    """The project font's capital height over its line box (ascent - descent): PDFium's loose character box
    is that line box, the same for every letter of a run, whatever the letter."""
    import glob

    import font_source_sans_pro
    from fontTools.ttLib import TTFont

    font = TTFont(glob.glob(str(Path(font_source_sans_pro.__file__).parent / "files" / "SourceSansPro-Regular.*"))[0])
    return font["OS/2"].sCapHeight / (font["hhea"].ascent - font["hhea"].descent)


def poster_lines(path: Path) -> list[tuple[str, float]]:
    """Each text line of page 1 with its capitals' height in mm (of its largest letters)."""
    import pypdfium2

    ratio = capital_per_line_height()
    pdf = pypdfium2.PdfDocument(path)
    try:
        textpage = pdf[0].get_textpage()
        text = textpage.get_text_range()
        lines: dict[int, list[tuple[str, float]]] = {}
        for i, char in enumerate(text[:textpage.count_chars()]):
            if char.isspace():
                continue
            bottom, top = textpage.get_charbox(i, loose=True)[1::2]
            lines.setdefault(round(bottom / 4), []).append((char, (top - bottom) * ratio * 25.4 / 72))
    finally:
        pdf.close()
    return [("".join(c for c, _ in chars), max(h for _, h in chars)) for _, chars in sorted(lines.items(), reverse=True)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_posters_every_line_reads_from_two_metres_on_a3_and_on_a4(site_dir: Path, lang: str) -> None:
    """Issue 26: the e-mail, site address and "scan" lines were 4.6 mm high: unreadable from two metres. Printed
    on A4 (A3 scaled by 1/sqrt 2), 0.005 rad becomes 0.0035: above the 0.003 rad over 90 % of Smith's readers read."""
    phone = yaml.safe_load((ROOT / "data" / "hulplijnen.yml").read_text(encoding="utf-8"))["childfocus"]["phone_display"]
    lines = poster_lines(site_dir / "downloads" / f"poster-laat-je-niet-pakken.{lang}.pdf")
    assert len(lines) >= 6
    for text, height in lines:
        assert height / 2000 >= READ_AT_2M_RAD, (text, round(height, 1))
        if text.endswith(phone.replace(" ", "")):  # "Child Focus 116 000", not the e-mail address
            assert height / 2000 >= NUMBER_AT_2M_RAD, (text, round(height, 1))


WRITING_LINE_GREY = (120, 190)  # print.css draws writing lines in #999: not black like table borders


def worksheet_pages(path: Path) -> list[tuple[str, int]]:
    """Per page: its text and the number of grey writing lines drawn (only worksheets have them)."""
    import pypdfium2

    reader_pages = pdf_pages(path)
    found = []
    pdf = pypdfium2.PdfDocument(path)
    try:
        for number, page in enumerate(pdf):
            text = reader_pages[number]
            image = page.render(scale=2, grayscale=True).to_pil()
            width, pixels = image.width, image.load()
            lines, previous = 0, False
            for y in range(image.height):
                grey = sum(1 for x in range(0, width, 3) if WRITING_LINE_GREY[0] <= pixels[x, y] <= WRITING_LINE_GREY[1])
                current = grey * 3 > width * 0.5
                lines += current and not previous
                previous = current
            found.append((text, lines))
    finally:
        pdf.close()
    return found


def open_questions(site_dir: Path, name: str) -> int:
    """The numbered questions of the package's worksheets (`<ol>` items), from its built page."""
    package, lang = name.split(".")[0], name.split(".")[-2]
    html = (site_dir / ("" if lang == "nl" else f"{lang}/") / "professionals" / "lesmateriaal" / package / "index.html").read_text(encoding="utf-8")
    count = 0
    for sheet in re.findall(r'<div class="worksheet">(.*?)</div>', html, re.S):
        for ol in re.findall(r"<ol>(.*?)</ol>", sheet, re.S):
            count += ol.count("<li>")
    return count


@pytest.mark.parametrize("name", LESSON_PDFS)
def test_open_questions_have_lines_to_write_on(site_dir: Path, name: str) -> None:
    """Issue 26: about two unlined lines per question; handwriting needs ruled lines, three per question."""
    questions = open_questions(site_dir, name)
    assert questions, "no open question on the worksheets"
    lines = sum(count for _, count in worksheet_pages(site_dir / "downloads" / name))
    assert lines >= 3 * questions, (questions, lines)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_signal_lists_outcomes_stay_together(site_dir: Path, lang: str) -> None:
    """Issue 26: the decisive "Handel nu" section stood alone on the signal list's last page, away from
    "Wat betekent het?" and the other outcomes."""
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    checklist = yaml.safe_load((ROOT / "data" / "checklists" / "professionals.yml").read_text(encoding="utf-8"))
    pages = [" ".join(p.split()) for p in pdf_pages(site_dir / "downloads" / f"signalenlijst-professionals.{lang}.pdf")]
    heading = " ".join(ui["checklist.result_heading"][lang].split())
    act = " ".join(checklist["outcomes"]["act"]["title"][lang].split()) + " ("  # the heading, with its points
    with_heading = [i for i, text in enumerate(pages) if heading in text]
    with_act = [i for i, text in enumerate(pages) if act in text]
    assert with_heading and with_act and with_heading[0] == with_act[0], (with_heading, with_act)
