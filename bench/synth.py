"""Synthetic pages (nl, fr, en) that pass the site's own checks, to measure how builds scale."""

from __future__ import annotations

from pathlib import Path

SECTIONS = 10
WORDS = {
    "nl": ("Een tienerpooier doet eerst alsof hij verliefd is. Daarna wil hij controle. Je vrienden zien je "
           "minder vaak. Praat erover met iemand die je vertrouwt. Hulp is gratis en anoniem. "),
    "fr": ("Un proxénète d'ados fait d'abord semblant d'être amoureux. Ensuite, il veut tout contrôler. "
           "Tu vois moins tes amis. Parles-en à quelqu'un de confiance. L'aide est gratuite et anonyme. "),
    "en": ("A teen pimp first pretends to be in love. Then he wants control. You see your friends less often. "
           "Talk to someone you trust. Help is free and anonymous. "),
}
PAGE = """---
title: {title}
description: A synthetic page for the build benchmark, with realistic length and links.
audience: iedereen
reviewed: 2026-11-23
sources:
  - dit-project
---

{body}
"""


def _body(lang: str, index: int, link: str) -> str:
    paragraphs = [WORDS[lang] * 2 for _ in range(5)]
    return (f"## Deel {index}\n\n" + "\n\n".join(paragraphs[:2]) + "\n\n## Meer\n\n"
            + "\n\n".join(paragraphs[2:]) + f"\n\n[{link}]({link})\n")


def add_synthetic_pages(content: Path, count: int) -> None:
    """Exactly count pages per language, spread over content/bench/sNN/ (the first of each folder is its index)."""
    for k in range(count):
        section, nth = k % SECTIONS, k // SECTIONS
        folder = content / "bench" / f"s{section:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        name, title, link = ("index", f"Sectie {section}", "../../index.md") if nth == 0 else \
            (f"p{nth:04d}", f"Pagina {section}.{nth}", "index.md")
        for lang in WORDS:
            suffix = "" if lang == "nl" else f".{lang}"
            (folder / f"{name}{suffix}.md").write_text(
                PAGE.format(title=title, body=_body(lang, nth, link)), encoding="utf-8")
