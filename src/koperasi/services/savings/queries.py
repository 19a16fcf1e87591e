"""What the Simpanan tab and the member panel show: a member's balances and history, and who is behind on wajib."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import Desa, GroupMembership, Member, SavingsMovement
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.rules import (
    SavingsAction,
    SavingsKind,
    WajibState,
    first_of_month,
    pokok_owed,
    rate_on,
    wajib_due,
)
from koperasi.services.access import authorize
from koperasi.services.savings import book


@dataclass(frozen=True, slots=True)
class MovementRow:
    id: uuid.UUID
    occurred_on: date
    kind: SavingsKind
    action: SavingsAction
    amount: int
    change: int
    receipt_number: str
    reason: str
    cancelled: bool  # a later reversal undid it


@dataclass(frozen=True, slots=True)
class MemberSavings:
    member_id: uuid.UUID
    member_number: str
    member_name: str
    active: bool
    balances: dict[SavingsKind, int]
    pokok_owed: int  # what is left to pay of the pokok
    wajib: WajibState
    movements: tuple[MovementRow, ...]  # newest first

    @property
    def total(self) -> int:
        return sum(self.balances.values())


def member_savings(session: Session, actor: Actor, member_id: uuid.UUID, *, as_of: date) -> MemberSavings:
    authorize(session, actor, Permission.USE_APP)
    member = book.member_of(session, member_id)
    balances = book.balances(session, member.id)
    pokok_rates, wajib_rates = book.rates_of(session, SavingsKind.POKOK), book.rates_of(session, SavingsKind.WAJIB)
    reversal = aliased(SavingsMovement)
    rows = session.execute(
        select(SavingsMovement, reversal.id).outerjoin(reversal, reversal.reversal_of_id == SavingsMovement.id)
        .where(SavingsMovement.member_id == member.id)
        .order_by(SavingsMovement.occurred_on.desc(), SavingsMovement.created_at.desc())
    )
    movements = tuple(
        MovementRow(row.id, row.occurred_on, SavingsKind(row.kind), SavingsAction(row.action), row.amount, row.change,
                    row.receipt_number or "", row.reason, reversed_by is not None)
        for row, reversed_by in rows
    )
    return MemberSavings(
        member.id, member.number, member.full_name, member.status == MemberStatus.ACTIVE.value, balances,
        max(0, pokok_owed(member.join_date, pokok_rates) - balances[SavingsKind.POKOK]),
        WajibState(wajib_due(member.join_date, as_of, wajib_rates), book.wajib_deposited(session, member.id),
                   rate_on(wajib_rates, as_of) or 0),
        movements,
    )


@dataclass(frozen=True, slots=True)
class BehindRow:
    member_id: uuid.UUID
    number: str
    name: str
    desa: str
    joined_on: date
    due: int
    paid: int
    arrears: int
    months_behind: int


def members_behind(session: Session, actor: Actor, *, as_of: date) -> list[BehindRow]:
    """Active members whose wajib deposits fall short of what is due by ``as_of``'s month, most behind first.

    The members are read in one query with their wajib totals; what is due depends only on the month of
    joining, so it is worked out once per month of joining, not once per member."""
    authorize(session, actor, Permission.USE_APP)
    rates = book.rates_of(session, SavingsKind.WAJIB)
    if not rates:
        return []
    paid = (
        select(SavingsMovement.member_id, func.sum(SavingsMovement.change).label("paid"))
        .where(SavingsMovement.kind == SavingsKind.WAJIB.value, SavingsMovement.action != SavingsAction.WITHDRAWAL.value)
        .group_by(SavingsMovement.member_id).subquery()
    )
    rows = session.execute(
        select(Member.id, Member.number, Member.full_name, Desa.name, Member.join_date, func.coalesce(paid.c.paid, 0))
        .join(Desa, Desa.id == Member.desa_id).outerjoin(paid, paid.c.member_id == Member.id)
        .where(Member.status == MemberStatus.ACTIVE.value, Member.join_date <= as_of)
    )
    due_by_month: dict[date, int] = defaultdict(int)
    current = rate_on(rates, as_of) or 0
    behind = []
    for member_id, number, name, desa, joined_on, paid_total in rows:
        month = first_of_month(joined_on)
        if month not in due_by_month:
            due_by_month[month] = wajib_due(joined_on, as_of, rates)
        state = WajibState(due_by_month[month], int(paid_total), current)
        if state.arrears:
            behind.append(BehindRow(member_id, number, name, desa, joined_on, state.due, state.paid, state.arrears,
                                    state.months_behind))
    behind.sort(key=lambda row: (-row.arrears, row.number))
    return behind


@dataclass(frozen=True, slots=True)
class SavingsTotals:
    balances: dict[SavingsKind, int]
    savers: int  # members with any savings


def savings_totals(session: Session, actor: Actor) -> SavingsTotals:
    """The office's savings by kind, from the movements (ledger_checks compares them with the journal)."""
    authorize(session, actor, Permission.USE_APP)
    found = {SavingsKind(kind): int(total) for kind, total in session.execute(
        select(SavingsMovement.kind, func.sum(SavingsMovement.change)).group_by(SavingsMovement.kind))}
    savers = session.scalar(select(func.count(func.distinct(SavingsMovement.member_id))))
    return SavingsTotals({kind: found.get(kind, 0) for kind in SavingsKind}, int(savers or 0))


@dataclass(frozen=True, slots=True)
class Balances:
    """Savings of a member, or summed over a group's members: what the member and group panels show."""

    pokok: int = 0
    wajib: int = 0
    sukarela: int = 0
    wajib_arrears: int = 0  # active members only: one who left owes no more wajib
    members: int = 0

    @property
    def total(self) -> int:
        return self.pokok + self.wajib + self.sukarela

    def __add__(self, other: Balances) -> Balances:
        return Balances(self.pokok + other.pokok, self.wajib + other.wajib, self.sukarela + other.sukarela,
                        self.wajib_arrears + other.wajib_arrears, self.members + other.members)


def member_balances(session: Session, actor: Actor, member_id: uuid.UUID, *, as_of: date) -> Balances:
    authorize(session, actor, Permission.USE_APP)
    return _balances(session, select(Member.id.label("key")).where(Member.id == member_id), as_of).get(member_id, Balances())


def group_balances(session: Session, actor: Actor, *, as_of: date) -> dict[uuid.UUID, Balances]:
    """Each group's savings, summed over its present members: one grouped query for every group."""
    authorize(session, actor, Permission.USE_APP)
    present = select(GroupMembership.group_id.label("key"), GroupMembership.member_id.label("member_id")).where(
        GroupMembership.left_on.is_(None))
    return _balances(session, present, as_of)


def _balances(session: Session, keyed, as_of: date) -> dict[uuid.UUID, Balances]:
    """``keyed`` selects (key, member_id) pairs (or just key = the member's id); the savings of each key's members,
    read in one query grouped by key and member (the wajib due depends on each member's month of joining)."""
    keyed = keyed.subquery()
    member_column = keyed.c.member_id if "member_id" in keyed.c else keyed.c.key

    def kind_sum(kind: SavingsKind, *, standing: bool = False):
        condition = SavingsMovement.kind == kind.value
        if standing:
            condition = condition & (SavingsMovement.action != SavingsAction.WITHDRAWAL.value)
        return func.coalesce(func.sum(case((condition, SavingsMovement.change), else_=0)), 0)

    rows = session.execute(
        select(keyed.c.key, Member.join_date, Member.status, kind_sum(SavingsKind.POKOK), kind_sum(SavingsKind.WAJIB),
               kind_sum(SavingsKind.SUKARELA), kind_sum(SavingsKind.WAJIB, standing=True))
        .join(Member, Member.id == member_column)
        .outerjoin(SavingsMovement, (SavingsMovement.member_id == Member.id) & (SavingsMovement.occurred_on <= as_of))
        .group_by(keyed.c.key, Member.id, Member.join_date, Member.status)
    )
    rates = book.rates_of(session, SavingsKind.WAJIB)
    due_by_month: dict[date, int] = {}
    found: dict[uuid.UUID, Balances] = defaultdict(Balances)
    for key, joined_on, status, pokok, wajib, sukarela, standing in rows:
        arrears = 0
        if status == MemberStatus.ACTIVE.value and joined_on <= as_of:
            month = first_of_month(joined_on)
            if month not in due_by_month:
                due_by_month[month] = wajib_due(joined_on, as_of, rates)
            arrears = max(0, due_by_month[month] - int(standing))
        found[key] += Balances(int(pokok), int(wajib), int(sukarela), arrears, 1)
    return dict(found)
