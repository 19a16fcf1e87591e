"""An office that closes its years and divides the SHU: the loan office (staff of each role, a fund, a product,
members who joined on 2 January 2024) with savings rates and year-end helpers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from koperasi.db.database import Database
from koperasi.db.models import JournalLine
from koperasi.domain.roles import Actor
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services.books import closing
from koperasi.services.savings import movements, rates
from tests.sales_support import SalesOffice, sales_office


@dataclass
class BooksOffice:
    shop: SalesOffice

    @property
    def db(self) -> Database:
        return self.shop.db

    @property
    def office(self):
        return self.shop.office

    def session(self):
        return self.db.session()

    def request_close(self, year: int, actor: Actor | None = None, request_id: uuid.UUID | None = None) -> uuid.UUID:
        with self.session() as session:
            return closing.request_closing(session, actor or self.office.treasurer, year, request_id=request_id or uuid.uuid4())

    def approve(self, closing_id: uuid.UUID, actor: Actor | None = None) -> uuid.UUID | None:
        with self.session() as session:
            return closing.approve_closing(session, actor or self.office.manager, closing_id)

    def close(self, year: int) -> uuid.UUID | None:
        """The treasurer asks, the chair approves; returns the closing entry's id."""
        return self.approve(self.request_close(year))

    def deposit(self, member_id: uuid.UUID, kind: SavingsKind, amount: int, on: date):
        with self.session() as session:
            return movements.deposit(session, self.office.clerk, member_id, kind=kind, amount=amount, occurred_on=on,
                                     request_id=uuid.uuid4())

    def totals(self) -> tuple[int, int]:
        """The whole journal's debits and credits."""
        with self.session() as session:
            debits, credits = session.execute(select(func.sum(JournalLine.debit), func.sum(JournalLine.credit))).one()
            return int(debits or 0), int(credits or 0)


def books_office(db: Database, admin: Actor, *, pokok: int = 100_000, wajib: int = 20_000) -> BooksOffice:
    shop = sales_office(db, admin)
    with db.session() as session:
        rates.set_rate(session, shop.manager, kind=SavingsKind.POKOK, effective_from=date(2024, 1, 1), amount=pokok)
    with db.session() as session:
        rates.set_rate(session, shop.manager, kind=SavingsKind.WAJIB, effective_from=date(2024, 1, 1), amount=wajib)
    return BooksOffice(shop)
