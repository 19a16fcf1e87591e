"""Every service that moves loan money writes its audit event: who, which action, which record, what amount.

A test per service, so that dropping the audit call of any one of them fails here by name."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.loans.products import LoanKind
from koperasi.domain.loans.rules import Frequency
from koperasi.domain.office.audit import AuditAction
from koperasi.services import reversals
from koperasi.services.loans import funds
from koperasi.services.loans import lifecycle as loans
from koperasi.services.loans import payments as loan_payments
from tests.loan_support import loan_office
from tests.support import set_up_office


@pytest.fixture
def office(sqlite_db):
    return loan_office(sqlite_db, set_up_office(sqlite_db))


def events(office, action: AuditAction) -> list[AuditEvent]:
    with office.session() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == action.value).order_by(AuditEvent.id)).all()
        session.expunge_all()
        return list(rows)


def only(office, action: AuditAction) -> AuditEvent:
    (event,) = events(office, action)
    return event


def test_fund_capital_is_audited_with_its_amount(office):
    with office.session() as session:
        funds.receive_capital(session, office.admin, fund_id=office.fund_id, amount=25_000_000, received_on=date(2025, 1, 2),
                              note="Tahap 2", request_id=uuid.uuid4())
    event = events(office, AuditAction.FUND_CAPITAL_RECEIVED)[-1]
    assert (event.username, event.entity, event.entity_id) == ("admin", "fund", str(office.fund_id))
    assert event.after == {"amount": "Rp25.000.000", "occurred_on": "2025-01-02"} and event.reason == "Tahap 2"


def test_a_disbursement_is_audited_with_principal_receipt_and_fee(office):
    loan_id = office.approved_loan(office.member())
    result = office.disburse(loan_id)
    event = only(office, AuditAction.LOAN_DISBURSED)
    assert (event.username, event.entity, event.entity_id) == ("bendahara", "loan", str(loan_id))
    assert event.after["amount"] == "Rp1.200.000" and event.after["admin_fee"] == "Rp10.000"
    assert event.after["receipt_number"] == result.receipt_number


def test_a_repayment_is_audited_with_amount_and_receipt(office):
    loan_id = office.active_loan(office.member())
    payment = office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    event = only(office, AuditAction.LOAN_REPAID)
    assert (event.username, event.entity, event.entity_id) == ("petugas", "loan", str(loan_id))
    assert event.after == {"amount": "Rp100.000", "receipt_number": payment.receipt_number, "occurred_on": "2025-02-06"}


def test_a_group_collection_is_audited_once_for_the_group_and_once_per_loan(office):
    _, product = office.second_fund_product(product="Tanggung Renteng", kind=LoanKind.GROUP)
    ani, budi = office.member("Ani Suryani"), office.member("Budi Lestari")
    group_id = office.group_with("Kelompok Mawar", [ani, budi])
    loans_ = [office.active_loan(member, product_id=product, group_id=group_id) for member in (ani, budi)]
    with office.session() as session:
        loan_payments.post_group_collection(
            session, office.clerk, group_id, paid_on=date(2025, 2, 6), request_id=uuid.uuid4(),
            payments=[loan_payments.GroupPayment(loans_[0], 100_000), loan_payments.GroupPayment(loans_[1], 150_000)],
        )
    group = only(office, AuditAction.GROUP_COLLECTION_POSTED)
    assert (group.entity, group.entity_id) == ("group", str(group_id))
    assert (group.after["amount"], group.after["rows"]) == ("Rp250.000", 2)
    repaid = events(office, AuditAction.LOAN_REPAID)
    assert sorted((e.entity_id, e.after["amount"]) for e in repaid) == sorted(
        [(str(loans_[0]), "Rp100.000"), (str(loans_[1]), "Rp150.000")]
    )


def test_a_write_off_is_audited_with_what_remained_and_why(office):
    loan_id = office.active_loan(office.member())
    office.repay(loan_id, 200_000, on=date(2025, 2, 6))
    with office.session() as session:
        loans.write_off_loan(session, office.manager, loan_id, written_off_on=date(2026, 1, 5), reason="Meninggal dunia",
                             request_id=uuid.uuid4())
    event = only(office, AuditAction.LOAN_WRITTEN_OFF)
    assert (event.username, event.entity, event.entity_id) == ("ketua", "loan", str(loan_id))
    assert event.after["amount"] == "Rp1.000.000" and event.reason == "Meninggal dunia"


def test_a_reschedule_is_audited_with_the_principal_it_spreads(office):
    loan_id = office.active_loan(office.member())
    office.repay(loan_id, 200_000, on=date(2025, 2, 6))
    with office.session() as session:
        loans.reschedule_loan(session, office.manager, loan_id, term=10, frequency=Frequency.MONTHLY,
                              first_due_on=date(2027, 1, 5), reason="Gagal panen", expected_version=office.loan(loan_id).version)
    event = only(office, AuditAction.LOAN_RESCHEDULED)
    assert (event.username, event.entity, event.entity_id) == ("ketua", "loan", str(loan_id))
    assert (event.after["principal"], event.after["term"], event.reason) == ("Rp1.000.000", 10, "Gagal panen")


def test_a_reversal_is_audited_when_asked_when_posted_and_when_approved(office):
    loan_id = office.active_loan(office.member())
    payment = office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    office.reverse(payment.movement_id, reason="Salah ketik jumlah")
    asked = only(office, AuditAction.REVERSAL_REQUESTED)
    assert (asked.username, asked.entity, asked.entity_id) == ("bendahara", "loan_movement", str(payment.movement_id))
    assert asked.after["amount"] == "Rp100.000" and asked.reason == "Salah ketik jumlah"
    posted = only(office, AuditAction.LOAN_MOVEMENT_REVERSED)
    assert (posted.username, posted.entity, posted.entity_id) == ("ketua", "loan", str(loan_id))
    assert posted.before == {"kind": "Angsuran", "amount": "Rp100.000", "receipt_number": payment.receipt_number}
    approved = only(office, AuditAction.REVERSAL_APPROVED)
    assert (approved.username, approved.entity_id, approved.after["amount"]) == ("ketua", str(payment.movement_id), "Rp100.000")


def test_a_disbursement_reversal_audits_the_fee_it_returns(office):
    loan_id = office.approved_loan(office.member())
    result = office.disburse(loan_id)
    office.reverse(result.movement_id, reason="Salah peminjam")
    amounts = sorted(e.before["amount"] for e in events(office, AuditAction.LOAN_MOVEMENT_REVERSED))
    assert amounts == ["Rp1.200.000", "Rp10.000"]


def test_a_rejected_reversal_is_audited_with_its_reason(office):
    loan_id = office.active_loan(office.member())
    payment = office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    request = office.request_reversal(payment.movement_id)
    with office.session() as session:
        reversals.reject_reversal(session, office.manager, request, reason="Kuitansi cocok")
    event = only(office, AuditAction.REVERSAL_REJECTED)
    assert (event.username, event.entity_id, event.after["amount"], event.reason) == (
        "ketua", str(payment.movement_id), "Rp100.000", "Kuitansi cocok",
    )
    assert events(office, AuditAction.LOAN_MOVEMENT_REVERSED) == []
