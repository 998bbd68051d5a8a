"""The benchmark's figures as a table: ours, baseline, ratio (ours / baseline), and the target."""

from __future__ import annotations

from typing import Any

Row = tuple[str, float | None, float | None, str]


def _ratio(ours: float | None, base: float | None) -> str:
    return f"{ours / base:.2f}" if ours is not None and base else "–"


def _fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "–"
    return f"{v:.0f} {unit}" if abs(v) >= 100 or unit in ("", "req") else f"{v:.2f} {unit}"


def rows(r: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    out = []
    for key, value in r.items():
        if isinstance(value, dict) and "error" in value:  # a measurement that failed: say so, skip its rows
            out.append((f"{key}: not measured", value["error"][:80], "", "", ""))
    r = {k: v for k, v in r.items() if not (isinstance(v, dict) and "error" in v)}

    def add(label: str, o: float | None, b: float | None, unit: str, target: str = "") -> None:
        out.append((label, _fmt(o, unit), _fmt(b, unit), _ratio(o, b), target))

    fb = r.get("full_build", {})
    if fb:
        add("Full build, 3 languages (median, no PDF)", fb["ours"]["median_s"], fb["baseline"]["median_s"], "s")
        add("  ours with the PDF step", fb["ours"].get("median_with_pdf_s"), None, "s")
    for name, w in r.get("weight", {}).get("ours", {}).items():
        b = r["weight"]["baseline"][name]
        add(f"{name}: bytes on the wire (gzip), first load", w["bytes"] / 1024, b["bytes"] / 1024, "KB",
            "≤ 0.50" if name == "jongeren" else "")
        first, first_b = (x["by_type"].get("html", 0) + x["by_type"].get("css", 0) for x in (w, b))
        add(f"{name}: HTML + stylesheet before the first paint (gzip)", first / 1024, first_b / 1024, "KB",
            "≤ 14 (one round trip)")
        add(f"{name}: requests", w["requests"], b["requests"], "req")
        add(f"{name}: third-party requests", w["third_party_requests"], b["third_party_requests"], "req", "0")
        for kind in sorted(set(w["by_type"]) | set(b["by_type"])):
            add(f"  {name} {kind}", w["by_type"].get(kind, 0) / 1024, b["by_type"].get(kind, 0) / 1024, "KB")
    for name in r.get("lighthouse", {}).get("ours", {}):
        o, b = r["lighthouse"]["ours"][name], r["lighthouse"]["baseline"].get(name, {})
        if "scores" not in o:
            out.append((f"Lighthouse {name}", "error", "", "", ""))
            continue
        for cat, score in o["scores"].items():
            add(f"Lighthouse {name}: {cat}", score, b.get("scores", {}).get(cat), "", "100")
        for m in ("fcp_ms", "lcp_ms", "tbt_ms"):
            add(f"Lighthouse {name}: {m[:3].upper()}", o[m], b.get(m), "ms")
    s = r.get("search", {})
    if s:
        add("Search index a language loads (gzip)", s["ours"]["index"]["gzip"] / 1024, s["baseline"]["index"]["gzip"] / 1024, "KB")
        if "text_gzip" in s["ours"]["index"]:
            add("  + snippet text, loaded beside it (gzip)", s["ours"]["index"]["text_gzip"] / 1024, None, "KB")
        for mode, label in (("cold", "cold, typed at once on arrival"), ("warm", "warm, index loaded")):
            if mode not in s["ours"]:
                continue
            o, b = s["ours"][mode], s["baseline"].get(mode, {})
            add(f"Search {label}: last key -> first result, 4x CPU throttle (median)", o["median_ms"],
                b.get("median_ms"), "ms", "< baseline")
            add(f"  slowest of {s['ours'].get('runs_per_mode', '?')} runs", o["slowest_ms"], b.get("slowest_ms"), "ms",
                "< baseline")
    se = r.get("serve_edit", {})
    if se:
        add("make serve: edit -> visible (100 pages)", se["ours"]["median_s"], se["baseline"]["median_s"], "s", "< 1 s")
    pk = r.get("preview_kinds", {})
    pages = pk.get("pages_per_language", "?")
    for key, label in (("page_s", "a page"), ("data_s", "data/ui.yml"), ("template_s", "a template")):
        if key in pk:
            add(f"make serve: edit in {label} -> visible in the page looked at ({pages} pages)", pk[key], None, "s",
                "< 1 s")
        every = key.replace("_s", "_everywhere_s")
        if every in pk:
            add(f"make serve: edit in {label} -> visible in every page ({pages} pages)", pk[every], None, "s", "")
    sc = r.get("scaling", {})
    for o, b in zip(sc.get("ours", []), sc.get("baseline", [])):
        n = o["pages_per_language"]
        add(f"Build {n} pages x 3 languages", o["seconds"], b["seconds"], "s", "≤ 0.50" if n == 1000 else "")
        add(f"  per page at {n}", o["ms_per_page"], b["ms_per_page"], "ms", "flat")
    return out


def render_table(r: dict[str, Any]) -> str:
    data = [("measure", "ours", "baseline", "ours/base", "target")] + rows(r)
    widths = [max(len(row[i]) for row in data) for i in range(5)]
    return "\n".join("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in data)


def render_markdown(r: dict[str, Any]) -> str:
    lines = [
        "# Benchmark: our site against plain Material",
        "",
        "Generated by `make bench` (bench/, figures also in bench/results.json) on "
        f"{r['date']}{' (quick run)' if r.get('quick') else ''}. The baseline is `bench/baseline.yml`: Material for "
        "MkDocs 9.8.1 with its defaults and the same three-language content. Bytes are what Debian's nginx sent "
        "(gzip) for a first visit in headless Chromium at phone width; Lighthouse 12.8.2 runs its mobile defaults.",
        "",
        *[f"Measured again with `make bench BENCH_ARGS='--only {key}'` on {when}: {key}." for key, when in r.get("updated", {}).items()],
        "",
        "| measure | ours | baseline | ours / baseline | target |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {' | '.join(row)} |" for row in rows(r)]
    return "\n".join(lines) + "\n"
