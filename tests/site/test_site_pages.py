"""The real built site: every page in every language, the help bar, no outside assets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import LANGUAGES, content_pages, lang_prefix

PAGES = content_pages()
HTML_LANG_RE = re.compile(r"<html[^>]*\blang=\"([a-z-]+)\"", re.I)
ASSET_RE = re.compile(
    r"<(?:script|img|source|iframe|video|audio|embed)\b[^>]*\bsrc=\"(https?:)?//[^\"]+\""
    r"|<link\b[^>]*\bhref=\"(?:https?:)?//[^\"]+\"[^>]*>"
    r"|url\(\s*['\"]?(?:https?:)?//", re.I)


def test_pages_are_found() -> None:
    assert "" in PAGES and "jongeren/" in PAGES and len(PAGES) >= 9


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_every_language(site_dir: Path, page: str, lang: str) -> None:
    html = (site_dir / lang_prefix(lang) / page / "index.html").read_text(encoding="utf-8")
    assert HTML_LANG_RE.search(html).group(1) == lang
    assert 'href="tel:116000"' in html, "the help bar with Child Focus must be on every page"
    assert 'href="mailto:116000@childfocus.org"' in html


def test_no_html_file_loads_an_outside_asset(site_dir: Path) -> None:
    offenders = []
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for m in ASSET_RE.finditer(html):
            tag = m.group(0)
            if 'rel="alternate"' in tag or 'rel="canonical"' in tag:
                continue  # links to our own public address, never fetched
            offenders.append(f"{path.relative_to(site_dir)}: {tag[:120]}")
    assert offenders == []


def test_no_outside_asset_in_css(site_dir: Path) -> None:
    for path in site_dir.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?https?://", css), path


def test_language_switcher_keeps_the_page(site_dir: Path) -> None:
    html = (site_dir / "fr" / "jongeren" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'hreflang="nl"[^>]*href="[^"]*/jongeren/"|href="[^"]*/jongeren/"[^>]*hreflang="nl"', html)
    assert re.search(r'hreflang="en"[^>]*href="[^"]*/en/jongeren/"|href="[^"]*/en/jongeren/"[^>]*hreflang="en"', html)


def test_home_sends_each_audience_to_its_section(site_dir: Path) -> None:
    for lang in LANGUAGES:
        html = (site_dir / lang_prefix(lang) / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a class="audience-entry" href="([^"]+)"', html)
        assert links == ["jongeren/", "ouders/", "professionals/"], (lang, links)


def test_every_page_loads_one_stylesheet(site_dir: Path) -> None:
    """`mkdocs build` joins Material's and the site's CSS into one render-blocking request."""
    for page in site_dir.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert len(links) == 1, (page, links)
        css = (page.parent / links[0]).resolve()
        assert css.is_file(), (page, links[0])
        text = css.read_text(encoding="utf-8")
        assert ".md-header" in text and ".quick-exit" in text
        # cut to what the pages use (css_purge.py): Material's blog and other colour palettes are gone
        assert ".md-post" not in text and "data-md-color-primary=indigo" not in text


def test_no_script_blocks_the_parser(site_dir: Path) -> None:
    """Material's bundle and ours run after the page is parsed: the text paints first."""
    for page in site_dir.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html):
            assert re.search(r"\b(defer|async)\b", tag), (page, tag)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_titles_name_the_site_once(site_dir: Path, lang: str) -> None:
    """Home: the site name alone (it was "Stop tienerpooiers - Stop tienerpooiers"); other pages: page - site."""
    home = (site_dir / lang_prefix(lang) / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", home).group(1)
    assert " - " not in title
    page = (site_dir / lang_prefix(lang) / "hulp" / "index.html").read_text(encoding="utf-8")
    page_title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert page_title.endswith(" - " + title) and page_title.count(" - ") == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_leads_with_actions_not_sources(site_dir: Path, lang: str) -> None:
    home = (site_dir / lang_prefix(lang) / "index.html").read_text(encoding="utf-8")
    assert 'class="page-meta"' not in home
    # the page list for visitors without JavaScript claims no order it does not have
    assert not re.search(r"A (tot|à|to) Z", home)


def test_french_punctuation_keeps_its_space(site_dir: Path) -> None:
    """A question mark or colon never starts a line in French: (narrow) no-break spaces, in text only."""
    html = (site_dir / "fr" / "jongeren" / "praat-erover" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<(script|style|code|pre)\b.*?</\1>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    assert not re.search(r"\w [?!;]", text)
    assert "\u202f?" in text
    assert " Ko" not in text  # sizes are written with a no-break space too (downloads tables)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_previous_and_next_stay_within_the_section(site_dir: Path, lang: str) -> None:
    """Parents' home page: no "Previous: Myths and facts" from the young people's section."""
    crossing = []
    for path in content_pages():
        section = path.split("/")[0] if "/" in path else ""
        page_dir = site_dir / lang_prefix(lang) / path
        html = (page_dir / "index.html").read_text(encoding="utf-8")
        for href in re.findall(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(?:prev|next)"', html):
            target = (page_dir / href).resolve().relative_to((site_dir / lang_prefix(lang)).resolve()).as_posix()
            target_section = "" if target in (".", "") else target.split("/")[0]
            if target_section != section:
                crossing.append(f"{path} -> {target}")
    assert crossing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_audience_has_its_own_menu(site_dir: Path, lang: str) -> None:
    """The side menu of a page lists its own section's pages; the other sections (audiences) only by their
    start page: a young person's menu does not list the professionals' pages, nor a parent's the youth's."""
    crossing = []
    for path in content_pages():
        section = path.split("/")[0] if "/" in path else ""
        page_dir = site_dir / lang_prefix(lang) / path
        html = (page_dir / "index.html").read_text(encoding="utf-8")
        start = html.index("md-nav--primary")
        menu = html[start:html.index("md-sidebar--secondary", start)]
        for href in re.findall(r'<a href="([^"#]*)"[^>]*class="md-nav__link', menu):
            target = (page_dir / href).resolve().relative_to((site_dir / lang_prefix(lang)).resolve()).as_posix()
            parts = [] if target in (".", "") else target.split("/")
            if parts and parts[0] != section and len(parts) > 1:
                crossing.append(f"{path} -> {target}")
    assert crossing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quotes_are_typographic(site_dir: Path, lang: str) -> None:
    """Defect 9: no straight quotes in the text of a page; French uses « » (with its no-break spaces)."""
    import html as htmllib

    found = []
    for path in content_pages():
        page = (site_dir / lang_prefix(lang) / path / "index.html").read_text(encoding="utf-8")
        article = page[page.index("<article"):page.index("</article>")]
        article = re.sub(r"<(script|style|code|pre)\b.*?</\1>", "", article, flags=re.S)
        text = htmllib.unescape(re.sub(r"<[^>]+>", " ", article))
        straight = re.findall(r'.{0,20}"[^"]{0,20}', text)
        english_in_french = re.findall(r".{0,20}[“”].{0,20}", text) if lang == "fr" else []
        if straight or english_in_french:
            found.append((path, (straight + english_in_french)[:2]))
    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_page_shows_each_service_as_a_call_card(site_dir: Path, lang: str) -> None:
    """The help page: each service a card with a tap-to-call button (and mail, website), when it is open,
    what it costs and whether you may stay anonymous, from data/hulplijnen.yml."""
    import yaml

    lines = yaml.safe_load((Path(__file__).parents[2] / "data" / "hulplijnen.yml").read_text(encoding="utf-8"))
    html = (site_dir / lang_prefix(lang) / "hulp" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<div class="helpline"[^>]*>(.*?)</div>', html, flags=re.S)
    assert len(cards) == len(lines)
    by_id = {re.search(r'<h3 id="([a-z0-9-]+)"', card).group(1): card for card in cards}  # type: ignore[union-attr]
    assert set(by_id) == set(lines)  # in the page's language first (test_routes.py), every one once
    for ident, entry in lines.items():
        card = by_id[ident]
        if not entry["verified"]:
            assert "tel:" not in card and "mailto:" not in card
            continue
        if entry.get("phone"):
            assert re.search(rf'<a[^>]*class="helpline__action helpline__action--call"[^>]*href="tel:{entry["phone"]}"|'
                             rf'<a href="tel:{entry["phone"]}"[^>]*class="helpline__action helpline__action--call"', card)
        if entry.get("email"):
            assert f'mailto:{entry["email"]}' in card
        facts = re.search(r'<p class="helpline__facts">(.*?)</p>', card, flags=re.S)
        if entry.get("hours") or entry.get("cost") or entry.get("anonymous"):
            assert facts, ident
        for key in ("hours", "cost"):
            if entry.get(key):
                shown = re.sub("[\u00a0\u202f]", " ", facts.group(1))  # French no-break spaces
                assert entry[key][lang].split(",")[0] in shown, (ident, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_youth_page_leads_with_the_self_check_and_talking(site_dir: Path, lang: str) -> None:
    """The youth landing leads with actions: the self-check and "Praat erover" as large blocks, before
    the list of the other pages."""
    html = (site_dir / lang_prefix(lang) / "jongeren" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):]
    first_list = article.index("<h2")
    blocks = re.findall(r'<a class="action-block" href="([^"]+)"|<a href="([^"]+)" class="action-block"', article[:first_list])
    assert [a or b for a, b in blocks] == ["is-dit-nog-liefde/", "praat-erover/"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_description_with_quotes_stays_one_attribute(site_dir: Path, lang: str) -> None:
    """A front-matter description with quotes ("Laat je niet pakken") broke Material's <meta name=
    "description"> into bogus attributes: it is escaped, whole."""
    from html.parser import HTMLParser

    class Meta(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[list[tuple[str, str | None]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "meta" and ("name", "description") in attrs:
                self.found.append(attrs)

    broken = []
    for path in content_pages():
        parser = Meta()
        parser.feed((site_dir / lang_prefix(lang) / path / "index.html").read_text(encoding="utf-8"))
        if len(parser.found) != 1 or sorted(k for k, _ in parser.found[0]) != ["content", "name"]:
            broken.append((path, parser.found))
    assert broken == []
