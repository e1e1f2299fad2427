"""The layering of STYLE.md, checked on the source: who may import whom, and no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "pmjournal"
TESTS = Path(__file__).resolve().parent
# Tests that may build or read journals through ORM models: those of the storage layer itself
# (repositories, migrations, crash safety), the schema fixture maker, and the export round-trip
# property, whose random journals hold states no service writes. Every other test builds its
# journal through the services (tests/support/journal_builder.py), as a user would.
ORM_TESTS = ("storage/", "fixtures/make_schema_fixture.py", "services/test_exchange_roundtrip.py")


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function (lazy imports count)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


MODULES = {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py")}


def offenders(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{name} imports {target}"
        for name, targets in MODULES.items()
        if name == layer or name.startswith(layer + ".")
        for target in targets
        if any(target == f or target.startswith(f + ".") for f in forbidden)
    )


def test_front_ends_reach_the_journal_through_services_only() -> None:
    assert offenders("pmjournal.cli", ("pmjournal.storage",)) == []
    assert offenders("pmjournal.ui", ("pmjournal.storage",)) == []


def test_render_imports_nothing_from_services() -> None:
    assert offenders("pmjournal.render", ("pmjournal.services", "pmjournal.storage")) == []


def test_the_core_imports_no_qt_and_the_domain_no_database() -> None:
    for layer in ("domain", "storage", "services", "render", "cli"):
        assert offenders(f"pmjournal.{layer}", ("PySide6", "shiboken6")) == []
    assert offenders("pmjournal.domain", ("sqlalchemy", "pmjournal.storage")) == []
    assert offenders("pmjournal.domain", ("pmjournal.services", "pmjournal.render")) == []


# Service folders whose use cases call storage/ repositories and build no SQL (issue 8). A
# folder joins once clean; a type hint of ``sqlalchemy.orm.Session`` is all it may take.
SQL_FREE_SERVICES = ("exchange", "records", "career", "portfolio", "demo")
SESSION_HINT = ("sqlalchemy.orm", "sqlalchemy.orm.Session")


def sql_built_in(folder: str) -> list[str]:
    """Imports through which a module of ``services/<folder>/`` could query or write rows."""
    package = f"pmjournal.services.{folder}"
    return sorted(
        f"{name} imports {target}"
        for name, targets in MODULES.items()
        if name == package or name.startswith(package + ".")
        for target in targets
        if target == "pmjournal.storage.models"
        or target.startswith("pmjournal.storage.models.")
        or (target.split(".")[0] == "sqlalchemy" and target not in SESSION_HINT)
    )


def test_services_build_no_sql() -> None:
    """Every service folder, and the modules at the top of ``services/``, leave rows and
    queries to ``storage/``."""
    top = [
        name.rsplit(".", 1)[1]
        for name in MODULES
        if name.startswith("pmjournal.services.") and name.count(".") == 2
    ]
    top = [name for name in top if name not in SQL_FREE_SERVICES and name != "__init__"]
    assert [found for folder in (*SQL_FREE_SERVICES, *top) for found in sql_built_in(folder)] == []


def test_no_import_cycle_between_modules() -> None:
    graph = {
        name: {t for t in targets if t in MODULES and t != name}
        for name, targets in MODULES.items()
    }
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return [*path[path.index(name) :], name]
        if name in done:
            return None
        for target in sorted(graph[name]):
            cycle = visit(target, [*path, name])
            if cycle:
                return cycle
        done.add(name)
        return None

    for name in sorted(graph):
        cycle = visit(name, [])
        assert cycle is None, " → ".join(cycle or [])


def test_tests_outside_the_storage_layer_build_journals_through_services() -> None:
    models = "pmjournal.storage.models"
    found = sorted(
        name
        for path in TESTS.rglob("*.py")
        if not (name := path.relative_to(TESTS).as_posix()).startswith(ORM_TESTS)
        if any(t == models or t.startswith(models + ".") for t in imports_of(path))
    )
    assert found == [], "build test journals with tests/support/journal_builder.py"
