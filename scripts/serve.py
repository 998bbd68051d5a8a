"""`make serve`: preview the site on http://127.0.0.1:8000 while editing.

Fast on purpose: after the first build, only the page that changed is re-rendered (`--dirty`). data/,
overrides/ and scripts/ are watched too: an edit there re-renders the pages a browser looked at last
first and every other page in a second build right after; a request for a page not yet rendered again
waits for it, so nothing stale is ever served (sitekit/preview.py, sitekit/preview_server.py). Only Dutch
is built: `make serve SITE_LANGUAGE=all` previews French and English as well (slower, one step).
`make build` always builds everything, with PDFs.
Usage: python scripts/serve.py [--port 8000]
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from sitekit.generator import NoGenerator, generator

    try:
        name = generator()  # mkdocs or properdocs, whichever is installed (SITE_GENERATOR chooses)
    except NoGenerator as exc:
        print(f"make serve: {exc}", file=sys.stderr)
        return 1
    port = argv[argv.index("--port") + 1] if "--port" in argv else "8000"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    language = os.environ.get("SITE_LANGUAGE", "nl")
    if language != "all":  # read by mkdocs.yml (i18n build_only_locale)
        os.environ["SITE_ONLY_LANGUAGE"] = language
    os.chdir(ROOT)
    from sitekit import preview
    from sitekit.preview_server import serve

    signal.signal(signal.SIGTERM, _stop)  # stopped like Ctrl+C: the server shuts down, the folder goes
    with tempfile.TemporaryDirectory(prefix="site-preview-") as folder:
        os.environ[preview.SIGNAL_ENV] = folder
        return serve(name, ["--dev-addr", f"127.0.0.1:{port}", "--livereload", "--dirty",
                            "--watch", str(ROOT / "data"), "--watch", str(ROOT / "overrides"),
                            "--watch", str(ROOT / "scripts"), "--watch", folder])


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
