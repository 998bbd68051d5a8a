"""The exit from MkDocs is tested: ProperDocs builds this site identically, apart from the generator tag."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(site: Path, generator: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitekit", "build", "--site-dir", str(site), "--no-pdf"],
                          cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_GENERATOR": generator})


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    pytest.importorskip("properdocs")
    results = {g: build(tmp_path / g / "site", g) for g in ("mkdocs", "properdocs")}
    for g, r in results.items():
        assert r.returncode == 0, f"{g}:\n{r.stdout}\n{r.stderr}"
    mk, pd = tmp_path / "mkdocs" / "site", tmp_path / "properdocs" / "site"
    files = sorted(p.relative_to(mk) for p in mk.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(pd) for p in pd.rglob("*") if p.is_file())
    different = []
    for rel in files:
        a, b = (mk / rel).read_bytes(), (pd / rel).read_bytes()
        if a != b and GENERATOR_TAG.sub(b"", a) != GENERATOR_TAG.sub(b"", b):
            different.append(str(rel))
    assert different == []
    assert b"ProperDocs" in (pd / "index.html").read_bytes()


def test_an_unknown_generator_is_a_message(tmp_path: Path) -> None:
    r = build(tmp_path / "site", "hugo")
    assert r.returncode != 0 and "Traceback" not in r.stdout + r.stderr
    assert "SITE_GENERATOR='hugo'" in r.stdout + r.stderr
