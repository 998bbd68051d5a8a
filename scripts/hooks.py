"""MkDocs hooks of the Stop tienerpooiers site (registered in mkdocs.yml under `hooks:`).

Each function is one MkDocs event and delegates to a module in sitekit/. Whatever an editor
can get wrong ends as `path:line: error: message` and a failed build, never a traceback.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import BytecodeCache, Bucket
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.css_bundle import bundle, material_stylesheets
from sitekit.editorial import banned_words, external_links, typed_contacts
from sitekit.frontmatter import PageSource, check_file_name, read_page
from sitekit.generator import loggers
from sitekit import budget, preview
from sitekit.html_guard import (GUARDED_MANIFEST_ENV, Policy, allowed_domains, check_content, check_html, data_phones,
                                guarded_digest, line_of, source_urls)
from sitekit.project_files import check_project_files, leaves_project
from sitekit.lessons import lesson_table, missing_lesson_translations
from sitekit.page_addresses import missing_page_addresses
from sitekit.languages import current_language, language_links_with_lang, page_language, site_languages
from sitekit.markdown_data import MarkdownData, formal_audience, render_markdown, short_address
from sitekit.markdown_rules import check_markdown, mark_external_links
from sitekit.navigation import pages_missing_from_nav
from sitekit.problems import Problem, ProblemsFound, rel
from sitekit.search_index import search_doc, write_index
from sitekit.table_hyphens import soft_hyphens_in_headings, soft_hyphens_in_tables
from sitekit.typography import french_spaces
from sitekit.sitedata import SiteData, load_data

log = logging.getLogger("mkdocs.hooks.sitekit")
BUNDLE_SCRIPT_RE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
SCRIPT_SRC_RE = re.compile(r"<script (?![^>]*\b(?:defer|async)\b)([^>]*\bsrc=)")
ALTERNATE_LINK_RE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')

ROOT = Path(__file__).resolve().parent.parent
INDEX_SECONDS = 60  # a language's search index takes about a second


class State:
    """What the hooks share. i18n builds once per language in one process: files that did not change
    (same modification time and size) are read and checked only once."""

    data: SiteData = SiteData()
    data_key: tuple[Any, ...] = ()
    page_cache: dict[str, tuple[tuple[int, int, frozenset[str]], PageSource]] = {}
    pages: dict[str, PageSource] = {}
    root: Path = ROOT
    # language -> page URL -> search document. Kept across builds so that `mkdocs serve --dirty`, which only
    # re-renders changed pages, still writes a complete index; on_nav drops pages that no longer exist.
    search_docs: dict[str, dict[str, dict[str, str]]] = {}
    page_urls: dict[str, set[str]] = {}
    serving: bool = False
    css_bundle: tuple[str, str] | None = None   # (path, content) of the one stylesheet of a build
    guarded: dict[str, str] = {}  # site path -> digest of each page the page guard passed (on_post_page)
    batch: set[str] = set()  # `make serve`: the pending pages (sitekit/preview.py) this build renders again


def _fail(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.level == "error"]
    for p in problems:
        if p.level != "error":
            log.info(str(p))
    if errors:
        raise PluginError("\n".join(str(p) for p in errors) + f"\n{len(errors)} error(s): the site was not built.")


class _DirtyNotice(logging.Filter):
    """`make serve` rebuilds only changed pages (--dirty); MkDocs warns about that on every rebuild, and strict
    mode would turn the warning into a failure. The preview knows; every other warning still counts."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class _TemplateCache(BytecodeCache):
    """Compiled templates kept in memory: i18n makes a new Jinja environment per language and per rebuild;
    compiling Material's templates again each time costs about 0.3 s a language."""

    store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def on_startup(command: str, dirty: bool) -> None:
    preview.start(command == "serve", dirty)
    if dirty:  # the notice comes from whichever generator runs: mkdocs.* or properdocs.* loggers
        for name in loggers("commands.build"):
            logging.getLogger(name).addFilter(_DirtyNotice())


def on_config(config: Any) -> Any:
    State.root = Path(config.config_file_path).resolve().parent
    State.serving = preview.serving()
    data_dir = State.root / "data"
    key = (tuple(site_languages(config)),
           tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.rglob("*") if p.is_file())))
    if key != State.data_key:
        data, problems = load_data(data_dir, site_languages(config), State.root)
        _fail(problems)
        State.data, State.data_key = data, key
    if not State.serving:
        _bundle_stylesheets(config)
    return config


def _bundle_stylesheets(config: Any) -> None:
    """Build only: Material's and our stylesheets become one file (sitekit/css_bundle.py)."""
    if State.css_bundle is None or config.extra_css:
        dirs = [Path(d) for d in config.theme.dirs] + [Path(config.docs_dir)]
        sources = next((found for d in dirs if (found := material_stylesheets(d, bool(config.theme.get("palette"))))), [])
        if not sources:
            _fail([Problem("mkdocs.yml", 1, "theme: Material's stylesheet main.*.min.css was not found")])
        for css in config.extra_css:
            found = next((d / str(css) for d in dirs if (d / str(css)).is_file()), None)
            if found is None:
                _fail([Problem("mkdocs.yml", 1, f"extra_css: {css} not found in overrides/ or content/")])
            sources.append(found)
        State.css_bundle = bundle(sources)
    config.extra_css = []


def _read_page(path: str, shown: str, known_sources: set[str]) -> PageSource:
    stat = Path(path).stat()
    key = (stat.st_mtime_ns, stat.st_size, frozenset(known_sources))
    cached = State.page_cache.get(path)
    if cached is None or cached[0] != key:
        cached = (key, read_page(Path(path), shown, known_sources))
        State.page_cache[path] = cached
    return cached[1]


def on_files(files: Files, config: Any) -> Files:
    """Check every Markdown file before MkDocs reads it: name, encoding, front matter."""
    known_sources = set(State.data.values.get("bronnen", {}))
    problems: list[Problem] = check_project_files(State.root)
    State.pages = {}
    for file in files.documentation_pages():
        shown = rel(file.abs_src_path, State.root)
        if leaves_project(Path(file.abs_src_path), State.root):
            continue  # named by check_project_files above, never read
        problems += check_file_name(file.src_uri, shown)
        page = _read_page(file.abs_src_path, shown, known_sources)
        problems += page.problems
        problems += missing_template(page, config)
        State.pages[file.abs_src_path] = page
    if State.serving:
        _render_again_what_changed(config, files)
    languages = site_languages(config)
    for file in files.documentation_pages():
        parts = file.src_uri.rsplit(".", 2)
        if len(parts) == 3 and parts[1] in languages[1:] and files.get_file_from_path(f"{parts[0]}.md") is None:
            problems.append(Problem(rel(file.abs_src_path, State.root), 1,
                                    f"translation without its Dutch source: {parts[0]}.md does not exist"))
    src_uris = {f.abs_src_path: f.src_uri for f in files.documentation_pages()}
    problems += missing_lesson_translations(State.pages, src_uris,
                                            lambda uri: files.get_file_from_path(uri) is not None, languages)
    if "site" in State.data.located:
        problems += missing_page_addresses(State.data.values.get("site"), State.data.located["site"].line_of,
                                           State.data.paths["site"], set(src_uris.values()))
    _fail(problems)
    return files


def _render_again_what_changed(config: Any, files: Files) -> None:
    """`make serve` re-renders only changed pages (--dirty): a page counts as changed when its Markdown is
    newer than its HTML. An edit in data/, overrides/, scripts/ or mkdocs.yml, a page added or removed or
    a page title changed (every menu shows them) can change any page: then every page is pending
    (sitekit/preview.py). This build renders the pages a browser looked at last, a second build the rest;
    with all languages, one build renders all."""
    pages = files.documentation_pages()
    menu = sorted((f.src_uri, str(State.pages[f.abs_src_path].meta.get("title", "")) if f.abs_src_path in State.pages
                   else "") for f in pages)  # the pages and their titles, as every menu shows them
    config_file = Path(config.config_file_path)
    menu.append((str(config_file), str(config_file.stat().st_mtime_ns)))  # nav:, theme, extra
    split = preview.two_steps()
    if preview.frame_changed(State.root, menu):
        if not split:  # every language's HTML (the other languages live below this one's site_dir)
            for html in Path(config.site_dir).rglob("*.html"):
                html.unlink(missing_ok=True)
            return
        preview.all_stale(f.url for f in pages)
    State.batch = preview.next_batch({f.url for f in pages}, split)
    for f in pages:
        if f.url in State.batch:
            Path(f.abs_dest_path).unlink(missing_ok=True)


def missing_template(page: PageSource, config: Any) -> list[Problem]:
    """`template: x.html` in front matter may name only one of the site's own page templates: main.html, or a
    template in overrides/ that extends it (so every page keeps the quick exit and the help bar)."""
    name = page.meta.get("template")
    if not isinstance(name, str):
        return []
    if name in page_templates(Path(config.theme.custom_dir or State.root / "overrides")):
        return []
    line = next((i for i, text in enumerate(page.raw.splitlines(), start=1) if text.startswith("template:")), 1)
    known = ", ".join(sorted(page_templates(Path(config.theme.custom_dir or State.root / "overrides"))))
    return [Problem(page.path, line, f"template: '{name}' is not one of the site's page templates ({known})")]


EXTENDS_MAIN_RE = re.compile(r"""\{%-?\s*extends\s+["']main\.html["']\s*-?%\}""")


def page_templates(overrides: Path) -> set[str]:
    """main.html and the templates directly in overrides/ that extend it."""
    found = {"main.html"}
    for path in overrides.glob("*.html"):
        if EXTENDS_MAIN_RE.search(path.read_text(encoding="utf-8")):
            found.add(path.name)
    return found


def on_page_markdown(markdown: str, page: Page, config: Any, files: Files) -> str:
    source = State.pages.get(page.file.abs_src_path)
    shown = rel(page.file.abs_src_path, State.root)
    first_line = 1
    if source is not None and markdown.strip() and source.body.rstrip("\n").endswith(markdown.strip("\n")):
        # MkDocs strips the leading blank lines of the body: count them back in.
        skipped = source.body[: len(source.body) - len(source.body.lstrip("\n"))].count("\n")
        first_line = source.body_line + skipped
    lang = page_language(page, config)
    _page_budget(shown, first_line, "to read and render")
    _fail(check_markdown(markdown, shown, first_line)
          + banned_words(markdown, lang, State.data.values.get("woorden", {}), shown, first_line)
          + typed_contacts(markdown, State.data.values.get("hulplijnen", {}), shown, first_line)
          + external_links(markdown, State.data.values.get("domeinen", {}).get("allowed", []), shown, first_line))
    extra = {"page_index": lambda: page_index(files, page, config),
             "lessons": lambda: lessons(files, page, config)}
    helper = MarkdownData(State.data, page_language(page, config), extra, audience=page.meta.get("audience"))
    # {site} in data/lessen.yml: the site's address in this page's language, as paper shows it
    site = short_address(config.site_url or "") + ("" if lang == site_languages(config)[0] else f"{lang}/")
    extra["lesson_text"] = lambda ident, **values: helper.lesson_text(ident, **{"site": site, **values})
    if State.serving:  # the preview makes no PDFs: say so where the downloads table would be
        extra["downloads"] = lambda *groups: f'\n<p class="preview-notice">{helper.md(helper.ui("preview.no_pdf"))}</p>\n'
    functions = helper.functions()
    try:
        return render_markdown(markdown, shown, first_line, functions)
    except ProblemsFound as exc:
        _fail(exc.problems)
        raise  # pragma: no cover - _fail always raises for errors


def lessons(files: Files, page: Page, config: Any) -> str:
    """The lesson packages as a table (title, audience, duration) in the language being built."""
    helper = MarkdownData(State.data, page_language(page, config))
    languages = site_languages(config)
    entries = {}
    for file in files.documentation_pages():
        source = State.pages.get(file.abs_src_path)
        if source is None or "lesson" not in source.meta:
            continue
        parts = file.src_uri.rsplit(".", 2)
        dutch_uri = f"{parts[0]}.md" if len(parts) == 3 and parts[1] in languages else file.src_uri
        target = os.path.relpath(dutch_uri, os.path.dirname(page.file.src_uri) or ".")
        entries[dutch_uri] = (str(source.meta.get("title", dutch_uri)), target, dict(source.meta["lesson"]))
    return lesson_table(list(entries.values()), helper.ui, helper.inline)


def page_index(files: Files, page: Page, config: Any) -> str:
    """All pages of the site as a Markdown list per section: the search page without JavaScript."""
    languages = site_languages(config)
    sections: dict[str, list[tuple[str, str]]] = {}
    for file in files.documentation_pages():
        source = State.pages.get(file.abs_src_path)
        if source is None or file.abs_src_path == page.file.abs_src_path:
            continue
        parts = file.src_uri.rsplit(".", 2)
        dutch_uri = f"{parts[0]}.md" if len(parts) == 3 and parts[1] in languages else file.src_uri
        section = dutch_uri.split("/")[0] if "/" in dutch_uri else ""
        target = "../" * page.file.src_uri.count("/") + dutch_uri
        sections.setdefault(section, []).append((str(source.meta.get("title", dutch_uri)), target))
    lines = []
    for section in sorted(sections):
        entries = sorted(set(sections[section]), key=lambda e: e[0].lower())
        lines += [f"- [{title}]({target})" for title, target in entries] + [""]
    return "\n".join(lines)


def on_page_content(html: str, page: Page, config: Any, files: Files) -> str:
    search = page.meta.get("search") or {}
    docs = State.search_docs.setdefault(current_language(config), {})
    if not page_is_fallback(page, config) and not search.get("exclude"):
        docs[page.url] = search_doc(page.url, page.title or "", html, page.meta)
    else:
        docs.pop(page.url, None)
    content = check_content(html)
    if content:
        source = State.pages.get(page.file.abs_src_path)
        shown = rel(page.file.abs_src_path, State.root)
        _fail([Problem(shown, line_of(f.snippet, source.raw if source else "", 1, f.tag), f.message) for f in content])
    html = soft_hyphens_in_tables(mark_external_links(html), page_language(page, config))
    budget.stop()
    return html


def _page_budget(shown: str, line: int, what: str) -> None:
    """The steps of one page get budget.PAGE_SECONDS; past them the build stops with the page's name."""
    problem = Problem(shown, line, f"this page takes more than {budget.PAGE_SECONDS:.0f} seconds {what}: look for "
                                   "loops in {% %} or a very long line, and simplify it")
    budget.start(lambda: PageOverBudget(budget.over_budget(problem)))


class PageOverBudget(PluginError, budget.OverBudget):
    """The build's error for a page past its time budget (MkDocs prints a PluginError as an error line)."""


def on_build_error(error: Exception) -> None:
    budget.stop()


def on_nav(nav: Any, config: Any, files: Files) -> Any:
    lang = current_language(config)
    State.page_urls[lang] = {f.url for f in files.documentation_pages()}
    if lang == site_languages(config)[0] and config.get("nav"):
        pages = files.documentation_pages()
        _fail(pages_missing_from_nav(
            [f.src_uri for f in pages], {p.file.src_uri for p in nav.pages},
            {f.src_uri for f in pages if f.inclusion.is_not_in_nav()},
            {f.src_uri: rel(f.abs_src_path, State.root) for f in pages}))
    if State.serving:
        _titles_of_pages_not_rendered(nav)
    return nav


def _titles_of_pages_not_rendered(nav: Any) -> None:
    """`make serve` (--dirty) reads only the pages it renders again; the others' titles would show as
    "None" in the menu and the previous/next links. Their front matter is known (on_files): use it."""
    for page in nav.pages:
        source = State.pages.get(page.file.abs_src_path)
        if page.markdown is None and source is not None and source.meta.get("title"):
            page.title = str(source.meta["title"])


def page_is_fallback(page: Page, config: Any) -> bool:
    return page_language(page, config) != current_language(config)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The page-not-found page in every language: i18n writes each language's 404.html to the same
    place (the last one won, so the whole site had an English one). The default language's stays at
    the root; the others go to <lang>/404.html (deploy/nginx.conf serves each under its language)."""
    if template_name != "404.html":
        return output
    lang, languages = current_language(config), site_languages(config)
    if lang == languages[0]:
        return output
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # nothing written over the default language's 404.html


def _languages_not_built(config: Any) -> None:
    """`make serve` builds Dutch only: a link to another language lands on a page that says so."""
    only = os.environ.get("SITE_ONLY_LANGUAGE")
    languages = site_languages(config)
    if not State.serving or not only or only not in languages:
        return
    helper = MarkdownData(State.data, only)
    site = Path(config.site_dir)
    names = {lang.locale: lang.name for lang in getattr(config.plugins.get("i18n"), "config", None).languages} \
        if config.plugins.get("i18n") else {}
    for other in languages:
        if other == only:
            continue
        try:
            name = helper.ui(f"lang.{other}")
        except Exception:  # noqa: BLE001 - a site without language names shows the code
            name = str(names.get(other, other))
        text = helper.md(helper.ui("preview.not_built").replace("{lang}", name))
        for url in State.page_urls.get(only, set()):
            target = site / other / url / "index.html"
            back = "../" * (url.count("/") + 1) + url
            html = (f'<!doctype html><html lang="{only}"><meta charset="utf-8"><title>make serve</title>'
                    f'<p>{text}</p><p><a href="{back}">{helper.md(helper.ui("preview.back"))}</a></p></html>')
            if target.is_file() and target.read_text(encoding="utf-8") == html:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")


def on_post_build(config: Any) -> None:
    """Write this language's search index (each language build writes its own), and the stylesheet."""
    lang = current_language(config)
    manifest = os.environ.get(GUARDED_MANIFEST_ENV)
    if manifest:  # the pages guarded above: the site-wide guard (site_build.py) need not read them again
        Path(manifest).write_text(json.dumps(State.guarded), encoding="utf-8")
    _languages_not_built(config)
    if State.css_bundle and lang == site_languages(config)[0]:  # assets live at the site root
        out = Path(config.site_dir) / State.css_bundle[0]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(State.css_bundle[1], encoding="utf-8")
    docs = [d for url, d in State.search_docs.get(lang, {}).items() if url in State.page_urls.get(lang, set())]
    args = (Path(config.site_dir), lang, docs, State.data.values.get("zoeken", {"synonyms": {}, "stopwords": {}}))
    if State.serving and State.batch and preview.rendered(State.batch):
        preview.ask_for_second_build()  # the pages nobody looked at last: in a second build
    if State.serving:  # the preview shows the edited page at once; its search index follows a moment later
        multiprocessing.get_context("fork").Process(target=write_index, args=args).start()
    else:
        problem = Problem(State.data.paths.get("zoeken", "data/zoeken.yml"), 1,
                          f"the {lang} search index takes more than {INDEX_SECONDS} seconds: fewer or shorter synonyms")
        budget.start(lambda: PageOverBudget(budget.over_budget(problem)), INDEX_SECONDS)
        try:
            write_index(*args)
        finally:
            budget.stop()


def on_env(env: Any, config: Any, files: Files) -> Any:
    """Give templates the data and the interface strings of the language being built."""
    env.bytecode_cache = _TemplateCache()
    # The site's own templates escape every value by default (titles, data, interface strings);
    # Material's templates are left as they are: the page guard (on_post_page) checks what they make.
    env.autoescape = is_site_template
    helper = MarkdownData(State.data, current_language(config))

    @jinja2.pass_context
    def ui(context: Any, key: str) -> str:
        page = context.get("page")
        formal = formal_audience(State.data, getattr(page, "meta", {}).get("audience")) if page else False
        try:
            return helper.ui(key, formal)
        except Exception as exc:  # a template asking for a missing key must name it
            where = State.data.paths.get("ui", "data/ui.yml")
            raise PluginError(str(Problem(where, 1, f"interface string '{key}' is missing; a template in "
                                                    f"overrides/ uses it ({exc})"))) from None

    lang = current_language(config)
    env.globals["ui"] = ui
    env.filters["without_alternate_links"] = without_alternate_links
    env.filters["with_escaped_description"] = with_escaped_description
    env.filters["deferred"] = deferred
    env.filters["split_bundle"] = split_bundle
    env.globals["lang_prefix"] = "" if lang == site_languages(config)[0] else f"{lang}/"
    env.globals["default_language"] = site_languages(config)[0]
    env.globals["site_data"] = State.data.values
    env.globals["preview"] = State.serving  # `make serve`: no PDFs, maybe one language
    env.globals["css_bundle"] = State.css_bundle[0] if State.css_bundle and not State.serving else None
    env.globals["data_text"] = helper.text
    env.filters["human_date"] = lambda value: human_date(value, helper)
    return env


def human_date(value: Any, helper: MarkdownData) -> str:
    """2026-11-22 as people write it: '22 november 2026', '22 novembre 2026', '22 November 2026';
    a year or a year and month as far as it goes."""
    import datetime as dt

    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    parts = text[:10].split("-")
    try:
        months = helper.ui("date.months").split()
    except Exception:  # noqa: BLE001 - a site without month names shows the ISO date
        return text
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12 and len(months) == 12:
        month = months[int(parts[1]) - 1]
        if len(parts) == 3 and parts[2].isdigit():
            return f"{int(parts[2])} {month} {parts[0]}"
        return f"{month} {parts[0]}"
    return parts[0]


SITE_TEMPLATES = ("main.html", "home.html", "404.html", "partials/site/", "partials/javascripts/base.html")


def is_site_template(name: str | None) -> bool:
    return name is not None and name.startswith(SITE_TEMPLATES)


def guard_policy(config: Any, cited: list[str]) -> Policy:
    """What a page may link to and dial: the allow-list, the sources it cites, the numbers of the data."""
    exits = config.extra.get("quick_exit") or {}
    exempt = set(exits.values()) if isinstance(exits, dict) else {str(exits)}
    return Policy(site_url=config.site_url or "https://example.invalid/",
                  allowed_domains=allowed_domains(State.data.values),
                  exempt_urls=exempt, phones=data_phones(State.data.values),
                  cited=source_urls(State.data.values, [str(s) for s in cited]))


def on_post_page(output: str, page: Page, config: Any) -> str:
    """The rendered page, whatever made it, carries no script, handler or address that is not allowed."""
    _page_budget(rel(page.file.abs_src_path, State.root), 1, "to check")
    try:
        return _guarded_page(output, page, config)
    finally:
        budget.stop()


def _guarded_page(output: str, page: Page, config: Any) -> str:
    output = language_links_with_lang(output)
    base = (config.site_url or "https://example.invalid/") + page.url
    sources = page.meta.get("sources")
    findings = check_html(output, base, guard_policy(config, sources if isinstance(sources, list) else []))
    if findings:
        source = State.pages.get(page.file.abs_src_path)
        shown = rel(page.file.abs_src_path, State.root)
        raw = source.raw if source else ""
        _fail([Problem(shown, line_of(f.snippet, raw, 1, f.tag), f.message) for f in findings])
    if current_language(config) == "fr":
        output = french_spaces(output)  # spaces before punctuation in text: nothing the guard looks at
    output = soft_hyphens_in_headings(output, page_language(page, config))  # text only, as above
    if page.file.dest_uri:
        State.guarded[page.file.dest_uri] = guarded_digest(output)
    return output


def with_escaped_description(html: str, description: Any) -> Markup:
    """Material's base.html writes page.meta.description into <meta name="description" content="..."> as
    it is (its templates do not escape): a quote in the text ended the attribute. Escaped here."""
    import html as htmllib

    if not isinstance(description, str):
        return Markup(str(html))
    raw = f'<meta name="description" content="{description}">'
    return Markup(str(html).replace(raw, f'<meta name="description" content="{htmllib.escape(description, quote=True)}">'))


def without_alternate_links(html: str) -> Markup:
    return Markup(ALTERNATE_LINK_RE.sub("", str(html)))


def split_bundle(html: str) -> tuple[Markup, str | None]:
    """(the scripts without Material's bundle, the bundle's address): see partials/site/theme-script.html."""
    m = BUNDLE_SCRIPT_RE.search(str(html))
    if not m:
        return Markup(html), None
    return Markup(str(html)[:m.start()] + str(html)[m.end():]), m.group(1)


def deferred(html: str) -> Markup:
    """Every external script in `html` waits until the page is parsed (`defer`), in the same order."""
    return Markup(SCRIPT_SRC_RE.sub(r"<script defer \1", str(html)))


def _section(page: Any) -> str:
    uri = page.file.src_uri if page is not None and page.file else ""
    return uri.split("/")[0] if "/" in uri else ""


def prev_next_within_section(page: Page) -> None:
    """The previous/next links at the bottom stay within the reader's section (audience): a parent on
    the parents' home page is not sent to "Previous: Myths and facts" of the young people's section."""
    if page.previous_page is not None and _section(page.previous_page) != _section(page):
        page.previous_page = None
    if page.next_page is not None and _section(page.next_page) != _section(page):
        page.next_page = None


def own_menu(page: Page, nav: Any) -> Any:
    """Each audience its own menu: the page's own section in full, every other section as one link to
    its start page, top-level pages (home) as they are. A young person's menu does not list twenty
    pages for professionals, and the keyboard passes a few links instead of forty."""
    from mkdocs.structure.nav import Link, Navigation

    own = _section(page)
    items = []
    for item in nav.items:
        children = getattr(item, "children", None)
        if not children:
            items.append(item)
            continue
        pages = _pages_in(item)
        items.append(item if not pages or _section(pages[0]) == own else Link(item.title, pages[0].url))
    menu = Navigation(items, nav.pages)
    menu.homepage = nav.homepage
    return menu


def _pages_in(item: Any) -> list[Any]:
    if getattr(item, "children", None):
        return [p for child in item.children for p in _pages_in(child)]
    return [item] if getattr(item, "is_page", False) else []


def skip_to_content(page: Page) -> None:
    """Material's skip link goes to the first entry of the table of contents. When the title is not a
    heading in the Markdown, that is the first subheading, which skips the intro (and a checklist).
    A level-1 entry for the title, pointing at the start of the content, holds the rest: the skip link
    lands on the start of the main content, and the side menu's table of contents stays the same."""
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    first = next(iter(page.toc), None)
    if first is not None and first.level == 1:
        return
    top = AnchorLink(page.title or "", "main-content", 1)
    top.children = list(page.toc)
    page.toc = TableOfContents([top])


def on_page_context(context: dict[str, Any], page: Page, config: Any, nav: Any) -> dict[str, Any]:
    """Sources cited by the page, and whether the page is a Dutch fallback in another language."""
    bronnen = State.data.values.get("bronnen", {})
    context["page_sources"] = [bronnen[s] | {"id": s} for s in page.meta.get("sources", []) if s in bronnen]
    context["page_is_fallback"] = page_is_fallback(page, config)
    context["page_is_home"] = page.file.src_uri.split(".")[0] == "index"  # index.md, index.fr.md ...
    skip_to_content(page)
    prev_next_within_section(page)
    context["nav"] = own_menu(page, nav)
    context["page_language"] = page_language(page, config)
    return context
