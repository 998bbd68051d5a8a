"""The home page in real headless Chromium: phone and desktop, audience entries, no outside request."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import LANGUAGES, lang_prefix

pytestmark = pytest.mark.browser
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_renders_and_stays_local(browser, site_url: str, lang: str, viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    outside: list[str] = []

    def watch(route) -> None:
        host = urlparse(route.request.url).hostname
        if host not in ("127.0.0.1", "localhost"):
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", watch)
    page.goto(site_url + lang_prefix(lang))
    page.wait_for_load_state("networkidle")
    entries = page.locator("a.audience-entry")
    assert entries.count() == 3
    for i in range(3):
        box = entries.nth(i).bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 200, box
        assert entries.nth(i).is_visible()
    assert page.locator('.helpbar a[href="tel:116000"]').is_visible()
    # scroll width equals the viewport: nothing sticks out sideways on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    for section in ("jongeren", "ouders", "professionals"):
        page.goto(site_url + lang_prefix(lang))
        page.locator(f'a.audience-entry[href="{section}/"]').click()
        page.wait_for_load_state("load")
        assert page.url == f"{site_url}{lang_prefix(lang)}{section}/"
        assert page.locator("html").get_attribute("lang") == lang
    assert outside == []
    context.close()


LAYOUT_SHIFT = ("window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries()) "
                "{ if (!e.hadRecentInput) window.__shift += e.value; } }).observe({type: 'layout-shift', buffered: true});")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", ["", "jongeren/", "fr/ouders/signalen/"])
def test_nothing_moves_while_the_page_loads(browser, site_url: str, path: str, viewport: str) -> None:
    """Scripts improve the page in place: the search field is there from the first paint, not swapped in."""
    page = browser.new_page(viewport=VIEWPORTS[viewport])
    page.add_init_script(LAYOUT_SHIFT)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.locator("#site-search-input").is_visible()
    assert page.evaluate("window.__shift") < 0.001
    page.close()


def test_without_javascript_search_is_a_link(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(site_url + "jongeren/")
    assert page.locator(".site-search__nojs a").is_visible()
    assert not page.locator("#site-search-input").is_visible()
    context.close()
