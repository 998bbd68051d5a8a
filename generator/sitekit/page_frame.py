"""What frames each page: its own menu, the skip link's target and the previous/next links.

Called from the plugin's `on_page_context` (sitekit/plugin.py) for every page.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents


def section(page: Any) -> str:
    """The page's top folder ('jongeren' for jongeren/online.md), '' for a page at the top."""
    uri = page.file.src_uri if page is not None and page.file else ""
    return uri.split("/")[0] if "/" in uri else ""


def prev_next_within_section(page: Page) -> None:
    """The previous/next links at the bottom stay within the reader's section (audience): a parent on
    the parents' home page is not sent to "Previous: Myths and facts" of the young people's section."""
    if page.previous_page is not None and section(page.previous_page) != section(page):
        page.previous_page = None
    if page.next_page is not None and section(page.next_page) != section(page):
        page.next_page = None


def own_menu(page: Page, nav: Navigation) -> Navigation:
    """Each audience its own menu: the page's own section in full, every other section as one link to
    its start page, top-level pages (home) as they are. A young person's menu does not list twenty
    pages for professionals, and the keyboard passes a few links instead of forty."""
    own = section(page)
    items: list[Any] = []
    for item in nav.items:
        children = getattr(item, "children", None)
        if not children:
            items.append(item)
            continue
        pages = pages_in(item)
        items.append(item if not pages or section(pages[0]) == own else Link(item.title, pages[0].url))
    menu = Navigation(items, nav.pages)
    menu.homepage = nav.homepage
    return menu


def pages_in(item: Any) -> list[Any]:
    """Every page below a menu item, in menu order."""
    if getattr(item, "children", None):
        return [p for child in item.children for p in pages_in(child)]
    return [item] if getattr(item, "is_page", False) else []


def skip_to_content(page: Page) -> None:
    """Material's skip link goes to the first entry of the table of contents. When the title is not a
    heading in the Markdown, that is the first subheading, which skips the intro (and a checklist).
    A level-1 entry for the title, pointing at the start of the content, holds the rest: the skip link
    lands on the start of the main content, and the side menu's table of contents stays the same."""
    first = next(iter(page.toc), None)
    if first is not None and first.level == 1:
        return
    top = AnchorLink(page.title or "", "main-content", 1)
    top.children = list(page.toc)
    page.toc = TableOfContents([top])
