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
    assert " ".join(title.split()) in " ".join(text.split())
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
    pdf = site_dir / "downloads" / f"signalenlijst-professionals.{lang}.pdf"
    assert 1 <= len(PdfReader(pdf).pages) <= 4
    assert "116 000" in pdf_text(pdf)


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
def test_lesson_overview_links_every_package_page(site_dir: Path, lang: str) -> None:
    page = site_dir / lang_prefix(lang) / "professionals" / "lesmateriaal" / "index.html"
    html = page.read_text(encoding="utf-8")
    table = html[html.index("<table>"):html.index("</table>")]
    linked = set(re.findall(r'<a href="([a-z0-9-]+)/">', table))
    assert linked == set(LESSONS)
    for package in LESSONS:
        assert (page.parent / package / "index.html").is_file()
