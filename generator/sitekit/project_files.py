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
    if suffix in SIGNATURES and not path.is_symlink() and not _has_signature(path, suffix):
        # a browser and WeasyPrint look at the bytes, not the name: an SVG named .png skipped the SVG check,
        # showed text (a phone number) in a PDF and could hang the PDF step (new-team/hostile review, issue 28)
        return [Problem(shown, 1, f"this file's content is not {suffix[1:].upper()}: save it in the format its "
                                  "name says (an SVG keeps the .svg name, so that it is checked)")]
    return []


# What the first bytes of each image and font type are (the file formats' own signatures).
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".avif": (b"ftyp",), ".woff": (b"wOFF",), ".woff2": (b"wOF2",)}


def _has_signature(path: Path, suffix: str) -> bool:
    with path.open("rb") as f:
        head = f.read(16)
    if suffix == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    if suffix == ".avif":  # an ISO box: its size (big-endian, at least the 16 bytes read) then 'ftyp' and a brand
        size = int.from_bytes(head[:4], "big")
        return 16 <= size <= min(path.stat().st_size, 4096) and head[4:8] == b"ftyp" and \
            head[8:12] in (b"avif", b"avis", b"mif1", b"msf1")
    return head.startswith(SIGNATURES[suffix])
