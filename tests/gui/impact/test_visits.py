"""The Dampak tab: a sheet typed in from the keyboard, the history from Anggota, the indicators, who sees it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.roles import Role
from koperasi.gui.context import AppContext
from koperasi.gui.impact.household_dialog import HouseholdDialog
from koperasi.gui.impact.indicators_view import IndicatorsView
from koperasi.gui.impact.visit_dialog import VisitDialog
from koperasi.gui.main_window import MainWindow
from koperasi.services.impact import households
from koperasi.services.members import register as members
from koperasi.services.office import regions
from tests.services.impact.test_households import measured
from tests.support import add_staff


@pytest.fixture
def member(context):
    with context.database.session() as session:
        desa = regions.add_desa(session, context.actor, "15.03.04", name="Pauh")
        return members.register_member(session, context.actor, MemberInput(
            full_name="Siti Aminah", sex=Sex.FEMALE, birth_date=date(1980, 5, 1), desa_id=str(desa.id),
            join_date=date(2025, 1, 2)), accept_warnings=True)


def test_a_pile_of_sheets_is_typed_in_from_the_keyboard(qtbot, context, member):
    dialog = VisitDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # the Ctrl+Enter shortcut acts in the active window
    qtbot.keyClicks(dialog.number_edit, member.number)
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    assert "Siti Aminah" in dialog.member_label.text() and "data awal" in dialog.member_label.text()
    assert dialog.date_edit.hasFocus() and dialog.error_label.text() == ""  # Enter found the member, saved nothing
    dialog.date_edit.setText("10-03-2025")
    qtbot.keyClicks(dialog.livelihoods_edit, "Petani karet")
    qtbot.keyClicks(dialog.income_edit, "1500000")
    dialog.debt_edit.setText("")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error_label.text() == "" and dialog.saved_count == 1
    assert dialog.number_edit.text() == "" and dialog.income_edit.text() == "" and dialog.isVisible()
    with context.database.session() as session:
        (saved,) = households.household_history(session, context.actor, member.id).measurements
    assert (saved.data.measured_on, saved.data.monthly_income, saved.data.moneylender_debt) == (date(2025, 3, 10), 1_500_000, False)
    # the next sheet of the same household: the slow-changing figures come from the last one, income must be typed
    qtbot.keyClicks(dialog.number_edit, member.number)
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    assert dialog.livelihoods_edit.text() == "Petani karet" and dialog.income_edit.text() == ""
    dialog.save_and_next()
    assert "pendapatan" in dialog.error_label.text() and dialog.income_edit.hasFocus()


def test_a_bad_figure_is_refused_in_indonesian_at_its_field(qtbot, context, member):
    dialog = VisitDialog(context, member_id=member.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setText("01-01-2024")  # before joining
    dialog.livelihoods_edit.setText("Petani karet")
    dialog.income_edit.setText("1.000.000")
    dialog.save_and_next()
    assert "sebelum anggota terdaftar" in dialog.error_label.text() and dialog.saved_count == 0


def test_the_household_history_opens_from_the_member(qtbot, context, member, monkeypatch):
    opened = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.members.show_member(member.id)
    assert window.members.detail.household_button.isVisibleTo(window.members.detail)
    window.members.detail.household_button.click()
    assert isinstance(opened[0], HouseholdDialog)
    assert "Belum ada data rumah tangga" in opened[0].empty_note.text()


def test_the_treasurer_sees_neither_the_tab_nor_the_household_button(qtbot, context):
    treasurer = add_staff(context.database, context.actor, "bendahara", Role.TREASURER)
    window = MainWindow(AppContext(database=context.database, actor=treasurer, office=context.office))
    qtbot.addWidget(window)
    titles = [window.form.mainTabs.tabText(i) for i in range(window.form.mainTabs.count())]
    assert "&Dampak" not in titles and window.impact is None
    assert not window.members.detail.household_button.isVisibleTo(window.members.detail)


def test_the_indicators_show_a_total_row_and_the_due_list_explains_itself(qtbot, context, member):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.form.mainTabs.setCurrentWidget(window.impact)
    view = window.impact.visits_view
    assert view.model.rowCount() == 1 and "1 rumah tangga" in view.count_label.text()  # Siti's baseline is due
    window.impact.pages.setCurrentWidget(window.impact.indicators_view)
    indicators = window.impact.indicators_view
    assert indicators.model.rowCount() == 1  # "Seluruhnya" only, with nobody measured yet
    assert "Belum ada rumah tangga dengan data awal" in indicators.empty_note.text()
    header_tip = indicators.model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Median" in header_tip


def test_the_cohort_table_is_read_when_shown_and_follows_its_choice(qtbot, context, member):
    with context.database.session() as session:
        households.record_measurement(session, context.actor, member.id, measured(date(2025, 1, 10), 1_000_000),
                                      officer_id=context.actor.user_id)
        households.record_measurement(session, context.actor, member.id, measured(date(2025, 7, 3), 1_400_000),
                                      officer_id=context.actor.user_id)
    view = IndicatorsView(context)
    qtbot.addWidget(view)
    view.from_edit.setText("01-01-2025")
    view.reload()
    assert view.cohort_model.rowCount() == 0  # not read until its page is shown
    view.results.setCurrentIndex(1)
    rows = [view.cohort_model.row(view.cohort_model.index(row, 0)) for row in range(view.cohort_model.rowCount())]
    assert [(r.cohort, r.milestone, r.measured) for r in rows] == [("2025", "Data awal", 1), ("2025", "6 bulan", 1), ("2025", "12 bulan", 0)]
    assert view.cohort_model.index(1, 4).data() == "+Rp400.000"
    view.cohort_combo.setCurrentIndex(view.cohort_combo.findData("first_loan/year"))
    assert view.cohort_model.rowCount() == 0 and "Tidak ada rumah tangga" in view.cohort_empty_note.text()
