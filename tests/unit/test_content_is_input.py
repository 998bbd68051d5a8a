"""Content is input: the page guard, the sandbox, the reviewed inline scripts and the CSP, escaping."""

from __future__ import annotations

import copy
import html as htmllib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitekit.html_guard import Policy, check_html, check_url
from sitekit.inline_scripts import REVIEWED, csp_sources, script_hash, scripts_in_template, template_hashes, template_path
from sitekit.markdown_data import MarkdownData, render_markdown
from sitekit.paths import THEME_DIR
from sitekit.problems import ProblemsFound
from sitekit.security_headers import common_headers, content_security_policy
from sitekit.sitedata import load_data

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["nl", "fr", "en"]
BASE = "https://www.stoptienerpooiers.be/over/"
POLICY = Policy("https://www.stoptienerpooiers.be/", ["childfocus.be"], {"https://www.meteo.be/nl/belgie"})


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://childfocus.be/nl", True), ("https://www.childfocus.be/", True), ("../hulp/", True), ("#top", True),
    ("mailto:116000@childfocus.org", True), ("tel:116000", True), ("https://www.meteo.be/nl/belgie", True),
    ("https://www.stoptienerpooiers.be/jongeren/", True),
    ("https://evil.example\\@childfocus.be/", False), ("https://childfocus.be@evil.example/", False),
    ("HTTP://childfocus.be/", False), ("http://childfocus.be/", False), ("//evil.example/", False),
    ("javascript:alert(1)", False), (" JaVaScRiPt:alert(1)", False), ("java\tscript:alert(1)", False),
    ("\x01javascript:alert(1)", False), ("data:text/html,<script>", False), ("vbscript:x", False),
    ("file:///etc/passwd", False), ("https://childfocus.be.evil.example/", False), ("https://evilchildfocus.be/", False),
    ("https://www.meteo.be/fr/belgique", False),
])
def test_links_are_judged_as_browsers_read_them(url: str, allowed: bool) -> None:
    assert (check_url(url, BASE, POLICY, "href") is None) is allowed


def test_content_from_another_site_is_never_loaded() -> None:
    assert check_url("https://childfocus.be/x.png", BASE, POLICY, "src") is not None
    assert check_url("../assets/x.png", BASE, POLICY, "src") is None


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>", "<SCRIPT>alert(1)</SCRIPT>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<iframe src=../x></iframe>",
    "<object data=../x.swf></object>", "<base href=/>", "<script src=https://evil.example/x.js></script>",
    "<div style=\"background:url(https://evil.example/x)\">x</div>", "<form><button formaction=javascript:x>x</button></form>",
    '<script type="application/json">{"a": "</script><script>alert(1)//"}</script>',
])
def test_the_guard_refuses(html: str) -> None:
    assert check_html(f"<p>{html}</p>", BASE, POLICY), html


def test_the_guard_allows_the_theme() -> None:
    text = next(iter(scripts_in_template(THEME_DIR / "main.html")))
    page = (f"<script>{text}</script><script src=\"../assets/javascripts/site/search.js\" defer></script>"
            '<script id="__config" type="application/json">{"base": ".."}</script>'
            '<a href="https://childfocus.be">Child Focus</a><a href="tel:116000">116 000</a>')
    assert check_html(page, BASE, POLICY) == []


def test_reviewed_scripts_are_the_templates_scripts() -> None:
    """Every inline script of the theme is reviewed, and every reviewed script is still in its template:
    change a script and this fails with the new hash, to be reviewed."""
    found = template_hashes(ROOT)
    reviewed = {r.sha256 for r in REVIEWED}
    for name, hashes in found.items():
        if name.startswith("theme:"):
            assert hashes <= reviewed, f"{name}: unreviewed inline script, sha256 {sorted(hashes - reviewed)}"
    for r in REVIEWED:
        assert r.sha256 in found.get(r.template, set()), f"{r.template}: the reviewed script changed or is gone"
        assert template_path(r.template, ROOT).is_file()


def test_the_csp_allows_exactly_the_reviewed_scripts() -> None:
    csp = common_headers(content_security_policy(csp_sources()))["Content-Security-Policy"]
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src"))
    hashes = {h.removeprefix("'sha256-").removesuffix("'") for h in script_src.split() if h.startswith("'sha256-")}
    assert hashes == {r.sha256 for r in REVIEWED}
    assert "'unsafe-inline'" not in script_src


def test_the_csp_of_a_build_equals_the_reviewed_list(site_dir: Path) -> None:
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    assert all(f"'sha256-{r.sha256}'" in headers for r in REVIEWED)
    assert headers.count("'sha256-") == len(REVIEWED)


def test_an_injected_script_is_not_whitelisted(site_dir: Path, tmp_path: Path) -> None:
    """The CSP no longer hashes what it finds in site/: an injected script stays blocked. (On a copy: the
    built site is shared by the whole run.)"""
    from sitekit.security_headers import write_headers

    injected = "alert(document.cookie)"
    (tmp_path / "index.html").write_text((site_dir / "index.html").read_text(encoding="utf-8").replace(
        "</body>", f"<script>{injected}</script></body>"), encoding="utf-8")
    headers = write_headers(tmp_path)
    assert script_hash(injected) not in headers["Content-Security-Policy"]


@pytest.mark.parametrize("template", [
    "{{ lipsum.__globals__ }}", "{{ cycler.__init__.__globals__ }}", "{{ tel.__globals__ }}", "{{ tel.__self__.data }}",
    "{{ ''.__class__.__mro__ }}", "{{ range(3) }}", "{{ 'a' * 10**9 }}", "{{ [1] * 1000000 }}", "{{ config }}",
    "{% set x = namespace() %}", "{{ 'x' | attr('upper') }}", "{% include '/etc/passwd' %}",
])
def test_the_sandbox_refuses(template: str) -> None:
    data, _ = load_data(ROOT / "data", LANGS, ROOT)
    with pytest.raises(ProblemsFound) as exc:
        render_markdown(f"Tekst\n\n{template}\n", "content/x.md", 5, MarkdownData(data, "nl").functions())
    assert exc.value.problems[0].path == "content/x.md" and exc.value.problems[0].line == 7


def test_the_sandbox_keeps_the_site_functions() -> None:
    data, _ = load_data(ROOT / "data", LANGS, ROOT)
    out = render_markdown("Bel {{ tel('childfocus') }} of {{ org('payoke') | upper }}\n", "content/x.md", 1,
                          MarkdownData(data, "nl").functions())
    assert "(tel:116000)" in out and "PAYOKE" in out


hostile = st.lists(st.sampled_from(list("<>\"'&=/ ;:()`\\") + ["script", "onerror", "javascript", "x", "é", "&lt;"]),
                   min_size=2, max_size=30).map("".join)


@settings(deadline=None, max_examples=200)
@given(value=hostile)
def test_any_data_text_lands_escaped(value: str) -> None:
    """Whatever a help line's name or description says, the Markdown it becomes carries no markup."""
    data, _ = load_data(ROOT / "data", LANGS, ROOT)
    data = copy.deepcopy(data)
    entry = data.values["hulplijnen"]["payoke"]
    entry["name"] = {"nl": value, "fr": value, "en": value}
    entry["about"] = {"nl": value, "fr": value, "en": value}
    md = MarkdownData(data, "nl")
    for text in (md.org("payoke"), md.helplines()):
        for frame in ('<div class="helpline" markdown>', "</div>", '<span dir="ltr">', "</span>"):  # the cards' own
            text = text.replace(frame, "")
        assert "<" not in text.replace("&lt;", "") or "<" not in value
        one_line = " ".join(value.split())
        assert htmllib.escape(re.sub(r"[\\`*_{}\[\]()!|#]", r"\\\g<0>", one_line)) in text  # Markdown escaped too


@settings(deadline=None, max_examples=100)
@given(value=hostile)
def test_a_shared_lesson_text_lands_escaped(value: str) -> None:
    """data/lessen.yml (issue 26): a line of a shared lesson text becomes one escaped list item, never markup."""
    data, _ = load_data(ROOT / "data", LANGS, ROOT)
    data = copy.deepcopy(data)
    data.values["lessen"]["blocks"]["klasafspraken"]["items"]["nl"] = [value, "[link](javascript:x) <b>x</b>"]
    out = MarkdownData(data, "nl").lesson_text("klasafspraken")
    assert "<" not in out.replace("&lt;", "") and "](javascript" not in out
    assert out.count("\n- ") == 2


def test_an_unknown_shared_lesson_text_is_named() -> None:
    from sitekit.markdown_data import DataError

    data, _ = load_data(ROOT / "data", LANGS, ROOT)
    with pytest.raises(DataError, match="klasafspraken"):
        MarkdownData(data, "nl").lesson_text("klasregels")


@settings(deadline=None, max_examples=100)
@given(title=hostile)
def test_any_title_is_plain_text_or_refused(tmp_path_factory, title: str) -> None:
    """A title either passes the schema (then it has no markup) or is refused with a message."""
    import yaml

    from sitekit.frontmatter import read_page

    path = tmp_path_factory.mktemp("t") / "p.md"
    meta = {"title": title, "description": "Een pagina om te testen, met genoeg woorden.", "audience": "iedereen",
            "reviewed": "2026-11-22", "sources": ["dit-project"]}
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\nTekst.\n", encoding="utf-8")
    page = read_page(path, "content/p.md", {"dit-project"})
    title_problems = [p for p in page.problems if p.line == 2 or "title" in p.message]
    if not title_problems:
        assert "<" not in title and ">" not in title
