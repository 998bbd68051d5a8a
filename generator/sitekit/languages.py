"""Which languages the site has, and which one the current (per-language) build is making."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # not imported at run time: under ProperDocs, mkdocs.* must resolve to it (siteconfig.load)
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def _i18n(config: MkDocsConfig) -> Any:
    plugins = getattr(config, "plugins", None) or {}
    return plugins.get("i18n") if hasattr(plugins, "get") else None


def site_languages(config: MkDocsConfig) -> list[str]:
    """Configured languages, default language first."""
    plugin = _i18n(config)
    if plugin is None:
        return [config.theme.get("language") or "en"]
    langs = [lang.locale for lang in plugin.config.languages if lang.locale != "null"]
    default = next((lang.locale for lang in plugin.config.languages if lang.default), langs[0])
    return [default] + [lang for lang in langs if lang != default]


def current_language(config: MkDocsConfig) -> str:
    plugin = _i18n(config)
    if plugin is None or plugin.current_language is None:
        return site_languages(config)[0]
    return str(plugin.current_language)


def page_language(page: Page, config: MkDocsConfig) -> str:
    """The language the page's text is written in (differs from the build's on a fallback page)."""
    return getattr(page.file, "locale", None) or current_language(config)


_LANGUAGE_LINK_RE = re.compile(r'<a ([^<>]*?)hreflang="([a-z]{2})"([^<>]*?)class="md-select__link"')


def language_links_with_lang(html: str) -> str:
    """Material's language menu names each language in that language ("Français" on a Dutch page) without saying
    so: a screen reader read it with Dutch sounds. Each link gets the lang of its hreflang (WCAG 3.1.2)."""
    return _LANGUAGE_LINK_RE.sub(lambda m: f'<a {m.group(1)}hreflang="{m.group(2)}" lang="{m.group(2)}"{m.group(3)}'
                                           f'class="md-select__link"', html)
