"""The site as a whole, after its pages: one pipeline for `mkdocs build`, `properdocs build`, `sitekit build`
and `sitekit check`.

The plugin (sitekit/plugin.py) runs every step inside the generator's own build:
1. the editorial checks (sitekit/content_checks.py) before the pages (on_pre_build);
2. every page rendered, checked and guarded in every language (the page events);
3. once every language is rendered (on_post_build, after i18n): the PDFs can be prepared and the page guard
   passes over every file (`check` stops here), then PDFs, the stylesheet cut to what pages use, the guard
   again for what changed, and the security headers (`build`).
`sitekit build` only runs the generator into a fresh folder and swaps it into site/ when it succeeded;
`sitekit check` runs it with SITEKIT_STEPS=check into a folder it throws away. Every problem is a
`file:line: level: message`; nothing here prints a traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build_output import problems_from_output
from .generator import NoGenerator, generator
from .html_guard import guarded_digest
from .problems import Problem
from .siteconfig import SiteConfig

STEPS_ENV = "SITEKIT_STEPS"    # "build" (default): everything; "check": no PDFs, stylesheet or headers written
NO_PDF_ENV = "SITEKIT_NO_PDF"  # "1": a build without PDFs (faster; the downloads tables stay)
RENDER_SECONDS = 600  # the whole site renders in about 30 s; each page has its own budget (sitekit/budget.py)


def steps() -> str:
    return "check" if os.environ.get(STEPS_ENV, "").strip().lower() == "check" else "build"


@dataclass
class Rendered:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    output: str = ""


def _die_with_parent() -> None:
    """Linux: the generator's process is killed with the build that started it (a killed `make build` leaves
    no process behind still writing into its folder)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def render(root: Path, site_dir: Path, extra: list[str] | None = None, mode: str = "build", pdf: bool = True) -> Rendered:
    """Run the generator's build (with the plugin's every step) into site_dir; collect its errors."""
    try:
        name = generator()
    except NoGenerator as exc:
        return Rendered(False, [Problem("requirements.txt", 1, str(exc))])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1", STEPS_ENV: mode}
    if not pdf:
        env[NO_PDF_ENV] = "1"
    # -f: ProperDocs would look for properdocs.yml first; mkdocs.yml is the name both generators read
    cmd = [sys.executable, "-m", name, "build", "-f", "mkdocs.yml", "--clean", "--strict", "--site-dir", str(site_dir),
           *(extra or [])]
    try:
        result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, errors="replace",
                                timeout=RENDER_SECONDS, preexec_fn=_die_with_parent)
    except subprocess.TimeoutExpired:
        return Rendered(False, [Problem("mkdocs.yml", 1, f"the {name} build took longer than {RENDER_SECONDS // 60} "
                                                         "minutes and was stopped; `make check` names slow pages")])
    output = result.stdout + result.stderr
    problems = problems_from_output(output, root)
    ok = result.returncode == 0 and (site_dir / "index.html").exists()
    if not ok and not problems:
        last = [line for line in output.splitlines() if line.strip()][-1:] or ["no output"]
        problems = [Problem("mkdocs.yml", 1, f"the {name} build failed: {last[0].strip()}")]
    return Rendered(ok, problems, output)


def site_digests(site: Path) -> dict[str, str]:
    """The digest of every HTML and SVG file of a site, by its path in the site."""
    return {path.relative_to(site).as_posix(): guarded_digest(path.read_text(encoding="utf-8", errors="replace"))
            for path in sorted(site.rglob("*")) if path.suffix in (".html", ".svg") and path.is_file()}


def _config_and_data(root: Path, config: SiteConfig | None, data: Any) -> tuple[SiteConfig, Any]:
    if config is None:
        from .siteconfig import read_config

        config = read_config(root)
    if data is None:
        from .sitedata import load_data

        data, _ = load_data(root / "data", config.languages, root, config.terms)
    return config, data


def guard_site(site: Path, root: Path, passed: dict[str, str] | None = None, *, config: SiteConfig | None = None,
               data: Any = None) -> list[Problem]:
    """The page guard over every HTML and SVG file of the finished site (404 page, download tables,
    images from content/): the same rules as for each page during the build. `passed`: files (path in
    the site -> digest) the guard already passed; those still exactly the same are not read again."""
    from .html_guard import Policy, allowed_domains, check_html, data_phones, source_urls
    from .svg_guard import check_svg

    config, data = _config_and_data(root, config, data)
    # files no page guard passed (the 404 page, the download tables): any source of the site may be linked
    policy = Policy(config.site_url, allowed_domains(data.values), set(config.quick_exit), data_phones(data.values),
                    source_urls(data.values))
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".svg") or not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        if passed and passed.get(relative) == guarded_digest(text):
            continue
        source = root / "content" / relative
        shown = f"content/{relative}" if source.exists() else f"site/{relative}"
        if path.suffix == ".svg":  # read as a browser reads an SVG file: XML
            problems += [Problem(shown, line, message) for line, message in check_svg(path.read_bytes())]
            continue
        for finding in check_html(text, config.site_url + relative, policy):
            problems.append(Problem(shown, 1, finding.message))
    return problems


def download_context(site: Path, root: Path, config: SiteConfig | None = None, data: Any = None) -> Any:
    from .downloads import Context

    config, data = _config_and_data(root, config, data)
    return Context(site, root, config.site_url, config.languages, config.site_names, data)


def after_pages_problems(site: Path, root: Path, passed: dict[str, str] | None = None, *,
                         config: SiteConfig | None = None, data: Any = None) -> list[Problem]:
    """What every build checks after the pages, without printing PDFs: the PDFs can be prepared (their
    texts exist), and the page guard passes over every file of the site."""
    from .downloads import print_jobs

    problems: list[Problem] = []
    try:
        print_jobs(download_context(site, root, config, data))
    except Exception as exc:  # noqa: BLE001
        problems.append(getattr(exc, "problem", None)
                        or Problem("sitekit/downloads.py", 1, f"the PDFs cannot be prepared: {type(exc).__name__}: {exc}"))
    return problems + guard_site(site, root, passed, config=config, data=data)


def finish_site(site: Path, root: Path, *, config: SiteConfig, data: Any, pdf: bool = True) -> tuple[list[Problem], list[str]]:
    """`build` after the checks: PDFs, the stylesheet cut to what the pages use, the page guard once more for
    what changed (the downloads tables), the security headers. (problems, lines to show)."""
    from .css_purge import purge_site
    from .downloads import build_downloads
    from .security_headers import write_headers

    said: list[str] = []
    passed = site_digests(site)  # every file passed the guard just before (after_pages_problems)
    if pdf:
        made = build_downloads(download_context(site, root, config, data))
        said.append(f"PDF downloads: {len(made)} files")
    purged = purge_site(site, passed=passed)  # after the downloads tables: they are part of the pages
    if purged:
        said.append(f"Stylesheet: {purged.bytes_before // 1024} KB -> {purged.bytes_after // 1024} KB "
                    "(rules no page can use removed)")
    problems = guard_site(site, root, passed, config=config, data=data)
    write_headers(site)
    return problems, said


def make_readable(site: Path) -> None:
    """A web server's worker (another user) must read the site: folders 755, files 644."""
    os.chmod(site, 0o755)
    for dirpath, dirnames, filenames in os.walk(site):
        for d in dirnames:
            os.chmod(os.path.join(dirpath, d), 0o755)
        for f in filenames:
            os.chmod(os.path.join(dirpath, f), 0o644)
