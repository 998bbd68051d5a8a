"""The page guard reads a page as a browser does (an HTML5 parser), and content/ publishes only files of a
known type. Each payload here was published by the guard that used Python's html.parser (issue 25)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.html_guard import Policy, check_html
from sitekit.project_files import check_project_files
from sitekit.svg_guard import check_svg

BASE = "https://www.stoptienerpooiers.be/over/"
POLICY = Policy("https://www.stoptienerpooiers.be/", ["childfocus.be", "jeugdhulp.be"], set())
REFRESH = '<meta http-equiv="refresh" content="3;url=https://evil.example/">'
OFF_LIST = '<a href="https://evil.example/">hier</a>'

HIDDEN_FROM_HTML_PARSER = {
    "abrupt-comment": f"<!-->{REFRESH}{OFF_LIST}<!-- -->",
    "abrupt-comment-dash": f"<!--->{REFRESH}<!-- -->",
    "cdata-in-html": f"<![CDATA[ >{REFRESH}{OFF_LIST} ]]>",
    "noscript-attribute-breakout": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "style-in-svg-breakout": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "style-in-math": f"<math><mi><style>{OFF_LIST}</style></mi></math>",
    "processing-instruction": f"<?x >{REFRESH}?>",
}


@pytest.mark.parametrize("html", HIDDEN_FROM_HTML_PARSER.values(), ids=HIDDEN_FROM_HTML_PARSER.keys())
def test_markup_a_browser_builds_is_seen(html: str) -> None:
    findings = check_html(f"<!doctype html><html><body><p>Tekst.</p>{html}</body></html>", BASE, POLICY)
    assert findings, html


@pytest.mark.parametrize("html", [
    "<style>p{position:fixed;inset:0}</style>", "<svg><style>rect{fill:red}</style></svg>",
    "<link rel=stylesheet href=https://childfocus.be/x.css>", "<link rel=prefetch href=../x>",
    '<svg><image href="https://childfocus.be/x.png"/></svg>', '<svg><use href="https://childfocus.be/x.svg#a"/></svg>',
    '<svg><a href="https://childfocus.be/">x</a></svg>', "<svg><foreignObject><p>x</p></foreignObject></svg>",
    '<p style="position:fixed;inset:0;z-index:2147483647;background:#fff">x</p>', "<template><p>x</p></template>",
    '<div popover id="x">x</div>', '<img src="https://jeugdhulp.be/x.png" alt="x">',
])
def test_styles_links_and_foreign_content_are_refused(html: str) -> None:
    assert check_html(f"<p>{html}</p>", BASE, POLICY), html


def test_a_cited_source_may_be_linked_but_never_loaded() -> None:
    assert not check_html('<p><a href="https://jeugdhulp.be/x">bron</a></p>', BASE, POLICY)
    assert check_html('<link rel="icon" href="https://jeugdhulp.be/favicon.ico">', BASE, POLICY)


def test_the_site_own_inline_svg_and_links_pass() -> None:
    page = ('<link rel="canonical" href="https://www.stoptienerpooiers.be/over/"><link rel="stylesheet" href="../a.css">'
            '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M1 1h2"/></svg><a href="../hulp/">hulp</a>')
    assert check_html(page, BASE, POLICY) == []


@pytest.mark.parametrize("svg", [
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://evil.example/x)"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><?xml-stylesheet href="https://evil.example/x.css"?><rect/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:red"/></svg>',
    b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>",
])
def test_an_svg_file_holds_shapes_only(svg: bytes) -> None:
    assert check_svg(svg), svg


def test_the_sites_own_svg_files_pass() -> None:
    images = Path(__file__).resolve().parents[2] / "content" / "assets" / "images"
    for svg in images.glob("*.svg"):
        assert check_svg(svg.read_bytes()) == [], svg


@pytest.mark.parametrize(("name", "content", "words"), [
    ("_redirects", b"/* https://evil.example/ 301\n", "starting with '_'"),
    ("_headers", b"/*\n  X: y\n", "starting with '_'"),
    (".htaccess", b"Redirect 301 / https://evil.example/\n", "starting with '.'"),
    ("page.xhtml", b'<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', ".xhtml files"),
    ("notes.txt", b"x", ".txt files"),
    ("x.svg", b'<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "DOCTYPE"),
])
def test_content_publishes_only_known_file_types(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    (tmp_path / "content" / "assets").mkdir(parents=True)
    (tmp_path / "content" / "assets" / name).write_bytes(content)
    problems = check_project_files(tmp_path)
    assert [p.path for p in problems] == [f"content/assets/{name}"], problems
    assert words in problems[0].message


def test_a_folder_starting_with_an_underscore_is_refused(tmp_path: Path) -> None:
    (tmp_path / "content" / "_intern").mkdir(parents=True)
    (tmp_path / "content" / "_intern" / "x.md").write_text("x", encoding="utf-8")
    assert [p.path for p in check_project_files(tmp_path)] == ["content/_intern"]


@pytest.mark.parametrize(("html", "refused"), [
    ('<a href="tel:116006">116 000</a>', True), ('<a href="tel:116000">Bel <span>116&nbsp;000</span></a>', False),
    ('<a href="tel:116000">Child Focus</a>', False), ('<a href="tel:116000">116 000 of 116 006</a>', True),
    ('<a href="TEL:116006"><span>Bel</span> <span dir="ltr">116 000</span></a>', True),
    ('<a href="tel:032011690">03 201 16 90</a>', False), ('<a href="tel:032011690">03/201.16.91</a>', True),
])
def test_a_phone_link_dials_the_number_it_shows(html: str, refused: bool) -> None:
    assert bool(check_html(html, BASE, POLICY)) is refused
