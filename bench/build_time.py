"""Build times: the real site (median of runs) and synthetic sites of growing size, ours vs baseline."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.projects import make_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_command(kind: str, project: Path, out: Path, pdf: bool) -> list[str]:
    if kind == "ours":  # the project's own build: checks, pages, search indexes, headers (and PDFs)
        return [sys.executable, "-m", "sitekit", "build", "--site-dir", str(out)] + ([] if pdf else ["--no-pdf"])
    return [sys.executable, "-m", "mkdocs", "build", "-q", "--clean", "-d", str(out)]


def timed_build(kind: str, project: Path, out: Path, pdf: bool = False) -> float:
    start = time.perf_counter()
    result = subprocess.run(build_command(kind, project, out, pdf), cwd=project, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{kind} build failed in {project}:\n{result.stdout[-3000:]}")
    return seconds


def full_builds(work: Path, runs: int) -> dict[str, dict[str, float]]:
    """The real content, 3 languages: median of `runs` builds. Ours with and without the PDF step."""
    out: dict[str, dict[str, float]] = {}
    for kind in ("ours", "baseline"):
        project = make_project(kind, work / f"full-{kind}")
        times = [timed_build(kind, project, project / "out", pdf=False) for _ in range(runs)]
        out[kind] = {"median_s": statistics.median(times), "runs": len(times)}
        if kind == "ours":
            with_pdf = [timed_build(kind, project, project / "out", pdf=True) for _ in range(runs)]
            out[kind]["median_with_pdf_s"] = statistics.median(with_pdf)
    return out


def scaling(work: Path, sizes: list[int]) -> dict[str, list[dict[str, float]]]:
    """Synthetic sites of `sizes` pages per language (3 languages); one build each, seconds and ms per page."""
    out: dict[str, list[dict[str, float]]] = {"ours": [], "baseline": []}
    for size in sizes:
        for kind in ("ours", "baseline"):
            project = make_project(kind, work / f"scale-{kind}", size)
            seconds = timed_build(kind, project, project / "out", pdf=False)
            out[kind].append({"pages_per_language": size, "seconds": seconds,
                              "ms_per_page": 1000 * seconds / (size * 3)})
            print(f"  {kind:8} {size:5} pages x 3 languages: {seconds:6.1f} s", flush=True)
            shutil.rmtree(project, ignore_errors=True)
    return out
