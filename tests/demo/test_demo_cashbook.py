"""The demo's cash book is written in bulk: it must be what the cash-book service would have written."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from koperasi.db.models import CashEntry, JournalEntry, JournalLine
from koperasi.demo import office as demo
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.ledger import Account
from koperasi.services.books.closing import CLOSING_KIND
from koperasi.services.cashbook import entries, papers, queries
from koperasi.services.office import auth, health
from tests.loan_support import account_balance
from tests.support import TODAY


def test_demo_cash_book_keeps_the_books_the_cash_book_service_keeps(sqlite_db):
    with sqlite_db.session() as session:
        demo.fill(session, members=40, loans=8, sales=8)
    with sqlite_db.session() as session:
        assert health.examine(session).ok  # the cash book against the journal, gapless BKM and BKK numbers, the audit chain
        admin = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
        months = session.scalar(select(func.count(func.distinct(func.strftime("%Y-%m", CashEntry.occurred_on)))))
        assert months == 12 + TODAY.month  # from January of last year, which the demo closes
        book = queries.cash_book(session, admin)
        income, expenses = (Account.GRANT_INCOME.value, Account.OTHER_INCOME.value), ("5101", "5102", "5103", "5104", "5301")
        assert book.total_in == sum(_posted(session, code) for code in income)  # the closing entry left out
        assert book.total_out == -sum(_posted(session, code) for code in expenses)
        assert account_balance(session, Account("5301")) > 0  # the office's own account: listrik dan air
        this_year = [line for line in book.lines if line.occurred_on.year == TODAY.year]  # last year's closed into SHU
        assert sum(line.into for line in this_year) == sum(account_balance(session, Account(code)) for code in income)
        assert sum(line.out for line in this_year) == sum(account_balance(session, Account(code)) for code in expenses)
        spent = next(line for line in book.lines if line.account == "5301")
        assert papers.voucher_for(session, admin, spent.id).account_name == "Beban listrik dan air"
    with sqlite_db.session() as session:  # the counter carries on where the demo stopped
        paid = entries.record(session, admin, direction=CashDirection.EXPENSE, account="5301", amount=300_000,
                              occurred_on=TODAY, description="Listrik", request_id=uuid.uuid4())
    with sqlite_db.session() as session:
        assert paid.voucher_number.startswith("BKK/") and health.examine(session).ok


def _posted(session, code: str) -> int:
    """Credits less debits on ``code`` over every entry but the year-end closing ones."""
    return session.scalar(
        select(func.coalesce(func.sum(JournalLine.credit - JournalLine.debit), 0))
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalLine.account == code, JournalEntry.kind != CLOSING_KIND)
    )
