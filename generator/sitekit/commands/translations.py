"""`make translations`: which pages exist in which language, and which translations are outdated.

    sitekit translations            # the table
    sitekit translations --stamp content/jongeren/online.fr.md   # mark a checked translation as current
    sitekit translations --stamp-all                                # mark every existing translation as current
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from sitekit.siteconfig import read_config
from sitekit.translations import MISSING, OUTDATED, PRESENT, UNSTAMPED, dutch_pages, orphans, stamp, status, translation_path

ROOT = Path.cwd()  # the site's folder: where its mkdocs.yml is (make runs there)
MARK = {PRESENT: "ok", MISSING: "MISSING", OUTDATED: "OUTDATED", UNSTAMPED: "no hash"}


def main(argv: list[str]) -> int:
    content = ROOT / "content"
    languages = read_config(ROOT).languages
    if argv[:1] == ["--stamp-all"]:
        for dutch in dutch_pages(content):
            for lang in languages[1:]:
                if translation_path(dutch, lang).exists():
                    stamp(translation_path(dutch, lang), dutch)
        argv = []
    elif argv[:1] == ["--stamp"]:
        for name in argv[1:]:
            tr = (ROOT / name).resolve()
            lang = tr.name.split(".")[-2]
            if lang not in languages[1:]:  # a page in the default language is the source, never stamped itself
                print(f"{name}:1: error: not a translation (expected a name like page.{languages[1]}.md)",
                      file=sys.stderr)
                return 1
            dutch = tr.with_name(tr.name.replace(f".{lang}.md", ".md"))
            problem = ("no such file" if not tr.is_file() else
                       f"its source page {dutch.relative_to(ROOT) if dutch.is_relative_to(ROOT) else dutch} does not exist"
                       if not dutch.is_file() else None)
            if problem:
                print(f"{name}:1: error: {problem}", file=sys.stderr)
                return 1
            stamp(tr, dutch)
        argv = []
    rows = status(content, languages)
    pages = sorted({r.page for r in rows})
    width = max(len(p) for p in pages) if pages else 10
    print(f"{f'page (source: {languages[0]})':{width}}  " + "  ".join(f"{lang:9}" for lang in languages[1:]))
    by = {(r.page, r.lang): r.state for r in rows}
    for page in pages:
        print(f"{page:{width}}  " + "  ".join(f"{MARK[by[(page, lang)]]:9}" for lang in languages[1:]))
    counts = Counter(r.state for r in rows)
    print("\n" + ", ".join(f"{counts.get(s, 0)} {MARK[s]}" for s in (PRESENT, OUTDATED, UNSTAMPED, MISSING)))
    for orphan in orphans(content, languages):
        print(f"{orphan.relative_to(ROOT)}:1: error: translation without its source page ({languages[0]})")
    print(f"{MARK[UNSTAMPED]}: a translation that does not record which version of its source it translates; "
          "check it against the source, then --stamp it.")
    print(f"Missing pages are shown in the default language ({languages[0]}) with a notice; outdated ones: compare with "
          f"the {languages[0]} page, "
          "update, then run: sitekit translations --stamp <file>")
    return 1 if orphans(content, languages) else 0


def run(argv: list[str]) -> int:
    return main(argv)
