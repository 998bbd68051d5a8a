"""Quick exit in real Chromium: click, Shift x3, Back, and without JavaScript."""

from __future__ import annotations

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser


def neutral(lang: str = "nl") -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = text.split("quick_exit:")[1]
    for line in block.splitlines()[1:]:
        key, _, value = line.strip().partition(": ")
        if key == lang:
            return value.strip()
    raise AssertionError("no quick_exit url in mkdocs.yml")


def new_page(browser, js: bool = True):
    context = browser.new_context(java_script_enabled=js, viewport={"width": 390, "height": 844})
    # The neutral site is never reached: the test answers for it.
    context.route("https://www.meteo.be/**", lambda route: route.fulfill(status=200, body="<title>Weer</title>weer",
                                                                         content_type="text/html"))
    return context, context.new_page()


def test_button_leaves_and_back_does_not_return(browser, site_url: str) -> None:
    context, page = new_page(browser)
    page.goto(site_url)
    page.goto(site_url + "jongeren/")
    page.locator(".quick-exit__button").click()
    page.wait_for_url(neutral("nl"))
    page.go_back()
    page.wait_for_load_state()
    assert page.url != site_url + "jongeren/", "Back must not return to the page that was left"
    context.close()


def test_shift_three_times_leaves(browser, site_url: str) -> None:
    context, page = new_page(browser)
    page.goto(site_url + "fr/")
    for _ in range(2):
        page.keyboard.press("Shift")
    assert page.locator("[data-quick-exit-count]").inner_text() in ("Maj 2 sur 3",)
    page.keyboard.press("Shift")
    page.wait_for_url(neutral("fr"))
    context.close()


def test_shift_with_another_key_does_not_count(browser, site_url: str) -> None:
    context, page = new_page(browser)
    page.goto(site_url)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")      # Shift used for a capital: resets the count
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == site_url
    page.keyboard.press("Shift")
    page.keyboard.press("x")            # any other key resets too
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == site_url
    context.close()


def test_without_javascript_it_is_a_plain_link(browser, site_url: str) -> None:
    context, page = new_page(browser, js=False)
    page.goto(site_url + "en/")
    page.locator(".quick-exit__button").click()
    page.wait_for_url(neutral("en"))
    context.close()


def test_hidden_first_link_for_keyboard_users(browser, site_url: str) -> None:
    context, page = new_page(browser)
    page.goto(site_url)
    seen = []
    for _ in range(3):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.className"))
    assert any("quick-exit-skip" in c for c in seen), seen
    context.close()


def test_exit_button_is_sticky(browser, site_url: str) -> None:
    context, page = new_page(browser)
    page.goto(site_url + "jongeren/")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    box = page.locator(".quick-exit__button").bounding_box()
    assert box and box["y"] <= 1 and box["height"] >= 44
    context.close()


@pytest.mark.parametrize("width", [320, 360, 390, 800])
@pytest.mark.parametrize("js", [True, False])
def test_one_tap_leaves_with_the_menu_open(browser, site_url: str, width: int, js: bool) -> None:
    """Issue 27: with the phone menu open, the first tap on the exit landed on the menu's overlay and only
    closed it; a frightened thumb must leave with one tap, whatever is open."""
    context = browser.new_context(java_script_enabled=js, viewport={"width": width, "height": 740},
                                  has_touch=True, is_mobile=True)
    context.route("https://www.meteo.be/**", lambda route: route.fulfill(status=200, body="<title>Weer</title>weer",
                                                                         content_type="text/html"))
    page = context.new_page()
    page.goto(site_url + "jongeren/")
    page.locator("label.md-header__button[for='__drawer']").first.tap()
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('__drawer').checked"), "the menu did not open"
    box = page.locator(".quick-exit__button").bounding_box()
    assert box
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(neutral("nl"), timeout=3000)
    context.close()


def _covered(page) -> bool:
    """Nothing of the site's text can be read: the cover is up, or the content is hidden, and the tab has no title."""
    return page.evaluate("""() => {
        const cover = document.querySelector('[data-quick-exit-cover]');
        const main = document.querySelector('.md-content');
        const hidden = !main || getComputedStyle(main).visibility === 'hidden';
        return ((cover && !cover.hidden) || hidden) && document.title === '';
    }""")


@pytest.mark.parametrize("start", ["jongeren/is-dit-nog-liefde/", "professionals/lesmateriaal/online-risicos/", "zoeken/"])
def test_back_after_the_exit_does_not_show_the_site(browser, site_url: str, start: str) -> None:
    """Issue 27: after leaving, Back reloaded the previous page of the site in full, with its title (the cover only
    applied to pages restored from the back/forward cache). A page reached by Back from another site is covered."""
    context, page = new_page(browser)
    page.goto(site_url)
    page.goto(site_url + "jongeren/")
    page.goto(site_url + start)
    if start == "jongeren/is-dit-nog-liefde/":
        page.locator(".checklist input[type=checkbox]").first.check()
    page.locator(".quick-exit__button").click()
    page.wait_for_url(neutral("nl"))
    for earlier in ("jongeren/", ""):  # Back, and Back again (the review: the second Back showed the site)
        page.go_back()
        page.wait_for_load_state()
        page.wait_for_timeout(300)
        assert page.url == site_url + earlier
        assert _covered(page), f"Back showed {earlier or 'the home page'} after an exit"
    page.go_forward()
    page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert _covered(page), "Forward showed the site after an exit"
    context.close()


def test_back_within_the_site_is_not_covered(browser, site_url: str) -> None:
    """The cover is for a return from elsewhere, not for Back from one page of the site to another."""
    context, page = new_page(browser)
    page.goto(site_url + "jongeren/")
    page.goto(site_url + "hulp/")
    page.go_back()
    page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert not _covered(page)
    context.close()
