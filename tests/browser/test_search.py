"""Search in Chromium on the served site: own language only, nothing loaded before use, works offline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def open_page(browser, url: str, offline_after_load: bool = False):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page, requests


def search(page, query: str) -> list[str]:
    page.locator("#site-search-input").fill(query)
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent.trim() !== ''")
    return page.eval_on_selector_all("[data-search-results] a", "els => els.map(a => a.href)")


def test_nothing_is_loaded_before_search_is_used(browser, site_url: str) -> None:
    context, page, requests = open_page(browser, site_url + "fr/")
    assert not [r for r in requests if "/search/" in r], requests
    page.locator("#site-search-input").focus()
    page.wait_for_selector("[data-search-ready]", state="attached")
    assert any(r.endswith("/search/fr.json") for r in requests)
    assert not any(r.endswith(("/search/nl.json", "/search/en.json")) for r in requests)
    context.close()


@pytest.mark.parametrize("lang,query", [("fr", "loverboy"), ("en", "loverboy"), ("", "loverboy")])
def test_results_are_in_the_visitors_language(browser, site_url: str, lang: str, query: str) -> None:
    prefix = f"{lang}/" if lang else ""
    context, page, _ = open_page(browser, site_url + prefix)
    hits = search(page, query)
    assert hits, "a common word must find pages"
    for hit in hits:
        rest = hit[len(site_url):]
        if lang:
            assert rest.startswith(prefix), hit
        else:
            assert not rest.startswith(("fr/", "en/")), hit
    assert page.locator("[data-search-results] mark").count() >= 1
    page.locator("[data-search-results] a").first.click()
    page.wait_for_load_state()
    assert page.url == hits[0] and page.locator("article h1").count() == 1
    context.close()


def test_search_works_offline(browser, site_url: str) -> None:
    context, page, _ = open_page(browser, site_url + "en/")
    page.locator("#site-search-input").focus()
    page.wait_for_selector("[data-search-ready]", state="attached")
    page.wait_for_timeout(200)
    context.set_offline(True)
    assert search(page, "help")
    context.close()


def test_without_javascript_search_links_to_the_page_index(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "fr/")
    link = page.locator("[data-search-nojs] a")
    assert link.is_visible()
    link.click()
    assert page.url == site_url + "fr/zoeken/"
    assert page.locator("article a").count() >= 10
    context.close()
