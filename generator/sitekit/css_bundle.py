"""One stylesheet instead of ten: Material's CSS and the site's component CSS, joined at build time.

Every extra stylesheet is a render-blocking request; on a phone on a slow network each one costs a
round trip before the first paint. `mkdocs build` therefore serves a single file named after its
content hash (cached forever, replaced when it changes). `make serve` keeps the separate files, so a
CSS edit reloads at once. The sources stay one file per component in sitekit/theme/assets/stylesheets/site/.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SOURCE_MAP_RE = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
CHARSET_RE = re.compile(r'@charset "[^"]*";')


def material_stylesheets(theme_dir: Path, with_palette: bool) -> list[Path]:
    """Material's own stylesheets, in the order its base.html links them."""
    folder = theme_dir / "assets" / "stylesheets"
    found = sorted(folder.glob("main.*.min.css"))
    if with_palette:
        found += sorted(folder.glob("palette.*.min.css"))
    return found


def bundle(sources: list[Path], folder: str = "assets/stylesheets") -> tuple[str, str]:
    """(site-relative path, content) of the joined stylesheet. Sources must not use relative url()s."""
    parts = []
    for path in sources:
        text = CHARSET_RE.sub("", SOURCE_MAP_RE.sub("", path.read_text(encoding="utf-8"))).strip()
        parts.append(f"/* {path.name} */\n{text}\n")
    content = '@charset "UTF-8";\n' + "\n".join(parts)  # @charset only counts as the very first rule
    return hashed_name(content, folder), content


def hashed_name(content: str, folder: str = "assets/stylesheets") -> str:
    """site.<hash>.css: a new name whenever the content changes, so browsers may cache it for a year."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    return f"{folder}/site.{digest}.css"
