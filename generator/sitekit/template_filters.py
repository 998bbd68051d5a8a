"""The filters and helpers the site's templates use (registered in the plugin's `on_env`)."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from collections.abc import Callable
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

BUNDLE_SCRIPT_RE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
SCRIPT_SRC_RE = re.compile(r"<script (?![^>]*\b(?:defer|async)\b)([^>]*\bsrc=)")
ALTERNATE_LINK_RE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
# The templates of the generator's theme (sitekit/theme/) that escape every value by default
SITE_TEMPLATES = ("main.html", "home.html", "404.html", "partials/site/", "partials/javascripts/base.html")


def is_site_template(name: str | None) -> bool:
    """Jinja's autoescape switch: on for the site's own templates, off for Material's (the page guard checks them)."""
    return name is not None and name.startswith(SITE_TEMPLATES)


class TemplateCache(BytecodeCache):
    """Compiled templates kept in memory: i18n makes a new Jinja environment per language and per rebuild;
    compiling Material's templates again each time costs about 0.3 s a language. One per plugin instance."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def with_escaped_description(html: str, description: Any) -> Markup:
    """Material's base.html writes page.meta.description into <meta name="description" content="..."> as
    it is (its templates do not escape): a quote in the text ended the attribute. Escaped here."""
    if not isinstance(description, str):
        return Markup(str(html))
    raw = f'<meta name="description" content="{description}">'
    return Markup(str(html).replace(raw, f'<meta name="description" content="{htmllib.escape(description, quote=True)}">'))


def without_alternate_links(html: str) -> Markup:
    """The `<link rel="alternate" hreflang>` lines Material writes (the language menu already links them)."""
    return Markup(ALTERNATE_LINK_RE.sub("", str(html)))


def split_bundle(html: str) -> tuple[Markup, str | None]:
    """(the scripts without Material's bundle, the bundle's address): see partials/site/theme-script.html."""
    m = BUNDLE_SCRIPT_RE.search(str(html))
    if not m:
        return Markup(html), None
    return Markup(str(html)[:m.start()] + str(html)[m.end():]), m.group(1)


def deferred(html: str) -> Markup:
    """Every external script in `html` waits until the page is parsed (`defer`), in the same order."""
    return Markup(SCRIPT_SRC_RE.sub(r"<script defer \1", str(html)))


def human_date(value: Any, ui: Callable[[str], str]) -> str:
    """2026-11-22 as people write it: '22 november 2026', '22 novembre 2026', '22 November 2026';
    a year or a year and month as far as it goes. `ui` gives the interface string `date.months`."""
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    parts = text[:10].split("-")
    try:
        months = ui("date.months").split()
    except Exception:  # noqa: BLE001 - a site without month names shows the ISO date
        return text
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12 and len(months) == 12:
        month = months[int(parts[1]) - 1]
        if len(parts) == 3 and parts[2].isdigit():
            return f"{int(parts[2])} {month} {parts[0]}"
        return f"{month} {parts[0]}"
    return parts[0]
