"""`make check`: the editorial check of all content, as `path:line: level: message` lines.

The same build as `make build` (sitekit/site_build.py), every step of the plugin up to publishing: the
editorial checks, every page rendered in every language (page templates, links, data, the page guard), the
PDFs prepared and the whole site guarded, into a temporary folder that is thrown away. So `make check` and
`make build` fail on the same errors. Exits non-zero when there is at least one error; warnings and info never fail.
Usage: sitekit check [--no-render]   (--no-render: the editorial checks only, faster)
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from collections import Counter
from pathlib import Path

from sitekit.content_checks import run_checks
from sitekit.problems import ERROR, Problem
from sitekit.siteconfig import ConfigProblem

ROOT = Path.cwd()  # the site's folder: where its mkdocs.yml is (make runs there)


def main(argv: list[str]) -> int:
    if "--no-render" in argv:
        problems, report = editorial_problems()
    else:
        problems, report = rendered_problems()
    by_file: dict[str, list[Problem]] = {}
    for p in sorted(problems, key=lambda p: (p.path, p.line)):
        by_file.setdefault(p.path, []).append(p)
    for path, items in by_file.items():
        print(f"\n{path}")
        for p in items:
            print(f"  {p}")
    if report:
        print("\n" + report)
    counts = Counter(p.level for p in problems)
    summary = ", ".join(f"{counts.get(level, 0)} {level}(s)" for level in ("error", "warning", "info"))
    print(f"\ncheck: {summary}")
    return 1 if counts.get(ERROR) else 0


def editorial_problems() -> tuple[list[Problem], str]:
    """`--no-render`: the editorial checks only (sitekit/content_checks.py), without rendering a page."""
    try:
        return run_checks(ROOT)
    except ConfigProblem as exc:
        return [exc.problem], ""
    except Exception as exc:  # noqa: BLE001 - never a traceback
        return [Problem("sitekit/content_checks.py", 1, f"the check stopped: {type(exc).__name__}: {exc}")], ""


REPORT_START = "Readability per page"


def rendered_problems() -> tuple[list[Problem], str]:
    """The build's own steps up to publishing (SITEKIT_STEPS=check), into a folder removed afterwards: the
    errors it stopped on, and the warnings, notes and readability table the plugin printed."""
    from sitekit.site_build import render

    work = Path(tempfile.mkdtemp(prefix=".check-"))
    try:
        rendered = render(ROOT, work / "site", mode="check")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    problems = list(rendered.problems)
    lines = rendered.output.splitlines()
    for line in lines:
        printed = Problem.from_line(line)
        if printed is not None and printed.level != ERROR and not line.startswith(("INFO", "WARNING", "ERROR")):
            problems.append(printed)
    start = next((i for i, line in enumerate(lines) if line.startswith(REPORT_START)), None)
    report = []
    if start is not None:
        for line in lines[start:]:
            if not line.strip():
                break
            report.append(line)
    return problems, "\n".join(report)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # `kill` and a time-out stop the check like Ctrl+C: its folder is removed


def run(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, _stop)
    try:
        return main(argv)
    except KeyboardInterrupt:
        print("\ncheck: interrupted", file=sys.stderr)
        return 130
