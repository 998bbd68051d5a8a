"""The theme's own inline scripts: a fixed, reviewed list. The CSP allows exactly these (by hash).

An inline script runs with the page's full rights, so each one here was read by a person. The list is
derived from the templates, never from the built pages: a page that carries any other inline script
fails the build (sitekit/html_guard.py). When you change one of these scripts in its template, the
test tests/unit/test_inline_scripts.py fails and prints the new hash: review the script, then update
REVIEWED.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import components
from .paths import THEME_DIR

INLINE_SCRIPT_RE = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)


@dataclass(frozen=True)
class Reviewed:
    template: str   # theme:... (sitekit/theme/) or material:... (a template of Material that the site uses unchanged)
    sha256: str     # base64 sha256 of the script text, as in a CSP hash source
    purpose: str


REVIEWED: tuple[Reviewed, ...] = (
    Reviewed("theme:main.html", "vyD0tDLKSgU2naTnaXTz2+x9ZDwIx28ZDvB62usV+EQ=",
             "sets html.js before the first paint, so the search field is there without a layout shift"),
    Reviewed("theme:main.html", "0nJm2e8J5Ea55WpoPaApS8a1bufoaG0J4I5mrDdyJJw=",
             "quick exit: a page reached by Back/Forward from another site, or from a covered page of this site, is "
             "hidden, without title, before the first paint (reads navigation.activation and the state quick-exit.js "
             "leaves on a covered page's history entry, or the navigation timing entry; writes nothing)"),
    Reviewed("theme:partials/javascripts/base.html", "CfD1/yIxXjBYFEOv8ptfWOD3YalR13EpHAi/Ll28LxU=",
             "Material's storage helpers (__md_scope, __md_get); the scope is read from data-md-scope"),
    Reviewed("material:partials/javascripts/content.html", "/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8=",
             "Material: a link to a tab of a tabbed block opens that tab"),
    Reviewed("theme:partials/site/theme-script.html", "nAl4c1X/n3LoAHwIGQs7k0/gbGPBYHNpIwRY+T/cp+A=",
             "loads Material's bundle on wide screens only (its address from data-bundle)"),
)


def script_hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def reviewed_hashes() -> set[str]:
    return {r.sha256 for r in REVIEWED}


def csp_sources() -> list[str]:
    """The hash sources for the Content-Security-Policy's script-src."""
    return sorted(f"'sha256-{h}'" for h in reviewed_hashes())


@cache
def material_templates() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def template_path(template: str, root: Path) -> Path:
    if template.startswith("material:"):
        return material_templates() / template.removeprefix("material:")
    if template.startswith("theme:"):
        name = template.removeprefix("theme:")
        return components.templates().get(name) or THEME_DIR / name
    return root / template


def scripts_in_template(path: Path) -> list[str]:
    """The text of every executable inline script written in a template (JSON blocks excluded)."""
    found = []
    for m in INLINE_SCRIPT_RE.finditer(path.read_text(encoding="utf-8")):
        if "application/json" in m.group(1):
            continue
        found.append(m.group(2))
    return found


def template_hashes(root: Path) -> dict[str, set[str]]:
    """template -> hashes of its inline scripts: every template of the theme (sitekit/theme/) plus the Material
    templates named in REVIEWED (the site uses them unchanged)."""
    out: dict[str, set[str]] = {}
    names = {"theme:" + p.relative_to(THEME_DIR).as_posix() for p in THEME_DIR.rglob("*.html")}
    names |= {"theme:" + name for name in components.templates()}
    names |= {r.template for r in REVIEWED if r.template.startswith("material:")}
    for name in sorted(names):
        texts = scripts_in_template(template_path(name, root))
        if texts:
            out[name] = {script_hash(t) for t in texts}
    return out
