"""Shared fixtures: the real site built once per session, served over HTTP, one Chromium."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from devtools.chromium import ARGS as CHROMIUM_ARGS  # scripts/ is on pytest's path (pytest.ini)
from devtools.chromium import executable as chromium_executable
from devtools.local_nginx import nginx

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["nl", "fr", "en"]


def content_pages() -> list[str]:
    """Dutch source pages as URL paths ('' for the home page, 'jongeren/' ...)."""
    pages = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        name = path.name
        if name.count(".") > 1:  # translations: page.fr.md
            continue
        rel = path.relative_to(ROOT / "content").with_suffix("").as_posix()
        if rel == "index":
            pages.append("")
        elif rel.endswith("/index"):
            pages.append(rel[: -len("index")])
        else:
            pages.append(rel + "/")
    return pages


def lang_prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with the project's own build command."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = subprocess.run([sys.executable, "-m", "sitekit", "build", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site served on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Debian Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    chromium = chromium_executable()
    # Playwright gives every launch a fresh, empty profile (its own --user-data-dir).
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A small site (this site's config and data, the installed generator) with a few tiny pages."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(re.sub(r"\nnav:\n.*?\n\n", "\n" + FIXTURE_NAV + "\n", config, count=1, flags=re.S),
                                         encoding="utf-8")
    for name in ("data",):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    content = tmp_path / "content"
    (content / "assets" / "images").mkdir(parents=True)
    for img in ("logo.svg", "favicon.svg", "laat-je-niet-pakken.svg"):  # the campaign visual: data/site.yml
        shutil.copy(ROOT / "content" / "assets" / "images" / img, content / "assets" / "images" / img)
    for lang in ("", ".fr", ".en"):
        (content / f"index{lang}.md").write_text(PAGE.format(title="Home", body="Bel {{ tel('childfocus') }}."), encoding="utf-8")
    for section in ("hulp", "over"):
        (content / section).mkdir()
        (content / section / "index.md").write_text(PAGE.format(title=section.title(), body="Tekst."), encoding="utf-8")
    (content / "hulp" / "sporen-wissen.md").write_text(PAGE.format(title="Sporen", body="Tekst."), encoding="utf-8")
    for name in ("privacy", "toegankelijkheid"):
        (content / "over" / f"{name}.md").write_text(PAGE.format(title=name.title(), body="Tekst."), encoding="utf-8")
    # every page address data/site.yml names must be a page (issue 28): the search page, the youth page the
    # QR code leads to, the checklist page to print and the lessons folder
    (content / "zoeken.md").write_text(PAGE.format(title="Zoeken", body="{{ page_index() }}"), encoding="utf-8")
    for page in ("jongeren/index.md", "professionals/signalen.md", "professionals/lesmateriaal/index.md"):
        (content / page).parent.mkdir(parents=True, exist_ok=True)
        (content / page).write_text(PAGE.format(title=Path(page).parent.name.title(), body="Tekst."), encoding="utf-8")
    return tmp_path


FIXTURE_NAV = """nav:
  - index.md
  - jongeren/index.md
  - Hulp:
      - hulp/index.md
      - hulp/sporen-wissen.md
  - Professionals:
      - professionals/signalen.md
      - professionals/lesmateriaal/index.md
  - Over:
      - over/index.md
      - over/privacy.md
      - over/toegankelijkheid.md
  - zoeken.md
"""

PAGE = """---
title: {title}
description: A small page of the fixture site used by the tests.
audience: iedereen
reviewed: 2026-11-22
sources:
  - dit-project
---

{body}
"""


def run_build(project: Path, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the project's safe build in a (fixture) project and return its output."""
    args = [sys.executable, "-m", "sitekit", "build"]
    if site is not None:
        args += ["--site-dir", str(site)]
    return subprocess.run(args, cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="session")
def nginx_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site behind Debian's nginx with the project's own deploy/nginx.conf."""
    with nginx(site_dir, tmp_path_factory.mktemp("nginx")) as url:
        yield url
