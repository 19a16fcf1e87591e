"""The one rule every journal entry obeys: debits equal credits, in whole rupiah, fund on fund accounts."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.ledger import (
    FUND_ACCOUNTS, Account, Line, UnbalancedEntry, check_balanced, credit, debit, request_digest,
)
from koperasi.domain.sales.rules import Producer, SaleLineInput

FUND = uuid.uuid4()


def _line(account: Account, debit_amount: int = 0, credit_amount: int = 0) -> Line:
    return Line(account, debit_amount, credit_amount, FUND if account in FUND_ACCOUNTS else None)


def test_the_postings_the_services_make_balance():
    check_balanced([debit(Account.CASH, 1_000), credit(Account.REVOLVING_FUND, 1_000, FUND)])
    check_balanced([debit(Account.LOANS_RECEIVABLE, 500, FUND), credit(Account.CASH, 500)])
    check_balanced([debit(Account.WRITTEN_OFF_LOANS, 7, FUND), credit(Account.LOANS_RECEIVABLE, 7, FUND)])
    check_balanced([debit(Account.CASH, 10), credit(Account.ADMIN_FEE_INCOME, 4), credit(Account.ADMIN_FEE_INCOME, 6)])


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [debit(Account.CASH, 5)],
        [debit(Account.CASH, 5), credit(Account.ADMIN_FEE_INCOME, 4)],
        [debit(Account.CASH, 5.0), credit(Account.ADMIN_FEE_INCOME, 5)],  # type: ignore[arg-type]
        [debit(Account.CASH, -5), credit(Account.ADMIN_FEE_INCOME, -5)],
        [debit(Account.CASH, 0), credit(Account.ADMIN_FEE_INCOME, 0)],
        [Line(Account.CASH, 5, 5), Line(Account.ADMIN_FEE_INCOME, 5, 5)],  # both sides on one line
        [debit(Account.LOANS_RECEIVABLE, 5), credit(Account.CASH, 5)],  # receivable without its fund
        [debit(Account.CASH, 5, FUND), credit(Account.REVOLVING_FUND, 5, FUND)],  # cash carrying a fund
    ],
    ids=["empty", "one line", "unbalanced", "float", "negative", "zero", "both sides", "fund missing", "fund on cash"],
)
def test_bad_entries_are_refused(lines):
    with pytest.raises(UnbalancedEntry):
        check_balanced(lines)


amounts = st.integers(1, 10**12)
accounts = st.sampled_from(list(Account))


@given(st.lists(st.tuples(accounts, amounts), min_size=1, max_size=8), accounts)
def test_any_entry_closed_by_its_difference_balances_and_its_mirror_too(debits, closing):
    lines = [_line(account, debit_amount=amount) for account, amount in debits]
    lines.append(_line(closing, credit_amount=sum(amount for _, amount in debits)))
    check_balanced(lines)
    mirror = [line.reversed() for line in lines]
    check_balanced(mirror)
    assert sum(line.debit for line in mirror) == sum(line.credit for line in lines)
    assert all(m.account == o.account and m.fund_source_id == o.fund_source_id for m, o in zip(mirror, lines))


@given(st.lists(st.tuples(accounts, amounts), min_size=1, max_size=8), accounts, st.integers(-5, 5).filter(bool))
def test_any_entry_off_by_a_rupiah_or_more_is_refused(debits, closing, error):
    total = sum(amount for _, amount in debits)
    lines = [_line(account, debit_amount=amount) for account, amount in debits]
    lines.append(_line(closing, credit_amount=total + error if total + error > 0 else total + abs(error)))
    with pytest.raises(UnbalancedEntry, match="debits"):
        check_balanced(lines)


def test_normal_sides():
    expenses = {Account.OPERATING_EXPENSE, Account.HONORARIA_EXPENSE, Account.TRAINING_EXPENSE, Account.TRANSPORT_EXPENSE}
    assert {a for a in Account if a.debit_normal} == {
        Account.CASH, Account.LOANS_RECEIVABLE, Account.WRITTEN_OFF_LOANS, *expenses}
    assert Account("5301").debit_normal and not Account("4301").debit_normal  # an account the office adds to the chart
    assert all(account.label for account in Account)


@dataclass(frozen=True)
class _Sale:  # the shape of services.sales.selling.SaleInput: a dataclass holding a tuple of dataclasses
    sold_on: date
    channel_id: uuid.UUID
    lines: tuple[SaleLineInput, ...]
    buyer_id: uuid.UUID | None
    buyer_name: str


def _digest_as_first_stored(facts: dict) -> str:
    plain = {name: asdict(value) if is_dataclass(value) else value for name, value in facts.items()}
    return hashlib.sha256(json.dumps(plain, sort_keys=True, default=str, separators=(",", ":")).encode()).hexdigest()


_producers = st.one_of(st.builds(Producer, member_id=st.uuids()), st.builds(Producer, group_id=st.uuids()))
_lines = st.builds(SaleLineInput, st.uuids(), _producers, st.integers(), st.integers())


@given(
    sale=st.builds(_Sale, st.dates(), st.uuids(), st.lists(_lines, max_size=12).map(tuple), st.none() | st.uuids(), st.text()),
    amount=st.integers(), day=st.dates(), receipt=st.none() | st.text(),
)
def test_a_request_digest_is_the_one_already_stored_for_the_same_facts(sale, amount, day, receipt):
    """Entries keep the digest of the save that posted them: a retry after an upgrade must still match."""
    for facts in ({"sale": sale}, {"loan": sale.channel_id, "amount": amount, "paid_on": day, "receipt": receipt}):
        assert request_digest(facts) == _digest_as_first_stored(facts)
