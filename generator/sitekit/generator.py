"""Which site generator runs the build: MkDocs 1.6 or its maintained fork ProperDocs (a drop-in).

Both read the same mkdocs.yml, hooks and theme. The scripts call whichever is installed; when both are,
MkDocs is used unless SITE_GENERATOR=properdocs is set. docs/architecture.md says how to switch.
"""

from __future__ import annotations

import importlib.util
import os

GENERATORS = ("mkdocs", "properdocs")


class NoGenerator(RuntimeError):
    pass


def installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def generator() -> str:
    wanted = os.environ.get("SITE_GENERATOR", "").strip().lower()
    if wanted:
        if wanted not in GENERATORS:
            raise NoGenerator(f"SITE_GENERATOR={wanted!r}: use one of {', '.join(GENERATORS)}")
        if not installed(wanted):
            raise NoGenerator(f"SITE_GENERATOR={wanted}: it is not installed in this environment")
        return wanted
    for name in GENERATORS:
        if installed(name):
            return name
    raise NoGenerator("neither mkdocs nor properdocs is installed: run `make setup`")


def loggers(suffix: str) -> list[str]:
    """The logger names of both generators, e.g. loggers('commands.build')."""
    return [f"{name}.{suffix}" for name in GENERATORS]
