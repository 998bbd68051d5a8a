"""One pipeline (issue 28): `mkdocs build`, `properdocs build` and `make build` make the same site, byte for
byte apart from the generator tag: checks, pages, PDFs, the cut stylesheet, the guard and the headers are
all the plugin's steps. Before, a plain `mkdocs build` made no PDFs, no headers and an uncut stylesheet."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def differences(a: Path, b: Path) -> list[str]:
    files = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    others = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    found = [f"only in one: {name}" for name in sorted(set(files) ^ set(others))]
    for name in sorted(set(files) & set(others)):
        x, y = (a / name).read_bytes(), (b / name).read_bytes()
        if x != y and GENERATOR_TAG.sub(b"", x) != GENERATOR_TAG.sub(b"", y):
            found.append(name)
    return found


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_the_generators_own_build_makes_the_same_site_as_make_build(site_dir: Path, tmp_path: Path,
                                                                  generator: str) -> None:
    out = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", generator, "build", "-q", "-f", "mkdocs.yml", "--strict", "-d", str(out)],
                       cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert r.returncode == 0, r.stdout + r.stderr
    assert (out / "downloads" / "signalenlijst-professionals.nl.pdf").is_file() and (out / "_headers").is_file()
    assert differences(site_dir, out) == []


def test_an_unknown_generator_is_a_message(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "sitekit", "build", "--site-dir", str(tmp_path / "site"), "--no-pdf"],
                       cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_GENERATOR": "hugo"})
    assert r.returncode != 0 and "Traceback" not in r.stdout + r.stderr
    assert "SITE_GENERATOR='hugo'" in r.stdout + r.stderr
