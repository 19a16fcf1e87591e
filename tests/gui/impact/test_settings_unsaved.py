"""Garis kemiskinan dan jadwal kunjungan: a line or a schedule typed and not saved is asked about on closing
(Simpan / Buang perubahan / Kembali, answered by the ``unsaved_questions`` fixture)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from koperasi.domain.impact.settings import VISIT_EVERY_MONTHS_DURING_LOAN
from koperasi.gui.impact.settings_dialog import ImpactSettingsDialog
from koperasi.gui.unsaved_changes import Answer
from koperasi.services.impact import poverty
from koperasi.services.office import settings


def _shown(qtbot, context) -> ImpactSettingsDialog:
    dialog = ImpactSettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_untouched_dialog_closes_without_asking(qtbot, context, unsaved_questions):
    dialog = _shown(qtbot, context)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and unsaved_questions.asked == []


def test_a_typed_poverty_line_is_asked_about_and_kembali_keeps_it(qtbot, context, unsaved_questions):
    dialog = _shown(qtbot, context)
    dialog.valid_edit.setText("01-03-2026")
    dialog.amount_edit.set_value(650_000)
    unsaved_questions.answer = Answer.KEEP
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and [box for box, *_ in unsaved_questions.asked] == ["unsavedChangesBox"]
    assert dialog.amount_edit.value() == 650_000


def test_simpan_records_the_line_and_the_schedule_then_closes(qtbot, context, unsaved_questions):
    dialog = _shown(qtbot, context)
    dialog.valid_edit.setText("01-03-2026")
    dialog.amount_edit.set_value(650_000)
    dialog.loan_spin.setValue(dialog.loan_spin.value() + 1)
    wanted = dialog.loan_spin.value()
    unsaved_questions.answer = Answer.SAVE
    dialog.reject()
    assert not dialog.isVisible()
    with context.database.session() as session:
        assert [line.amount for line in poverty.poverty_lines(session, context.actor)] == [650_000]
        assert settings.value_of(session, VISIT_EVERY_MONTHS_DURING_LOAN) == wanted


def test_a_line_recorded_with_its_button_leaves_nothing_to_ask_about(qtbot, context, unsaved_questions):
    dialog = _shown(qtbot, context)
    dialog.valid_edit.setText("01-03-2026")
    dialog.amount_edit.set_value(650_000)
    dialog.add_button.click()
    assert dialog.model.rowCount() == 1
    dialog.reject()
    assert not dialog.isVisible() and unsaved_questions.asked == []


def test_a_schedule_typed_before_a_line_is_recorded_is_kept_and_still_asked_about(qtbot, context, unsaved_questions):
    dialog = _shown(qtbot, context)
    dialog.training_edit.setText("6, 12, 24")
    dialog.valid_edit.setText("01-03-2026")
    dialog.amount_edit.set_value(650_000)
    dialog.add_button.click()
    assert dialog.training_edit.text() == "6, 12, 24"
    unsaved_questions.answer = Answer.KEEP
    dialog.reject()
    assert dialog.isVisible() and len(unsaved_questions.asked) == 1
