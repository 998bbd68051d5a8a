"""The prebuilt search index (scripts/sitekit/search_index.py): what the browser gets, and what not."""

from __future__ import annotations

from sitekit.search_index import blocks, build_index, search_doc

SETTINGS = {"synonyms": {"nl": [["sexting", "seksting"]]}, "stopwords": {"nl": ["de", "het", "met", "een"]},
            "cues": {"nl": {"ouders": ["Mijn dochter"]}}, "cue_boost": 2}


def doc(url: str, title: str, body: str, questions: list[str] | None = None, audience: str = "jongeren") -> dict:
    return search_doc(url, title, f"<h2>Kop {title}</h2><p>{body}</p>", {"audience": audience, "description": f"Over {title}.",
                                                                         "questions": questions or []})


def weight(index: dict, word: str, number: int) -> int:
    term = next(t for t, forms in enumerate(index["forms"]) if word in forms)
    post = index["post"][term]
    return dict(zip(post[::2], post[1::2])).get(number, 0)


def test_questions_from_front_matter_are_indexed_and_weigh_more_than_body_text() -> None:
    index, _ = build_index([doc("a/", "Pagina A", "Iets over zwemmen.", ["hoe leer ik zwemmen"]),
                            doc("b/", "Pagina B", "Iets over zwemmen.")], "nl", SETTINGS)
    assert weight(index, "zwemmen", 0) > weight(index, "zwemmen", 1) > 0
    assert weight(index, "leer", 0) > 0 and weight(index, "leer", 1) == 0


def test_stop_words_are_never_in_the_index() -> None:
    index, _ = build_index([doc("a/", "Pagina", "Het is met de fiets.")], "nl", SETTINGS)
    words = {w for forms in index["forms"] for w in forms}
    assert not words & {"de", "het", "met"}
    assert "fiets" in words
    assert index["stopwords"] == ["de", "een", "het", "met"]


def test_synonyms_and_cues_are_folded_words_and_headings_stay_out_of_the_snippet_text() -> None:
    index, text = build_index([doc("a/", "Seksting", "Foto's sturen.")], "nl", SETTINGS)
    assert index["synonyms"] == [["seksting", "sexting"]]
    assert index["cues"] == {"ouders": ["mijn dochter"]}
    assert text == [["Foto's sturen."]]
    assert index["docs"] == [["a/", "Seksting", "jongeren", "Over Seksting."]]


def test_a_start_page_counts_less_than_the_pages_under_it() -> None:
    settings = {**SETTINGS, "start_page_boost": 0.5}
    index, _ = build_index([doc("x/", "Start", "Over fietsen."), doc("x/y/", "Pagina", "Over fietsen.")], "nl", settings)
    assert weight(index, "fietsen", 0) < weight(index, "fietsen", 1)


def test_blocks_skip_scripts_and_permalinks() -> None:
    text, headings = blocks('<h2 id="a">Titel<a class="headerlink" href="#a">¶</a></h2><p>Tekst <b>vet</b>.</p>'
                            '<script>var x = 1;</script><ul><li>Een</li><li>Twee</li></ul>')
    assert headings == ["Titel"]
    assert text == ["Tekst vet.", "Een", "Twee"]
