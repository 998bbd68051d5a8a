"""The menu check: every Dutch page is in mkdocs.yml's nav unless not_in_nav keeps it out."""

from __future__ import annotations

from pathlib import Path

from sitekit.navigation import matches_not_in_nav, pages_missing_from_nav
from sitekit.siteconfig import read_config

ROOT = Path(__file__).resolve().parents[2]


def test_missing_page_is_named_with_the_fix() -> None:
    problems = pages_missing_from_nav(["a.md", "b/c.md", "zoeken.md"], {"a.md"}, {"zoeken.md"},
                                      {"b/c.md": "content/b/c.md"})
    assert [str(p) for p in problems] == [
        "content/b/c.md:1: error: page is not in the menu: add 'b/c.md' to nav in mkdocs.yml "
        "(in reading order), or to not_in_nav if it must stay out of the menu"]


def test_not_in_nav_patterns_work_like_mkdocs() -> None:
    assert matches_not_in_nav("zoeken.md", ["/zoeken*.md"])
    assert not matches_not_in_nav("jongeren/zoeken.md", ["/zoeken*.md"])


def test_every_dutch_page_of_the_site_is_in_the_menu() -> None:
    config = read_config(ROOT)
    assert config.nav_pages is not None
    content = ROOT / "content"
    dutch = [p.relative_to(content).as_posix() for p in content.rglob("*.md") if p.name.count(".") == 1]
    missing = [u for u in dutch if u not in config.nav_pages and not matches_not_in_nav(u, config.not_in_nav)]
    assert missing == []
    assert all((content / u).exists() for u in config.nav_pages)
