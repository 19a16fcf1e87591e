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


# The house by area (docs/architecture.md, "Areas"): the same folder names in domain/, services/,
# reports/ and gui/. An area uses another only through the modules that area offers; the office is
# what every area stands on, so all of it is open.
AREAS = ("office", "members", "loans", "trainings", "sales", "network", "impact", "district", "savings", "books")
LAYERS = ("domain", "services", "reports", "gui")
OFFERED = {
    "office": None,  # everything: profile, settings, regions, audit, numbering
    "members": {"domain.members.register", "services.members.search", "services.members.groups"},
    "trainings": {"services.trainings.participants", "services.trainings.programmes"},
    "sales": {"domain.sales.rules"},
    "network": set(),  # the member panel gets its meetings through the main window
    "impact": set(),
    "loans": {"services.loans.arrears", "domain.loans.papers", "domain.loans.rules", "gui.loans.documents"},
    "district": {"services.district.mode"},
    "savings": {"services.savings.movements", "domain.savings.rules"},
    "books": set(),
}
# Who may use whom (besides the office), and why: docs/architecture.md says the same in words.
USES = {
    ("loans", "members"),  # a borrower is a member: status checks, the member picker, group loans
    ("loans", "trainings"),  # a product may require a completed programme
    ("sales", "members"),  # a producer is a member or a group
    ("trainings", "members"),  # participants are members and their household
    ("members", "sales"),  # the member panel shows consigned quantities in the sales units
    ("office", "members"),  # doctor checks member numbers are gapless
    ("office", "sales"),  # the settings registry checks the default commission with the sales rule
    ("network", "members"),  # a meeting serves groups: the meeting form lists them
    ("impact", "members"),  # a visit is entered for a member found by number; ages for the funder's report
    ("district", "loans"),  # a packet carries each loan's position as the office's arrears report sees it
    ("office", "district"),  # the first-run wizard sets up a sub-district office or the district (mode kabupaten)
    ("savings", "members"),  # a saver is a member: status checks, the member picker
    ("savings", "loans"),  # the savings kwitansi is the loan kwitansi's paper and printer; no return while a loan runs
    ("books", "members"),  # the SHU goes to members: names and numbers on the list
    ("books", "savings"),  # jasa modal by pokok + wajib; a member's SHU paid into sukarela is a savings deposit
    ("books", "loans"),  # the SHU kwitansi is the loan kwitansi's paper and printer
}


def _area_of(path: Path) -> tuple[str, str] | None:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) >= 3 and parts[0] in LAYERS and parts[1] in AREAS:
        return parts[0], parts[1]
    return None


def _cross_area_imports(path: Path, area: str) -> list[tuple[str, str, list[str]]]:
    """(other area, module under koperasi., names) of each import of another area's module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            names = [alias.name for alias in node.names]
            if len(parts) == 3 and parts[0] == "koperasi" and parts[1] in LAYERS and parts[2] in AREAS:
                found += [(parts[2], f"{parts[1]}.{parts[2]}.{name}", []) for name in names]
            elif len(parts) >= 4 and parts[0] == "koperasi" and parts[1] in LAYERS and parts[2] in AREAS:
                found.append((parts[2], ".".join(parts[1:4]), names))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if len(parts) >= 4 and parts[0] == "koperasi" and parts[1] in LAYERS and parts[2] in AREAS:
                    found.append((parts[2], ".".join(parts[1:4]), []))
    return [(other, module, names) for other, module, names in found if other != area]


def _area_offenders(paths) -> list[str]:
    offenders = []
    for path in paths:
        placed = _area_of(path) if path.is_relative_to(PACKAGE) else ("services", path.parent.name)
        if placed is None:
            continue
        area = placed[1]
        for other, module, names in _cross_area_imports(path, area):
            offered = OFFERED[other]
            if other != "office" and (area, other) not in USES:
                offenders.append(f"{path.name} ({area}) uses {other}: not an allowed direction")
            elif offered is not None and module not in offered:
                offenders.append(f"{path.name} ({area}) imports {module}, which {other} does not offer")
            offenders += [f"{path.name} ({area}) imports the private {module}.{name}" for name in names if name.startswith("_")]
    return offenders


def test_every_area_has_one_folder_name_in_every_layer_it_has():
    for area in AREAS:
        folders = [layer for layer in LAYERS if (PACKAGE / layer / area / "__init__.py").exists()]
        assert "services" in folders and "gui" in folders, (area, folders)


def test_an_area_uses_another_only_through_what_that_area_offers():
    assert _area_offenders(_modules()) == []


def test_the_area_check_would_catch_a_private_or_unoffered_import(tmp_path):
    loans = tmp_path / "loans"
    loans.mkdir()
    bad = loans / "bad.py"
    bad.write_text(
        "from koperasi.services.sales.selling import record_sale\n"
        "from koperasi.services.members.search import _private\n"
        "from koperasi.services.loans import papers\n"
    )
    offenders = _area_offenders([bad])
    assert len(offenders) == 2
    assert "not an allowed direction" in offenders[0] and "private" in offenders[1]


def test_only_the_commands_and_the_benchmark_use_the_demo_data():
    lower = _modules("services") + _modules("reports") + _modules("db") + _modules("domain") + _modules("gui")
    assert _offenders(lower, "koperasi.demo") == []
