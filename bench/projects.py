"""Throw-away copies of the project to build: ours (real config) or the baseline (bench/baseline.yml),
optionally grown with synthetic pages to a given number of pages per language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bench.synth import add_synthetic_pages

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def dutch_page_count(content: Path) -> int:
    return sum(1 for p in content.rglob("*.md") if p.name.count(".") == 1)


def make_project(kind: str, dest: Path, pages_per_language: int | None = None) -> Path:
    """A buildable copy in dest. kind: 'ours' or 'baseline'. Returns dest."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copytree(ROOT / "content", dest / "content", ignore=IGNORE)
    if kind == "ours":
        shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
        for name in ("data",):  # the generator is the installed package
            shutil.copytree(ROOT / name, dest / name, ignore=IGNORE)
    elif kind == "baseline":
        shutil.copy(ROOT / "bench" / "baseline.yml", dest / "mkdocs.yml")
        for page in (dest / "content").rglob("*.md"):  # our home template does not exist in plain Material
            text = page.read_text(encoding="utf-8")
            page.write_text(re.sub(r"^template: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    else:
        raise ValueError(kind)
    if pages_per_language is not None:
        missing = pages_per_language - dutch_page_count(dest / "content")
        add_synthetic_pages(dest / "content", max(missing, 0))
        if kind == "ours":
            add_to_menu(dest)
    return dest


def with_own_template(project: Path, name: str = "partials/site/footer-links.html") -> Path:
    """The site's own copy of one of the generator's templates (theme.custom_dir: overrides), to edit."""
    from sitekit.paths import THEME_DIR

    own = project / "overrides" / name
    own.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(THEME_DIR / name, own)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1),
                      encoding="utf-8")
    return project


def add_to_menu(project: Path) -> None:
    """Our mkdocs.yml lists every page in `nav:`; give the synthetic pages a menu section at its end."""
    folders = sorted((project / "content" / "bench").glob("s*"))
    if not folders:
        return
    lines = ["  - Bench:"]
    for folder in folders:
        pages = sorted(p.name for p in folder.glob("*.md") if p.name.count(".") == 1)
        pages.sort(key=lambda n: n != "index.md")
        lines.append(f"      - {folder.name}:")
        lines += [f"          - bench/{folder.name}/{name}" for name in pages]
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(\nnav:\n.*?)\n\n", lambda m: m.group(1) + "\n" + "\n".join(lines) + "\n\n", text, count=1, flags=re.S)
    config.write_text(text, encoding="utf-8")
