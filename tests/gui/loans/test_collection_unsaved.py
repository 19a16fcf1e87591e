"""Amounts typed on the group collection sheet are not lost: choosing another group or day, or closing
the program, asks Simpan / Buang perubahan / Kembali first (the ``unsaved_questions`` fixture answers)."""

from __future__ import annotations

from koperasi.domain.members.register import GroupKind
from koperasi.gui.loans import collection_view
from koperasi.gui.loans.collection_view import CollectionView
from koperasi.gui.main_window import MainWindow
from koperasi.gui.unsaved_changes import Answer
from koperasi.services.loans.queries import loan_detail
from koperasi.services.members import groups
from tests.gui.loans.test_dialogs import _as, _group_office


def _sheet_with_typing(qtbot, context):
    office, group, loans = _group_office(context)
    with context.database.session() as session:
        other = groups.create_group(session, context.actor, name="KUP Melati", kind=GroupKind.WOMEN_BUSINESS,
                                    desa_id=office.desa_id)
    view = CollectionView(_as(context, office.clerk))
    qtbot.addWidget(view)
    view.choose(group.id)
    view.paid_edit(0).set_value(100_000)
    return office, group, other, loans, view


def test_kembali_keeps_the_typed_amounts_on_their_group(qtbot, context, unsaved_questions):
    _office, group, other, _loans, view = _sheet_with_typing(qtbot, context)
    unsaved_questions.answer = Answer.KEEP
    view.choose(other.id)
    assert len(unsaved_questions.asked) == 1 and unsaved_questions.asked[0][0] == "unsavedChangesBox"
    assert view.group_combo.currentData() == group.id and view.paid_edit(0).value() == 100_000


def test_a_new_day_asks_too_and_buang_perubahan_loads_the_new_sheet(qtbot, context, unsaved_questions):
    _office, group, _other, _loans, view = _sheet_with_typing(qtbot, context)
    unsaved_questions.answer = Answer.DISCARD
    view.date_edit.setDate(view.date_edit.date().addDays(-1))
    assert len(unsaved_questions.asked) == 1
    assert view.group_combo.currentData() == group.id and not view.has_unsaved_changes()


def test_simpan_posts_the_amounts_on_their_group_then_shows_the_one_chosen(qtbot, context, unsaved_questions, monkeypatch):
    office, _group, other, loans, view = _sheet_with_typing(qtbot, context)
    monkeypatch.setattr(collection_view, "show_info", lambda *args: None)

    def movements() -> int:
        with context.database.session() as session:
            return sum(len(loan_detail(session, office.clerk, loan).movements) for loan in loans)

    before = movements()
    unsaved_questions.answer = Answer.SAVE
    view.choose(other.id)
    assert view.group_combo.currentData() == other.id and view.table.rowCount() == 0
    assert movements() == before + 1  # Nur Aisyah's Rp100.000, posted on the group it was typed for


def test_closing_the_program_asks_about_typed_amounts_and_kembali_shows_the_sheet(qtbot, context, unsaved_questions):
    office, group, _loans = _group_office(context)
    window = MainWindow(_as(context, office.clerk))
    qtbot.addWidget(window)
    window.show()
    view = window.loans.collection_view
    view.choose(group.id)
    view.paid_edit(0).set_value(100_000)
    unsaved_questions.answer = Answer.KEEP
    window.close()
    [(box, text, _buttons)] = unsaved_questions.asked
    assert box == "keepOrQuitBox" and "Setoran kelompok KUP Mawar" in text
    assert window.isVisible() and window.form.mainTabs.currentWidget() is window.loans
    assert window.loans.pages.currentWidget() is view and view.paid_edit(0).value() == 100_000
    unsaved_questions.answer = Answer.DISCARD
    with qtbot.waitSignal(window.closed, timeout=1000):
        window.close()
