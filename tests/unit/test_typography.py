"""French spacing in the built HTML (sitekit/typography.py)."""

from __future__ import annotations

import pytest

from sitekit.typography import french_spaces, french_text

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(("text", "expected"), [
    ("Parles-en: Child Focus", f"Parles-en{NBSP}: Child Focus"),    # a word touching the colon
    ("Parles-en : Child Focus", f"Parles-en{NBSP}: Child Focus"),
    ("C'est quoi?", f"C'est quoi{NNBSP}?"),
    ("Attention !", f"Attention{NNBSP}!"),
    ("« loverboy »", f"«{NBSP}loverboy{NBSP}»"),
    ("“loverboy”", f"«{NBSP}loverboy{NBSP}»"),                        # Markdown's typographic quotes
    ("à 10:30 ou 10h30", "à 10:30 ou 10h30"),                         # times keep their colon
    ("sur https://www.childfocus.be ici", "sur https://www.childfocus.be ici"),
])
def test_french_text(text: str, expected: str) -> None:
    assert french_text(text) == expected


def test_only_text_is_touched() -> None:
    html = '<a href="https://x.be/?a=1" title="quoi?">quoi?</a><code>a:b ?</code>'
    assert french_spaces(html) == f'<a href="https://x.be/?a=1" title="quoi?">quoi{NNBSP}?</a><code>a:b ?</code>'


def test_entities_stay_whole() -> None:
    """The French spacing put a space before the ';' of an entity: '0-5&rsquo ;' on every French lesson page."""
    html = "<td>0-5&rsquo;</td><p>Missing &amp; Exploited Children&nbsp;: oui&#8239;?</p>"
    out = french_spaces(html)
    assert "&rsquo;" in out and "&amp;" in out and "&rsquo \u202f;" not in out
    assert "\u202f;" not in out.replace("&#8239;", "")


def test_smartys_quote_entities_become_guillemets() -> None:
    assert french_spaces("<p>dans &ldquo;pas un signal&rdquo;. Pour</p>") == "<p>dans «\u00a0pas un signal\u00a0». Pour</p>"
