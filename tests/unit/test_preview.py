"""`make serve` after an edit in data/ or overrides/: the pages looked at first, the rest in a second
build, and a request for a page not yet rendered again waits for it (sitekit/preview.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitekit import preview

PAGES = {"", "hulp/", "over/", "over/privacy/", "jongeren/"}


@pytest.fixture(autouse=True)
def fresh_preview() -> Iterator[None]:
    preview.reset()
    yield
    preview.reset()


@pytest.mark.parametrize("path, url", [("/", ""), ("/hulp/", "hulp/"), ("/hulp/index.html", "hulp/"),
                                       ("/over/privacy/?x=1", "over/privacy/"), ("/404.html", "404.html"),
                                       ("/assets/site.css", None), ("/livereload/1/2", None),
                                       ("/search/nl.json", None)])
def test_a_request_names_the_page_it_asks_for(path: str, url: str | None) -> None:
    assert preview.page_url(path) == url


def test_the_pages_looked_at_last_are_rendered_first_and_the_rest_next() -> None:
    for url in ("over/", "hulp/", "jongeren/", "over/privacy/"):
        preview.saw(url)
    assert preview.viewed() == ["over/privacy/", "jongeren/", "hulp/"]  # the last three, latest first
    preview.all_stale(PAGES)
    first = preview.next_batch(PAGES, split=True)
    assert first == {"over/privacy/", "jongeren/", "hulp/"}
    assert preview.rendered(first) is True  # others still wait
    second = preview.next_batch(PAGES, split=True)
    assert second == {"", "over/"}
    assert preview.rendered(second) is False
    assert preview.next_batch(PAGES, split=True) == set()


def test_one_step_renders_every_pending_page() -> None:
    preview.saw("hulp/")
    preview.all_stale(PAGES)
    assert preview.next_batch(PAGES, split=False) == PAGES


def test_without_a_page_looked_at_every_page_is_rendered_at_once() -> None:
    preview.saw("fr/hulp/")  # not a page of this build
    preview.all_stale(PAGES)
    assert preview.next_batch(PAGES, split=True) == PAGES


def test_a_removed_page_is_not_waited_for() -> None:
    preview.all_stale(PAGES)
    preview.next_batch(PAGES - {"over/"}, split=False)
    assert "over/" not in preview.pending()


def test_a_request_for_a_pending_page_waits_until_it_is_rendered() -> None:
    preview.all_stale({"hulp/"})
    done: list[float] = []
    waiter = threading.Thread(target=lambda: done.append(preview.wait_until_fresh("hulp/", timeout=10) and 1))
    waiter.start()
    time.sleep(0.2)
    assert not done, "the request went ahead while the page was still stale"
    preview.rendered({"hulp/"})
    waiter.join(5)
    assert done == [1]
    assert preview.wait_until_fresh("over/", timeout=0.01) is True  # a fresh page never waits


def test_the_second_build_is_asked_for_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(preview.SIGNAL_ENV, str(tmp_path))
    signal = tmp_path / "pending"
    preview.all_stale(PAGES)
    preview.ask_for_second_build(after=0)
    assert signal.is_file()
    signal.unlink()
    preview.ask_for_second_build(after=0)  # asked already, that build has not started
    assert not signal.exists()
    preview.next_batch(PAGES, split=True)  # the build starts
    preview.ask_for_second_build(after=0.05)
    time.sleep(0.5)
    assert signal.is_file(), "the delayed request for the second build never came"


def test_nothing_pending_asks_for_no_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(preview.SIGNAL_ENV, str(tmp_path))
    preview.ask_for_second_build(after=0)
    assert not (tmp_path / "pending").exists()
