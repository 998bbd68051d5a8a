"""`make serve` tells the truth: an edit in a page, a data file or a template shows in the served page
(never a stale page), and the Dutch-only preview says so where a link leads to what it did not build.
How fast is measured by `make bench` (preview_kinds), not here."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.local_nginx import free_port
from devtools.processes import stop
from sitekit.paths import THEME_DIR


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - not up yet, or being rebuilt
        return ""


@contextlib.contextmanager
def serving(project: Path, generator: str = "mkdocs") -> Iterator[str]:
    """`make serve` of the project on a free port (Dutch only); its address. Stopped afterwards."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sitekit", "serve", "--port", str(port)],
                            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_LANGUAGE": "nl",
                                 "SITE_GENERATOR": generator})
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(proc)


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in get(url):
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_page_data_and_template_edits_all_show(fixture_project: Path, generator: str) -> None:
    # the site's own template (theme.custom_dir) over the generator's: an edit in it shows like any other
    own = fixture_project / "overrides" / "partials" / "site" / "footer-links.html"
    own.parent.mkdir(parents=True)
    own.write_text((THEME_DIR / "partials" / "site" / "footer-links.html").read_text(encoding="utf-8"), encoding="utf-8")
    config = fixture_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1),
                      encoding="utf-8")
    with serving(fixture_project, generator) as base:
        assert wait_for(base + "over/", "<html"), "make serve did not start"
        time.sleep(1.5)  # let the watcher settle
        page = fixture_project / "content" / "over" / "index.md"
        page.write_text(page.read_text(encoding="utf-8").replace("Tekst.", "Tekst PAGINAMARKER."), encoding="utf-8")
        assert wait_for(base + "over/", "PAGINAMARKER"), "a page edit never showed"
        ui = fixture_project / "data" / "ui.yml"
        ui.write_text(ui.read_text(encoding="utf-8").replace('footer.privacy: {nl: "', 'footer.privacy: {nl: "DATAMARKER ', 1),
                      encoding="utf-8")
        assert wait_for(base + "over/", "DATAMARKER"), "a data edit never showed on a page that did not change"
        # the page looked at comes first, the others follow: a request for one of them waits, never stale
        assert "DATAMARKER" in get(base + "hulp/"), "a data edit left another page stale"
        assert "DATAMARKER" in get(base + "over/privacy/"), "a data edit left another page stale"
        tpl = fixture_project / "overrides" / "partials" / "site" / "footer-links.html"
        tpl.write_text(tpl.read_text(encoding="utf-8").replace("<ul ", "<p>SJABLOONMARKER</p><ul ", 1), encoding="utf-8")
        assert wait_for(base + "hulp/sporen-wissen/", "SJABLOONMARKER"), "a template edit never showed"
        # the Dutch-only preview: another language says it was not built, with a way back
        french = get(base + "fr/over/")
        assert "SITE_LANGUAGE=all" in french and 'href="../../over/"' in french


def menu(html: str) -> str:
    """The side menu of a served page."""
    start = html.find("md-nav--primary")
    return html[start:html.find("md-sidebar--secondary", start)] if start >= 0 else ""


def test_a_page_edit_keeps_the_other_pages_titles_in_the_menu(fixture_project: Path) -> None:
    """--dirty reads only the edited page: the menu must still name every other page (not "None"), and
    a changed title reaches the other pages' menus."""
    with serving(fixture_project) as base:
        assert wait_for(base + "over/", "<html"), "make serve did not start"
        before = menu(get(base + "over/"))
        assert "Privacy" in before and not re.search(r">\s*None\s*<", before)
        time.sleep(1.5)
        page = fixture_project / "content" / "over" / "index.md"
        page.write_text(page.read_text(encoding="utf-8").replace("Tekst.", "Tekst MENUMARKER."), encoding="utf-8")
        assert wait_for(base + "over/", "MENUMARKER"), "a page edit never showed"
        after = menu(get(base + "over/"))
        assert "Privacy" in after, "the menu lost another page's title after a page edit"
        assert not re.search(r">\s*None\s*<", after), "the menu says None for a page after a page edit"
        time.sleep(1.5)
        other = fixture_project / "content" / "over" / "privacy.md"
        other.write_text(other.read_text(encoding="utf-8").replace("title: Privacy", "title: Privacy TITELMARKER"),
                         encoding="utf-8")
        assert wait_for(base + "over/", "TITELMARKER"), "a new title never showed in another page's menu"
        assert "TITELMARKER" in menu(get(base + "over/"))
