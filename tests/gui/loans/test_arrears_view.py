"""Tunggakan tab: a rescheduled loan shows on the Restrukturisasi line and stays in PAR30."""

from __future__ import annotations

from datetime import timedelta

from koperasi import clock
from koperasi.domain.loans.rules import Frequency
from koperasi.gui.context import AppContext
from koperasi.gui.loans.arrears_view import ArrearsView
from koperasi.services.loans import lifecycle as loans
from tests.loan_support import loan_office


def test_a_rescheduled_loan_is_on_its_own_line_and_keeps_par30(qtbot, context):
    office = loan_office(context.database, context.actor)
    today = clock.today()
    late = office.approved_loan(office.member("Siti Aminah"))
    office.disburse(late, on=today - timedelta(days=60), first_due=today - timedelta(days=31))
    current = office.approved_loan(office.member("Rina Marlina"))
    office.disburse(current, on=today - timedelta(days=20), first_due=today + timedelta(days=10))
    with office.session() as session:
        loans.reschedule_loan(session, office.manager, late, term=4, frequency=Frequency.MONTHLY,
                              first_due_on=today + timedelta(days=10), reason="Gagal panen karet",
                              expected_version=office.loan(late).version)
    view = ArrearsView(AppContext(database=context.database, actor=office.clerk, office=context.office))
    qtbot.addWidget(view)
    view.refresh()
    rows = [view.bucket_model.index(row, 0).data() for row in range(view.bucket_model.rowCount())]
    assert rows == ["Lancar", "1–30 hari", "31–60 hari", "61–90 hari", "> 90 hari", "Restrukturisasi", "Jumlah"]
    assert view.bucket_model.index(5, 1).data() == "1" and view.bucket_model.index(0, 1).data() == "1"
    assert "PAR30 50,0%" in view.par_label.text()
    assert "direstrukturisasi" in view.late_title.text() and "restrukturisasi" in view.par_label.toolTip()
    assert [view.late_model.index(row, 7).data() for row in range(view.late_model.rowCount())] == ["Restrukturisasi"]
