"""Turn what MkDocs (or ProperDocs) prints into the editors' `file:line: error: message` lines."""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem

LEVEL_RE = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
LINK_RE = re.compile(r"Doc file '([^']+)' contains a link '([^']+)', but the target '([^']+)' is not found")
ANCHOR_RE = re.compile(r"Doc file '([^']+)' contains a link '([^']+)', but the doc '([^']+)' does not contain an anchor")
UNRECOGNIZED_RE = re.compile(r"Doc file '([^']+)' contains an? (?:absolute|unrecognized) link '([^']+)'")
NOISE = ("Aborted with", "Error reading page", "Error building page", "Error: MkDocs encountered an error", "Error: ProperDocs encountered an error")


def _line(root: Path, docs: str, src: str, needle: str) -> int:
    try:
        text = (root / docs / src).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    i = text.find(needle)
    return text.count("\n", 0, i) + 1 if i >= 0 else 1


def problems_from_output(output: str, root: Path, docs: str = "content") -> list[Problem]:
    """Every error the generator printed, as a Problem at a file and line; nothing is lost."""
    found: list[Problem] = []
    pending: list[str] = []
    for raw in output.splitlines():
        line = raw.rstrip()
        ours = Problem.from_line(line)
        if ours is not None and ours.level == "error":
            found.append(ours)
            continue
        m = LEVEL_RE.match(line)
        if not m:
            continue
        text = m.group(2).strip()
        if any(text.startswith(n) for n in NOISE) or re.match(r"^\d+ error\(s\): the site was not built\.$", text):
            continue
        if (lm := LINK_RE.search(text)):
            src, link, target = lm.groups()
            found.append(Problem(f"{docs}/{src}", _line(root, docs, src, link),
                                 f"link '{link}': the page '{target}' does not exist"))
        elif (am := ANCHOR_RE.search(text)):
            src, link, target = am.groups()
            found.append(Problem(f"{docs}/{src}", _line(root, docs, src, link),
                                 f"link '{link}': '{target}' has no heading with that anchor"))
        elif (um := UNRECOGNIZED_RE.search(text)):
            src, link = um.groups()
            found.append(Problem(f"{docs}/{src}", _line(root, docs, src, link),
                                 f"link '{link}' cannot be followed: link to a page with its .md file name"))
        elif "Config value" in text or "mkdocs.yml" in text:
            found.append(Problem("mkdocs.yml", 1, text))
        else:
            pending.append(text)
    # anything else the generator complained about still fails, with its own words
    found += [Problem("mkdocs.yml", 1, text) for text in pending if Problem.from_line(text) is None]
    unique: list[Problem] = []
    for p in found:
        if p not in unique:
            unique.append(p)
    return unique
