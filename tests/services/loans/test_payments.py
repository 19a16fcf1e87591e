"""Money coming back: repayments, group collections, reversals, receipt numbers, retries, append-only history."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import exc, select, text

from koperasi.db.models import FundCapitalReceipt, Loan, LoanInstallment, LoanMovement
from koperasi.domain.errors import PermissionDenied, ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.loans.products import LoanKind
from koperasi.domain.loans.rules import Frequency, LoanStatus, MovementKind
from koperasi.services import ledger_checks
from koperasi.services.loans import funds
from koperasi.services.loans import payments as loan_payments
from koperasi.services.loans import queries as loan_queries
from koperasi.services.loans import lifecycle as loans
from koperasi import clock
from tests.loan_support import account_balance, journal_entry_count, loan_office, movement_count
from tests.support import set_up_office


@pytest.fixture
def office(sqlite_db):
    return loan_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    return loan_office(db, admin)


def _counts(office):
    with office.session() as session:
        return journal_entry_count(session), movement_count(session)


def _movement(office, movement_id) -> LoanMovement:
    with office.session() as session:
        row = session.get(LoanMovement, movement_id)
        session.expunge(row)
        return row


# ---- repayments ----------------------------------------------------------------------------


def test_a_payment_pays_the_oldest_installment_first(office):
    loan_id = office.active_loan(office.member())  # 12 x 100.000
    first = office.repay(loan_id, 150_000, on=date(2025, 2, 6))
    assert [(a.number, a.amount) for a in first.allocations] == [(1, 100_000), (2, 50_000)]
    assert first.remaining == 1_050_000
    second = office.repay(loan_id, 100_000, on=date(2025, 3, 6))
    assert [(a.number, a.amount) for a in second.allocations] == [(2, 50_000), (3, 50_000)]
    with office.session() as session:
        detail = loan_queries.loan_detail(session, office.admin, loan_id, today=date(2025, 4, 10))
    assert [item.paid for item in detail.schedule[:4]] == [100_000, 100_000, 50_000, 0]
    # Due by 10 April: 3 x 100.000; paid 250.000. #3 (6 April) is 4 days late.
    assert (detail.arrears, detail.days_past_due, detail.next_due_on, detail.next_due_amount) == (50_000, 4, date(2025, 4, 6), 50_000)


@pytest.mark.parametrize("amount", [1_200_001, 0, -5])
def test_more_than_is_owed_and_nothing_are_refused_and_post_nothing(office, amount):
    loan_id = office.active_loan(office.member())
    before = _counts(office)
    with pytest.raises(ValidationError, match="melebihi sisa pinjaman|lebih dari nol"):
        office.repay(loan_id, amount, on=date(2025, 2, 6))
    assert _counts(office) == before
    assert office.loan(loan_id).principal_paid == 0


def test_payments_are_dated_between_disbursement_and_today(office):
    loan_id = office.active_loan(office.member())
    for day in (date(2025, 1, 5), date(2099, 1, 1)):
        with pytest.raises(ValidationError, match="Tanggal pembayaran"):
            office.repay(loan_id, 100_000, on=day)


def test_the_last_rupiah_pays_off_the_loan_and_its_reversal_reopens_it(office):
    loan_id = office.active_loan(office.member())
    office.repay(loan_id, 1_199_999, on=date(2025, 6, 1))
    assert office.loan(loan_id).status == LoanStatus.ACTIVE
    last = office.repay(loan_id, 1, on=date(2025, 6, 2))
    assert last.remaining == 0 and [(a.number, a.amount) for a in last.allocations] == [(12, 1)]
    loan = office.loan(loan_id)
    assert (loan.status, loan.closed_on) == (LoanStatus.PAID_OFF, date(2025, 6, 2))
    with pytest.raises(ValidationError, match="lunas"):
        office.repay(loan_id, 1, on=date(2025, 6, 3))
    office.reverse(last.movement_id, reason="Uang palsu ditemukan")
    loan = office.loan(loan_id)
    assert (loan.status, loan.closed_on, loan.principal_paid) == (LoanStatus.ACTIVE, None, 1_199_999)
    office.repay(loan_id, 1, on=date(2025, 6, 3))
    assert office.loan(loan_id).status == LoanStatus.PAID_OFF


def test_treasurers_and_clerks_take_repayments_but_managers_do_not(office):
    loan_id = office.active_loan(office.member())
    office.repay(loan_id, 1_000, actor=office.treasurer)
    with pytest.raises(PermissionDenied, match="menerima angsuran"):
        office.repay(loan_id, 1_000, actor=office.manager)
    payment = office.repay(loan_id, 1_000)
    with office.session() as session, pytest.raises(PermissionDenied, match="membatalkan"):
        loan_payments.request_movement_reversal(session, office.clerk, payment.movement_id, reason="Salah ketik",
                                                request_id=uuid.uuid4())


# ---- retries (idempotency) -----------------------------------------------------------------


def test_a_retried_repayment_returns_the_first_result_and_posts_once(both):
    office = both
    loan_id = office.active_loan(office.member())
    request = uuid.uuid4()
    first = office.repay(loan_id, 150_000, on=date(2025, 2, 6), request_id=request)
    before = _counts(office)
    again = office.repay(loan_id, 150_000, on=date(2025, 2, 6), request_id=request)
    assert _counts(office) == before
    assert office.loan(loan_id).principal_paid == 150_000
    assert again == first


def test_a_retried_reversal_and_write_off_post_once(both):
    office = both
    loan_id = office.active_loan(office.member())
    payment = office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    request = uuid.uuid4()
    reversal = office.reverse(payment.movement_id, request_id=request)
    before = _counts(office)
    assert office.reverse(payment.movement_id, request_id=request) == reversal
    assert _counts(office) == before
    assert office.loan(loan_id).principal_paid == 0
    with office.session() as session:
        assert ledger_checks.ledger_problems(session) == []


def test_a_retried_capital_receipt_posts_once(both):
    office = both
    request = uuid.uuid4()
    with office.session() as session:
        first = funds.receive_capital(session, office.admin, fund_id=office.fund_id, amount=25_000_000,
                                      received_on=date(2025, 3, 1), note="Tahap 2", request_id=request)
        entries = journal_entry_count(session)
        again = funds.receive_capital(session, office.admin, fund_id=office.fund_id, amount=25_000_000,
                                      received_on=date(2025, 3, 1), note="Tahap 2", request_id=request)
        assert again == first
        assert journal_entry_count(session) == entries
        assert len(session.scalars(select(FundCapitalReceipt.id)).all()) == 2
        (fund,) = funds.list_funds(session, office.admin)
        assert fund.capital == 125_000_000
        assert account_balance(session, Account.CASH) == 125_000_000


def test_capital_must_be_a_positive_amount_received_by_today(office):
    with office.session() as session:
        for amount, day in ((0, date(2025, 1, 1)), (-1, date(2025, 1, 1)), (10.5, date(2025, 1, 1)), (1_000, date(2099, 1, 1))):
            with pytest.raises(ValidationError):
                funds.receive_capital(session, office.admin, fund_id=office.fund_id, amount=amount, received_on=day,
                                      note="", request_id=uuid.uuid4())
        with pytest.raises(PermissionDenied):
            funds.receive_capital(session, office.treasurer, fund_id=office.fund_id, amount=1_000,
                                  received_on=date(2025, 1, 1), note="", request_id=uuid.uuid4())


# ---- reversals -----------------------------------------------------------------------------


def test_a_disbursement_reversal_puts_the_loan_back_to_approved_and_returns_the_fee(office):
    loan_id = office.approved_loan(office.member())
    disbursement = office.disburse(loan_id)
    office.reverse(disbursement.movement_id, reason="Salah peminjam")
    loan = office.loan(loan_id)
    assert (loan.status, loan.disbursed, loan.disbursed_on, loan.schedule_no) == (LoanStatus.APPROVED, 0, None, 0)
    with office.session() as session:
        views = {view.id: view for view in loan_queries.movements(session, loan_id)}
        assert views[disbursement.movement_id].reversed and views[disbursement.fee_movement_id].reversed
        assert sorted(view.kind for view in views.values() if view.kind is MovementKind.REVERSAL) == [MovementKind.REVERSAL] * 2
        assert account_balance(session, Account.CASH) == 100_000_000
        assert account_balance(session, Account.ADMIN_FEE_INCOME) == 0
        assert account_balance(session, Account.LOANS_RECEIVABLE) == 0
        assert ledger_checks.ledger_problems(session) == []
    # It can be disbursed again, with a fresh schedule and a fresh fee.
    again = office.disburse(loan_id, on=date(2025, 1, 8), first_due=date(2025, 2, 8))
    with office.session() as session:
        detail = loan_queries.loan_detail(session, office.admin, loan_id, today=date(2025, 2, 1))
        assert account_balance(session, Account.ADMIN_FEE_INCOME) == 10_000
        assert ledger_checks.ledger_problems(session) == []
    assert again.fee_movement_id is not None
    assert (detail.status, detail.outstanding, detail.schedule[0].due_on) == (LoanStatus.ACTIVE, 1_200_000, date(2025, 2, 8))


def test_a_disbursement_already_repaid_cannot_be_reversed(office):
    loan_id = office.approved_loan(office.member())
    disbursement = office.disburse(loan_id)
    office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    before = _counts(office)
    with pytest.raises(ValidationError, match="sudah diangsur"):
        office.reverse(disbursement.movement_id)
    assert _counts(office) == before


def test_a_reversal_cannot_be_reversed_and_a_movement_is_reversed_only_once(office):
    loan_id = office.active_loan(office.member())
    payment = office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    reversal = office.reverse(payment.movement_id)
    before = _counts(office)
    with pytest.raises(ValidationError, match="Pembatalan tidak dapat dibatalkan"):
        office.reverse(reversal)
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        office.reverse(payment.movement_id)
    with pytest.raises(ValidationError, match="alasan pembatalan"):
        office.reverse(office.repay(loan_id, 5_000, on=date(2025, 2, 6)).movement_id, reason="")
    assert _counts(office)[0] == before[0] + 1  # only the 5.000 payment
    assert _movement(office, reversal).reason == "Salah input kasir"


def test_a_reversed_repayment_is_mirrored_in_the_journal(office):
    loan_id = office.active_loan(office.member())
    cash = 100_000_000 - 1_200_000 + 10_000
    payment = office.repay(loan_id, 300_000, on=date(2025, 2, 6))
    with office.session() as session:
        assert account_balance(session, Account.CASH) == cash + 300_000
    office.reverse(payment.movement_id)
    with office.session() as session:
        assert account_balance(session, Account.CASH) == cash
        assert account_balance(session, Account.LOANS_RECEIVABLE) == 1_200_000
        assert ledger_checks.ledger_problems(session) == []
    # The cancelled money no longer pays installment 1: the next payment does.
    assert [a.number for a in office.repay(loan_id, 100_000, on=date(2025, 2, 7)).allocations] == [1]


# ---- group collection ----------------------------------------------------------------------


def _group_office(office):
    _, product = office.second_fund_product(product="Tanggung Renteng", kind=LoanKind.GROUP)
    ani, budi, citra = office.member("Ani Suryani"), office.member("Budi Lestari"), office.member("Citra Dewi")
    group_id = office.group_with("Kelompok Mawar", [ani, budi, citra])
    loan_ids = [office.active_loan(member, product_id=product, group_id=group_id) for member in (ani, budi, citra)]
    return group_id, loan_ids


def test_a_group_collection_posts_all_or_nothing(both):
    office = both
    group_id, (ani, budi, citra) = _group_office(office)
    before = _counts(office)
    payments = [loan_payments.GroupPayment(ani, 100_000), loan_payments.GroupPayment(budi, 1_300_000),
                loan_payments.GroupPayment(citra, 100_000)]
    with office.session() as session, pytest.raises(ValidationError, match=r"Budi Lestari \(PJM/PAU/2025/\d+\): Pembayaran"):
        loan_payments.post_group_collection(session, office.clerk, group_id, paid_on=date(2025, 2, 6), payments=payments,
                                            request_id=uuid.uuid4())
    assert _counts(office) == before
    assert [office.loan(loan).principal_paid for loan in (ani, budi, citra)] == [0, 0, 0]

    request = uuid.uuid4()
    good = [loan_payments.GroupPayment(ani, 100_000), loan_payments.GroupPayment(budi, 0),
            loan_payments.GroupPayment(citra, 150_000)]
    with office.session() as session:
        results = loan_payments.post_group_collection(session, office.clerk, group_id, paid_on=date(2025, 2, 6),
                                                      payments=good, request_id=request)
        assert ledger_checks.ledger_problems(session) == []
    assert [(r.loan_id, r.amount) for r in results] == [(ani, 100_000), (citra, 150_000)]
    # The receipts continue right after the three disbursements (the group product has no fee), with no gap
    # left by the refused collection.
    assert [r.receipt_number for r in results] == ["KW/PAU/2025/000004", "KW/PAU/2025/000005"]
    assert [office.loan(loan).principal_paid for loan in (ani, budi, citra)] == [100_000, 0, 150_000]
    counts = _counts(office)
    with office.session() as session:
        loan_payments.post_group_collection(session, office.clerk, group_id, paid_on=date(2025, 2, 6), payments=good,
                                            request_id=request)
    assert _counts(office) == counts
    assert [office.loan(loan).principal_paid for loan in (ani, budi, citra)] == [100_000, 0, 150_000]


def test_a_group_collection_refuses_another_groups_loan_and_empty_sheets(office):
    group_id, (ani, *_) = _group_office(office)
    outsider = office.active_loan(office.member("Dewi Sartika"))
    with office.session() as session:
        with pytest.raises(ValidationError, match="bukan milik kelompok"):
            loan_payments.post_group_collection(session, office.clerk, group_id, paid_on=date(2025, 2, 6),
                                                payments=[loan_payments.GroupPayment(outsider, 100_000)], request_id=uuid.uuid4())
        with pytest.raises(ValidationError, match="Belum ada setoran"):
            loan_payments.post_group_collection(session, office.clerk, group_id, paid_on=date(2025, 2, 6),
                                                payments=[loan_payments.GroupPayment(ani, 0)], request_id=uuid.uuid4())
        with pytest.raises(ValidationError, match="dua kali"):
            loan_payments.post_group_collection(session, office.clerk, group_id, paid_on=date(2025, 2, 6),
                                                payments=[loan_payments.GroupPayment(ani, 1), loan_payments.GroupPayment(ani, 2)],
                                                request_id=uuid.uuid4())


# ---- receipt numbers -----------------------------------------------------------------------


def test_receipts_are_numbered_without_gaps_and_a_typed_book_number_is_taken_once(both):
    office = both
    loan_id = office.approved_loan(office.member())
    disbursement = office.disburse(loan_id)
    assert (disbursement.receipt_number, disbursement.fee_receipt_number) == ("KW/PAU/2025/000001", "KW/PAU/2025/000002")
    assert office.repay(loan_id, 100_000, on=date(2025, 2, 6)).receipt_number == "KW/PAU/2025/000003"
    with pytest.raises(ValidationError):
        office.repay(loan_id, 5_000_000, on=date(2025, 2, 6))  # refused: its number goes back
    assert office.repay(loan_id, 100_000, on=date(2025, 3, 6)).receipt_number == "KW/PAU/2025/000004"
    typed = office.repay(loan_id, 100_000, on=date(2025, 4, 6), receipt_number=" bk-07/0012 ")
    assert typed.receipt_number == "BK-07/0012"
    before = _counts(office)
    with pytest.raises(ValidationError, match="BK-07/0012 sudah dipakai"):
        office.repay(loan_id, 100_000, on=date(2025, 5, 6), receipt_number="BK-07/0012")
    assert _counts(office) == before
    assert office.repay(loan_id, 100_000, on=date(2025, 5, 6)).receipt_number == "KW/PAU/2025/000005"
    assert office.repay(loan_id, 100_000, on=date(2026, 1, 6)).receipt_number == "KW/PAU/2026/000001"


# ---- append-only history -------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE loan_movements SET amount = amount + 1",
        "DELETE FROM loan_movements",
        "UPDATE journal_lines SET debit = debit + 1 WHERE debit > 0",
        "DELETE FROM journal_lines",
        "DELETE FROM journal_entries",
        "UPDATE loan_installments SET amount = 1",
    ],
)
def test_money_history_cannot_be_edited_or_deleted_at_the_database(both, statement):
    office = both
    office.active_loan(office.member())
    with office.session() as session:
        with pytest.raises(exc.DBAPIError, match="append-only"):
            session.execute(text(statement))
        session.rollback()
        assert ledger_checks.ledger_problems(session) == []
        assert movement_count(session) == 2


def test_doctor_names_a_loan_whose_installments_running_total_differs_from_its_schedule(both):
    office = both
    loan_id = office.active_loan(office.member())
    with office.session() as session:
        assert ledger_checks.ledger_problems(session) == []
        number = session.get(Loan, loan_id).number
        # Written past the services (the table refuses UPDATE): the second installment's running total is one rupiah off.
        session.add_all([
            LoanInstallment(loan_id=loan_id, schedule_no=99, number=1, due_on=date(2030, 1, 1), amount=100, cumulative=100),
            LoanInstallment(loan_id=loan_id, schedule_no=99, number=2, due_on=date(2030, 2, 1), amount=100, cumulative=201),
        ])
        session.flush()
        assert ledger_checks.ledger_problems(session) == [
            f"1 angsuran dengan jumlah berjalan yang tidak cocok dengan jadwalnya, mis. {number}"
        ]
        session.rollback()


def test_a_typed_book_number_in_the_automatic_format_does_not_block_later_receipts(office):
    loan_id = office.active_loan(office.member())  # receipts 000001 and 000002
    try:
        office.repay(loan_id, 100_000, on=date(2025, 2, 6), receipt_number="KW/PAU/2025/000003")
    except ValidationError:
        pass  # refusing it is one answer; taking it and skipping the number later would be another
    # Whatever happened to the typed number, the office's own numbering must go on working.
    numbers = [office.repay(loan_id, 100_000, on=date(2025, 3, 6)).receipt_number,
               office.repay(loan_id, 100_000, on=date(2025, 4, 6)).receipt_number]
    assert len(set(numbers)) == 2 and all(number.startswith("KW/PAU/2025/") for number in numbers)
    with office.session() as session:
        assert ledger_checks.ledger_problems(session) == []


def test_a_payment_taken_before_a_same_day_reschedule_cannot_be_reversed(office):
    loan_id = office.active_loan(office.member())
    payment = office.repay(loan_id, 250_000, on=clock.today())
    with office.session() as session:
        loans.reschedule_loan(session, office.manager, loan_id, term=5, frequency=Frequency.MONTHLY,
                              first_due_on=clock.today() + timedelta(days=14), reason="Gagal panen karet",
                              expected_version=office.loan(loan_id).version)
    # The new schedule (950.000) was built on the 250.000 standing: cancelling it now would leave a schedule
    # that no longer sums to what is owed.
    with pytest.raises(ValidationError, match="sebelum penjadwalan ulang"):
        office.reverse(payment.movement_id)
    with office.session() as session:
        detail = loan_queries.loan_detail(session, office.admin, loan_id)
    assert sum(item.unpaid for item in detail.schedule) == detail.outstanding == 950_000
    # A payment taken after the reschedule the same day is an ordinary payment and can be reversed.
    later = office.repay(loan_id, 10_000, on=clock.today())
    office.reverse(later.movement_id)
    assert office.loan(loan_id).principal_paid == 250_000
