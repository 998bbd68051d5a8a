"""What a hostile contributor found in the generator as a package (issue 28), each shown to fail before:
a link that reaches a public PDF as a file: address, an SVG named .png that skipped the SVG check and could
hang the PDF step, a publisher role pointed at another file so `release` saw no missing contact, and
names with a newline at the end."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from sitekit import downloads
from sitekit.content_checks import publisher_not_ready
from sitekit.downloads import LostInPrint, PrintJob, _article, pdf_links, print_all
from sitekit.project_files import check_project_files
from sitekit.sitedata import load_data
from sitekit.terms import Terms, unknown_roles

ROOT = Path(__file__).resolve().parents[2]
PAGE = "https://www.example.org/professionals/les/"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def test_a_link_with_a_gt_in_an_attribute_points_to_the_public_site_in_a_pdf() -> None:
    html = ('<article class="md-content__inner md-typeset"><p><a title=">" '
            'href="../../../../../C:/Windows/calc.exe">Werkblad</a></p></article>')
    body = _article(html, PAGE)
    assert 'href="https://www.example.org/C:/Windows/calc.exe"' in body and 'href="../' not in body


def test_a_pdf_that_would_link_to_a_file_is_refused(tmp_path: Path) -> None:
    job = PrintJob('<html lang="en"><body><p><a href="file:///etc/passwd">x</a></p></body></html>', tmp_path,
                   tmp_path / "downloads" / "x.en.pdf", "lessons", "X", "en", tmp_path, tmp_path)
    with pytest.raises(LostInPrint, match="would open 'file:///etc/passwd'"):
        print_all(tmp_path, [job])
    assert not job.out.exists()
    fine = PrintJob('<html lang="en"><body><p><a href="https://example.org/">x</a></p></body></html>', tmp_path,
                    tmp_path / "downloads" / "y.en.pdf", "lessons", "Y", "en", tmp_path, tmp_path)
    print_all(tmp_path, [fine])
    assert pdf_links(fine.out) == ["https://example.org/"]


def test_a_pdf_that_takes_too_long_is_stopped_with_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "PDF_SECONDS", 1)
    rows = "".join(f"<tr><td>{i}</td><td>{'woord ' * 40}</td></tr>" for i in range(6000))  # seconds of layout
    job = PrintJob(f'<html lang="nl"><body><table>{rows}</table></body></html>', tmp_path,
                   tmp_path / "downloads" / "slow.nl.pdf", "lessons", "Traag", "nl", tmp_path, tmp_path)
    with pytest.raises(LostInPrint, match="slow.nl.pdf: printing it took more than 1 seconds"):
        print_all(tmp_path, [job])


def test_an_image_must_be_what_its_name_says(tmp_path: Path) -> None:
    images = tmp_path / "content" / "assets"
    images.mkdir(parents=True)
    (images / "schema.png").write_text(SVG, encoding="utf-8")  # an SVG: the SVG check never saw it
    from PIL import Image

    for name, kind in (("echt.png", "PNG"), ("echt.avif", "AVIF"), ("echt.webp", "WEBP")):
        Image.new("RGB", (8, 8), "white").save(images / name, kind)
    (images / "echt.svg").write_text(SVG, encoding="utf-8")
    (images / "schema4.avif").write_text("<!--ftypavif-->" + SVG, encoding="utf-8")  # the box bytes in a comment
    (images / "schema5.png").write_bytes(b"\x89PNG\r\n\x1a\n" + SVG.encode())  # a PNG signature, then an SVG
    problems = check_project_files(tmp_path)
    assert sorted((p.path, p.message.split(":")[0]) for p in problems) == [
        ("content/assets/schema.png", "this file's content is not PNG"),
        ("content/assets/schema4.avif", "this file's content is not AVIF"),
        ("content/assets/schema5.png", "this file's content is not PNG")]


def test_two_roles_cannot_share_a_file_and_no_publisher_data_is_not_ready() -> None:
    clash = Terms(("nl", "fr", "en"), files={"uitgever": "site"})
    assert "names two data files (publisher, site)" in str(clash.clashes())
    data, problems = load_data(ROOT / "data", ["nl", "fr", "en"], ROOT, clash)
    assert problems and problems[0].path == "mkdocs.yml"
    data, _ = load_data(ROOT / "data", ["nl", "fr", "en"], ROOT)
    data = copy.deepcopy(data)
    del data.values["uitgever"]
    assert "not ready to publish" in publisher_not_ready(data)[0].message


def test_names_with_a_newline_at_the_end_are_refused() -> None:
    found = unknown_roles({"publisher": "uitgever\n"}, ["jongeren\n", "ouders", "ouders"])
    assert len(found) == 3 and "'ouders' is named twice" in str(found)
    assert "'jongeren\\n'" in found[0].message  # shown as written, not broken over two lines
