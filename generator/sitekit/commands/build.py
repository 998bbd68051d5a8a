"""Build the site safely: into a fresh directory, swapped into site/ only when the build succeeded.

The same steps as `make check` (sitekit/site_build.py), then PDFs, the stylesheet, the page guard over
every file and the security headers. A failing or interrupted build leaves the last good site/ untouched
and prints the editors' messages (`file:line: error: message`), never a traceback.
Usage: sitekit build [--site-dir site] [--no-pdf] [extra mkdocs build options]
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path.cwd()  # the site's folder: where its mkdocs.yml is (make runs there)
from sitekit.problems import Problem


def _failed(problems: list[Problem], site_dir: Path, what: str = "Build failed") -> int:
    for p in problems:
        print(p, file=sys.stderr)
    kept = "the previous site/ was kept" if site_dir.exists() else "no site/ was written"
    count = f"{len(problems)} error(s): " if problems else ""
    print(f"\n{what}: {count}{kept}. Fix the errors above (file:line) and run it again.", file=sys.stderr)
    return 1


def build(site_dir: Path, extra: list[str], pdf: bool = True) -> int:
    from sitekit.site_build import after_pages_problems, guard_site, make_readable, render, site_digests, static_problems

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    problems = static_problems(ROOT)
    if problems:
        return _failed(problems, site_dir)
    remove_stale_work(site_dir.parent)
    work = Path(tempfile.mkdtemp(prefix=f".site-new-{os.getpid()}-", dir=site_dir.parent))
    try:
        rendered = render(ROOT, work, extra)
        print("\n".join(line for line in rendered.output.splitlines()
                        if not line.startswith(("INFO", "WARNING", "ERROR", "Aborted"))
                        and not line.startswith(" ")).strip() or "Pages built")
        if not rendered.ok:
            shutil.rmtree(work, ignore_errors=True)
            return _failed(rendered.problems, site_dir)
        try:
            after = after_pages_problems(work, ROOT, rendered.guarded)  # as `make check`: PDF texts, page guard
            if not after:
                passed = site_digests(work)
                _after_pages(work, pdf, passed)
                after = guard_site(work, ROOT, passed)  # once more for what changed: the download tables
        except Exception as exc:  # noqa: BLE001 - report, keep the last good site
            after = [getattr(exc, "problem", None) or Problem("sitekit/commands/build.py", 1,
                                                              f"the step after the pages stopped: {type(exc).__name__}: {exc}")]
        if after:
            shutil.rmtree(work, ignore_errors=True)
            return _failed(after, site_dir)
        make_readable(work)
        old = site_dir.with_name(site_dir.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        work.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    except KeyboardInterrupt:
        shutil.rmtree(work, ignore_errors=True)
        print("\nBuild interrupted: the previous site/ was kept.", file=sys.stderr)
        return 130
    print(f"Site built in {site_dir.relative_to(ROOT) if site_dir.is_relative_to(ROOT) else site_dir}")
    return 0


def remove_stale_work(folder: Path) -> None:
    """Folders of builds that were killed (`kill -9`, a machine that stopped): their process is gone."""
    for stale in folder.glob(".site-new-*"):
        pid = stale.name.removeprefix(".site-new-").split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _after_pages(work: Path, pdf: bool, passed: dict[str, str] | None = None) -> list[Problem]:
    from sitekit.css_purge import purge_site
    from sitekit.security_headers import write_headers

    if pdf:
        made = make_downloads(work)
        print(f"PDF downloads: {made} files")
    purged = purge_site(work, passed=passed)  # after the downloads tables: they are part of the pages
    if purged:
        print(f"Stylesheet: {purged.bytes_before // 1024} KB -> {purged.bytes_after // 1024} KB "
              "(rules no page can use removed)")
    write_headers(work)
    return []


def make_downloads(site: Path) -> int:
    from sitekit.downloads import build_downloads
    from sitekit.site_build import download_context

    return len(build_downloads(download_context(site, ROOT)))


def run(argv: list[str]) -> int:
    pdf = "--no-pdf" not in argv
    argv = [a for a in argv if a != "--no-pdf"]
    site_dir = ROOT / "site"
    if "--site-dir" in argv:
        i = argv.index("--site-dir")
        site_dir = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    signal.signal(signal.SIGTERM, _stop)  # `kill` and a CI time-out stop the build like Ctrl+C: nothing left behind
    try:
        return build(site_dir, argv, pdf)
    except KeyboardInterrupt:
        print("\nBuild interrupted: the previous site/ was kept.", file=sys.stderr)
        return 130


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


