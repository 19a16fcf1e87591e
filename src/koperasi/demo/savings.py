"""Demonstration savings: the AD/ART amounts, a year of pokok, wajib and sukarela for some members
(a few of them behind on wajib), written through the savings services inside the demo's transaction."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Member
from koperasi.domain.roles import Actor
from koperasi.domain.savings.rules import SavingsKind, first_of_month, pokok_owed, wajib_due
from koperasi.services.savings import book, movements, rates

POKOK = 100_000
WAJIB, WAJIB_RAISED = 10_000, 15_000  # the RAT raised wajib for this year


@dataclass(frozen=True, slots=True)
class SavingsDemoSummary:
    savers: int
    movements: int


def fill_savings(session: Session, actor: Actor, *, today: date, savers: int = 200) -> SavingsDemoSummary:
    """Rates (wajib kept for the last twelve months), then for ``savers`` members (the longest-standing first):
    pokok, wajib brought every three months for the months due (one in five stopped a few months ago), now and
    then sukarela in and out."""
    rng = random.Random(20)
    wajib_from = _months_before(first_of_month(today), 11)
    rates.set_rate(session, actor, kind=SavingsKind.POKOK, effective_from=date(2020, 1, 1), amount=POKOK)
    rates.set_rate(session, actor, kind=SavingsKind.WAJIB, effective_from=wajib_from, amount=WAJIB)
    if date(today.year, 1, 1) > wajib_from:
        rates.set_rate(session, actor, kind=SavingsKind.WAJIB, effective_from=date(today.year, 1, 1), amount=WAJIB_RAISED)
    members = session.execute(
        select(Member.id, Member.join_date).where(Member.status == "aktif").order_by(Member.join_date, Member.number).limit(savers)
    ).all()
    pokok_rates, wajib_rates = book.rates_of(session, SavingsKind.POKOK), book.rates_of(session, SavingsKind.WAJIB)
    count = 0

    def key() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128))

    for member_id, joined in members:
        start = max(joined, wajib_from)
        movements.deposit(session, actor, member_id, kind=SavingsKind.POKOK, amount=pokok_owed(joined, pokok_rates),
                          occurred_on=start, request_id=key())
        last_paid_month = _months_before(first_of_month(today), rng.randint(3, 6)) if rng.random() < 0.2 else today
        paid, month, count = 0, first_of_month(start), count + 1
        while month <= today:
            day = min(today, max(joined, month.replace(day=5 + rng.randint(0, 10))))
            due = wajib_due(joined, min(month, last_paid_month), wajib_rates) - paid
            if (month.month % 3 == 0 or month == first_of_month(today)) and due > 0:
                movements.deposit(session, actor, member_id, kind=SavingsKind.WAJIB, amount=due, occurred_on=day, request_id=key())
                paid, count = paid + due, count + 1
            if rng.random() < 0.15:
                movements.deposit(session, actor, member_id, kind=SavingsKind.SUKARELA, occurred_on=day, request_id=key(),
                                  amount=rng.choice((25_000, 50_000, 100_000, 250_000)))
                count += 1
            month = _months_before(month, -1)
        balance = book.balances(session, member_id)[SavingsKind.SUKARELA]
        if balance >= 100_000 and rng.random() < 0.5:
            movements.withdraw(session, actor, member_id, amount=balance // 2 // 1000 * 1000, occurred_on=today, request_id=key())
            count += 1
    return SavingsDemoSummary(len(members), count)


def _months_before(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)
