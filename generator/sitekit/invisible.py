"""Characters a reader cannot see but a browser obeys: bidi controls that turn "116 000" into "000 611",
zero-width characters that hide inside a number or a word, tag characters that carry hidden text, and
control characters. They are refused in every data text, front matter and page (soft hyphen and the
zero-width joiner of emoji stay allowed)."""

from __future__ import annotations

import re
import unicodedata

# U+061C, U+200E/F, U+202A-E, U+2066-9: bidi controls; U+200B/C, U+2060-4, U+FEFF, U+180E: zero width;
# U+FFF9-B: interlinear annotations; U+E0000-7F: tag characters; C0 (but tab and newlines), DEL and C1.
INVISIBLE_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b\u200c\u2060-\u2064\ufeff\u180e"
                          "\ufff9-\ufffb\U000e0000-\U000e007f\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def describe(char: str) -> str:
    name = unicodedata.name(char, "control character")
    return f"U+{ord(char):04X} {name}"


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """(1-based line within text, description) of every invisible or control character."""
    found = []
    for m in INVISIBLE_RE.finditer(text):
        found.append((text.count("\n", 0, m.start()) + 1, describe(m.group(0))))
    return found


def message(description: str) -> str:
    return (f"an invisible character ({description}) is not allowed: it can reverse or hide what readers see "
            "(a phone number shown backwards); delete it and type the text again")
