"""Signal checklists in Chromium: live outcome by mouse and keyboard, private, works without JS, prints clean."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, lang_prefix

pytestmark = pytest.mark.browser
PAGES = {"jongeren": "jongeren/is-dit-nog-liefde/", "ouders": "ouders/signalen/", "professionals": "professionals/signalen/"}


def checklist(ident: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "checklists" / f"{ident}.yml").read_text(encoding="utf-8"))


def expected_level(data: dict, ticked: list[dict]) -> str:
    if not ticked:
        return "start"
    score = sum(s["weight"] for s in ticked)
    if any(s.get("red_flag") for s in ticked) or score >= data["levels"]["act"]:
        return "act"
    return "watch" if score >= data["levels"]["watch"] else "none"


def visible_outcome(page) -> str:
    return page.locator("[data-outcome]:visible").get_attribute("data-outcome")


@pytest.mark.parametrize("ident", PAGES)
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_ticking_by_mouse_follows_the_data(browser, site_url: str, ident: str, lang: str) -> None:
    data = checklist(ident)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[str] = []
    page.goto(site_url + lang_prefix(lang) + PAGES[ident])
    page.on("request", lambda r: requests.append(r.url))
    assert visible_outcome(page) == "start"  # a neutral text before anything is ticked
    ticked: list[dict] = []
    for signal in [s for s in data["signals"] if not s.get("red_flag")]:
        page.locator(f'#checklist-{ident}-{signal["id"]}').click()
        ticked.append(signal)
        assert visible_outcome(page) == expected_level(data, ticked), [s["id"] for s in ticked]
    assert visible_outcome(page) == "act"
    live = page.locator("[data-checklist-live]").inner_text()
    assert str(len(ticked)) in live
    # privacy: nothing stored, nothing sent
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.url == site_url + lang_prefix(lang) + PAGES[ident]
    assert [r for r in requests if not r.endswith("favicon.svg")] == []
    context.close()


@pytest.mark.parametrize("ident", PAGES)
def test_one_red_flag_alone_means_act_now(browser, site_url: str, ident: str) -> None:
    data = checklist(ident)
    red = next(s for s in data["signals"] if s.get("red_flag"))
    page = browser.new_page()
    page.goto(site_url + PAGES[ident])
    page.locator(f'#checklist-{ident}-{red["id"]}').click()
    assert visible_outcome(page) == "act"
    page.close()


def test_keyboard_only(browser, site_url: str) -> None:
    data = checklist("jongeren")
    page = browser.new_page()
    page.goto(site_url + PAGES["jongeren"])
    first = data["signals"][0]
    page.locator(f'#checklist-jongeren-{first["id"]}').focus()
    ticked = []
    for signal in data["signals"][:4]:
        assert page.evaluate("document.activeElement.id") == f'checklist-jongeren-{signal["id"]}'
        page.keyboard.press("Space")
        ticked.append(signal)
        assert visible_outcome(page) == expected_level(data, ticked)
        page.keyboard.press("Tab")
    page.close()


def test_leaving_the_page_forgets_the_answers(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + PAGES["ouders"])
    page.locator("[data-checklist] input[type=checkbox]").first.click()
    page.goto(site_url)
    page.go_back()
    page.wait_for_load_state()
    assert page.locator("[data-checklist] input:checked").count() == 0
    page.close()


def test_without_javascript_everything_is_readable(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGES["professionals"])
    data = checklist("professionals")
    assert page.locator("[data-checklist] input[type=checkbox]").count() == len(data["signals"])
    for level in ("none", "watch", "act"):
        assert page.locator(f'[data-outcome="{level}"]').is_visible()
    context.close()


def test_print_has_no_clutter(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + PAGES["jongeren"])
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-banner", ".quick-exit", ".md-sidebar--primary", ".footer-links", ".md-footer"):
        loc = page.locator(selector)
        assert loc.count() == 0 or not loc.first.is_visible(), selector
    assert page.locator("[data-checklist] input[type=checkbox]").first.is_visible()
    assert page.locator('[data-outcome="act"]').is_visible()
    page.close()


def test_touch_targets_are_large(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + PAGES["jongeren"])
    for label in page.locator("[data-checklist] label").all()[:5]:
        box = label.bounding_box()
        assert box["height"] >= 44
    context.close()


def test_youth_list_offers_no_print_but_parents_list_does(browser, site_url: str) -> None:
    """A printed self-check is a paper trail someone could find; parents and professionals may print."""
    page = browser.new_page()
    for ident, printable in (("jongeren", False), ("ouders", True), ("professionals", True)):
        page.goto(site_url + PAGES[ident])
        assert (page.locator("[data-print]").count() == 1) is printable, ident
    page.close()


def test_intro_shown_and_privacy_said_once(browser, site_url: str) -> None:
    page = browser.new_page()
    for ident, path in PAGES.items():
        page.goto(site_url + path)
        intro = checklist(ident)["intro"]["nl"]
        assert page.locator(".checklist__intro").inner_text() == intro
        text = page.locator("article").inner_text()
        assert text.count("bewaard") <= 1, ident
    page.close()


def test_help_number_never_breaks_in_the_outcome(site_dir: Path) -> None:
    html = (site_dir / "jongeren" / "is-dit-nog-liefde" / "index.html").read_text(encoding="utf-8")
    box = html[html.index('class="checklist__contacts"'):]
    assert "116&nbsp;000" in box[:600] or "116\u00a0000" in box[:600]


def test_current_outcome_stays_in_view_while_ticking_on_a_phone(browser, site_url: str) -> None:
    """The outcome is ~3,000 px below the first box on a phone: a compact summary stays in view."""
    context = browser.new_context(viewport={"width": 390, "height": 740})
    page = context.new_page()
    page.goto(site_url + PAGES["jongeren"])
    first = page.locator("[data-checklist] input[type=checkbox]").first
    first.scroll_into_view_if_needed()
    first.click()
    box = page.locator("[data-checklist-live]").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 740 + 1
    title = page.locator("[data-outcome]:visible .checklist__outcome-title").inner_text()
    assert title in page.locator("[data-checklist-live]").inner_text()
    context.close()


@pytest.mark.parametrize("path", ["jongeren/is-dit-nog-liefde/", "ouders/signalen/", "hulp/", "jongeren/praat-erover/"])
def test_a_phone_number_never_breaks_over_two_lines(browser, site_url: str, path: str) -> None:
    """'116 000' broke between 116 and 000 in the checklist outcome boxes (issue 16): every tel: link
    keeps its number on one line, wherever it is rendered; outcomes are all shown without JavaScript."""
    context = browser.new_context(viewport={"width": 320, "height": 700}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + path)
    # the number itself: the whole link, or on a call button (whose word may wrap) its number
    links = page.eval_on_selector_all("a[href^='tel:']", """els => els.map(a => { const n = a.querySelector('span[dir=ltr]') || a;
        return {text: n.textContent, space: getComputedStyle(n).whiteSpace, lines: n.getClientRects().length}; })""")
    context.close()
    assert links
    for link in links:
        assert link["space"] == "nowrap", link
        assert link["lines"] <= 1, link


def test_an_outcome_title_is_announced_as_written(browser, site_url: str) -> None:
    """JavaScript's replace() reads $' $& $` in a replacement string as patterns: a title with them garbled the
    announcement (issue 25). The title is announced exactly as it is written."""
    data = checklist("jongeren")
    red = next(s for s in data["signals"] if s.get("red_flag"))
    page = browser.new_page()
    page.goto(site_url + PAGES["jongeren"])
    page.evaluate("""() => { for (const t of document.querySelectorAll('.checklist__outcome--act .checklist__outcome-title'))
                               t.textContent = "Handel $' nu $& $`"; }""")
    page.locator(f'#checklist-jongeren-{red["id"]}').click()
    assert "Handel $' nu $& $`" in page.locator("[data-checklist-live]").inner_text()
    page.close()


SELF_CHECKS = {"jongeren": "jongeren/is-dit-nog-liefde/", "ouders": "ouders/signalen/"}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("ident", ["jongeren", "ouders"])
def test_the_outcome_bar_never_covers_the_box_that_has_focus(browser, site_url: str, ident: str, width: int) -> None:
    """Issue 27 (WCAG 2.4.11): once a box is ticked, the sticky outcome bar covered the next boxes as you Tab
    (7 of 31 at 360 px). Every box reached by Tab, with the bar showing, must be visible."""
    page = browser.new_page(viewport={"width": width, "height": 700})
    page.goto(site_url + SELF_CHECKS[ident])
    page.locator(".checklist input[type=checkbox]").first.focus()
    page.keyboard.press("Space")
    covered = []
    for _ in range(len(page.locator(".checklist input[type=checkbox]").all()) - 1):
        page.keyboard.press("Tab")
        page.evaluate("""() => new Promise((done) => { let last = -1, same = 0;
            const tick = () => { same = (scrollY === last) ? same + 1 : 0; last = scrollY;
                                 if (same >= 3) done(); else requestAnimationFrame(tick); };
            requestAnimationFrame(tick); })""")
        state = page.evaluate("""() => { const box = document.activeElement;
            if (!box.matches('input[type=checkbox]')) return 'other';
            const label = box.closest('li'); const r = box.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return (hit && label.contains(hit)) ? 'ok' : (label.textContent || '').trim().slice(0, 30); }""")
        if state not in ("ok", "other"):
            covered.append(state)
    page.close()
    assert covered == [], covered


@pytest.mark.parametrize("path,selector", [("jongeren/is-dit-nog-liefde/", "[data-checklist-live]"),
                                           ("jongeren/", "[data-quick-exit-count]"),
                                           ("jongeren/", "[data-search-status]")])
def test_live_regions_are_in_the_accessibility_tree_before_the_first_change(browser, site_url: str, path: str,
                                                                             selector: str) -> None:
    """Issue 27 (WCAG 4.1.3): a live region that is display:none until its first update may not announce it."""
    page = browser.new_page(viewport={"width": 360, "height": 700})
    page.goto(site_url + path)
    display = page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).display")
    page.close()
    assert display != "none"


def test_clearing_the_list_is_announced(browser, site_url: str) -> None:
    """"Alles wissen" emptied the live region: a screen-reader user heard nothing."""
    page = browser.new_page(viewport={"width": 360, "height": 700})
    page.goto(site_url + "jongeren/is-dit-nog-liefde/")
    page.locator(".checklist input[type=checkbox]").first.check()
    page.locator(".checklist button[type=reset]").click()
    page.wait_for_timeout(100)
    said = page.locator("[data-checklist-live]").inner_text()
    page.close()
    assert said.strip(), "the reset said nothing"
