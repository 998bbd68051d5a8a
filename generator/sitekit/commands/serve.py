"""`make serve`: preview the site on http://127.0.0.1:8000 while editing.

Fast on purpose: after the first build, only the page that changed is re-rendered (`--dirty`). data/,
the site's overrides/ (if any) and the generator are watched too: an edit there re-renders the pages a browser looked at last
first and every other page in a second build right after; a request for a page not yet rendered again
waits for it, so nothing stale is ever served (sitekit/preview.py, sitekit/preview_server.py). Only the default
language is built: `make serve SITE_LANGUAGE=all` previews French and English as well (slower, one step).
`make build` always builds everything, with PDFs.
Usage: sitekit serve [--port 8000]
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path.cwd()  # the site's folder: where its mkdocs.yml is (make runs there)


def main(argv: list[str]) -> int:
    from sitekit.generator import NoGenerator, generator

    try:
        name = generator()  # mkdocs or properdocs, whichever is installed (SITE_GENERATOR chooses)
    except NoGenerator as exc:
        print(f"make serve: {exc}", file=sys.stderr)
        return 1
    port = argv[argv.index("--port") + 1] if "--port" in argv else "8000"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from sitekit.siteconfig import read_config

    language = os.environ.get("SITE_LANGUAGE") or read_config(ROOT).languages[0]  # the site's default language
    if language != "all":  # read by mkdocs.yml (i18n build_only_locale)
        os.environ["SITE_ONLY_LANGUAGE"] = language
    os.chdir(ROOT)
    from sitekit import preview
    from sitekit.preview_server import serve

    signal.signal(signal.SIGTERM, _stop)  # stopped like Ctrl+C: the server shuts down, the folder goes
    with tempfile.TemporaryDirectory(prefix="site-preview-") as folder:
        os.environ[preview.SIGNAL_ENV] = folder
        return serve(name, ["-f", "mkdocs.yml", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--dirty",
                            *watched(), "--watch", folder])


def watched() -> list[str]:
    """data/, the site's own theme folder if it has one, and the generator (its theme and code)."""
    from sitekit.paths import PACKAGE_DIR

    folders = [ROOT / "data", ROOT / "overrides", PACKAGE_DIR]
    return [arg for folder in folders if folder.is_dir() for arg in ("--watch", str(folder))]


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(argv: list[str]) -> int:
    return main(argv)
