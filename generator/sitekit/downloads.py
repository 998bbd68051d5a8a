"""PDF downloads, made after the HTML build from the rendered pages (WeasyPrint). What is printed is
set in data/site.yml (`downloads`):

- every lesson package page (front matter `lesson:`) in the `lessons` folder -> downloads/<package>.<lang>.pdf;
- a checklist page (`checklist`) -> downloads/<file>.<lang>.pdf;
- the campaign poster (A3) and postcard (A6) with a QR code (`campaign`), per language;
- the downloads table injected where a page calls {{ downloads() }}.
"""

from __future__ import annotations

import base64
import html as htmllib
import io
import json
import logging
import multiprocessing
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import jinja2
import segno
from pypdf import PdfReader

from . import pdf_fonts
from .markdown_data import DOWNLOAD_GROUPS, short_address
from .paths import THEME_DIR

ARTICLE_RE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
LESSON_META_RE = re.compile(r'<script type="application/json" id="lesson-meta">(.*?)</script>', re.S)
# an href in any quoting style (double, single, none), so that no link keeps a relative address WeasyPrint
# would resolve against the build machine's files
# <a ... href=...>, reading quoted attribute values whole: a `>` inside title=">" does not end the tag
HREF_RE = re.compile(r"""(<a\b(?:[^<>"']|"[^"]*"|'[^']*')*?(?<![-\w])href\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))""", re.I)
# A link in a PDF opens on the reader's computer: only to the web, an e-mail or a phone number
PDF_LINK_SCHEMES = ("https", "mailto", "tel")
PDF_SECONDS = 240  # the longest lesson package, with its layout passes, takes well under a minute here
DOWNLOADS_MARK = '<div class="downloads" data-downloads></div>'
# {{ downloads() }} lists every group; {{ downloads("campaign") }} one group (see markdown_data.py).
DOWNLOADS_MARK_RE = re.compile(r'<div class="downloads" data-downloads(?:="([a-z ]+)")?></div>')


class MissingText(Exception):
    """An interface string the PDFs need is not in data/ui.yml: named as a Problem, not a KeyError."""

    def __init__(self, key: str, lang: str, path: str):
        from .problems import Problem

        self.problem = Problem(path, 1, f"interface string '{key}' ({lang}) is missing; the PDF downloads need it")
        super().__init__(str(self.problem))


@dataclass(frozen=True)
class Download:
    group: str          # lessons | checklists | campaign
    path: str           # downloads/<name>.<lang>.pdf
    title: str
    lang: str
    size: int
    pages: int
    preview: str = ""   # downloads/<name>.<lang>.webp: page 1 as an image (the campaign's poster and postcard)
    preview_height: int = 0  # its height in CSS pixels at PREVIEW_WIDTH


@dataclass(frozen=True)
class PrintJob:
    """One PDF to make: the HTML to print, where relative URLs resolve, where it goes, how it is listed."""
    html: str
    base: Path
    out: Path
    group: str
    title: str
    lang: str
    site: Path = Path("/nonexistent")   # the only folder WeasyPrint may read from (sitekit/pdf_fetcher.py)
    fonts: Path = Path("/nonexistent")  # and the PDF font's folder (sitekit/pdf_fonts.py)

    @property
    def page(self) -> str:
        """The page this PDF is printed from, as messages name it (site/<path>)."""
        return "site/" + (self.base.relative_to(self.site).as_posix() if self.base.is_relative_to(self.site)
                          else self.out.name)


@dataclass
class Context:
    site: Path
    root: Path
    site_url: str
    languages: list[str]
    site_names: dict[str, str]
    data: Any  # SiteData

    def prefix(self, lang: str) -> str:
        return "" if lang == self.languages[0] else f"{lang}/"

    @property
    def site_facts(self) -> dict[str, Any]:
        return self.data.values.get("site") or {}

    @property
    def downloads(self) -> dict[str, Any]:
        found: dict[str, Any] = self.site_facts.get("downloads") or {}
        return found

    def helpline(self) -> dict[str, Any]:
        line: dict[str, Any] = self.data.values["hulplijnen"][self.site_facts["helpline"]]
        return line

    def ui(self, key: str, lang: str) -> str:
        strings = self.data.values.get("ui", {})
        if key not in strings or not isinstance(strings[key], dict) or lang not in strings[key]:
            raise MissingText(key, lang, self.data.paths.get("ui", "data/ui.yml"))
        return str(strings[key][lang])

    @property
    def font_package(self) -> str:
        return pdf_fonts.package_name(self.site_facts)

    @property
    def font_root(self) -> Path:
        return pdf_fonts.font_dir(self.font_package)

    def print_css(self) -> str:
        """The print stylesheet with the project font's @font-face rules before it."""
        css = (THEME_DIR / "pdf" / "print.css").read_text(encoding="utf-8")
        return pdf_fonts.font_face_css(self.font_package) + "\n" + css

    @property
    def address(self) -> str:
        return re.sub(r"^https?://", "", self.site_url).rstrip("/")


def _env(root: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(THEME_DIR / "pdf"),
                              autoescape=True, undefined=jinja2.StrictUndefined)


def _article(page_html: str, page_url: str) -> str:
    m = ARTICLE_RE.search(page_html)
    body = m.group(1) if m else ""
    body = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", body, flags=re.S)
    body = re.sub(r'<p><a class="md-button[^"]*"[^>]*\bdownload\b[^>]*>.*?</a></p>', "", body, flags=re.S)
    body = re.sub(r"<h1\b[^>]*>.*?</h1>", "", body, count=1, flags=re.S)
    # Soft hyphens help table cells fit a 320 px phone (table_hyphens.py) but make WeasyPrint size table
    # columns wider than the sheet, cutting text off at the edge. An A4 column has room: the PDF leaves
    # word breaks to `hyphens: auto` (print.css) with the page's language.
    body = body.replace("\u00ad", "").replace("&shy;", "")
    # links in a PDF point to the public site, not to files on the build machine
    def absolute(m: re.Match[str]) -> str:
        value = next(g for g in (m.group(2), m.group(3), m.group(4)) if g is not None)
        if value.startswith("#"):  # a place in the same document: a link inside the PDF
            return f'{m.group(1)}"{htmllib.escape(htmllib.unescape(value), quote=True)}"'
        return f'{m.group(1)}"{htmllib.escape(urljoin(page_url, htmllib.unescape(value)), quote=True)}"'

    return with_printed_addresses(HREF_RE.sub(absolute, sources_before_pupil_material(body)))


PAGE_META_RE = re.compile(r'<aside class="page-meta".*?</aside>', re.S)
PUPIL_MATERIAL = ('<div class="parent-letter"', '<div class="worksheet"', '<div class="cards"')


def sources_before_pupil_material(body: str) -> str:
    """The sources close the teacher's part, before the letter to parents, the worksheets and the cards (each
    on its own page): at the very end they made a page of their own."""
    meta = PAGE_META_RE.search(body)
    starts = [i for i in (body.find(mark) for mark in PUPIL_MATERIAL) if i >= 0]
    if not meta or not starts or meta.start() < min(starts):
        return body
    first = min(starts)
    return body[:first] + meta.group(0) + body[first:meta.start()] + body[meta.end():]


WEB_LINK_RE = re.compile(r'(<a\b[^<>]*?\bhref="(https?://[^"]+)"[^<>]*>)(.*?)</a>', re.S)


def with_printed_addresses(body: str) -> str:
    """On paper a link is only underlined text: each web link is followed by its short address, unless its
    text already is that address."""
    def add(m: re.Match[str]) -> str:
        address = short_address(htmllib.unescape(m.group(2)))
        text = re.sub(r"<[^>]+>", "", htmllib.unescape(m.group(3)))
        if "".join(short_address(text.strip()).split()).rstrip("/") == address.rstrip("/"):
            return m.group(0)
        return f'{m.group(0)}<span class="print-address"> ({htmllib.escape(address)})</span>'

    return WEB_LINK_RE.sub(add, body)


class LostInPrint(Exception):
    """WeasyPrint left something out of a PDF (an image it could not load or that was too large)."""

    def __init__(self, message: str, path: str | None = None):
        from .problems import Problem

        self.problem = Problem(path or "content/" + _content_path(message), 1, message)
        super().__init__(message)

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # back from a worker process as it was
        return (LostInPrint, (self.problem.message, self.problem.path))


def _content_path(message: str) -> str:
    """The file of content/ a WeasyPrint message names (file:///.../site/assets/x.png), else the PDFs' folder."""
    m = re.search(r"file://[^\s'\"]*?/(assets/[^\s'\"]+)", message)
    return m.group(1) if m else "assets/"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(("Failed to load", "Failed to render")):  # an image left out of the PDF
            self.messages.append(message)


def _render(job: PrintJob, fetcher: Any, classes: tuple[str, ...]) -> Any:
    """The laid-out document, with print.css layout classes on <html> (none, "tight", "roomy")."""
    from weasyprint import HTML

    html = job.html.replace("<html ", f'<html class="{" ".join(classes)}" ', 1) if classes else job.html
    return HTML(string=html, base_url=str(job.base), url_fetcher=fetcher(job.site, job.fonts)).render(
        pdf_variant="pdf/ua-1")


def _print(job: PrintJob) -> PrintJob:
    from .pdf_fetcher import SiteFetcher
    from .pdf_fill import layout_score, short_pages
    from .pdf_tags import add_table_header_scope

    job.out.parent.mkdir(parents=True, exist_ok=True)
    lost = _Collect()
    logging.getLogger("weasyprint").addHandler(lost)
    try:  # PDF/UA-1: tagged (headings, lists, tables, reading order), language and title declared
        document = _render(job, SiteFetcher, ())
        if job.group == "lessons" and short_pages(document):
            # A page holding only a few lines: the teacher's part a little tighter pulls them back onto the page
            # before (print.css `.tight`, `.tighter`: 10.5 or 10 pt); a worksheet whose last question spills alone onto a page gets its
            # writing lines 8 mm apart instead of 9 (`.compact`), or four lines per question instead of three,
            # so that more questions go with it (`.roomy`). The first layout without a near-empty page is kept,
            # else the one with the fewest, and of those the one whose emptiest page is fullest.
            for classes in (("tight",), ("tighter",), ("compact",), ("tight", "compact"), ("roomy",), ("tight", "roomy"),
                            ("tighter", "compact")):
                candidate = _render(job, SiteFetcher, classes)
                if layout_score(candidate) < layout_score(document):
                    document = candidate
                if not short_pages(document):
                    break
        document.write_pdf(job.out, pdf_variant="pdf/ua-1", finisher=add_table_header_scope)
    finally:
        logging.getLogger("weasyprint").removeHandler(lost)
    if lost.messages:
        raise LostInPrint(f"{job.out.name}: {lost.messages[0][:300]}; the PDF would be printed without it (an image "
                          "must be a PNG, JPEG, WebP or SVG of at most a few thousand pixels a side)")
    unsafe = [uri for uri in pdf_links(job.out) if urlsplit(uri).scheme.lower() not in PDF_LINK_SCHEMES]
    if unsafe:
        job.out.unlink(missing_ok=True)
        raise LostInPrint(f"{job.out.name}: a link in this PDF would open {unsafe[0][:120]!r} on the reader's computer; "
                          "a PDF may link to https addresses, e-mail and phone numbers only (check the links of "
                          f"{job.title!r}, the page {job.page})", job.page)
    return job


def pdf_links(path: Path) -> list[str]:
    """Every web link (/URI action) of a PDF, in page order."""
    found = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri is not None:
                found.append(str(uri))
    return found


def print_all(site: Path, jobs: list[PrintJob], workers: int | None = None) -> list[Download]:
    """Print the PDFs, one process per CPU (WeasyPrint is single-threaded), and list them in job order."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    done = []
    # each PDF in a worker process with its own time limit: a document that makes WeasyPrint work for hours
    # (an image nested in itself) stops the build with its name instead of hanging it
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        running = [pool.apply_async(_print, (job,)) for job in jobs]
        for job, result in zip(jobs, running):
            try:
                done.append(result.get(timeout=PDF_SECONDS))
            except multiprocessing.TimeoutError:
                pool.terminate()
                raise LostInPrint(f"{job.out.name}: printing it took more than {PDF_SECONDS} seconds and was stopped; "
                                  f"look for a very large or self-repeating image or table in {job.title!r}",
                                  job.page) from None
    return [Download(job.group, job.out.relative_to(site).as_posix(), job.title, job.lang,
                     job.out.stat().st_size, len(PdfReader(job.out).pages)) for job in done]


def _help_line(ctx: Context, lang: str) -> str:
    cf = ctx.helpline()
    name = cf["name"].get(lang) or cf["name"].get(ctx.languages[0], "")
    contact = " · ".join(x for x in (cf.get("phone_display"), cf.get("email")) if x)
    line = f'{ctx.ui("helpbar.title", lang)}: {name} {contact} ({ctx.ui("helpbar.promise", lang)})'
    if lang == "fr":  # "Parles-en :" as on the web pages (sitekit/typography.py)
        from .typography import french_text

        line = french_text(line)
    return line


HELP_CARDS_PER_SHEET = 8  # 2 x 4 on A4: about 87 x 60 mm each, the size of a bank card's wallet slot and more


def help_cards(ctx: Context, lang: str) -> dict[str, Any] | None:
    """The cut-out help card per pupil (data/site.yml downloads.help_card): each line's number, its name
    without the number, a few words, and its language when it is not the card's."""
    card = (ctx.downloads.get("help_card") or {}).get(lang)
    if not card:
        return None
    lines = []
    for ident in card:
        entry = ctx.data.values["hulplijnen"][ident]
        number = entry["phone_display"]
        name = entry["name"].get(lang) or entry["name"].get(ctx.languages[0], "")
        name = " ".join(name.replace(number, " ").split())
        spoken = entry.get("languages") or []
        language = "" if not spoken or lang in spoken else ", ".join(ctx.ui(f"lang.{x}", lang) for x in spoken)
        lines.append({"number": number, "name": name, "language": language,
                      "card": (entry.get("card") or {}).get(lang, "")})
    help_page = (ctx.site_facts.get("pages") or {}).get("help", "")
    strings = {key: ctx.ui(f"helpcard.{key}", lang) for key in ("sheet", "title", "more")}
    strings["more"] += ": " + short_address(ctx.site_url + ctx.prefix(lang) + help_page)
    if lang == "fr":  # "Besoin d’aide ?" with the narrow space French puts before ? and :
        from .typography import french_text

        strings = {key: french_text(value) for key, value in strings.items()}
    return {**strings, "lines": lines, "count": HELP_CARDS_PER_SHEET}


def lesson_pdfs(ctx: Context) -> list[PrintJob]:
    env, css = _env(ctx.root), ctx.print_css()
    found: list[PrintJob] = []
    if "lessons" not in ctx.downloads:
        return found
    for lang in ctx.languages:
        base_dir = ctx.site / ctx.prefix(lang) / ctx.downloads["lessons"]
        for page in sorted(base_dir.glob("*/index.html")):
            text = page.read_text(encoding="utf-8")
            m = LESSON_META_RE.search(text)
            if not m:
                continue
            meta = json.loads(m.group(1))
            if meta.get("lang") != lang:
                continue  # a Dutch fallback page in another language: the Dutch PDF covers it
            rel_url = page.parent.relative_to(ctx.site).as_posix() + "/"
            page_url = ctx.site_url + rel_url
            lesson = meta["lesson"]
            facts = [
                (ctx.ui("lesson.for", lang), ctx.ui(f"lesson.level.{lesson['level']}", lang)),
                (ctx.ui("lesson.duration", lang), ctx.ui("lesson.minutes", lang).format(**lesson["duration"])),
                (ctx.ui("lesson.language", lang), ctx.ui(f"lang.{lang}", lang)),
            ]
            html = env.get_template("lesson.html").render(
                lang=lang, title=meta["title"], description=meta["description"], css=_markup(css), cover=True,
                site_name=ctx.site_names[lang], site_address=ctx.address, facts=facts, page_url=page_url,
                help_line=_help_line(ctx, lang), body=_markup(_article(text, page_url)), help_cards=help_cards(ctx, lang))
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(lesson.get("package", ""))):
                raise LostInPrint(f"lesson package '{str(lesson.get('package'))[:60]}' is not a plain name")
            out = ctx.site / "downloads" / f"{lesson['package']}.{lang}.pdf"
            found.append(PrintJob(html, page, out, "lessons", meta["title"], lang, ctx.site, ctx.font_root))
    return found


def _markup(text: str) -> Any:
    from markupsafe import Markup

    return Markup(text)


def element(html: str, start_tag: str) -> str | None:
    """The whole element that starts with start_tag (a <div>), nested divs included."""
    start = html.find(start_tag)
    if start < 0:
        return None
    depth = 0
    for m in re.finditer(r"<(/?)div\b", html[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            end = start + m.end() + html[start + m.end():].find(">") + 1
            return html[start:end]
    return None


def checklist_pdfs(ctx: Context) -> list[PrintJob]:
    env, css = _env(ctx.root), ctx.print_css()
    found: list[PrintJob] = []
    spec = ctx.downloads.get("checklist")
    if not spec:
        return found
    for lang in ctx.languages:
        page = ctx.site / ctx.prefix(lang) / spec["page"] / "index.html"
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        checklist = element(text, '<div class="checklist"')
        if not checklist:
            continue
        title = ctx.ui("downloads.checklist_pro", lang)
        page_url = ctx.site_url + page.parent.relative_to(ctx.site).as_posix() + "/"
        html = env.get_template("lesson.html").render(
            lang=lang, title=title, description=title, css=_markup(css), cover=False, site_name=ctx.site_names[lang],
            site_address=ctx.address, facts=[], page_url=page_url, help_line="", help_cards=None,
            body=_markup(_article(f'<article class="md-content__inner md-typeset">{checklist}</article>', page_url)))
        out = ctx.site / "downloads" / f"{spec['file']}.{lang}.pdf"
        found.append(PrintJob(html, page, out, "checklists", title, lang, ctx.site, ctx.font_root))
    return found


FORMATS = {
    # A3, read from two metres: every line's capitals at least 10 mm high (0.005 rad), the number's 14 mm (0.007 rad:
    # "virtually 100 %" legible, Smith 1979, Human Factors 21(6)); printed on A4 every line keeps 0.0035 rad, above the
    # 0.003 rad "over 90 %" read (tests/site/test_print_layout.py measures it in the PDF)
    "poster": dict(size="A3", height="420mm", pad="16mm", gap="7mm", h1="80pt", text_size="44pt", number="64pt", small="44pt", qr="58mm",
                   visual="92mm"),
    "postkaart": dict(size="A6", height="148mm", pad="6mm", gap="3mm", h1="20pt", text_size="9pt", number="14pt", small="7.5pt", qr="24mm",
                      visual="52mm"),
}


def youth_url(ctx: Context, lang: str) -> str:
    return ctx.site_url + ctx.prefix(lang) + str(ctx.downloads["campaign"]["qr"])


def qr_svg(url: str) -> str:
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="svg", xmldecl=False, svgns=True, nl=False, border=2, dark="#000", light="#fff")
    return buf.getvalue().decode("utf-8")


def qr_data_url(url: str) -> str:
    """The QR code as an image the PDF can give alternative text (PDF/UA: every figure has one)."""
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(url).encode("utf-8")).decode("ascii")


def campaign_pdfs(ctx: Context) -> list[PrintJob]:
    spec = ctx.downloads.get("campaign")
    if not spec:
        return []
    env = _env(ctx.root)
    visual = ctx.site / spec["visual"]
    cf = ctx.helpline()
    found = []
    for lang in ctx.languages:
        for kind, fmt in FORMATS.items():
            title = ctx.ui("downloads.poster" if kind == "poster" else "downloads.postcard", lang)
            html = env.get_template("poster.html").render(
                lang=lang, site_name=ctx.site_names[lang], headline=ctx.ui("poster.headline", lang),
                text=ctx.ui("poster.text", lang), call=ctx.ui("poster.call", lang), scan=ctx.ui("poster.scan", lang),
                service=cf["name"].get(lang) or cf["name"].get(ctx.languages[0], ""),
                phone=cf["phone_display"], email=cf["email"], site_address=ctx.address,
                font_css=_markup(pdf_fonts.font_face_css(ctx.font_package)),
                visual_src=visual.as_uri(), visual_alt=ctx.ui("poster.visual_alt", lang),
                qr_src=qr_data_url(youth_url(ctx, lang)), qr_alt=ctx.ui("poster.qr_alt", lang), **fmt)
            out = ctx.site / "downloads" / f"{kind}-{spec['file']}.{lang}.pdf"
            found.append(PrintJob(html, ctx.site, out, "campaign", f"{ctx.ui('poster.headline', lang)} – {title}", lang, ctx.site, ctx.font_root))
    return found


def _size(n: int, lang: str = "en") -> str:
    """A file size as people write it: 320 KB, 1.2 MB; in French 320 Ko, 1,2 Mo (octets)."""
    french = lang == "fr"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f}\u00a0{'Ko' if french else 'KB'}"
    size = f"{n / 1024 / 1024:.1f}"
    return f"{size.replace('.', ',') if french else size}\u00a0{'Mo' if french else 'MB'}"


PREVIEW_GROUPS = ("campaign",)
PREVIEW_WIDTH = 240  # CSS pixels; the image is twice as wide, sharp on phone screens


def make_previews(site: Path, files: list[Download]) -> list[Download]:
    """Page 1 of the campaign PDFs as a WebP image beside the PDF, rendered from the PDF itself (PDFium),
    so the preview always shows what the download holds."""
    import pypdfium2

    out = []
    for f in files:
        if f.group not in PREVIEW_GROUPS:
            out.append(f)
            continue
        pdf = pypdfium2.PdfDocument(site / f.path)
        try:
            page = pdf[0]
            image = page.render(scale=2 * PREVIEW_WIDTH / page.get_width()).to_pil()
        finally:
            pdf.close()
        preview = f.path.removesuffix(".pdf") + ".webp"
        image.save(site / preview, "WEBP", quality=80, method=6)
        out.append(replace(f, preview=preview, preview_height=round(PREVIEW_WIDTH * image.height / image.width)))
    return out


def _previews(ctx: Context, rows: list[Download], lang: str, up: str) -> str:
    shown = [f for f in rows if f.preview and f.lang == lang]
    if not shown:
        return ""
    out = ['<div class="downloads__previews">']
    for f in shown:
        alt = htmllib.escape(f"{ctx.ui('downloads.preview', lang)}: {f.title}")
        out.append(f'<figure><img src="{up}{f.preview}" alt="{alt}" width="{PREVIEW_WIDTH}" height="{f.preview_height}" '
                   f'loading="lazy" decoding="async"><figcaption>{htmllib.escape(f.title)}</figcaption></figure>')
    out.append("</div>")
    return "".join(out)


def downloads_table(ctx: Context, files: list[Download], lang: str, page_dir: Path,
                    groups: tuple[str, ...] = DOWNLOAD_GROUPS) -> str:
    depth = len(page_dir.relative_to(ctx.site).parts)
    up = "../" * depth
    out = ['<div class="downloads">']

    def u(key: str) -> str:  # an interface string in this HTML: escaped (text and attribute values)
        return htmllib.escape(ctx.ui(key, lang), quote=True)

    for group in groups:
        rows = sorted((f for f in files if f.group == group), key=lambda f: (f.lang != lang, f.lang, f.path))
        if not rows:
            continue
        out.append(f'<h3>{htmllib.escape(ctx.ui("downloads." + group, lang))}</h3>')
        out.append(_previews(ctx, rows, lang, up))
        out.append(f'<table><thead><tr><th scope="col">{u("downloads.file")}</th>'
                   f'<th scope="col">{u("downloads.language")}</th><th scope="col">{u("downloads.pages")}</th>'
                   f'<th scope="col">{u("downloads.size")}</th></tr></thead><tbody>')
        for f in rows:
            out.append(f'<tr><td><a href="{up}{f.path}" download hreflang="{f.lang}" type="application/pdf">{htmllib.escape(f.title)}</a> (PDF)</td>'
                       f'<td data-label="{u("downloads.language")}">{htmllib.escape(ctx.ui("lang." + f.lang, lang))}</td>'
                       f'<td data-label="{u("downloads.pages")}">{f.pages}</td>'
                       f'<td data-label="{u("downloads.size")}">{_size(f.size, lang)}</td></tr>')
        out.append("</tbody></table>")
    out.append("</div>")
    return "\n".join(out)


def inject_tables(ctx: Context, files: list[Download]) -> int:
    count = 0
    for page in ctx.site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        if 'data-downloads' not in text or not DOWNLOADS_MARK_RE.search(text):
            continue
        found = re.search(r'<html[^>]*\blang="([a-z]+)"', text)
        if found is None:
            continue
        lang = found.group(1)
        def table(m: re.Match[str], lang: str = lang, folder: Path = page.parent) -> str:
            return downloads_table(ctx, files, lang, folder, tuple(m.group(1).split()) if m.group(1) else DOWNLOAD_GROUPS)

        page.write_text(DOWNLOADS_MARK_RE.sub(table, text), encoding="utf-8")
        count += 1
    return count


def print_jobs(ctx: Context) -> list[PrintJob]:
    """Every PDF to make, prepared but not printed (`make check` stops here)."""
    return lesson_pdfs(ctx) + checklist_pdfs(ctx) + campaign_pdfs(ctx)


def build_downloads(ctx: Context) -> list[Download]:
    files = make_previews(ctx.site, print_all(ctx.site, print_jobs(ctx)))
    inject_tables(ctx, files)
    (ctx.site / "downloads" / "index.json").write_text(
        json.dumps([f.__dict__ for f in files], indent=1, ensure_ascii=False), encoding="utf-8")
    return files
