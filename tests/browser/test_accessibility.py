"""axe-core on every built page (phone width, light scheme), plus dark and desktop once per page template."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, ROOT, content_pages, lang_prefix

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# One page per template: home, content page, checklist page, section index.
TEMPLATE_SAMPLES = ["", "jongeren/wat-is-een-tienerpooier/", "jongeren/is-dit-nog-liefde/", "professionals/"]


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_phone_light(browser, site_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    page = context.new_page()
    failures = {}
    for path in content_pages():
        page.goto(site_url + lang_prefix(lang) + path)
        found = axe_violations(page)
        if found:
            failures[path] = found
    context.close()
    assert failures == {}


@pytest.mark.parametrize("scheme,width", [("dark", 390), ("dark", 1280), ("light", 1280)])
@pytest.mark.parametrize("path", TEMPLATE_SAMPLES)
def test_templates_in_dark_and_desktop(browser, site_url: str, path: str, scheme: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path)
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_reflows_at_320px(browser, site_url: str, lang: str) -> None:
    """WCAG 1.4.10: at 320 CSS px nothing scrolls sideways, tables included (soft hyphens, table_hyphens.py)."""
    page = browser.new_page(viewport={"width": 320, "height": 800})
    wide = {}
    for path in content_pages():
        page.goto(site_url + lang_prefix(lang) + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        scrolling_tables = page.evaluate(
            "[...document.querySelectorAll('article table')].filter(t => t.scrollWidth > t.clientWidth + 1).length")
        if width > 320 or scrolling_tables:
            wide[path] = (width, scrolling_tables)
    page.close()
    assert wide == {}
