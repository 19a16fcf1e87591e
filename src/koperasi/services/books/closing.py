"""Closing a financial year under four eyes: the treasurer asks, the chair (another user) approves.

Approval posts the closing entry on 31 December: every income account (4…) and expense account (5…) of the
year is brought to zero against SHU tahun berjalan, and the year is locked: ``ledger.post`` refuses any entry
dated in it (and a trigger refuses it below any service). Years close in order; a year is closed once. The
close also keeps every account's balance at 31 December (``book_closing_balances``): the neraca of a closed
year reads those, not the whole journal up to it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import BookClosing, BookClosingBalance, JournalEntry, JournalLine, ShuDivision, User
from koperasi.domain.books.rules import OWN_CLOSING_REQUEST, check_year_ended, year_bounds
from koperasi.domain.errors import NotFound, PermissionDenied, ValidationError
from koperasi.domain.ledger import EXPENSE_CLASS, INCOME_CLASS, Account, ClosingStatus, Line, check_reason, credit, debit
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission, four_eyes_refusal
from koperasi.services import ledger, reversals
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.transaction import write
from koperasi import clock

CLOSING_KIND = "year_close"


@dataclass(frozen=True, slots=True)
class AccountAmount:
    account: Account
    amount: int  # on the account's side: income as credited, expenses as debited (negative when the other way)

    @property
    def label(self) -> str:
        return self.account.label


@dataclass(frozen=True, slots=True)
class YearFigures:
    """A year's income and expenses per account, and the SHU they leave (negative: a loss)."""

    year: int
    income: tuple[AccountAmount, ...]
    expenses: tuple[AccountAmount, ...]

    @property
    def total_income(self) -> int:
        return sum(line.amount for line in self.income)

    @property
    def total_expenses(self) -> int:
        return sum(line.amount for line in self.expenses)

    @property
    def shu(self) -> int:
        return self.total_income - self.total_expenses


@dataclass(frozen=True, slots=True)
class Closing:
    id: uuid.UUID
    year: int
    status: ClosingStatus
    requested_by: str  # full name
    requested_at: datetime
    decided_by: str  # "" while pending
    decided_at: datetime | None
    decision_note: str
    income: int | None  # as closed
    expenses: int | None
    refusal: str | None  # why the reader may not decide it (no right, own request); None if they may

    @property
    def shu(self) -> int | None:
        return None if self.income is None or self.expenses is None else self.income - self.expenses


def year_figures(session: Session, actor: Actor, year: int) -> YearFigures:
    """What closing ``year`` moves into SHU tahun berjalan: the preview the treasurer and the chair read, and
    (the closing entry left out) what a closed year moved."""
    authorize(session, actor, Permission.USE_APP)
    return _figures(session, year)


def request_closing(session: Session, actor: Actor, year: int, *, request_id: uuid.UUID) -> uuid.UUID:
    """Ask for ``year`` to be closed; another user with the right approves it. A retried save returns the first."""
    with write(session):
        authorize(session, actor, Permission.CLOSE_BOOKS)
        existing = session.get(BookClosing, request_id)
        if existing is not None:
            if existing.year != year:
                raise ledger.key_reused()
            return existing.id
        check_year_ended(year, clock.today())
        _check_not_closed_or_pending(session, year)
        _check_earlier_years_closed(session, year)
        _check_nothing_left_open(session, year)
        row = BookClosing(
            id=request_id, year=year, status=ClosingStatus.PENDING.value, requested_by=actor.user_id,
            requested_at=clock.now(), decision_note="",
        )
        session.add(row)
        session.flush()
        figures = _figures(session, year)
        audit.record(
            session, actor, action=AuditAction.BOOK_CLOSING_REQUESTED, entity="book_closing", entity_id=row.id,
            after={"year": year, "income": format_rupiah(figures.total_income),
                   "expenses": format_rupiah(figures.total_expenses), "shu": format_rupiah(figures.shu)},
        )
        return row.id


def approve_closing(session: Session, actor: Actor, closing_id: uuid.UUID) -> uuid.UUID | None:
    """Close the year: post the closing entry (dated 31 December) and lock the year. Returns the entry's id
    (None for a year without income or expenses); a retried approval posts nothing."""
    with write(session):
        authorize(session, actor, Permission.APPROVE_BOOK_CLOSING)
        row = _locked(session, closing_id)
        if row.status == ClosingStatus.CLOSED.value:
            return row.journal_entry_id
        if row.status == ClosingStatus.REJECTED.value:
            raise ValidationError("Permintaan tutup buku ini sudah ditolak; minta tutup buku lagi bila perlu.")
        if (refusal := four_eyes_refusal(row.requested_by, actor, OWN_CLOSING_REQUEST)) is not None:
            raise PermissionDenied(refusal)
        check_year_ended(row.year, clock.today())
        _check_earlier_years_closed(session, row.year)
        _check_nothing_left_open(session, row.year)
        figures = _figures(session, row.year)
        lines = _closing_lines(figures)
        entry_id = None
        if lines:
            entry_id = ledger.post(
                session, actor, key=uuid.uuid5(row.id, "year-close"), entry_date=year_bounds(row.year)[1],
                kind=CLOSING_KIND, description=f"Tutup buku {row.year}: pendapatan dan beban ke SHU tahun berjalan",
                lines=lines, request={"closing": row.id, "year": row.year},
            ).id
        row.status, row.decided_by, row.decided_at = ClosingStatus.CLOSED.value, actor.user_id, clock.now()
        row.income, row.expenses, row.journal_entry_id = figures.total_income, figures.total_expenses, entry_id
        session.flush()
        session.add_all(BookClosingBalance(closing_id=row.id, account=code, balance=balance)
                        for code, balance in journal_balances(session, year_bounds(row.year)[1]).items())
        session.flush()
        audit.record(
            session, actor, action=AuditAction.BOOKS_CLOSED, entity="book_closing", entity_id=row.id,
            after={"year": row.year, "income": format_rupiah(figures.total_income),
                   "expenses": format_rupiah(figures.total_expenses), "shu": format_rupiah(figures.shu)},
        )
        return entry_id


def reject_closing(session: Session, actor: Actor, closing_id: uuid.UUID, *, reason: str) -> None:
    """Turn the request down (the year stays open; it may be asked for again)."""
    with write(session):
        authorize(session, actor, Permission.APPROVE_BOOK_CLOSING)
        row = _locked(session, closing_id)
        if row.status != ClosingStatus.PENDING.value:
            raise ValidationError("Permintaan tutup buku ini sudah diputuskan.")
        if (refusal := four_eyes_refusal(row.requested_by, actor, OWN_CLOSING_REQUEST)) is not None:
            raise PermissionDenied(refusal)
        note = check_reason(reason, "penolakan")
        row.status, row.decided_by, row.decided_at, row.decision_note = (
            ClosingStatus.REJECTED.value, actor.user_id, clock.now(), note,
        )
        session.flush()
        audit.record(session, actor, action=AuditAction.BOOK_CLOSING_REJECTED, entity="book_closing",
                     entity_id=row.id, after={"year": row.year}, reason=note)


def closings(session: Session, actor: Actor) -> list[Closing]:
    """Every close asked for, newest year first, with whether ``actor`` may decide a pending one."""
    authorize(session, actor, Permission.USE_APP)
    requester, decider = aliased(User), aliased(User)
    rows = session.execute(
        select(BookClosing, requester.full_name, decider.full_name)
        .join(requester, requester.id == BookClosing.requested_by)
        .outerjoin(decider, decider.id == BookClosing.decided_by)
        .order_by(BookClosing.year.desc(), BookClosing.requested_at.desc())
    )
    return [
        Closing(row.id, row.year, ClosingStatus(row.status), asked, row.requested_at, decided or "", row.decided_at,
                row.decision_note, row.income, row.expenses, _refusal(row, actor))
        for row, asked, decided in rows
    ]


def closing_balances(session: Session, year: int) -> dict[str, int] | None:
    """Every account's balance (credits less debits, zeros left out) at the end of ``year`` as kept by its close;
    None while the year is not closed."""
    closing_id = session.scalar(select(BookClosing.id).where(
        BookClosing.year == year, BookClosing.status == ClosingStatus.CLOSED.value))
    if closing_id is None:
        return None
    rows = session.execute(select(BookClosingBalance.account, BookClosingBalance.balance)
                           .where(BookClosingBalance.closing_id == closing_id))
    return {code: balance for code, balance in rows}


def journal_balances(session: Session, day: date) -> dict[str, int]:
    """Every account's balance (credits less debits, zeros left out) at the end of ``day``, from the journal."""
    net = func.sum(JournalLine.credit - JournalLine.debit)
    rows = session.execute(
        select(JournalLine.account, net).join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalEntry.entry_date <= day).group_by(JournalLine.account)
    )
    return {code: int(balance) for code, balance in rows if balance}


def closed_years(session: Session) -> set[int]:
    return set(session.scalars(select(BookClosing.year).where(BookClosing.status == ClosingStatus.CLOSED.value)))


def _refusal(row: BookClosing, actor: Actor) -> str | None:
    if row.status != ClosingStatus.PENDING.value:
        return None
    if not actor.can(Permission.APPROVE_BOOK_CLOSING):
        return "Tutup buku disetujui oleh ketua atau admin."
    return four_eyes_refusal(row.requested_by, actor, OWN_CLOSING_REQUEST)


def _locked(session: Session, closing_id: uuid.UUID) -> BookClosing:
    row = session.get(BookClosing, closing_id, with_for_update=True, populate_existing=True)
    if row is None:
        raise NotFound("Permintaan tutup buku tidak ditemukan.")
    return row


def _check_not_closed_or_pending(session: Session, year: int) -> None:
    status = session.scalar(select(BookClosing.status).where(
        BookClosing.year == year, BookClosing.status != ClosingStatus.REJECTED.value))
    if status == ClosingStatus.CLOSED.value:
        raise ValidationError(f"Tahun buku {year} sudah ditutup; tutup buku tidak dilakukan dua kali.", field="year")
    if status == ClosingStatus.PENDING.value:
        raise ValidationError(f"Tutup buku {year} sudah diminta dan masih menunggu persetujuan.", field="year")


def _check_earlier_years_closed(session: Session, year: int) -> None:
    """Years close in order: every earlier year with postings must already be closed."""
    first = session.scalar(select(func.min(JournalEntry.entry_date)))
    if first is None:
        return
    closed = closed_years(session)
    for earlier in range(first.year, year):
        if earlier not in closed:
            raise ValidationError(
                f"Tahun buku {earlier} belum ditutup. Tutup buku dilakukan berurutan: tutup {earlier} lebih dahulu.",
                field="year",
            )


def _check_nothing_left_open(session: Session, year: int) -> None:
    """What must be settled before the year is locked, all named in one message: a reversal still waiting for a
    movement of the year (once closed, the correction would fall in the next year and the year's figures keep the
    mistake), and the SHU of the year before not yet divided (the RAT decides it before the next year closes)."""
    start, end = year_bounds(year)
    problems = []
    if waiting := reversals.pending_between(session, start, end):
        listed = "; ".join(waiting[:3]) + ("; …" if len(waiting) > 3 else "")
        problems.append(
            f"{len(waiting)} permintaan pembatalan transaksi tahun {year} masih menunggu persetujuan ({listed}). "
            "Setujui atau tolak dulu di Berkas → Pembatalan menunggu persetujuan.")
    before = session.scalar(select(BookClosing).where(
        BookClosing.year == year - 1, BookClosing.status == ClosingStatus.CLOSED.value))
    if (before is not None and (before.income or 0) > (before.expenses or 0)
            and session.scalar(select(ShuDivision.id).where(ShuDivision.year == year - 1)) is None):
        problems.append(f"SHU tahun {year - 1} belum dibagi. Bagi SHU {year - 1} menurut keputusan RAT lebih dahulu.")
    if problems:
        raise ValidationError(
            f"Tahun buku {year} belum dapat ditutup: masih ada yang belum dibukukan. " + " ".join(problems), field="year")


def _figures(session: Session, year: int) -> YearFigures:
    start, end = year_bounds(year)
    rows = session.execute(
        select(JournalLine.account, func.sum(JournalLine.credit) - func.sum(JournalLine.debit))
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalEntry.entry_date.between(start, end), JournalEntry.kind != CLOSING_KIND,  # a closed year's own
               or_(JournalLine.account.like(f"{INCOME_CLASS}%"), JournalLine.account.like(f"{EXPENSE_CLASS}%")))
        .group_by(JournalLine.account).order_by(JournalLine.account)
    )
    income, expenses = [], []
    for code, net_credit in rows:
        net_credit = int(net_credit or 0)
        if net_credit == 0:
            continue
        if code.startswith(INCOME_CLASS):
            income.append(AccountAmount(Account(code), net_credit))
        else:
            expenses.append(AccountAmount(Account(code), -net_credit))
    return YearFigures(year, tuple(income), tuple(expenses))


def _closing_lines(figures: YearFigures) -> list[Line]:
    """Each income and expense account back to zero, the difference to SHU tahun berjalan."""
    lines = []
    for line in figures.income:
        lines.append(debit(line.account, line.amount) if line.amount > 0 else credit(line.account, -line.amount))
    for line in figures.expenses:
        lines.append(credit(line.account, line.amount) if line.amount > 0 else debit(line.account, -line.amount))
    if figures.shu > 0:
        lines.append(credit(Account.SHU_CURRENT, figures.shu))
    elif figures.shu < 0:
        lines.append(debit(Account.SHU_CURRENT, -figures.shu))
    return lines
