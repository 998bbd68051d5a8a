"""Per-language search indexes, prebuilt at build time so the browser only has to read them.

lunr.py builds the index and weighs every word per page and field (BM25, field boosts below). The
browser does not run lunr.js: it gets the result of lunr's work in a compact form and adds up the
weights of the words a query matches (assets/javascripts/site/search.js). That keeps the first result
fast on a slow phone: no search library to download and compile, no index structure to rebuild.

Two files per language:

- search/<lang>.json, loaded on the first touch of the search field:
  docs      [[address, title, audience, description], ...]
  post      per term (a stem): [doc, weight, doc, weight, ...] (weight x 100: lunr's BM25 field weights
            added over the fields of the page, without lunr's idf; search.js weighs rarity per query word)
  forms     per term: the words of the site that have that stem, as written (folded). The browser needs
            no stemmer: a word typed is looked up as written, by its beginning, or with a typo (search.js)
  synonyms, stopwords, cues, cue_boost, cue_order, cue_demote: from data/zoeken.yml
- search/<lang>.text.json: the text blocks of each page (paragraphs, list items, cells; no headings),
  for the snippet around the match. Results show first with the page description, then the snippet.

Front matter `questions:` (how people ask for what the page answers) is indexed with a high weight.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

import snowballstemmer
from lunr.builder import Builder
from lunr.idf import idf as lunr_idf
from lunr.pipeline import Pipeline
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import generate_stop_word_filter
from lunr.trimmer import trimmer

APOSTROPHES_RE = re.compile(r"['’‘`´]")
WORD_RE = re.compile(r"[^\W_]+")
FIELDS = {"title": 10, "questions": 10, "description": 3, "headings": 6, "items": 3, "keywords": 4, "body": 1}
WEIGHT_SCALE = 100


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase without accents: 'Proxénète' -> 'proxenete' (search.js does the same)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_token(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda s, metadata=None: fold(s))


class LunrJsPorter(PorterStemmer):  # type: ignore[misc]  # lunr has no type information
    """lunr.js's Porter stemmer turns a final y into i only after a consonant ('boy' stays)."""

    b: str
    j: int
    k: int

    def step1c(self) -> None:
        if self.ends("y") and self.j >= 1 and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1:]


_porter = LunrJsPorter()
# Snowball's stemmers (snowballstemmer, no nltk), by language code. "dutch_porter" is the Dutch algorithm nltk
# ships (the same stem for every word of this site); Snowball 3's "dutch" is another algorithm. English keeps
# lunr's Porter stemmer (as lunr.js). A language with no stemmer here is searched by whole words and beginnings.
SNOWBALL = {"nl": "dutch_porter", "fr": "french", "de": "german", "es": "spanish", "it": "italian", "pt": "portuguese",
            "da": "danish", "sv": "swedish", "no": "norwegian", "nb": "norwegian", "fi": "finnish", "ca": "catalan",
            "ro": "romanian", "hu": "hungarian", "pl": "polish", "cs": "czech", "lt": "lithuanian", "et": "estonian",
            "el": "greek", "ru": "russian", "tr": "turkish", "ar": "arabic", "ga": "irish", "eu": "basque"}
_snowball = {lang: snowballstemmer.stemmer(name) for lang, name in SNOWBALL.items()
             if name in snowballstemmer.algorithms()}


@lru_cache(maxsize=200_000)  # a site repeats its words: stem each (word, language) once
def stem(word: str, lang: str) -> str:
    if lang == "en":
        return str(_porter.stem(word))
    return str(_snowball[lang].stemWord(word)) if lang in _snowball else word


def _stemmer(lang: str) -> Callable[..., Any]:
    def run(token: Any, i: int | None = None, tokens: Any = None) -> Any:
        return token.update(lambda s, metadata=None: stem(s, lang))
    return run


def stemmer_label(lang: str) -> str:
    return f"stem-{lang}"


def pipeline_stemmer(lang: str) -> Callable[..., Any]:
    """The language's stemmer as a lunr pipeline function, registered once per language."""
    label = stemmer_label(lang)
    if label not in Pipeline.registered_functions:
        Pipeline.register_function(_stemmer(lang), label)
    return Pipeline.registered_functions[label]  # type: ignore[no-any-return]


Pipeline.register_function(_fold_token, "fold-accents")


class _Blocks(HTMLParser):
    """Text of a page per block (paragraph, list item, cell...), its headings (a checklist group's
    legend is one) and its checklist items (the signals a visitor ticks: a label), without the
    permalink signs, the points shown on paper, scripts and styles."""

    BLOCKS = {"p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "summary", "label"}
    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "legend"}
    SKIP = {"script", "style"}
    SKIP_CLASSES = {"headerlink", "checklist__points"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.headings: list[str] = []
        self.items: list[str] = []
        self.stack: list[tuple[str, list[str]]] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP or set((dict(attrs).get("class") or "").split()) & self.SKIP_CLASSES:
            self.skip += 1
            self.stack.append((f"skip:{tag}", []))
        elif tag in self.BLOCKS or tag in self.HEADINGS:
            self.stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            name, parts = self.stack[i]
            if name in (tag, f"skip:{tag}"):
                del self.stack[i:]
                if name.startswith("skip:"):
                    self.skip -= 1
                    return
                text = " ".join("".join(parts).split())
                if text:
                    (self.headings if tag in self.HEADINGS else self.blocks).append(text)
                    if tag == "label":
                        self.items.append(text)
                return

    def handle_data(self, data: str) -> None:
        if not self.skip and self.stack:
            self.stack[-1][1].append(data)


class PageText(NamedTuple):
    blocks: list[str]
    headings: list[str]
    items: list[str]


def blocks(html: str) -> PageText:
    """The text blocks, headings and checklist items of a rendered page."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return PageText(parser.blocks, parser.headings, parser.items)




def search_doc(url: str, title: str, html: str, meta: Mapping[str, Any]) -> dict[str, Any]:
    """What the index needs of one page (the plugin's on_page_content)."""
    text = blocks(html)
    return {"url": url, "title": title, "audience": str(meta.get("audience", "")),
            "description": str(meta.get("description", "")),
            "questions": [str(q) for q in meta.get("questions") or []],
            "headings": text.headings, "items": text.items, "blocks": text.blocks,
            "boost": (meta.get("search") or {}).get("boost")}


def keywords(text: str, groups: list[list[str]]) -> str:
    """All words of every synonym group the page mentions."""
    words = WORD_RE.findall(fold(text))
    present, joined = set(words), f" {' '.join(words)} "
    found = []
    for group in groups:
        for synonym in group:
            parts = WORD_RE.findall(fold(str(synonym)))
            # a word: in the page's words; a phrase: its words in a row (checked only when all are there)
            if parts and all(p in present for p in parts) and (len(parts) == 1 or f" {' '.join(parts)} " in joined):
                found += group
                break
    return " ".join(found)


def _words(text: str) -> list[str]:
    return WORD_RE.findall(fold(APOSTROPHES_RE.sub(" ", text)))


def build_index(docs: list[dict[str, Any]], lang: str, settings: dict[str, Any]) -> tuple[dict[str, Any], list[list[str]]]:
    """(the index the browser loads first, the text blocks for snippets)."""
    stopwords = sorted({fold(str(w)) for w in settings.get("stopwords", {}).get(lang, [])})
    builder = Builder()
    builder.pipeline.add(trimmer, _fold_token, generate_stop_word_filter(stopwords, language=f"x{lang}"),
                         pipeline_stemmer(lang))
    builder.ref("id")
    for field, boost in FIELDS.items():  # scaled, so that lunr's rounding to 3 decimals stays small
        builder.field(field, boost=boost * WEIGHT_SCALE)
    groups = settings.get("synonyms", {}).get(lang, [])
    boosts = settings.get("audience_boost", {})
    urls = [d["url"] for d in docs]
    forms: set[str] = set()
    for number, doc in enumerate(docs):
        # a section's start page (a page other pages sit under) points to everything and matches many
        # words; the page it points to answers the question: start pages count less. `search: boost:` in
        # the front matter (as in Material for MkDocs) is the editor's own weight for the page: it replaces
        # the start-page rule (the help page is both)
        start_page = any(u != doc["url"] and u.startswith(doc["url"]) for u in urls)
        page_boost = doc["boost"]
        if page_boost is None:
            page_boost = settings.get("start_page_boost", 1) if start_page else 1
        boost = boosts.get(doc["audience"], 1) * float(page_boost)
        body = " ".join(doc["blocks"])
        fields = {"title": doc["title"], "questions": " · ".join(doc["questions"]), "description": doc["description"],
                  "headings": " · ".join(doc["headings"]), "items": " · ".join(doc["items"]), "body": body,
                  "keywords": keywords(" ".join([doc["title"], doc["description"], *doc["questions"], body]), groups)}
        for value in fields.values():
            forms.update(_words(value))
        builder.add({"id": str(number), **{k: APOSTROPHES_RE.sub(" ", v) for k, v in fields.items()}},
                    {"boost": boost})
    index = builder.build()
    terms = sorted(index.inverted_index)
    number_of = {t: i for i, t in enumerate(terms)}
    weights: list[dict[int, float]] = [{} for _ in terms]
    for field_ref, vector in index.field_vectors.items():
        number = int(field_ref.split("/", 1)[1])
        elements = vector.elements
        for i in range(0, len(elements), 2):
            term_index, value = elements[i], elements[i + 1]
            weights[term_index][number] = weights[term_index].get(number, 0) + value
    # lunr numbers terms in the order it met them; ours are sorted: map through the inverted index
    post: list[list[int]] = [[] for _ in terms]
    for term, entry in index.inverted_index.items():
        row = post[number_of[term]]
        # lunr's idf (lunr.idf, the same in lunr.js) adds up the pages per field and takes abs(), so a
        # word on most pages in several fields weighed more than one on half of them ("aide": 34 of 37
        # French pages). The index keeps lunr's field weights without it; search.js weighs how rare a
        # query word is over the pages it reaches with its forms and synonyms (BM25's idf).
        idf = lunr_idf(entry, len(docs))
        for doc, value in sorted(weights[entry["_index"]].items()):
            row += [doc, max(1, round(value / idf))]
    stop = set(stopwords)
    forms_of: list[list[str]] = [[] for _ in terms]   # the site's words per term, as written (folded)
    for form in sorted(forms):
        if form in stop or len(form) < 2:
            continue
        term = stem(form, lang)
        if term in number_of:
            forms_of[number_of[term]].append(form)
    synonyms = [sorted({w for phrase in group for w in _words(str(phrase)) if len(w) > 1 and w not in stop})
                for group in groups]
    cues = {audience: sorted({" ".join(_words(str(p))) for p in phrases})
            for audience, phrases in (settings.get("cues", {}).get(lang) or {}).items()}
    store = [[d["url"], d["title"], d["audience"], d["description"]] for d in docs]
    # the questions as typed, small words included: a query that says a run of words of one of them
    # ("c koi un loverboy", "how do i tell") is asking what that page answers
    questions = [[" ".join(_words(q)) for q in d["questions"]] for d in docs]
    head = {"lang": lang, "docs": store, "post": post, "forms": forms_of,
            "synonyms": [g for g in synonyms if len(g) > 1], "stopwords": stopwords,
            "questions": questions, "cues": cues, "cue_boost": settings.get("cue_boost", 2),
            "cue_order": list(settings.get("cue_order") or []),
            "cue_demote": {k: list(v) for k, v in (settings.get("cue_demote") or {}).items()},
            "age_words": [w for p in (settings.get("age_words", {}).get(lang) or []) for w in _words(str(p))]}
    return head, [d["blocks"] for d in docs]


def write_index(site_dir: Path, lang: str, docs: list[dict[str, Any]], settings: dict[str, Any]) -> Path:
    out = site_dir / "search" / f"{lang}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    head, text = build_index(docs, lang, settings)
    out.write_text(json.dumps(head, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site_dir / "search" / f"{lang}.text.json").write_text(json.dumps(text, ensure_ascii=False, separators=(",", ":")),
                                                           encoding="utf-8")
    return out
