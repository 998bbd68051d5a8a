"""Per-language search indexes, prebuilt with lunr.py so the browser only loads them.

One file per language, search/<lang>.json: {"index": <lunr index>, "docs": {url: [title, summary]}}.
The browser (assets/javascripts/site/search.js) loads lunr.js 2.3.9 and the same stemmer
(lunr-languages' stemmer-nl / stemmer-fr as shipped by Material; lunr's own for English) only
when the search field is used. The stems must be the same on both sides: tests/unit/test_search_stems.py.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import generate_stop_word_filter
from lunr.trimmer import trimmer
from nltk.stem.snowball import SnowballStemmer

APOSTROPHES_RE = re.compile(r"['’‘`´]")
TAG_RE = re.compile(r"<[^>]+>")
SUMMARY_CHARS = 420


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase without accents: 'Proxénète' -> 'proxenete' (search.js does the same)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_token(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda s, metadata=None: fold(s))


class LunrJsPorter(PorterStemmer):
    """lunr.js's Porter stemmer turns a final y into i only after a consonant ('boy' stays)."""

    def step1c(self) -> None:  # noqa: D102
        if self.ends("y") and self.j >= 1 and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1:]


_porter = LunrJsPorter()
_snowball = {"nl": SnowballStemmer("dutch"), "fr": SnowballStemmer("french")}


@lru_cache(maxsize=200_000)  # a site repeats its words: stem each (word, language) once
def stem(word: str, lang: str) -> str:
    return _snowball[lang].stem(word) if lang in _snowball else _porter.stem(word)


def _stemmer(lang: str):
    def run(token: Any, i: int | None = None, tokens: Any = None) -> Any:
        return token.update(lambda s, metadata=None: stem(s, lang))
    return run


def stemmer_label(lang: str) -> str:
    """Our own labels; search.js registers lunr.nl.stemmer, lunr.fr.stemmer, lunr.stemmer under them."""
    return f"stem-{lang}"


Pipeline.register_function(_fold_token, "fold-accents")
for _lang in ("nl", "fr", "en"):
    Pipeline.register_function(_stemmer(_lang), stemmer_label(_lang))


def plain(html: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    text = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', " ", text, flags=re.S)
    return " ".join(htmllib.unescape(TAG_RE.sub(" ", text)).split())


def keywords(text: str, groups: list[list[str]]) -> str:
    """All words of every synonym group the page mentions."""
    folded = fold(text)
    found = []
    for group in groups:
        if any(re.search(r"(?<!\w)" + re.escape(fold(str(w))) + r"(?!\w)", folded) for w in group):
            found += group
    return " ".join(found)


def build_index(docs: list[dict[str, str]], lang: str, settings: dict[str, Any]) -> dict[str, Any]:
    builder = Builder()
    stop_filter = generate_stop_word_filter([fold(str(w)) for w in settings["stopwords"].get(lang, [])], language=f"x{lang}")
    builder.pipeline.add(trimmer, _fold_token, stop_filter, Pipeline.registered_functions[stemmer_label(lang)])
    builder.search_pipeline.add(_fold_token, Pipeline.registered_functions[stemmer_label(lang)])
    builder.ref("id")  # a short number; docs[id] holds the address (the index repeats refs thousands of times)
    builder.field("title", boost=10)
    builder.field("keywords", boost=4)
    builder.field("body")
    groups = settings["synonyms"].get(lang, [])
    boosts = settings.get("audience_boost", {})
    store: list[list[str]] = []
    for number, doc in enumerate(docs):
        body = APOSTROPHES_RE.sub(" ", doc["body"])
        title = APOSTROPHES_RE.sub(" ", doc["title"])
        builder.add({"id": str(number), "title": title, "body": body,
                     "keywords": APOSTROPHES_RE.sub(" ", keywords(doc["title"] + " " + doc["body"], groups))},
                    {"boost": boosts.get(doc.get("audience", ""), 1)})
        summary = doc["body"][:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …" if len(doc["body"]) > SUMMARY_CHARS else doc["body"]
        store.append([doc["url"], doc["title"], summary])
    index = builder.build().serialize()
    synonyms = [sorted({w for phrase in group for w in APOSTROPHES_RE.sub(" ", fold(str(phrase))).split() if len(w) > 1})
                for group in groups]
    return {"lang": lang, "index": index, "docs": store, "synonyms": synonyms}


def write_index(site_dir: Path, lang: str, docs: list[dict[str, str]], settings: dict[str, Any]) -> Path:
    out = site_dir / "search" / f"{lang}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(build_index(docs, lang, settings), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return out
