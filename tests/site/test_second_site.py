"""The generator serves a second site (issue 28): tests/fixtures/second-site is another team's site (online
grooming, English first and French second, no Dutch at all, its own audiences and data file names set in
mkdocs.yml, a fictional help line) that installs the same package, with no code change. It builds, serves,
checks and reports translations, and every message uses its own names."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from devtools.local_nginx import free_port
from devtools.processes import stop

FIXTURE = ROOT / "tests" / "fixtures" / "second-site"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Anything of this site that must not leak into another site built with the same generator.
THIS_SITE = ["tienerpooi", "loverboy", "child focus", "childfocus", "116 000", "116000", "116&nbsp;000", "payoke",
             "pag-asa", "sürya", "stoptienerpooiers", "laat je niet pakken", "proxénète", "meteo.be", "jeugdhulp.be"]
# Dutch, which this English and French site does not have: the generator must not bring any of its own.
DUTCH = ['lang="nl"', 'hreflang="nl"', "nederlands", "jongeren", "ouders", "iedereen", "hulplijn", "bronnen",
         "uitgever", "sporen wissen", "praat erover", "alle hulp"]


def sitekit(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitekit", *args], cwd=project, capture_output=True, text=True, env=ENV)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "project")
    return tmp_path / "project"


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("second") / "project"
    shutil.copytree(FIXTURE, project)
    result = sitekit(project, "build")  # the installed generator
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_every_page_in_both_languages(second_site: Path) -> None:
    for path in ("", "teens/", "parents/", "teachers/", "help/", "help/hide/", "about/privacy/"):
        for prefix in ("", "fr/"):
            assert (second_site / prefix / path / "index.html").is_file(), prefix + path
    assert not (second_site / "en").exists() and not (second_site / "nl").exists()
    assert '<html lang="en"' in (second_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in (second_site / "fr" / "index.html").read_text(encoding="utf-8")


def test_its_own_help_line_pages_and_audiences_in_the_frame(second_site: Path) -> None:
    html = (second_site / "parents" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:555000"' in html and "555 000" in html
    assert 'href="../help/"' in html and 'href="../help/hide/"' in html
    assert 'href="../about/privacy/"' in html and "https://weather.example.org/en" in html
    assert 'data-for-teens="For teens"' in html and 'data-for-teachers="For teachers"' in html
    french = (second_site / "fr" / "parents" / "index.html").read_text(encoding="utf-8")
    assert 'data-for-teens="Pour les jeunes"' in french and "Appelez le" in french  # formal French for parents


def test_its_own_colours_come_after_the_generators(second_site: Path) -> None:
    """A site's own extra_css (its colours) is joined into the one stylesheet after the generator's."""
    html = (second_site / "index.html").read_text(encoding="utf-8")
    bundles = list((second_site / "assets" / "stylesheets").glob("site.*.css"))
    assert len(bundles) == 1 and bundles[0].name in html
    css = bundles[0].read_text(encoding="utf-8")
    assert css.rfind("#1d4e6e") > css.rfind("#5c2350") > 0


def test_its_checklist_and_pdf(second_site: Path) -> None:
    html = (second_site / "teens" / "index.html").read_text(encoding="utf-8")
    assert 'id="checklist-teens-threats"' in html and "data-print" in html  # no_print: [] here
    for lang in ("en", "fr"):
        assert (second_site / "downloads" / f"signs-online-grooming.{lang}.pdf").is_file()
    text = "".join(p.extract_text() for p in PdfReader(second_site / "downloads" / "signs-online-grooming.fr.pdf").pages)
    assert "Quelqu’un menace de partager une photo de toi" in text


def _texts(site: Path) -> Iterator[tuple[str, str]]:
    for path in site.rglob("*"):
        if not path.is_file() or "lunr" in path.parts:  # Material's search language files
            continue
        if path.suffix == ".pdf":
            yield str(path.relative_to(site)), "".join(page.extract_text() or "" for page in PdfReader(path).pages)
        elif path.suffix in (".html", ".js", ".json", ".xml", ".css", ".svg", ".txt", ".nginx") or path.name == "_headers":
            yield str(path.relative_to(site)), path.read_text(encoding="utf-8", errors="replace")


def test_nothing_of_this_site_and_no_dutch_leaks_into_it(second_site: Path) -> None:
    found = []
    for name, text in _texts(second_site):
        lower = text.lower()
        found += [f"{name}: {word}" for word in THIS_SITE if word in lower]
        if not name.endswith((".js", ".css")):  # code comments are the generator's (they quote the first site)
            found += [f"{name}: {word}" for word in DUTCH if word in lower]
    assert found == []


def test_check_and_translations_speak_its_terms(project: Path) -> None:
    check = sitekit(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "content/help/index.md:1: info: fr: translation missing" in check.stdout
    table = sitekit(project, "translations")
    assert "page (source: en)" in table.stdout and "shown in the default language (en)" in table.stdout
    assert "Dutch" not in check.stdout + table.stdout


@pytest.mark.parametrize("edit, expected", [
    (("data/site.yml", "helpline: safeline", "helpline: nosuchline"),
     "data/site.yml:2: error: helpline: 'nosuchline' is not an id in data/helplines.yml"),
    (("content/parents/index.md", "audience: parents", "audience: ouders"),
     "content/parents/index.md:4: error: audience: 'ouders' is not allowed; use one of: teens, parents, teachers, everyone"),
    (("data/helplines.yml", "name: {en: Safe line, fr: Ligne sûre}", "name: {fr: Ligne sûre}"),
     "data/helplines.yml:3: error: safeline.name: 'en' is missing"),
    (("content/teens/index.md", "  - this-test-project", "  - nowhere"),
     "content/teens/index.md:7: error: sources: unknown source 'nowhere'; add it to data/sources.yml first"),
])
def test_a_mistake_is_named_in_its_terms(project: Path, edit: tuple[str, str, str], expected: str) -> None:
    path, old, new = edit
    file = project / path
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    check = sitekit(project, "check")
    assert check.returncode == 1 and "Traceback" not in check.stdout + check.stderr
    assert expected in check.stdout, check.stdout


def test_an_unknown_data_file_names_the_sites_own_files(project: Path) -> None:
    (project / "data" / "hulplijnen.yml").write_text("x: 1\n", encoding="utf-8")
    check = sitekit(project, "check")
    assert check.returncode == 1
    assert "data/hulplijnen.yml:1: error: the generator does not know this data file" in check.stdout
    assert "helplines.yml" in check.stdout and "sources.yml" in check.stdout


@contextlib.contextmanager
def serving(project: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sitekit", "serve", "--port", str(port)], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(proc)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8", "replace"))
    except Exception:  # noqa: BLE001 - not up yet
        return ""


def test_it_serves_its_default_language(project: Path) -> None:
    """`make serve` aborted on this site ("Locale nl is not present in languages"); it previews English."""
    with serving(project) as base:
        deadline = time.monotonic() + 90
        while "<html" not in _get(base) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert "<title>Stop online grooming" in _get(base)
        assert "builds English only" in _get(base + "fr/teens/")
