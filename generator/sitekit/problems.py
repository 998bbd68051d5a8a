"""A problem in a source file, reported as `path:line: level: message`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"
INFO = "info"


# A problem as printed (`path:line: level: message`), also after a generator's log prefix ("ERROR    -  ")
LINE_RE = re.compile(r"^(?:\w+\s+-\s+)?(\S[^:\n]*):(\d+): (error|warning|info): (.*)$")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    level: str = ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    @classmethod
    def from_line(cls, line: str) -> Problem | None:
        """The problem a printed line holds (its __str__, maybe after a log prefix), else None."""
        m = LINE_RE.match(line.rstrip())
        return cls(m.group(1), int(m.group(2)), m.group(4), m.group(3)) if m else None


def rel(path: str | Path, root: str | Path | None = None) -> str:
    """A path relative to the project root (or cwd) for messages editors can click."""
    p = Path(os.path.abspath(path))  # not resolve(): a link must be named, not the file it points to
    base = Path(os.path.abspath(root)) if root else Path.cwd()
    try:
        return p.relative_to(base).as_posix()
    except ValueError:
        return p.as_posix()


class ProblemsFound(Exception):
    """Raised when a file has problems that must stop the build."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
