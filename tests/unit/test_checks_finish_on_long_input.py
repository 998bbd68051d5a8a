"""No check or build step backtracks on long input (issue 25): each step finishes on 200 KB of the markup that
made the old regexes quadratic (a long line of "<img " took 13 s at 20 KB and 48 s at 40 KB). A step that
takes more than LIMIT seconds is stopped and fails the test; linear steps take well under a second here."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from sitekit.components.search import search_doc
from sitekit.editorial import banned_words, external_links, typed_contacts
from sitekit.html_guard import Policy, check_html, line_of
from sitekit.markdown_rules import FORBIDDEN, mark_external_links
from sitekit.readability import measure
from sitekit.table_hyphens import soft_hyphens_in_headings, soft_hyphens_in_tables
from sitekit.typography import french_spaces
from sitekit.yamltext import split_front_matter

LIMIT = 10
SIZE = 200_000
PAYLOADS = {name: (unit * (SIZE // len(unit) + 1))[:SIZE] for name, unit in {
    "img": "<img ", "dot-words": "a.", "braces": "{{", "brackets": "[", "less-than": "<", "href": 'href="//',
    "at": "a@", "link-start": "](", "spaces": " ", "digits": "1 ", "zero-groups": "0 ", "anchor": '<a href="https://x',
    "image-start": "![ ", "handler": " on", "tel": "](tel:", "cells": "<td>", "headings": "<h2>", "entities": "&rsquo",
    "comment": "<!--", "attr-list": "{ ", "quote-open": "« ", "colon": "a:",
}.items()}
WORDS = {"nl": [{"phrase": "schuld", "instead": "x"}]}
LINES = {"childfocus": {"phone": "116000", "phone_display": "116 000"}}
POLICY = Policy("https://www.stoptienerpooiers.be/", ["childfocus.be"], set())

STEPS: dict[str, Callable[[str], object]] = {
    "markdown rules": lambda s: [pattern.search(s) for pattern, _ in FORBIDDEN],
    "banned words": lambda s: banned_words(s, "nl", WORDS, "x.md", 1),
    "typed contacts": lambda s: typed_contacts(s, LINES, "x.md", 1),
    "external links": lambda s: external_links(s, ["childfocus.be"], "x.md", 1),
    "external link marks": mark_external_links,
    "readability": lambda s: measure(s, "nl", 7),
    "french spacing": french_spaces,
    "hyphens in tables": lambda s: soft_hyphens_in_tables(s, "nl"),
    "hyphens in headings": lambda s: soft_hyphens_in_headings(s, "nl"),
    "page guard": lambda s: check_html(s, "https://www.stoptienerpooiers.be/x/", POLICY, set()),
    "source line": lambda s: line_of("zz" + s[:40], s),
    "front matter": split_front_matter,
    "search document": lambda s: search_doc("x/", "T", "<p>" + s + "</p>", {}),
}


class TooSlow(Exception):
    pass


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("step", STEPS)
def test_a_step_finishes_on_long_hostile_input(step: str) -> None:
    slow = []
    for name, payload in PAYLOADS.items():
        try:
            with at_most(LIMIT):
                STEPS[step](payload)
        except TooSlow:
            slow.append(name)
    assert slow == [], f"{step} took more than {LIMIT} s on 200 KB of: {', '.join(slow)}"
