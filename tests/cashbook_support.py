"""An office keeping its cash book: a treasurer who records, a chair who approves reversals, a clerk."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from koperasi.db.database import Database
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.ledger import Account
from koperasi.domain.roles import Actor, Role
from koperasi.services.cashbook import entries
from koperasi.services.cashbook.entries import RecordedEntry
from tests.support import TODAY, add_staff


@dataclass
class CashOffice:
    db: Database
    admin: Actor
    treasurer: Actor
    manager: Actor
    clerk: Actor

    def session(self):
        return self.db.session()

    def record(
        self, direction: CashDirection, amount: int, account: str | Account | None = None, *, on: date = TODAY,
        description: str = "Beli kertas dan tinta", party: str = "", by: Actor | None = None,
        request_id: uuid.UUID | None = None,
    ) -> RecordedEntry:
        account = account or (Account.GRANT_INCOME if direction is CashDirection.INCOME else Account.OPERATING_EXPENSE)
        with self.db.session() as session:
            return entries.record(
                session, by or self.treasurer, direction=direction, account=account, amount=amount, occurred_on=on,
                description=description, party=party, request_id=request_id or uuid.uuid4(),
            )

    def income(self, amount: int, account: str | Account | None = None, **kwargs) -> RecordedEntry:
        return self.record(CashDirection.INCOME, amount, account, **kwargs)

    def expense(self, amount: int, account: str | Account | None = None, **kwargs) -> RecordedEntry:
        return self.record(CashDirection.EXPENSE, amount, account, **kwargs)

    def reverse(self, entry_id: uuid.UUID, reason: str = "Salah catat jumlah") -> uuid.UUID:
        """Asked by the treasurer, approved by the chair."""
        with self.db.session() as session:
            request = entries.request_cash_reversal(session, self.treasurer, entry_id, reason=reason, request_id=uuid.uuid4())
        with self.db.session() as session:
            return entries.approve_cash_reversal(session, self.manager, request)


def cash_office(db: Database, admin: Actor) -> CashOffice:
    return CashOffice(
        db, admin,
        add_staff(db, admin, "bendahara", Role.TREASURER),
        add_staff(db, admin, "ketua", Role.MANAGER),
        add_staff(db, admin, "kasir", Role.CLERK),
    )
