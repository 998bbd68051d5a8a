"""Files an editor may put in content/ and data/: no HTML pages, no links that lead out of the project."""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem, rel

# content/ holds Markdown, images and documents; a page of HTML would skip every check on the way.
FORBIDDEN_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".js", ".mjs"}


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
        if not base.exists():
            continue
        for dirpath, dirnames, filenames in os.walk(base):  # does not follow links to folders
            for name in dirnames + filenames:
                path = Path(dirpath) / name
                shown = rel(path, root)
                if path.is_symlink():
                    target = Path(os.path.realpath(path))
                    if target != real_root and real_root not in target.parents:
                        problems.append(Problem(shown, 1, "this is a link to a file outside the project; "
                                                          "copy the file into the project instead"))
                        continue
                if folder == "content" and name in filenames and path.suffix.lower() in FORBIDDEN_SUFFIXES:
                    problems.append(Problem(shown, 1, f"{path.suffix} files are not allowed in content/: write the "
                                                      "page in Markdown (scripts live in overrides/assets/javascripts/)"))
    return problems
