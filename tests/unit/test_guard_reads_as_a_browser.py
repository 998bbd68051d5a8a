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
    ("folder.pdf", b"%PDF-1.4 /OpenAction << /S /JavaScript >>", ".pdf files"),
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


@pytest.mark.parametrize("html", [
    '<img name="querySelectorAll" alt="x" src="../x.png">',            # clobbers document.querySelectorAll
    '<form name="cookie"></form>',
    '<a href="../hulp/" ping="/p https://evil.example/hit">x</a>',     # ping is a list of addresses
    '<img alt="x" src="../x.png" srcset="https://www.stoptienerpooiers.be,@evil.example/p.png 1x">',
    '<button commandfor="tip" command="show-modal">x</button><dialog id="tip">x</dialog>',
    "<dialog open>x</dialog>", "<video src=../x.mp4></video>", "<canvas></canvas>", '<marquee>x</marquee>',
    '<a href="../hulp/" tabindex="1">first stop before the exit</a>',
])
def test_markup_that_breaks_or_covers_the_frame_is_refused(html: str) -> None:
    assert check_html(f"<p>{html}</p>", BASE, POLICY), html


def test_form_controls_keep_their_names() -> None:
    assert not check_html('<form><input type="checkbox" name="snel-verliefd" id="x"><label for="x">x</label></form>',
                          BASE, POLICY)


def test_a_number_hidden_in_the_link_cannot_make_up_the_dialled_one() -> None:
    """Digits are compared per piece of text: a hidden '0903' before a visible '116 000' dials 0903116000."""
    assert check_html('<a href="tel:0903116000"><span hidden>0903</span>116&nbsp;000</a>', BASE, POLICY)


def test_only_numbers_from_the_data_can_be_dialled() -> None:
    policy = Policy("https://www.stoptienerpooiers.be/", ["childfocus.be"], set(), phones={"116000", "101"})
    assert not check_html('<a href="tel:116000">116 000</a>', BASE, policy)
    assert check_html('<a href="tel:0903116000">Bel ons</a>', BASE, policy)


def test_a_page_links_only_to_the_hosts_of_the_sources_it_cites() -> None:
    policy = Policy("https://www.stoptienerpooiers.be/", ["childfocus.be"], set(), cited=["https://jeugdhulp.be/x"])
    assert not check_html('<a href="https://jeugdhulp.be/y">bron</a>', BASE, policy)
    assert check_html('<a href="https://tracker.example/x">rapport</a>', BASE, policy)


def test_a_link_in_content_may_not_lead_to_a_folder_elsewhere_in_the_project(tmp_path: Path) -> None:
    """MkDocs follows links to folders and publishes what is behind them (a script in data/, .git/config)."""
    (tmp_path / "content" / "assets").mkdir(parents=True)
    (tmp_path / "data" / "vendor").mkdir(parents=True)
    (tmp_path / "content" / "assets" / "javascripts").symlink_to(tmp_path / "data" / "vendor")
    (tmp_path / "content" / "assets" / "banner.png").symlink_to(tmp_path / "data" / "x.yml")
    paths = sorted(p.path for p in check_project_files(tmp_path))
    assert paths == ["content/assets/banner.png", "content/assets/javascripts"]


def test_data_holds_yaml_only(tmp_path: Path) -> None:
    (tmp_path / "data" / "vendor" / "site").mkdir(parents=True)
    (tmp_path / "data" / "vendor" / "site" / "quick-exit.js").write_text("x", encoding="utf-8")
    assert [p.path for p in check_project_files(tmp_path)] == ["data/vendor/site/quick-exit.js"]


def test_a_css_escape_in_an_svg_file_is_refused() -> None:
    assert check_svg(b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="\\75 rl(https://evil.example/a.svg#a) red"/></svg>')


def test_a_link_in_a_lesson_pdf_cannot_add_markup() -> None:
    from sitekit.downloads import _article

    page = ('<article class="md-content__inner md-typeset"><p><a href="./&quot;&gt;&lt;/a&gt;&lt;a href=&quot;'
            'https://evil.example/pdf&quot;&gt;klik&lt;/a&gt;&lt;a href=&quot;">op deze pagina</a></p></article>')
    body = _article(page, "https://www.stoptienerpooiers.be/professionals/lesmateriaal/x/")
    assert '<a href="https://evil.example' not in body and "&quot;&gt;" in body


def test_search_keywords_stay_linear_and_synonyms_are_limited() -> None:
    import time

    from sitekit.components.search import keywords
    from sitekit.schema import validate
    from sitekit.yamltext import parse_yaml

    groups = [[f"qz{i}", f"qy{i}"] for i in range(20_000)]
    start = time.monotonic()
    assert keywords("een tekst met qz7 en nog wat woorden " * 200, groups) == "qz7 qy7"
    assert time.monotonic() - start < 5  # was minutes: a regular expression per synonym per page
    located, _ = parse_yaml("synonyms:\n  nl:\n" + "".join(f"    - [qz{i}, qy{i}]\n" for i in range(300))
                            + "stopwords: {nl: [de]}\n", "data/zoeken.yml")
    assert located is not None and validate("zoeken", located, "data/zoeken.yml")


# Second hostile review (issue 25)
@pytest.mark.parametrize("html", [
    '<h1 id="online&quot;&gt;&lt;a/data-quick-exit/href/hidden/x@y">x</h1>',   # an id that breaks out of the skip link
    "<h2 id=\"signalen'><a data-quick-exit href='/' hidden x='\">x</h2>",
    '<a href="tel:1%1600%0A">116 000</a>',                                      # decodes to 1<ctrl>600<newline>
    '<a href="tel:116000" dir="rtl">116 000</a>',                              # shown as 000 116
    '<p dir="auto">x</p>',
    '<a href="tel:116000" aria-label="Bel Tele-Onthaal 106">bel hier</a>',     # read out as another line
    '<a href="tel:116000" title="106">bel hier</a>',
    '<svg><text>Bel 0900 12 34 56</text></svg>',
])
def test_second_round_payloads_are_refused(html: str) -> None:
    policy = Policy("https://www.stoptienerpooiers.be/", ["childfocus.be"], set(), phones={"116000", "106"})
    assert check_html(f"<p>{html}</p>", BASE, policy), html


def test_content_holds_no_script_and_only_the_sites_own_data_attributes() -> None:
    from sitekit.html_guard import check_content

    assert check_content('<script type="application/json" id="lesson-meta">{}</script>')
    assert check_content('<a href="/" data-quick-exit hidden>x</a>')
    assert check_content('<script data-bundle="https://evil.example/x.js">x</script>')
    assert not check_content('<div class="checklist" data-checklist data-watch="3" data-act="7"><input data-weight="2"></div>')


def test_an_svg_file_has_no_text_to_put_a_number_on_the_poster() -> None:
    assert check_svg(b'<svg xmlns="http://www.w3.org/2000/svg"><text>Bel 0900 12 34 56</text></svg>')


def test_every_link_in_a_lesson_pdf_leads_to_the_public_site() -> None:
    from sitekit.downloads import _article

    page = ('<article class="md-content__inner md-typeset"><p><a href=\'../../../../C:/Windows/calc.exe\'>a</a>'
            ' <a href=../x/>b</a></p></article>')
    body = _article(page, "https://www.stoptienerpooiers.be/professionals/lesmateriaal/x/")
    # only as a path of the public site: in the link and in the address printed after it
    assert "C:/Windows" not in body.replace("https://www.stoptienerpooiers.be/C:/Windows", "").replace(
        "(stoptienerpooiers.be/C:/Windows", "(")
    assert "href='../" not in body and "href=../" not in body


def test_a_page_cannot_grow_a_string_past_the_limit() -> None:
    from sitekit.markdown_data import render_markdown
    from sitekit.problems import ProblemsFound

    for template in ('{% set a = "x".ljust(4000000000) %}', '{{ "x".center(999999999) }}',
                     "{{ (['x' * 99999] * 99999) | join }}", '{{ "{:>999999999}".format(1) }}'):
        with pytest.raises(ProblemsFound):
            render_markdown(template, "content/x.md", 1, {})
