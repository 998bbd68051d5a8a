"""Bad input fails the build with file:line and no traceback, and never destroys the last good site/."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_build


def assert_clean_failure(result, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output
    for text in expected:
        assert text in output, output


def test_fixture_site_builds(fixture_project: Path) -> None:
    result = run_build(fixture_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (fixture_project / "site" / "fr" / "index.html").exists()


def test_failed_build_keeps_the_last_good_site(fixture_project: Path) -> None:
    assert run_build(fixture_project).returncode == 0
    good = (fixture_project / "site" / "index.html").read_text(encoding="utf-8")
    page = fixture_project / "content" / "hulp" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("audience: iedereen", "audience: niemand"), encoding="utf-8")
    result = run_build(fixture_project)
    assert_clean_failure(result, "content/hulp/index.md:4: error: audience: 'niemand' is not allowed", "previous site/ was kept")
    assert (fixture_project / "site" / "index.html").read_text(encoding="utf-8") == good
    assert not list(fixture_project.glob(".site-new-*"))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda c: (c / "hulp" / "index.md").write_text("---\ntitle: [oops\n---\n\nTekst\n", encoding="utf-8"),
         "content/hulp/index.md:2: error: YAML cannot be read"),
        (lambda c: (c / "hulp" / "index.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1")),
         "content/hulp/index.md:2: error: the file is not UTF-8 text"),
        (lambda c: (c / "hulp" / "Mijn Pagina.md").write_text("x", encoding="utf-8"),
         "content/hulp/Mijn Pagina.md:1: error: file and folder names must be lowercase"),
        (lambda c: (c / "over" / "index.md").write_text((c / "over" / "index.md").read_text().replace("Tekst.", "Bel {{ tel('kinderlijn') }}."), encoding="utf-8"),
         "content/over/index.md:10: error: unknown help line 'kinderlijn'"),
        (lambda c: (c / "over" / "index.md").write_text((c / "over" / "index.md").read_text().replace("Tekst.", "Zie [hulp](../hulp/bestaat-niet.md)."), encoding="utf-8"),
         "bestaat-niet.md"),
        (lambda c: (c / "over" / "index.md").write_text((c / "over" / "index.md").read_text().replace("Tekst.", '<iframe src="https://www.youtube.com/embed/abc"></iframe>'), encoding="utf-8"),
         "content/over/index.md:10: error: embedded content (<iframe>, <embed>, <object>) is not allowed"),
        (lambda c: (c / "over" / "index.md").write_text((c / "over" / "index.md").read_text().replace("Tekst.", ""), encoding="utf-8"),
         "content/over/index.md:9: error: the page has no text below the front matter"),
    ],
    ids=["bad-yaml", "not-utf8", "bad-file-name", "unknown-data-id", "broken-link", "video-embed", "empty-page"],
)
def test_bad_input_names_the_file(fixture_project: Path, edit, expected: str) -> None:
    edit(fixture_project / "content")
    assert_clean_failure(run_build(fixture_project), expected)
    assert not (fixture_project / "site").exists()


def test_missing_ui_translation_fails_the_build(fixture_project: Path) -> None:
    ui = fixture_project / "data" / "ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8").replace(', fr: "Aide"', ""), encoding="utf-8")
    line = next(i for i, l in enumerate(ui.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("helpbar.label:"))
    assert_clean_failure(run_build(fixture_project), f"data/ui.yml:{line}: error: helpbar.label: translation 'fr' is missing")


def test_untranslated_page_falls_back_with_a_notice(fixture_project: Path) -> None:
    assert run_build(fixture_project).returncode == 0
    html = (fixture_project / "site" / "fr" / "hulp" / "index.html").read_text(encoding="utf-8")
    assert "pas encore traduite" in html and '<html lang="fr"' in html
    assert '<div lang="nl">' in html  # the Dutch text is marked as Dutch for screen readers


def test_translation_without_dutch_source_fails(fixture_project: Path) -> None:
    (fixture_project / "content" / "hulp" / "weg.fr.md").write_text(
        (fixture_project / "content" / "hulp" / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert_clean_failure(run_build(fixture_project), "content/hulp/weg.fr.md:1: error: translation without its source page")


def test_page_missing_from_the_menu_fails(fixture_project: Path) -> None:
    (fixture_project / "content" / "hulp" / "nieuw.md").write_text(
        (fixture_project / "content" / "hulp" / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert_clean_failure(run_build(fixture_project),
                         "content/hulp/nieuw.md:1: error: page is not in the menu: add 'hulp/nieuw.md' to nav in mkdocs.yml")
