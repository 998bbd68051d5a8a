"""Files an editor may put in content/ and data/: pages, images, fonts and documents of a known type, no
file a web host would obey (`_redirects`, `.htaccess`), no links that lead out of the project."""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem, rel

# content/ holds Markdown, images, fonts and documents, and nothing else: an HTML or XHTML page would skip
# every check on the way, a host control file (_redirects, _headers, .htaccess) would redirect visitors.
ALLOWED_SUFFIXES = {".md", ".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".svg", ".woff2", ".woff"}


def leaves_project(path: Path, root: Path) -> bool:
    """True for a path that is, or passes through, a link to somewhere outside the project."""
    real_root = Path(os.path.realpath(root))
    target = Path(os.path.realpath(path))
    return target != real_root and real_root not in target.parents


def check_project_files(root: Path, folders: tuple[str, ...] = ("content", "data")) -> list[Problem]:
    problems = []
    real_root = Path(os.path.realpath(root))
    for folder in folders:
        base = root / folder
        if base.is_symlink():
            problems.append(Problem(rel(base, root), 1, LINK_MESSAGE))
            continue
        if not base.exists():
            continue
        for dirpath, dirnames, filenames in os.walk(base):  # does not follow links to folders
            for name in dirnames + filenames:
                path = Path(dirpath) / name
                shown = rel(path, root)
                if path.is_symlink():  # MkDocs follows links (to folders too) and publishes what is behind them
                    target = Path(os.path.realpath(path))
                    outside = target != real_root and real_root not in target.parents
                    problems.append(Problem(shown, 1, OUTSIDE_MESSAGE if outside else LINK_MESSAGE))
                    continue
                if folder == "content":
                    problems += _content_file(path, name, name in filenames, shown)
                elif name in filenames and not name.endswith(".yml"):
                    problems.append(Problem(shown, 1, "data/ holds .yml files only: move this file out of data/"))
    return problems


OUTSIDE_MESSAGE = "this is a link to a file outside the project; copy the file into the project instead"
LINK_MESSAGE = ("links (symlinks) are not allowed in content/ and data/: the build would publish what is behind "
                "them unchecked; copy the file here instead")


def _content_file(path: Path, name: str, is_file: bool, shown: str) -> list[Problem]:
    """A file or folder of content/ that would be published: a known type, a plain name, a clean SVG."""
    if name.startswith(("_", ".")):
        what = "file" if is_file else "folder"
        return [Problem(shown, 1, f"a {what} name starting with '{name[0]}' is not allowed in content/: web hosts "
                                  "obey such files (_redirects, _headers, .htaccess); rename it")]
    if not is_file:
        return []
    suffix = path.suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        return [Problem(shown, 1, f"{suffix or 'files without a type'} files are not allowed in content/: pages are "
                                  "Markdown (.md); other files may be " + ", ".join(sorted(ALLOWED_SUFFIXES - {".md"}))
                                  + " (scripts live in sitekit/theme/assets/javascripts/)")]
    if suffix == ".svg" and not path.is_symlink():
        from .svg_guard import check_svg

        return [Problem(shown, line, message) for line, message in check_svg(path.read_bytes())]
    if (suffix in IMAGE_FORMATS or suffix in FONT_SIGNATURES) and not path.is_symlink() \
            and not _is_what_its_name_says(path, suffix):
        # a browser and WeasyPrint look at the bytes, not the name: an SVG named .png skipped the SVG check,
        # showed text (a phone number) in a PDF and could hang the PDF step (new-team/hostile review, issue 28)
        return [Problem(shown, 1, f"this file's content is not {suffix[1:].upper()}: save it in the format its "
                                  "name says (an SVG keeps the .svg name, so that it is checked)")]
    return []


# The formats Pillow must read a raster image as (WeasyPrint prints images through Pillow, and tries
# anything Pillow cannot read as SVG); fonts by their format's signature.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP", ".avif": "AVIF"}
FONT_SIGNATURES = {".woff": b"wOFF", ".woff2": b"wOF2"}


def _is_what_its_name_says(path: Path, suffix: str) -> bool:
    if suffix in FONT_SIGNATURES:
        with path.open("rb") as f:
            return f.read(4) == FONT_SIGNATURES[suffix]
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # a huge image is not published either
            with Image.open(path) as image:
                image.verify()
                return image.format == IMAGE_FORMATS[suffix]
    except Exception:  # noqa: BLE001 - anything Pillow cannot read is not that image
        return False
