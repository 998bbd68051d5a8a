"""`make translations`: present, missing and outdated translations, and stamping."""

from __future__ import annotations

from pathlib import Path

from sitekit.translations import MISSING, OUTDATED, PRESENT, UNSTAMPED, orphans, stamp, status

PAGE = "---\ntitle: T\n---\n\nTekst.\n"


def test_states(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.fr.md").write_text(PAGE, encoding="utf-8")
    states = {(s.page, s.lang): s.state for s in status(tmp_path, ["nl", "fr", "en"])}
    assert states == {("a.md", "fr"): UNSTAMPED, ("a.md", "en"): MISSING}
    stamp(tmp_path / "a.fr.md", tmp_path / "a.md")
    assert {s.lang: s.state for s in status(tmp_path, ["nl", "fr", "en"])}["fr"] == PRESENT
    (tmp_path / "a.md").write_text(PAGE.replace("Tekst", "Nieuwe tekst"), encoding="utf-8")
    assert {s.lang: s.state for s in status(tmp_path, ["nl", "fr", "en"])}["fr"] == OUTDATED
    stamp(tmp_path / "a.fr.md", tmp_path / "a.md")  # stamping again replaces the hash
    assert (tmp_path / "a.fr.md").read_text(encoding="utf-8").count("source_hash") == 1
    assert {s.lang: s.state for s in status(tmp_path, ["nl", "fr", "en"])}["fr"] == PRESENT


def test_orphan_translation(tmp_path: Path) -> None:
    (tmp_path / "b.en.md").write_text(PAGE, encoding="utf-8")
    assert orphans(tmp_path, ["nl", "fr", "en"]) == [tmp_path / "b.en.md"]


def test_stamping_a_dutch_page_is_refused() -> None:
    """`--stamp` on the Dutch source wrote a hash into the source itself, which made every translation of
    it look outdated: it is refused with a message, and the file is left alone."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    page = root / "content" / "jongeren" / "index.md"
    before = page.read_bytes()
    result = subprocess.run([sys.executable, "-m", "sitekit", "translations", "--stamp", "content/jongeren/index.md"],
                            cwd=root, capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/jongeren/index.md:1: error: not a translation" in result.stderr
    assert page.read_bytes() == before


def test_stamping_a_missing_file_or_source_is_a_message_not_a_traceback(tmp_path) -> None:
    """A mistyped name, or a translation whose Dutch source is gone, stopped with a Python traceback."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    orphan = tmp_path / "weg.fr.md"
    orphan.write_text("---\ntitle: Weg\n---\n\nTekst.\n", encoding="utf-8")
    for name, says in (("content/jongeren/bestaat-niet.fr.md", "no such file"),
                       (str(orphan), f"its source page {tmp_path / 'weg.md'} does not exist")):
        result = subprocess.run([sys.executable, "-m", "sitekit", "translations", "--stamp", name],
                                cwd=root, capture_output=True, text=True)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert f"{name}:1: error: {says}" in result.stderr
    assert orphan.read_text(encoding="utf-8").startswith("---\ntitle: Weg")
