"""Data files: schema errors and missing translations name the file, the line and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitekit.markdown_data import MarkdownData, render_markdown
from sitekit.problems import ProblemsFound
from sitekit.sitedata import load_data

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["nl", "fr", "en"]


def copy_data(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "content" / "assets", tmp_path / "content" / "assets")  # files data/site.yml names
    return tmp_path / "data"


def test_project_data_is_valid() -> None:
    _, problems = load_data(ROOT / "data", LANGS, ROOT)
    assert problems == []


def test_missing_translation_names_file_line_and_key(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    ui = data / "ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8").replace(', en: "Talk about it"', ""), encoding="utf-8")
    _, problems = load_data(data, LANGS, tmp_path)
    line = next(i for i, text in enumerate(ui.read_text().splitlines(), 1) if text.startswith("helpbar.title"))
    assert [str(p) for p in problems] == [f"data/ui.yml:{line}: error: helpbar.title: translation 'en' is missing; "
                                          'add en: "..." beside nl']


def test_a_french_data_text_has_typographic_apostrophes(tmp_path: Path) -> None:
    """Issue 24: data texts land in templates and PDFs as written; French ones had "l'aide" beside pages' "l’aide"."""
    data = copy_data(tmp_path)
    ui = data / "ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8").replace('fr: "Toute l’aide"', 'fr: "Toute l\'aide"', 1), encoding="utf-8")
    _, problems = load_data(data, LANGS, tmp_path)
    line = next(i for i, text in enumerate(ui.read_text().splitlines(), 1) if text.startswith("helpbar.all_help:"))
    assert [str(p) for p in problems] == [f"data/ui.yml:{line}: error: helpbar.all_help.fr: write the apostrophe as ’, "
                                          "not ' (\"Toute l’aide\")"]


def test_wrong_phone_type_is_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    f = data / "hulplijnen.yml"
    f.write_text(f.read_text(encoding="utf-8").replace('phone: "116000"', 'phone: "116 000 (gratis)"'), encoding="utf-8")
    _, problems = load_data(data, LANGS, tmp_path)
    assert len(problems) == 1 and "childfocus.phone: phone must be digits only" in str(problems[0])
    assert str(problems[0]).startswith("data/hulplijnen.yml:")


def test_broken_yaml_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "bronnen.yml").write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    _, problems = load_data(data, LANGS, tmp_path)
    assert [p.path for p in problems] == ["data/bronnen.yml"] and "YAML cannot be read" in problems[0].message


def test_unverified_entry_shows_name_only() -> None:
    data, _ = load_data(ROOT / "data", LANGS, ROOT)
    data.values["hulplijnen"]["surya"]["verified"] = False  # as an entry nobody could confirm
    md = MarkdownData(data, "fr")
    assert md.org("surya") == "Sürya" and md.tel("surya") == "Sürya"
    assert md.tel("childfocus") == "[116 000](tel:116000){ .tel dir=ltr }"
    # says its languages, and its name is read as Dutch (its own language)
    assert md.org("payoke") == '[<span lang="nl">Payoke</span>](https://www.payoke.be) (en néerlandais et en anglais)'


def test_unknown_id_in_a_page_names_the_line() -> None:
    data, _ = load_data(ROOT / "data", LANGS, ROOT)
    functions = MarkdownData(data, "nl").functions()
    try:
        render_markdown("Eerste regel\n\nBel {{ tel('childfocuss') }}\n", "content/x.md", 8, functions)
    except ProblemsFound as exc:
        assert str(exc.problems[0]).startswith("content/x.md:10: error: unknown help line 'childfocuss'")
    else:
        raise AssertionError("an unknown id must fail")
