"""The prebuilt search index (sitekit/components/search): what the browser gets, and what not."""

from __future__ import annotations

from sitekit.components.search import blocks, build_index, search_doc

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
    text = blocks('<h2 id="a">Titel<a class="headerlink" href="#a">¶</a></h2><p>Tekst <b>vet</b>.</p>'
                  '<script>var x = 1;</script><ul><li>Een</li><li>Twee</li></ul>')
    assert text.headings == ["Titel"]
    assert text.blocks == ["Tekst vet.", "Een", "Twee"]


CHECKLIST = ('<fieldset class="checklist__group"><legend>Geld en cadeaus</legend><ul><li><input type="checkbox" id="c-geld">'
             '<label for="c-geld">Je kind heeft plots veel geld. <span class="checklist__points">(2 punten)</span></label>'
             '</li></ul></fieldset>')


def test_a_checklist_names_its_groups_and_items_without_the_points_on_paper() -> None:
    text = blocks(CHECKLIST)
    assert text.headings == ["Geld en cadeaus"]
    assert text.items == ["Je kind heeft plots veel geld."]
    assert text.blocks == ["Je kind heeft plots veel geld."]


def test_checklist_items_weigh_more_than_body_text() -> None:
    listed = search_doc("a/", "A", CHECKLIST, {"audience": "ouders", "description": "Over een lijst."})
    told = search_doc("b/", "B", "<p>Je kind heeft plots veel geld.</p>", {"audience": "ouders", "description": "Over een lijst."})
    index, _ = build_index([listed, told], "nl", SETTINGS)
    assert weight(index, "geld", 0) > weight(index, "geld", 1) > 0
    assert weight(index, "cadeaus", 0) > 0
    assert not any("punten" in forms for forms in index["forms"])


def test_search_boost_in_front_matter_counts() -> None:
    """`search: {boost: 2}` as in Material for MkDocs: the schema allows it, so it must do something."""
    boosted = search_doc("a/", "Pagina", "<p>Over fietsen.</p>", {"audience": "ouders", "description": "Over fietsen.",
                                                                  "search": {"boost": 2}})
    plain = search_doc("b/", "Pagina", "<p>Over fietsen.</p>", {"audience": "ouders", "description": "Over fietsen."})
    index, _ = build_index([boosted, plain], "nl", SETTINGS)
    assert weight(index, "fietsen", 0) == 2 * weight(index, "fietsen", 1)


def test_search_boost_replaces_the_start_page_rule() -> None:
    """The help page is a start page (a page sits under it) and the page people look for with "hulp"."""
    settings = {**SETTINGS, "start_page_boost": 0.5}
    start = search_doc("x/", "Pagina", "<p>Over fietsen.</p>", {"audience": "ouders", "description": "Over fietsen.",
                                                               "search": {"boost": 1}})
    under = search_doc("x/y/", "Pagina", "<p>Over fietsen.</p>", {"audience": "ouders", "description": "Over fietsen."})
    index, _ = build_index([start, under], "nl", settings)
    assert weight(index, "fietsen", 0) == weight(index, "fietsen", 1)


def test_the_index_holds_field_weights_and_the_browser_weighs_how_rare_a_word_is() -> None:
    """lunr's idf adds up pages per field (and takes abs()), so a word on many pages in many fields could
    weigh more than a rare one. The index holds lunr's field weights without it; search.js divides by
    how many pages the query word (with its forms and synonyms) is on."""
    pages = [doc("a/", "Fiets auto", "Fiets auto.")] + [doc(f"p{i}/", f"Fiets {i}", f"Een fiets {i}.", [f"fiets {i}"])
                                                       for i in range(6)]
    index, _ = build_index(pages, "nl", SETTINGS)
    assert weight(index, "fiets", 0) == weight(index, "auto", 0) > 0
