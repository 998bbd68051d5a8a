"""Property-based: whatever an editor writes, the checks answer with messages, never a traceback."""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitekit.frontmatter import read_page
from sitekit.markdown_data import MarkdownData, render_markdown
from sitekit.problems import ProblemsFound
from sitekit.sitedata import load_data

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
                    st.dates().map(str))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(string.ascii_lowercase, min_size=1, max_size=8), inner, max_size=4)),
                      max_leaves=10)
keys = st.sampled_from(["title", "description", "audience", "reviewed", "sources", "template", "hide", "lesson", "titel", "x"])


@SETTINGS
@given(meta=st.dictionaries(keys, values, max_size=7), body=st.text(max_size=200))
def test_random_front_matter_gives_messages(tmp_path: Path, meta: dict, body: str) -> None:
    path = tmp_path / "p.md"
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    page = read_page(path, "content/p.md", {"dit-project"})
    for p in page.problems:
        assert p.path == "content/p.md" and p.line >= 1 and p.message


@SETTINGS
@given(raw=st.text(max_size=300))
def test_random_text_as_front_matter_never_raises(tmp_path: Path, raw: str) -> None:
    path = tmp_path / "p.md"
    path.write_text("---\n" + raw + "\n---\nTekst\n", encoding="utf-8")
    page = read_page(path, "content/p.md", set())
    assert all(p.line >= 1 for p in page.problems)


@SETTINGS
@given(raw=st.binary(max_size=200))
def test_random_bytes_never_raise(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(raw)
    read_page(path, "content/p.md", set())


@SETTINGS
@given(entry=st.dictionaries(st.sampled_from(["name", "phone", "phone_display", "email", "url", "about", "source", "verified", "hours", "zzz"]),
                             values, max_size=8))
def test_random_help_line_data_gives_messages(tmp_path: Path, entry: dict) -> None:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "hulplijnen.yml").write_text(yaml.safe_dump({"nieuw": entry}, allow_unicode=True), encoding="utf-8")
    _, problems = load_data(data, ["nl", "fr", "en"], tmp_path)
    for p in problems:  # the other data files are missing in this folder: that is named too
        assert (p.path == "data/hulplijnen.yml" or "this data file is missing" in p.message) and p.line >= 1


DATA, _ = load_data(ROOT / "data", ["nl", "fr", "en"], ROOT)


@SETTINGS
@given(markdown=st.text(alphabet=st.sampled_from(list("{}%()'\"ab tel\n01/|.")), max_size=80))
def test_random_template_text_gives_a_line_or_renders(markdown: str) -> None:
    try:
        render_markdown(markdown, "content/x.md", 5, MarkdownData(DATA, "nl").functions())
    except ProblemsFound as exc:
        assert all(p.line >= 5 for p in exc.problems)
