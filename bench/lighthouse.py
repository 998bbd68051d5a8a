"""Lighthouse 12.8.2 (npm, bench/package.json), mobile defaults, with Debian's Chromium."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from devtools.chromium import ARGS, executable

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def run(url: str, out: Path) -> dict[str, Any]:
    flags = " ".join(a for a in ARGS if a != "--headless") + " --headless=new"
    cmd = ["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    result = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": executable()}, capture_output=True, text=True,
                            timeout=240)
    if result.returncode != 0 or not out.exists():
        return {"error": (result.stderr or result.stdout)[-500:]}
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "scores": {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "failed": sorted(a for a, v in audits.items() if v.get("score") is not None and v["score"] < 0.9
                         and v.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")),
    }
