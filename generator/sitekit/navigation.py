"""The menu (`nav:` in mkdocs.yml): every page an editor writes must be in it, so no page is hidden by accident."""

from __future__ import annotations

from collections.abc import Iterable

import pathspec

from .problems import Problem


def pages_missing_from_nav(page_uris: Iterable[str], nav_uris: set[str], not_in_nav: set[str],
                           shown: dict[str, str]) -> list[Problem]:
    """Dutch source pages (src_uri) that the menu does not list and that are not declared `not_in_nav`."""
    return [Problem(shown.get(uri, uri), 1, f"page is not in the menu: add '{uri}' to nav in mkdocs.yml "
                                          "(in reading order), or to not_in_nav if it must stay out of the menu")
            for uri in sorted(page_uris) if uri not in nav_uris and uri not in not_in_nav]


def matches_not_in_nav(src_uri: str, patterns: Iterable[str]) -> bool:
    """The gitignore-style patterns of mkdocs.yml's not_in_nav, for `make check` (MkDocs applies them itself)."""
    return pathspec.GitIgnoreSpec.from_lines(list(patterns)).match_file(src_uri)
