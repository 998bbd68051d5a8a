"""Pages served by the project's nginx config, in Chromium: no Content-Security-Policy violation."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PAGES = ["", "fr/", "en/jongeren/", "jongeren/is-dit-nog-liefde/", "professionals/lesmateriaal/", "zoeken/"]


def test_no_csp_violation(browser, nginx_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.log('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI))")
    for path in PAGES:
        page.goto(nginx_url + path)
        page.wait_for_load_state("networkidle")
        # use the scripts that load more code: search and checklist
        page.locator("#site-search-input").focus()
        page.wait_for_selector("[data-search-ready]", state="attached")
        boxes = page.locator("[data-checklist] input[type=checkbox]")
        if boxes.count():
            boxes.first.check()
    assert [m for m in messages if "Content Security Policy" in m or "CSP-VIOLATION" in m] == []
    context.close()
