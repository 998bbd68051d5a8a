"""A time budget for the steps of one page: a page that takes longer than any real page ever does (a template
of nested loops, markup made to be slow) fails the build with `file:line: error:` instead of hanging it.

Uses the process timer (SIGALRM), so it works in the thread that builds (the main thread of `mkdocs build`,
which `make build` and `make check` run); elsewhere (a preview server's worker) it does nothing."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType

from .problems import Problem

PAGE_SECONDS = 10.0  # the largest real page renders in well under a second on this machine


class OverBudget(Exception):
    """Mixed into the error a caller raises when time is up, so that no step on the way swallows it."""


_armed: list[bool] = []


def _usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def start(error: Callable[[], Exception], seconds: float = PAGE_SECONDS) -> None:
    """From now on, `seconds` for this step; past them error() is raised wherever the build is."""
    if not _usable():
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        stop()
        raise error()

    _armed[:] = [True]
    signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def stop() -> None:
    if _usable() and _armed:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _armed.clear()


def over_budget(problem: Problem) -> str:
    return f"{problem}\n1 error(s): the site was not built."
