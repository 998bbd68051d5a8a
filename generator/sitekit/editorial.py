"""Editorial rules on page text: words we never use, contact data typed by hand."""

from __future__ import annotations

import re
from typing import Any

from .problems import Problem

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+\b")
BE_PHONE_RE = re.compile(r"(?<![\w/.-])(?:\+32|0)\s?\d{1,3}(?:[\s/.]?\d{2,3}){2,3}(?![\w-])"
                         r"|(?<![\w/.-])116[\s.\u00a0]?\d{3}(?![\w-])")  # 116 xxx: Europe's harmonised help numbers


def _strip_functions(line: str) -> str:
    return without_between(line, "{{", "}}")


def without_between(text: str, start: str, end: str) -> str:
    """`text` with every `start ... end` replaced by a space, in one pass (an unclosed start is kept)."""
    out, i = [], 0
    while (j := text.find(start, i)) >= 0 and (k := text.find(end, j + len(start))) >= 0:
        out += [text[i:j], " "]
        i = k + len(end)
    return "".join(out) + text[i:]


def banned_words(markdown: str, lang: str, words: dict[str, Any], path: str, first_line: int) -> list[Problem]:
    problems = []
    entries = words.get(lang, [])
    patterns = [(re.compile(r"(?<!\w)" + re.escape(e["phrase"]) + r"(?!\w)", re.I), e) for e in entries]
    for offset, line in enumerate(markdown.splitlines()):
        for pattern, entry in patterns:
            if pattern.search(line):
                problems.append(Problem(path, first_line + offset,
                                        f"do not write \"{entry['phrase']}\"; instead: {entry['instead']}"))
    return problems


def typed_contacts(markdown: str, helplines: dict[str, Any], path: str, first_line: int,
                   source: str = "data/hulplijnen.yml") -> list[Problem]:
    """Phone numbers and e-mail addresses must come from data/hulplijnen.yml, never be typed."""
    numbers = []
    for ident, e in helplines.items():
        for key in ("phone", "phone_display"):
            if e.get(key):
                numbers.append((re.compile(r"(?<![\w.])" + re.escape(e[key]).replace(r"\ ", r"\s?") + r"(?![\w])"), ident))
    problems = []
    for offset, raw in enumerate(markdown.splitlines()):
        line = _strip_functions(raw)
        if re.search(r"\]\((tel|mailto):", line):
            problems.append(Problem(path, first_line + offset, "a tel:/mailto: link typed by hand: use {{ tel(\"id\") }} or {{ mail(\"id\") }}"))
            continue
        for m in EMAIL_RE.finditer(line):
            problems.append(Problem(path, first_line + offset,
                                    f"e-mail address '{m.group(0)}' typed by hand: add it to {source} and use {{{{ mail(\"id\") }}}}"))
        line = EMAIL_RE.sub(" ", line)
        for pattern, ident in numbers:
            if pattern.search(line):
                problems.append(Problem(path, first_line + offset,
                                        f"phone number of '{ident}' typed by hand: write {{{{ tel(\"{ident}\") }}}}"))
                break
        else:
            for m in BE_PHONE_RE.finditer(line):
                problems.append(Problem(path, first_line + offset,
                                        f"phone number '{m.group(0).strip()}' typed by hand: add it to {source} with its source"))
    return problems


LINK_RE = re.compile(r"\]\(\s*<?((?:https?:)?//[^)\s>]+)|href=[\"']((?:https?:)?//[^\"']+)", re.I)


def external_links(markdown: str, allowed: list[str], path: str, first_line: int,
                   source: str = "data/domeinen.yml") -> list[Problem]:
    """External links only over https and only to allowed domains (data/domeinen.yml)."""
    from urllib.parse import urlparse

    problems = []
    for offset, line in enumerate(markdown.splitlines()):
        for m in LINK_RE.finditer(line):
            url = m.group(1) or m.group(2)
            parsed = urlparse(url if not url.startswith("//") else "https:" + url)
            host = (parsed.hostname or "").lower()
            if parsed.scheme.lower() != "https":
                problems.append(Problem(path, first_line + offset, f"link '{url}' must use https://"))
            elif not any(host == d or host.endswith("." + d) for d in allowed):
                problems.append(Problem(path, first_line + offset,
                                        f"link to '{host}' is not on the allow-list in {source} (help organisations and government only)"))
    return problems
