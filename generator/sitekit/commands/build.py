"""`sitekit build` (`make build`): the site into a fresh folder, swapped into site/ only when the build succeeded.

Every step is the plugin's, inside the generator's own build (sitekit/site_build.py): `mkdocs build` or
`properdocs build` make the same site. This command adds only what a publisher needs around it: a failing
or interrupted build leaves the last good site/ untouched, and the editors' messages are printed as
`file:line: error: message`, never a traceback.
Usage: sitekit build [--site-dir site] [--no-pdf] [extra generator build options]
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from sitekit.problems import Problem

ROOT = Path.cwd()  # the site's folder: where its mkdocs.yml is (make runs there)


def failed(problems: list[Problem], site_dir: Path, what: str = "Build failed") -> int:
    for p in problems:
        print(p, file=sys.stderr)
    kept = "the previous site/ was kept" if site_dir.exists() else "no site/ was written"
    count = f"{len(problems)} error(s): " if problems else ""
    print(f"\n{what}: {count}{kept}. Fix the errors above (file:line) and run it again.", file=sys.stderr)
    return 1


def shown_output(output: str) -> str:
    """What the generator printed besides its log lines: the plugin's summary (PDFs, stylesheet, warnings)."""
    return "\n".join(line for line in output.splitlines()
                     if not line.startswith(("INFO", "WARNING", "ERROR", "DEBUG", "Aborted")) and not line.startswith(" "))


def build(site_dir: Path, extra: list[str], pdf: bool = True) -> int:
    from sitekit.site_build import make_readable, render

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_work(site_dir.parent)
    work = Path(tempfile.mkdtemp(prefix=f".site-new-{os.getpid()}-", dir=site_dir.parent))
    try:
        rendered = render(ROOT, work, extra, "build", pdf)
        print(shown_output(rendered.output).strip() or "Pages built")
        if not rendered.ok:
            shutil.rmtree(work, ignore_errors=True)
            return failed(rendered.problems, site_dir)
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


def parse(argv: list[str]) -> tuple[Path, list[str], bool]:
    pdf = "--no-pdf" not in argv
    argv = [a for a in argv if a != "--no-pdf"]
    site_dir = ROOT / "site"
    if "--site-dir" in argv:
        i = argv.index("--site-dir")
        site_dir = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    return site_dir, argv, pdf


def run(argv: list[str]) -> int:
    site_dir, extra, pdf = parse(argv)
    signal.signal(signal.SIGTERM, _stop)  # `kill` and a CI time-out stop the build like Ctrl+C: nothing left behind
    try:
        return build(site_dir, extra, pdf)
    except KeyboardInterrupt:
        print("\nBuild interrupted: the previous site/ was kept.", file=sys.stderr)
        return 130


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
