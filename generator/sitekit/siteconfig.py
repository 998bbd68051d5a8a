"""Read the few settings the tools outside MkDocs need from mkdocs.yml (languages, site_url, names)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may contain !!python/name tags; they are not needed here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    site_url: str
    languages: list[str]          # default language first
    site_names: dict[str, str]
    nav_pages: frozenset[str] | None = None   # every file the menu lists; None when mkdocs.yml has no nav
    not_in_nav: tuple[str, ...] = ()          # gitignore-style patterns of pages kept out of the menu
    quick_exit: frozenset[str] = frozenset()  # the neutral sites of the quick exit (extra.quick_exit)


def _nav_files(items: object) -> set[str]:
    found: set[str] = set()
    if isinstance(items, str):
        found.add(items)
    elif isinstance(items, list):
        for item in items:
            found |= _nav_files(item)
    elif isinstance(items, dict):
        for value in items.values():
            found |= _nav_files(value)
    return found


def read_config(root: Path) -> SiteConfig:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    site_url = (config.get("site_url") or "https://example.invalid/").rstrip("/") + "/"
    languages, names = [], {}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = plugin["i18n"]["languages"]
            ordered = [x for x in langs if x.get("default")] + [x for x in langs if not x.get("default")]
            languages = [x["locale"] for x in ordered]
            names = {x["locale"]: x.get("site_name") or config["site_name"] for x in ordered}
    if not languages:
        languages = [config.get("theme", {}).get("language", "nl")]
        names = {languages[0]: config["site_name"]}
    nav = config.get("nav")
    patterns = tuple(line.strip() for line in str(config.get("not_in_nav") or "").splitlines() if line.strip())
    exits = (config.get("extra") or {}).get("quick_exit") or {}
    exit_urls = frozenset(str(v) for v in (exits.values() if isinstance(exits, dict) else [exits]))
    return SiteConfig(site_url, languages, names, frozenset(_nav_files(nav)) if nav else None, patterns, exit_urls)
