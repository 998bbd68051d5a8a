"""Long words in table cells get soft hyphens; tags, attributes, entities and other text do not."""

from __future__ import annotations

from sitekit.table_hyphens import SOFT_HYPHEN, soft_hyphens_in_headings, soft_hyphens_in_tables


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


def test_long_words_in_large_headings_can_break_with_a_hyphen() -> None:
    out = soft_hyphens_in_headings('<h1 id="x">Toegankelijkheidsverklaring</h1><p>Toegankelijkheidsverklaring</p>', "nl")
    heading, text = out.split("</h1>")
    assert SOFT_HYPHEN in heading and heading.replace(SOFT_HYPHEN, "") == '<h1 id="x">Toegankelijkheidsverklaring'
    assert SOFT_HYPHEN not in text  # body text wraps between words on its own
    assert soft_hyphens_in_headings('<h2 title="Toegankelijkheidsverklaring">Kort</h2>', "nl") == \
        '<h2 title="Toegankelijkheidsverklaring">Kort</h2>'  # attributes are never touched


def test_a_heading_in_another_language_is_hyphenated_by_its_own_rules() -> None:
    """Issue 24: the Dutch 'Zelfmoordlijn' on the French help page broke as 'Zelf-moord-li-jn' (French rules)."""
    out = soft_hyphens_in_headings('<h3 id="z" lang="nl">Zelfmoordlijn 1813</h3>', "fr")
    assert out.replace(SOFT_HYPHEN, "-") == '<h3 id="z" lang="nl">Zelf-moord-lijn 1813</h3>'


def test_a_heading_word_breaks_at_its_parts_not_before_a_short_tail() -> None:
    """Issue 27: the home heading broke as "tienerpooi-ers" on phones; the break belongs between the parts."""
    out = soft_hyphens_in_headings("<h1>Stop tienerpooiers</h1>", "nl")
    assert out.replace(SOFT_HYPHEN, "-") == "<h1>Stop tie-ner-pooiers</h1>"
