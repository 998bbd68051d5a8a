"""The generator's commands, run in a site's folder (where its mkdocs.yml is):

    sitekit build [--site-dir site] [--no-pdf]   build the whole site into site/ (kept if the build fails)
    sitekit check [--no-render]                  check all content: file:line messages and a summary
    sitekit serve [--port 8000]                  preview on http://127.0.0.1:8000, reloading on save
    sitekit translations [--stamp FILE ...]      which pages exist in which language, which are outdated
    sitekit release [--site-dir site]            `build`, and refuse when an owner setting is missing
    sitekit --version                            the generator's version (CHANGELOG.md says what changed)

`python -m sitekit ...` is the same. A site's Makefile calls these (see docs/new-site.md).
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {"build": "build", "check": "check", "serve": "serve", "translations": "translations", "release": "release"}


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("prevention-sitekit")
    except PackageNotFoundError:
        return "not installed"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["--version"], ["-V"]):
        print(f"sitekit {version()} (prevention-sitekit; see its CHANGELOG.md before upgrading a site)")
        return 0
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__.strip())
        return 0
    if not args or args[0] not in COMMANDS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    module = importlib.import_module(f"sitekit.commands.{COMMANDS[args[0]]}")
    if "-h" in args[1:] or "--help" in args[1:]:
        print((module.__doc__ or "").strip())
        return 0
    result: int = module.run(args[1:])
    return result


if __name__ == "__main__":
    raise SystemExit(main())
