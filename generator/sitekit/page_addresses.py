"""The page addresses data/site.yml names (the help bar's "Alle hulp", "Sporen wissen", the footer's
privacy page, the checklist to print, the QR code's page) must be pages of the site: a mistyped
address ("helps/") would link every help bar to a missing page (issue 28)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .problems import Problem


def _addresses(site: dict[str, Any]) -> Iterable[tuple[list[Any], str, bool]]:
    """(trail in site.yml, address, is a folder) for every page address the site's frame uses."""
    for key, address in (site.get("pages") or {}).items():
        yield ["pages", key], address, False
    downloads = site.get("downloads") or {}
    if isinstance(downloads.get("checklist"), dict):
        yield ["downloads", "checklist", "page"], downloads["checklist"].get("page"), False
    if isinstance(downloads.get("campaign"), dict):
        yield ["downloads", "campaign", "qr"], downloads["campaign"].get("qr"), False
    if downloads.get("lessons"):
        yield ["downloads", "lessons"], downloads["lessons"], True


def is_page(address: str, pages: set[str]) -> bool:
    """Whether "hulp/" (or "" for the home page) is a page of the default language: hulp/index.md or hulp.md."""
    stem = address.rstrip("/")
    return (f"{stem}/index.md" if stem else "index.md") in pages or f"{stem}.md" in pages


def missing_page_addresses(site: Any, line_of: Callable[[list[Any]], int], shown: str, pages: set[str]) -> list[Problem]:
    """One problem per address of data/site.yml that is not a page (or, for `lessons`, a folder with pages)."""
    if not isinstance(site, dict):
        return []
    problems = []
    for trail, address, folder in _addresses(site):
        if not isinstance(address, str):
            continue  # the schema names it
        found = any(p.startswith(address) for p in pages) if folder else is_page(address, pages)
        if not found:
            what = "a folder of content/ with pages" if folder else "a page of content/"
            problems.append(Problem(shown, line_of(trail), f"{'.'.join(trail)}: '{address}' is not {what} "
                                                           f"(content/{address.rstrip('/') or 'index'}…)"))
    return problems
