"""Any default language (issue 28, new-team review): a German-default site stopped with a traceback
(`KeyError: 'stem-de'`), German got English reading-ease constants, and a French-default site had to give
English copies of its `@formal` (vous) strings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitekit.components.search import build_index, search_doc, stem
from sitekit.content_checks import readability_table
from sitekit.readability import measure
from sitekit.sitedata import missing_languages
from sitekit.yamltext import parse_yaml


def _doc(url: str, body: str) -> dict[str, object]:
    return search_doc(url, "Titel", f"<p>{body}</p>", {"audience": "teens", "description": "Eine Seite."})


def test_a_german_site_gets_an_index_with_german_stems() -> None:
    assert stem("kindern", "de") == stem("kinder", "de") == "kind"
    index, _ = build_index([_doc("a/", "Die Kinder spielen."), _doc("b/", "Mit den Kindern reden.")], "de", {})
    forms = [f for f in index["forms"] if "kinder" in f or "kindern" in f]
    assert forms and set(forms[0]) >= {"kinder", "kindern"}  # one term for both words


def test_a_language_without_a_stemmer_is_indexed_by_whole_words() -> None:
    assert stem("huoneet", "xx") == "huoneet"
    index, _ = build_index([_doc("a/", "Huoneet ovat isoja.")], "xx", {})
    assert any("huoneet" in f for f in index["forms"])


def test_no_reading_ease_without_the_languages_constants() -> None:
    german = measure("Das ist ein kurzer Satz. Noch einer.", "de", 13)
    assert german.reading_ease is None and german.avg_sentence_words == 3.5  # 7 words, 2 sentences
    assert measure("This is a short sentence. Another one.", "en", 13).reading_ease is not None
    assert readability_table([("content/a.md", "teens", "de", german)]).splitlines()[-1].rstrip().endswith("-")


def test_formal_strings_exist_only_in_the_languages_that_have_them() -> None:
    located, _ = parse_yaml('helpbar.title: {fr: "Parles-en", en: "Talk about it"}\n'
                            'helpbar.title@formal: {fr: "Parlez-en"}\n'
                            'helpbar.call: {fr: "Appelle le"}\n', "data/textes.yml")
    assert located is not None
    problems = missing_languages(located, ["fr", "en"], "data/textes.yml")
    assert [str(p) for p in problems] == ["data/textes.yml:3: error: helpbar.call: translation 'en' is missing; "
                                          'add en: "..." beside fr']


def test_the_commands_say_their_version_and_help_without_running(tmp_path: Path) -> None:
    version = subprocess.run([sys.executable, "-m", "sitekit", "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("sitekit 1.")
    helped = subprocess.run([sys.executable, "-m", "sitekit", "check", "--help"], capture_output=True, text=True,
                            cwd=tmp_path)  # no mkdocs.yml here: a check would fail
    assert helped.returncode == 0 and "Usage: sitekit check" in helped.stdout
