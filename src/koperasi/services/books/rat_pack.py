"""The RAT pack of a closed year: what the annual members' meeting is shown.

The neraca and the perhitungan hasil usaha stand beside the year before; the arus kas reads the year's cash
lines (direct method: each cash entry's other side names where the money came from or went); the SHU
division is the year's (or, not yet divided, the proposal the settings make); the year's work is Beranda's
figures as of 31 December; the daftar hadir lists the members on the roll on the day it is printed.

Anyone logged in may make the pack: it is the members' own report, read aloud at the meeting. Making it is
audited, as exporting the member list is, since it names every member with their SHU.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import BookClosing, Desa, JournalEntry, JournalLine, Member
from koperasi.domain.books.rat import (
    ASSET_CLASS,
    EQUITY_CLASS,
    LIABILITY_CLASS,
    Attendee,
    BalanceSheet,
    CashActivity,
    CashFlow,
    CashFlowLine,
    CashFlowSection,
    RatPack,
    StatementLine,
    StatementSection,
    SurplusStatement,
    Unit,
    WorkFigure,
    cash_activity,
    check_balance_sheet,
    check_cash_flow,
)
from koperasi.domain.books.rules import check_year, year_bounds
from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import EXPENSE_CLASS, INCOME_CLASS, Account, ClosingStatus
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services import accounts
from koperasi.services.access import authorize
from koperasi.services.books import closing, shu
from koperasi.services.dashboard import figures as dashboard
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.transaction import write
from koperasi import clock


def rat_pack(session: Session, actor: Actor, year: int) -> RatPack:
    """Everything the RAT of ``year`` is shown; the year must be closed. The making is audited."""
    with write(session):
        authorize(session, actor, Permission.USE_APP)
        check_year(year)
        closing_id = _closed(session, year)
        surplus = _surplus(session, actor, year)
        plan = shu.shu_plan(session, actor, year) if surplus.shu > 0 else None
        pack = RatPack(
            office=current_office(session).profile, year=year, printed_on=clock.today(),
            balance_sheet=_balance_sheet(session, year), surplus=surplus,
            cash_flow=_cash_flow(session, year), shu=plan, work=_work(session, actor, year),
            attendees=_attendees(session, clock.today()),
        )
        audit.record(
            session, actor, action=AuditAction.RAT_PACK_MADE, entity="book_closing", entity_id=closing_id,
            after={"year": year, "shu": format_rupiah(surplus.shu), "members_sharing": len(plan.members) if plan else 0,
                   "attendees": len(pack.attendees)},
        )
        return pack


def balance_sheet(session: Session, actor: Actor, year: int) -> BalanceSheet:
    """The neraca at 31 December of ``year`` beside the year before (any year: a year not yet closed shows its
    income less expenses so far as SHU tahun berjalan)."""
    authorize(session, actor, Permission.USE_APP)
    check_year(year)
    return _balance_sheet(session, year)


def _closed(session: Session, year: int) -> uuid.UUID:
    closing_id = session.scalar(select(BookClosing.id).where(
        BookClosing.year == year, BookClosing.status == ClosingStatus.CLOSED.value))
    if closing_id is None:
        raise ValidationError(f"Tahun buku {year} belum ditutup; paket RAT dibuat sesudah tutup buku disetujui.",
                              field="year")
    return closing_id


def _balance_sheet(session: Session, year: int) -> BalanceSheet:
    """Every account's balance on both days: a closed year's as its close kept them (a few dozen rows), an open
    year's from the journal up to its end. Income and expense accounts not yet closed (the open year) are the
    surplus so far, shown with SHU tahun berjalan."""
    previous_end, end = year_bounds(year - 1)[1], year_bounds(year)[1]
    current, previous = _balances_at_end(session, year), _balances_at_end(session, year - 1)
    balances: dict[str, tuple[int, int]] = {}  # code -> (this year's, the year before's) on the credit side
    for code in set(current) | set(previous):
        key = Account.SHU_CURRENT.value if code.startswith((INCOME_CLASS, EXPENSE_CLASS)) else code
        before = balances.get(key, (0, 0))
        balances[key] = (before[0] + current.get(code, 0), before[1] + previous.get(code, 0))
    names = accounts.account_names(session)

    def section(title: str, klass: str, sign: int) -> StatementSection:
        codes = sorted(code for code, amounts in balances.items() if code.startswith(klass) and any(amounts))
        if klass == ASSET_CLASS:
            codes = sorted(set(codes) | {Account.CASH.value})
        return StatementSection(title, tuple(
            StatementLine(code, names.get(code, code), sign * balances.get(code, (0, 0))[0],
                          sign * balances.get(code, (0, 0))[1])
            for code in codes))

    return check_balance_sheet(BalanceSheet(
        as_of=end, previous_as_of=previous_end,
        assets=section("Aset", ASSET_CLASS, -1),
        liabilities=section("Kewajiban", LIABILITY_CLASS, 1),
        equity=section("Ekuitas", EQUITY_CLASS, 1),
    ))


def _balances_at_end(session: Session, year: int) -> dict[str, int]:
    kept = closing.closing_balances(session, year)
    return closing.journal_balances(session, year_bounds(year)[1]) if kept is None else kept


def _surplus(session: Session, actor: Actor, year: int) -> SurplusStatement:
    this, before = closing.year_figures(session, actor, year), closing.year_figures(session, actor, year - 1)
    names = accounts.account_names(session)

    def section(title: str, current, previous) -> StatementSection:
        now = {line.account.value: line.amount for line in current}
        then = {line.account.value: line.amount for line in previous}
        return StatementSection(title, tuple(
            StatementLine(code, names.get(code, code), now.get(code, 0), then.get(code, 0))
            for code in sorted(set(now) | set(then))))

    return SurplusStatement(year, section("Pendapatan", this.income, before.income),
                            section("Beban", this.expenses, before.expenses))


def _cash_flow(session: Session, year: int) -> CashFlow:
    """Direct method: the year's entries that move cash, their other lines grouped by account."""
    start, end = year_bounds(year)
    cash = aliased(JournalLine)
    moved = (
        select(cash.entry_id).join(JournalEntry, JournalEntry.id == cash.entry_id)
        .where(cash.account == Account.CASH.value, JournalEntry.entry_date.between(start, end))
    )
    rows = session.execute(
        select(JournalLine.account, func.sum(JournalLine.credit), func.sum(JournalLine.debit))
        .where(JournalLine.entry_id.in_(moved), JournalLine.account != Account.CASH.value)
        .group_by(JournalLine.account).order_by(JournalLine.account)
    ).all()
    names = accounts.account_names(session)
    lines = {activity: [] for activity in CashActivity}
    for code, received, paid in rows:
        lines[cash_activity(code)].append(CashFlowLine(code, names.get(code, code), int(received or 0), int(paid or 0)))
    opening, closing_cash = (
        int(session.scalar(
            select(func.coalesce(func.sum(JournalLine.debit - JournalLine.credit), 0))
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalLine.account == Account.CASH.value, JournalEntry.entry_date <= day)) or 0)
        for day in (year_bounds(year - 1)[1], end)
    )
    return check_cash_flow(CashFlow(year, opening, tuple(CashFlowSection(activity, tuple(found))
                                                         for activity, found in lines.items()), closing_cash))


def _work(session: Session, actor: Actor, year: int) -> tuple[WorkFigure, ...]:
    """Beranda's figures as of 31 December, with the year's members joined and left."""
    start, end = year_bounds(year)
    figures = dashboard.figures(session, actor, as_of=end)
    joined, left = session.execute(
        select(func.count().filter(Member.join_date.between(start, end)),
               func.count().filter(Member.left_on.between(start, end)))
    ).one()
    members, loans, trainings, sales = "Anggota", "Pinjaman", "Pelatihan", "Penjualan"
    book = figures.loans.book
    return (
        WorkFigure(members, "Anggota pada 31 Desember", figures.members.total, Unit.COUNT),
        WorkFigure(members, "di antaranya perempuan", figures.members.women, Unit.COUNT),
        WorkFigure(members, "Anggota masuk dalam tahun ini", int(joined), Unit.COUNT),
        WorkFigure(members, "Anggota keluar dalam tahun ini", int(left), Unit.COUNT),
        WorkFigure(loans, "Pinjaman dicairkan dalam tahun ini", figures.loans.disbursed_in_year, Unit.RUPIAH),
        WorkFigure(loans, "Pinjaman beredar pada 31 Desember", book.loans, Unit.COUNT),
        WorkFigure(loans, "Sisa pokok pinjaman pada 31 Desember", book.outstanding, Unit.RUPIAH),
        WorkFigure(loans, "PAR30 (pinjaman terlambat lebih dari 30 hari)", round(book.par30 * 10_000), Unit.BASIS_POINTS),
        WorkFigure(trainings, "Peserta pelatihan", figures.trainings.year.participants, Unit.COUNT),
        WorkFigure(trainings, "Peserta yang lulus", figures.trainings.year.completed, Unit.COUNT),
        WorkFigure(trainings, "Peserta perempuan", figures.trainings.year.women, Unit.COUNT),
        WorkFigure(sales, "Baris penjualan", figures.sales.year.sales, Unit.COUNT),
        WorkFigure(sales, "Nilai penjualan", figures.sales.year.total, Unit.RUPIAH),
        WorkFigure(sales, "Jasa penjualan koperasi", figures.sales.year.commission, Unit.RUPIAH),
        WorkFigure(sales, "Bagian anggota penitip", figures.sales.year.producer_share, Unit.RUPIAH),
    )


def _attendees(session: Session, day: date) -> tuple[Attendee, ...]:
    rows = session.execute(
        select(Member.number, Member.full_name, func.coalesce(Desa.name, ""))
        .outerjoin(Desa, Desa.id == Member.desa_id)
        .where(Member.join_date <= day, Member.left_on.is_(None) | (Member.left_on > day))
        .order_by(Member.number)
    )
    return tuple(Attendee(number, name, desa) for number, name, desa in rows)
