"""`make serve`: the generator's own preview server (MkDocs or ProperDocs), with two additions.

- It notes which pages a browser asks for, so that after an edit in data/ or overrides/ those pages are
  rendered first (sitekit/preview.py).
- It holds a request for a page that is still pending (older than the last edit) until that page is
  rendered again, and starts the build that renders it: no browser ever gets a stale page.
- It looks for changed files every 0.1 s (the generator: 0.5 s), and lists the theme's files (Material's
  thousands of icons) once instead of for every rebuild, again when overrides/ or the site's files change.

Everything else is the generator's `serve` command as it is.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sitekit import preview

POLL_SECONDS = 0.1


def holding_stale_pages(original: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    def serve_request(self: Any, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        url = preview.page_url(str(environ.get("PATH_INFO", "")))
        if url is not None:
            preview.saw(url)
            if url in preview.pending():
                preview.ask_for_second_build(after=0)
                preview.wait_until_fresh(url)
        return original(self, environ, start_response)

    return serve_request


def polling_often(original: Callable[..., None]) -> Callable[..., None]:
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("polling_interval", POLL_SECONDS)
        original(self, *args, **kwargs)

    return __init__


def _tree(folder: str | None) -> tuple[Any, ...]:
    if not folder:
        return ()
    return tuple((str(p), p.stat().st_mtime_ns) for p in sorted(Path(folder).rglob("*")))


def listing_theme_files_once(original: Callable[..., None], file_class: type) -> Callable[..., None]:
    """Files.add_files_from_theme, remembered: the theme's static files do not change while serving."""
    remembered: dict[tuple[Any, ...], list[tuple[str, str]]] = {}

    def add_files_from_theme(self: Any, env: Any, config: Any) -> None:
        key = (tuple(config.theme.dirs), config.site_dir, config.use_directory_urls,
               frozenset(f.src_uri for f in self), _tree(config.theme.custom_dir))
        if key not in remembered:
            before = {f.src_uri for f in self}
            original(self, env, config)
            remembered.clear()
            remembered[key] = [(f.src_uri, f.src_dir) for f in self if f.src_uri not in before]
            return
        for uri, src_dir in remembered[key]:
            self.append(file_class(uri, src_dir, config.site_dir, config.use_directory_urls))

    return add_files_from_theme


def serve(generator: str, args: list[str]) -> int:
    """Run `<generator> serve <args>` in this process (so it shares sitekit.preview with the plugin)."""
    livereload = importlib.import_module(f"{generator}.livereload")
    server = livereload.LiveReloadServer
    server.serve_request = holding_stale_pages(server.serve_request)
    server.__init__ = polling_often(server.__init__)
    files = importlib.import_module(f"{generator}.structure.files")
    files.Files.add_files_from_theme = listing_theme_files_once(files.Files.add_files_from_theme, files.File)
    cli = importlib.import_module(f"{generator}.__main__").cli
    try:
        cli.main(args=["serve", *args], prog_name=generator)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0
