"""Where the generator's own files are: its theme (templates, component CSS and JS, print templates) and the
JSON schemas of the data files. A site never copies these; it installs the package."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
THEME_DIR = PACKAGE_DIR / "theme"
SCHEMA_DIR = PACKAGE_DIR / "schemas"


def schema_files() -> dict[str, Path]:
    """Every data schema by name: sitekit/schemas/ and the components' own (checklist, zoeken)."""
    from .components import schemas

    found = {p.name.removesuffix(".schema.json"): p for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}
    return {**found, **schemas()}
