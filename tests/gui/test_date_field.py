"""The one date field: typed in any of the clerk's ways, shown the Indonesian way when left, never
silently turned into another date; out-of-range dates named at the field and refused on save."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from koperasi.gui.date_field import DateField
from koperasi.gui.members.dialog import MemberDialog
from tests.support import TODAY

NIK_WOMAN_5_MAY_1980 = "1503034505800001"  # day 45 = 5 + 40: a woman


class _Page(QWidget):
    """A date field and a second input to move the focus to, shown so focus events are real."""

    def __init__(self) -> None:
        super().__init__()
        self.field = DateField(objectName="testDateField", subject="Tanggal lahir")
        self.other = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.other)


@pytest.fixture
def page(qtbot):
    page = _Page()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitActive(page)
    return page


def _type_and_leave(qtbot, page: _Page, text: str) -> None:
    page.field.setFocus()
    page.field.selectAll()
    qtbot.keyClicks(page.field, text)
    page.other.setFocus()
    qtbot.waitUntil(lambda: not page.field.hasFocus(), timeout=1000)


@pytest.mark.parametrize("typed", ["01-07-1985", "01/07/1985", "1-7-1985", "01071985", "1 Juli 1985", "1 Jul 1985"])
def test_each_way_of_typing_reads_as_the_day_and_shows_it_in_indonesian_when_left(qtbot, page, typed):
    page.field.setMaximumDate(QDate(TODAY))
    with qtbot.waitSignal(page.field.dateChanged) as changed:
        _type_and_leave(qtbot, page, typed)
    assert changed.args == [QDate(1985, 7, 1)]
    assert page.field.date() == QDate(1985, 7, 1) and page.field.checked_date() == date(1985, 7, 1)
    assert page.field.text() == "1 Juli 1985" and page.field.is_valid()


def test_a_date_after_the_maximum_keeps_its_text_and_names_the_limit(qtbot, page):
    page.field.setMaximumDate(QDate(TODAY))
    _type_and_leave(qtbot, page, "01-07-2027")  # the reported bug: 2027 became 2025
    assert page.field.text() == "01-07-2027"
    assert not page.field.date().isValid() and not page.field.is_valid()
    assert page.field.error() == "Tanggal lahir tidak boleh setelah hari ini (28 November 2026)."
    assert page.field.toolTip() == page.field.error() and "border" in page.field.styleSheet()


def test_a_date_before_a_named_minimum_says_which_limit(qtbot, page):
    page.field.set_subject("Tanggal bayar")
    page.field.setMinimumDate(date(2026, 10, 1), "tanggal pencairan")
    _type_and_leave(qtbot, page, "30-09-2026")
    assert page.field.text() == "30-09-2026"
    assert page.field.error() == "Tanggal bayar tidak boleh sebelum tanggal pencairan (1 Oktober 2026)."


def test_before_1900_and_a_day_that_does_not_exist_are_named_not_changed(qtbot, page):
    _type_and_leave(qtbot, page, "31-12-1899")
    assert page.field.text() == "31-12-1899" and page.field.error() == "Tanggal lahir tidak boleh sebelum 1 Januari 1900."
    _type_and_leave(qtbot, page, "31021985")
    assert page.field.text() == "31021985" and "31 Februari 1985 tidak ada" in page.field.error()
    with pytest.raises(Exception, match="tidak ada"):
        page.field.checked_date("birth_date")


def test_fixing_the_text_clears_the_message(qtbot, page):
    page.field.setMaximumDate(QDate(TODAY))
    errors: list[str] = []
    page.field.error_changed.connect(errors.append)
    _type_and_leave(qtbot, page, "1-1-2027")
    _type_and_leave(qtbot, page, "1-1-2026")
    assert errors == ["Tanggal lahir tidak boleh setelah hari ini (28 November 2026).", ""]
    assert page.field.text() == "1 Januari 2026" and page.field.styleSheet() == ""


def test_an_optional_field_may_be_empty_a_required_one_may_not(qtbot, page):
    assert page.field.error() == "Tanggal lahir wajib diisi."
    page.field.set_optional(True)
    assert page.field.is_valid() and page.field.checked_date() is None


def test_the_calendar_opens_at_the_date_the_field_suggests_and_a_click_sets_it(qtbot, page):
    calendar = page.field.show_calendar()
    assert calendar.selectedDate() == QDate(TODAY)  # default: today
    calendar.close()
    page.field.set_calendar_start(lambda: date(1996, 11, 28))
    calendar = page.field.show_calendar()
    assert calendar.selectedDate() == QDate(1996, 11, 28)
    calendar.clicked.emit(QDate(1996, 12, 3))
    assert page.field.text() == "3 Desember 1996" and not calendar.isVisible()


def test_f4_opens_the_calendar(qtbot, page):
    page.field.setFocus()
    qtbot.keyClick(page.field, Qt.Key.Key_F4)
    popup = page.field.findChild(QWidget, "dateFieldCalendar")
    assert popup is not None and popup.isVisible()
    popup.close()


# ---- in the member form ----------------------------------------------------------------------


@pytest.fixture
def member_dialog(qtbot, context):
    dialog = MemberDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def _leave(qtbot, field, text, then):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    then.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus(), timeout=1000)


def test_the_reported_birth_date_01071985_is_kept_and_shown_when_left(qtbot, member_dialog):
    form = member_dialog.member_form.form
    _leave(qtbot, form.birthDateEdit, "01071985", form.kecamatanCombo)
    assert form.birthDateEdit.text() == "1 Juli 1985" and form.birthDateEdit.date() == QDate(1985, 7, 1)


def test_a_future_birth_date_is_named_under_the_form_and_not_saved(qtbot, member_dialog):
    form = member_dialog.member_form.form
    form.fullNameEdit.setText("Rahmat Hidayat")
    _leave(qtbot, form.birthDateEdit, "01-07-2027", form.kecamatanCombo)
    message = "Tanggal lahir tidak boleh setelah hari ini (28 November 2026)."
    assert member_dialog.error_label.text() == message  # shown as the field is left
    member_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert member_dialog.result() == 0 and member_dialog.error_label.text() == message
    assert form.birthDateEdit.text() == "01-07-2027" and form.birthDateEdit.hasFocus()


def test_a_nik_fills_an_empty_birth_date_and_the_sex(qtbot, member_dialog):
    form = member_dialog.member_form.form
    assert form.sexCombo.currentData() == "L"
    qtbot.keyClicks(form.nikEdit, NIK_WOMAN_5_MAY_1980)
    assert form.birthDateEdit.text() == "5 Mei 1980" and form.sexCombo.currentData() == "P"
    assert not form.nikNoteLabel.isVisibleTo(member_dialog)


def test_the_birth_calendar_opens_at_the_nik_date_else_about_30_years_ago(qtbot, member_dialog):
    form = member_dialog.member_form.form
    calendar = form.birthDateEdit.show_calendar()
    assert calendar.selectedDate() == QDate(1996, 11, 28)
    calendar.close()
    form.nikEdit.setText(NIK_WOMAN_5_MAY_1980)
    form.birthDateEdit.setText("")
    calendar = form.birthDateEdit.show_calendar()
    assert calendar.selectedDate() == QDate(1980, 5, 5)
    calendar.close()


def test_a_nik_that_disagrees_with_what_was_typed_is_named_but_changes_nothing(qtbot, member_dialog):
    form = member_dialog.member_form.form
    form.sexCombo.setCurrentIndex(form.sexCombo.findData("L"))
    form.sexCombo.activated.emit(form.sexCombo.currentIndex())  # the clerk chose it
    _leave(qtbot, form.birthDateEdit, "1-7-1985", form.kecamatanCombo)
    form.nikEdit.setText(NIK_WOMAN_5_MAY_1980)
    assert form.birthDateEdit.text() == "1 Juli 1985" and form.sexCombo.currentData() == "L"
    assert form.nikNoteLabel.isVisibleTo(member_dialog)
    assert form.nikNoteLabel.text() == (
        "NIK menunjukkan perempuan, tetapi jenis kelamin yang diisi laki-laki. "
        "NIK menunjukkan tanggal lahir 5 Mei 1980, tetapi tanggal lahir yang diisi 1 Juli 1985."
    )
    _leave(qtbot, form.birthDateEdit, "05051980", form.kecamatanCombo)
    form.sexCombo.setCurrentIndex(form.sexCombo.findData("P"))
    assert not form.nikNoteLabel.isVisibleTo(member_dialog)


def test_a_wrong_nik_is_named_once_the_clerk_leaves_it(qtbot, member_dialog):
    form = member_dialog.member_form.form
    form.nikEdit.setFocus()
    qtbot.keyClicks(form.nikEdit, "150303")
    assert not form.nikNoteLabel.isVisibleTo(member_dialog)  # still typing
    form.kkEdit.setFocus()
    qtbot.waitUntil(lambda: form.nikNoteLabel.isVisibleTo(member_dialog), timeout=1000)
    assert form.nikNoteLabel.text() == "NIK harus 16 digit angka."


def test_household_birth_dates_accept_the_same_ways_of_typing(qtbot, member_dialog):
    form = member_dialog.member_form.form
    member_dialog.member_form.add_person(None)
    table = form.householdTable
    table.item(0, 0).setText("Rina")
    table.item(0, 3).setText("17082015")
    assert table.item(0, 3).text() == "17 Agustus 2015"
    table.item(0, 3).setText("17-8-15")
    assert table.item(0, 3).text() == "17-8-15"  # not a date yet: kept for the clerk to fix


def test_saving_without_a_birth_date_frames_the_field_and_says_so(qtbot, member_dialog):
    form = member_dialog.member_form.form
    form.fullNameEdit.setText("Rahmat Hidayat")
    assert form.birthDateEdit.styleSheet() == ""  # an untouched empty field is not shouted at
    member_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert member_dialog.result() == 0 and member_dialog.error_label.text() == "Tanggal lahir wajib diisi."
    assert "b3261e" in form.birthDateEdit.styleSheet() and form.birthDateEdit.hasFocus()
