"""Owner settings (issue 28): a setting only the site's owner can give (the publisher's contact) is named by
every `make build` as a warning, and `make release` refuses to publish without it, keeping the last good
site/. The generator never fills it in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def sitekit(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitekit", *args], cwd=project, capture_output=True, text=True, env=ENV)


def test_build_warns_and_release_refuses_until_the_owner_gives_the_contact(fixture_project: Path) -> None:
    publisher = fixture_project / "data" / "uitgever.yml"
    assert "contact:" not in publisher.read_text(encoding="utf-8")
    release = sitekit(fixture_project, "release", "--no-pdf")
    out = release.stdout + release.stderr
    assert release.returncode == 1 and "Traceback" not in out
    assert "data/uitgever.yml:1: error: not ready to publish" in out and "Not published" in out
    assert not (fixture_project / "site").exists()

    build = sitekit(fixture_project, "build", "--no-pdf")
    assert build.returncode == 0, build.stdout + build.stderr
    assert "data/uitgever.yml:1: warning: not ready to publish" in build.stdout
    before = (fixture_project / "site" / "index.html").read_bytes()

    assert sitekit(fixture_project, "release", "--no-pdf").returncode == 1
    assert (fixture_project / "site" / "index.html").read_bytes() == before  # the last good site/ stays

    publisher.write_text(publisher.read_text(encoding="utf-8") + "contact:\n  email: redactie@example.org\n",
                         encoding="utf-8")  # a placeholder (a domain reserved for examples) is not a contact
    refused = sitekit(fixture_project, "release", "--no-pdf")
    assert refused.returncode == 1 and "placeholder address" in refused.stdout + refused.stderr
    publisher.write_text(publisher.read_text(encoding="utf-8").replace("redactie@example.org", "redactie@stoptienerpooiers.be"),
                         encoding="utf-8")  # only in this test's copy of the data
    release = sitekit(fixture_project, "release", "--no-pdf")
    assert release.returncode == 0, release.stdout + release.stderr
    assert "not ready to publish" not in release.stdout + release.stderr
