"""Child processes of the tests and the bench (`make serve` and the like)."""

from __future__ import annotations

import subprocess


def stop(proc: subprocess.Popen, seconds: float = 20) -> None:
    """Ask the process to stop (SIGTERM: `make serve` shuts down like on Ctrl+C); kill it if it does not."""
    proc.terminate()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
