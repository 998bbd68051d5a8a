"""How long an editor waits: save a page, until `make serve` serves the new text (100-page site)."""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench.projects import dutch_page_count, make_project, with_own_template
from devtools.local_nginx import free_port
from devtools.processes import stop


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:  # not up yet, or being rebuilt (URLError, a reset connection)
        return None


def serve_command(kind: str, project: Path, port: int) -> list[str]:
    if kind == "ours":  # exactly what `make serve` runs
        return [sys.executable, "-m", "sitekit", "serve", "--port", str(port)]
    return [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]


@contextlib.contextmanager
def serving(kind: str, project: Path, url_path: str) -> Iterator[str]:
    """`make serve` (or plain `mkdocs serve`) on a free port, up and settled; stopped afterwards."""
    port = free_port()
    proc = subprocess.Popen(serve_command(kind, project, port), cwd=project,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 300
        while _get(base + url_path) is None:
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"{kind}: serve did not start")
            time.sleep(0.2)
        time.sleep(2)  # let the watcher settle
        yield base
    finally:
        stop(proc)


def edit_latency(kind: str, work: Path, pages: int = 100, edits: int = 3) -> dict[str, float]:
    project = make_project(kind, work / f"serve-{kind}", pages)
    page = project / "content" / "bench" / "s01" / "p0001.md"
    url_path = "bench/s01/p0001/"
    with serving(kind, project, url_path) as base:
        waits = []
        for n in range(edits):
            marker = f"bewerking{n}x{os.getpid()}"
            with page.open("a", encoding="utf-8") as f:
                f.write(f"\n\nNieuwe zin {marker}.\n")
            start = time.perf_counter()
            while marker not in (_get(base + url_path) or ""):
                if time.perf_counter() - start > 120:
                    raise RuntimeError(f"{kind}: the edit never showed up")
                time.sleep(0.02)
            waits.append(time.perf_counter() - start)
            time.sleep(1.5)
        return {"median_s": statistics.median(waits), "pages_per_language": pages, "edits": edits}


def preview_kinds(work: Path, edits: int = 3) -> dict[str, float]:
    """Ours only, on this site as it is: seconds from saving until the page a browser looks at shows the
    change, for an edit in a page, in a data file (data/ui.yml) and in a template (overrides/); and until a
    page nobody looked at shows it too (the preview renders those in a second build and holds a request
    for one of them until then). Median of `edits` edits each, a few seconds apart."""
    project = with_own_template(make_project("ours", work / "serve-kinds"))
    looked_at = "hulp/"
    # for "every page": each time a page no browser asked for yet (asking for it makes it one looked at)
    unseen = [str(p.relative_to(project / "content").with_suffix("")) + "/"
              for p in sorted((project / "content").rglob("*.md"))
              if p.name.count(".") == 1 and p.name != "index.md"]

    def page_edit(marker: str) -> None:
        with (project / "content" / "hulp" / "index.md").open("a", encoding="utf-8") as f:
            f.write(f"\n\nNieuwe zin {marker}.\n")

    def data_edit(marker: str) -> None:
        ui = project / "data" / "ui.yml"
        text = ui.read_text(encoding="utf-8")
        ui.write_text(text.replace('footer.privacy: {nl: "', f'footer.privacy: {{nl: "{marker} ', 1), encoding="utf-8")

    def template_edit(marker: str) -> None:
        tpl = project / "overrides" / "partials" / "site" / "footer-links.html"
        tpl.write_text(tpl.read_text(encoding="utf-8").replace("<ul ", f"<p>{marker}</p><ul ", 1), encoding="utf-8")

    def shows(base: str, path: str, marker: str, start: float) -> float:
        while marker not in (_get(base + path) or ""):
            if time.perf_counter() - start > 120:
                raise RuntimeError(f"ours: the edit never showed up in {path}")
            time.sleep(0.02)
        return time.perf_counter() - start

    with serving("ours", project, looked_at) as base:
        result: dict[str, float] = {}
        for name, edit in (("page_s", page_edit), ("data_s", data_edit), ("template_s", template_edit)):
            seen, everywhere = [], []
            for n in range(edits):
                marker = f"{name}x{n}x{os.getpid()}"
                edit(marker)
                start = time.perf_counter()
                seen.append(shows(base, looked_at, marker, start))
                if name != "page_s":  # a page edit changes that page only
                    everywhere.append(shows(base, unseen.pop(), marker, start))
                time.sleep(5)  # the second build is done; the next edit starts from a quiet preview
            result[name] = round(statistics.median(seen), 2)
            if everywhere:
                result[name.replace("_s", "_everywhere_s")] = round(statistics.median(everywhere), 2)
        return {**result, "pages_per_language": dutch_page_count(project / "content")}
