"""Search quality through the real search.js on the built site, in Chromium.

Two sets:
- KEYWORDS: the keyword queries that worked before issue 17; each must still find its page in the top 3.
- tests/search/queries.<lang>.yml: at least 40 queries per language typed the way young people, parents
  and professionals type (sentences, slang, typos), written before the search was tuned. Each item is in
  the `tune` half (used to tune data/zoeken.yml and the front-matter questions) or the `holdout` half
  (only measured). Both halves must reach recall@3 >= 0.9 and MRR >= 0.8 in each language; a gap between
  them would mean the tuning learned the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, ROOT, lang_prefix

pytestmark = pytest.mark.browser

QUERY_DIR = ROOT / "tests" / "search"
RECALL_AT_3, MRR = 0.9, 0.8
# Where the search does not reach the target yet, measured on the blind holdout (issue 17 stays open for
# it). The test still runs and prints the figures; once the target is met, the entry must go.
KNOWN_GAPS: dict[tuple[str, str], str] = {}

KEYWORDS = [  # (language prefix, query, page that must be in the top 3)
    ("", "loverboy", "jongeren/wat-is-een-tienerpooier/"),
    ("", "loverboys", "jongeren/wat-is-een-tienerpooier/"),
    ("", "tienerpoier", "jongeren/wat-is-een-tienerpooier/"),          # misspelled
    ("", "wat is een tienerpooier", "jongeren/wat-is-een-tienerpooier/"),
    ("", "signalen kind", "ouders/signalen/"),
    ("", "signaal", "ouders/signalen/"),
    ("", "sporen wissen", "hulp/sporen-wissen/"),
    ("", "incognito", "hulp/sporen-wissen/"),
    ("", "geschiedenis wissen", "hulp/sporen-wissen/"),
    ("", "cookies", "over/privacy/"),
    ("", "toegankelijkheid", "over/toegankelijkheid/"),
    ("", "actieplan", "over/"),
    ("", "lesmateriaal", "professionals/lesmateriaal/"),
    ("", "awel", "hulp/"),
    ("", "liefde", "jongeren/is-dit-nog-liefde/"),
    ("", "beroepsgeheim", "professionals/handelen/"),        # the page on (shared) professional secrecy
    ("fr/", "proxénète", "fr/jongeren/wat-is-een-tienerpooier/"),
    ("fr/", "proxenete", "fr/jongeren/wat-is-een-tienerpooier/"),    # without accents
    ("fr/", "proxénètes d'ados", "fr/jongeren/wat-is-een-tienerpooier/"),
    ("fr/", "l'exploitation", "fr/jongeren/wat-is-een-tienerpooier/"),
    ("fr/", "loverboy", "fr/jongeren/wat-is-een-tienerpooier/"),
    ("fr/", "signaux enfant", "fr/ouders/signalen/"),
    ("fr/", "vie privée", "fr/over/privacy/"),
    ("fr/", "navigation privée", "fr/hulp/sporen-wissen/"),
    ("fr/", "accessibilite", "fr/over/toegankelijkheid/"),
    ("fr/", "ne te laisse pas avoir", "fr/campagne/"),
    ("en/", "loverboy", "en/jongeren/wat-is-een-tienerpooier/"),
    ("en/", "teen pimps", "en/jongeren/wat-is-een-tienerpooier/"),
    ("en/", "groomer", "en/jongeren/wat-is-een-tienerpooier/"),      # synonym
    ("en/", "signs child", "en/ouders/signalen/"),
    ("en/", "incognito", "en/hulp/sporen-wissen/"),
    ("en/", "privacy cookies", "en/over/privacy/"),
    ("en/", "lesson material", "en/professionals/lesmateriaal/"),
    ("en/", "emergency number", "en/hulp/"),
    ("en/", "incognitto", "en/hulp/sporen-wissen/"),                 # misspelled
    ("fr/", "proxenette", "fr/jongeren/wat-is-een-tienerpooier/"),   # misspelled, no accents
]


# The issue's own examples (issue 17: "tried as a new user would, these all put the wrong page first or
# found nothing"), each with what must hold of its results: (language prefix, query, [checks]);
# a check is "first <page>", "top3 <page>", "not-top3 <page>", "not-first <page>", or for a section (a folder):
# "first-in <section>" (the first result is one of its pages), "no-top3 <section>" (none of its pages in the top 3)
ISSUE_EXAMPLES = [
    ("", "mijn lief wil dat ik met zijn vrienden", ["first jongeren/is-dit-nog-liefde/"]),
    ("", "mn vriendje wil da ik seks heb met andere", ["top3 jongeren/is-dit-nog-liefde/", "not-top3 over/"]),
    ("", "seksting", ["first jongeren/online/"]),
    ("", "groomen", ["first jongeren/online/"]),
    ("", "chanteren", ["first jongeren/online/"]),
    ("", "hulp", ["first hulp/"]),
    ("", "help", ["first hulp/"]),
    ("fr/", "aide", ["first fr/hulp/"]),            # the same in French and English
    ("en/", "help", ["first en/hulp/"]),
    ("fr/", "je suis obligée", ["not-first fr/jongeren/lovergirls/"]),
    ("en/", "boyfriend makes me", ["not-first en/jongeren/een-vriend-helpen/", "top3 en/jongeren/is-dit-nog-liefde/"]),
    ("", "mijn dochter komt laat thuis met nieuwe kleren", ["first ouders/signalen/"]),
    ("", "een leerling vertelde me iets", ["first professionals/handelen/"]),
    # issue 27: a teenager's words put lesson material and professionals' pages in the top 3
    ("", "sex met zn vriend", ["no-top3 professionals/", "first-in jongeren/"]),
    ("en/", "he says i owe him money", ["no-top3 en/professionals/", "first-in en/jongeren/"]),
    ("en/", "my boyfriend is 19 im 15 is that ok", ["no-top3 en/professionals/", "first-in en/jongeren/"]),
    ("en/", "he threatens to send my nudes", ["no-top3 en/professionals/", "first-in en/jongeren/"]),
    ("fr/", "il dit que je lui dois de l'argent", ["no-top3 fr/professionals/", "first-in fr/jongeren/"]),
    ("", "hij dreigt mijn nudes door te sturen", ["no-top3 professionals/", "first-in jongeren/"]),
    # the review as a frightened 14-year-old: violence and ages found nothing for a young person first
    ("", "hij slaat me", ["first-in jongeren/", "top3 jongeren/is-dit-nog-liefde/", "not-top3 over/privacy/"]),
    ("", "ik ben 14 hij is 20", ["first jongeren/is-dit-nog-liefde/"]),
    ("fr/", "jai 14 ans il a 20", ["first-in fr/jongeren/", "top3 fr/jongeren/is-dit-nog-liefde/"]),
    ("en/", "hes 19 im 14 is that ok", ["first en/jongeren/is-dit-nog-liefde/", "no-top3 en/professionals/"]),
    # "ouder" is also "parent": a teen's "hij is veel ouder" must not lead to the parents' pages (review, issue 27)
    ("", "hij is veel ouder dan ik", ["first jongeren/is-dit-nog-liefde/", "no-top3 ouders/"]),
    ("en/", "he is much older than me", ["first en/jongeren/is-dit-nog-liefde/", "no-top3 en/ouders/"]),
    # ... but a professional who also writes like that ("im worried") is still a professional
    ("en/", "im worried a pupil told me her boyfriend is much older", ["first-in en/professionals/"]),
]


def holds(check: str, hits: list[str]) -> bool:
    kind, page = check.split(" ")
    return {"first": hits[:1] == [page], "first-in": bool(hits) and hits[0].startswith(page),  # first: a page of that section
            "top3": page in hits[:3], "not-top3": page not in hits[:3],
            "no-top3": not any(h.startswith(page) for h in hits[:3]),  # no page of that section in the top 3
            "not-first": hits[:1] != [page]}[kind]


def query_set(lang: str) -> list[dict[str, str]]:
    return yaml.safe_load((QUERY_DIR / f"queries.{lang}.yml").read_text(encoding="utf-8"))


def ranked(page, site_url: str, query: str) -> list[str]:
    box = page.locator("#site-search-input")
    box.fill("")
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent === ''")
    box.fill(query)
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent.trim() !== ''")
    return [h[len(site_url):] for h in page.eval_on_selector_all("[data-search-results] a", "els => els.map(a => a.href)")]


def measure(browser, site_url: str, prefix: str, items: list[tuple[str, str]]) -> tuple[float, float, list]:
    page = browser.new_page()
    page.goto(site_url + prefix)
    ranks, misses = [], []
    for query, expected in items:
        hits = ranked(page, site_url, query)
        rank = hits.index(expected) + 1 if expected in hits else None
        ranks.append(rank)
        if rank is None or rank > 3:
            misses.append((query, expected, hits[:3]))
    page.close()
    recall = sum(1 for r in ranks if r and r <= 3) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    return recall, mrr, misses


def test_query_sets_are_large_enough_and_point_at_real_pages(site_dir: Path) -> None:
    for lang in LANGUAGES:
        items = query_set(lang)
        assert len(items) >= 40, lang
        for half in ("tune", "holdout"):
            assert len([i for i in items if i["half"] == half]) >= 20, (lang, half)
        for item in items:
            assert item["page"].startswith(lang_prefix(lang)), item
            assert (site_dir / item["page"] / "index.html").is_file(), item
        assert {i["who"] for i in items} >= {"jongeren", "ouders", "professionals"}


def test_keyword_queries_still_find_their_page(browser, site_url: str) -> None:
    misses = []
    for prefix in ("", "fr/", "en/"):
        items = [(q, page) for p, q, page in KEYWORDS if p == prefix]
        misses += measure(browser, site_url, prefix, items)[2]
    assert misses == []


def test_the_issues_own_examples_find_their_page(browser, site_url: str) -> None:
    wrong = []
    for prefix, query, checks in ISSUE_EXAMPLES:
        page = browser.new_page()
        page.goto(site_url + prefix)
        hits = ranked(page, site_url, query)
        page.close()
        failed = [check for check in checks if not holds(check, hits)]
        if not hits or failed:
            wrong.append((query, failed, hits[:3]))
    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_queries_as_people_type_them(browser, site_url: str, lang: str) -> None:
    items = query_set(lang)
    report, failed = [], []
    for half in ("tune", "holdout"):
        chosen = [(i["q"], i["page"]) for i in items if i["half"] == half]
        recall, mrr, misses = measure(browser, site_url, lang_prefix(lang), chosen)
        report.append(f"{lang} {half}: {len(chosen)} queries, recall@3 = {recall:.3f}, MRR = {mrr:.3f}")
        if half == "tune":  # the holdout's queries stay unread: only its figures are shown
            report += [f"   miss: {miss}" for miss in misses]
        if recall < RECALL_AT_3 or mrr < MRR:
            failed.append(half)
    print("\n" + "\n".join(report))
    gaps = {half for (gap_lang, half) in KNOWN_GAPS if gap_lang == lang}
    assert not set(failed) - gaps, "\n".join(report)
    assert gaps <= set(failed), f"{lang} {sorted(gaps)} reach the target now: remove them from KNOWN_GAPS\n" + "\n".join(report)
    if failed:
        pytest.xfail(f"{KNOWN_GAPS[(lang, failed[0])]}\n" + "\n".join(report))
