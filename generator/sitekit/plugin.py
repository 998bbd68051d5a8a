"""The `sitekit` plugin: what the generator does to every site that names it in mkdocs.yml.

Each event is a few lines that call a module. Whatever an editor can get wrong ends as
`path:line: error: message` and a failed build, never a traceback. The plugin instance lives for the
whole process (it has `on_startup`): during `make serve` it keeps what it read across rebuilds.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2 import Environment
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import budget, preview
from .components import assets as component_assets
from .components import templates as component_templates
from .components.search import search_doc, write_index
from .config import SiteKitConfig
from .content_checks import owner_settings_missing, run_checks
from .css_bundle import bundle, material_stylesheets
from .editorial import banned_words, external_links, typed_contacts
from .frontmatter import PageSource, check_file_name, read_page
from .generator import loggers
from .html_guard import Policy, allowed_domains, check_content, check_html, data_phones, guarded_digest, line_of, source_urls
from .languages import current_language, language_links_with_lang, page_language, site_languages
from .lessons import missing_lesson_translations
from .markdown_data import MarkdownData, render_markdown, short_address
from .markdown_rules import check_markdown, mark_external_links
from .navigation import pages_missing_from_nav
from .page_addresses import missing_page_addresses
from .page_frame import own_menu, prev_next_within_section, skip_to_content
from .page_lists import lessons, page_index
from .page_templates import missing_template
from .paths import THEME_DIR
from .preview_languages import write_not_built
from .problems import Problem, ProblemsFound, rel
from .project_files import check_project_files, leaves_project
from .site_build import NO_PDF_ENV, after_pages_problems, finish_site, steps
from .siteconfig import SiteConfig, from_mkdocs
from .sitedata import SiteData, formal_audience, load_data
from .table_hyphens import soft_hyphens_in_headings, soft_hyphens_in_tables
from .template_filters import (
    TemplateCache,
    deferred,
    human_date,
    is_site_template,
    split_bundle,
    with_escaped_description,
    without_alternate_links,
)
from .terms import Terms, terms_from, unknown_roles
from .typography import french_spaces

log = logging.getLogger("mkdocs.plugins.sitekit")
INDEX_SECONDS = 60  # a language's search index takes about a second
# The components' stylesheets and script, in the order the one stylesheet joins them
COMPONENT_CSS = [f"assets/stylesheets/site/{name}.css" for name in (
    "base", "helpbar", "home", "page-meta", "checklist", "lesson", "downloads", "quick-exit", "search", "helplines",
    "phone-links")]
COMPONENT_JS = ["assets/javascripts/site/quick-exit.js"]


def fail(problems: list[Problem]) -> None:
    """Info lines are logged; errors stop the build with every error named."""
    errors = [p for p in problems if p.level == "error"]
    for p in problems:
        if p.level != "error":
            log.info(str(p))
    if errors:
        raise PluginError("\n".join(str(p) for p in errors) + f"\n{len(errors)} error(s): the site was not built.")


class DirtyNotice(logging.Filter):
    """`make serve` rebuilds only changed pages (--dirty); MkDocs warns about that on every rebuild, and strict
    mode would turn the warning into a failure. The preview knows; every other warning still counts."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def component_template(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    """A component's partial by its usual name (partials/site/search.html), for Jinja."""
    path = component_templates().get(name)
    if path is None:
        return None
    mtime = path.stat().st_mtime_ns
    return path.read_text(encoding="utf-8"), str(path), lambda: path.stat().st_mtime_ns == mtime


class PageOverBudget(PluginError, budget.OverBudget):
    """The build's error for a page past its time budget (MkDocs prints a PluginError as an error line)."""


def page_budget(shown: str, line: int, what: str) -> None:
    """The steps of one page get budget.PAGE_SECONDS; past them the build stops with the page's name."""
    problem = Problem(shown, line, f"this page takes more than {budget.PAGE_SECONDS:.0f} seconds {what}: look for "
                                   "loops in {% %} or a very long line, and simplify it")
    budget.start(lambda: PageOverBudget(budget.over_budget(problem)))


class SiteKitPlugin(BasePlugin[SiteKitConfig]):
    """i18n builds once per language in one process: files that did not change (same modification time and
    size) are read and checked only once."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.data = SiteData()
        self.data_key: tuple[Any, ...] = ()
        self.page_cache: dict[str, tuple[tuple[int, int, frozenset[str], Terms], PageSource]] = {}
        self.pages: dict[str, PageSource] = {}
        self.root = Path.cwd()
        # language -> page URL -> search document. Kept across builds so that `mkdocs serve --dirty`, which only
        # re-renders changed pages, still writes a complete index; on_nav drops pages that no longer exist.
        self.search_docs: dict[str, dict[str, dict[str, str]]] = {}
        self.page_urls: dict[str, set[str]] = {}
        self.serving = False
        self.css_bundle: tuple[str, str] | None = None  # (path, content) of the one stylesheet of a build
        self.guarded: dict[str, str] = {}  # site path -> digest of each page the page guard passed (on_post_page)
        self.batch: set[str] = set()  # `make serve`: the pending pages (sitekit/preview.py) this build renders again
        self.template_cache = TemplateCache()
        self.site_config: SiteConfig | None = None  # mkdocs.yml as the generator needs it, before i18n's changes
        self.terms = Terms()  # the site's audiences and data file names (mkdocs.yml)
        self.checked = False  # the editorial checks ran (once per build, before the first language's pages)

    # -- configuration --------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        preview.start(command == "serve", dirty)
        if dirty:  # the notice comes from whichever generator runs: mkdocs.* or properdocs.* loggers
            for name in loggers("commands.build"):
                logging.getLogger(name).addFilter(DirtyNotice())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        self.serving = preview.serving()
        if not getattr(config.plugins.get("i18n"), "building", False):  # i18n changes site_name per language
            self.site_config = from_mkdocs(config)
        self._add_theme(config)
        fail(unknown_roles(self.config.data_files, self.config.audiences))
        self.terms = terms_from(site_languages(config), self.config.audiences, self.config.data_files)
        data_dir = self.root / "data"
        key = (tuple(site_languages(config)), self.terms.audiences, tuple(sorted(self.terms.files.items())),
               tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.rglob("*") if p.is_file())))
        if key != self.data_key:
            data, problems = load_data(data_dir, site_languages(config), self.root, self.terms)
            fail(problems)
            self.data, self.data_key = data, key
        if not self.serving:
            self._bundle_stylesheets(config)
        return config

    def _add_theme(self, config: MkDocsConfig) -> None:
        """The generator's templates and assets, between the site's own custom_dir and Material; its components'
        stylesheets and script before the site's own. i18n runs on_config once per language: added once."""
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        if self.config.components and not self.css_bundle:
            own = [str(css) for css in config.extra_css]
            config.extra_css[:] = [css for css in COMPONENT_CSS if css not in own] + own
            scripts = {str(getattr(s, "path", s)) for s in config.extra_javascript}
            config.extra_javascript[:0] = [ExtraScriptValue(js) for js in COMPONENT_JS if js not in scripts]
            for script in config.extra_javascript:
                if str(getattr(script, "path", script)) in COMPONENT_JS and isinstance(script, ExtraScriptValue):
                    script.defer = True

    def _bundle_stylesheets(self, config: MkDocsConfig) -> None:
        """Build only: Material's and the site's stylesheets become one file (sitekit/css_bundle.py)."""
        if self.css_bundle is None or config.extra_css:
            dirs = [Path(d) for d in config.theme.dirs] + [Path(config.docs_dir)]
            sources: list[Path] = next((found for d in dirs
                                        if (found := material_stylesheets(d, bool(config.theme.get("palette"))))), [])
            if not sources:
                fail([Problem("mkdocs.yml", 1, "theme: Material's stylesheet main.*.min.css was not found")])
            for css in config.extra_css:
                path = next((d / str(css) for d in dirs if (d / str(css)).is_file()), component_assets().get(str(css)))
                if path is None:
                    fail([Problem("mkdocs.yml", 1, f"extra_css: {css} not found in the theme or content/")])
                    continue
                sources.append(path)
            self.css_bundle = bundle(sources)
        config.extra_css = []

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """The editorial checks over content/ and data/ (sitekit/content_checks.py), once per build; the
        preview skips them for speed. Errors stop the build; `sitekit check` shows the rest."""
        if self.serving or self.checked:
            return
        self.checked = True
        problems, report = run_checks(self.root, self.site_config or from_mkdocs(config), self.data)
        if steps() == "check":  # `sitekit check` collects these lines from the output
            for p in problems:
                if p.level != "error":
                    print(p)
            print(report + "\n")
        else:
            for p in owner_settings_missing(self.data):
                print(p)
        fail([p for p in problems if p.level == "error"])

    # -- files and pages ------------------------------------------------------------------------------

    def _read_page(self, path: str, shown: str, known_sources: set[str]) -> PageSource:
        stat = Path(path).stat()
        key = (stat.st_mtime_ns, stat.st_size, frozenset(known_sources), self.terms)
        cached = self.page_cache.get(path)
        if cached is None or cached[0] != key:
            cached = (key, read_page(Path(path), shown, known_sources, self.terms))
            self.page_cache[path] = cached
        return cached[1]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check every Markdown file before MkDocs reads it: name, encoding, front matter."""
        known_sources = set(self.data.values.get("bronnen", {}))
        problems: list[Problem] = check_project_files(self.root)
        self.pages = {}
        theme_folders = [Path(d) for d in (config.theme.custom_dir, THEME_DIR) if d]
        for file in files.documentation_pages():
            shown = rel(file.abs_src_path or "", self.root)
            if leaves_project(Path(file.abs_src_path or ""), self.root):
                continue  # named by check_project_files above, never read
            problems += check_file_name(file.src_uri, shown)
            page = self._read_page(file.abs_src_path or "", shown, known_sources)
            problems += page.problems
            problems += missing_template(page, theme_folders)
            self.pages[file.abs_src_path or ""] = page
        if self.serving:
            self._render_again_what_changed(config, files)
        languages = site_languages(config)
        for file in files.documentation_pages():
            parts = file.src_uri.rsplit(".", 2)
            if len(parts) == 3 and parts[1] in languages[1:] and files.get_file_from_path(f"{parts[0]}.md") is None:
                problems.append(Problem(rel(file.abs_src_path or "", self.root), 1,
                                        f"translation without its source page: {parts[0]}.md does not exist"))
        src_uris = {f.abs_src_path or "": f.src_uri for f in files.documentation_pages()}
        problems += missing_lesson_translations(self.pages, src_uris,
                                                lambda uri: files.get_file_from_path(uri) is not None, languages)
        if "site" in self.data.located:
            problems += missing_page_addresses(self.data.values.get("site"), self.data.located["site"].line_of,
                                               self.data.paths["site"], set(src_uris.values()))
        fail(problems)
        self._add_component_assets(files, config)
        return files

    @staticmethod
    def _add_component_assets(files: Files, config: MkDocsConfig) -> None:
        """The components' scripts and stylesheets (sitekit/components/) at their usual addresses, unless the
        site's own theme folder has a file there."""
        for uri, path in component_assets().items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))

    def _render_again_what_changed(self, config: MkDocsConfig, files: Files) -> None:
        """`make serve` re-renders only changed pages (--dirty): a page counts as changed when its Markdown is
        newer than its HTML. An edit in data/, the theme or mkdocs.yml, a page added or removed or a page title
        changed (every menu shows them) can change any page: then every page is pending (sitekit/preview.py).
        This build renders the pages a browser looked at last, a second build the rest; with all languages,
        one build renders all."""
        pages = files.documentation_pages()
        menu = sorted((f.src_uri, str(self.pages[f.abs_src_path].meta.get("title", ""))
                       if f.abs_src_path in self.pages else "") for f in pages)  # the pages and their titles
        config_file = Path(config.config_file_path)
        menu.append((str(config_file), str(config_file.stat().st_mtime_ns)))  # nav:, theme, extra
        split = preview.two_steps()
        if preview.frame_changed(self.root, menu):
            if not split:  # every language's HTML (the other languages live below this one's site_dir)
                for html in Path(config.site_dir).rglob("*.html"):
                    html.unlink(missing_ok=True)
                return
            preview.all_stale(f.url for f in pages)
        self.batch = preview.next_batch({f.url for f in pages}, split)
        for f in pages:
            if f.url in self.batch:
                Path(f.abs_dest_path).unlink(missing_ok=True)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        lang = current_language(config)
        self.page_urls[lang] = {f.url for f in files.documentation_pages()}
        if lang == site_languages(config)[0] and config.get("nav"):
            pages = files.documentation_pages()
            fail(pages_missing_from_nav(
                [f.src_uri for f in pages], {p.file.src_uri for p in nav.pages},
                {f.src_uri for f in pages if f.inclusion.is_not_in_nav()},
                {f.src_uri: rel(f.abs_src_path or "", self.root) for f in pages}))
        if self.serving:
            self._titles_of_pages_not_rendered(nav)
        return nav

    def _titles_of_pages_not_rendered(self, nav: Navigation) -> None:
        """`make serve` (--dirty) reads only the pages it renders again; the others' titles would show as
        "None" in the menu and the previous/next links. Their front matter is known (on_files): use it."""
        for page in nav.pages:
            source = self.pages.get(page.file.abs_src_path or "")
            if page.markdown is None and source is not None and source.meta.get("title"):
                page.title = str(source.meta["title"])

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give templates the data and the interface strings of the language being built."""
        env.bytecode_cache = self.template_cache
        # the components' partials (sitekit/components/), after the theme folders: a site's own wins
        if env.loader is not None:
            env.loader = jinja2.ChoiceLoader([env.loader, jinja2.FunctionLoader(component_template)])
        # The site's own templates escape every value by default (titles, data, interface strings);
        # Material's templates are left as they are: the page guard (on_post_page) checks what they make.
        env.autoescape = is_site_template
        lang = current_language(config)
        helper = MarkdownData(self.data, lang)
        data = self.data

        @jinja2.pass_context
        def ui(context: Any, key: str) -> str:
            page = context.get("page")
            formal = formal_audience(data, getattr(page, "meta", {}).get("audience")) if page else False
            try:
                return helper.ui(key, formal)
            except Exception as exc:  # noqa: BLE001 - a template asking for a missing key must name it
                where = data.paths.get("ui", "data/ui.yml")
                raise PluginError(str(Problem(where, 1, f"interface string '{key}' is missing; a template of the "
                                                        f"theme uses it ({exc})"))) from None

        env.globals["ui"] = ui
        env.filters["without_alternate_links"] = without_alternate_links
        env.filters["with_escaped_description"] = with_escaped_description
        env.filters["deferred"] = deferred
        env.filters["split_bundle"] = split_bundle
        env.globals["lang_prefix"] = "" if lang == site_languages(config)[0] else f"{lang}/"
        env.globals["default_language"] = site_languages(config)[0]
        env.globals["site_data"] = self.data.values
        env.globals["audiences"] = list(self.terms.audiences)
        env.globals["preview"] = self.serving  # `make serve`: no PDFs, maybe one language
        env.globals["css_bundle"] = self.css_bundle[0] if self.css_bundle and not self.serving else None
        env.globals["data_text"] = helper.text
        env.filters["human_date"] = lambda value: human_date(value, helper.ui)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = self.pages.get(page.file.abs_src_path or "")
        shown = rel(page.file.abs_src_path or "", self.root)
        first_line = 1
        if source is not None and markdown.strip() and source.body.rstrip("\n").endswith(markdown.strip("\n")):
            # MkDocs strips the leading blank lines of the body: count them back in.
            skipped = source.body[: len(source.body) - len(source.body.lstrip("\n"))].count("\n")
            first_line = source.body_line + skipped
        lang = page_language(page, config)
        values = self.data.values
        page_budget(shown, first_line, "to read and render")
        fail(check_markdown(markdown, shown, first_line)
             + banned_words(markdown, lang, values.get("woorden", {}), shown, first_line)
             + typed_contacts(markdown, values.get("hulplijnen", {}), shown, first_line, self.terms.shown("hulplijnen"))
             + external_links(markdown, values.get("domeinen", {}).get("allowed", []), shown, first_line,
                              self.terms.shown("domeinen")))
        languages = site_languages(config)
        every_page = [(f.abs_src_path or "", f.src_uri) for f in files.documentation_pages()]
        plain = MarkdownData(self.data, lang)
        extra: dict[str, Any] = {
            "page_index": lambda: page_index(every_page, self.pages, page.file.abs_src_path or "", page.file.src_uri,
                                             languages),
            "lessons": lambda: lessons(every_page, self.pages, page.file.src_uri, languages, plain.ui, plain.inline)}
        helper = MarkdownData(self.data, lang, extra, audience=page.meta.get("audience"))  # keeps `extra`, filled below
        # {site} in data/lessen.yml: the site's address in this page's language, as paper shows it
        site = short_address(config.site_url or "") + ("" if lang == languages[0] else f"{lang}/")
        extra["lesson_text"] = lambda ident, **kw: helper.lesson_text(ident, **{"site": site, **kw})
        if self.serving:  # the preview makes no PDFs: say so where the downloads table would be
            extra["downloads"] = lambda *groups: f'\n<p class="preview-notice">{helper.md(helper.ui("preview.no_pdf"))}</p>\n'
        try:
            return render_markdown(markdown, shown, first_line, helper.functions())
        except ProblemsFound as exc:
            fail(exc.problems)
            raise  # pragma: no cover - fail always raises for errors

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        search = page.meta.get("search") or {}
        docs = self.search_docs.setdefault(current_language(config), {})
        if not self._is_fallback(page, config) and not search.get("exclude"):
            docs[page.url] = search_doc(page.url, page.title or "", html, page.meta)
        else:
            docs.pop(page.url, None)
        content = check_content(html)
        if content:
            source = self.pages.get(page.file.abs_src_path or "")
            shown = rel(page.file.abs_src_path or "", self.root)
            fail([Problem(shown, line_of(f.snippet, source.raw if source else "", 1, f.tag), f.message) for f in content])
        html = soft_hyphens_in_tables(mark_external_links(html), page_language(page, config))
        budget.stop()
        return html

    @staticmethod
    def _is_fallback(page: Page, config: MkDocsConfig) -> bool:
        return page_language(page, config) != current_language(config)

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Sources cited by the page, whether the page is a fallback in another language, its own menu."""
        bronnen = self.data.values.get("bronnen", {})
        extra = cast("dict[str, Any]", context)  # the theme's own names beside MkDocs' (TemplateContext)
        extra["page_sources"] = [bronnen[s] | {"id": s} for s in page.meta.get("sources", []) if s in bronnen]
        extra["page_is_fallback"] = self._is_fallback(page, config)
        extra["page_is_home"] = page.file.src_uri.split(".")[0] == "index"  # index.md, index.fr.md ...
        skip_to_content(page)
        prev_next_within_section(page)
        context["nav"] = own_menu(page, nav)
        extra["page_language"] = page_language(page, config)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The rendered page, whatever made it, carries no script, handler or address that is not allowed."""
        page_budget(rel(page.file.abs_src_path or "", self.root), 1, "to check")
        try:
            return self._guarded_page(output, page, config)
        finally:
            budget.stop()

    def _guard_policy(self, config: MkDocsConfig, cited: list[str]) -> Policy:
        """What a page may link to and dial: the allow-list, the sources it cites, the numbers of the data."""
        exits = config.extra.get("quick_exit") or {}
        exempt = set(exits.values()) if isinstance(exits, dict) else {str(exits)}
        return Policy(site_url=config.site_url or "https://example.invalid/",
                      allowed_domains=allowed_domains(self.data.values),
                      exempt_urls=exempt, phones=data_phones(self.data.values),
                      cited=source_urls(self.data.values, [str(s) for s in cited]))

    def _guarded_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = language_links_with_lang(output)
        base = (config.site_url or "https://example.invalid/") + page.url
        sources = page.meta.get("sources")
        findings = check_html(output, base, self._guard_policy(config, sources if isinstance(sources, list) else []))
        if findings:
            source = self.pages.get(page.file.abs_src_path or "")
            shown = rel(page.file.abs_src_path or "", self.root)
            raw = source.raw if source else ""
            fail([Problem(shown, line_of(f.snippet, raw, 1, f.tag), f.message) for f in findings])
        if current_language(config) == "fr":
            output = french_spaces(output)  # spaces before punctuation in text: nothing the guard looks at
        output = soft_hyphens_in_headings(output, page_language(page, config))  # text only, as above
        if page.file.dest_uri:
            self.guarded[page.file.dest_uri] = guarded_digest(output)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The page-not-found page in every language: i18n writes each language's 404.html to the same
        place (the last one won, so the whole site had an English one). The default language's stays at
        the root; the others go to <lang>/404.html (deploy/nginx.conf serves each under its language)."""
        if template_name != "404.html":
            return output_content
        lang, languages = current_language(config), site_languages(config)
        if lang == languages[0]:
            return output_content
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output_content, encoding="utf-8")
        return ""  # nothing written over the default language's 404.html

    def on_build_error(self, *, error: Exception) -> None:
        budget.stop()

    # -- after the pages -----------------------------------------------------------------------------

    def _on_post_build_language(self, *, config: MkDocsConfig) -> None:
        """Write this language's search index (each language build writes its own), and the stylesheet."""
        lang = current_language(config)
        self._languages_not_built(config)
        if self.css_bundle and lang == site_languages(config)[0]:  # assets live at the site root
            out = Path(config.site_dir) / self.css_bundle[0]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(self.css_bundle[1], encoding="utf-8")
        docs = [d for url, d in self.search_docs.get(lang, {}).items() if url in self.page_urls.get(lang, set())]
        args = (Path(config.site_dir), lang, docs, self.data.values.get("zoeken", {"synonyms": {}, "stopwords": {}}))
        if self.serving and self.batch and preview.rendered(self.batch):
            preview.ask_for_second_build()  # the pages nobody looked at last: in a second build
        if self.serving:  # the preview shows the edited page at once; its search index follows a moment later
            multiprocessing.get_context("fork").Process(target=write_index, args=args).start()
        else:
            problem = Problem(self.data.paths.get("zoeken", "data/zoeken.yml"), 1,
                              f"the {lang} search index takes more than {INDEX_SECONDS} seconds: fewer or shorter synonyms")
            budget.start(lambda: PageOverBudget(budget.over_budget(problem)), INDEX_SECONDS)
            try:
                write_index(*args)
            finally:
                budget.stop()

    @event_priority(-200)  # after i18n (-100), which builds the other languages inside its own on_post_build
    def _on_post_build_site(self, *, config: MkDocsConfig) -> None:
        """Once every language is rendered: the site as a whole (sitekit/site_build.py)."""
        i18n = config.plugins.get("i18n")
        if self.serving or getattr(i18n, "building", False):  # the preview, or a language inside i18n's loop
            return
        self.checked = False  # a next build in this process checks again
        site, site_config = Path(config.site_dir), self.site_config or from_mkdocs(config)
        try:
            problems = after_pages_problems(site, self.root, self.guarded, config=site_config, data=self.data)
            said: list[str] = []
            if not problems and steps() == "build":
                problems, said = finish_site(site, self.root, config=site_config, data=self.data,
                                             pdf=os.environ.get(NO_PDF_ENV) != "1")
        except Exception as exc:  # noqa: BLE001 - named as a problem, never a traceback
            problems = [getattr(exc, "problem", None) or Problem(
                "sitekit/site_build.py", 1, f"the step after the pages stopped: {type(exc).__name__}: {exc}")]
        fail(problems)
        for line in said:
            print(line)

    on_post_build = CombinedEvent(_on_post_build_language, _on_post_build_site)

    def _languages_not_built(self, config: MkDocsConfig) -> None:
        """`make serve` builds one language: a link to another language lands on a page that says so."""
        only = os.environ.get("SITE_ONLY_LANGUAGE")
        languages = site_languages(config)
        if not self.serving or not only or only not in languages:
            return
        i18n = config.plugins.get("i18n")
        names = {lang.locale: lang.name for lang in i18n.config.languages} if i18n else {}
        write_not_built(Path(config.site_dir), only, languages, self.page_urls.get(only, set()),
                        MarkdownData(self.data, only), names)

