"""A site's own words for what the generator knows by role: its audiences and the names of its data files.

Set in mkdocs.yml (`plugins: - sitekit: audiences: [...], data_files: {...}`, sitekit/config.py). The
defaults are the names of the first site made with the generator (Dutch); a site in another language
names its own, and every message then uses its names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .problems import Problem

# role in mkdocs.yml (data_files) -> the generator's key for that data (its schema: sitekit/schemas/<key>.schema.json)
DATA_ROLES: dict[str, str] = {
    "site": "site", "ui": "ui", "helplines": "hulplijnen", "sources": "bronnen", "publisher": "uitgever",
    "domains": "domeinen", "words": "woorden", "search": "zoeken", "readability": "readability",
    "lessons": "lessen", "help_finder": "hulpwijzer", "checklists": "checklists",
}
DEFAULT_AUDIENCES: tuple[str, ...] = ("jongeren", "ouders", "professionals", "iedereen")


@dataclass(frozen=True)
class Terms:
    languages: tuple[str, ...] = ("nl",)   # the default language first
    audiences: tuple[str, ...] = DEFAULT_AUDIENCES
    files: Mapping[str, str] = field(default_factory=dict)  # the generator's key -> the site's file name (no .yml)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def file(self, key: str) -> str:
        """The site's name for a data file (or folder): 'helplines' for the generator's 'hulplijnen'."""
        return self.files.get(key, key)

    def key(self, name: str) -> str | None:
        """The generator's key for a data file name of the site; None when it is no data file of the generator."""
        found = [k for k in DATA_ROLES.values() if self.file(k) == name]
        return found[0] if found else None

    def clashes(self) -> list[Problem]:
        """Two roles named by one file: one of them would never be read (a publisher read as the site file)."""
        return unknown_roles({role: self.file(key) for role, key in DATA_ROLES.items()})

    def role(self, key: str) -> str:
        """The role mkdocs.yml names this data by: 'helplines' for the generator's 'hulplijnen'."""
        return next((role for role, k in DATA_ROLES.items() if k == key), key)

    def shown(self, key: str) -> str:
        """data/helplines.yml, as messages name it."""
        return f"data/{self.file(key)}.yml"


def terms_from(languages: list[str] | tuple[str, ...], audiences: list[str] | tuple[str, ...] | None = None,
               data_files: Mapping[str, str] | None = None) -> Terms:
    """Terms from the plugin's settings: data_files maps roles (helplines, sources ...) to file names."""
    files = {DATA_ROLES[role]: name for role, name in (data_files or {}).items() if role in DATA_ROLES}
    return Terms(tuple(languages), tuple(audiences or DEFAULT_AUDIENCES), files)


AUDIENCE_ID_RE = re.compile(r"[a-z][a-z0-9-]{0,30}")  # used with fullmatch: no newline at the end
FILE_NAME_RE = re.compile(r"[a-z][a-z0-9_-]{0,40}")


def unknown_roles(data_files: Mapping[str, str], audiences: list[str] | tuple[str, ...] = ()) -> list[Problem]:
    """The plugin's settings checked: data_files names only roles the generator knows, each with a plain file
    name of its own; audience ids are plain words, each once (they become data attributes and ui keys)."""
    problems: list[Problem] = []

    def say(message: str) -> None:
        problems.append(Problem("mkdocs.yml", 1, f"plugins: sitekit: {message}"))

    for a in audiences:
        if not AUDIENCE_ID_RE.fullmatch(a):
            say(f"audiences: {a!r} must be lowercase letters, digits or -, starting with a letter")
    for a in sorted({a for a in audiences if list(audiences).count(a) > 1}):
        say(f"audiences: {a!r} is named twice")
    for role, name in data_files.items():
        if role not in DATA_ROLES:
            say(f"data_files: '{role}' is not a data file of the generator; its roles are {', '.join(sorted(DATA_ROLES))}")
        elif not FILE_NAME_RE.fullmatch(name):
            say(f"data_files: {role}: {name!r} must be a plain file name without .yml (lowercase letters, digits, - or _)")
    for name, roles in _shared(data_files).items():
        say(f"data_files: '{name}' names two data files ({', '.join(sorted(roles))}); each role needs a file of its own")
    return problems


def _shared(data_files: Mapping[str, str]) -> dict[str, list[str]]:
    """File names that two roles would share, counting the roles left at their default names."""
    names = {role: data_files.get(role, key) for role, key in DATA_ROLES.items()}
    by_name: dict[str, list[str]] = {}
    for role, name in names.items():
        by_name.setdefault(name, []).append(role)
    return {name: roles for name, roles in by_name.items() if len(roles) > 1}
