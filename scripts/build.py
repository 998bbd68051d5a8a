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
    try:
        if "--no-pdf" not in sys.argv:
            made = make_downloads(work)
            print(f"PDF downloads: {made} files")
        from sitekit.css_purge import purge_site
        from sitekit.security_headers import write_headers

        purged = purge_site(work)  # after the downloads tables: they are part of the pages
        if purged:
            print(f"Stylesheet: {purged.bytes_before // 1024} KB -> {purged.bytes_after // 1024} KB "
                  "(rules no page can use removed)")

        write_headers(work)
    except Exception as exc:  # noqa: BLE001 - report, keep the last good site
        shutil.rmtree(work, ignore_errors=True)
        print(f"\nBuild failed after the pages were made ({type(exc).__name__}: {exc}); "
              "the previous site/ was kept.", file=sys.stderr)
        return 1
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    work.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Site built in {site_dir.relative_to(ROOT) if site_dir.is_relative_to(ROOT) else site_dir}")
    return 0


def make_downloads(site: Path) -> int:
    from sitekit.downloads import Context, build_downloads
    from sitekit.siteconfig import read_config
    from sitekit.sitedata import load_data

    config = read_config(ROOT)
    data, _ = load_data(ROOT / "data", config.languages, ROOT)
    ctx = Context(site, ROOT, config.site_url, config.languages, config.site_names, data)
    return len(build_downloads(ctx))


def main(argv: list[str]) -> int:
    argv = [a for a in argv if a != "--no-pdf"]
    site_dir = ROOT / "site"
    if "--site-dir" in argv:
        i = argv.index("--site-dir")
        site_dir = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    return build(site_dir, argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
