"""`make bench`: build our site and a plain-Material baseline from the SAME content and compare them.

Prints a table, writes bench/results.json and docs/benchmark.md. Targets are reported, never asserted.
Options: --quick (fewer runs, scaling only to 300 pages), --skip-lighthouse.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench import build_time, lighthouse, search_time, serve_latency, weight  # noqa: E402
from bench.projects import make_project  # noqa: E402
from bench.report import render_markdown, render_table  # noqa: E402


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    results: dict[str, Any] = {"date": dt.datetime.now().isoformat(timespec="seconds"), "quick": quick}
    try:
        print("1/6 full builds (real content, 3 languages)", flush=True)
        results["full_build"] = build_time.full_builds(work, runs=1 if quick else 3)
        sites = {kind: work / f"full-{kind}" / "out" for kind in ("ours", "baseline")}
        print("2/6 page weight over HTTP (nginx, gzip)", flush=True)
        results["weight"] = {kind: weight.measure_site(site, work / f"weight-{kind}") for kind, site in sites.items()}
        print("3/6 search", flush=True)
        results["search"] = {kind: {"index": search_time.index_bytes(kind, site),
                                    **search_time.first_result_ms(kind, site, work)} for kind, site in sites.items()}
        if "--skip-lighthouse" not in argv:
            print("4/6 Lighthouse (mobile)", flush=True)
            results["lighthouse"] = {}
            for kind, site in sites.items():
                from devtools.local_nginx import nginx

                with nginx(site, work / f"nginx-lh-{kind}") as base:
                    results["lighthouse"][kind] = {name: lighthouse.run(base + path, work / f"lh-{kind}-{name}.json")
                                                   for name, path in weight.PAGES.items()}
        print("5/6 edit -> visible in make serve (100 pages)", flush=True)
        results["serve_edit"] = {kind: serve_latency.edit_latency(kind, work) for kind in ("ours", "baseline")}
        print("6/6 scaling (synthetic pages, 3 languages)", flush=True)
        results["scaling"] = build_time.scaling(work, [100, 300] if quick else [100, 300, 1000])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (ROOT / "docs" / "benchmark.md").write_text(render_markdown(results), encoding="utf-8")
    print(render_table(results))
    print("\nWritten: bench/results.json, docs/benchmark.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
