"""`make bench`: build our site and a plain-Material baseline from the SAME content and compare them.

Prints a table, writes bench/results.json and docs/benchmark.md. Targets are reported, never asserted.
Options: --quick (fewer runs, scaling only to 300 pages), --skip-lighthouse, --only KEY (one measurement,
e.g. `--only search`; the sites it needs are built once, and the other figures in results.json are kept).
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
from bench.report import render_markdown, render_table  # noqa: E402

ONLY: str | None = None


def step(results: dict[str, Any], key: str, title: str, measure: Any) -> None:
    """Run one measurement; a failure is recorded and printed, and the other measurements still run."""
    if ONLY and key != ONLY and not (key == "full_build" and ONLY in ("weight", "search", "lighthouse")):
        return
    print(title, flush=True)
    try:
        results[key] = measure()
    except Exception as exc:  # noqa: BLE001 - a benchmark reports what broke and goes on
        results[key] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
        print(f"   failed: {results[key]['error']}", flush=True)


def main(argv: list[str]) -> int:
    global ONLY
    quick = "--quick" in argv
    if "--only" in argv:
        ONLY = argv[argv.index("--only") + 1]
        quick = True
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    results: dict[str, Any] = {"date": dt.datetime.now().isoformat(timespec="seconds"), "quick": quick}
    try:
        step(results, "full_build", "1/6 full builds (real content, 3 languages)",
             lambda: build_time.full_builds(work, runs=1 if quick else 3))
        sites = {kind: work / f"full-{kind}" / "out" for kind in ("ours", "baseline")}
        step(results, "weight", "2/6 page weight over HTTP (nginx, gzip)",
             lambda: {kind: weight.measure_site(site, work / f"weight-{kind}") for kind, site in sites.items()})
        step(results, "search", "3/6 search",
             lambda: {kind: {"index": search_time.index_bytes(kind, site), **search_time.first_result_ms(kind, site, work)}
                      for kind, site in sites.items()})
        if "--skip-lighthouse" not in argv:
            step(results, "lighthouse", "4/6 Lighthouse (mobile)", lambda: lighthouse_all(sites, work))
        step(results, "serve_edit", "5/6 edit -> visible in make serve (100 pages)",
             lambda: {kind: serve_latency.edit_latency(kind, work) for kind in ("ours", "baseline")})
        step(results, "preview_kinds", "5b/6 page, data and template edits -> visible in make serve (this site)",
             lambda: serve_latency.preview_kinds(work))
        step(results, "scaling", "6/6 scaling (synthetic pages, 3 languages)",
             lambda: build_time.scaling(work, [100, 300] if quick else [100, 300, 1000]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if ONLY:  # one figure measured again: the others stay as they were
        kept = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        kept[ONLY] = results[ONLY]
        kept.setdefault("updated", {})[ONLY] = results["date"]
        results = kept
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (ROOT / "docs" / "benchmark.md").write_text(render_markdown(results), encoding="utf-8")
    print(render_table(results))
    print("\nWritten: bench/results.json, docs/benchmark.md")
    return 0


def lighthouse_all(sites: dict[str, Path], work: Path) -> dict[str, Any]:
    from devtools.local_nginx import nginx

    found: dict[str, Any] = {}
    for kind, site in sites.items():
        with nginx(site, work / f"nginx-lh-{kind}") as base:
            found[kind] = {name: lighthouse.run(base + path, work / f"lh-{kind}-{name}.json")
                           for name, path in weight.PAGES.items()}
    return found


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
