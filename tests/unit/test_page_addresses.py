"""Issue 28: a wrong page address in data/site.yml (pages.help: helps/) passed check and build and linked
every help bar to a missing page."""

from __future__ import annotations

from sitekit.page_addresses import is_page, missing_page_addresses

PAGES = {"index.md", "hulp/index.md", "over/privacy.md", "professionals/lesmateriaal/index.md",
         "professionals/lesmateriaal/online-risicos.md"}


def test_a_page_is_its_index_or_its_file() -> None:
    assert is_page("hulp/", PAGES) and is_page("over/privacy/", PAGES) and is_page("", PAGES)
    assert not is_page("helps/", PAGES) and not is_page("over/", PAGES)


def test_a_mistyped_address_is_named_with_its_line() -> None:
    site = {"pages": {"help": "helps/", "privacy": "over/privacy/"},
            "downloads": {"lessons": "professionals/lesmateriaal/", "campaign": {"qr": "jongeren/"}}}
    lines = {("pages", "help"): 9, ("downloads", "campaign", "qr"): 28}
    problems = missing_page_addresses(site, lambda trail: lines.get(tuple(trail), 1), "data/site.yml", PAGES)
    shown = [str(p) for p in problems]
    assert len(shown) == 2, shown
    assert "data/site.yml:9" in shown[0] and "pages.help: 'helps/'" in shown[0]
    assert "data/site.yml:28" in shown[1] and "jongeren/" in shown[1]


def test_a_lessons_folder_needs_pages_in_it() -> None:
    site = {"downloads": {"lessons": "lessen/"}}
    assert missing_page_addresses(site, lambda trail: 1, "data/site.yml", PAGES)
    site = {"downloads": {"lessons": "professionals/lesmateriaal/"}}
    assert not missing_page_addresses(site, lambda trail: 1, "data/site.yml", PAGES)
