"""An image WeasyPrint cannot load or drops is an error that names the file, never a PDF printed without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from sitekit.downloads import LostInPrint, PrintJob, _print


def test_an_image_weasyprint_drops_fails_the_print(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    Image.new("1", (20000, 20000)).save(site / "assets" / "huge.png")
    job = PrintJob('<html lang="nl"><title>x</title><p>Les</p><img src="assets/huge.png" alt="x"></html>', site,
                   site / "downloads" / "les.nl.pdf", "lessons", "Les", "nl", site, site)
    with pytest.raises(LostInPrint) as caught:
        _print(job)
    assert caught.value.problem.path == "content/assets/huge.png"
    assert "les.nl.pdf" in caught.value.problem.message


def test_a_page_with_a_normal_image_prints(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    Image.new("RGB", (40, 40), "white").save(site / "assets" / "ok.png")
    job = PrintJob('<html lang="nl"><title>x</title><p>Les</p><img src="assets/ok.png" alt="x"></html>', site,
                   site / "downloads" / "les.nl.pdf", "lessons", "Les", "nl", site, site)
    assert _print(job).out.stat().st_size > 0
