"""The one stylesheet of a build: charset first, no source maps, named after its content."""

from __future__ import annotations

from pathlib import Path

from sitekit.css_bundle import bundle


def test_bundle_joins_in_order_with_one_charset(tmp_path: Path) -> None:
    a = tmp_path / "a.css"
    b = tmp_path / "b.css"
    a.write_text('@charset "UTF-8";a{color:red}\n/*# sourceMappingURL=a.css.map*/', encoding="utf-8")
    b.write_text("b{color:blue}", encoding="utf-8")
    path, css = bundle([a, b])
    assert css.startswith('@charset "UTF-8";\n')
    assert css.count("@charset") == 1
    assert "sourceMappingURL" not in css
    assert css.index("a{color:red}") < css.index("b{color:blue}")
    assert path.startswith("assets/stylesheets/site.") and path.endswith(".css")
    b.write_text("b{color:green}", encoding="utf-8")
    assert bundle([a, b])[0] != path
