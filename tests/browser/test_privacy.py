"""Every built page in every language: no request leaves the site, nothing is stored."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import LANGUAGES, content_pages, lang_prefix

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_stays_local_and_stores_nothing(browser, site_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    outside: list[str] = []
    seen = 0

    def watch(route) -> None:
        nonlocal seen
        seen += 1
        if urlparse(route.request.url).hostname not in ("127.0.0.1", "localhost"):
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", watch)
    for path in content_pages():
        page.goto(site_url + lang_prefix(lang) + path)
        page.wait_for_load_state("load")
        # interact: tick a box where there is a checklist, press Tab a few times
        boxes = page.locator("[data-checklist] input[type=checkbox]")
        if boxes.count():
            boxes.first.check()
        for _ in range(3):
            page.keyboard.press("Tab")
        assert page.evaluate("document.cookie") == "", path
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0, path
        assert context.cookies() == []
    assert outside == []
    assert seen > len(content_pages())
    context.close()
