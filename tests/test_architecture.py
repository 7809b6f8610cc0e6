"""The house keeps its shape (docs/architecture.md): each module imports only from the floors
below its own, the features of one floor never import each other, and no module outside the
kinds' home names a collection."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "rysiai"
# Floors from the ground up: the top-level module or package of the library → its floor.
FLOORS = {
    "errors": 0, "language": 0,
    "schema": 1, "findings": 1, "second_process": 1, "kept_results": 1,
    "words": 2,
    "loading": 3,
    "repository": 4,
    "kinds": 5,
    "agenda": 6, "brief": 6,
    "checks": 7, "export": 7, "imports": 7, "editing": 7, "site": 7, "reports": 7,
    "privacy": 8,
    "validate": 9,
    "site_build": 10, "editor": 10,
    "commands": 11,
    "cli": 12, "synthetic": 12, "reference_docs": 12,
}
# The package's own __init__ offers the library's entry points to its users: above everything.
TOP = {"__init__"}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield path, parts


def _imported(path: Path, parts: tuple[str, ...]) -> list[tuple[str, int]]:
    """The top-level parts of the package that a module imports, with the line."""
    package = list(parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = [*base, *(node.module.split(".") if node.module else [])]
            if target:
                found.append((target[0], node.lineno))
                continue
            for alias in node.names:  # `from . import catalogue`, `from . import __version__`
                is_module = (PACKAGE / alias.name).is_dir() or (PACKAGE / f"{alias.name}.py").is_file()
                if is_module:
                    found.append((alias.name, node.lineno))
                elif alias.name != "__version__":  # the version may be read from anywhere
                    found.append(("__init__", node.lineno))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            if module and module.split(".")[0] == "rysiai":
                rest = module.split(".")[1:]
                found.append((rest[0] if rest else "__init__", node.lineno))
    return found


def test_every_part_of_the_package_has_a_floor():
    tops = {parts[0] for _, parts in _modules()}
    assert tops - TOP - {"py"} <= set(FLOORS), sorted(tops - TOP - set(FLOORS))


def test_imports_go_only_down_and_never_sideways():
    wrong = []
    for path, parts in _modules():
        own = parts[0]
        if own in TOP:
            continue
        for target, line in _imported(path, parts):
            if target == own:
                continue  # within one package or module
            if target in TOP:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line}: {own} imports the package's own __init__")
                continue
            if FLOORS[target] >= FLOORS[own]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line}: {own} (floor {FLOORS[own]}) imports {target} (floor {FLOORS[target]})")
    assert wrong == []


def _collection_names() -> set[str]:
    names = set()
    for schema in (PACKAGE.parent.parent / "datapackage.yaml", PACKAGE / "templates" / "datapackage.yaml"):
        names |= {resource["name"] for resource in yaml.safe_load(schema.read_text(encoding="utf-8"))["resources"]}
    return names


def test_no_module_outside_the_kinds_home_names_a_collection():
    """Collections are told apart by the roles datapackage.yaml gives them (kinds/), not by
    their names. The synthetic data generator writes records of this repository's collections
    and is the one exception."""
    names = _collection_names()
    assert {"contacts", "requests", "visits"} <= names
    found = []
    for path, parts in _modules():
        if parts[0] in ("kinds", "synthetic"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in names:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_the_architecture_page_describes_every_part_on_its_floor():
    page = (PACKAGE.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = {}
    for line in page.splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > 3 and cells[1].isdigit():
            rows[int(cells[1])] = cells[2]
    for part, floor in FLOORS.items():
        if (PACKAGE / part).is_dir():
            name = f"`{part}/`"
        elif (PACKAGE / f"{part}.py").is_file():
            name = f"`{part}.py`"
        else:
            continue  # a part still to come
        assert name in rows.get(floor, ""), f"docs/architecture.md: {name} is not on floor {floor}"


def test_no_module_that_translates_uses_the_translation_function_as_a_throwaway_name():
    """`_` is gettext where language.py's `_` is imported: a `host, _, port = …` in such a module
    would make a message call the string it holds."""
    found = []
    for path, _parts in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        translates = any(
            isinstance(node, ast.ImportFrom) and (node.module or "").endswith("language")
            and any(alias.name == "_" for alias in node.names)
            for node in ast.walk(tree)
        )
        if translates:
            found += [
                f"{path.relative_to(PACKAGE)}:{node.lineno}"
                for node in ast.walk(tree)
                if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
            ]
    assert found == []
