"""One way to build the site, shared by `make build` and `make check` so that both report the same errors.

1. the editorial checks (sitekit/content_checks.py) over content/ and data/;
2. the generator (MkDocs or ProperDocs) renders every page in every language, with the hooks;
3. `make build` only: PDFs, stylesheet, the page guard over every file of the site, security headers.
Every problem is a `file:line: error: message`; nothing here prints a traceback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .build_output import problems_from_output
from .generator import NoGenerator, generator
from .html_guard import GUARDED_MANIFEST_ENV, guarded_digest
from .problems import ERROR, Problem


@dataclass
class Rendered:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    output: str = ""
    guarded: dict[str, str] = field(default_factory=dict)  # pages the guard passed while rendering


def static_problems(root: Path) -> list[Problem]:
    from .content_checks import run_checks

    try:
        problems, _ = run_checks(root)
    except Exception as exc:  # noqa: BLE001 - a check that breaks must still name what it was doing
        return [Problem("sitekit/content_checks.py", 1, f"the check stopped: {type(exc).__name__}: {exc}")]
    return [p for p in problems if p.level == ERROR]


RENDER_SECONDS = 600  # the whole site renders in about 30 s; each page has its own budget (sitekit/budget.py)


def _die_with_parent() -> None:
    """Linux: the generator's process is killed with the build that started it (a killed `make build` leaves
    no process behind still writing into its folder)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def render(root: Path, site_dir: Path, extra: list[str] | None = None) -> Rendered:
    """Run the generator's build into site_dir (which it may create); collect its errors."""
    try:
        name = generator()
    except NoGenerator as exc:
        return Rendered(False, [Problem("requirements.txt", 1, str(exc))])
    handle, manifest = tempfile.mkstemp(prefix="site-guarded-", suffix=".json")
    os.close(handle)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1", GUARDED_MANIFEST_ENV: manifest}
    cmd = [sys.executable, "-m", name, "build", "--clean", "--strict", "--site-dir", str(site_dir), *(extra or [])]
    try:
        try:
            result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, errors="replace",
                                    timeout=RENDER_SECONDS, preexec_fn=_die_with_parent)
        except subprocess.TimeoutExpired:
            return Rendered(False, [Problem("mkdocs.yml", 1, f"the {name} build took longer than {RENDER_SECONDS // 60} "
                                                             "minutes and was stopped; `make check` names slow pages")])
        try:
            guarded = json.loads(Path(manifest).read_text(encoding="utf-8") or "{}")
        except ValueError:
            guarded = {}
    finally:
        os.unlink(manifest)
    output = result.stdout + result.stderr
    problems = problems_from_output(output, root)
    ok = result.returncode == 0 and (site_dir / "index.html").exists()
    if not ok and not problems:
        last = [line for line in output.splitlines() if line.strip()][-1:] or ["no output"]
        problems = [Problem("mkdocs.yml", 1, f"the {name} build failed: {last[0].strip()}")]
    return Rendered(ok, problems, output, guarded if isinstance(guarded, dict) else {})


def site_digests(site: Path) -> dict[str, str]:
    """The digest of every HTML and SVG file of a site, by its path in the site."""
    return {path.relative_to(site).as_posix(): guarded_digest(path.read_text(encoding="utf-8", errors="replace"))
            for path in sorted(site.rglob("*")) if path.suffix in (".html", ".svg") and path.is_file()}


def guard_site(site: Path, root: Path, passed: dict[str, str] | None = None) -> list[Problem]:
    """The page guard over every HTML and SVG file of the finished site (404 page, download tables,
    images from content/): the same rules as for each page during the build. `passed`: files (path in
    the site -> digest) the guard already passed; those still exactly the same are not read again."""
    from .html_guard import Policy, allowed_domains, check_html, data_phones, source_urls
    from .siteconfig import read_config
    from .sitedata import load_data
    from .svg_guard import check_svg

    config = read_config(root)
    data, _ = load_data(root / "data", config.languages, root)
    exits = config.quick_exit
    # files no page guard passed (the 404 page, the download tables): any source of the site may be linked
    policy = Policy(config.site_url, allowed_domains(data.values), exits, data_phones(data.values),
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


def download_context(site: Path, root: Path):  # type: ignore[no-untyped-def]
    from .downloads import Context
    from .siteconfig import read_config
    from .sitedata import load_data

    config = read_config(root)
    data, _ = load_data(root / "data", config.languages, root)
    return Context(site, root, config.site_url, config.languages, config.site_names, data)


def after_pages_problems(site: Path, root: Path, passed: dict[str, str] | None = None) -> list[Problem]:
    """What `make build` checks after the pages, without printing PDFs: the PDFs can be prepared (their
    texts exist), and the page guard passes over every file of the site."""
    from .downloads import print_jobs

    problems: list[Problem] = []
    try:
        print_jobs(download_context(site, root))
    except Exception as exc:  # noqa: BLE001
        problems.append(getattr(exc, "problem", None)
                        or Problem("sitekit/downloads.py", 1, f"the PDFs cannot be prepared: {type(exc).__name__}: {exc}"))
    return problems + guard_site(site, root, passed)


def make_readable(site: Path) -> None:
    """A web server's worker (another user) must read the site: folders 755, files 644."""
    os.chmod(site, 0o755)
    for dirpath, dirnames, filenames in os.walk(site):
        for d in dirnames:
            os.chmod(os.path.join(dirpath, d), 0o755)
        for f in filenames:
            os.chmod(os.path.join(dirpath, f), 0o644)
