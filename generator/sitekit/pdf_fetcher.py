"""What WeasyPrint may read while it prints a PDF: files inside the built site, and data: URLs.

WeasyPrint's default fetcher follows file: URLs anywhere on the build machine (and http/https), so a
link such as `[x](file:///proc/self/environ){rel=attachment}` would publish the build's environment
inside a public PDF. This fetcher refuses every other address, and the print stops with a message.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher


class NotInSite(FatalURLFetchingError):
    """A PDF asked for something outside the built site."""


class SiteFetcher(URLFetcher):
    def __init__(self, *roots: Path):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = [Path(os.path.realpath(r)) for r in roots]

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return True
        if scheme != "file" or parts.netloc not in ("", "localhost"):
            return False
        target = Path(os.path.realpath(unquote(parts.path)))  # symlinks resolved: no way out through a link
        return any(target == r or r in target.parents for r in self.roots)

    def fetch(self, url, headers=None):  # type: ignore[no-untyped-def]
        if not self.allowed(url):
            raise NotInSite(f"a PDF may only use files of the built site; refused: {url[:120]}")
        return super().fetch(url, headers)
