"""The house plan: Qt only in koperasi.gui (and the app start-up); no database in the domain."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import koperasi

PACKAGE = Path(koperasi.__file__).parent


@functools.cache
def _import_statements(path: Path) -> tuple[ast.Import | ast.ImportFrom, ...]:
    """A module's import statements, parsed once per run: the checks below read every module of the package
    several times over, seconds each under load."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return tuple(node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom)))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in _import_statements(path):
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
# what every area stands on, so all of it is open. The month as a whole (monthly: the Laporan bulanan and
# Beranda's charts) joins the areas like Beranda: it may read any area's modules, never a private name.
AREAS = ("office", "members", "loans", "trainings", "sales", "network", "impact", "district", "savings", "cashbook", "books", "monthly")
JOINING = {"monthly"}
LAYERS = ("domain", "services", "reports", "gui")
OFFERED = {
    "office": None,  # everything: profile, settings, regions, audit, numbering
    # services.members.register: a member leaving with savings set against a loan leaves in the savings area's transaction
    "members": {"domain.members.register", "services.members.search", "services.members.groups", "services.members.register",
                "gui.members.photos"},
    "trainings": {"services.trainings.participants", "services.trainings.programmes", "services.trainings.papers"},
    "sales": {"domain.sales.rules", "services.sales.papers"},
    "network": set(),  # the member panel gets its meetings through the main window
    "impact": {"domain.impact.indicators", "services.impact.indicators"},
    # services.loans.payments: savings set against a loan pay it through the one repayment (schedule, journal, audit)
    "loans": {"services.loans.arrears", "services.loans.payments", "domain.loans.papers", "domain.loans.rules",
              "gui.loans.documents"},
    "district": {"services.district.mode"},
    "savings": {"services.savings.movements", "services.savings.leaving", "domain.savings.rules"},
    "cashbook": set(),  # the office's own income and expenses; the chart it extends is shared (services/accounts.py)
    "monthly": {"domain.monthly.figures", "services.monthly.report", "reports.monthly.report"},
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
    ("impact", "members"),  # a visit is entered for a member found by number; ages for the funder's report; a story's photo
    ("district", "loans"),  # a packet carries each loan's position as the office's arrears report sees it
    ("district", "trainings"),  # a packet carries the office's training summary by kecamatan
    ("district", "sales"),  # a packet carries the office's sales report by kecamatan
    ("district", "monthly"),  # a packet carries the office's Laporan bulanan; the district's is the same paper, added up
    ("district", "impact"),  # a packet carries the office's impact indicators; the district takes the median of them all
    ("office", "district"),  # the first-run wizard sets up a sub-district office or the district (mode kabupaten)
    ("office", "loans"),  # the audit report lists loan approvals by accounts made within days of the application
    ("savings", "members"),  # a saver is a member: status checks, the member picker
    ("savings", "loans"),  # the savings kwitansi is the loan kwitansi's paper and printer; a leaver's savings pay their loans
    ("members", "loans"),  # a member does not leave while a loan runs (its status and number in the refusal)
    ("members", "savings"),  # the leaving form shows the savings and running loans and sets one against the other
    ("impact", "monthly"),  # the funder's charts take the monthly report's colour-blind-safe palette and rupiah axis
    ("books", "members"),  # the SHU goes to members: names and numbers on the list
    ("books", "savings"),  # jasa modal by pokok + wajib; a member's SHU paid into sukarela is a savings deposit
    ("books", "loans"),  # the SHU kwitansi is the loan kwitansi's paper and printer
}


def _area_of(path: Path) -> tuple[str, str] | None:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) >= 3 and parts[0] in LAYERS and parts[1] in AREAS:
        return parts[0], parts[1]
    return None


def _area_module(parts: list[str]) -> tuple[str, str] | None:
    """(area, module under koperasi.) of an import path ``koperasi.<layer>.<area>[.<module>...]``."""
    if len(parts) >= 3 and parts[0] == "koperasi" and parts[1] in LAYERS and parts[2] in AREAS:
        return parts[2], ".".join(parts[1:4])
    return None


def _cross_area_imports(path: Path, area: str) -> list[tuple[str, str, list[str]]]:
    """(other area, module under koperasi., names) of each import of another area's module or package.

    A whole area package (``from koperasi.services import loans``, ``import koperasi.services.loans``) is
    ``services.loans``, which no area offers: an area is used through its modules.
    """
    found = []
    for node in _import_statements(path):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            names = [alias.name for alias in node.names]
            if len(parts) == 2 and parts[0] == "koperasi" and parts[1] in LAYERS:
                found += [(name, f"{parts[1]}.{name}", []) for name in names if name in AREAS]
            elif len(parts) == 3 and _area_module(parts):
                found += [(parts[2], f"{parts[1]}.{parts[2]}.{name}", []) for name in names]
            elif placed := _area_module(parts):
                found.append((*placed, names))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if placed := _area_module(alias.name.split(".")):
                    found.append((*placed, []))
    return [(other, module, names) for other, module, names in found if other != area]


def _relative_imports(path: Path) -> list[int]:
    """Line numbers of relative imports: the area check reads only ``koperasi.…`` written in full."""
    return [
        node.lineno
        for node in _import_statements(path)
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]


def _area_offenders(paths) -> list[str]:
    offenders = []
    for path in paths:
        placed = _area_of(path) if path.is_relative_to(PACKAGE) else ("services", path.parent.name)
        if placed is None:
            continue
        area = placed[1]
        offenders += [f"{path.name}:{line} ({area}) imports relatively: write koperasi.… in full" for line in _relative_imports(path)]
        for other, module, names in _cross_area_imports(path, area):
            offered = None if area in JOINING else OFFERED[other]
            if other != "office" and area not in JOINING and (area, other) not in USES:
                offenders.append(f"{path.name} ({area}) uses {other}: not an allowed direction")
            elif offered is not None and module not in offered:
                offenders.append(f"{path.name} ({area}) imports {module}, which {other} does not offer")
            offenders += [f"{path.name} ({area}) imports the private {module}.{name}" for name in names if name.startswith("_")]
    return offenders


# Folders of a layer that are not areas: Beranda reads every area; forms/ is generated (packaging/generate.py);
# help/ is the guide.
SHARED_FOLDERS = {"domain": set(), "services": {"dashboard"}, "reports": set(), "gui": {"dashboard", "forms", "help"}}


def _undeclared_folders(package: Path) -> list[str]:
    """Each layer's folders that are neither a declared area nor a declared shared folder, or not a package."""
    return [
        f"{layer}/{path.name}"
        for layer in LAYERS
        for path in sorted((package / layer).iterdir())
        if path.is_dir() and path.name != "__pycache__"
        and (path.name not in set(AREAS) | SHARED_FOLDERS[layer] or not (path / "__init__.py").exists())
    ]


def test_every_area_has_one_folder_name_in_every_layer_it_has():
    for area in AREAS:
        folders = [layer for layer in LAYERS if (PACKAGE / layer / area / "__init__.py").exists()]
        assert "services" in folders and "gui" in folders, (area, folders)
    assert _undeclared_folders(PACKAGE) == []


def test_the_folder_check_would_catch_an_undeclared_folder(tmp_path):
    for folder in ("services/loans", "services/dashboard", "gui/forms", "domain/loan_rules", "reports/dashboard"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "__init__.py").touch()
    (tmp_path / "gui" / "sales").mkdir()  # no __init__.py
    (tmp_path / "gui" / "__pycache__").mkdir()
    assert _undeclared_folders(tmp_path) == ["domain/loan_rules", "reports/dashboard", "gui/sales"]


def test_an_area_uses_another_only_through_what_that_area_offers():
    assert _area_offenders(_modules()) == []


def _area_file(tmp_path: Path, area: str, *lines: str) -> Path:
    """A module of ``area`` (placed by its folder's name) holding ``lines``."""
    folder = tmp_path / area
    folder.mkdir()
    path = folder / "module.py"
    path.write_text("".join(line + "\n" for line in lines))
    return path


def test_the_area_check_would_catch_a_private_or_unoffered_import(tmp_path):
    bad = _area_file(
        tmp_path, "loans",
        "from koperasi.services.sales.selling import record_sale",
        "from koperasi.services.members.search import _private",
        "from koperasi.services.loans import papers",
    )
    offenders = _area_offenders([bad])
    assert len(offenders) == 2
    assert "not an allowed direction" in offenders[0] and "private" in offenders[1]


def test_the_area_check_reads_every_way_of_writing_an_import(tmp_path):
    bad = _area_file(
        tmp_path, "loans",
        "from koperasi.services import sales",
        "import koperasi.services.members",
        "import koperasi.services.members.importing",
        "from . import papers",
        "from .book import due",
        "from koperasi.services import ledger, loans",
        "import koperasi.services.loans.book",
    )
    offenders = _area_offenders([bad])
    assert len(offenders) == 5, offenders
    assert "not an allowed direction" in offenders[2]  # sales
    assert "services.members, which members does not offer" in offenders[3]
    assert "services.members.importing, which members does not offer" in offenders[4]
    assert [o.split(" (")[0] for o in offenders[:2]] == ["module.py:4", "module.py:5"] and "relatively" in offenders[0]


def test_a_joining_area_may_read_any_area_but_never_a_private_name(tmp_path):
    joining = _area_file(
        tmp_path, "monthly",
        "from koperasi.services.sales.book import standing_sale_lines",
        "from koperasi.services.loans.arrears import _private",
    )
    assert _area_offenders([joining]) == ["module.py (monthly) imports the private services.loans.arrears._private"]


def test_only_the_commands_and_the_benchmark_use_the_demo_data():
    lower = _modules("services") + _modules("reports") + _modules("db") + _modules("domain") + _modules("gui")
    assert _offenders(lower, "koperasi.demo") == []


def test_the_demo_parts_share_only_public_names():
    taken = [
        f"{path.name} imports {node.module}.{alias.name}"
        for path in _modules("demo")
        for node in _import_statements(path)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("koperasi.")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert taken == []
