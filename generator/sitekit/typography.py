"""French typography in the built HTML: « » for the quotes Markdown made typographic (smarty: “ ”), a
no-break space before : and inside « », a narrow no-break
space before ; ? ! — so a question mark never starts a line on a phone. Only text is touched: not
tags, attributes, code, scripts or styles."""

from __future__ import annotations

import re

# tags and entities; no comments: the page guard refuses them before this step (html_guard.py)
TOKEN_RE = re.compile(r"(<[^<>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")
SKIP_TAGS = ("code", "pre", "script", "style", "textarea", "kbd", "samp")
OPEN_RE = re.compile(rf"^<({'|'.join(SKIP_TAGS)})\b", re.I)
CLOSE_RE = re.compile(rf"^</({'|'.join(SKIP_TAGS)})\s*>", re.I)
NBSP, NNBSP = "\u00a0", "\u202f"


def french_text(text: str) -> str:
    text = text.replace("&ldquo;", "«").replace("&rdquo;", "»").replace("“", "«").replace("”", "»")
    # "quoi?" -> "quoi ?" and "Parles-en:" -> "Parles-en :": a space where a word touches the sign (not in
    # "10:30" or "https://": the sign must follow a letter and be followed by a space or the end)
    text = re.sub(r"(?<=[^\W\d_])([;?!])(?=\s|$|<|»)", NNBSP + r"\1", text)
    text = re.sub(r"(?<=[^\W\d_]):(?=\s|$|<)", NBSP + ":", text)
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]+([;?!])", lambda m: NNBSP + m.group(1), text)
    text = re.sub(r"(?<=\S)[ \u00a0\u202f]+:(?=\s|$|<)", NBSP + ":", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«" + NBSP, text)
    text = re.sub(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]*»", NBSP + "»", text)
    return text


def french_spaces(html: str) -> str:
    out, depth = [], 0
    html = html.replace("&ldquo;", "“").replace("&rdquo;", "”")  # smarty's quotes: text, to become « »
    for part in TOKEN_RE.split(html):
        if not part:
            continue
        if part.startswith("&"):  # an entity (&rsquo;, &amp;): as it is, never "&rsquo ;"
            out.append(part)
        elif part.startswith("<"):
            if OPEN_RE.match(part) and not part.endswith("/>"):
                depth += 1
            elif CLOSE_RE.match(part):
                depth = max(0, depth - 1)
            out.append(part)
        else:
            out.append(part if depth else french_text(part))
    return "".join(out)
