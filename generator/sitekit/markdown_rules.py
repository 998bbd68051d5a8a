"""Rules for what an editor writes in Markdown: no embeds or scripts, images with alt text."""

from __future__ import annotations

import re

from .problems import Problem

FORBIDDEN = [
    (re.compile(r"<\s*script\b", re.I), "a <script> in a page is not allowed: scripts live in sitekit/theme/assets/javascripts/"),
    (re.compile(r"<\s*(iframe|embed|object)\b", re.I),
     "embedded content (<iframe>, <embed>, <object>) is not allowed: it would send visitors' data to another website. Link to it instead"),
    (re.compile(r"<\s*(video|audio|img|source)\b[^<>]*\bsrc\s*=\s*[\"']?(https?:)?//", re.I),
     "media from another website is not allowed (it would be loaded from there): put the file in content/assets/ or link to it"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "inline event handlers (onclick=...) are not allowed"),
    (re.compile(r"\]\(\s*javascript:|href\s*=\s*[\"']\s*javascript:", re.I), "javascript: links are not allowed"),
    (re.compile(r"!\[\s*\]\("), "this image has no alt text: write what it shows between the [ ]"),
    (re.compile(r"!\[\s*[\w.-]+\.(png|jpe?g|svg|gif|webp)\s*\]\(", re.I),
     "the alt text is a file name: write what the image shows between the [ ]"),
    (re.compile(r"!\[\s*(image|afbeelding|foto|picture|photo|img)\s*\]\(", re.I),
     "the alt text says nothing: write what the image shows between the [ ]"),
    # read differently by different programs, or able to restyle the frame (the page guard refuses them too)
    (re.compile(r"<!--|<!\[CDATA\[|<\?[A-Za-z]"), "HTML comments, <![CDATA[ ]]> and <? ?> are not allowed in a page: "
     "programs read them differently; leave the note out of the page"),
    (re.compile(r"<\s*(noscript|style|link|template|select|math|base)\b", re.I),
     "this HTML element is not allowed in a page (<noscript>, <style>, <link>, <template>, <select>, <math>, <base>)"),
    (re.compile(r"\{[^{}\n]*\bstyle\s*=|<[^<>\n]*\sstyle\s*=", re.I),
     "a style attribute is not allowed: the look of the site lives in sitekit/theme/assets/stylesheets/"),
    (re.compile(r"(?:youtube\.com/embed|player\.vimeo\.com|youtu\.be/)", re.I),
     "embedded video from another website is not allowed: link to the video page instead"),
]


# Limits instead of hangs: Markdown itself slows down with the square of a line's length on some markup
# (2,000 "<img " take 0.2 s, 8,000 take 3 s); the longest line of the site's pages is under 1,000 characters.
MAX_LINE_CHARS = 5_000


def check_markdown(markdown: str, path: str, first_line: int) -> list[Problem]:
    problems = []
    in_fence = False
    for offset, line in enumerate(markdown.splitlines()):
        if len(line) > MAX_LINE_CHARS:
            problems.append(Problem(path, first_line + offset, f"this line is {len(line):,} characters long; at most "
                                                               f"{MAX_LINE_CHARS:,}: break it into paragraphs"))
            continue
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        for pattern, message in FORBIDDEN:
            if pattern.search(line):
                problems.append(Problem(path, first_line + offset, message))
    return problems


A_TAG_RE = re.compile(r"<a\b([^<>]*)>", re.I)
EXTERNAL_HREF_RE = re.compile(r'\bhref="https?://', re.I)
REL_RE = re.compile(r"\brel=", re.I)


def mark_external_links(html: str) -> str:
    """External links open normally, without opener or referrer."""
    def mark(m: re.Match[str]) -> str:
        attrs = m.group(1)
        if EXTERNAL_HREF_RE.search(attrs) and not REL_RE.search(attrs):
            return f'<a{attrs} rel="noopener noreferrer">'
        return m.group(0)

    return A_TAG_RE.sub(mark, html)
