"""Search quality on the built site's indexes, through the real search.js in Chromium:
each query must find its page in the top 3. Prints recall@3 and mean reciprocal rank."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

QUERIES = [  # (language prefix, query, page that must be in the top 3)
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


def test_search_quality(browser, site_url: str) -> None:
    page = browser.new_page()
    ranks: list[int | None] = []
    misses = []
    current = None
    for prefix, query, expected in QUERIES:
        if prefix != current:
            page.goto(site_url + prefix)
            current = prefix
        box = page.locator("#site-search-input")
        box.fill("")
        page.wait_for_function("() => document.querySelector('[data-search-status]').textContent === ''")
        box.fill(query)
        page.wait_for_function("() => document.querySelector('[data-search-status]').textContent.trim() !== ''")
        hits = [h[len(site_url):] for h in page.eval_on_selector_all("[data-search-results] a", "els => els.map(a => a.href)")]
        rank = hits.index(expected) + 1 if expected in hits else None
        ranks.append(rank)
        if rank is None or rank > 3:
            misses.append((prefix, query, expected, hits[:3]))
    page.close()
    recall = sum(1 for r in ranks if r and r <= 3) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    print(f"\nsearch quality: {len(QUERIES)} queries, recall@3 = {recall:.3f}, MRR = {mrr:.3f}")
    assert len(QUERIES) >= 30
    assert misses == []
