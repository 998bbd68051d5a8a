"""Material's script runs on wide screens only; on a phone the menu still closes after a jump."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PAGE = "professionals/handelen/"


def open_page(browser, site_url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(site_url + PAGE)
    page.wait_for_load_state("networkidle")
    return page, requests, problems


def bundle_loaded(requests: list[str]) -> bool:
    return any("/assets/javascripts/bundle." in url for url in requests)


def test_phone_does_not_load_materials_script(browser, site_url: str) -> None:
    page, requests, problems = open_page(browser, site_url, 390)
    assert not bundle_loaded(requests)
    assert problems == []
    page.close()


def test_wide_screen_runs_materials_script(browser, site_url: str) -> None:
    page, requests, problems = open_page(browser, site_url, 1280)
    assert bundle_loaded(requests)
    page.mouse.wheel(0, 3000)
    page.wait_for_function("document.querySelector('.md-nav--secondary .md-nav__link--active') !== null")
    assert problems == []
    page.close()


def test_a_window_that_becomes_wide_starts_materials_script(browser, site_url: str) -> None:
    page, requests, problems = open_page(browser, site_url, 390)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("document.querySelector('.md-header__title[data-md-component=header-title]') && "
                           "document.documentElement.classList.contains('js')")
    page.mouse.wheel(0, 800)
    page.wait_for_function("document.querySelector('.md-header__title--active') !== null")
    assert bundle_loaded(requests) and problems == []
    page.close()


def test_phone_menu_closes_after_a_jump_within_the_page_and_on_escape(browser, site_url: str) -> None:
    page, _, problems = open_page(browser, site_url, 390)
    drawer = "document.getElementById('__drawer').checked"
    page.click("label.md-header__button[for=__drawer]")
    assert page.evaluate(drawer)
    page.click(".md-sidebar--primary label.md-nav__link[for=__toc]")
    link = page.locator(".md-sidebar--primary .md-nav--secondary a.md-nav__link").nth(2)
    target = link.get_attribute("href")
    link.click()
    assert page.url.endswith(target)
    assert not page.evaluate(drawer)
    page.click("label.md-header__button[for=__drawer]")
    assert page.evaluate(drawer)
    page.keyboard.press("Escape")
    assert not page.evaluate(drawer)
    assert problems == []
    page.close()
