"""The generator's modules (issue 28): no import cycles, also through imports inside functions, and no module
uses another module's private names (a leading underscore)."""

from __future__ import annotations

import ast
from pathlib import Path

import sitekit

PACKAGE = Path(sitekit.__file__).resolve().parent


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[tuple[str, str]]]:
    """module -> {(imported module, name)} for every `import` anywhere in it, inside functions too."""
    found: dict[str, set[tuple[str, str]]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module(path)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        edges: set[tuple[str, str]] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                if base.split(".")[0] == "sitekit":
                    for alias in node.names:
                        target = f"{base}.{alias.name}"
                        is_module = (PACKAGE.parent / Path(*target.split("."))).with_suffix(".py").exists()
                        edges.add((target, "") if is_module else (base, alias.name))
            elif isinstance(node, ast.Import):
                edges |= {(a.name, "") for a in node.names if a.name.split(".")[0] == "sitekit"}
        found[name] = {(m, n) for m, n in edges if m != name}
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    found = imports()
    graph = {m: {t for t, _ in edges if t in found} for m, edges in found.items()}
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_private_names_across_modules() -> None:
    private = sorted(f"{m} imports {t}.{n}" for m, edges in imports().items() for t, n in edges
                     if n.startswith("_") and t != m)
    assert private == []


def test_each_component_is_one_folder_with_its_readme_naming_its_files_and_tests() -> None:
    """Components as folders (issue 28): each has a README that names every file of the folder and tests
    that exist; no component file is left behind in the theme; the served names stay the same."""
    from sitekit import components
    from sitekit.paths import THEME_DIR

    root = PACKAGE.parent.parent
    problems = []
    for folder in components.folders():
        readme = folder / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
        problems += [f"{folder.name}: README.md does not name {p.name}" for p in sorted(folder.iterdir())
                     if p.is_file() and p.name != "README.md" and f"`{p.name}`" not in text]
        named_tests = [w.strip("`(),.") for w in text.split() if w.strip("`(),.").startswith("tests/")]
        problems += [f"{folder.name}: no tests named" for _ in [0] if not named_tests]
        problems += [f"{folder.name}: {t} does not exist" for t in named_tests if not (root / t).exists()]
    served = set(components.assets()) | set(components.templates())
    in_theme = {p.relative_to(THEME_DIR).as_posix() for p in THEME_DIR.rglob("*") if p.is_file()}
    problems += [f"{name} is both in the theme and a component's" for name in sorted(served & in_theme)]
    assert problems == []
    assert {"assets/javascripts/site/checklist.js", "assets/stylesheets/site/helpbar.css",
            "partials/site/search.html", "partials/site/quick-exit.html"} <= served
