"""Demonstration year end: every year of the demo's history before this one closed through the services (the
treasurer asks, the chair approves), each year's SHU divided before the next closes, last year's and a few members' shares paid (in cash and into
sukarela), so Tutup buku & SHU and its Paket RAT have a closed year to show. Through the services: at the demo's
size they take a fraction of a second."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import JournalEntry, Member, ShuMemberShare
from koperasi.demo.writing import load_staff
from koperasi.domain.books.rules import PaymentMethod
from koperasi.services.books import closing, shu

PAID_SHARES = 6  # the first members (by number) with a share are paid, alternately in cash and into sukarela


@dataclass(frozen=True, slots=True)
class BooksDemoSummary:
    closed_years: tuple[int, ...]
    shu: int  # last year's SHU (negative: a loss, nothing divided)
    paid: int  # members' shares paid


def close_past_years(session: Session, *, today: date) -> BooksDemoSummary:
    """Close every year from the first posting's up to last year, in order; divide last year's SHU (when there is
    one) on ``today`` and pay a few shares."""
    rng = random.Random(22)
    first = session.scalar(select(func.min(JournalEntry.entry_date)))
    if first is None or first.year >= today.year:
        return BooksDemoSummary((), 0, 0)
    staff = load_staff(session)
    treasurer, chair = staff.treasurer, staff.manager
    years = tuple(range(first.year, today.year))
    last = today.year - 1
    for year in years:
        asked = closing.request_closing(session, treasurer, year, request_id=_key(rng))
        closing.approve_closing(session, chair, asked)
        if year < last and closing.year_figures(session, treasurer, year).shu > 0:
            # the next year closes only once this one's SHU is divided, as its RAT decided in March
            shu.divide_shu(session, treasurer, year, divided_on=date(year + 1, 3, 15), request_id=_key(rng))
    surplus = closing.year_figures(session, treasurer, last).shu
    if surplus <= 0:  # a year at a loss has nothing to divide
        return BooksDemoSummary(years, surplus, 0)
    division_id = shu.divide_shu(session, treasurer, last, divided_on=today, request_id=_key(rng))
    payees = session.scalars(
        select(ShuMemberShare.member_id).join(Member, Member.id == ShuMemberShare.member_id)
        .where(ShuMemberShare.division_id == division_id, ShuMemberShare.jasa_modal + ShuMemberShare.jasa_usaha > 0)
        .order_by(Member.number).limit(PAID_SHARES)
    ).all()
    for index, member_id in enumerate(payees):
        method = PaymentMethod.CASH if index % 2 == 0 else PaymentMethod.SUKARELA
        shu.pay_shu(session, treasurer, last, member_id, method=method, paid_on=today, request_id=_key(rng))
    return BooksDemoSummary(years, surplus, len(payees))


def _key(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)
