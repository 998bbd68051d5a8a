"""The font of the PDF downloads: an open-licence font from a pinned Python package, never the build
machine's default.

data/site.yml `downloads.font` names the package (default font_source_sans_pro, SIL OFL 1.1, from the
"fonts" family of packages on PyPI, which keep their files in <package>/files/). The print stylesheet
gets @font-face rules for its regular, italic, bold and bold italic faces under one family name, and
WeasyPrint may read exactly these files (sitekit/pdf_fetcher.py) besides the built site. The PDFs embed
the subset they use.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

DEFAULT_PACKAGE = "font_source_sans_pro"
FAMILY = "Project Sans"  # the name print.css uses; the PDF keeps the font's own name
FACES = {  # (weight, style) -> file name suffix after the family prefix
    ("normal", "normal"): "Regular",
    ("normal", "italic"): "It",
    ("bold", "normal"): "Bold",
    ("bold", "italic"): "BoldIt",
}


class FontMissing(Exception):
    pass


def package_name(site_facts: dict[str, Any] | None) -> str:
    return ((site_facts or {}).get("downloads") or {}).get("font") or DEFAULT_PACKAGE


def font_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        raise FontMissing(f"the PDF font package '{package}' is not installed: run `make setup` "
                          f"(it must be pinned in requirements.txt)")
    return Path(spec.origin).parent / "files"


def face_files(package: str) -> dict[tuple[str, str], Path]:
    folder = font_dir(package)
    regular = sorted(folder.glob("*-Regular.ttf"))
    if not regular:
        raise FontMissing(f"the font package '{package}' has no *-Regular.ttf in {folder}")
    prefix = regular[0].name[: -len("Regular.ttf")]
    faces = {key: folder / f"{prefix}{suffix}.ttf" for key, suffix in FACES.items()}
    missing = [p.name for p in faces.values() if not p.is_file()]
    if missing:
        raise FontMissing(f"the font package '{package}' lacks {', '.join(missing)}")
    return faces


def font_face_css(package: str) -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: {style}; src: url("{path.as_uri()}"); }}'
        for (weight, style), path in face_files(package).items())
