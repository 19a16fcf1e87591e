"""Whatever a year's activity, its RAT pack's neraca balances (aset = kewajiban + ekuitas, on both days), its arus
kas leads from the cash at the start to the cash at the end, and its SHU is the surplus statement's.

Each example is a year of its own (2025, then 2026, ...: years close in order and once, so one database, of each
kind, serves every example): Hypothesis posts savings, withdrawals, repayments, sales and cash-book entries on
days of that year, the clock moves to the next January, the year is closed, its SHU divided and one share paid.
"""

from __future__ import annotations

import itertools
import os
import uuid
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from koperasi import clock
from koperasi.domain.books.rules import PaymentMethod
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.sales.rules import Producer
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger, ledger_checks
from koperasi.services.books import rat_pack, shu
from koperasi.services.cashbook import entries
from koperasi.services.savings import movements
from tests.books_support import books_office

EXAMPLES = int(os.environ.get("KOPERASI_LEDGER_EXAMPLES", "15"))
KINDS = ["pokok", "wajib", "sukarela", "withdraw", "repay", "sell", "income", "expense"]
operations = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(0, 364), st.integers(1, 400).map(lambda n: n * 1_000)),
    min_size=1, max_size=8,
)


@pytest.fixture
def office(db, admin):
    books = books_office(db, admin)
    member = books.office.member("Siti Aminah")
    loan_id = books.office.active_loan(member, principal=10_000_000, term=24)
    product = books.shop.product()
    books.shop.intake(Producer(member_id=member), product, 10_000_000, on=date(2025, 1, 2))
    books.close(2024)
    return books, member, loan_id, product, itertools.count(2025)


def _act(books, member, loan_id, product, action, day, amount):
    clerk, treasurer = books.office.clerk, books.office.treasurer
    if action in ("pokok", "wajib", "sukarela"):
        with books.session() as session:
            movements.deposit(session, clerk, member, kind=SavingsKind(action), amount=amount, occurred_on=day,
                              request_id=uuid.uuid4())
    elif action == "withdraw":
        with books.session() as session:
            movements.withdraw(session, clerk, member, amount=amount, occurred_on=day, request_id=uuid.uuid4())
    elif action == "repay":
        books.office.repay(loan_id, amount, on=day)
    elif action == "sell":
        books.shop.sell((Producer(member_id=member), product, 1000, amount), on=day)
    else:
        direction = CashDirection.INCOME if action == "income" else CashDirection.EXPENSE
        account = Account.GRANT_INCOME if action == "income" else Account.OPERATING_EXPENSE
        with books.session() as session:
            entries.record(session, treasurer, direction=direction, account=account, amount=amount, occurred_on=day,
                           description="Kas kantor", party="", request_id=uuid.uuid4())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=operations)
def test_the_pack_balances_whatever_the_year_held(office, steps):
    books, member, loan_id, product, years = office
    year = next(years)
    clock.pin(datetime(year, 12, 31, 10, 0))
    for action, offset, amount in steps:
        try:
            _act(books, member, loan_id, product, action, date(year, 1, 1) + timedelta(days=offset), amount)
        except ValidationError:
            continue  # above the balance, the pokok owed, the loan or the stock: refused, nothing posted
    clock.pin(datetime(year + 1, 1, 10, 9, 30))
    books.close(year)
    with books.session() as session:
        surplus = rat_pack.rat_pack(session, books.office.clerk, year).surplus
    if surplus.shu > 0:
        with books.session() as session:
            shu.divide_shu(session, books.office.treasurer, year, divided_on=date(year + 1, 1, 10), request_id=uuid.uuid4())
        with books.session() as session:
            plan = shu.shu_plan(session, books.office.clerk, year)
        payable = next((share for share in plan.members if share.total > 0), None)
        if payable is not None:
            with books.session() as session:
                shu.pay_shu(session, books.office.treasurer, year, payable.member_id, method=PaymentMethod.CASH,
                            paid_on=date(year + 1, 1, 10), request_id=uuid.uuid4())
    with books.session() as session:
        pack = rat_pack.rat_pack(session, books.office.clerk, year)
        following = rat_pack.balance_sheet(session, books.office.clerk, year + 1)
        cash = {row.account: row.balance for row in ledger.account_totals(session, up_to=date(year, 12, 31))}
        assert ledger_checks.ledger_problems(session) == []
    sheet = pack.balance_sheet
    assert sheet.assets.total == sheet.liabilities_and_equity
    assert sheet.assets.previous_total == sheet.previous_liabilities_and_equity
    assert following.assets.total == following.liabilities_and_equity
    assert pack.cash_flow.opening + pack.cash_flow.net == pack.cash_flow.closing == cash.get(Account.CASH, 0)
    assert (pack.shu.shu if pack.shu else surplus.shu) == surplus.shu == pack.surplus.shu
    shu_line = next(((line.amount, line.previous) for line in sheet.equity.lines if line.code == Account.SHU_CURRENT.value),
                    (0, 0))
    assert shu_line[0] == shu_line[1] - _divided_in(books, year) + surplus.shu  # SHU tahun berjalan moved by the year


def _divided_in(books, year) -> int:
    """The SHU of the year before, divided during ``year`` (it left SHU tahun berjalan then)."""
    with books.session() as session:
        try:
            plan = shu.shu_plan(session, books.office.clerk, year - 1)
        except ValidationError:
            return 0
    return plan.shu if plan.divided_on is not None and plan.divided_on.year == year else 0
