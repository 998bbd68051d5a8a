"""Drop the CSS that no page of this build can use, after the build (`sitekit build`).

Material's stylesheet styles every feature Material has: blog posts, code highlighting, twenty
colour palettes, tabs, emoji, a consent banner. This site uses a fraction of it, and the whole
file blocks the first paint. After `mkdocs build` the joined stylesheet (css_bundle.py) is cut to:

- selectors whose classes appear in a page's `class="..."` or as a word in the site's own
  JavaScript (its files and the pages' inline scripts: `html.js`); a word in Material's JavaScript keeps an `md-` class (Material adds those at run
  time: tooltips, header states) or a modifier of a class the pages use (`tabbed-labels--linked`);
- selectors whose element names appear in a page or as a word in any script;
- selectors whose `[attribute=value]` appears in a page or whose value appears in the JavaScript;
- custom properties (`--name`) that a kept rule, a page or a script still reads.

Only plain `.class` and `[attr=value]` parts of a selector decide; anything inside `:not()`,
`:is()` and the like is kept as written, so a rule is never dropped on a guess. The result gets a
new content-hash name and every page is pointed at it. `make serve` does not purge (CSS edits
show at once); tests check the purged site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from tinycss2.ast import Declaration, Node, QualifiedRule

from .css_bundle import hashed_name
from .html_guard import guarded_digest

CLASS_ATTR_RE = re.compile(r'class="([^"]*)"')
TAG_RE = re.compile(r"<([a-z][a-z0-9-]*)")
INLINE_SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.S)
ATTR_RE = re.compile(r'\s([a-z][\w:-]*)="([^"]{0,60})"')
WORD_RE = re.compile(r"-?[A-Za-z_][\w-]*")
VAR_RE = re.compile(r"var\(\s*(--[\w-]+)")
BLOCK_AT_RULES = {"media", "supports", "container", "layer", "document"}


@dataclass
class Usage:
    """What the built pages and scripts can match: class names, attribute pairs, script words."""
    classes: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=lambda: {"html", "body"})
    attributes: set[tuple[str, str]] = field(default_factory=set)
    attribute_names: set[str] = field(default_factory=set)
    script_words: set[str] = field(default_factory=set)     # the site's own scripts
    theme_words: set[str] = field(default_factory=set)      # Material's and vendor scripts
    page_text_vars: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        for m in CLASS_ATTR_RE.finditer(html):
            self.classes.update(m.group(1).split())
        self.tags.update(TAG_RE.findall(html))
        for name, value in ATTR_RE.findall(html):
            self.attributes.add((name, value))
            self.attribute_names.add(name)
        for script in INLINE_SCRIPT_RE.findall(html):
            self.add_script(script, own=True)
        self.page_text_vars.update(re.findall(r"--[\w-]+", " ".join(re.findall(r'style="([^"]*)"', html))))

    def add_script(self, text: str, own: bool) -> None:
        (self.script_words if own else self.theme_words).update(WORD_RE.findall(text))

    def class_used(self, name: str) -> bool:
        if name in self.classes or name in self.script_words:
            return True
        block = re.split(r"__|--", name, maxsplit=1)[0]
        return name in self.theme_words and (name.startswith("md-") or block in self.classes)

    def tag_used(self, name: str) -> bool:
        name = name.lower()
        return name in self.tags or name in self.script_words or name in self.theme_words

    def attribute_used(self, name: str, value: str) -> bool:
        return (name, value) in self.attributes or value in self.script_words or value in self.theme_words

    def variable_read_outside_css(self, name: str) -> bool:
        return name in self.page_text_vars or name in self.script_words or name in self.theme_words


def site_usage(site: Path, own_scripts: str = "assets/javascripts/site") -> Usage:
    """Pages repeat the same header, menu and footer lines: each distinct line is read once
    (a 1000-page site in three languages is 240 MB of HTML but a few MB of distinct lines)."""
    usage = Usage()
    lines: set[str] = set()
    scripts: set[str] = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        lines.update(text.splitlines())
        scripts.update(INLINE_SCRIPT_RE.findall(text))  # whole, in case one spans lines
    usage.add_html("\n".join(lines))
    for script in scripts:
        usage.add_script(script, own=True)
    for path in site.rglob("*.js"):
        own = path.is_relative_to(site / own_scripts)
        usage.add_script(path.read_text(encoding="utf-8", errors="replace"), own)
    return usage


def _selectors(prelude: list[Node]) -> list[list[Node]]:
    found: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            found.append([])
        else:
            found[-1].append(token)
    return found


def selector_can_match(selector: list[Node], usage: Usage) -> bool:
    """False only when a top-level `.class`, element or `[attr=value]` of the selector is used nowhere."""
    for i, token in enumerate(selector):
        if token.type == "literal" and token.value == "." and i + 1 < len(selector) \
                and selector[i + 1].type == "ident" and not usage.class_used(selector[i + 1].value):
            return False
        before = selector[i - 1] if i else None
        if token.type == "ident" and not (before is not None and before.type == "literal" and before.value in ".:|") \
                and not usage.tag_used(token.value):
            return False
        if token.type == "[] block":
            parts = [t for t in token.content if t.type != "whitespace"]
            if len(parts) == 3 and parts[0].type == "ident" and parts[1].type == "literal" and parts[1].value == "=" \
                    and parts[2].type in ("ident", "string") \
                    and not usage.attribute_used(parts[0].value, parts[2].value):
                return False
    return True


def _purge_rules(rules: list[Node], usage: Usage) -> list[Node | str]:
    kept: list[Node | str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(rule.prelude) if selector_can_match(s, usage)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                kept.append(QualifiedRule(rule.source_line, rule.source_column, tinycss2.parse_component_value_list(prelude),
                                          rule.content))
        elif rule.type == "at-rule" and rule.lower_at_keyword in BLOCK_AT_RULES and rule.content is not None:
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), usage)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{_serialize(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(rule)
    return kept


def _serialize(rules: list[Node | str]) -> str:
    return "".join(r if isinstance(r, str) else r.serialize() for r in rules)


def _declarations(rule: QualifiedRule) -> list[Declaration]:
    return [d for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            if d.type == "declaration"]


def _drop_unread_variables(css: str, usage: Usage) -> str:
    """Remove `--name: value` declarations that nothing reads (repeat: a value may read another)."""
    for _ in range(5):
        read = set(VAR_RE.findall(css))
        declared = set(re.findall(r"(?<![\w-])(--[\w-]+)\s*:", css))
        unread = {v for v in declared - read if not usage.variable_read_outside_css(v)}
        if not unread:
            return css
        css = _rewrite_declarations(css, unread)
    return css


def _rewrite_declarations(css: str, unread: set[str]) -> str:
    def walk(rules: list[Node]) -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                all_decls = _declarations(rule)
                decls = [d for d in all_decls if d.name not in unread]
                if len(decls) == len(all_decls):
                    out.append(rule.serialize())
                elif decls:
                    body = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                                    + ("!important" if d.important else "") for d in decls)
                    out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
            elif rule.type == "at-rule" and rule.lower_at_keyword in BLOCK_AT_RULES and rule.content is not None:
                inner = walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
            elif rule.type == "at-rule":
                out.append(rule.serialize())
        return "".join(out)

    return walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def purge(css: str, usage: Usage) -> str:
    """The stylesheet without rules no page can match and without custom properties nothing reads."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    charset = '@charset "UTF-8";' if css.lstrip().startswith("@charset") else ""
    kept = _purge_rules([r for r in rules if not (r.type == "at-rule" and r.lower_at_keyword == "charset")], usage)
    return charset + _drop_unread_variables(_serialize(kept), usage)


@dataclass(frozen=True)
class PurgeResult:
    old: str
    new: str
    bytes_before: int
    bytes_after: int


def purge_site(site: Path, folder: str = "assets/stylesheets", passed: dict[str, str] | None = None) -> PurgeResult | None:
    """Purge the build's one stylesheet in place: new hashed name, every page pointed at it.
    `passed` (page -> digest the page guard passed): a page that only gets the new stylesheet name keeps
    its pass, so the guard need not read it again."""
    bundles = sorted((site / folder).glob("site.*.css"))
    if not bundles:
        return None  # a build without the joined stylesheet (never in `make build`)
    source = bundles[0]
    before = source.read_text(encoding="utf-8")
    after = purge(before, site_usage(site))
    new_rel = hashed_name(after, folder)
    old_name, new_name = source.name, Path(new_rel).name
    (site / new_rel).write_text(after, encoding="utf-8")
    if new_name != old_name:
        source.unlink()
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            if old_name in html:
                renamed = html.replace(old_name, new_name)
                page.write_text(renamed, encoding="utf-8")
                relative = page.relative_to(site).as_posix()
                if passed is not None and passed.get(relative) == guarded_digest(html):
                    passed[relative] = guarded_digest(renamed)
    return PurgeResult(old_name, new_name, len(before.encode()), len(after.encode()))
