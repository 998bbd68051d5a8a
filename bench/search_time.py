"""Search: index bytes a language loads, and the time from focusing the field and typing a query to the
first result, in headless Chromium with 4x CPU throttling (ours loads lunr and the index on focus;
Material loads its worker and index with the page)."""

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
    "baseline": {"open": "label.md-search__icon", "input": "input.md-search__input", "result": ".md-search-result__item"},
}
QUERY = "loverboy"
OBSERVE = """sel => new Promise(resolve => {
  const found = () => document.querySelector(sel);
  if (found()) return resolve(0);
  window.__t0 = performance.now();
  new MutationObserver((_, obs) => { if (found()) { obs.disconnect(); resolve(performance.now() - window.__t0); } })
    .observe(document.body, {childList: true, subtree: true});
})"""


def index_bytes(kind: str, site: Path) -> dict[str, int]:
    files = [site / "search" / "nl.json"] if kind == "ours" else [site / "search" / "search_index.json"]
    raw = sum(f.stat().st_size for f in files)
    return {"raw": raw, "gzip": sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)}


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
            waiting = page.evaluate_handle(f"() => ({OBSERVE})({sel['result']!r})")
            if sel["open"]:
                page.click(sel["open"])
            page.focus(sel["input"])
            page.keyboard.type(QUERY)
            elapsed = page.evaluate("p => p", waiting)
            times.append(elapsed)
            context.close()
            time.sleep(0.2)
        browser.close()
    return {"query": QUERY, "median_ms": round(statistics.median(times)), "runs": times}
