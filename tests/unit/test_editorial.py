"""Editorial checks: readability figures, words we never use, contact data typed by hand."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitekit.editorial import banned_words, typed_contacts
from sitekit.markdown_rules import check_markdown, mark_external_links
from sitekit.readability import measure, sentences

ROOT = Path(__file__).resolve().parents[2]
WORDS = yaml.safe_load((ROOT / "data" / "woorden.yml").read_text(encoding="utf-8"))
LINES = yaml.safe_load((ROOT / "data" / "hulplijnen.yml").read_text(encoding="utf-8"))


def test_sentences_split_on_punctuation_headings_and_list_items() -> None:
    md = "## Wat doe je?\n\nJe praat erover. Dat helpt!\n\n- eerste punt\n- tweede punt\n"
    assert [len(s) for s in sentences(md)] == [3, 3, 2, 2, 2]


def test_short_sentences_score_easier_than_long_ones() -> None:
    short = measure("Je bent niet alleen. Praat erover. Bel gratis.", "nl", 13)
    long = measure("Hoewel de gespecialiseerde hulpverleningsorganisaties samenwerken, blijft de "
                   "doorverwijzingsprocedure voor minderjarige slachtoffers bijzonder ingewikkeld.", "nl", 13)
    assert short.avg_sentence_words < 4 < long.avg_sentence_words
    assert short.reading_ease > long.reading_ease
    assert long.long_words_pct > 20


def test_banned_phrase_gets_the_suggestion() -> None:
    problems = banned_words("Een zin.\nDat was haar eigen schuld, zeggen ze.\n", "nl", WORDS, "content/x.md", 8)
    assert [str(p).split(";")[0] for p in problems] == ['content/x.md:9: error: do not write "eigen schuld"']
    assert banned_words("Cette mineure est une prostituée.", "fr", WORDS, "x.fr.md", 1)
    assert not banned_words("Het is nooit jouw schuld.", "nl", WORDS, "x.md", 1)


def test_typed_phone_numbers_and_emails_are_refused() -> None:
    md = "Bel 116 000.\nOf 116000@childfocus.org.\nBel {{ tel('childfocus') }}.\nBel 03 201 16 90.\n[bel](tel:112)\nIn 2012 gebeurde het.\n"
    problems = [str(p) for p in typed_contacts(md, LINES, "content/x.md", 1)]
    assert [p.split(":")[1] for p in problems] == ["1", "2", "4", "5"], problems
    assert "tel(\"childfocus\")" in problems[0]


def test_markdown_rules() -> None:
    md = "ok\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n![](foto.png)\n<a onclick=\"x()\">a</a>\n```\n<script>in code is fine</script>\n```\n"
    lines = sorted({p.line for p in check_markdown(md, "x.md", 1)})
    assert lines == [2, 3, 4]


def test_alt_text_must_describe_the_image() -> None:
    md = "![campagne.svg](a.svg)\n![Foto](b.png)\n![Een meisje kijkt naar haar gsm](c.svg)\n"
    assert [p.line for p in check_markdown(md, "x.md", 1)] == [1, 2]


def test_external_links_get_noopener_noreferrer() -> None:
    html = '<a href="https://childfocus.be">CF</a> <a href="../hulp/">hulp</a>'
    assert mark_external_links(html) == '<a href="https://childfocus.be" rel="noopener noreferrer">CF</a> <a href="../hulp/">hulp</a>'


def test_external_links_allow_list() -> None:
    from sitekit.editorial import external_links

    md = ("[CF](https://childfocus.be/nl)\n[sub](https://www.vlaanderen.be/x)\n[http](http://childfocus.be)\n"
          "[shop](https://example.com)\n[rel](../hulp/index.md)\n<a href=\"https://tracker.net\">x</a>\n")
    problems = external_links(md, ["childfocus.be", "vlaanderen.be"], "content/x.md", 1)
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [(3, "link"), (4, "link"), (6, "link")]
    assert "https://" in problems[0].message and "allow-list" in problems[1].message
