"""The last word on what a built page may carry, whatever produced it (Markdown, a data file, a template).

Every HTML page is parsed after rendering with an HTML5 parser (tinyhtml5: the tree a browser builds; SVG files
are read as XML by svg_guard.py). Allowed: scripts loaded from this site, the
reviewed inline scripts of the theme (sitekit/inline_scripts.py) and JSON data blocks. Refused: any other
<script>, any on*= attribute, javascript:/data:/vbscript: and other non-web URLs, <meta http-equiv>,
<base>, embedded documents (iframe, object, embed, frame), and links to websites that are not on the
allow-list (data/domeinen.yml). URLs are parsed the way browsers parse them (WHATWG rules, ada-url).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import ada_url
import tinyhtml5

from .inline_scripts import reviewed_hashes, script_hash

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href",
                  "srcset", "imagesrcset", "ping", "manifest", "codebase", "longdesc", "usemap"}
EMBEDS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"}
JSON_TYPES = {"application/json", "application/ld+json"}
# Schemes a visitor may follow. Everything else (javascript:, data:, vbscript:, file:, blob:, http: ...) fails.
WEB_SCHEMES = {"https:"}
CONTACT_SCHEMES = {"mailto:", "tel:"}
_STRIP = "".join(chr(c) for c in range(0x21))  # browsers strip C0 controls and spaces around URLs
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
SAFE_ID = re.compile(r"[\w\-.:]+\Z")
TEL_HREF = re.compile(r"tel:\+?[0-9]+\Z", re.I)
# a number as a reader sees it in a link's text: digits, maybe grouped by spaces, dots, slashes or dashes
_NUMBER_IN_TEXT = re.compile(r"\+?\d(?:[\s\u00a0./-]?\d)*")


@dataclass(frozen=True)
class Finding:
    """Something in a built page that must not be published; `snippet` helps find it in the source."""

    message: str
    snippet: str = ""
    tag: str = ""      # the start tag as written in the HTML, to find the line in the source


@dataclass
class Policy:
    """What a page may link to: its own site (site_url), allowed domains, the quick-exit addresses."""

    site_url: str = "https://example.invalid/"
    allowed_domains: list[str] = field(default_factory=list)
    exempt_urls: set[str] = field(default_factory=set)   # the quick-exit targets (never fetched)
    phones: set[str] = field(default_factory=set)        # the numbers of data/hulplijnen.yml; empty: not checked
    cited: list[str] = field(default_factory=list)       # the sources this page cites: their hosts may be linked

    def host_allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        domains = self.allowed_domains + [_host(url) for url in self.cited]
        return any(host == d or host.endswith("." + d) for d in domains if d)


def _host(url: str) -> str:
    try:
        return str(ada_url.parse_url(url)["hostname"]).lower()
    except ValueError:
        return ""


def allowed_domains(values: dict[str, Any]) -> list[str]:
    """The allow-list (data/domeinen.yml). A page may also link to the hosts of the sources it cites
    (Policy.cited, set per page), and to nothing else outside the site."""
    return list(values.get("domeinen", {}).get("allowed", []))


def source_urls(values: dict[str, Any], ids: list[str] | None = None) -> list[str]:
    """The addresses of the sources in data/bronnen.yml (of `ids` only, when given)."""
    sources = values.get("bronnen") or {}
    chosen = sources.values() if ids is None else [sources[i] for i in ids if i in sources]
    return [s["url"] for s in chosen if isinstance(s, dict) and isinstance(s.get("url"), str)]


def data_phones(values: dict[str, Any]) -> set[str]:
    """Every number data/hulplijnen.yml lets a page dial (help lines and their places)."""
    phones = set()
    for entry in (values.get("hulplijnen") or {}).values():
        if isinstance(entry, dict):
            phones |= {str(p["phone"]) for p in [entry, *(entry.get("places") or [])] if isinstance(p, dict) and p.get("phone")}
    return phones


# characters of a relative URL that cannot name a scheme or another host (WHATWG URL parsing)
_PLAIN_RELATIVE = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=@%/?#-]*\Z")


def browser_url(value: str) -> str:
    """The URL a browser would use for an attribute value (entities are already decoded by the parser)."""
    return _TAB_NEWLINE.sub("", value.strip(_STRIP))


def check_url(value: str, base: str, policy: Policy, attribute: str) -> str | None:
    """None when a browser would stay on this site, go to an allowed https site, or open mail/phone."""
    url = browser_url(value)
    if not url or url.startswith("#"):
        return None
    if ":" not in url and not url.startswith("//") and _PLAIN_RELATIVE.match(url):
        return None  # a path on this site (no scheme, no host, no backslash or space): most links of a page
    try:
        parsed = ada_url.parse_url(ada_url.join_url(base, url))
    except ValueError:
        return f"'{value}' is not a valid address"
    scheme = parsed["protocol"].lower()
    site = ada_url.parse_url(policy.site_url)
    if scheme == "tel:" and attribute == "href" and policy.phones:
        dialled = re.sub(r"\D", "", parsed["pathname"])
        if dialled not in policy.phones:
            return f"'{value}' dials a number that is not in data/hulplijnen.yml: use {{{{ tel(\"id\") }}}}"
        return None
    if scheme in CONTACT_SCHEMES and attribute == "href":
        return None
    if scheme == site["protocol"] and parsed["host"].lower() == site["host"].lower():
        return None
    if scheme not in WEB_SCHEMES:
        shown = scheme.rstrip(":")
        return f"'{value}': {shown}: addresses are not allowed (only https://, and mailto:/tel: from data/hulplijnen.yml)"
    if parsed["username"] or parsed["password"]:
        return f"'{value}' hides its real address (user name in the URL): browsers would go to {parsed['hostname']}"
    if attribute != "href":  # loaded by the page (image, stylesheet, icon): only from this site
        return f"'{value}': content is loaded only from this site, never from {parsed['hostname']}"
    if parsed["href"] in policy.exempt_urls or browser_url(value) in policy.exempt_urls:
        return None
    if not policy.host_allowed(parsed["hostname"]):
        return (f"link to '{parsed['hostname']}' is not on the allow-list in data/domeinen.yml "
                "(help organisations and government only)")
    return None


HTML_NS, SVG_NS, MATH_NS = "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg", "http://www.w3.org/1998/Math/MathML"
# Elements no page needs, each a way to load, redirect, hide markup from a check or run script.
REFUSED = {
    "base": "<base> is not allowed: it would change where every link on the page goes",
    "noscript": "<noscript> is not allowed: browsers read its content differently with and without JavaScript",
    # Chromium parses anything inside <select> (customizable select, 2025); older parsers drop it
    **{tag: f"<{tag}> is not allowed in a page: browsers read its content differently"
       for tag in ("select", "option", "optgroup", "datalist", "selectedcontent")},
    "noembed": "<noembed> is not allowed", "noframes": "<noframes> is not allowed",
    "template": "<template> is not allowed in a page: parsers read its content differently",
    "xmp": "<xmp> is not allowed", "plaintext": "<plaintext> is not allowed",
    "style": "a <style> element is not allowed: the look of the site lives in sitekit/theme/assets/stylesheets/",
    "math": "MathML (<math>) is not allowed in a page",
}
# The HTML elements a page may hold: what Markdown, the site's functions and the theme make. Anything else
# (dialog, video, canvas, marquee ...) is refused: allow by list.
HTML_ALLOWED = {
    "html", "head", "body", "title", "meta", "link", "script", "a", "abbr", "article", "aside", "b", "bdi", "blockquote",
    "br", "button", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img",
    "input", "ins", "kbd", "label", "legend", "li", "main", "mark", "nav", "ol", "output", "p", "pre", "q", "s", "samp",
    "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr",
}
# Attributes no page needs: they run or load something, move the frame, or open a layer above it.
REFUSED_ATTRIBUTES = {"srcdoc", "popover", "popovertarget", "popovertargetaction", "command", "commandfor", "ping",
                      "srcset", "imagesrcset", "http-equiv", "autofocus"}
# `name` makes an element a property of `document` (<img name="querySelectorAll"> breaks every script): form
# controls only.
NAMED = {"input", "button", "textarea", "output", "fieldset", "meta"}

# The site's own inline SVG (icons, the logo): shapes, nothing that loads, links, animates or holds HTML.
SVG_ALLOWED = {"svg", "path", "g", "title", "desc", "circle", "ellipse", "line", "polyline", "polygon", "rect",
               "defs", "lineargradient", "radialgradient", "stop", "clippath", "symbol"}  # no text: no number on a poster
# <link rel> a page may carry; its href is something the page loads (stylesheet, icon) or a page of this site.
LINK_RELS = {"stylesheet", "icon", "canonical", "alternate", "prev", "next", "manifest", "apple-touch-icon"}


def _local(name: str) -> str:
    """'{namespace}tag' -> 'tag'; 'xlink:href' stays as it is (the browser's attribute name)."""
    return name.rsplit("}", 1)[-1].lower()


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else HTML_NS


class _Guard:
    """Walks the tree an HTML5 parser (tinyhtml5, WHATWG parsing rules) builds from a page: the same
    elements, attributes and text a browser builds, whatever tricks the markup uses (comments, CDATA,
    foreign content, unclosed tags)."""

    def __init__(self, base: str, policy: Policy, allowed_scripts: set[str]):
        self.base, self.policy, self.allowed_scripts = base, policy, allowed_scripts
        self.findings: list[Finding] = []

    def _add(self, message: str, snippet: str = "", tag: str = "") -> None:
        self.findings.append(Finding(message, snippet, tag))

    def walk(self, root: Any) -> None:
        for element in root.iter():
            tag = element.tag
            if not isinstance(tag, str):  # a comment: also what <![CDATA[ ]]>, <? ?> and <!-> become
                text = (element.text or "").strip()
                self._add("HTML comments, <![CDATA[ ]]> and <? ?> are not allowed in a page: programs read them "
                          "differently; write the note in the front matter or leave it out", text[:40] or "<!--")
                continue
            self._element(element, _local(tag), _namespace(tag))

    def _element(self, element: Any, tag: str, namespace: str) -> None:
        attrs = {_local(k): v for k, v in element.attrib.items()}
        hint = f"<{tag}"
        for name, value in attrs.items():
            self._attribute(tag, namespace, name, value or "", hint)
        if namespace == SVG_NS and tag not in SVG_ALLOWED:
            self._add(f"<{tag}> is not allowed inside <svg>: an SVG on a page may hold shapes only", "", hint)
        elif tag in REFUSED:
            self._add(REFUSED[tag], "", hint)
        elif tag in EMBEDS:
            self._add(f"<{tag}> is not allowed: embedded content would load another website", "", hint)
        elif namespace == HTML_NS and tag not in HTML_ALLOWED:
            self._add(f"<{tag}> is not allowed in a page: write Markdown, or ask for a function of the site", "", hint)
        elif tag == "meta" and "http-equiv" in attrs:
            self._add("<meta http-equiv> is not allowed in a page (headers are set by the build)", "", hint)
        elif tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            if not rels or not rels <= LINK_RELS:
                self._add(f"<link rel=\"{attrs.get('rel') or ''}\"> is not allowed in a page", "", hint)
        elif tag == "script" and namespace == HTML_NS:
            self._script(attrs, "".join(element.itertext()), hint)
        if tag == "a" and browser_url(attrs.get("href") or "").lower().startswith("tel:"):
            href = browser_url(attrs["href"])
            if not TEL_HREF.match(href):
                self._add(f"'{href}': a tel: address holds digits only (as data/hulplijnen.yml writes it)", href, hint)
            for label in ("aria-label", "aria-labelledby", "title"):
                if label in attrs:
                    self._add(f"{label}= is not allowed on a phone link: a screen reader would read another text than "
                              "the number it dials", label, hint)
            self._dialled_is_shown(href, list(_text_pieces(element)), hint)

    def _dialled_is_shown(self, href: str, pieces: list[str], hint: str) -> None:
        """A phone link that shows a number dials that number: every number in each piece of its text has all
        the digits of the tel: address (the text may show none, as in "Bel Child Focus"). Per piece, so that
        a hidden "0903" before a visible "116 000" does not add up to the number dialled."""
        dialled = re.sub(r"\D", "", href)
        for shown in (number for piece in pieces for number in _NUMBER_IN_TEXT.findall(piece)):
            if re.sub(r"\D", "", shown) != dialled:
                self._add(f"the link shows the number '{shown.strip()}' but dials {href[4:]}: a reader would call "
                          "another number than the one they read (use {{ tel(\"id\") }})", href, hint)

    def _attribute(self, tag: str, namespace: str, name: str, value: str, hint: str) -> None:
        if name == "id" and not SAFE_ID.match(value):
            self._add(f"the id '{value[:40]}' may hold only letters, digits and - _ . : (a template writes ids into "
                      "addresses and could be broken open)", value[:40], hint)
        elif name == "dir" and value.strip().lower() != "ltr":
            self._add(f'dir="{value}" is not allowed: it can show a number backwards', value, hint)
        if name.startswith("on"):
            self._add(f"event handler attribute {name}= is not allowed (scripts live in sitekit/theme/)", name, hint)
        elif name == "style":
            self._add("a style attribute is not allowed: the look of the site lives in sitekit/theme/assets/stylesheets/ "
                      "(a class from there does the same)", value[:40], hint)
        elif name in REFUSED_ATTRIBUTES and not (name == "http-equiv" and tag == "meta"):
            self._add(f"the attribute {name}= is not allowed in a page", name, hint)
        elif name == "name" and tag not in NAMED:
            self._add(f"name= is not allowed on <{tag}>: it would replace a function of the page's scripts", value, hint)
        elif name == "tabindex" and value.strip().lstrip("+").isdigit() and int(value.strip().lstrip("+")) > 0:
            self._add("a positive tabindex= is not allowed: it puts a stop before the quick exit", value, hint)
        elif name in URL_ATTRIBUTES or name.endswith(":href"):
            if name in ("srcset", "imagesrcset"):
                urls = [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
            else:
                urls = [value]
            follow = name == "href" and tag in ("a", "area") and namespace == HTML_NS
            for url in urls:
                problem = check_url(url, self.base, self.policy, "href" if follow else "load")
                if problem:
                    self._add(problem, value, hint)

    def _script(self, values: dict[str, str], text: str, hint: str) -> None:
        kind = (values.get("type") or "").strip().lower()
        if kind in JSON_TYPES:
            if "</" in text or "<!--" in text:
                self._add("a JSON data block contains '</' or '<!--'", "", hint)
            return
        if values.get("src") is not None:
            if text.strip():
                self._add("a <script src> with text inside is not allowed", "", hint)
            return  # the address itself was checked with the other URL attributes (same site only)
        if script_hash(text) not in self.allowed_scripts:
            self._add("an inline <script> that is not one of the theme's reviewed scripts "
                      "(scripts live in sitekit/theme/assets/javascripts/; see sitekit/inline_scripts.py)",
                      text.strip()[:60], hint)


# The data-* attributes of the site's own functions (checklists, downloads). The frame's (data-quick-exit,
# data-helpbar ...) and every other one are refused in a page's content: the site's scripts read them.
CONTENT_DATA = {"data-checklist", "data-watch", "data-act", "data-weight", "data-red-flag", "data-js-only", "data-print",
                "data-checklist-live", "data-template", "data-cleared", "data-outcome", "data-downloads", "data-label"}


def check_content(html: str) -> list[Finding]:
    """What the page's own content (Markdown and the site's functions, before the theme) may not hold, on top of
    the page guard: no script at all (not even a reviewed one or a data block), only the site's own data-*."""
    findings = []
    for element in parse_page(f"<body>{html}</body>").iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        if tag == "script":
            findings.append(Finding("a <script> is not allowed in a page, not even a data block: scripts and data "
                                    "come from the templates in sitekit/theme/", "", "<script"))
        for key in element.attrib:
            name = _local(key)
            if name.startswith("data-") and name not in CONTENT_DATA:
                findings.append(Finding(f"the attribute {name}= is not allowed in a page: the site's scripts read it",
                                        name, f"<{tag}"))
    return findings


def _text_pieces(element: Any) -> Any:
    """The text nodes inside an element, one by one."""
    if element.text:
        yield element.text
    for child in element:
        yield from _text_pieces(child)
        if child.tail:
            yield child.tail


def parse_page(html: str) -> Any:
    """The tree a browser builds from `html` (with scripting on, as for a visitor; <noscript>, the one
    element parsed differently without it, is refused)."""
    return tinyhtml5.parse(html, scripting=True)


def check_html(html: str, page_url: str, policy: Policy, allowed_scripts: set[str] | None = None) -> list[Finding]:
    """Everything in a built page that must not be published. page_url is the page's absolute address."""
    guard = _Guard(page_url, policy, reviewed_hashes() if allowed_scripts is None else allowed_scripts)
    guard.walk(parse_page(html))
    return guard.findings


def line_of(snippet: str, source: str, default: int = 1, tag: str = "") -> int:
    """The 1-based line of `snippet` (or the tag it came from, or its first word) in the page source."""
    for needle in (tag, snippet, snippet.split("=")[0], snippet[:20]):
        needle = needle.strip()
        if needle:
            i = source.find(needle)
            if i < 0:
                i = source.lower().find(needle.lower())
            if i >= 0:
                return source.count("\n", 0, i) + 1
    return default


def guarded_digest(text: str) -> str:
    """The build's page guard runs on every page as it is rendered (the plugin's on_post_page, with the
    source line) and keeps the digest of what it passed, so that the guard over the finished site reads only
    the files that did not pass through it or changed since (sitekit/site_build.py)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
