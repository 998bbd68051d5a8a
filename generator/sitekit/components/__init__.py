"""The site's components, each in its own folder with everything it is made of: its Python (this folder's
`__init__.py`), its template (a partial of the theme), its script, its stylesheet, its data schema and a
README.md that names its tests. A newcomer finds a feature by its name:

    checklist/    the private signal self-check: render (Python), checklist.js, checklist.css, checklist.schema.json
    quick_exit/   leave the site at once (button, Shift three times): quick-exit.html, .js, .css
    help_bar/     help one tap away at the top of every page: helpbar.html, phone-links.html, their .css
    search/       the per-language search: index (Python), search.html, search.js, search.css, zoeken.schema.json
    call_cards/   the help lines as cards on the help page: render (Python), helplines.css

The pages, the browser and a site's own theme see them where they always were: a component's template as
`partials/site/<name>.html`, its script as `assets/javascripts/site/<name>.js`, its stylesheet as
`assets/stylesheets/site/<name>.css` (the plugin serves them from here; a site's own `overrides/` with the same
path wins). The rest of the theme (page frame, home page, print templates) is in sitekit/theme/.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
NAMES = ("checklist", "quick_exit", "help_bar", "search", "call_cards")
TEMPLATE_PREFIX = "partials/site/"
SCRIPTS, STYLESHEETS = "assets/javascripts/site/", "assets/stylesheets/site/"


def folders() -> list[Path]:
    return [FOLDER / name for name in NAMES]


def assets() -> dict[str, Path]:
    """Site path -> file, for every component's script and stylesheet."""
    found: dict[str, Path] = {}
    for folder in folders():
        for path in sorted(folder.glob("*.js")):
            found[SCRIPTS + path.name] = path
        for path in sorted(folder.glob("*.css")):
            found[STYLESHEETS + path.name] = path
    return found


def templates() -> dict[str, Path]:
    """Template name (as main.html includes it) -> file, for every component's partial."""
    return {TEMPLATE_PREFIX + path.name: path for folder in folders() for path in sorted(folder.glob("*.html"))}


def schemas() -> dict[str, Path]:
    """Schema name -> file, for the components' data schemas (checklist, zoeken)."""
    return {path.name.removesuffix(".schema.json"): path for folder in folders()
            for path in sorted(folder.glob("*.schema.json"))}
