"""Page weight over HTTP: Debian's nginx (deploy/nginx.conf, gzip) logs every response's bytes on the wire;
headless Chromium loads each page with an empty cache. Web Worker fetches are in nginx's log too."""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from devtools.chromium import ARGS, executable
from devtools.local_nginx import nginx

PAGES = {"home": "", "jongeren": "jongeren/wat-is-een-tienerpooier/", "checklist": "jongeren/is-dit-nog-liefde/"}


def _kind(uri: str, content_type: str) -> str:
    path = uri.split("?")[0]
    for ext, kind in ((".js", "js"), (".css", "css"), (".json", "json"), (".svg", "image"), (".png", "image"),
                      (".woff2", "font"), (".woff", "font"), (".xml", "xml")):
        if path.endswith(ext):
            return kind
    return "html" if "html" in content_type or path.endswith("/") else "other"


def measure_site(site: Path, work: Path, settle_s: float = 2.0) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    log = work / "access.log"
    results: dict[str, Any] = {}
    with nginx(site, work / "nginx", access_log=log) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable(), args=ARGS, headless=True)
        for name, path in PAGES.items():
            before = log.stat().st_size if log.exists() else 0
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            page = context.new_page()
            third_party: list[str] = []
            page.on("request", lambda r, found=third_party: found.append(r.url) if not r.url.startswith(base) else None)
            page.goto(base + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            time.sleep(settle_s)  # workers and lazy fetches
            context.close()
            time.sleep(0.2)
            with log.open(encoding="utf-8") as f:
                f.seek(before)
                lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
            by_type: dict[str, int] = defaultdict(int)
            for uri, _status, size, ctype in lines:
                by_type[_kind(uri, ctype)] += int(size)
            results[name] = {"url": path, "requests": len(lines), "bytes": sum(by_type.values()),
                             "by_type": dict(sorted(by_type.items())), "third_party_requests": len(third_party),
                             "third_party": sorted(set(u.split("/")[2] for u in third_party if "://" in u))}
        browser.close()
    return results
