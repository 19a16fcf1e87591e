"""A request id saves one thing: a retry gets the first result back, a reuse for something else is refused.

Every idempotent posting (repayment, group collection, disbursement, write-off, reversal, fund capital,
sale, payout) runs through the same check in services/ledger; each is tried with the same id and other
content, on SQLite and PostgreSQL, and must leave the books as they were.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from koperasi.domain.errors import ConflictError
from koperasi.domain.loans.products import LoanKind
from koperasi.services import ledger_checks
from koperasi.services.loans import funds
from koperasi.services.loans import payments as loan_payments
from koperasi.services.loans import lifecycle as loans
from koperasi.services.sales import payouts
from tests.loan_support import FIRST_DUE, journal_entry_count
from tests.sales_support import sales_office

KG = 1000
REFUSED = r"sudah tersimpan dengan isi lain \(jumlah, tanggal atau pinjaman berbeda\)"


@pytest.fixture
def shop(db, admin):
    return sales_office(db, admin)


def _entries(office) -> int:
    with office.session() as session:
        assert ledger_checks.ledger_problems(session) == []
        return journal_entry_count(session)


def test_a_repayment_id_saved_again_with_another_amount_or_loan_is_refused(shop):
    office = shop.office
    loan_id = office.active_loan(office.member("Siti Aminah"))
    other_loan = office.active_loan(office.member("Rina Marlina"))
    request = uuid.uuid4()
    first = office.repay(loan_id, 150_000, on=date(2025, 2, 6), request_id=request)
    entries = _entries(office)
    with pytest.raises(ConflictError, match=REFUSED):
        office.repay(loan_id, 200_000, on=date(2025, 2, 6), request_id=request)
    with pytest.raises(ConflictError, match=REFUSED):
        office.repay(other_loan, 150_000, on=date(2025, 2, 6), request_id=request)
    with pytest.raises(ConflictError, match=REFUSED):
        office.repay(loan_id, 150_000, on=date(2025, 2, 7), request_id=request)
    assert office.repay(loan_id, 150_000, on=date(2025, 2, 6), request_id=request) == first  # a true retry
    assert _entries(office) == entries
    assert (office.loan(loan_id).principal_paid, office.loan(other_loan).principal_paid) == (150_000, 0)


def test_a_repayment_id_reused_for_another_kind_of_transaction_is_refused(shop):
    office = shop.office
    loan_id = office.active_loan(office.member("Siti Aminah"))
    request = uuid.uuid4()
    office.repay(loan_id, 150_000, on=date(2025, 2, 6), request_id=request)
    with office.session() as session, pytest.raises(ConflictError, match="sudah dipakai untuk transaksi lain"):
        funds.receive_capital(session, office.admin, fund_id=office.fund_id, amount=150_000,
                              received_on=date(2025, 2, 6), note="", request_id=request)


def test_a_group_collection_saved_again_with_another_amount_or_member_is_refused(shop):
    office = shop.office
    _, product_id = office.second_fund_product(fund="Dana Kelompok", product="Tanggung Renteng", kind=LoanKind.GROUP)
    ani, budi = office.member("Ani Rahmawati"), office.member("Budi Lestari")
    group_id = office.group_with("KUP Mawar", [ani, budi])
    ani_loan = office.active_loan(ani, product_id=product_id, group_id=group_id)
    budi_loan = office.active_loan(budi, product_id=product_id, group_id=group_id)
    request = uuid.uuid4()

    def collect(*payments):
        with office.session() as session:
            return loan_payments.post_group_collection(
                session, office.clerk, group_id, paid_on=date(2025, 2, 6), request_id=request,
                payments=[loan_payments.GroupPayment(loan, amount) for loan, amount in payments],
            )

    first = collect((ani_loan, 100_000))
    entries = _entries(office)
    with pytest.raises(ConflictError, match=REFUSED):
        collect((ani_loan, 120_000))
    with pytest.raises(ConflictError, match=REFUSED):
        collect((ani_loan, 100_000), (budi_loan, 100_000))  # a member added under the same id
    assert collect((ani_loan, 100_000)) == first
    assert _entries(office) == entries
    assert (office.loan(ani_loan).principal_paid, office.loan(budi_loan).principal_paid) == (100_000, 0)


def test_a_disbursement_write_off_and_reversal_id_saved_again_for_something_else_are_refused(shop):
    office = shop.office
    loan_id = office.approved_loan(office.member("Siti Aminah"))
    other_id = office.approved_loan(office.member("Rina Marlina"))
    request = uuid.uuid4()
    first = office.disburse(loan_id, request_id=request)
    with pytest.raises(ConflictError, match=REFUSED):
        office.disburse(other_id, request_id=request)
    with pytest.raises(ConflictError, match=REFUSED):
        office.disburse(loan_id, first_due=date(2025, 2, 20), request_id=request)
    assert office.disburse(loan_id, request_id=request) == first
    assert office.loan(other_id).disbursed == 0 and office.loan(loan_id).first_due_on == FIRST_DUE

    one = office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    two = office.repay(loan_id, 100_000, on=date(2025, 3, 6))
    reversal = uuid.uuid4()
    office.reverse(one.movement_id, request_id=reversal)
    # A reversal is first a request (four eyes): the request's own id check answers for another movement.
    with pytest.raises(ConflictError, match="sudah dipakai untuk transaksi lain"):
        office.reverse(two.movement_id, request_id=reversal)
    assert office.loan(loan_id).principal_paid == 100_000

    office.disburse(other_id)
    write_off = uuid.uuid4()
    with office.session() as session:
        loans.write_off_loan(session, office.manager, loan_id, written_off_on=date(2025, 9, 1),
                             reason="Usaha bangkrut total", request_id=write_off)
    with office.session() as session, pytest.raises(ConflictError, match=REFUSED):
        loans.write_off_loan(session, office.manager, other_id, written_off_on=date(2025, 9, 1),
                             reason="Usaha bangkrut total", request_id=write_off)
    assert office.loan(other_id).written_off == 0


def test_a_capital_receipt_id_saved_again_with_another_amount_is_refused(shop):
    office = shop.office
    request = uuid.uuid4()

    def receive(amount):
        with office.session() as session:
            return funds.receive_capital(session, office.admin, fund_id=office.fund_id, amount=amount,
                                         received_on=date(2025, 3, 1), note="Tahap 2", request_id=request)

    first = receive(5_000_000)
    with pytest.raises(ConflictError, match=REFUSED):
        receive(6_000_000)
    assert receive(5_000_000) == first


def test_a_sale_and_a_payout_id_saved_again_with_another_amount_are_refused(shop):
    siti, rice = shop.producer(), shop.product()
    shop.intake(siti, rice, 10 * KG)
    request = uuid.uuid4()
    first = shop.sell((siti, rice, 4 * KG, 15_000), request_id=request)
    counts = shop.counts()
    with pytest.raises(ConflictError, match=REFUSED):
        shop.sell((siti, rice, 5 * KG, 15_000), request_id=request)
    with pytest.raises(ConflictError, match=REFUSED):
        shop.sell((siti, rice, 4 * KG, 16_000), request_id=request)
    assert shop.sell((siti, rice, 4 * KG, 15_000), request_id=request) == first
    assert shop.counts() == counts and shop.stock(siti, rice) == 6 * KG

    paid = uuid.uuid4()
    payout = shop.pay(siti, 20_000, request_id=paid)
    with pytest.raises(ConflictError, match=REFUSED):
        shop.pay(siti, 30_000, request_id=paid)
    assert shop.pay(siti, 20_000, request_id=paid) == payout
    assert shop.payable(siti) == 54_000 - 20_000

    everyone = uuid.uuid4()
    with shop.session() as session:
        payouts.pay_all(session, shop.treasurer, paid_on=date(2026, 4, 1), request_id=everyone)
    with shop.session() as session, pytest.raises(ConflictError, match=REFUSED):
        payouts.pay_all(session, shop.treasurer, paid_on=date(2026, 4, 2), request_id=everyone)
