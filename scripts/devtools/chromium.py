"""Debian's Chromium, launched so it never reaches the network (else it hangs on a closed network)."""

from __future__ import annotations

import shutil

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def executable() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"
