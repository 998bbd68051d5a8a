"""The page guard over the finished site reads again only what it has not passed (sitekit/site_build.py)."""

from __future__ import annotations

from pathlib import Path

from sitekit.html_guard import guarded_digest
from sitekit.site_build import guard_site, site_digests

ROOT = Path(__file__).resolve().parents[2]
BAD = '<!doctype html><html lang="nl"><body><p>x</p><script>alert(1)</script></body></html>'


def test_a_page_the_guard_passed_is_not_read_again_but_a_changed_one_is(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.html").write_text(BAD, encoding="utf-8")
    passed = {"a/index.html": guarded_digest(BAD), "b.html": guarded_digest(BAD + " ")}
    problems = guard_site(tmp_path, ROOT, passed)
    assert [p.path for p in problems] == ["site/b.html"]
    assert len(guard_site(tmp_path, ROOT)) == 2
    assert site_digests(tmp_path) == {"a/index.html": guarded_digest(BAD), "b.html": guarded_digest(BAD)}


def test_plain_relative_links_pass_without_parsing_and_tricks_do_not(tmp_path: Path) -> None:
    from sitekit.html_guard import Policy, check_url

    policy = Policy("https://www.stoptienerpooiers.be/", [], [])
    base = "https://www.stoptienerpooiers.be/jongeren/"
    for ok in ("../hulp/", "/over/privacy/#cookies", "online/?x=1", "a%20b/"):
        assert check_url(ok, base, policy, "href") is None, ok
    for bad in ("//evil.example/", "/\\evil.example/", "\\\\evil.example", "java\tscript:alert(1)", "data:text/html,x"):
        assert check_url(bad, base, policy, "href") is not None, bad
