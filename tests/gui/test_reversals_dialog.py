"""Berkas → Pembatalan menunggu persetujuan, and the reverse actions that now only ask."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from koperasi.domain.reversals import AWAITING, OWN_REQUEST
from koperasi.gui import reversals_dialog
from koperasi.gui.context import AppContext
from koperasi.gui.loans import action_dialogs
from koperasi.gui.loans import tab as loans_tab
from koperasi.gui.loans.tab import LoansTab
from koperasi.gui.reversals_dialog import PendingReversalsDialog, RejectReversalDialog
from koperasi.services import reversals
from tests.loan_support import loan_office


def _as(context, actor):
    return AppContext(database=context.database, actor=actor, office=context.office)


def _save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def _paid(context):
    office = loan_office(context.database, context.actor)
    loan_id = office.active_loan(office.member("Siti Aminah"))
    payment = office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    return office, loan_id, payment


def test_the_loan_reverse_action_asks_and_says_it_waits_for_another_user(qtbot, context, monkeypatch):
    office, loan_id, payment = _paid(context)
    tab = LoansTab(_as(context, office.treasurer))
    qtbot.addWidget(tab)
    tab.reload(select=loan_id)
    told = []
    monkeypatch.setattr(loans_tab, "show_info", lambda parent, title, text: told.append(text))

    def fill_and_save(dialog):
        assert "prinsip empat mata" in dialog.form_.findChild(type(dialog.error_label)).text()
        dialog.reason_edit.setText("Salah ketik jumlah")
        _save(dialog)
        return dialog.result()

    monkeypatch.setattr(action_dialogs.ReverseDialog, "exec", fill_and_save)
    monkeypatch.setattr(tab.detail, "selected_movement", lambda: next(m for m in tab.current.movements if m.id == payment.movement_id))
    tab._reverse()
    assert told == [AWAITING] and "menunggu persetujuan pengguna lain" in told[0]
    assert office.loan(loan_id).principal_paid == 100_000  # nothing moved yet
    with office.session() as session:
        (pending,) = reversals.pending_reversals(session, office.manager)
    assert pending.reason == "Salah ketik jumlah" and pending.amount == 100_000


def test_the_applicant_cannot_approve_and_a_second_user_posts_the_reversal(qtbot, context, monkeypatch):
    office, loan_id, payment = _paid(context)
    office.request_reversal(payment.movement_id, "Salah ketik jumlah")
    own = PendingReversalsDialog(_as(context, office.treasurer))
    qtbot.addWidget(own)
    assert own.model.rowCount() == 1
    assert not own.approve_button.isEnabled() and not own.reject_button.isEnabled()
    assert own.approve_button.toolTip() == OWN_REQUEST

    monkeypatch.setattr(reversals_dialog, "confirm", lambda *args, **kwargs: True)
    told = []
    monkeypatch.setattr(reversals_dialog, "show_info", lambda parent, title, text: told.append(text))
    other = PendingReversalsDialog(_as(context, office.manager))
    qtbot.addWidget(other)
    assert other.approve_button.isEnabled() and other.approve_button.toolTip() == ""
    other.approve_button.click()
    assert office.loan(loan_id).principal_paid == 0
    assert other.model.rowCount() == 0 and "Tidak ada" in other.note.text() and "sudah dibatalkan" in told[0]


def test_a_rejection_needs_a_reason_and_leaves_the_payment(qtbot, context):
    office, loan_id, payment = _paid(context)
    office.request_reversal(payment.movement_id)
    with office.session() as session:
        (pending,) = reversals.pending_reversals(session, office.manager)
    dialog = RejectReversalDialog(_as(context, office.manager), pending)
    qtbot.addWidget(dialog)
    _save(dialog)
    assert dialog.error_label.text() and dialog.result() == 0
    dialog.reason_edit.setText("Kuitansi cocok dengan uang di laci")
    _save(dialog)
    with office.session() as session:
        assert reversals.pending_reversals(session, office.manager) == []
    assert office.loan(loan_id).principal_paid == 100_000
