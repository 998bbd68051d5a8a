"""Keyboard: from the top of the home page, Tab reaches exit, help, search and audiences in order, visibly."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, content_pages, lang_prefix

pytestmark = pytest.mark.browser

STEPS = {
    "exit": "a.quick-exit-skip, a.quick-exit__button",
    "help": ".helpbar a[href^='tel:']",
    "search": "#site-search-input",
    "audience": "a.audience-entry",
}


def test_tab_order_and_visible_focus(browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url)
    order: dict[str, int] = {}
    for i in range(60):
        page.keyboard.press("Tab")
        for name, selector in STEPS.items():
            if name not in order and page.evaluate(f"document.activeElement.matches({selector!r})"):
                order[name] = i
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                shadow = page.evaluate("getComputedStyle(document.activeElement).boxShadow")
                assert outline != "none" or shadow != "none", f"{name} has no visible focus"
        if len(order) == len(STEPS):
            break
    assert list(order) == ["exit", "help", "search", "audience"], order
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lang_hreflang_and_heading_order(site_dir, lang: str) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count('hreflang="fr"') >= len(content_pages())
    for path in content_pages():
        html = (site_dir / lang_prefix(lang) / path / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        # the language switcher: one link per language, to this same page, with hreflang and lang
        pairs = re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"(?: lang="([a-z]+)")? class="md-select__link"', html)
        assert all(hreflang == said for _, hreflang, said in pairs), pairs  # each language's name read in it
        switch = {link: hreflang for link, hreflang, _ in pairs}
        switch = {v: k for k, v in switch.items()}
        assert set(switch) == set(LANGUAGES), (lang, path, switch)
        for other in LANGUAGES:
            link = switch[other]
            base = site_dir if link.startswith("/") else site_dir / lang_prefix(lang) / path
            target = (base / link.lstrip("/")).resolve()
            assert target == (site_dir / lang_prefix(other) / path).resolve(), (lang, path, other, switch[other])
        assert '<link rel="alternate"' not in html  # Material would fetch sitemap.xml for each
        article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S).group(1)
        levels = [int(h) for h in re.findall(r"<h([1-6])\b", article)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, (path, levels)
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{lang_prefix(lang)}{path}: heading h{before} is followed by h{after}"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(("path", "first_stop"), [
    ("", "a.audience-entry"),                                    # home: the audience entries, not past them
    ("jongeren/is-dit-nog-liefde/", "article a, article input"),  # self-check: not past the checklist
    ("hulp/", "article a"),
])
def test_skip_link_lands_at_the_start_of_the_main_content(browser, site_url: str, path: str, first_stop: str,
                                                          width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + path)
    skip = page.locator("a.md-skip:not(.quick-exit-skip)")
    target = skip.get_attribute("href")
    assert target == "#main-content"
    # the target opens the article: it and each of its ancestors up to the article come first
    at_start = page.evaluate("""() => { let el = document.getElementById('main-content');
      const article = document.querySelector('article'); if (!article.contains(el)) return false;
      for (; el !== article; el = el.parentElement) if (el.parentElement.firstElementChild !== el) return false;
      return true; }""")
    assert at_start
    skip.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # the next Tab stop is the first focusable element of the main content
    expected = page.evaluate(f"document.querySelector({first_stop!r}) === document.activeElement || "
                             "[...document.querySelectorAll('article a, article input, article button')][0] === document.activeElement")
    assert expected, page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["jongeren/", "professionals/handelen/"])
def test_no_tab_stop_is_invisible_or_off_screen(browser, site_url: str, path: str, width: int) -> None:
    """The closed phone menu's ~30 links are not in the Tab order; every stop can be seen."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + path)
    hidden = []
    for _ in range(45):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => { const el = document.activeElement; if (!el || el === document.body) return null;
          const r = el.getBoundingClientRect(), s = getComputedStyle(el);
          const seen = r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.right > 0 && r.left < innerWidth
                       && r.bottom > 0 && r.top < innerHeight;
          return seen ? null : (el.textContent || el.outerHTML).trim().slice(0, 40); }""")
        if state:
            hidden.append(state)
    page.close()
    assert hidden == []


CONTRAST = """() => { const e = document.activeElement, s = getComputedStyle(e);
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const a = lum(s.color), b = lum(s.backgroundColor);
  return {text: e.textContent.trim().slice(0, 30), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)}; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_skip_links_are_readable_when_they_appear(browser, site_url: str, scheme: str) -> None:
    """Defect 9: the second skip link ("leave this site quickly") was purple on dark purple."""
    page = browser.new_page(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page.goto(site_url + "jongeren/")
    seen = []
    for _ in range(2):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(CONTRAST))
    page.close()
    assert [s for s in seen if s["ratio"] < 4.5] == [], seen


@pytest.mark.parametrize("path", ["jongeren/", "professionals/handelen/", "ouders/signalen/"])
def test_desktop_menu_is_a_few_tab_stops_not_forty(browser, site_url: str, path: str) -> None:
    """Defect 4/8: on desktop the keyboard passed ~40 menu links (every audience's pages) before the
    content. The menu lists its own section and one link per other section."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + path)
    stops = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary a[href], .md-sidebar--primary label[tabindex], .md-sidebar--primary input:not([type=checkbox])')]
        .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; }).length""")
    page.close()
    assert 0 < stops <= 20, stops


SETTLED = """() => new Promise((done) => { let last = -1, same = 0;
  const tick = () => { const y = window.scrollY; same = (y === last) ? same + 1 : 0; last = y;
                       if (same >= 3) done(); else requestAnimationFrame(tick); };
  requestAnimationFrame(tick); })"""


def test_shift_tab_on_the_help_page_never_stops_under_the_help_row(browser, site_url: str) -> None:
    """At 360 px the help row stays at the top: a stop reached going back (Shift+Tab) must scroll clear of it
    (scroll-padding), or a keyboard user cannot see where they are. The help finder added many such stops."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + "hulp/")
    page.keyboard.press("End")
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, document.body.scrollHeight)")
    page.locator("footer a").last.focus()
    hidden = []
    for _ in range(120):
        page.keyboard.press("Shift+Tab")
        page.evaluate(SETTLED)  # a scroll to the focused stop may still be running
        state = page.evaluate("""() => { const el = document.activeElement; if (!el || el === document.body) return null;
            if (el.closest('.md-header, [data-md-component=announce], .quick-exit, .md-skip, .quick-exit-skip')) return 'frame';
            const r = el.getClientRects()[0]; if (!r || !r.width || !r.height) return 'skip';  // its first line
            const h = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return (h && (h === el || el.contains(h))) ? 'ok' : (el.textContent || '').trim().slice(0, 30); }""")
        if state in (None, "frame"):
            if state is None:
                break
            continue
        if state not in ("ok", "skip"):
            hidden.append(state)
    page.close()
    assert hidden == []


@pytest.mark.parametrize("lang,name", [("nl", "Menu"), ("fr", "Menu"), ("en", "Menu")])
def test_the_phone_menu_opens_and_closes_by_keyboard_and_has_a_name(browser, site_url: str, lang: str, name: str) -> None:
    """Issue 27 (WCAG 2.1.1, 4.1.2): below 1220 px the menu button is a <label> no Tab reaches, without a name; at
    320 px "All help" lives only in that menu. It must be a stop with a name and its state, opened by Enter or
    Space, its first link focused; Escape closes it and focus returns to the button."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + lang_prefix(lang) + "jongeren/")
    found = None
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('label[for=__drawer]')"):
            found = page.evaluate("""() => { const el = document.activeElement;
                return {role: el.getAttribute('role'), name: el.getAttribute('aria-label'),
                        expanded: el.getAttribute('aria-expanded')}; }""")
            break
    assert found == {"role": "button", "name": name, "expanded": "false"}, found
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.wait_for_function("!!document.activeElement.closest('.md-sidebar--primary')", timeout=3000)  # into the menu
    assert page.evaluate("document.querySelector('label.md-header__button[for=__drawer]').getAttribute('aria-expanded')") == "true"
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('label[for=__drawer]')"), "focus did not return to the button"
    page.keyboard.press(" ")
    page.wait_for_timeout(100)
    assert page.evaluate("document.getElementById('__drawer').checked"), "Space did not open the menu"
    page.close()


WALK_STATE = """() => { const el = document.activeElement; if (!el || el === document.body) return {done: true};
  const r = [...el.getClientRects()].find((q) => q.width && q.height) || el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const key = el.outerHTML.slice(0, 60);
  if (!r.width || !r.height || s.visibility === 'hidden') return {key, problem: 'not shown'};
  if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) return {key, problem: 'off screen'};
  const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  if (hit && hit !== el && !el.contains(hit) && !hit.contains(el) && !(el.labels && [...el.labels].some((l) => l.contains(hit))))
    return {key, problem: 'under ' + (hit.className || hit.tagName)};
  return {key}; }"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["", "jongeren/is-dit-nog-liefde/", "ouders/hulp-en-melden/", "hulp/",
                                  "professionals/lesmateriaal/online-risicos/"])
def test_keyboard_walk_both_ways_every_stop_seen_and_the_menu_reached(browser, site_url: str, path: str, width: int) -> None:
    """Issue 27's keyboard walk: Tab forward through the page, then Shift+Tab back; each stop is on screen and not
    under a sticky bar (help row, header, outcome bar); on a phone the menu button is among the stops."""
    page = browser.new_page(viewport={"width": width, "height": 740})
    page.goto(site_url + path)
    problems, seen, menu = [], set(), False
    for direction in ("Tab", "Shift+Tab"):
        for _ in range(160):
            page.keyboard.press(direction)
            page.evaluate(SETTLED)
            state = page.evaluate(WALK_STATE)
            if state.get("done"):
                break
            menu = menu or "__drawer" in state["key"] and "label" in state["key"]
            if state.get("problem"):
                problems.append(f"{direction} {state['problem']}: {state['key']}")
            if direction == "Tab" and state["key"] in seen and len(seen) > 5:
                break  # back at the start: the forward walk is complete
            seen.add(state["key"])
    page.close()
    assert problems == [], "\n".join(problems[:12])
    assert menu or width > 1220, "the phone menu button was never reached"


@pytest.mark.parametrize("path", ["", "hulp/"])
def test_tab_never_reaches_the_page_behind_the_open_menu(browser, site_url: str, path: str) -> None:
    """The review (keyboard brief): with the phone menu open, Tab went on into the page behind it, under the menu
    and its overlay (34 of 60 stops unseen on the home page). Focus that leaves the menu closes it."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + path)
    page.focus("label.md-header__button[for='__drawer']")
    page.keyboard.press("Enter")
    page.wait_for_function("!!document.activeElement.closest('.md-sidebar--primary')", timeout=3000)
    behind = []
    for key in ["Tab"] * 40 + ["Shift+Tab"] * 5:
        page.keyboard.press(key)
        state = page.evaluate("""() => ({inMenu: !!document.activeElement.closest('.md-sidebar--primary'),
                                          open: document.getElementById('__drawer').checked,
                                          what: document.activeElement.outerHTML.slice(0, 50)})""")
        if state["open"] and not state["inMenu"] and "__drawer" not in state["what"]:
            behind.append(state["what"])
    page.close()
    assert behind == [], behind[:5]
