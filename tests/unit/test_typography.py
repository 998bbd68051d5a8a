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
