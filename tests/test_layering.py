"""The house plan: Qt only in koperasi.gui (and the app start-up); no database in the domain."""

from __future__ import annotations

import ast
from pathlib import Path

import koperasi

PACKAGE = Path(koperasi.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(below: str = "") -> list[Path]:
    return sorted((PACKAGE / below).rglob("*.py"))


def _offenders(paths, forbidden: str) -> list[str]:
    return [
        f"{path.name} imports {name}"
        for path in paths
        for name in sorted(_imports(path))
        if name == forbidden or name.startswith(forbidden + ".")
    ]


def test_qt_is_imported_only_in_the_gui_package_and_app_start_up():
    outside = [p for p in _modules() if "gui" not in p.relative_to(PACKAGE).parts and p.name != "app.py"]
    assert outside, "the walk found no modules"
    assert _offenders(outside, "PySide6") == []


def test_domain_imports_neither_sqlalchemy_nor_qt():
    domain = _modules("domain")
    assert _offenders(domain, "sqlalchemy") + _offenders(domain, "PySide6") + _offenders(domain, "alembic") == []


def test_services_and_reports_do_not_import_the_gui():
    lower = _modules("services") + _modules("reports") + _modules("db") + _modules("domain")
    assert _offenders(lower, "koperasi.gui") == []


def test_the_walk_would_catch_an_offender(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n")
    assert _offenders([bad], "PySide6") and _offenders([bad], "sqlalchemy")
