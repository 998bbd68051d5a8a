"""Soft hyphens in the long words of table cells and large headings, so they fit a 320 px screen.

A table cell is never narrower than its longest word. "teamverantwoordelijke" or
"comportementaliste" in a four-column table pushed the page wider than a phone at 320 px
(WCAG 1.4.10, reflow). Browsers can hyphenate by themselves (`hyphens: auto`) only where they
have the language's dictionary, which many phones do not. So the build puts a soft hyphen
(U+00AD, invisible unless the word breaks there) at the hyphenation points Pyphen knows for the
page's language, in words of LONG_WORD letters or more inside <td> and <th>. The search index
is made from the text before this step.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

from .readability import pyphen_language

LONG_WORD = 12
SOFT_HYPHEN = "\u00ad"
CELL_RE = re.compile(r"(<t[dh]\b[^<>]*>)((?:[^<]|<(?!/?t[dh]\b))*)(</t[dh]>)", re.I)
TAG_OR_ENTITY_RE = re.compile(r"(<[^<>]+>|&[#\w]+;)")
LONG_WORD_RE = re.compile(rf"[^\W\d_]{{{LONG_WORD},}}")


# At least 3 letters before a break and 4 after it: "tiener-pooiers", not "tienerpooi-ers" (a 3-letter tail alone on
# the next line of a heading reads as a word of its own).
MIN_LEFT, MIN_RIGHT = 3, 4


@lru_cache(maxsize=8)
def _breaker(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=pyphen_language(lang) or "en_US", left=MIN_LEFT, right=MIN_RIGHT)


def hyphenate_word(word: str, lang: str) -> str:
    return str(_breaker(lang).inserted(word, hyphen=SOFT_HYPHEN))


def _text_only(cell: str, lang: str) -> str:
    parts = TAG_OR_ENTITY_RE.split(cell)
    return "".join(part if i % 2 else LONG_WORD_RE.sub(lambda m: hyphenate_word(m.group(0), lang), part)
                   for i, part in enumerate(parts))


HEADING_RE = re.compile(r"(<h[1-3]\b[^<>]*>)((?:[^<]|<(?!/?h[1-6]\b))*)(</h[1-3]>)", re.I)


def soft_hyphens_in_headings(html: str, lang: str) -> str:
    """The same for the page's large headings: "Toegankelijkheidsverklaring" or "vertrouwenspersonen" at
    the size of a title is wider than a 320 px screen, and the browser broke it anywhere, without a hyphen."""
    if "<h" not in html:
        return html
    return HEADING_RE.sub(lambda m: m.group(1) + _text_only(m.group(2), _own_lang(m.group(1), lang)) + m.group(3), html)


OWN_LANG_RE = re.compile(r'\blang="([a-z]{2})"')


def _own_lang(tag: str, lang: str) -> str:
    """A heading in another language than its page (lang="nl" on a Dutch help line's name on the French page)
    is hyphenated by its own language's rules."""
    found = OWN_LANG_RE.search(tag)
    return found.group(1) if found else lang


def soft_hyphens_in_tables(html: str, lang: str) -> str:
    if "<t" not in html:
        return html
    return CELL_RE.sub(lambda m: m.group(1) + _text_only(m.group(2), lang) + m.group(3), html)
