"""Every window fits the laptops offices have: a 1024x768 screen less a 40 px taskbar."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QTableView

from koperasi.domain.loans.rules import LoanStatus
from koperasi.gui import screen_fit
from koperasi.gui.context import AppContext
from koperasi.gui.columns import NAME_MINIMUM
from koperasi.gui.combos import find_data
from koperasi.gui.main_window import MainWindow
from koperasi.services.office import auth
from koperasi.demo import office as demo
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.gui.cashbook.dialogs import CashEntryDialog
from koperasi.services.office import profile as office

LAPTOP = QRect(0, 0, 1024, 728)  # 1024x768 with the Windows taskbar
MAIN_WINDOW_MAX = 1000


@pytest.fixture
def demo_window(qtbot, sqlite_db):
    """The main window over a small demo office: long names in every list and filter."""
    with sqlite_db.session() as session:
        demo.fill(session, members=60, loans=20, sales=30)
    with sqlite_db.session() as session:
        actor = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
        current = office.current_office(session)
    window = MainWindow(AppContext(database=sqlite_db, actor=actor, office=current))
    qtbot.addWidget(window)
    window.show()
    return window


def _select_first(window, table_name: str) -> None:
    table = window.findChild(QTableView, table_name)
    table.selectRow(0)
    table.setCurrentIndex(table.model().index(0, 0))


def test_the_main_window_works_at_1000_px_on_every_tab_with_a_row_chosen(demo_window):
    window = demo_window
    widths = {}
    tabs = window.form.mainTabs
    # Each tab by its widget, not its place: a new tab or a new order must not test the wrong list.
    row_chosen_in = {window.dashboard: None, window.members: "memberTable", window.loans: "loanTable",
                     window.savings: "savingsMemberTable", window.trainings: "trainingBatchTable", window.sales: "saleTable",
                     window.network: "networkMeetingTable", window.impact: "visitsTable"}
    assert [tabs.widget(index) for index in range(tabs.count())] == list(row_chosen_in)
    for tab, table in row_chosen_in.items():
        tabs.setCurrentWidget(tab)
        if table:
            _select_first(window, table)
        widths[tabs.tabText(tabs.indexOf(tab)).replace("&", "")] = window.minimumSizeHint().width()
    window.loans.pages.setCurrentIndex(2)
    window.loans.arrears_view.refresh()  # the PAR sentence is long
    widths["Tunggakan"] = window.minimumSizeHint().width()
    window.impact.pages.setCurrentWidget(window.impact.indicators_view)
    window.impact.indicators_view.dimension_combo.setCurrentIndex(3)
    window.impact.indicators_view.reload()  # the summary sentence and the category names are long
    widths["Indikator"] = window.minimumSizeHint().width()
    assert max(widths.values()) <= MAIN_WINDOW_MAX, widths


def test_every_dialog_opened_from_the_main_window_fits_a_1024_x_768_screen(demo_window, monkeypatch):
    monkeypatch.setattr(screen_fit, "available_area", lambda widget: QRect(LAPTOP))
    opened: dict[str, tuple[int, int, list[str]]] = {}

    def measure(dialog: QDialog) -> int:
        dialog.show()
        size = dialog.size().expandedTo(dialog.minimumSizeHint())
        outside = [button.text() for button in dialog.findChildren(QAbstractButton)
                   if button.isVisible() and not dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))]
        opened[type(dialog).__name__] = (size.width(), size.height(), outside)
        dialog.hide()
        return 0

    monkeypatch.setattr(QDialog, "exec", measure)
    window = demo_window
    form = window.form
    for index in range(form.mainTabs.count()):  # a clerk's round of the tabs: each is built when first opened
        form.mainTabs.setCurrentIndex(index)
    for action in (form.actionChangePassword, form.actionOffice, form.actionUsers, form.actionRegions, form.actionCategories,
                   form.actionAuditLog, form.actionAbout, window.action_funds, window.action_catalogue, window.action_backup,
                   window.action_restore, window.action_district_settings, window.action_cash_book,
                   window.action_year_end):
        action.trigger()
    for direction in CashDirection:
        CashEntryDialog(window.context, direction, window).exec()
    _select_first(window, "memberTable")
    window.members.add_button.click()
    window.members.detail.leave_button.click()
    window.loans.apply_button.click()
    loans = window.loans
    loans.status_filter.setCurrentIndex(find_data(loans.status_filter, LoanStatus.ACTIVE.value))
    _select_first(window, "loanTable")
    for signal in (loans.detail.repay_requested, loans.detail.reschedule_requested, loans.detail.write_off_requested,
                   loans.detail.card_requested):
        signal.emit()
    trainings = window.trainings
    _select_first(window, "trainingBatchTable")
    for button in (trainings.programmes_button, trainings.new_batch_button, trainings.edit_batch_button,
                   trainings.detail.add_session_button, trainings.detail.enrol_button):
        button.click()
    _select_first(window, "saleTable")
    window.sales.sales_view.new_button.click()
    window.sales.stock_view.intake_button.click()
    _select_first(window, "memberTable")
    window.members.detail.household_button.click()
    savings = window.savings
    _select_first(window, "savingsMemberTable")
    for button in (savings.deposit_button, savings.rates_button):
        button.click()
    network = window.network
    window.form.mainTabs.setCurrentWidget(network)  # a referral's outcome is asked only from the page on the screen
    network.new_button.click()
    _select_first(window, "networkMeetingTable")
    for button in (network.attendance_button, network.follow_up_button):
        button.click()
    board = network.opportunities_page
    network.pages.setCurrentWidget(board)
    board.new_button.click()
    _select_first(window, "opportunityTable")
    board.eligible_button.click()
    network.pages.setCurrentWidget(network.referrals_page)
    _select_first(window, "referralTable")
    network.referrals_page.outcome_button.click()
    window.impact.ensure_loaded()
    _select_first(window, "visitsTable")
    window.impact.visits_view.record_button.click()
    window.impact.indicators_view.settings_button.click()

    expected = {"VisitDialog", "HouseholdDialog", "ImpactSettingsDialog", "PasswordDialog", "OfficeDialog", "UsersDialog", "RegionsDialog", "CategoriesDialog", "AuditDialog", "AboutDialog",
                "FundsDialog", "CatalogueDialog", "BackupDialog", "RestoreDialog", "MemberDialog", "LeaveDialog",
                "LoanApplicationDialog", "RepaymentDialog", "RescheduleDialog", "WriteOffDialog", "PdfPreviewDialog",
                "ProgrammesDialog", "BatchDialog", "BatchEditDialog", "SessionDialog", "EnrolDialog", "SaleDialog", "IntakeDialog",
                "DistrictSettingsDialog", "CashBookDialog", "CashEntryDialog", "YearEndDialog", "DepositDialog", "RateDialog",
                "MeetingDialog", "MeetingAttendanceDialog", "FollowUpDialog", "OpportunityDialog", "EligibleDialog",
                "OutcomeDialog"}
    assert expected <= set(opened), expected - set(opened)
    too_big = {name: size for name, size in opened.items() if size[0] > LAPTOP.width() or size[1] > LAPTOP.height() or size[2]}
    assert not too_big


def test_the_household_table_keeps_the_names_readable_on_a_1024_px_laptop(qtbot, demo_window, monkeypatch):
    from sqlalchemy import text

    from koperasi.gui.members.dialog import MemberDialog
    from koperasi.gui.members.form import _NAME
    from koperasi.services.members import register as members

    monkeypatch.setattr(screen_fit, "available_area", lambda widget: QRect(LAPTOP))
    context = demo_window.context
    with context.database.session() as session:
        member_id = session.execute(text("SELECT member_id FROM household_members LIMIT 1")).scalar_one()
        member = members.get_member(session, context.actor, uuid.UUID(str(member_id)))
    dialog = MemberDialog(context, member, demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.findChild(QTableView, "householdTable")
    assert table.rowCount() > 0 and dialog.width() <= LAPTOP.width()
    names = [table.item(row, _NAME).text() for row in range(table.rowCount())]
    needed = max(table.fontMetrics().horizontalAdvance(name) for name in names)
    assert table.columnWidth(_NAME) >= min(needed, 120)


@pytest.mark.parametrize(("area", "maximised"), [(LAPTOP, True), (QRect(0, 0, 1920, 1040), False)])
def test_the_main_window_is_maximised_only_where_the_screen_is_small(demo_window, monkeypatch, area, maximised):
    from koperasi.gui.main_window import MAIN_WINDOW_HEIGHT, MAIN_WINDOW_WIDTH

    monkeypatch.setattr(screen_fit, "available_area", lambda widget: QRect(area))
    window = demo_window
    window.hide()
    window.setWindowState(Qt.WindowState.WindowNoState)
    screen_fit.show_main_window(window, MAIN_WINDOW_WIDTH, MAIN_WINDOW_HEIGHT)
    assert window.isMaximized() == maximised
    if not maximised:
        assert (window.width(), window.height()) == (MAIN_WINDOW_WIDTH, MAIN_WINDOW_HEIGHT)
        offset = window.geometry().center() - area.center()
        assert offset.manhattanLength() <= 4  # centred, give or take the window frame


SCREEN_HELD_BY_A_WINDOW = """
import gc
import os
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog
from koperasi.gui.screen_fit import available_area

app = QApplication([])
dialog = QDialog()
available_area(dialog)
print(any(holder is dialog for holder in gc.get_referrers(QGuiApplication.primaryScreen())), flush=True)
os._exit(0)  # the screen may already be doomed: no clean-up that would crash on it
"""


def test_measuring_a_window_leaves_the_screen_to_the_application(tmp_path):
    """QWidget.screen() makes the widget's wrapper hold the screen's, and when the garbage collector frees a
    window in a cycle it deletes the screen with it: the next pixmap or window crashes (the segmentation
    fault CI met). In a child process, so that a failure is a red test, not a dead suite."""
    script = tmp_path / "measure.py"
    script.write_text(SCREEN_HELD_BY_A_WINDOW)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert (done.returncode, done.stdout.strip()) == (0, "False"), done.stderr[-2000:]


def test_no_window_asks_a_widget_for_its_screen():
    """The same hole, kept shut: the program finds screens by position (screen_fit.available_area)."""
    import ast
    from pathlib import Path

    import koperasi.gui

    callers = [f"{path.name}:{node.lineno}" for path in Path(koperasi.gui.__file__).parent.rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "screen"]
    assert callers == []


def test_the_loan_list_keeps_every_column_in_sight_at_1024_px_and_product_names_whole_at_1366(qtbot, demo_window):
    window = demo_window
    window.form.mainTabs.setCurrentWidget(window.loans)
    table, model = window.loans.table, window.loans.model
    longest = max(table.fontMetrics().horizontalAdvance(model.index(row, model.PRODUCT).data()) for row in range(model.rowCount()))
    window.resize(1024, 728)
    qtbot.waitUntil(lambda: table.viewport().width() < 700)
    assert table.horizontalScrollBar().maximum() == 0  # Sisa and Status not behind the splitter
    window.resize(1366, 728)
    qtbot.waitUntil(lambda: table.viewport().width() > 740)
    assert table.columnWidth(model.PRODUCT) >= longest and table.columnWidth(model.MEMBER) > NAME_MINIMUM  # both have room


def test_the_member_detail_wraps_instead_of_cutting_its_text_at_1024_px(qtbot, demo_window):
    """A loan, a training, a consignment or a referral is a wrapping paragraph, not a table of five columns
    that widens the panel past its pane (cutting the group's name and the loans' last column)."""
    from PySide6.QtWidgets import QScrollArea

    window = demo_window
    window.resize(1024, 728)
    window.form.mainTabs.setCurrentWidget(window.members)
    table = window.findChild(QTableView, "memberTable")
    scroll = window.members.detail.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.viewport().width() < 400)
    too_wide = []
    for row in range(min(30, table.model().rowCount())):
        table.selectRow(row)
        table.setCurrentIndex(table.model().index(row, 0))
        qtbot.wait(1)
        if scroll.horizontalScrollBar().maximum() > 0:
            too_wide.append(table.model().index(row, 1).data())
    assert too_wide == []


def test_the_savings_member_list_keeps_whole_names_at_1024_px(qtbot, demo_window):
    window = demo_window
    window.resize(1024, 728)
    window.form.mainTabs.setCurrentWidget(window.savings)
    table = window.savings.member_table
    _select_first(window, "savingsMemberTable")  # the detail's row of buttons wraps rather than squeeze the list
    qtbot.waitUntil(lambda: table.viewport().width() < 500)
    names = [table.model().index(row, 1).data() for row in range(table.model().rowCount())]
    assert table.columnWidth(1) >= max(table.fontMetrics().horizontalAdvance(name) for name in names)
    assert table.horizontalScrollBar().maximum() == 0


def test_the_impact_indicators_show_every_heading_whole_at_1366_px(qtbot, demo_window):
    window = demo_window
    window.resize(1366, 728)
    window.form.mainTabs.setCurrentWidget(window.impact)
    window.impact.pages.setCurrentWidget(window.impact.indicators_view)
    table = window.impact.indicators_view.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.viewport().width() > 1200)
    cut = [table.model().headerData(column, Qt.Orientation.Horizontal) for column in range(header.count())
           if header.sectionSizeFromContents(column).width() > table.columnWidth(column)]
    assert cut == [] and table.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("width", [1366, 1024])
def test_the_household_history_shows_all_its_columns_without_scrolling_sideways(qtbot, demo_window, monkeypatch, width):
    from sqlalchemy import text

    from koperasi.gui.impact.household_dialog import HouseholdDialog

    monkeypatch.setattr(screen_fit, "available_area", lambda widget: QRect(0, 0, width, 728))
    context = demo_window.context
    with context.database.session() as session:
        member_id = session.execute(text("SELECT member_id FROM household_measurements GROUP BY member_id "
                                         "ORDER BY count(*) DESC LIMIT 1")).scalar_one()
    dialog = HouseholdDialog(context, uuid.UUID(str(member_id)), demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.viewport().width() > 500)
    assert dialog.width() <= width and dialog.table.horizontalScrollBar().maximum() == 0
    assert "Mata pencaharian:" in dialog.row_words.text() and "Petugas:" in dialog.row_words.text()  # the newest row's words
