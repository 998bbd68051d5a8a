"""The browser (lunr.js + lunr-languages) and the build (lunr.py + Snowball) must stem alike,
or a prebuilt index would miss words typed in the search field."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from sitekit.search_index import fold, stem

ROOT = Path(__file__).resolve().parents[2]
LUNR = ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "lunr-2.3.9.min.js"
LANGS_DIR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"


def site_words(lang: str, limit: int = 600) -> list[str]:
    """Real words from the content in that language (and a fixed list), folded like the index."""
    suffix = "" if lang == "nl" else f".{lang}"
    words: set[str] = set()
    for path in sorted((ROOT / "content").rglob(f"*{suffix}.md")):
        if lang == "nl" and path.name.count(".") > 1:
            continue
        words |= {fold(w) for w in re.findall(r"[^\W\d_]{3,}", path.read_text(encoding="utf-8"))}
    fixed = {"nl": "signalen signaal loverboys loverboy tienerpooiers uitbuiting vriendinnen geheimen",
             "fr": "proxenete proxenetes exploitation signaux jeunes menaces amoureux cadeaux",
             "en": "loverboys loverboy signals pimps grooming groomer threats boys sky flying"}[lang].split()
    return sorted(words)[:limit] + fixed


@pytest.mark.skipif(shutil.which("node") is None, reason="node is needed to run lunr.js")
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_python_and_javascript_stems_are_equal(lang: str) -> None:
    words = site_words(lang)
    script = f"""
    const lunr = require({json.dumps(str(LUNR))});
    require({json.dumps(str(LANGS_DIR / "lunr.stemmer.support.min.js"))})(lunr);
    require({json.dumps(str(LANGS_DIR / "lunr.nl.min.js"))})(lunr);
    require({json.dumps(str(LANGS_DIR / "lunr.fr.min.js"))})(lunr);
    const stem = {json.dumps(lang)} === "en" ? lunr.stemmer : lunr[{json.dumps(lang)}].stemmer;
    const words = JSON.parse(require("fs").readFileSync(0, "utf8"));
    console.log(JSON.stringify(words.map(w => stem(new lunr.Token(w)).toString())));
    """
    out = subprocess.run(["node", "-e", script], input=json.dumps(words), capture_output=True, text=True, check=True)
    js = json.loads(out.stdout)
    different = [(w, stem(w, lang), j) for w, j in zip(words, js) if stem(w, lang) != j]
    assert different == []
