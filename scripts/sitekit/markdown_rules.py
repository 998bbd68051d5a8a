"""Rules for what an editor writes in Markdown: no embeds or scripts, images with alt text."""

from __future__ import annotations

import re

from .problems import Problem

FORBIDDEN = [
    (re.compile(r"<\s*script\b", re.I), "a <script> in a page is not allowed: scripts live in overrides/assets/javascripts/"),
    (re.compile(r"<\s*(iframe|embed|object)\b", re.I),
     "embedded content (<iframe>, <embed>, <object>) is not allowed: it would send visitors' data to another website. Link to it instead"),
    (re.compile(r"<\s*(video|audio|img|source)\b[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", re.I),
     "media from another website is not allowed (it would be loaded from there): put the file in content/assets/ or link to it"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "inline event handlers (onclick=...) are not allowed"),
    (re.compile(r"\]\(\s*javascript:|href\s*=\s*[\"']\s*javascript:", re.I), "javascript: links are not allowed"),
    (re.compile(r"!\[\s*\]\("), "this image has no alt text: write what it shows between the [ ]"),
    (re.compile(r"!\[\s*[\w.-]+\.(png|jpe?g|svg|gif|webp)\s*\]\(", re.I),
     "the alt text is a file name: write what the image shows between the [ ]"),
    (re.compile(r"!\[\s*(image|afbeelding|foto|picture|photo|img)\s*\]\(", re.I),
     "the alt text says nothing: write what the image shows between the [ ]"),
    (re.compile(r"(?:youtube\.com/embed|player\.vimeo\.com|youtu\.be/)", re.I),
     "embedded video from another website is not allowed: link to the video page instead"),
]


def check_markdown(markdown: str, path: str, first_line: int) -> list[Problem]:
    problems = []
    in_fence = False
    for offset, line in enumerate(markdown.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        for pattern, message in FORBIDDEN:
            if pattern.search(line):
                problems.append(Problem(path, first_line + offset, message))
    return problems


EXTERNAL_LINK_RE = re.compile(r'<a\b(?![^>]*\brel=)([^>]*\bhref="https?://[^"]*"[^>]*)>', re.I)


def mark_external_links(html: str) -> str:
    """External links open normally, without opener or referrer."""
    return EXTERNAL_LINK_RE.sub(r'<a\1 rel="noopener noreferrer">', html)
