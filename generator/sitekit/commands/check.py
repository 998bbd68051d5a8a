"""`make check`: the editorial check of all content, as `path:line: level: message` lines.

The same steps as `make build` up to the pages (sitekit/site_build.py): the editorial checks, then every
page rendered in every language by the generator with the hooks (page templates, links, data, the page
guard), into a temporary folder that is thrown away. So `make check` and `make build` fail on the same
errors. Exits non-zero when there is at least one error; warnings and info never fail.
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

ROOT = Path.cwd()  # the site's folder: where its mkdocs.yml is (make runs there)


def main(argv: list[str]) -> int:
    try:
        problems, report = run_checks(ROOT)
    except Exception as exc:  # noqa: BLE001 - never a traceback
        problems, report = [Problem("sitekit/content_checks.py", 1,
                                    f"the check stopped: {type(exc).__name__}: {exc}")], ""
    if "--no-render" not in argv and not any(p.level == ERROR for p in problems):
        problems += rendered_problems()
    by_file: dict[str, list] = {}
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
    print(f"\nmake check: {summary}")
    return 1 if counts.get(ERROR) else 0


def rendered_problems() -> list[Problem]:
    """Render every page as the build does, into a folder that is removed afterwards."""
    from sitekit.site_build import after_pages_problems, render

    work = Path(tempfile.mkdtemp(prefix=".check-"))
    try:
        rendered = render(ROOT, work / "site")
        if not rendered.ok:
            return rendered.problems
        return after_pages_problems(work / "site", ROOT, rendered.guarded)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # `kill` and a time-out stop the check like Ctrl+C: its folder is removed


def run(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, _stop)
    try:
        return main(argv)
    except KeyboardInterrupt:
        print("\nmake check: interrupted", file=sys.stderr)
        return 130
