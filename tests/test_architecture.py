"""The house rules of the code: stages import only the stages below them, and no module imports itself back
through others (no import circles). Read from the source with `ast`, so a lazy import inside a function counts
too."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

#: The stages, lowest first: a module may import its own stage and those before it.
LAYERS = ["scripts", "core", "load", "validate", "editor", "present", "site", "pdf", "publish", "cli", "dev"]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The first-party modules a file imports (`schema`, `scripts.…`), as module names."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "schema" or name.startswith("scripts")}


def graph() -> dict[str, set[str]]:
    files = [ROOT / "schema.py", *sorted((ROOT / "scripts").rglob("*.py"))]
    modules = {module_name(path): path for path in files}
    return {name: {m for m in imports(path) if m in modules and m != name} for name, path in modules.items()}


def leaning(edges: dict[str, set[str]], stage: str, others: tuple[str, ...]) -> list[str]:
    """The imports from a module of `stage` into a module of one of the `others` (package names)."""

    def within(module: str, package: str) -> bool:
        return module == package or module.startswith(package + ".")

    return [
        f"{module} → {target}"
        for module, targets in edges.items()
        if within(module, stage)
        for target in targets
        if any(within(target, other) for other in others)
    ]


def layer(module: str) -> int:
    if module.startswith("scripts.model"):
        return -2
    if module == "schema":
        return -1
    parts = module.split(".")
    return LAYERS.index(parts[1] if len(parts) > 1 else "scripts")


def test_every_stage_imports_only_the_stages_below_it() -> None:
    edges = graph()
    upwards = [
        f"{module} → {target}"
        for module, targets in edges.items()
        for target in targets
        if layer(target) > layer(module)
    ]
    assert upwards == []


def test_print_imports_nothing_of_the_website() -> None:
    """What the website and the print edition both need lives in scripts/present, below both: the PDF stage
    reads none of the website's internals (its lookups with page links, its registry, its open data)."""
    edges = graph()
    assert [module for module in edges if module.startswith("scripts.pdf.")]  # the stage is there to check
    assert leaning(edges, "scripts.pdf", ("scripts.site",)) == []


def test_schema_imports_only_modules_that_import_nothing_of_the_project() -> None:
    """The models are built from scripts/model (field types, the catalog, the models beside schema.py); those
    import nothing of the project but each other, or schema.py would sit on top of the stages that import it."""
    edges = graph()
    reached, todo = set(), list(edges["schema"])
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo += edges[module]
    assert reached and {m for m in reached if not m.startswith("scripts.model")} == set()


def test_there_is_no_import_circle() -> None:
    edges = graph()
    circles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        for target in sorted(edges[module]):
            if target in path:
                circles.append([*path[path.index(target) :], target])
            elif len(path) < 12:
                visit(target, [*path, target])

    for start in sorted(edges):
        visit(start, [start])
    assert circles == []


def test_the_checks_above_would_see_an_import_circle(tmp_path: Path) -> None:
    module = tmp_path / "a.py"
    module.write_text("from scripts.site import pages\nimport schema\n", encoding="utf-8")
    assert imports(module) == {"scripts.site", "scripts.site.pages", "schema"}
    assert layer("scripts.pdf.document") > layer("scripts.site.pages") > layer("scripts.present.charts")
    assert layer("scripts.present.charts") > layer("scripts.editor.new")


def test_the_website_imports_nothing_of_the_editors_package() -> None:
    """The guide's pages and the history of the adopted editions reach the site through the registry's providers,
    which the publishing stage wires in (publish/providers.py): the site stays a renderer of data."""
    assert leaning(graph(), "scripts.site", ("scripts.editor",)) == []


def test_rendering_pages_runs_no_git_and_no_validator() -> None:
    """Adopted editions are read (git archive) and validated in the publishing stage and handed to the site as data."""
    assert leaning(graph(), "scripts.site", ("scripts.validate", "scripts.load")) == []
    calls = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "scripts" / "site").rglob("*.py")
        if "subprocess" in path.read_text(encoding="utf-8")
    ]
    assert calls == []


def test_the_leaning_check_sees_a_stage_that_imports_another(tmp_path: Path) -> None:
    edges = {
        "scripts.site.pages": {"scripts.editor.guide", "scripts.core.filters"},
        "scripts.sitemap": {"scripts.editor"},
    }
    assert leaning(edges, "scripts.site", ("scripts.editor",)) == ["scripts.site.pages → scripts.editor.guide"]
