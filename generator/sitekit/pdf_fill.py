"""How full each printed page is, from WeasyPrint's layout: the print layout rule "no page less than a
quarter full except the last" (issue 26), kept by setting a page's content a little tighter when a short
page would be left (downloads.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MIN_FILL = 0.25  # a page less full than this, before the last, is a near-empty page


def _bottoms(box: Any) -> Iterator[float]:
    """The lower edge of everything drawn in a box: lines of text, images, bordered boxes (table cells)."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", None) or []:
        if isinstance(child, boxes.MarginBox):
            continue  # the page number and the footer are not the page's content
        drawn = (isinstance(child, (boxes.LineBox, boxes.ReplacedBox))
                 or any(child.style[f"border_{side}_width"] for side in ("top", "bottom")))
        if drawn and child.position_y is not None:
            yield child.position_y + child.margin_height()
        yield from _bottoms(child)


def page_fills(document: Any) -> list[float]:
    """Per page of a rendered WeasyPrint document: how far down its content area something is drawn."""
    fills = []
    for page in document.pages:
        box = page._page_box
        top = box.margin_top
        height = box.margin_height() - box.margin_top - box.margin_bottom
        lowest = max(_bottoms(box), default=top)
        fills.append(max(0.0, min(1.0, (lowest - top) / height)) if height > 0 else 1.0)
    return fills


def short_pages(document: Any) -> list[int]:
    """The 1-based numbers of the pages, before the last, less than MIN_FILL full."""
    fills = page_fills(document)
    return [i + 1 for i, fill in enumerate(fills[:-1]) if fill < MIN_FILL]


def layout_score(document: Any) -> tuple[int, float]:
    """Lower is better: the number of near-empty pages, then how empty the emptiest page before the last is."""
    fills = page_fills(document)[:-1]
    return (sum(1 for fill in fills if fill < MIN_FILL), -min(fills, default=1.0))
