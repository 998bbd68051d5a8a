"""Long words in table cells get soft hyphens; tags, attributes, entities and other text do not."""

from __future__ import annotations

from sitekit.table_hyphens import SOFT_HYPHEN, soft_hyphens_in_tables


def test_long_words_in_cells_get_soft_hyphens_in_the_page_language() -> None:
    out = soft_hyphens_in_tables("<td>Overleg met teamverantwoordelijke</td>", "nl")
    assert SOFT_HYPHEN in out and out.replace(SOFT_HYPHEN, "") == "<td>Overleg met teamverantwoordelijke</td>"
    assert "Overleg met " in out  # short words untouched


def test_markup_inside_cells_is_left_alone() -> None:
    html = '<th scope="col"><a href="#gedragswetenschapper" title="gedragswetenschapper">x</a> &amp;nbsp;</th>'
    assert soft_hyphens_in_tables(html, "nl") == html


def test_text_outside_tables_is_left_alone() -> None:
    html = "<p>teamverantwoordelijke</p>"
    assert soft_hyphens_in_tables(html, "nl") == html


def test_french_words_use_french_hyphenation() -> None:
    out = soft_hyphens_in_tables("<td>comportementaliste</td>", "fr")
    assert out.count(SOFT_HYPHEN) >= 3
