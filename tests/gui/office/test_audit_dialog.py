"""Catatan audit: approvals by accounts created shortly before the application stand out above the events."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QTableView

from koperasi.domain.roles import Role
from koperasi.gui import screen_fit
from koperasi.gui.office.audit_dialog import AuditDialog
from koperasi.services.loans import lifecycle as loans
from tests.loan_support import loan_office
from tests.support import add_staff


def test_a_loan_approved_by_a_new_second_account_is_shown_first(qtbot, context, monkeypatch):
    monkeypatch.setattr(screen_fit, "available_area", lambda widget: QRect(0, 0, 1024, 728))
    office = loan_office(context.database, context.actor)
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QTableView, "newAccountApprovalsTable").isHidden()
    assert "Tidak ada persetujuan" in dialog.findChild(QLabel, "newAccountApprovalsLabel").text()
    puppet = add_staff(context.database, context.actor, "kedua", Role.MANAGER)
    loan_id = office.apply(office.member("Siti Aminah"))
    with context.database.session() as session:
        loans.approve_loan(session, puppet, loan_id, expected_version=1)
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableView, "newAccountApprovalsTable")
    assert not table.isHidden() and table.model().rowCount() == 1
    assert table.model().index(0, 4).data() == "Kedua" and table.model().index(0, 3).data() == "Rp1.200.000"
    label = dialog.findChild(QLabel, "newAccountApprovalsLabel")
    assert "1 persetujuan oleh akun yang dibuat 30 hari" in label.text()
