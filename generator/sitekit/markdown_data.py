"""Render data into Markdown with jinja2: {{ tel("childfocus") }}, {{ helplines() }} ..."""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .budget import OverBudget
from .components.call_cards import render_cards
from .components.checklist import render_checklist
from .problems import Problem, ProblemsFound
from .sitedata import DataError, SiteData, formal_audience

DOWNLOAD_GROUPS = ("lessons", "checklists", "campaign")
FINDER_ANCHOR = "als-"  # the help finder's sections: #als-gevaar ...
# Characters that make Markdown (links, emphasis, code, attribute lists, tables, headings); quotes stay, so
# that the typographic quotes still apply.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_{}\[\]()!|#]")


class MarkdownData:
    """The functions a page may call, bound to one language."""

    def __init__(self, data: SiteData, lang: str, extra: dict[str, Callable[..., str]] | None = None,
                 audience: Any = None):
        self.data = data
        self.lang = lang
        self.extra = extra or {}
        self.formal = formal_audience(data, audience)

    # -- lookup ---------------------------------------------------------------------------
    def file(self, key: str) -> str:
        """A data file as messages name it: the site's own name (data/helplines.yml), or the generator's."""
        return self.data.paths.get(key) or self.data.terms.shown(key)

    def text(self, value: Any) -> str:
        """A text from data/ in this language, as the raw value (templates escape it where it lands)."""
        if isinstance(value, dict):
            return str(value.get(self.lang) or value.get("nl") or "")
        return "" if value is None else str(value)

    def md(self, value: Any) -> str:
        """A text from data/ to put into Markdown: HTML special characters become entities, so a
        value can never add markup (escape by default)."""
        return html.escape(self.text(value), quote=True)

    def inline(self, value: Any) -> str:
        """A text from data/ to put into a line of Markdown: escaped as HTML (md) and as Markdown, so a value
        can add no link, emphasis, attribute list ({ .class }) or table cell; one line, whatever it held."""
        return html.escape(_MARKDOWN_SYNTAX.sub(r"\\\g<0>", " ".join(self.text(value).split())), quote=True)

    def ui(self, key: str, formal: bool | None = None) -> str:
        """An interface string in this language; for an audience addressed formally (data/site.yml `formal`),
        its `key@formal` wording where this language has one ("Parlez-en" for "Parles-en")."""
        strings = self.data.values.get("ui", {})
        if key not in strings:
            raise DataError(f"unknown interface string '{key}' (add it to {self.file('ui')})")
        wording = strings.get(key + "@formal")
        if (self.formal if formal is None else formal) and isinstance(wording, dict) and wording.get(self.lang):
            return str(wording[self.lang])
        return self.text(strings[key])

    def entry(self, ident: str) -> dict[str, Any]:
        lines = self.data.values.get("hulplijnen", {})
        if ident not in lines:
            known = ", ".join(sorted(lines))
            raise DataError(f"unknown help line '{ident}'; known ids in {self.file('hulplijnen')}: {known}")
        entry: dict[str, Any] = lines[ident]
        return entry

    # -- functions for pages -----------------------------------------------------------------
    def tel(self, ident: str) -> str:
        e = self.entry(ident)
        if "phone" not in e:
            raise DataError(f"'{ident}' has no phone number in {self.file('hulplijnen')}; use org(\"{ident}\")")
        if not e["verified"]:
            return self.inline(e["name"])
        return f'[{self.inline(e["phone_display"])}](tel:{e["phone"]}){{ .tel dir=ltr }}'

    def mail(self, ident: str) -> str:
        e = self.entry(ident)
        if "email" not in e:
            raise DataError(f"'{ident}' has no e-mail address in {self.file('hulplijnen')}")
        if not e["verified"]:
            return self.inline(e["name"])
        return f'[{e["email"]}](mailto:{e["email"]})'

    def org(self, ident: str, marked: bool = True) -> str:
        """The service's name (a link to its website), marked with its languages where it does not answer in
        the page's language: "Awel (en néerlandais)" (not where the text next to it says so: marked=False)."""
        e = self.entry(ident)
        name = self.name_md(e)
        if e["verified"] and e.get("url"):
            name = f"[{name}]({e['url']})"
        if marked and e.get("languages") and not self.answers_here(e):
            languages = self._names([f"in_lang.{code}" for code in e["languages"]])
            name += f" ({self.inline(languages)})"
        return name

    def name_md(self, e: dict[str, Any]) -> str:
        """A service's name for a line of Markdown, marked with its own language where that is not the page's
        (<span lang="nl">Awel</span> on a French page): a screen reader reads it with the right sounds."""
        lang = self.name_language(e)
        name = self.inline(e["name"])
        return f'<span lang="{lang}">{name}</span>' if lang else name

    # -- languages and regions of a service ------------------------------------------------------
    def name_language(self, e: dict[str, Any]) -> str | None:
        """The language of a service's name where it is not the page's: a name that is the same in every
        language as in the line's own ("Zelfmoordlijn 1813" on a French page) of a line that does not answer in the
        page's language is in that line's language, read (and hyphenated) as such; a translated name ("Suicide
        line 1813") is not."""
        names = e["name"] if isinstance(e["name"], dict) else {}
        spoken = e.get("languages") or []
        if spoken and self.lang not in spoken and names.get(self.lang) == names.get(spoken[0]):
            return str(spoken[0])
        return None

    def answers_here(self, e: dict[str, Any]) -> bool:
        """The service answers in the language of this page."""
        return self.lang in e.get("languages", [])

    def in_page_language_first(self, idents: list[str]) -> list[str]:
        """Services that answer in this page's language first; otherwise in the order given."""
        return sorted(idents, key=lambda ident: not self.answers_here(self.entry(ident)))

    def _names(self, keys: list[str]) -> str:
        """'Dutch', 'Dutch and French', 'Dutch, French and English' in this page's language."""
        names = []
        for key in keys:
            try:
                names.append(self.ui(key))
            except DataError:
                names.append(key.rsplit(".", 1)[-1])
        if len(names) < 2:
            return "".join(names)
        return ", ".join(names[:-1]) + f" {self.ui('list.and')} " + names[-1]

    def language_note(self, e: dict[str, Any]) -> str:
        """'Answers in Dutch only.' where the service does not answer in this page's language, else '' (also when
        its languages are not known: nothing is claimed)."""
        if self.answers_here(e) or not e.get("languages"):
            return ""
        languages = self._names([f"in_lang.{code}" for code in e.get("languages", [])])
        return self.inline(self.ui("helplines.answers_in").replace("{languages}", languages))

    def region_note(self, e: dict[str, Any]) -> str:
        regions = e.get("regions", [])
        if not regions or "belgie" in regions:
            return ""
        return self.inline(self.ui("helplines.works_in").replace("{regions}", self._names([f"region.{r}" for r in regions])))

    def helplines(self) -> str:
        """Every service of the help lines file as a card (sitekit/components/call_cards)."""
        return render_cards(self)

    def help_finder(self) -> str:
        """The help finder (data/hulpwijzer.yml): "what is going on?" as a list of links, then for each
        situation who to call, in order, those that answer in the page's language first. Plain sections
        and links: it works without JavaScript."""
        finder = self.data.values.get("hulpwijzer")
        if not finder:
            raise DataError(f"help_finder(): {self.file('hulpwijzer')} is missing")
        situations = finder["situations"]
        out = ['<nav class="help-finder" markdown>', "", f"**{self.inline(self.ui('finder.question'))}**", ""]
        out += [f"- [{self.inline(s['title'])}](#{FINDER_ANCHOR}{s['id']})" for s in situations]
        out += ["", "</nav>", ""]
        for s in situations:
            out += [f"### {self.inline(s['title'])} {{ #{FINDER_ANCHOR}{s['id']} }}", ""]
            if s.get("text"):
                out += [self.inline(s["text"]), ""]
            services = self.in_page_language_first(list(s["services"]))
            if not any(self.answers_here(self.entry(i)) for i in services):
                out += [self.inline(self.ui("finder.none_in_language")), "{ .help-finder__none }", ""]
            for n, ident in enumerate(services, start=1):
                e = self.entry(ident)
                contact = self.tel(ident) if e.get("phone") else self.org(ident, marked=False)  # the note says it
                name = ""
                if e.get("phone") and e["verified"] and e["phone_display"] in self.text(e["name"]):
                    contact = f"[{self.name_md(e)}](tel:{e['phone']}){{ .tel }}"  # "Télé-Accueil 107": the name dials
                elif e.get("phone") and e["verified"]:
                    name = f"{self.name_md(e)}: "
                notes = " ".join(x for x in (self.language_note(e), self.region_note(e)) if x)
                more = f"[{self.inline(self.ui('finder.more'))}](#{ident})"
                out.append(f"{n}. {name}{contact}{' — ' + notes if notes else ''} ({more})")
            out.append("")
        return "\n".join(out) + "\n"

    def lesson_text(self, ident: str, **values: str) -> str:
        """A text every lesson package shares (data/lessen.yml): its intro and its lines as a list, in the
        page's language; plain text, escaped (no markup, no links). {tel:id} becomes a help line's number,
        {name} the page's value for it: {{ lesson_text("ouderbrief", topic="nudes en sexting") }}."""
        blocks = (self.data.values.get("lessen") or {}).get("blocks") or {}
        if ident not in blocks:
            known = ", ".join(sorted(blocks)) or f"none ({self.file('lessen')} is missing)"
            raise DataError(f"lesson_text(): unknown block '{ident}'; known: {known}")
        block = blocks[ident]
        items = block["items"].get(self.lang) or block["items"]["nl"]
        out = [self._filled(block["intro"], values), ""] if block.get("intro") else []
        if block.get("style") == "letter":  # paragraphs, on a page of their own in print
            out += ['<div class="letter" markdown>', ""]
            for item in items:
                out += [self._filled(item, values), ""]
            out += ["</div>"]
        else:
            out += [f"- {self._filled(item, values)}" for item in items]
        return "\n" + "\n".join(out) + "\n\n"

    def _filled(self, value: Any, values: dict[str, str]) -> str:
        """A line of data text, escaped (inline), where {tel:id} becomes that help line's number as a link
        (tel(): a number lives only in data/hulplijnen.yml) and {name} the value the page gave, escaped too."""
        def text(part: str) -> str:  # the spaces around a number stay
            return (" " if part[:1].isspace() else "") + self.inline(part) + (" " if part[-1:].isspace() and part.strip() else "")

        out = []
        for i, part in enumerate(re.split(r"\{((?:tel:)?[a-z0-9_-]+)\}", self.text(value))):
            if i % 2 == 0:
                out.append(text(part))
            elif part.startswith("tel:"):
                out.append(self.tel(part[4:]))
            elif part in values:
                out.append(self.inline(str(values[part])))
            else:
                raise DataError(f"lesson_text(): this text needs {{{part}}}: give it, e.g. {part}=\"...\"")
        return "".join(out)

    def publisher(self) -> str:
        """Who publishes the site (data/uitgever.yml), and how to reach them when that is known."""
        info = self.data.values.get("uitgever")
        if not info:
            raise DataError(f"publisher(): {self.file('uitgever')} is missing")
        text = self.inline(info["about"])
        contact = info.get("contact") or {}
        if contact.get("email"):
            text += f" {self.inline(self.ui('publisher.contact'))} [{contact['email']}](mailto:{contact['email']})."
        elif contact.get("url"):
            text += f" {self.inline(self.ui('publisher.contact'))} [{contact['url']}]({contact['url']})."
        return text

    def checklist(self, ident: str) -> str:
        return render_checklist(self, ident)

    def downloads(self, *groups: str) -> str:
        """A marker that `sitekit build` replaces with the table of PDF files (sizes, pages).
        No argument: every group; else only the named ones ("lessons", "checklists", "campaign")."""
        unknown = [g for g in groups if g not in DOWNLOAD_GROUPS]
        if unknown:
            raise DataError(f"downloads(): unknown group {unknown[0]!r}; use one of: {', '.join(DOWNLOAD_GROUPS)}")
        attr = f'="{" ".join(groups)}"' if groups else ""
        return f'\n<div class="downloads" data-downloads{attr}></div>\n'

    def functions(self) -> dict[str, Callable[..., str]]:
        base: dict[str, Callable[..., str]] = {"tel": self.tel, "mail": self.mail, "org": self.org, "helplines": self.helplines,
                "checklist": self.checklist, "downloads": self.downloads, "publisher": self.publisher,
                "help_finder": self.help_finder, "lesson_text": self.lesson_text}
        return {**base, **self.extra}


def short_address(url: str) -> str:
    """A web address as paper shows it, to type: without https:// and www (PDF links, {site} in lesson texts)."""
    return re.sub(r"^https?://(www\.)?", "", url)


def _template_line(tb: Any, name: str) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class PageSandbox(ImmutableSandboxedEnvironment):
    """The template language of a page: the site's functions and nothing else. No Python object is
    reachable (lipsum.__globals__ and the like), no filter or global beyond a small list, and no
    string or list multiplied into a giant."""

    intercepted_binops = frozenset(["*", "**"])
    MAX_SIZE = 100_000

    SAFE_STR_METHODS = frozenset({"upper", "lower", "title", "capitalize", "strip", "lstrip", "rstrip", "startswith",
                                  "endswith"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """No method of a text that can grow it (ljust, center, format, replace ...): a page needs none."""
        if isinstance(obj, str) and attr not in self.SAFE_STR_METHODS:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        result_size = 0
        if operator == "*" and isinstance(right, int) and isinstance(left, (str, list, tuple)):
            result_size = len(left) * right
        elif operator == "*" and isinstance(left, int) and isinstance(right, (str, list, tuple)):
            result_size = len(right) * left
        elif operator == "**":
            raise SecurityError("'**' is not available in a page")
        if result_size > self.MAX_SIZE:
            raise SecurityError("that text would be too long")
        return super().call_binop(context, operator, left, right)


MAX_PAGE_CHARS = 2_000_000  # the largest real page is about 40,000 characters of Markdown

SAFE_FILTERS = ("upper", "lower", "capitalize", "title", "trim", "join", "length", "first", "last", "default", "d")


def page_environment() -> PageSandbox:
    env = PageSandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    env.filters = {name: env.filters[name] for name in SAFE_FILTERS}
    join = env.filters["join"]

    def limited_join(*args: Any, **kwargs: Any) -> Any:
        result = join(*args, **kwargs)
        if len(result) > PageSandbox.MAX_SIZE * 10:
            raise SecurityError("that text would be too long")
        return result

    env.filters["join"] = limited_join
    env.tests = {name: env.tests[name] for name in ("defined", "undefined", "none", "string", "number")}
    return env


def render_markdown(markdown: str, path: str, first_line: int, functions: dict[str, Callable[..., str]]) -> str:
    """Render one page in the sandbox; any mistake becomes a Problem at the file's real line."""
    if "{{" not in markdown and "{%" not in markdown and "{#" not in markdown:
        return markdown
    env = page_environment()
    try:
        size, parts = 0, []
        for part in env.from_string(markdown).generate(**functions):
            size += len(part)
            if size > MAX_PAGE_CHARS:
                raise _problem(path, first_line, f"the page would be longer than {MAX_PAGE_CHARS // 1_000_000} million "
                                                 "characters: look for a loop in {% %}")
            parts.append(part)
        return "".join(parts)
    except jinja2.TemplateSyntaxError as exc:
        message = exc.message or "invalid template"
        if "filter" in message or "test named" in message:
            message += " (a page can use only: " + ", ".join(sorted(functions)) + ")"
        raise _problem(path, first_line + (exc.lineno or 1) - 1, f"template syntax: {message}") from None
    except OverBudget:
        raise  # the page's time is up: the build names the page (hooks.py)
    except ProblemsFound:
        raise
    except RecursionError:
        raise _problem(path, first_line, "the page is nested too deeply to be read") from None
    except Exception as exc:  # noqa: BLE001 - whatever a page template does must become a message
        tb = sys.exc_info()[2]
        line = _template_line(tb, "<template>") or 1
        if isinstance(exc, DataError):
            message = str(exc)
        elif isinstance(exc, SecurityError):
            message = (f"not allowed in a page ({exc}); a page can use only the site's functions: "
                       + ", ".join(sorted(functions)))
        elif isinstance(exc, jinja2.UndefinedError):
            known = ", ".join(sorted(functions))
            message = f"{exc.message}; the functions you can use are: {known}"
        else:
            message = f"{type(exc).__name__}: {exc}"
        raise _problem(path, first_line + line - 1, message) from None


def _problem(path: str, line: int, message: str) -> Exception:
    from .problems import ProblemsFound
    return ProblemsFound([Problem(path, line, message)])
