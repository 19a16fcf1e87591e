"""Four eyes on reversals: one user asks, another approves; nothing moves until then."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import exc

from koperasi.db.models import ReversalRequest
from koperasi.domain.errors import PermissionDenied, ValidationError
from koperasi.domain.loans.rules import LoanStatus
from koperasi.domain.reversals import OWN_REQUEST, ReversalKind, ReversalStatus
from koperasi.services import reversals
from koperasi.services.loans import payments as loan_payments
from koperasi.services.sales import payouts
from koperasi.services.sales import selling as sales
from tests.loan_support import journal_entry_count, loan_office
from tests.sales_support import sales_office
from tests.support import set_up_office


@pytest.fixture
def office(sqlite_db):
    return loan_office(sqlite_db, set_up_office(sqlite_db))


def _paid_loan(office):
    loan_id = office.active_loan(office.member())
    return loan_id, office.repay(loan_id, 100_000, on=date(2025, 2, 6))


def test_a_requested_reversal_moves_nothing_until_another_user_approves_it(office):
    loan_id, payment = _paid_loan(office)
    with office.session() as session:
        entries = journal_entry_count(session)
    request = office.request_reversal(payment.movement_id, "Salah ketik jumlah")
    with office.session() as session:
        assert journal_entry_count(session) == entries
    assert office.loan(loan_id).principal_paid == 100_000

    with office.session() as session, pytest.raises(PermissionDenied, match="empat mata"):
        loan_payments.approve_movement_reversal(session, office.treasurer, request)
    with office.session() as session:
        reversal = loan_payments.approve_movement_reversal(session, office.manager, request)
        assert loan_payments.approve_movement_reversal(session, office.manager, request) == reversal  # a retry posts once
        assert journal_entry_count(session) == entries + 1
        row = session.get(ReversalRequest, request)
        assert (row.status, row.decided_by, row.result_id) == (ReversalStatus.APPROVED, office.manager.user_id, reversal)
    assert office.loan(loan_id).principal_paid == 0


def test_a_pending_request_blocks_a_second_one_and_a_rejection_leaves_the_movement_standing(office):
    loan_id, payment = _paid_loan(office)
    request = office.request_reversal(payment.movement_id)
    with pytest.raises(ValidationError, match="menunggu persetujuan"):
        office.request_reversal(payment.movement_id)
    assert office.request_reversal(payment.movement_id, request_id=request) == request  # a retried save

    with office.session() as session, pytest.raises(PermissionDenied, match="empat mata"):
        reversals.reject_reversal(session, office.treasurer, request, reason="Ternyata benar")
    with office.session() as session, pytest.raises(ValidationError):
        reversals.reject_reversal(session, office.manager, request, reason="")
    with office.session() as session:
        reversals.reject_reversal(session, office.manager, request, reason="Kuitansi cocok dengan uang di laci")
    with office.session() as session, pytest.raises(ValidationError, match="ditolak"):
        loan_payments.approve_movement_reversal(session, office.admin, request)
    assert office.loan(loan_id).principal_paid == 100_000 and office.loan(loan_id).status == LoanStatus.ACTIVE

    office.reverse(payment.movement_id)  # asked again after the rejection, and approved
    assert office.loan(loan_id).principal_paid == 0


def test_the_request_is_checked_when_asked_and_again_when_approved(office):
    loan_id = office.approved_loan(office.member())
    disbursement = office.disburse(loan_id)
    request = office.request_reversal(disbursement.movement_id, "Salah peminjam")
    office.repay(loan_id, 100_000, on=date(2025, 2, 6))  # taken while the request waited
    with office.session() as session, pytest.raises(ValidationError, match="sudah diangsur"):
        loan_payments.approve_movement_reversal(session, office.manager, request)
    with office.session() as session:
        reversals.reject_reversal(session, office.manager, request, reason="Sudah diangsur, batalkan angsuran dulu")
    with pytest.raises(ValidationError, match="sudah diangsur"):
        office.request_reversal(disbursement.movement_id)
    assert office.loan(loan_id).status == LoanStatus.ACTIVE


def test_pending_reversals_says_who_may_decide_each(office):
    _, payment = _paid_loan(office)
    request = office.request_reversal(payment.movement_id, "Salah ketik jumlah")
    with office.session() as session:
        (mine,) = reversals.pending_reversals(session, office.treasurer)
        (theirs,) = reversals.pending_reversals(session, office.manager)
        (clerks,) = reversals.pending_reversals(session, office.clerk)
    assert (mine.id, mine.kind, mine.amount, mine.reason, mine.requested_by) == (
        request, ReversalKind.LOAN_MOVEMENT, 100_000, "Salah ketik jumlah", "Bendahara",
    )
    assert payment.receipt_number in mine.summary
    assert mine.refusal == OWN_REQUEST and theirs.refusal is None and "tidak berwenang" in clerks.refusal
    with office.session() as session:
        loan_payments.approve_movement_reversal(session, office.manager, request)
        assert reversals.pending_reversals(session, office.manager) == []


def test_the_database_refuses_a_request_decided_by_its_own_applicant(office):
    _, payment = _paid_loan(office)
    request = office.request_reversal(payment.movement_id)
    with office.session() as session, pytest.raises(exc.IntegrityError):
        row = session.get(ReversalRequest, request)
        row.decided_by = row.requested_by
        session.flush()


def test_sale_and_payout_reversals_need_a_second_user(sqlite_db):
    shop = sales_office(sqlite_db, set_up_office(sqlite_db))
    producer = shop.producer()
    rice = shop.product()
    shop.intake(producer, rice, 10_000)
    sale = shop.sell((producer, rice, 2_000, 15_000))
    paid = shop.pay(producer, 10_000)
    with shop.session() as session:
        asked = payouts.request_payout_reversal(session, shop.treasurer, paid.id, reason="Salah bayar orang",
                                                request_id=uuid.uuid4())
        with pytest.raises(PermissionDenied, match="empat mata"):
            payouts.approve_payout_reversal(session, shop.treasurer, asked)
    with shop.session() as session:
        payouts.approve_payout_reversal(session, shop.manager, asked)
    with shop.session() as session:
        asked = sales.request_sale_reversal(session, shop.treasurer, sale.id, reason="Barang kembali", request_id=uuid.uuid4())
        with pytest.raises(PermissionDenied, match="empat mata"):
            sales.approve_sale_reversal(session, shop.treasurer, asked)
    assert shop.payable(producer) > 0
    with shop.session() as session:
        sales.approve_sale_reversal(session, shop.admin, asked)
    assert shop.payable(producer) == 0


def test_the_database_keeps_one_pending_request_per_movement_on_both_engines(db, admin):
    office = loan_office(db, admin)
    _, payment = _paid_loan(office)
    request = office.request_reversal(payment.movement_id)
    with office.session() as session, pytest.raises(exc.IntegrityError):
        first = session.get(ReversalRequest, request)
        session.add(ReversalRequest(
            kind=first.kind, target_id=first.target_id, summary=first.summary, amount=first.amount, reason="Lagi",
            status=ReversalStatus.PENDING.value, requested_by=office.clerk.user_id, requested_at=first.requested_at,
            decision_note="",
        ))
        session.flush()
    with office.session() as session:
        reversals.reject_reversal(session, office.manager, request, reason="Kuitansi cocok")
    office.reverse(payment.movement_id)  # a rejected request no longer blocks a new one
