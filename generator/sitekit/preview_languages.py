"""`make serve` builds one language (SITE_LANGUAGE, default the site's default language): a link to another
language lands on a small page that says so, with a way back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from .markdown_data import MarkdownData


def write_not_built(site: Path, only: str, languages: list[str], page_urls: Iterable[str], helper: MarkdownData,
                    names: Mapping[str, str]) -> None:
    urls = list(page_urls)
    for other in languages:
        if other == only:
            continue
        try:
            name = helper.ui(f"lang.{other}")
        except Exception:  # noqa: BLE001 - a site without language names shows the i18n name or the code
            name = str(names.get(other, other))
        text = helper.md(helper.ui("preview.not_built").replace("{lang}", name))
        for url in urls:
            target = site / other / url / "index.html"
            back = "../" * (url.count("/") + 1) + url
            html = (f'<!doctype html><html lang="{only}"><meta charset="utf-8"><title>make serve</title>'
                    f'<p>{text}</p><p><a href="{back}">{helper.md(helper.ui("preview.back"))}</a></p></html>')
            if target.is_file() and target.read_text(encoding="utf-8") == html:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
