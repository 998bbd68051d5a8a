"""All editorial checks over content/ and data/, for `make check` (the build runs the same validators)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .editorial import banned_words, external_links, typed_contacts
from .frontmatter import check_file_name, read_page
from .markdown_rules import check_markdown
from .navigation import matches_not_in_nav, pages_missing_from_nav
from .problems import INFO, WARNING, Problem, rel
from .readability import measure
from .siteconfig import SiteConfig, read_config
from .sitedata import SiteData, load_data

REVIEW_MAX_DAYS = 365


def page_lang(path: Path, languages: list[str]) -> str:
    parts = path.name.split(".")
    return parts[-2] if len(parts) == 3 and parts[-2] in languages else languages[0]


def run_checks(root: Path, config: SiteConfig | None = None, data: SiteData | None = None,
               today: dt.date | None = None) -> tuple[list[Problem], str]:
    """Every editorial check; (problems, the readability table). `config` and `data`: as the build read them
    (the plugin passes them, so that mkdocs.yml and data/ are read once); read here when not given."""
    today = today or dt.date.today()
    config = config or read_config(root)
    languages = config.languages
    from .project_files import check_project_files, leaves_project

    problems = check_project_files(root)
    if data is None:
        data, data_problems = load_data(root / "data", languages, root, config.terms)
    else:
        data_problems = []  # the build stopped on them before
    problems += [p for p in data_problems if p not in problems]
    data_ok = not any(p.level == "error" for p in data_problems)
    known_sources = set(data.values.get("bronnen") or {})
    content = root / "content"
    thresholds = data.values.get("readability", {})
    words = data.values.get("woorden", {})
    helplines = data.values.get("hulplijnen", {})
    rows = []
    for path in sorted(content.rglob("*.md")):
        if leaves_project(path, root):
            continue  # named by check_project_files; never read
        shown = rel(path, root)
        src_uri = path.relative_to(content).as_posix()
        problems += check_file_name(src_uri, shown)
        page = read_page(path, shown, known_sources, config.terms)
        problems += page.problems
        reviewed = page.meta.get("reviewed")
        if type(reviewed) is dt.date:  # a date and time is a schema error, reported above
            age = (today - reviewed).days
            if age > REVIEW_MAX_DAYS:
                problems.append(Problem(shown, 1, f"reviewed {age} days ago ({reviewed}): check the facts and update 'reviewed'", WARNING))
        if not page.body:
            continue
        lang = page_lang(path, languages)
        problems += check_markdown(page.body, shown, page.body_line)
        if data_ok:  # the rules below read data/: only once the data files are valid
            problems += banned_words(page.body, lang, words, shown, page.body_line)
            # the front matter too: title, description and the search questions are text like any other
            front_matter = "\n".join(path.read_text(encoding="utf-8").splitlines()[: page.body_line - 1])
            problems += banned_words(front_matter, lang, words, shown, 1)
            problems += typed_contacts(page.body, helplines, shown, page.body_line, config.terms.shown("hulplijnen"))
            problems += external_links(page.body, data.values.get("domeinen", {}).get("allowed", []), shown, page.body_line,
                                       config.terms.shown("domeinen"))
        audience = page.meta.get("audience")
        if isinstance(audience, str) and audience in thresholds and data_ok:
            t = thresholds[audience]
            r = measure(page.body, lang, t["long_word_letters"])
            rows.append((shown, audience, lang, r))
            if r.avg_sentence_words > t["max_sentence_words"]:
                problems.append(Problem(shown, page.body_line, f"sentences average {r.avg_sentence_words} words; "
                                        f"for {audience} at most {t['max_sentence_words']}: split long sentences", t["level"]))
            if r.long_words_pct > t["max_long_words_pct"]:
                problems.append(Problem(shown, page.body_line, f"{r.long_words_pct}% long words (≥{t['long_word_letters']} letters); "
                                        f"for {audience} at most {t['max_long_words_pct']}%: use shorter words or explain them", t["level"]))
    if config.nav_pages is not None:
        dutch = {p.relative_to(content).as_posix(): rel(p, root) for p in content.rglob("*.md")
                 if page_lang(p, languages) == languages[0]}
        problems += pages_missing_from_nav(dutch, set(config.nav_pages),
                                           {u for u in dutch if matches_not_in_nav(u, config.not_in_nav)}, dutch)
    from .translations import MISSING, OUTDATED, orphans, status

    for orphan in orphans(content, languages):
        problems.append(Problem(rel(orphan, root), 1, f"translation without its source page in the default language ({languages[0]})"))
    for st in status(content, languages):
        if st.state in (MISSING, OUTDATED):
            problems.append(Problem(f"content/{st.page}", 1, f"{st.lang}: translation {st.state} (see `sitekit translations`, or make translations)", INFO))
    for ident, entry in (data.values.get("hulplijnen", {}) if data_ok else {}).items():
        if isinstance(entry, dict) and entry.get("verified") is False:
            line = data.located["hulplijnen"].line_of([ident])
            problems.append(Problem(data.paths["hulplijnen"], line,
                                    f"'{ident}' is not verified: shown by name only until its contact data is confirmed", INFO))
    problems += publisher_not_ready(data) if data_ok else []
    return problems, readability_table(rows)


def publisher_not_ready(data: Any, level: str = INFO) -> list[Problem]:
    """Only the site's owner can give the publisher's contact (data/uitgever.yml `contact`): without it the
    accessibility statement gives no way to report a problem. Said on every check, until it is filled in."""
    info = data.values.get("uitgever")
    contact = info.get("contact") if isinstance(info, dict) else None
    if isinstance(contact, dict) and contact and not placeholder_contact(contact):
        return []
    if isinstance(contact, dict) and placeholder_contact(contact):
        return [Problem(data.paths.get("uitgever", data.terms.shown("uitgever")), 1,
                        f"not ready to publish: `contact` is a placeholder address ({placeholder_contact(contact)}); "
                        "give the e-mail address or web form the publisher confirmed", level)]
    return [Problem(data.paths.get("uitgever", data.terms.shown("uitgever")), 1,
                    "not ready to publish: `contact` is empty, so the accessibility and privacy pages give no way to "
                    "reach the publisher; add an e-mail address or web form the publisher confirmed", level)]


# Domains reserved for examples and tests (RFC 2606, RFC 6761): never a real publisher's address
PLACEHOLDER_DOMAINS = ("example.com", "example.org", "example.net", "example", "test", "invalid", "localhost")


def placeholder_contact(contact: dict[str, Any]) -> str:
    """The contact's address when it is on a domain reserved for examples, else ''."""
    from urllib.parse import urlsplit

    for value in (str(contact.get("email") or ""), str(contact.get("url") or "")):
        host = (value.rpartition("@")[2] if "@" in value and "://" not in value else urlsplit(value).hostname or "")
        host = host.strip().lower().rstrip(".")
        if host and any(host == d or host.endswith("." + d) for d in PLACEHOLDER_DOMAINS):
            return value.strip()
    return ""


def owner_settings_missing(data: Any, level: str = WARNING) -> list[Problem]:
    """The settings only a site's owner can give, none invented by the generator: named by every `check`
    (info), every `build` (warning) and refused by `release` (error)."""
    return publisher_not_ready(data, level)


def readability_table(rows: list[tuple[str, str, str, Any]]) -> str:
    if not rows:
        return ""
    lines = ["Readability per page (words, sentences, words per sentence, % long words, reading ease):",
             f"  {'page':58} {'audience':13} {'lang':4} {'words':>6} {'sent':>5} {'w/s':>5} {'long%':>6} {'ease':>6}"]
    for shown, audience, lang, r in rows:
        lines.append(f"  {shown:58} {audience:13} {lang:4} {r.words:6} {r.sentences:5} {r.avg_sentence_words:5} "
                     f"{r.long_words_pct:6} {'-' if r.reading_ease is None else r.reading_ease:>6}")
    return "\n".join(lines)
