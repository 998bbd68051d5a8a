"""`make check`: the editorial check of all content, as `path:line: level: message` lines.

Exits non-zero when there is at least one error; warnings and info never fail.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitekit.content_checks import run_checks  # noqa: E402
from sitekit.problems import ERROR  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    problems, report = run_checks(ROOT)
    by_file: dict[str, list] = {}
    for p in sorted(problems, key=lambda p: (p.path, p.line)):
        by_file.setdefault(p.path, []).append(p)
    for path, items in by_file.items():
        print(f"\n{path}")
        for p in items:
            print(f"  {p}")
    if report:
        print("\n" + report)
    counts = Counter(p.level for p in problems)
    summary = ", ".join(f"{counts.get(level, 0)} {level}(s)" for level in ("error", "warning", "info"))
    print(f"\nmake check: {summary}")
    return 1 if counts.get(ERROR) else 0


if __name__ == "__main__":
    raise SystemExit(main())
