"""Search: index bytes a language loads, and the time from the last key of a query to its first result, in
headless Chromium with 4x CPU throttling, cold (typed at once on arrival) and warm (index loaded). Ours
loads the prebuilt index when the field is first touched, and the snippet text beside it without waiting
for it; Material loads its worker and index with the page."""

from __future__ import annotations

import gzip
import statistics
import time
from pathlib import Path
from typing import Any

from devtools.chromium import ARGS, executable
from devtools.local_nginx import nginx

SELECTORS = {
    "ours": {"input": "#site-search-input", "result": "[data-search-results] li a",
             "ready": "[data-search-ready]"},
    # at 1280 px Material shows its search field in the header: focusing it opens search. Its worker
    # loads and builds the index with the page; it has no ready mark, so "warm" waits WARM_WAIT_MS.
    "baseline": {"input": "input.md-search__input", "result": ".md-search-result__item", "ready": None},
}
QUERY = "loverboy"
# Installed before typing: the clock starts at the LAST key press (the query is complete) and stops when a
# result for the complete query is in the DOM (a result shown for "loverbo" does not count).
# (It must not be awaited here: page.evaluate waits for a returned promise.)
OBSERVE = """([input, result, query]) => {
  window.__t0 = null;
  const field = document.querySelector(input);
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, {capture: true});
  window.__firstResult = new Promise(resolve => {
    new MutationObserver((_, obs) => {
      if (window.__t0 !== null && field.value === query && document.querySelector(result)) {
        obs.disconnect(); resolve(performance.now() - window.__t0);
      }
    }).observe(document.body, {childList: true, subtree: true, attributes: true});
  });
}"""
TIMEOUT_MS = 30_000
WARM_WAIT_MS = 3_000
# cold: the visitor arrives and types at once (the page has fired "load"; nothing of search is loaded yet
#       for ours, Material's worker may still be building its index);
# warm: the index has been loaded (the field was touched earlier, or Material had time).
MODES = ("cold", "warm")


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


def first_result_ms(kind: str, site: Path, work: Path, runs: int = 11) -> dict[str, Any]:
    """Median and slowest of `runs` fresh visits per mode, each in a new browser context (empty cache)."""
    from playwright.sync_api import sync_playwright

    sel = SELECTORS[kind]
    times: dict[str, list[int | None]] = {mode: [] for mode in MODES}
    with nginx(site, work / f"nginx-search-{kind}") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable(), args=ARGS, headless=True)
        # one visit that is not counted: the browser's own first-use costs (code cache, nginx) are not search's
        for n, mode in enumerate(("warm",) + MODES * runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(base + "jongeren/", wait_until="load")
            if mode == "warm":
                page.wait_for_load_state("networkidle")
                page.focus(sel["input"])
                if sel["ready"]:
                    page.wait_for_selector(sel["ready"], state="attached", timeout=TIMEOUT_MS)
                page.wait_for_timeout(WARM_WAIT_MS if not sel["ready"] else 300)
            page.evaluate(f"({OBSERVE})", [sel["input"], sel["result"], QUERY])
            page.focus(sel["input"])
            page.keyboard.type(QUERY)
            elapsed = page.evaluate(f"() => Promise.race([window.__firstResult, new Promise(r => setTimeout(() => r(null), {TIMEOUT_MS}))])")
            if n > 0:
                times[mode].append(round(elapsed) if elapsed is not None else None)
            context.close()
            time.sleep(0.2)
        browser.close()
    out: dict[str, Any] = {"query": QUERY, "runs_per_mode": runs}
    for mode in MODES:
        found = sorted(t for t in times[mode] if t is not None)
        out[mode] = {"median_ms": round(statistics.median(found)) if found else None,
                     "slowest_ms": found[-1] if found else None, "runs": times[mode]}
    return out
