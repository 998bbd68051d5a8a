"""The stylesheet is cut to what the pages and scripts can match, and never more."""

from __future__ import annotations

from pathlib import Path

from sitekit.css_purge import Usage, purge, purge_site


def usage(html: str = "", own_js: str = "", theme_js: str = "") -> Usage:
    u = Usage()
    u.add_html(html)
    u.add_script(own_js, own=True)
    u.add_script(theme_js, own=False)
    return u


def test_rules_for_classes_no_page_uses_go() -> None:
    css = ".card{color:red}.blog-post{color:blue}"
    out = purge(css, usage('<div class="card"></div>'))
    assert ".card{color:red}" in out and "blog-post" not in out


def test_one_selector_of_a_list_goes_the_rest_stays() -> None:
    out = purge(".a,.unused{margin:0}", usage('<p class="a">'))
    assert out == ".a{margin:0}"


def test_class_added_by_our_script_stays() -> None:
    out = purge(".result--hit{color:red}", usage(own_js='li.className = "result--hit";'))
    assert ".result--hit" in out


def test_material_script_keeps_md_classes_and_modifiers_of_used_blocks_only() -> None:
    theme = 'a("md-tooltip2");b("tabbed-labels--linked");c("success")'
    out = purge(".md-tooltip2{top:0}.tabbed-labels--linked{top:1px}.success{top:2px}", usage(theme_js=theme))
    assert ".md-tooltip2" in out
    assert "tabbed-labels" not in out and ".success" not in out  # words in Material's script, no such block in a page
    out = purge(".tabbed-labels--linked{top:1px}", usage('<div class="tabbed-labels">', theme_js=theme))
    assert ".tabbed-labels--linked" in out


def test_elements_and_attribute_values_no_page_has_go() -> None:
    css = "kbd{font:inherit}p{margin:0}[dir=rtl] p{margin:1px}[data-md-color-primary=custom]{color:red}"
    out = purge(css, usage('<html data-md-color-primary="custom"><p>'))
    assert "kbd" not in out and "rtl" not in out
    assert "p{margin:0}" in out and "[data-md-color-primary=custom]" in out


def test_selectors_inside_functions_and_pseudo_classes_are_kept() -> None:
    css = ".a:not(.never){color:red}:is(.x,.y) .a{color:blue}.a::before{content:''}.a:hover{color:green}"
    out = purge(css, usage('<p class="a">'))
    assert out.count(".a") == 4


def test_media_blocks_are_purged_inside_and_dropped_when_empty() -> None:
    css = "@media print{.a{color:red}.gone{color:blue}}@media screen{.gone{color:red}}@font-face{font-family:x}"
    out = purge(css, usage('<p class="a">'))
    assert "@media print{.a{color:red}}" in out
    assert "@media screen" not in out and "@font-face" in out


def test_custom_properties_nothing_reads_go_and_the_ones_read_stay() -> None:
    css = (":root{--used:red;--chain:var(--base);--base:1px;--icon-note:url(x.svg)}"
           ".a{color:var(--used);margin:var(--chain)}.note:before{mask:var(--icon-note)}")
    out = purge(css, usage('<p class="a">'))
    assert "--used:red" in out and "--chain" in out and "--base:1px" in out
    assert "--icon-note" not in out  # only the dropped .note rule read it


def test_charset_stays_first() -> None:
    out = purge('@charset "UTF-8";.a{color:red}', usage('<p class="a">'))
    assert out.startswith('@charset "UTF-8";')


def test_purge_site_renames_the_file_and_repoints_every_page(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    (folder / "site.0000000000.css").write_text(".a{color:red}.gone{color:blue}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    for page in (tmp_path / "index.html", tmp_path / "sub" / "index.html"):
        page.write_text('<link rel="stylesheet" href="assets/stylesheets/site.0000000000.css"><p class="a">',
                        encoding="utf-8")
    result = purge_site(tmp_path)
    assert result is not None and result.new != result.old and result.bytes_after < result.bytes_before
    assert not (folder / result.old).exists()
    assert (folder / result.new).read_text(encoding="utf-8") == ".a{color:red}"
    for page in (tmp_path / "index.html", tmp_path / "sub" / "index.html"):
        assert result.new in page.read_text(encoding="utf-8")


def test_purge_site_without_a_joined_stylesheet_does_nothing(tmp_path: Path) -> None:
    assert purge_site(tmp_path) is None


def test_words_of_inline_scripts_in_pages_count() -> None:
    html = ('<html class="no-js"><script>document.documentElement.classList.replace("no-js","js")</script>'
            '<p class="field">')
    out = purge(".js .field{display:block}.no-js .field{display:none}", usage(html))
    assert ".js .field" in out and ".no-js .field" in out
