"""Load and validate data/*.yml: every file against its schema, every text in every language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .paths import PACKAGE_DIR, schema_files
from .problems import Problem, rel
from .schema import validate
from .terms import DATA_ROLES, Terms
from .yamltext import Located, parse_yaml


class DataError(Exception):
    """An editor asked for data that does not exist (unknown id, no phone number ...)."""


@dataclass
class SiteData:
    """All data files by name (file stem), plus where each value came from."""

    values: dict[str, Any] = field(default_factory=dict)
    located: dict[str, Located] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    terms: Terms = field(default_factory=Terms)  # the site's names for its data files and audiences

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def formal_audience(data: SiteData, audience: Any) -> bool:
    """Whether a page for this audience (its front matter `audience`) is written formally: data/site.yml lists
    the audiences under `formal` (a French site says "vous" to parents and professionals, "tu" to the young)."""
    return isinstance(audience, str) and audience in ((data.values.get("site") or {}).get("formal") or [])


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 file; a file in another encoding is a Problem, not a traceback."""
    try:
        return path.read_text(encoding="utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "the file is not UTF-8 text; save it as UTF-8")]
    except OSError as exc:
        return None, [Problem(shown, 1, f"cannot read the file: {exc.strerror}")]


def _mappings(value: Any, trail: tuple[str, ...] = ()) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """Every mapping in a parsed data file, with its key path ("checklists", "0", "text")."""
    if isinstance(value, dict):
        yield value, list(trail)
        for k, v in value.items():
            yield from _mappings(v, (*trail, str(k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _mappings(v, (*trail, str(i)))


def missing_languages(located: Located, languages: list[str], path: str) -> list[Problem]:
    """Every text map (a mapping with the default language's key) must have every configured language; a formal
    wording (ui.yml `key@formal`) exists only in the languages that make the difference, so it is left out."""
    return [Problem(path, located.line_of(trail), f"{'.'.join(trail)}: translation '{lang}' is missing; add "
                                                  f"{lang}: \"...\" beside {languages[0]}")
            for texts, trail in _mappings(located.value)
            if languages[0] in texts and all(isinstance(v, str) for v in texts.values())
            and not (trail and str(trail[-1]).endswith("@formal"))
            for lang in languages if not texts.get(lang)]


# Languages whose texts use the typographic apostrophe: pages get it from Markdown (smarty), data texts must
# hold it themselves, since they land in templates, buttons and PDFs as they are.
TYPOGRAPHIC_APOSTROPHE = {"fr"}


def straight_apostrophes(located: Located, path: str) -> list[Problem]:
    """A French text of data/ has ’, not ': "l’aide", as on the pages written in Markdown."""
    return [Problem(path, located.line_of([*trail, lang]), f"{'.'.join([*trail, lang])}: write the apostrophe as ’, "
                                                           f"not ' (\"{texts[lang].replace(chr(39), '’')[:60]}\")")
            for texts, trail in _mappings(located.value)
            for lang in sorted(TYPOGRAPHIC_APOSTROPHE) if isinstance(texts.get(lang), str) and "'" in texts[lang]]


# Schemas that are not a data file of their own: pages, and the files of a folder (checklists/).
NOT_A_FILE = {"page", "checklist"}
# Data files a site may leave out: the help finder and the lessons' shared texts (help_finder() and
# lesson_text() then name the missing file).
OPTIONAL = {"hulpwijzer", "lessen"}

# Folders of data/ whose files share one schema: data/checklists/jongeren.yml -> checklist.schema.json
FOLDER_SCHEMAS = {"checklists": "checklist"}


def _data_files(data_dir: Path, terms: Terms) -> list[tuple[Path, str | None, str | None]]:
    """(path, the generator's key or None for a file it does not know, folder) for every data file; folder is
    None for top-level files."""
    found: list[tuple[Path, str | None, str | None]] = [(p, terms.key(p.stem), None) for p in sorted(data_dir.glob("*.yml"))]
    for folder, schema in FOLDER_SCHEMAS.items():
        found = [f for f in found if f[1] != folder]
        found += [(p, schema, folder) for p in sorted((data_dir / terms.file(folder)).glob("*.yml"))]
    return found


def load_data(data_dir: Path, languages: list[str], root: Path | None = None,
              terms: Terms | None = None) -> tuple[SiteData, list[Problem]]:
    """Load every data file that has a schema; unknown files are refused so nothing is silently ignored.
    `terms`: the site's names for its data files and audiences (mkdocs.yml); by default the generator's."""
    terms = terms or Terms(tuple(languages))
    if terms.languages != tuple(languages):
        terms = Terms(tuple(languages), terms.audiences, terms.files)
    data = SiteData(terms=terms)
    problems: list[Problem] = terms.clashes()
    if problems:
        return data, problems
    present = {p.stem for p in data_dir.glob("*.yml")}
    for needed, schema in sorted(schema_files().items()):
        if terms.file(needed) not in present and needed not in NOT_A_FILE | OPTIONAL:
            problems.append(Problem(rel(data_dir / f"{terms.file(needed)}.yml", root), 1,
                                    f"this data file is missing: the site needs its {terms.role(needed)} here (another name: "
                                    f"mkdocs.yml, plugins: sitekit: data_files: {terms.role(needed)}; its schema is "
                                    f"sitekit/{schema.relative_to(PACKAGE_DIR).as_posix()})"))
    from .project_files import leaves_project

    for path, name, folder in _data_files(data_dir, terms):
        shown = rel(path, root)
        if leaves_project(path, root or data_dir.parent):
            problems.append(Problem(shown, 1, "this is a link to a file outside the project; copy the file into the project instead"))
            continue
        if name is None or name not in schema_files() or (folder is None and name in NOT_A_FILE):
            known = ", ".join(f"{role} {terms.file(k)}.yml" + (" (optional)" if k in OPTIONAL else "")
                              for role, k in DATA_ROLES.items() if k not in FOLDER_SCHEMAS)
            problems.append(Problem(shown, 1, f"the generator does not know this data file; the site's data files are, "
                                              f"by role: {known}, and the folder {terms.file('checklists')}/ (the names "
                                              "are set in mkdocs.yml, plugins: sitekit: data_files)"))
            continue
        located, file_problems = _load_file(path, name, shown, terms)
        problems += file_problems
        if located is None:
            continue
        key = f"{folder}/{path.stem}" if folder else name
        data.located[key] = located
        data.paths[key] = shown
        if folder:
            data.values.setdefault(folder, {})[path.stem] = located.value
        else:
            data.values[name] = located.value
    return data, problems + cross_references(data, terms) + site_files(data, root or data_dir.parent)


# (path, mtime, size, schema, shown, languages) -> what _read_and_check found; `make serve` loads data/ again
# for every rebuild, and most of the time only one file changed. The values are never changed afterwards.
_FILES: dict[tuple[Any, ...], tuple[Located | None, list[Problem]]] = {}


def _load_file(path: Path, name: str, shown: str, terms: Terms) -> tuple[Located | None, list[Problem]]:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size, name, shown, terms.languages, terms.audiences)
    if key not in _FILES:
        for old in [k for k in _FILES if k[0] == key[0]]:
            del _FILES[old]
        _FILES[key] = _read_and_check(path, name, shown, terms)
    located, problems = _FILES[key]
    return located, list(problems)


def _read_and_check(path: Path, name: str, shown: str, terms: Terms) -> tuple[Located | None, list[Problem]]:
    """One data file read, parsed and checked against its schema and rules; None when it cannot be used."""
    from .data_rules import check_rules

    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    located, parse_problems = parse_yaml(text, shown)
    problems += parse_problems
    if located is None:
        return None, problems
    if located.value is None:
        return None, problems + [Problem(shown, 1, "the data file is empty")]
    schema_problems = validate(name, located, shown, terms)
    problems += schema_problems
    if not schema_problems:
        problems += missing_languages(located, list(terms.languages), shown) + straight_apostrophes(located, shown)
        problems += check_rules(name, located, shown)
    return located, problems


def site_files(data: SiteData, root: Path) -> list[Problem]:
    """Files data/site.yml names are files of content/, inside the project."""
    from .project_files import leaves_project

    site = data.values.get("site")
    visual = ((site or {}).get("downloads") or {}).get("campaign", {}).get("visual") if isinstance(site, dict) else None
    if not isinstance(visual, str):
        return []
    path = root / "content" / visual
    if ".." in Path(visual).parts or leaves_project(path, root) or not path.is_file():
        return [Problem(data.paths["site"], data.located["site"].line_of(["downloads", "campaign", "visual"]),
                        f"visual: '{visual}' is not a file in content/")]
    return []


def cross_references(data: SiteData, terms: Terms | None = None) -> list[Problem]:
    """Ids one data file uses from another exist there: a checklist's sources, site.yml's help lines."""
    terms = terms or Terms()
    sources_file, lines_file = terms.shown("bronnen"), terms.shown("hulplijnen")
    problems = []
    sources = data.values.get("bronnen")
    for ident, checklist in (data.values.get("checklists") or {}).items():
        key = f"checklists/{ident}"
        for i, source in enumerate(checklist.get("sources", []) if isinstance(checklist, dict) else []):
            if isinstance(sources, dict) and source not in sources:
                problems.append(Problem(data.paths[key], data.located[key].line_of(["sources", i]),
                                        f"sources: unknown source '{source}'; add it to {sources_file} first"))
    lessons = data.values.get("lessen")
    for ident, block in ((lessons or {}).get("blocks") or {}).items() if isinstance(lessons, dict) else []:
        for i, source in enumerate(block.get("sources", []) if isinstance(block, dict) else []):
            if isinstance(sources, dict) and source not in sources:
                problems.append(Problem(data.paths["lessen"], data.located["lessen"].line_of(["blocks", ident, "sources", i]),
                                        f"sources: unknown source '{source}'; add it to {sources_file} first"))
    lines, site = data.values.get("hulplijnen"), data.values.get("site")
    finder = data.values.get("hulpwijzer")
    if isinstance(lines, dict) and isinstance(finder, dict):
        for i, situation in enumerate(finder.get("situations", [])):
            for j, ident in enumerate(situation.get("services", [])):
                if ident not in lines:
                    problems.append(Problem(data.paths["hulpwijzer"], data.located["hulpwijzer"].line_of(["situations", i, "services", j]),
                                            f"services: '{ident}' is not an id in {lines_file}"))
    if isinstance(lines, dict) and isinstance(site, dict):
        for field in ("helpline", "emergency"):
            if site.get(field) and site[field] not in lines:
                problems.append(Problem(data.paths["site"], data.located["site"].line_of([field]),
                                        f"{field}: '{site[field]}' is not an id in {lines_file}"))
            elif site.get(field) and not (isinstance(lines[site[field]], dict) and lines[site[field]].get("verified")
                                          and lines[site[field]].get("phone")):
                # the help bar and the checklists show this number on every page: the help page would say
                # "contact details to follow" while the bar dials it (issue 28)
                problems.append(Problem(data.paths["site"], data.located["site"].line_of([field]),
                                        f"{field}: '{site[field]}' has no verified phone number in {lines_file}; "
                                        "every page shows this number, so it must be checked first"))
        card = (site.get("downloads") or {}).get("help_card") or {}
        for lang, idents in card.items() if isinstance(card, dict) else []:
            for i, ident in enumerate(idents if isinstance(idents, list) else []):
                where = data.located["site"].line_of(["downloads", "help_card", lang, i])
                if ident not in lines:
                    problems.append(Problem(data.paths["site"], where,
                                            f"help_card: '{ident}' is not an id in {lines_file}"))
                elif not (isinstance(lines[ident], dict) and lines[ident].get("verified") and lines[ident].get("phone_display")):
                    problems.append(Problem(data.paths["site"], where, f"help_card: '{ident}' has no verified phone "
                                            f"number in {lines_file}; a card for pupils prints only verified numbers"))
    return problems
