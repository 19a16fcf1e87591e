"""The demo's savings are written in bulk: they must be what the savings services would have written."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from koperasi.db.models import SavingsMovement
from koperasi.demo import office as demo
from koperasi.domain.ledger import Account
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services.office import auth, health
from koperasi.services.savings import movements, papers, queries
from tests.loan_support import account_balance
from tests.support import TODAY


def test_demo_savings_keep_the_books_the_savings_services_keep(sqlite_db):
    with sqlite_db.session() as session:
        summary = demo.fill(session, members=60, loans=10, sales=10)
    assert summary.members == 60
    with sqlite_db.session() as session:
        assert health.examine(session).ok  # savings against the journal, one gapless receipt sequence, the audit chain
        admin = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
        totals = {kind: 0 for kind in SavingsKind}
        for kind, change in session.execute(select(SavingsMovement.kind, SavingsMovement.change)):
            totals[SavingsKind(kind)] += change
        assert totals[SavingsKind.POKOK] == account_balance(session, Account.SAVINGS_POKOK) > 0
        assert totals[SavingsKind.WAJIB] == account_balance(session, Account.SAVINGS_WAJIB) > 0
        assert totals[SavingsKind.SUKARELA] == account_balance(session, Account.SAVINGS_SUKARELA) > 0
        behind = queries.members_behind(session, admin, as_of=TODAY)
        assert behind  # one saver in five stopped paying wajib a few months ago
        withdrawal = session.scalars(select(SavingsMovement).where(SavingsMovement.action == "withdrawal")).first()
        receipt = papers.receipt_for(session, admin, withdrawal.id)
        assert receipt.remaining_balance is not None and receipt.remaining_balance >= 0
        member_id = withdrawal.member_id
    with sqlite_db.session() as session:  # the counter carries on where the demo stopped
        saved = movements.deposit(session, admin, member_id, kind=SavingsKind.SUKARELA, amount=10_000, occurred_on=TODAY,
                                  request_id=uuid.uuid4())
    with sqlite_db.session() as session:
        assert saved.receipt_number and health.examine(session).ok
