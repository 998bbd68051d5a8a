"""The frame's controls keep their contrast in every state (issue 27). axe measures only the state a page is
loaded in; "Snel weg" was purple on crimson (1.29:1) on hover and keyboard focus. Chromium is asked to force
each state (DevTools CSS.forcePseudoState) and the text colour is measured against the background it sits on."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The frame's text controls, by page width: selector -> where it is shown.
CONTROLS = [".quick-exit__button", ".quick-exit-skip", ".quick-exit__help", ".helpbar__tel", ".helpbar__all",
            ".helpbar__hide", ".helpbar__mail", ".md-skip:not(.quick-exit-skip)", ".md-tabs__link",
            ".md-header__topic", ".md-footer-meta a", ".site-footer-links a"]
STATES = [[], ["hover"], ["focus", "focus-visible"], ["active", "hover", "focus"]]

MEASURE = """(el) => {
  const rgb = (s) => { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let node = el, bg = null;
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c[3] > 0.5) { bg = c; break; }
    node = node.parentElement;
  }
  if (!bg) bg = rgb(getComputedStyle(document.body).backgroundColor);
  const fg = rgb(getComputedStyle(el).color);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return {ratio: (a + 0.05) / (b + 0.05), fg: getComputedStyle(el).color, bg: 'rgb(' + bg.slice(0, 3).join(',') + ')'};
}"""


def forced(page, selectors: list[str], states: list[list[str]], per_selector: int):
    """Each visible element of the selectors in each state, the state forced by Chromium (DevTools
    CSS.forcePseudoState): yields (selector, state, element)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for selector in selectors:
        ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
        for index, node in enumerate(ids[:per_selector]):
            element = page.locator(selector).nth(index)
            for state in states:
                cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": state})
                if element.is_visible():
                    yield selector, state, element
            cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": []})


def text_below(page, selectors: list[str], per_selector: int, minimum: float = 4.5) -> tuple[list[str], int]:
    """The elements whose text is below `minimum`:1 against its background in one of STATES, and how many
    element-states were measured."""
    failures, measured = [], 0
    for selector, state, element in forced(page, selectors, STATES, per_selector):
        result = element.evaluate(MEASURE)
        measured += 1
        if result["ratio"] < minimum:
            failures.append(f"{selector} [{' '.join(state) or 'rest'}]: {result['ratio']:.2f}:1 "
                            f"({result['fg']} on {result['bg']})")
    return failures, measured


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_frame_control_keeps_its_contrast_in_every_state(browser, site_url: str, width: int, scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "jongeren/")
    failures, measured = text_below(page, CONTROLS, 3)
    context.close()
    assert measured >= 12, "too few controls were measured: the selectors no longer match the frame"
    assert not failures, "\n".join(failures)


RING = """(el) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
  const style = getComputedStyle(el);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return {ratio: 0, what: 'no ring'};
  const ring = rgb(style.outlineColor);
  const halo = style.boxShadow && style.boxShadow !== 'none' ? rgb(style.boxShadow).slice(0, 3) : null;
  let node = el.parentElement, bg = null;
  while (node && !bg) { const c = rgb(getComputedStyle(node).backgroundColor); if (c.length && (c[3] === undefined || c[3] > 0.5)) bg = c; node = node.parentElement; }
  bg = bg || [255, 255, 255];
  // the ring must stand out from what lies next to it: the halo when there is one, else the background
  return {ratio: ratio(ring, halo || bg), what: style.outlineColor + ' next to ' + (halo ? 'halo ' + halo : 'background ' + bg)};
}"""

RING_CONTROLS = [".quick-exit__button", ".helpbar__tel", ".helpbar__all", ".md-header__button.md-logo",
                 "label.md-header__button[for='__drawer']", ".md-header .md-select button, .md-header .md-select a",
                 ".md-tabs__link", ".md-search__input, .site-search input", ".md-typeset a"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_focus_rings_stand_out_from_what_they_sit_on(browser, site_url: str, width: int, scheme: str) -> None:
    """Issue 27 (WCAG 1.4.11): the blue ring was 1.61:1 on the purple header in light mode."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "jongeren/")
    page.evaluate("document.querySelectorAll('label.md-header__button').forEach(l => l.setAttribute('tabindex', '0'))")
    failures, measured = [], 0
    for selector, _, element in forced(page, RING_CONTROLS, [["focus", "focus-visible"]], 2):
        result = element.evaluate(RING)
        measured += 1
        if result["ratio"] < 3:
            failures.append(f"{selector}: {result['ratio']:.2f}:1 ({result['what']})")
    context.close()
    assert measured >= 5
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_buttons_in_a_page_keep_their_contrast_on_hover_and_focus(browser, site_url: str, scheme: str) -> None:
    """The review (keyboard brief): "Download als PDF" was white on pink, 1.66:1, on hover and focus in dark mode."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "professionals/lesmateriaal/online-risicos/")
    page.evaluate("document.querySelectorAll('.md-button').forEach(b => b.style.transition = 'none')")
    failures, measured = text_below(page, [".md-typeset .md-button"], 3)
    context.close()
    assert measured >= 4
    assert not failures, "\n".join(failures)
