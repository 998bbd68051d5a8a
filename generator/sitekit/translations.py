"""Translation status: for each Dutch page and each other language, present / missing / outdated.

A translation records the hash of the Dutch file it was made from in its front matter:

    translation:
      source_hash: 3f2a9c1b7d4e

When the Dutch file changes, the hash no longer matches and the translation is "outdated".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .yamltext import split_front_matter

PRESENT, MISSING, OUTDATED, UNSTAMPED = "present", "missing", "outdated", "no hash"


def source_hash(dutch: Path) -> str:
    return hashlib.sha256(dutch.read_bytes()).hexdigest()[:12]


@dataclass(frozen=True)
class Status:
    page: str
    lang: str
    state: str


def translation_path(dutch: Path, lang: str) -> Path:
    return dutch.with_name(f"{dutch.stem}.{lang}.md")


def recorded_hash(path: Path) -> str | None:
    fm, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    try:
        meta = yaml.safe_load(fm or "") or {}
    except yaml.YAMLError:
        return None
    return (meta.get("translation") or {}).get("source_hash") if isinstance(meta, dict) else None


def dutch_pages(content: Path) -> list[Path]:
    return sorted(p for p in content.rglob("*.md") if p.name.count(".") == 1)


def status(content: Path, languages: list[str]) -> list[Status]:
    out = []
    for dutch in dutch_pages(content):
        page = dutch.relative_to(content).as_posix()
        for lang in languages[1:]:
            tr = translation_path(dutch, lang)
            if not tr.exists():
                state = MISSING
            else:
                recorded = recorded_hash(tr)
                state = UNSTAMPED if recorded is None else PRESENT if recorded == source_hash(dutch) else OUTDATED
            out.append(Status(page, lang, state))
    return out


def orphans(content: Path, languages: list[str]) -> list[Path]:
    """Translations whose Dutch source file does not exist."""
    found = []
    for lang in languages[1:]:
        for tr in content.rglob(f"*.{lang}.md"):
            if not tr.with_name(tr.name.replace(f".{lang}.md", ".md")).exists():
                found.append(tr)
    return sorted(found)


def stamp(translation: Path, dutch: Path) -> None:
    """Record the Dutch source's hash in a translation (after a translator checked it)."""
    text = translation.read_text(encoding="utf-8")
    digest = source_hash(dutch)
    if re.search(r"^translation:\n  source_hash: \w+\n", text, re.M):
        text = re.sub(r"^(translation:\n  source_hash: )\w+", rf"\g<1>{digest}", text, count=1, flags=re.M)
    else:
        text = re.sub(r"\A---\n", f"---\ntranslation:\n  source_hash: {digest}\n", text, count=1)
    translation.write_text(text, encoding="utf-8")
