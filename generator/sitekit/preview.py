"""`make serve`: what the live preview remembers between rebuilds.

The plugin instance lives across rebuilds; what the preview server (sitekit/preview_server.py) must share
with it, in the same process, lives here.

An edit in data/ or overrides/ can change every page. Rendering all of them takes seconds, so the preview
works in two steps: first only the pages a browser looked at most recently (the editor sees the change at
once), then, in a second build that starts by itself, all the others. Until a page is rendered again it
is *pending*: the preview server (sitekit/preview_server.py) holds a request for it until it is fresh, so
no browser ever gets a stale page.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .paths import PACKAGE_DIR

FRAME_FOLDERS = ("data", "overrides")  # the site's data and its own theme folder (custom_dir), if it has one
SIGNAL_ENV = "SITE_PREVIEW_SIGNAL"  # a folder the preview server watches: a file written there starts a build
SECOND_BUILD_AFTER = 1.0  # seconds: the browsers reload the first step's pages before the second step starts
RECENT = 3  # how many recently viewed pages the first step renders
_last: dict[str, tuple[Any, ...] | None] = {"frame": None}
_mode: dict[str, bool] = {"serving": False, "dirty": False}
_viewed: list[str] = []  # page URLs ("hulp/"), most recent first
_pending: set[str] = set()  # page URLs whose HTML is older than the last change of data/ or overrides/
_fresh = threading.Condition()
_timer: list[threading.Timer] = []
_signalled = {"yes": False}  # a second build was asked for and has not started yet


def start(serving: bool, dirty: bool) -> None:
    """Called once per process (the plugin's on_startup)."""
    _mode["serving"], _mode["dirty"] = serving, dirty


def serving() -> bool:
    return _mode["serving"]


def frame_key(root: Path, extra: Iterable[Any] = ()) -> tuple[Any, ...]:
    """What every page depends on besides its own Markdown: data/, the site's overrides/ and the generator (its theme and code), and
    `extra` (the page titles, which every page's menu shows)."""
    found: list[Any] = []
    for folder in [root / name for name in FRAME_FOLDERS] + [PACKAGE_DIR]:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                found.append((str(path), stat.st_mtime_ns, stat.st_size))
    found.extend(extra)
    return tuple(found)


def frame_changed(root: Path, extra: Iterable[Any] = ()) -> bool:
    """True when data/, overrides/, the generator or `extra` changed since the previous build of this preview."""
    key = frame_key(root, extra)
    changed = _last["frame"] is not None and key != _last["frame"]
    _last["frame"] = key
    return changed


def page_url(request_path: str) -> str | None:
    """The page a request asks for ('/hulp/' and '/hulp/index.html' -> 'hulp/'), None for anything else."""
    path = request_path.split("?", 1)[0].lstrip("/")
    if path.startswith("livereload/") or not (path == "" or path.endswith("/") or path.endswith(".html")):
        return None
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path


def saw(url: str) -> None:
    """A browser asked for this page: it goes first the next time every page must be rendered."""
    with _fresh:
        if url in _viewed:
            _viewed.remove(url)
        _viewed.insert(0, url)
        del _viewed[RECENT:]


def viewed() -> list[str]:
    with _fresh:
        return list(_viewed)


def all_stale(urls: Iterable[str]) -> None:
    """Every page must be rendered again (data/ or overrides/ changed)."""
    with _fresh:
        _pending.update(urls)


def two_steps() -> bool:
    """The first step can only leave pages for a second when a second build can be started: under
    sitekit/preview_server.py (`make serve`), which also holds requests for pending pages, and with one
    language (with all languages every language's build would need its own pending pages)."""
    return bool(os.environ.get(SIGNAL_ENV)) and bool(os.environ.get("SITE_ONLY_LANGUAGE"))


def next_batch(known: Iterable[str], split: bool) -> set[str]:
    """The pending pages this build renders: with `split`, the recently viewed ones when there are others
    left for a second build; else all. Pages that no longer exist are dropped."""
    with _fresh:
        _signalled["yes"] = False
        _pending.intersection_update(set(known))
        first = {url for url in _viewed if url in _pending}
        return first if split and first and first != _pending else set(_pending)


def rendered(urls: Iterable[str]) -> bool:
    """These pages are fresh again; wakes the requests waiting for them. True when others still wait."""
    with _fresh:
        _pending.difference_update(urls)
        _fresh.notify_all()
        return bool(_pending)


def ask_for_second_build(after: float = SECOND_BUILD_AFTER) -> None:
    """Start the build that renders the pending pages: after `after` seconds (so that the browsers get the
    first step's pages before a build holds every request), or at once when a request needs one of them."""
    folder = os.environ.get(SIGNAL_ENV)
    if not folder:
        return

    def signal() -> None:
        with _fresh:
            if not _pending or _signalled["yes"]:
                return
            _signalled["yes"] = True
        (Path(folder) / "pending").write_text(str(time.time_ns()), encoding="utf-8")

    with _fresh:
        for timer in _timer:
            timer.cancel()
        _timer.clear()
        if after > 0:
            timer = threading.Timer(after, signal)
            timer.daemon = True
            _timer.append(timer)
            timer.start()
            return
    signal()


def pending() -> set[str]:
    with _fresh:
        return set(_pending)


def wait_until_fresh(url: str, timeout: float = 60.0) -> bool:
    """Hold a request for a pending page until the build that renders it is done (False on timeout)."""
    deadline = time.monotonic() + timeout
    with _fresh:
        while url in _pending:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            _fresh.wait(left)
    return True


def reset() -> None:
    """Forget everything (tests)."""
    with _fresh:
        _viewed.clear()
        _pending.clear()
        _signalled["yes"] = False
        _last["frame"] = None
