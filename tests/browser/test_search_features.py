"""What search does beyond ranking (issue 17), through the real search.js on the built site:
who is asking steers the results, every result says who it is for, only whole matched words are
highlighted (never stop words), the snippet comes from the page text around the match, and a search
that finds nothing offers the help line and the page list."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def search_page(browser):
    pages = []

    def open_(site_url: str, prefix: str):
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(site_url + prefix)
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()


def run(page, query: str) -> list[dict[str, str]]:
    box = page.locator("#site-search-input")
    box.fill("")
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent === ''")
    box.fill(query)
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent.trim() !== ''")
    return page.eval_on_selector_all("[data-search-results] li", """els => els.map(li => ({
        href: li.querySelector('a').href.replace(location.origin + '/', ''),
        label: (li.querySelector('.site-search__for') || {}).textContent || '',
        marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
        snippet: li.querySelector('p').textContent}))""")


STEERING = [  # (prefix, topic query, the same asked by someone who says who they are, audience folder expected first)
    ("", "wat is een loverboy", "mijn dochter: wat is een loverboy", "ouders/"),
    ("", "loverboy", "loverboy bij een leerling in mijn klas", "professionals/"),
    ("fr/", "c'est quoi un loverboy", "ma fille: c'est quoi un loverboy", "ouders/"),
    ("fr/", "loverboy", "loverboy chez un élève de ma classe", "professionals/"),
    ("en/", "what is a loverboy", "my daughter: what is a loverboy", "ouders/"),
    ("en/", "loverboy", "loverboy and a pupil in my class", "professionals/"),
]


@pytest.mark.parametrize("prefix,plain,asked,folder", STEERING)
def test_who_is_asking_steers_the_results(search_page, site_url: str, prefix: str, plain: str, asked: str, folder: str) -> None:
    page = search_page(site_url, prefix)
    first_plain = run(page, plain)[0]["href"]
    first_asked = run(page, asked)[0]["href"]
    assert first_asked.startswith(prefix + folder), first_asked
    assert first_plain != first_asked, "the words that say who is asking must change what comes first"


@pytest.mark.parametrize("prefix,labels", [("", {"Voor jongeren", "Voor ouders"}), ("fr/", {"Pour les jeunes", "Pour les parents"}),
                                           ("en/", {"For young people", "For parents"})])
def test_every_result_says_who_it_is_for(search_page, site_url: str, prefix: str, labels: set[str]) -> None:
    page = search_page(site_url, prefix)
    results = run(page, "loverboy")
    assert len(results) >= 3
    assert all(r["label"] for r in results), results
    assert labels <= {r["label"] for r in results}, "the same title for young people and for parents must be told apart"


def test_only_whole_matched_words_are_highlighted_never_stop_words(search_page, site_url: str) -> None:
    page = search_page(site_url, "")
    page.locator("#site-search-input").focus()
    page.wait_for_selector("[data-search-ready]", state="attached")
    page.wait_for_timeout(300)  # the snippet text follows the index
    results = run(page, "met een vriend praten")
    marks = [m.lower() for r in results for m in r["marks"]]
    assert marks, results
    assert "met" not in marks and "een" not in marks, marks
    for r in results:
        html = page.eval_on_selector(f"[data-search-results] li a[href$='{r['href']}']", "a => a.parentElement.innerHTML")
        # a mark never starts or ends inside a word ("met" in "meteen")
        assert not re.search(r"\w<mark>|</mark>\w", html), html


def test_the_snippet_is_page_text_around_the_match(search_page, site_url: str) -> None:
    page = search_page(site_url, "en/")
    page.locator("#site-search-input").focus()
    page.wait_for_selector("[data-search-ready]", state="attached")
    page.wait_for_timeout(300)
    results = run(page, "incognito")
    assert results and "incognito" in results[0]["snippet"].lower()
    assert len(results[0]["snippet"]) <= 200
    assert "incognito" in [m.lower() for m in results[0]["marks"]]


@pytest.mark.parametrize("prefix", ["", "fr/", "en/"])
def test_nothing_found_offers_the_help_line_and_the_page_list(search_page, site_url: str, prefix: str) -> None:
    page = search_page(site_url, prefix)
    assert not page.locator("[data-search-none]").is_visible()
    assert run(page, "qxzvwk") == []
    box = page.locator("[data-search-none]")
    assert box.is_visible()
    assert box.locator("a[href^='tel:116000']").count() == 1
    assert box.locator("a[href$='zoeken/']").count() == 1
    page.locator("#site-search-input").fill("")
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent === ''")
    assert not box.is_visible()


def test_one_result_is_counted_in_the_singular(search_page, site_url: str) -> None:
    page = search_page(site_url, "")
    for query in ("aanbevelingen", "433quinquies", "beroepsgeheim", "incognito"):
        results = run(page, query)
        status = page.locator("[data-search-status]").text_content()
        if len(results) == 1:
            assert status == "1 resultaat"
            return
        assert status == f"{len(results)} resultaten"
    pytest.fail("no query found exactly one page: pick a word that only one page has")


MIXED_CUES = [  # (prefix, a parent who mentions school: words for two audiences, the parents' folder must come first)
    ("", "mijn dochter zegt dat een leerling uit haar klas een loverboy heeft", "ouders/"),
    ("fr/", "ma fille dit qu'un élève de son école est un loverboy", "fr/ouders/"),
    ("en/", "my daughter says a student at her school is a loverboy", "en/ouders/"),
]


@pytest.mark.parametrize("prefix,query,folder", MIXED_CUES)
def test_when_words_point_to_two_audiences_the_first_in_cue_order_counts(search_page, site_url: str, prefix: str,
                                                                           query: str, folder: str) -> None:
    """data/zoeken.yml cue_order: "mijn dochter" (a parent) and "leerling" (a professional's word) is a parent.
    Without cue_order a professionals' page comes first or second for each of these."""
    page = search_page(site_url, prefix)
    first = [r["href"] for r in run(page, query)[:3]]
    assert all(href.startswith(folder) for href in first), first


RARE = [  # (prefix, words on every page + a word on one page, the page with the rare word). Without the
    # browser's idf the page with the common words in its title comes first for each of these
    ("", "tienerpooier loverboy tattoo", "ouders/signalen/"),
    ("fr/", "proxénète loverboy tatouage", "fr/ouders/signalen/"),
    ("en/", "teen pimp pregnancy", "en/ouders/signalen/"),
]


@pytest.mark.parametrize("prefix,query,expected", RARE)
def test_a_rare_word_counts_more_than_a_word_on_every_page(search_page, site_url: str, prefix: str, query: str,
                                                           expected: str) -> None:
    page = search_page(site_url, prefix)
    assert run(page, query)[0]["href"] == expected
