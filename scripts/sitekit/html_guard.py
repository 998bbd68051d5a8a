"""The last word on what a built page may carry, whatever produced it (Markdown, a data file, a template).

Every HTML page (and every SVG) is parsed after rendering. Allowed: scripts loaded from this site, the
reviewed inline scripts of the theme (sitekit/inline_scripts.py) and JSON data blocks. Refused: any other
<script>, any on*= attribute, javascript:/data:/vbscript: and other non-web URLs, <meta http-equiv>,
<base>, embedded documents (iframe, object, embed, frame), and links to websites that are not on the
allow-list (data/domeinen.yml). URLs are parsed the way browsers parse them (WHATWG rules, ada-url).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import ada_url

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

    def host_allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)


def allowed_domains(values: dict) -> list[str]:
    """The allow-list (data/domeinen.yml) plus the host of every cited source (data/bronnen.yml):
    a page may link to the sources it cites, and to nothing else outside the site."""
    domains = list(values.get("domeinen", {}).get("allowed", []))
    for source in (values.get("bronnen") or {}).values():
        url = source.get("url") if isinstance(source, dict) else None
        if url:
            try:
                domains.append(ada_url.parse_url(url)["hostname"].lower())
            except ValueError:
                pass
    return domains


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
    if scheme in CONTACT_SCHEMES and attribute == "href":
        return None
    if scheme == site["protocol"] and parsed["host"].lower() == site["host"].lower():
        return None
    if scheme not in WEB_SCHEMES:
        shown = scheme.rstrip(":")
        return f"'{value}': {shown}: addresses are not allowed (only https://, and mailto:/tel: from data/hulplijnen.yml)"
    if parsed["username"] or parsed["password"]:
        return f"'{value}' hides its real address (user name in the URL): browsers would go to {parsed['hostname']}"
    if attribute != "href":
        return f"'{value}': content is loaded only from this site, never from {parsed['hostname']}"
    if parsed["href"] in policy.exempt_urls or browser_url(value) in policy.exempt_urls:
        return None
    if not policy.host_allowed(parsed["hostname"]):
        return (f"link to '{parsed['hostname']}' is not on the allow-list in data/domeinen.yml "
                "(help organisations and government only)")
    return None


class _Guard(HTMLParser):
    def __init__(self, base: str, policy: Policy, allowed_scripts: set[str]):
        super().__init__(convert_charrefs=True)
        self.base, self.policy, self.allowed_scripts = base, policy, allowed_scripts
        self.findings: list[Finding] = []
        self._script: tuple[dict[str, str | None], str] | None = None
        self._script_text: list[str] = []

    def _add(self, message: str, snippet: str = "") -> None:
        self.findings.append(Finding(message, snippet, self.get_starttag_text() or ""))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_tag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_tag(tag, attrs)
        if tag == "script":
            self._end_script()

    def _check_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v for k, v in attrs}
        raw = self.get_starttag_text() or f"<{tag}>"
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self._add(f"event handler attribute {name}= is not allowed (scripts live in overrides/)", name)
            elif name in URL_ATTRIBUTES and value:
                if name in ("srcset", "imagesrcset"):
                    urls = [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
                else:
                    urls = [value]
                for url in urls:
                    problem = check_url(url, self.base, self.policy, "href" if (tag, name) in {("a", "href"), ("area", "href")} else name)
                    if problem:
                        self._add(problem, value)
            elif name == "style" and value and re.search(r"url\s*\(|expression\s*\(|@import", value, re.I):
                self._add("a style attribute may not load anything (url(), @import)", value)
        if tag in EMBEDS:
            self._add(f"<{tag}> is not allowed: embedded content would load another website", raw)
        elif tag == "meta" and "http-equiv" in values:
            self._add("<meta http-equiv> is not allowed in a page (headers are set by the build)", raw)
        elif tag == "base":
            self._add("<base> is not allowed: it would change where every link on the page goes", raw)
        elif tag == "script":
            self._script = (values, raw)
            self._script_text = []
        elif tag in ("link",) and (values.get("rel") or "").lower() in ("import", "prefetch", "preconnect", "dns-prefetch"):
            self._add(f"<link rel={values.get('rel')}> is not allowed", raw)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._end_script()

    def _end_script(self) -> None:
        if self._script is None:
            return
        values, raw = self._script
        text = "".join(self._script_text)
        self._script, self._script_text = None, []
        kind = (values.get("type") or "").strip().lower()
        if kind in JSON_TYPES:
            if "</" in text or "<!--" in text:
                self._add("a JSON data block contains '</' or '<!--'", raw)
            return
        if values.get("src") is not None:
            if text.strip():
                self._add("a <script src> with text inside is not allowed", raw)
            return  # the address itself was checked with the other URL attributes (same site only)
        if script_hash(text) not in self.allowed_scripts:
            self._add("an inline <script> that is not one of the theme's reviewed scripts "
                      "(scripts live in overrides/assets/javascripts/; see scripts/sitekit/inline_scripts.py)",
                      text.strip()[:60] or raw)


def check_html(html: str, page_url: str, policy: Policy, allowed_scripts: set[str] | None = None) -> list[Finding]:
    """Everything in a built page that must not be published. page_url is the page's absolute address."""
    guard = _Guard(page_url, policy, reviewed_hashes() if allowed_scripts is None else allowed_scripts)
    guard.feed(html)
    guard.close()
    guard._end_script()
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


# The build's page guard runs on every page as it is rendered (hooks.py, on_post_page, with the source
# line). It lists what it passed in a manifest (this environment variable names the file), so that the
# guard over the finished site reads only the files that did not pass through it or changed since.
GUARDED_MANIFEST_ENV = "SITE_GUARDED_MANIFEST"


def guarded_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
