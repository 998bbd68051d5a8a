"""`make serve`: what the live preview remembers between rebuilds.

MkDocs loads hooks.py afresh for every rebuild, so anything that must survive a rebuild lives here, in a
module Python keeps imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FRAME_FOLDERS = ("data", "overrides", "scripts")
_last: dict[str, tuple[Any, ...] | None] = {"frame": None}
_mode: dict[str, bool] = {"serving": False, "dirty": False}


def start(serving: bool, dirty: bool) -> None:
    """Called once per process (on_startup): hooks.py itself is loaded again for every rebuild."""
    _mode["serving"], _mode["dirty"] = serving, dirty


def serving() -> bool:
    return _mode["serving"]


def frame_key(root: Path) -> tuple[Any, ...]:
    """What every page depends on besides its own Markdown: data/, overrides/ and the build scripts."""
    found = []
    for folder in FRAME_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def frame_changed(root: Path) -> bool:
    """True when data/, overrides/ or scripts/ changed since the previous build of this preview."""
    key = frame_key(root)
    changed = _last["frame"] is not None and key != _last["frame"]
    _last["frame"] = key
    return changed
