"""The generator serves a second site: the same installed package, another site's content/, data/
and mkdocs.yml (tests/fixtures/second-site: cyberbullying, nl and en, fictional help line), no code change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "second-site"
# Anything of this site that must not leak into another site built with the same generator.
THIS_SITE = ["tienerpooi", "loverboy", "child focus", "childfocus", "116 000", "116000", "116&nbsp;000", "payoke",
             "pag-asa", "sürya", "stoptienerpooiers", "laat je niet pakken", "proxénète", "meteo.be", "jeugdhulp.be"]


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("second") / "project"
    shutil.copytree(FIXTURE, project)
    result = subprocess.run([sys.executable, "-m", "sitekit", "build"], cwd=project,  # the installed generator
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_every_page_in_both_languages(second_site: Path) -> None:
    for path in ("", "jongeren/", "ouders/", "professionals/", "hulplijnen/", "hulplijnen/verbergen/", "info/privacy/"):
        for prefix in ("", "en/"):
            assert (second_site / prefix / path / "index.html").is_file(), prefix + path
    assert not (second_site / "fr").exists()


def test_its_own_help_line_and_pages_in_the_frame(second_site: Path) -> None:
    html = (second_site / "ouders" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:555000"' in html and "555 000" in html
    assert 'href="../hulplijnen/"' in html and 'href="../hulplijnen/verbergen/"' in html
    assert 'href="../info/privacy/"' in html and "https://weer.example.org/nl" in html


def test_its_checklist_and_pdf(second_site: Path) -> None:
    html = (second_site / "jongeren" / "index.html").read_text(encoding="utf-8")
    assert 'id="checklist-jongeren-bedreigen"' in html and "data-print" in html  # no_print: [] here
    for lang in ("nl", "en"):
        pdf = second_site / "downloads" / f"signalen-cyberpesten.{lang}.pdf"
        assert pdf.is_file()
    text = "".join(p.extract_text() for p in PdfReader(second_site / "downloads" / "signalen-cyberpesten.en.pdf").pages)
    assert "Someone threatens you" in text


def test_nothing_of_this_site_leaks_into_it(second_site: Path) -> None:
    found = []
    for path in second_site.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".pdf":
            text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
        elif path.suffix in (".html", ".js", ".json", ".xml", ".css", ".svg", ".txt", ".nginx") or path.name == "_headers":
            text = path.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        lower = text.lower()
        found += [f"{path.relative_to(second_site)}: {word}" for word in THIS_SITE if word in lower]
    assert found == []
