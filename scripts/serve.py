"""`make serve`: preview the site on http://127.0.0.1:8000 while editing.

Fast on purpose: after the first build, only the page that changed is re-rendered (`--dirty`), and data/,
overrides/ and scripts/ are watched too, and only Dutch is built:
`make serve SITE_LANGUAGE=all` previews French and English as well (slower). `make build` always builds everything, with PDFs.
Usage: python scripts/serve.py [--port 8000]
"""

from __future__ import annotations

import os
import sys
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
    cmd = [sys.executable, "-m", name, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--dirty",
           "--watch", str(ROOT / "data"), "--watch", str(ROOT / "overrides"), "--watch", str(ROOT / "scripts")]
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    language = os.environ.get("SITE_LANGUAGE", "nl")
    if language != "all":  # read by mkdocs.yml (i18n build_only_locale)
        os.environ["SITE_ONLY_LANGUAGE"] = language
    os.chdir(ROOT)
    os.execv(sys.executable, cmd)
    return 0  # not reached


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
