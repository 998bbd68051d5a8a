"""Content is input: hostile and careless edits to pages and data, on the small fixture site.

For every case, either the build fails with `file:line: error:` and no traceback (and `make check` fails
with the same errors), or the site builds and the payload is inert: no file from outside the project in
site/, no executable script that the theme did not bring, no foreign address.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_build

ERROR_LINE = re.compile(r"^\s*(\S+:\d+): error: (.*)$", re.M)


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitekit", "check"], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def errors(output: str) -> set[str]:
    return {f"{m.group(1)}: {m.group(2).strip()}" for m in ERROR_LINE.finditer(output)}


def page(project: Path, rel: str = "over/index.md") -> Path:
    return project / "content" / rel


def body(project: Path, text: str, rel: str = "over/index.md") -> None:
    p = page(project, rel)
    p.write_text(p.read_text(encoding="utf-8").replace("Tekst.", text), encoding="utf-8")


def front(project: Path, old: str, new: str, rel: str = "over/index.md") -> None:
    p = page(project, rel)
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def data(project: Path, name: str, old: str, new: str) -> None:
    p = project / "data" / name
    text = p.read_text(encoding="utf-8")
    assert old in text, old
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(project: Path, name: str, text: str) -> None:
    p = project / "data" / name
    p.write_text(p.read_text(encoding="utf-8") + text, encoding="utf-8")


BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))

# (id, edit, the file:line the error must name, words of the message)
FAILING: list[tuple[str, Callable[[Path], None], str, str]] = [
    # code at build time
    ("jinja-lipsum-popen", lambda p: body(p, "{{ lipsum.__globals__.os.popen('id').read() }}"),
     "content/over/index.md:10", "functions"),
    ("jinja-cycler-open", lambda p: body(p, "{{ cycler.__init__.__globals__.__builtins__.open('/etc/passwd').read() }}"),
     "content/over/index.md:10", "functions"),
    ("jinja-function-globals", lambda p: body(p, "{{ tel.__globals__ }}"), "content/over/index.md:10", "not allowed in a page"),
    ("jinja-mro-walk", lambda p: body(p, "x\n\n{{ tel('childfocus').__class__.__mro__[1].__subclasses__() }}"),
     "content/over/index.md:12", "not allowed in a page"),
    ("jinja-huge-string", lambda p: body(p, "{{ 'a' * 100000000 }}"), "content/over/index.md:10", "too long"),
    ("jinja-range", lambda p: body(p, "{% for i in range(9) %}x{% endfor %}"), "content/over/index.md:10", "'range' is undefined"),
    ("jinja-unknown-filter", lambda p: body(p, "{{ 'x' | attr('__class__') }}"), "content/over/index.md:10", "template syntax"),
    # files from the build machine
    ("file-link-attachment", lambda p: body(p, "[x](file:///proc/self/environ){rel=attachment}"),
     "content/over/index.md:10", "file: addresses are not allowed"),
    ("symlink-page", lambda p: os.symlink("/etc/hostname", page(p, "hulp/gelekt.md")),
     "content/hulp/gelekt.md:1", "outside the project"),
    ("symlink-asset", lambda p: os.symlink("/etc/passwd", p / "content" / "assets" / "passwd.txt"),
     "content/assets/passwd.txt:1", "outside the project"),
    ("symlink-data", lambda p: os.symlink("/etc/passwd", p / "data" / "checklists" / "x.yml"),
     "data/checklists/x.yml:1", "outside the project"),
    ("html-file-in-content", lambda p: (p / "content" / "hulp" / "x.html").write_bytes("<p>Caf\xe9</p>".encode("latin-1")),
     "content/hulp/x.html:1", ".html files are not allowed"),
    # scripts on a page
    ("title-closes-title", lambda p: front(p, "title: Over", "title: \"&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
     "content/over/index.md:2", "plain text"),
    ("title-script", lambda p: front(p, "title: Over", "title: \"<script>alert(1)</script>\""),
     "content/over/index.md:2", "plain text"),
    ("description-handler", lambda p: front(p, "description: A small", "description: <img src=x onerror=alert(1)> A small"),
     "content/over/index.md:3", "plain text"),
    ("question-script", lambda p: front(p, "audience: iedereen", "audience: iedereen\nquestions:\n  - \"<script>alert(1)</script>\""),
     "content/over/index.md:6", "plain-text phrase"),
    ("question-blames", lambda p: front(p, "audience: iedereen", "audience: iedereen\nquestions:\n  - is het haar eigen schuld"),
     "content/over/index.md:6", "do not write"),
    ("helpline-email-breaks-out", lambda p: data(p, "hulplijnen.yml", "email: 116000@childfocus.org",
                                                 "email: '\"><script>alert(1)</script>@x.be'"),
     "data/hulplijnen.yml:19", "email must look like"),
    ("source-url-javascript", lambda p: data(p, "bronnen.yml", "url: https://www.jeugdhulp.be/themas/tienerpooiers",
                                             "url: javascript:alert(1)"),
     "data/bronnen.yml:14", "url must start with https://"),
    ("source-url-quote", lambda p: data(p, "bronnen.yml", "url: https://www.jeugdhulp.be/themas/tienerpooiers",
                                        "url: 'https://x.be/\"onmouseover=\"alert(1)'"),
     "data/bronnen.yml:14", "url must start with https://"),
    ("unclosed-fence-script", lambda p: body(p, "```\n<script>alert(1)</script>"), "content/over/index.md:11", "<script>"),
    ("closed-fence-script-shown", lambda p: body(p, "```\n```\n<script>alert(1)</script>"), "content/over/index.md:12", "<script>"),
    ("img-onerror-unquoted", lambda p: body(p, "<img src=x onerror=alert(1) alt=\"x\">"), "content/over/index.md:10", "onerror"),
    ("svg-slash-onload", lambda p: body(p, "<svg/onload=alert(1)>"), "content/over/index.md:10", "onload"),
    ("meta-refresh", lambda p: body(p, '<meta http-equiv=refresh content="0;url=https://evil.example/">'),
     "content/over/index.md:10", "meta http-equiv"),
    ("base-tag", lambda p: body(p, '<base href="https://evil.example/">'), "content/over/index.md:10", "evil.example"),
    ("object-data", lambda p: body(p, '<div markdown>\n<object data="https://evil.example/x.swf"></object>\n</div>'),
     "content/over/index.md", "not allowed"),
    # a wrong help number, silently
    ("duplicate-helpline", lambda p: append(p, "hulplijnen.yml", "\nchildfocus:\n  name: {nl: X}\n  phone: \"0900\"\n"),
     "data/hulplijnen.yml", "appears twice"),
    ("duplicate-front-matter-key", lambda p: front(p, "title: Over", "title: Over\ntitle: Anders"),
     "content/over/index.md:3", "appears twice"),
    # the machine down
    ("alias-bomb-data", lambda p: append(p, "woorden.yml", "\n" + BOMB.replace("a: &a", "xx: &a")),
     "data/woorden.yml", "anchors and aliases"),
    ("alias-bomb-front-matter", lambda p: front(p, "title: Over", "title: Over\n" + BOMB.replace("a: &a", "bomb: &a").rstrip()),
     "content/over/index.md", "anchors and aliases"),
    ("deep-brackets-front-matter", lambda p: front(p, "title: Over", "title: Over\nx: " + "[" * 5000 + "]" * 5000),
     "content/over/index.md", "nested"),
    ("deep-brackets-template", lambda p: body(p, "{{ " + "(" * 2400 + "1" + ")" * 2400 + " }}"),
     "content/over/index.md:10", "nested too deeply"),
    ("python-tag-data", lambda p: append(p, "woorden.yml", "\nxx: !!python/object/apply:os.system ['id']\n"),
     "data/woorden.yml", "is not allowed"),
    ("huge-data-file", lambda p: append(p, "woorden.yml", "\n# " + "x" * 600_000 + "\n"), "data/woorden.yml:1", "larger than"),
    # round the link rules
    ("userinfo-backslash", lambda p: body(p, "[x](https://evil.example\\@childfocus.be/)"), "content/over/index.md:10", "evil.example"),
    ("userinfo-at", lambda p: body(p, "[x](https://childfocus.be@evil.example/)"), "content/over/index.md:10", "evil.example"),
    ("http-uppercase", lambda p: body(p, "[x](HTTP://childfocus.be/)"), "content/over/index.md:10", "http"),
    ("autolink", lambda p: body(p, "<https://evil.example/>"), "content/over/index.md:10", "evil.example"),
    ("reference-link", lambda p: body(p, "[x][1]\n\n[1]: https://evil.example/"), "content/over/index.md", "evil.example"),
    ("data-link", lambda p: body(p, "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
     "content/over/index.md:10", "data: addresses are not allowed"),
    ("javascript-entity", lambda p: body(p, '<a href="jav&#x09;ascript:alert(1)">x</a>'), "content/over/index.md:10", "javascript"),
    ("protocol-relative", lambda p: body(p, '<a href="//evil.example/x">x</a>'), "content/over/index.md:10", "evil.example"),
    ("foreign-image", lambda p: body(p, '<img alt="logo" src="https://childfocus.be/logo.png">'), "content/over/index.md:10", "another website"),
    # messages an editor can act on, never a traceback
    ("reviewed-datetime", lambda p: front(p, "reviewed: 2026-11-22", "reviewed: 2026-11-22 10:00:00"),
     "content/over/index.md:5", "reviewed"),
    ("audience-list", lambda p: front(p, "audience: iedereen", "audience: [iedereen, ouders]"), "content/over/index.md:4", "audience"),
    ("woorden-without-instead", lambda p: append(p, "woorden.yml", "\nde:\n  - phrase: schuld\n"), "data/woorden.yml", "'instead' is missing"),
    ("helpline-is-a-string", lambda p: append(p, "hulplijnen.yml", "\nkinderlijn: bel ons\n"), "data/hulplijnen.yml", "kinderlijn"),
    ("readability-key-missing", lambda p: data(p, "readability.yml", "  max_sentence_words: 12", "  max_sentence_wordz: 12"),
     "data/readability.yml", "max_sentence_words"),
    ("unknown-template", lambda p: front(p, "title: Over", "title: Over\ntemplate: bestaat-niet.html"),
     "content/over/index.md:3", "bestaat-niet.html"),
    ("ui-key-only-the-pdfs-use", lambda p: data(p, "ui.yml", "poster.headline:", "poster.headlinez:"),
     "data/ui.yml", "poster.headline"),
    ("missing-data-file", lambda p: (p / "data" / "domeinen.yml").unlink(), "data/domeinen.yml", "missing"),
    ("ui-key-a-template-uses", lambda p: (p / "data" / "ui.yml").write_text(
        re.sub(r"^footer\.about: .*\n", "", (p / "data" / "ui.yml").read_text(encoding="utf-8"), flags=re.M), encoding="utf-8"),
     "data/ui.yml:1", "footer.about"),
    ("source-without-date", lambda p: data(p, "bronnen.yml", "  published: 2017-11-17\n", ""),
     "data/bronnen.yml", "'published' is missing"),
    # issue 25: what the browser, a web host or a reader sees differently from the checks (a handful end to end;
    # the classes are tested in-process in tests/unit/test_guard_reads_as_a_browser.py and test_data_cannot_...)
    ("abrupt-comment-refresh", lambda p: body(p, '<!--><meta http-equiv="refresh" content="3;url=https://evil.example/"><!-- -->'),
     "content/over/index.md:10", "comments"),
    ("host-redirects-file", lambda p: (p / "content" / "_redirects").write_text("/* https://evil.example/ 301\n", encoding="utf-8"),
     "content/_redirects:1", "web hosts obey"),
    ("svg-entity-script", lambda p: (p / "content" / "assets" / "images" / "x.svg").write_text(
        '<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg">&s;</svg>',
        encoding="utf-8"), "content/assets/images/x.svg:1", "DOCTYPE"),
    ("shown-is-not-dialled", lambda p: data(p, "hulplijnen.yml", 'phone: "116000"', 'phone: "116006"'),
     "data/hulplijnen.yml:18", "dials"),
    ("bidi-override-in-ui", lambda p: data(p, "ui.yml", 'helpbar.call: {nl: "Bel"', 'helpbar.call: {nl: "Bel\u202e"'),
     "data/ui.yml:8", "invisible character"),
    ("style-covers-the-frame", lambda p: body(p, 'Tekst.\n{ style="position:fixed;inset:0;z-index:2147483647;background:#fff" }'),
     "content/over/index.md", "style attribute"),
    ("positional-placeholder", lambda p: data(p, "ui.yml", 'checklist.points: {nl: "{n} punten"', 'checklist.points: {nl: "{0} punten"'),
     "data/ui.yml:37", "placeholders"),
    ("visual-outside-project", lambda p: data(p, "site.yml", "visual: assets/images/laat-je-niet-pakken.svg",
                                              "visual: ../../../../../etc/x.svg"), "data/site.yml:26", "visual"),
    # issue 28: a mistyped page address linked every help bar to a missing page
    ("help-bar-line-not-verified", lambda p: data(p, "hulplijnen.yml", "  verified: true\n", "  verified: false\n"),
     "data/site.yml:5", "verified"),
    ("page-address-missing", lambda p: data(p, "site.yml", "  help: hulp/ ", "  help: helps/ "), "data/site.yml:9", "helps/"),
    ("theme-template", lambda p: front(p, "title: Over", "title: Over\ntemplate: base.html"), "content/over/index.md:3",
     "page templates"),
    ("boost-not-a-number", lambda p: front(p, "audience: iedereen", "audience: iedereen\nsearch:\n  boost: .nan"),
     "content/over/index.md:6", "not a number"),
    ("long-line-of-img", lambda p: body(p, "<img " * 8_000), "content/over/index.md:10", "characters long"),
    ("nested-loops", lambda p: body(p, "{% for a in 'x' * 90000 %}{% for b in 'x' * 90000 %}{% endfor %}{% endfor %}"),
     "content/over/index.md:10", "seconds"),
    ("symlink-folder-replaces-a-script", lambda p: (
        (p / "data" / "vendor" / "site").mkdir(parents=True),
        (p / "data" / "vendor" / "site" / "quick-exit.js").write_text("document.title='x'", encoding="utf-8"),
        (p / "content" / "assets" / "javascripts").symlink_to(Path("..") / ".." / "data" / "vendor")),
     "content/assets/javascripts:1", "symlinks"),
    ("heading-id-breaks-the-skip-link", lambda p: body(p, '# Over { #over"><a/data-quick-exit/href/hidden/x@y }\n\nTekst.'),
     "content/over/index.md", "id"),
    ("reviewed-script-loads-elsewhere", lambda p: body(p, "{{ '<scr' ~ 'ipt data-bundle=\"https://evil.example/x.js\">x</scr' ~ 'ipt>' }}"),
     "content/over/index.md", "script"),
    ("verified-without-check", lambda p: data(p, "hulplijnen.yml",
                                              '  checked: {url: "https://www.aalter.be/noodoproepen", date: 2026-11-29}\n', ""),
     "data/hulplijnen.yml", "'checked' is missing"),
]


@pytest.mark.parametrize(("edit", "where", "words"), [c[1:] for c in FAILING], ids=[c[0] for c in FAILING])
def test_hostile_edit_fails_in_check_and_build_alike(fixture_project: Path, edit, where: str, words: str) -> None:
    edit(fixture_project)
    built = run_build(fixture_project)
    checked = run_check(fixture_project)
    for result in (built, checked):
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert "Traceback" not in output, output
        found = [e for e in errors(output) if e.startswith(where)]
        assert found, f"no error at {where}:\n{output}"
        assert any(words.lower() in e.lower() for e in errors(output)), output
    assert errors(built.stdout + built.stderr) == errors(checked.stdout + checked.stderr)
    assert not (fixture_project / "site").exists()
    assert not list(fixture_project.glob(".site-new-*"))


INERT: list[tuple[str, Callable[[Path], None], str]] = [
    ("ui-string-with-script", lambda p: data(p, "ui.yml", 'footer.about: {nl: "Over deze site"',
                                             'footer.about: {nl: "<script>alert(1)</script>"'), "&lt;script&gt;alert(1)"),
    ("helpline-about-with-markup", lambda p: data(p, "hulplijnen.yml", 'nl: "Voor vragen en verhalen',
                                                  'nl: "<b onclick=x>Voor</b> vragen en verhalen'), None),
    ("code-block-shows-script", lambda p: body(p, "```html\n<script>alert(1)</script>\n```"), "alert"),
    ("inline-code-shows-handler", lambda p: body(p, "`<img onerror=alert(1)>`"), "&lt;img onerror=alert(1)&gt;"),
]


@pytest.mark.parametrize(("edit", "shown"), [c[1:] for c in INERT], ids=[c[0] for c in INERT])
def test_payload_is_inert_or_refused(fixture_project: Path, edit, shown: str | None) -> None:
    edit(fixture_project)
    result = run_build(fixture_project)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    if shown is None:  # refused by the data schema: < > have no place in a help line's text
        assert result.returncode != 0 and "data/hulplijnen.yml:" in output, output
        return
    assert result.returncode == 0, output
    pages = "".join(p.read_text(encoding="utf-8") for p in (fixture_project / "site").rglob("*.html"))
    assert shown in pages
    assert "<script>alert(1)" not in pages and "onerror=alert" not in pages.replace("&lt;img onerror=alert(1)&gt;", "")


def test_built_site_is_readable_by_a_web_server(fixture_project: Path) -> None:
    assert run_build(fixture_project).returncode == 0
    site = fixture_project / "site"
    assert oct(site.stat().st_mode & 0o777) == "0o755"
    modes = {oct(p.stat().st_mode & 0o777) for p in site.rglob("*")}
    assert modes <= {"0o755", "0o644"}, modes


def test_interrupted_build_keeps_the_site_and_leaves_nothing(fixture_project: Path) -> None:
    import signal
    import time

    assert run_build(fixture_project).returncode == 0
    good = (fixture_project / "site" / "index.html").read_text(encoding="utf-8")
    # a page that takes seconds: the interrupt surely lands while the build runs, even on a busy machine
    body(fixture_project, "{% for a in 'x' * 2500 %}{% for b in 'x' * 2500 %}{% endfor %}{% endfor %}")
    proc = subprocess.Popen([sys.executable, "-m", "sitekit", "build"], cwd=fixture_project,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    deadline = time.monotonic() + 60
    while not list(fixture_project.glob(".site-new-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group, as in a terminal
    out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in out + err, out + err
    assert "previous site/ was kept" in err
    assert not list(fixture_project.glob(".site-new-*"))
    assert (fixture_project / "site" / "index.html").read_text(encoding="utf-8") == good


def test_killed_build_leaves_nothing_for_long(fixture_project: Path) -> None:
    """`kill -9` cannot be caught: the generator process dies with the build (PR_SET_PDEATHSIG) and the next
    build removes the killed one's folder, so nothing half-built stays beside site/."""
    import signal
    import time

    assert run_build(fixture_project).returncode == 0
    good = (fixture_project / "site" / "index.html").read_text(encoding="utf-8")
    original = page(fixture_project).read_text(encoding="utf-8")
    body(fixture_project, "{% for a in 'x' * 2500 %}{% for b in 'x' * 2500 %}{% endfor %}{% endfor %}")  # seconds, silent
    proc = subprocess.Popen([sys.executable, "-m", "sitekit", "build"], cwd=fixture_project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    deadline = time.monotonic() + 60
    while not list(fixture_project.glob(".site-new-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(fixture_project.glob(".site-new-*"))
    os.kill(proc.pid, signal.SIGKILL)  # the build only, as an OOM killer or a closed terminal would
    proc.wait(timeout=30)
    # the generator, a child of the build, is signalled as the build dies; on a busy machine that may take a moment
    # (seen once: still running after 1 s), but far less than the seconds its page would still take on its own
    deadline = time.monotonic() + 3
    while True:
        children = subprocess.run(["ps", "-o", "pid,stat,args", "-s", str(proc.pid)], capture_output=True, text=True).stdout
        alive = [line for line in children.strip().splitlines()[1:] if line.split()[1][0] != "Z"]  # a zombie is dead
        if not alive or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert alive == [], children
    page(fixture_project).write_text(original, encoding="utf-8")
    assert run_build(fixture_project).returncode == 0
    assert not list(fixture_project.glob(".site-new-*"))
    assert (fixture_project / "site" / "index.html").read_text(encoding="utf-8") == good


def test_a_stopped_check_leaves_nothing_behind(fixture_project: Path, tmp_path: Path) -> None:
    """`kill` (SIGTERM, as a time-out sends) stops `make check` like Ctrl+C: its temporary folder is removed."""
    import signal
    import time

    body(fixture_project, "{% for a in 'x' * 2500 %}{% for b in 'x' * 2500 %}{% endfor %}{% endfor %}")  # seconds
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "sitekit", "check"], cwd=fixture_project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(scratch)})
    deadline = time.monotonic() + 60
    while not list(scratch.glob(".check-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(scratch.glob(".check-*"))
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert not list(scratch.glob(".check-*"))
