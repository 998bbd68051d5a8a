"""Render data into Markdown with jinja2: {{ tel("childfocus") }}, {{ helplines() }} ..."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import jinja2

from .problems import Problem
from .sitedata import SiteData

DOWNLOAD_GROUPS = ("lessons", "checklists", "campaign")


class DataError(Exception):
    """An editor asked for data that does not exist (unknown id, no phone number ...)."""


class MarkdownData:
    """The functions a page may call, bound to one language."""

    def __init__(self, data: SiteData, lang: str, extra: dict[str, Callable[..., str]] | None = None):
        self.data = data
        self.lang = lang
        self.extra = extra or {}

    # -- lookup ---------------------------------------------------------------------------
    def text(self, value: Any) -> str:
        if isinstance(value, dict):
            return str(value.get(self.lang) or value.get("nl") or "")
        return "" if value is None else str(value)

    def ui(self, key: str) -> str:
        strings = self.data.values.get("ui", {})
        if key not in strings:
            raise DataError(f"unknown interface string '{key}' (add it to data/ui.yml)")
        return self.text(strings[key])

    def entry(self, ident: str) -> dict[str, Any]:
        lines = self.data.values.get("hulplijnen", {})
        if ident not in lines:
            known = ", ".join(sorted(lines))
            raise DataError(f"unknown help line '{ident}'; known ids in data/hulplijnen.yml: {known}")
        return lines[ident]

    # -- functions for pages -----------------------------------------------------------------
    def tel(self, ident: str) -> str:
        e = self.entry(ident)
        if "phone" not in e:
            raise DataError(f"'{ident}' has no phone number in data/hulplijnen.yml; use org(\"{ident}\")")
        if not e["verified"]:
            return self.text(e["name"])
        return f'[{e["phone_display"]}](tel:{e["phone"]}){{ .tel }}'

    def mail(self, ident: str) -> str:
        e = self.entry(ident)
        if "email" not in e:
            raise DataError(f"'{ident}' has no e-mail address in data/hulplijnen.yml")
        if not e["verified"]:
            return self.text(e["name"])
        return f'[{e["email"]}](mailto:{e["email"]})'

    def org(self, ident: str) -> str:
        e = self.entry(ident)
        name = self.text(e["name"])
        if e["verified"] and e.get("url"):
            return f"[{name}]({e['url']})"
        return name

    def helplines(self) -> str:
        blocks = []
        for ident, e in self.data.values.get("hulplijnen", {}).items():
            name = self.text(e["name"])
            city = f" ({self.text(e['city'])})" if e.get("city") else ""
            lines = [f"### {name}{city} {{ #{ident} }}", "", self.text(e["about"]), ""]
            if not e["verified"]:
                lines += [f"- {self.ui('helplines.unverified')}"]
            else:
                if e.get("phone"):
                    extra = ", ".join(x for x in (self.text(e.get("cost")), self.text(e.get("hours"))) if x)
                    lines.append(f"- **{self.ui('helplines.call')}:** {self.tel(ident)}" + (f" ({extra})" if extra else ""))
                if e.get("email"):
                    lines.append(f"- **{self.ui('helplines.mail')}:** {self.mail(ident)}")
                if e.get("url"):
                    shown = e["url"].removeprefix("https://").removeprefix("www.").rstrip("/")
                    lines.append(f"- **{self.ui('helplines.website')}:** [{shown}]({e['url']})")
                if e.get("anonymous"):
                    lines.append(f"- {self.ui('helplines.anonymous')}")
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks) + "\n"

    def checklist(self, ident: str) -> str:
        from .checklist_html import render_checklist
        return render_checklist(self, ident)

    def downloads(self, *groups: str) -> str:
        """A marker that scripts/build.py replaces with the table of PDF files (sizes, pages).
        No argument: every group; else only the named ones ("lessons", "checklists", "campaign")."""
        unknown = [g for g in groups if g not in DOWNLOAD_GROUPS]
        if unknown:
            raise DataError(f"downloads(): unknown group {unknown[0]!r}; use one of: {', '.join(DOWNLOAD_GROUPS)}")
        attr = f'="{" ".join(groups)}"' if groups else ""
        return f'\n<div class="downloads" data-downloads{attr}></div>\n'

    def functions(self) -> dict[str, Callable[..., str]]:
        base = {"tel": self.tel, "mail": self.mail, "org": self.org, "helplines": self.helplines,
                "checklist": self.checklist, "downloads": self.downloads}
        return {**base, **self.extra}


def _template_line(tb: Any, name: str) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_markdown(markdown: str, path: str, first_line: int, functions: dict[str, Callable[..., str]]) -> str:
    """Render one page; any mistake becomes a Problem at the file's real line."""
    if "{{" not in markdown and "{%" not in markdown:
        return markdown
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False,
                             keep_trailing_newline=True)
    try:
        return env.from_string(markdown).render(**functions)
    except jinja2.TemplateSyntaxError as exc:
        raise _problem(path, first_line + (exc.lineno or 1) - 1, f"template syntax: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 - whatever a page template does must become a message
        tb = sys.exc_info()[2]
        line = _template_line(tb, "<template>") or 1
        message = str(exc) if isinstance(exc, DataError) else f"{type(exc).__name__}: {exc}"
        if isinstance(exc, jinja2.UndefinedError):
            known = ", ".join(sorted(functions))
            message = f"{exc.message}; the functions you can use are: {known}"
        raise _problem(path, first_line + line - 1, message) from None


def _problem(path: str, line: int, message: str) -> Exception:
    from .problems import ProblemsFound
    return ProblemsFound([Problem(path, line, message)])
