"""Readability per page: average sentence length, share of long words, a reading-ease score.

The text is the page's Markdown without front matter, markup, links' targets and data
functions. Every heading, list item and table cell counts as its own sentence, as a reader
sees it. The reading-ease score is Flesch's formula with the constants for the page's
language (Douma for Dutch, Kandel-Moles for French), syllables counted with pyphen's
hyphenation dictionaries (textstat's English counter needs an nltk download, which a
build here cannot do). A language without constants here (German, say) gets no score, rather than
English's: sentence length and long words still count for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…])$|:\s*$")


# Flesch reading ease: base - a * words_per_sentence - b * syllables_per_word
FLESCH = {"en": (206.835, 1.015, 84.6), "nl": (206.835, 0.93, 77.0), "fr": (207.0, 1.015, 73.6)}
PYPHEN_LANG = {"en": "en_US", "nl": "nl_NL", "fr": "fr_FR"}


def pyphen_language(lang: str) -> str | None:
    """pyphen's dictionary for a site language ('de' -> 'de'); None when pyphen has none."""
    found = PYPHEN_LANG.get(lang) or pyphen.language_fallback(lang)
    return str(found) if found else None


@lru_cache(maxsize=8)
def _hyphenator(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=pyphen_language(lang) or "en_US")


def syllables(word: str, lang: str) -> int:
    return max(1, len(_hyphenator(lang).positions(word.lower())) + 1)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    avg_sentence_words: float
    long_words_pct: float
    reading_ease: float | None  # None: no Flesch constants for the language


def plain_text(markdown: str) -> list[str]:
    """Markdown to a list of text blocks (each block ends a sentence)."""
    from .editorial import without_between

    text = without_between(without_between(markdown, "{{", "}}"), "{%", "%}")
    text = re.sub(r"<[^<>]+>", " ", text)
    text = re.sub(r"!\[([^\[\]]*)\]\([^()]*\)", " ", text)         # images: alt is not body text
    text = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", text)         # links: keep the words
    text = re.sub(r"\{[^{}\n]*\}", " ", text)                       # attr_list
    blocks = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("```", "|--", "| --")) or set(line) <= set("-|: "):
            blocks.append("")
            continue
        line = re.sub(r"^(#+|[-*+]|\d+[.)]|>|!!!|\?\?\?\+?)\s*", "", line)
        line = re.sub(r'^(tip|info|warning|note|danger|example|question|success)\b\s*"?', "", line) if raw.lstrip().startswith(("!!!", "???")) else line
        line = line.replace("**", "").replace("__", "").replace("`", "")
        if "|" in line:
            blocks += [cell.strip() for cell in line.split("|") if cell.strip()] + [""]
            continue
        is_block_start = bool(re.match(r"^\s*(#|[-*+]\s|\d+[.)]\s|!!!|\?\?\?)", raw))
        if is_block_start:
            blocks.append("")
        blocks.append(line)
    merged, current = [], []
    for b in blocks:
        if b:
            current.append(b)
        elif current:
            merged.append(" ".join(current))
            current = []
    if current:
        merged.append(" ".join(current))
    return merged


def sentences(markdown: str) -> list[list[str]]:
    out = []
    for block in plain_text(markdown):
        for sentence in SENTENCE_END_RE.split(block):
            words = WORD_RE.findall(sentence or "")
            if words:
                out.append(words)
    return out


def measure(markdown: str, lang: str, long_word_letters: int) -> Readability:
    sents = sentences(markdown)
    words = [w for s in sents for w in s]
    n_words, n_sents = len(words), max(len(sents), 1)
    long_pct = 100.0 * sum(len(w) >= long_word_letters for w in words) / max(n_words, 1)
    if lang not in FLESCH:
        return Readability(n_words, len(sents), round(n_words / n_sents, 1), round(long_pct, 1), None)
    base, a, b = FLESCH[lang]
    n_syllables = sum(syllables(w, lang) for w in words)
    ease = base - a * n_words / n_sents - b * n_syllables / max(n_words, 1) if n_words else 0.0
    return Readability(n_words, len(sents), round(n_words / n_sents, 1), round(long_pct, 1), round(ease, 1))
