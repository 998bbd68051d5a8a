"""Which site generator runs the build: ProperDocs, the maintained fork of MkDocs 1.x, or MkDocs 1.6.

Both read the same mkdocs.yml and load the same `sitekit` plugin (registered for both) and theme, and make
the same site (tests/site/test_one_pipeline.py). The commands use ProperDocs when it is installed, else
MkDocs; SITE_GENERATOR=mkdocs or =properdocs chooses. docs/architecture.md says more.
"""

from __future__ import annotations

import importlib.util
import os

GENERATORS = ("properdocs", "mkdocs")  # the first installed one is the default


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
