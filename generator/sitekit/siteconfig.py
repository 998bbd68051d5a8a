"""The settings of mkdocs.yml the generator needs (languages, site_url, names, menu), read by the generator's
own loader: inside a build from the validated config, in the commands with `load_config` (so `!ENV` and
every other tag mean what they mean to MkDocs and ProperDocs)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported for real only when a config is loaded: ProperDocs must come first (load)
    from mkdocs.config.defaults import MkDocsConfig

from .languages import site_languages
from .problems import Problem
from .terms import Terms, terms_from


@dataclass(frozen=True)
class SiteConfig:
    site_url: str
    languages: list[str]          # default language first
    site_names: dict[str, str]
    nav_pages: frozenset[str] | None = None   # every file the menu lists; None when mkdocs.yml has no nav
    not_in_nav: tuple[str, ...] = ()          # gitignore-style patterns of pages kept out of the menu
    quick_exit: frozenset[str] = frozenset()  # the neutral sites of the quick exit (extra.quick_exit)
    terms: Terms = field(default_factory=Terms)  # the site's audiences and data file names (plugins: sitekit)


class ConfigProblem(Exception):
    """mkdocs.yml cannot be read; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


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


def from_mkdocs(config: MkDocsConfig) -> SiteConfig:
    """The generator's view of a validated MkDocs/ProperDocs config."""
    site_url = (config.site_url or "https://example.invalid/").rstrip("/") + "/"
    plugins = config.plugins
    i18n = plugins.get("i18n") if hasattr(plugins, "get") else None
    languages = site_languages(config)
    by_locale = {x.locale: x for x in i18n.config.languages} if i18n is not None else {}
    names = {lang: getattr(by_locale.get(lang), "site_name", None) or config.site_name for lang in languages}
    nav = config.nav
    spec = config.not_in_nav  # validated: a gitignore-style PathSpec
    patterns = tuple(str(p.pattern) for p in getattr(spec, "patterns", []) if getattr(p, "pattern", None)) \
        if spec is not None and not isinstance(spec, str) else \
        tuple(line.strip() for line in str(spec or "").splitlines() if line.strip())
    extra: dict[str, Any] = dict(config.extra or {})
    exits = extra.get("quick_exit") or {}
    exit_urls = frozenset(str(v) for v in (exits.values() if isinstance(exits, dict) else [exits]))
    own = plugins.get("sitekit") if hasattr(plugins, "get") else None
    settings = getattr(own, "config", None)
    terms = terms_from(languages, getattr(settings, "audiences", None), getattr(settings, "data_files", None))
    return SiteConfig(site_url, languages, names, frozenset(_nav_files(nav)) if nav else None, patterns, exit_urls, terms)


def load(root: Path) -> MkDocsConfig:
    """mkdocs.yml of the site in `root`, validated as the generator validates it (plugins loaded, not run)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from .generator import NoGenerator, generator

    try:
        if generator() == "properdocs":  # `mkdocs.*` then means ProperDocs in this process, as in its own build
            import properdocs.replacement  # noqa: F401
    except NoGenerator as exc:
        raise ConfigProblem(Problem("requirements.txt", 1, str(exc))) from None
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # the build itself reports configuration warnings, once
    try:
        return load_config(str(root / "mkdocs.yml"))
    except ConfigurationError as exc:
        raise ConfigProblem(Problem("mkdocs.yml", 1, f"the configuration is not valid: {exc}")) from None
    except OSError as exc:
        raise ConfigProblem(Problem("mkdocs.yml", 1, f"cannot be read: {exc}")) from None
    finally:
        quiet.setLevel(level)


def read_config(root: Path) -> SiteConfig:
    return from_mkdocs(load(root))
