"""Every row of a kartu pinjaman reconciles, whatever the loan went through.

Hypothesis plays random histories on one loan (repayments on random days, reversals of
repayments, of the admin fee, of a write-off or of the disbursement itself, write-offs) and the
card must read like a ledger: previous saldo + bertambah − berkurang = saldo on every row,
starting from zero, ending at what the loan still owes. One SQLite database serves every
example; each example lends to a new member.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from koperasi import clock
from koperasi.domain.errors import ValidationError
from koperasi.services.loans import papers as loan_papers
from koperasi.services.loans import lifecycle as loans
from tests.loan_support import START, loan_office
from tests.support import set_up_office

operations = st.lists(
    st.one_of(
        st.tuples(st.just("repay"), st.integers(1, 400_000), st.integers(1, 600)),
        st.tuples(st.just("reverse"), st.integers(0, 50)),
        st.tuples(st.just("write_off"), st.integers(200, 600)),
    ),
    min_size=1,
    max_size=10,
)


@pytest.fixture
def office(sqlite_db):
    return loan_office(sqlite_db, set_up_office(sqlite_db))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=operations)
def test_every_row_of_the_loan_card_reconciles(office, steps):
    loan_id = office.approved_loan(office.member(f"Anggota {uuid.uuid4().hex[:6]}"))
    disbursement = office.disburse(loan_id)
    standing = [disbursement.movement_id, disbursement.fee_movement_id]
    reversed_any = False
    for step in steps:
        try:
            if step[0] == "repay":
                owed = office.loan(loan_id)
                amount = min(step[1], owed.disbursed - owed.principal_paid - owed.written_off)
                standing.append(office.repay(loan_id, amount, on=START + timedelta(days=step[2])).movement_id)
            elif step[0] == "reverse" and standing:
                target = standing[step[1] % len(standing)]
                office.reverse(target)
                standing.remove(target)
                reversed_any = True
            elif step[0] == "write_off":
                with office.session() as session:
                    standing.append(loans.write_off_loan(
                        session, office.manager, loan_id, written_off_on=START + timedelta(days=step[1]),
                        reason="Usaha bangkrut total", request_id=uuid.uuid4(),
                    ))
        except ValidationError:
            continue  # a step the rules refuse (nothing owed, a loan already written off, ...) changes nothing

    with office.session() as session:
        card = loan_papers.loan_card(session, office.manager, loan_id, as_of=clock.today())
    saldo = 0
    for row in card.movements:
        assert row.increase >= 0 and row.decrease >= 0 and not (row.increase and row.decrease)
        assert saldo + row.increase - row.decrease == row.balance, row
        saldo = row.balance
    loan = office.loan(loan_id)
    assert saldo == card.outstanding == loan.disbursed - loan.principal_paid - loan.written_off
    if reversed_any:
        assert any(row.description.startswith("Pembatalan") for row in card.movements)


def test_a_reversed_repayment_shows_on_the_card_as_an_increase(office):
    loan_id = office.active_loan(office.member("Siti Aminah"))
    wrong = office.repay(loan_id, 100_000, on=date(2025, 2, 6))
    office.reverse(wrong.movement_id, reason="Salah input kasir")
    with office.session() as session:
        card = loan_papers.loan_card(session, office.manager, loan_id, as_of=clock.today())
    reversal = card.movements[-1]
    assert reversal.description == f"Pembatalan {wrong.receipt_number}: Salah input kasir"
    assert (reversal.increase, reversal.decrease, reversal.balance) == (100_000, 0, 1_200_000)
