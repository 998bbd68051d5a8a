"""Search: index bytes a language loads, and the time from focusing the field and typing a query to the
first result, in headless Chromium with 4x CPU throttling (ours loads the prebuilt index when the field is
first touched, and the snippet text beside it without waiting for it; Material loads its worker and index
with the page)."""

from __future__ import annotations

import gzip
import statistics
import time
from pathlib import Path
from typing import Any

from devtools.chromium import ARGS, executable
from devtools.local_nginx import nginx

SELECTORS = {
    "ours": {"open": None, "input": "#site-search-input", "result": "[data-search-results] li a"},
    # at 1280 px Material shows its search field in the header: focusing it opens search
    "baseline": {"open": None, "input": "input.md-search__input", "result": ".md-search-result__item"},
}
QUERY = "loverboy"
# Installed before typing: the clock starts at the LAST key press (the query is complete) and stops when the
# first result for it is in the DOM. Search code and index start loading when the field gets focus.
# (It must not be awaited here: page.evaluate waits for a returned promise.)
OBSERVE = """sel => {
  window.__t0 = null;
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, {capture: true});
  window.__firstResult = new Promise(resolve => {
    new MutationObserver((_, obs) => {
      if (window.__t0 !== null && document.querySelector(sel)) { obs.disconnect(); resolve(performance.now() - window.__t0); }
    }).observe(document.body, {childList: true, subtree: true, attributes: true});
  });
}"""
TIMEOUT_MS = 30_000


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def index_bytes(kind: str, site: Path) -> dict[str, Any]:
    """What one language's first result needs (ours: search/nl.json; Material: its one index), and for
    ours the snippet text and each language's files."""
    if kind != "ours":
        f = site / "search" / "search_index.json"
        return {"raw": f.stat().st_size, "gzip": _gz(f)}
    first = site / "search" / "nl.json"
    per_language = {f.stem: {"index_gzip": _gz(f), "text_gzip": _gz(f.with_suffix(".text.json"))}
                    for f in sorted((site / "search").glob("*.json")) if not f.name.endswith(".text.json")}
    return {"raw": first.stat().st_size, "gzip": _gz(first), "text_gzip": _gz(first.with_suffix(".text.json")),
            "per_language": per_language}


def first_result_ms(kind: str, site: Path, work: Path, runs: int = 3) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    sel = SELECTORS[kind]
    times = []
    with nginx(site, work / f"nginx-search-{kind}") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable(), args=ARGS, headless=True)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(base + "jongeren/", wait_until="load")
            page.wait_for_load_state("networkidle")
            page.evaluate(f"() => ({OBSERVE})({sel['result']!r})")
            if sel["open"]:
                page.click(sel["open"])
            page.focus(sel["input"])
            page.keyboard.type(QUERY)
            elapsed = page.evaluate(f"() => Promise.race([window.__firstResult, new Promise(r => setTimeout(() => r(null), {TIMEOUT_MS}))])")
            times.append(round(elapsed) if elapsed is not None else None)
            context.close()
            time.sleep(0.2)
        browser.close()
    found = [t for t in times if t is not None]
    return {"query": QUERY, "median_ms": round(statistics.median(found)) if found else None, "runs": times}
