"""The shipped nginx config and _headers file: every security header, on every kind of response."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

REQUIRED = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.mark.parametrize("path", ["", "fr/", "en/jongeren/", "assets/stylesheets/site/base.css",
                                  "assets/javascripts/site/quick-exit.js", "bestaat-niet/"])
def test_nginx_sends_every_header(nginx_url: str, path: str) -> None:
    status, headers, _ = fetch(nginx_url + path)
    assert status == (404 if path == "bestaat-niet/" else 200), (path, status)
    for name, value in REQUIRED.items():
        assert headers.get(name) == value, (path, name, headers)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "camera=()" in headers["Permissions-Policy"]
    assert "Server" not in headers or "/" not in headers["Server"]  # no version number


def test_hashed_assets_are_cached_long_html_is_not(nginx_url: str, site_dir: Path) -> None:
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    _, headers, _ = fetch(nginx_url + "assets/javascripts/" + bundle)
    assert "immutable" in headers["Cache-Control"]
    _, headers, _ = fetch(nginx_url)
    assert headers["Cache-Control"] == "no-cache"


def test_gzip(nginx_url: str) -> None:
    _, headers, _ = fetch(nginx_url + "assets/stylesheets/site/base.css")
    assert headers.get("Content-Encoding") == "gzip"


def test_headers_file_for_static_hosts(site_dir: Path) -> None:
    text = (site_dir / "_headers").read_text(encoding="utf-8")
    for name, value in REQUIRED.items():
        assert f"  {name}: {value}" in text
    assert "Content-Security-Policy: default-src 'none'" in text


@pytest.mark.parametrize(("prefix", "words"), [("", "Deze pagina bestaat niet"), ("fr/", "Cette page n’existe pas"),
                                               ("en/", "This page doesn&#39;t exist")])
def test_page_not_found_in_the_visitors_language(nginx_url: str, prefix: str, words: str) -> None:
    """Each language has its own 404 page, with the help line and a way home and to all help."""
    status, headers, body = fetch(nginx_url + prefix + "bestaat/niet/")
    if headers.get("Content-Encoding") == "gzip":
        import gzip
        body = gzip.decompress(body)
    html = body.decode("utf-8")
    assert status == 404
    assert words in html and 'href="tel:116000"' in html
    assert f'href="/{prefix}hulp/"' in html and f'<html lang="{prefix.rstrip("/") or "nl"}"' in html
    assert "Content-Security-Policy" in headers
