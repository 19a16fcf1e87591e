"""Random offices for the equivalence tests of the loan reports (arrears, the monthly history): each loan's
story, a Hypothesis strategy, and the office that plays it through the services."""

from __future__ import annotations

import uuid
from datetime import timedelta

from hypothesis import strategies as st

from koperasi import clock
from koperasi.domain.loans.rules import Frequency
from koperasi.services.loans import lifecycle as loans

ENDINGS = ("none", "none", "write_off", "reschedule")


def loan_story(*extra_endings: str):
    """A loan disbursed some day in the 400 days before today, paid in steps, perhaps one payment reversed,
    and an ending; ``"disburse_again"`` (cancelled the day it was disbursed, disbursed a week later) on ask."""
    return st.fixed_dictionaries({
        "start": st.integers(0, 300),  # days after the first day, 400 days before today
        "term": st.integers(3, 8),
        "payments": st.lists(st.tuples(st.integers(1, 60), st.integers(1, 6).map(lambda k: k * 50_000)), max_size=5),
        "reverse_one": st.booleans(),
        "ending": st.sampled_from([*ENDINGS, *extra_endings]),
    })


def play(office, stories) -> None:
    """Each story through the services, one member each, loans of Rp1.200.000; the first day is 400 days ago."""
    today = clock.today()
    first_day = today - timedelta(days=400)
    for index, story in enumerate(stories):
        start = first_day + timedelta(days=story["start"])
        loan_id = office.approved_loan(office.member(f"Anggota {index}"), principal=1_200_000, term=story["term"])
        disbursement = office.disburse(loan_id, on=start, first_due=start + timedelta(days=30))
        if story["ending"] == "disburse_again":
            # Cancelled the same day, disbursed again a week later: its second schedule is its first in force.
            office.reverse(disbursement.movement_id)
            start += timedelta(days=7)
            office.disburse(loan_id, on=start, first_due=start + timedelta(days=30))
        paid_on, payments = start, []
        for gap, amount in story["payments"]:
            paid_on = min(paid_on + timedelta(days=gap), today)
            if amount >= office.loan(loan_id).disbursed - office.loan(loan_id).principal_paid:
                break
            payments.append(office.repay(loan_id, amount, on=paid_on))
        if story["reverse_one"] and payments:
            office.reverse(payments[0].movement_id)
        if office.loan(loan_id).status != "active":
            continue
        with office.session() as session:
            if story["ending"] == "write_off":
                loans.write_off_loan(session, office.manager, loan_id, written_off_on=today, reason="Pindah tanpa kabar",
                                     request_id=uuid.uuid4())
            elif story["ending"] == "reschedule":
                loans.reschedule_loan(session, office.manager, loan_id, term=4, frequency=Frequency.MONTHLY,
                                      first_due_on=today + timedelta(days=5), reason="Gagal panen",
                                      expected_version=office.loan(loan_id).version)
