"""Build the site safely: into a fresh directory, swapped into site/ only when the build succeeded.

A failing build leaves the last good site/ untouched and prints the editors' messages.
Usage: python scripts/build.py [--site-dir site] [extra mkdocs build options]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path, extra: list[str]) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(work), *extra]
    result = subprocess.run(cmd, cwd=ROOT, env=env)
    if result.returncode != 0 or not (work / "index.html").exists():
        shutil.rmtree(work, ignore_errors=True)
        kept = "the previous site/ was kept" if site_dir.exists() else "no site/ was written"
        print(f"\nBuild failed: {kept}. Fix the errors above (file:line) and run it again.", file=sys.stderr)
        return result.returncode or 1
    sys.path.insert(0, str(ROOT / "scripts"))
    from sitekit.security_headers import write_headers

    write_headers(work)
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    work.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Site built in {site_dir.relative_to(ROOT) if site_dir.is_relative_to(ROOT) else site_dir}")
    return 0


def main(argv: list[str]) -> int:
    site_dir = ROOT / "site"
    if "--site-dir" in argv:
        i = argv.index("--site-dir")
        site_dir = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    return build(site_dir, argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
