"""`sitekit release` (`make release`): the build to publish. The same as `sitekit build`, but it refuses
when a setting only the site's owner can give is missing (the publisher's contact first): `build` names
them as warnings, `release` stops, names the file and line, and keeps the last good site/.
The generator never invents such a value.
Usage: sitekit release [--site-dir site]
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitekit.commands import build
from sitekit.content_checks import owner_settings_missing
from sitekit.problems import ERROR, Problem
from sitekit.siteconfig import ConfigProblem, read_config
from sitekit.sitedata import load_data

ROOT = Path.cwd()


def missing(root: Path) -> list[Problem]:
    try:
        config = read_config(root)
    except ConfigProblem as exc:
        return [exc.problem]
    data, problems = load_data(root / "data", config.languages, root, config.terms)
    errors = [p for p in problems if p.level == ERROR]
    return errors or owner_settings_missing(data, ERROR)


def run(argv: list[str]) -> int:
    refused = missing(ROOT)
    if refused:
        site_dir, _, _ = build.parse(argv)
        return build.failed(refused, site_dir.resolve(), "Not published")
    print("Owner settings: complete", file=sys.stderr)
    return build.run(argv)
