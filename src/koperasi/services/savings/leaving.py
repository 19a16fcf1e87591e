"""A member who leaves gets their savings back: pokok and wajib (and any sukarela left) on one kwitansi,
less what a running loan still owes when the clerk sets the savings against it.

The clerk first sees the position (``leaving_position``: each running loan's outstanding principal and
each balance). Setting off pays each loan through the loans area's own repayment (its schedule, kartu,
journal and audit), then records the leaving, then pays the rest out in cash; all in one transaction,
so savings that fall short of the loans leave nothing half done. Each kind's payout is its own movement
and journal entry (a movement owns one entry), split into what went to a loan and what was paid in cash;
the first carries the kwitansi number and every other names it in its reason, so the one kwitansi lists
every kind, what was set against each loan, and the cash the member takes home.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Loan, Member, SavingsMovement
from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.loans.rules import LoanStatus
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.rules import SavingsAction, SavingsKind, change_of
from koperasi.services import ledger
from koperasi.services.access import authorize
from koperasi.services.loans import payments
from koperasi.services.members import register
from koperasi.services.office import audit
from koperasi.services.savings import book
from koperasi.services.transaction import write

ENTRY_KIND = "savings_return"
RETURN_REASON = "Dikembalikan karena keluar, kwitansi {number}"
OFFSET_REASON = "Diperhitungkan dengan pinjaman {loan}, kwitansi {number}"
_RECEIPT_TAIL = ", kwitansi "
_OFFSET_PREFIX = OFFSET_REASON.split("{loan}")[0]


@dataclass(frozen=True, slots=True)
class LoanOwed:
    loan_id: uuid.UUID
    number: str
    outstanding: int  # principal still owed


@dataclass(frozen=True, slots=True)
class LeavingPosition:
    """What the clerk sees before a member leaves: the savings, the running loans, and what setting one
    against the other leaves (cash to pay out, or a shortfall that keeps the member from leaving)."""

    member_id: uuid.UUID
    member_name: str
    balances: dict[SavingsKind, int]
    loans: tuple[LoanOwed, ...]

    @property
    def total(self) -> int:
        return sum(self.balances.values())

    @property
    def owed(self) -> int:
        return sum(loan.outstanding for loan in self.loans)

    @property
    def offset(self) -> int:
        return min(self.total, self.owed)

    @property
    def short(self) -> int:
        return self.owed - self.offset

    @property
    def cash(self) -> int:
        return self.total - self.offset


@dataclass(frozen=True, slots=True)
class SavingsReturn:
    member_id: uuid.UUID
    receipt_number: str
    movement_id: uuid.UUID  # the movement that carries the kwitansi number
    paid: dict[SavingsKind, int]  # each kind's whole balance
    offsets: tuple[tuple[str, int], ...] = ()  # (loan number, amount set against it)

    @property
    def total(self) -> int:
        return sum(self.paid.values())

    @property
    def cash(self) -> int:
        """What the member takes home."""
        return self.total - sum(amount for _, amount in self.offsets)


def leaving_position(session: Session, actor: Actor, member_id: uuid.UUID) -> LeavingPosition:
    authorize(session, actor, Permission.USE_APP)
    return _position(session, book.member_of(session, member_id))


def _position(session: Session, member: Member) -> LeavingPosition:
    rows = session.scalars(
        select(Loan).where(Loan.member_id == member.id, Loan.status == LoanStatus.ACTIVE.value).order_by(Loan.number)
    )
    loans = tuple(LoanOwed(loan.id, loan.number, loan.disbursed - loan.principal_paid - loan.written_off) for loan in rows)
    return LeavingPosition(member.id, member.full_name, book.balances(session, member.id), loans)


def leave_with_savings(
    session: Session, actor: Actor, member_id: uuid.UUID, *, left_on: date, reason: str, expected_version: int,
    offset: bool, request_id: uuid.UUID,
) -> SavingsReturn | None:
    """Record a member's leaving and pay out their savings on one kwitansi; with ``offset`` the savings first
    pay every running loan. None when there was nothing saved to pay out."""
    with write(session):
        authorize(session, actor, Permission.RECORD_SAVINGS)
        if not isinstance(left_on, date):
            raise ValidationError("Tanggal keluar wajib diisi.", field="left_on")
        if (earlier := _retried(session, member_id, left_on, request_id)) is not None:
            return earlier
        member = book.member_of(session, member_id)
        position = _position(session, member)
        if offset and member.status == MemberStatus.ACTIVE.value:
            _settle_loans(session, actor, position, paid_on=left_on, request_id=request_id)
        register.record_leaving(session, actor, member.id, left_on=left_on, reason=reason, expected_version=expected_version)
        if position.total == 0:
            return None
        return _pay_out(session, actor, member, position, occurred_on=left_on, request_id=request_id)


def return_savings(
    session: Session, actor: Actor, member_id: uuid.UUID, *, occurred_on: date, request_id: uuid.UUID,
    offset: bool = False,
) -> SavingsReturn:
    """Pay a member who has left everything they saved, on one kwitansi; a loan still running is refused
    unless ``offset`` sets the savings against it first."""
    with write(session):
        authorize(session, actor, Permission.RECORD_SAVINGS)
        if not isinstance(occurred_on, date):
            raise ValidationError("Tanggal transaksi wajib diisi.", field="occurred_on")
        if (earlier := _retried(session, member_id, occurred_on, request_id)) is not None:
            return earlier
        member = book.member_of(session, member_id)
        if member.status != MemberStatus.LEFT.value:
            raise ValidationError(
                f"{member.full_name} masih anggota aktif. Catat dahulu keluarnya di tab Anggota; "
                "simpanan pokok dan wajib hanya dikembalikan kepada anggota yang keluar."
            )
        book.check_day(occurred_on, member)
        if member.left_on is not None and occurred_on < member.left_on:
            raise ValidationError(
                f"Tanggal pengembalian tidak boleh sebelum tanggal keluar ({member.left_on:%d-%m-%Y}).", field="occurred_on"
            )
        position = _position(session, member)
        if position.total == 0:
            raise ValidationError(f"{member.full_name} tidak mempunyai saldo simpanan untuk dikembalikan.")
        if position.loans and not offset:
            loan = position.loans[0]
            raise ValidationError(
                f"{member.full_name} masih berutang {format_rupiah(loan.outstanding)} pada pinjaman {loan.number}. "
                "Lunasi dahulu di tab Pinjaman, atau perhitungkan simpanannya dengan pinjaman itu."
            )
        _settle_loans(session, actor, position, paid_on=occurred_on, request_id=request_id)
        return _pay_out(session, actor, member, position, occurred_on=occurred_on, request_id=request_id)


def _settle_loans(session: Session, actor: Actor, position: LeavingPosition, *, paid_on: date, request_id: uuid.UUID) -> None:
    """Pay every running loan from the savings, through the loans area's repayment; refused, naming the
    loans, when the savings fall short."""
    if position.short:
        names = ", ".join(loan.number for loan in _uncovered(position))
        raise ValidationError(
            f"Simpanan {position.member_name} ({format_rupiah(position.total)}) tidak cukup: sesudah diperhitungkan, "
            f"pinjaman {names} masih kurang {format_rupiah(position.short)}. Lunasi kekurangannya dahulu di tab Pinjaman."
        )
    for loan in position.loans:
        payments.repay(session, actor, loan.loan_id, amount=loan.outstanding, paid_on=paid_on,
                       request_id=uuid.uuid5(request_id, f"loan:{loan.loan_id}"))


def _uncovered(position: LeavingPosition) -> list[LoanOwed]:
    left, uncovered = position.total, []
    for loan in position.loans:
        if loan.outstanding > left:
            uncovered.append(loan)
        left = max(0, left - loan.outstanding)
    return uncovered


def _pieces(position: LeavingPosition) -> list[tuple[SavingsKind, int, str | None]]:
    """Each kind's balance split into what goes to each loan (pokok first, then wajib, then sukarela) and
    what is paid in cash: (kind, amount, loan number or None for cash)."""
    owed = [[loan.number, loan.outstanding] for loan in position.loans]
    pieces: list[tuple[SavingsKind, int, str | None]] = []
    for kind, balance in position.balances.items():
        for debt in owed:
            taken = min(balance, debt[1])
            if taken:
                pieces.append((kind, taken, debt[0]))
                balance, debt[1] = balance - taken, debt[1] - taken
        if balance > 0:
            pieces.append((kind, balance, None))
    return pieces


def _keys(request_id: uuid.UUID, kind: SavingsKind, index: int) -> uuid.UUID:
    """The journal key of a kind's ``index``-th piece (the first keeps the key of a payout in one piece)."""
    return uuid.uuid5(request_id, kind.value if index == 0 else f"{kind.value}:{index}")


def _retried(session: Session, member_id: uuid.UUID, occurred_on: date, request_id: uuid.UUID) -> SavingsReturn | None:
    request = {"member": member_id, "occurred_on": occurred_on}
    done = [entry.id for kind in SavingsKind
            if (entry := ledger.find_entry(session, _keys(request_id, kind, 0), ENTRY_KIND, request=request)) is not None]
    if not done:
        return None
    rows = session.scalars(select(SavingsMovement).where(SavingsMovement.journal_entry_id.in_(done)))
    return _summary(return_lines(session, next(row for row in rows if row.receipt_number)))


def _pay_out(
    session: Session, actor: Actor, member: Member, position: LeavingPosition, *, occurred_on: date, request_id: uuid.UUID
) -> SavingsReturn:
    request = {"member": member.id, "occurred_on": occurred_on}
    number = book.receipt_number(session, on=occurred_on)
    first: SavingsMovement | None = None
    counts = dict.fromkeys(SavingsKind, 0)
    for kind, amount, loan in _pieces(position):
        if loan is None:
            described, reason = "(keluar)", RETURN_REASON.format(number=number)
        else:
            described, reason = f"untuk pinjaman {loan}", OFFSET_REASON.format(loan=loan, number=number)
        entry = ledger.post(
            session, actor, key=_keys(request_id, kind, counts[kind]), entry_date=occurred_on, kind=ENTRY_KIND,
            description=f"Pengembalian {kind.label.lower()} {member.number} {member.full_name} {described}",
            lines=[debit(kind.account, amount), credit(Account.CASH, amount)], request=request,
        )
        counts[kind] += 1
        row = book.add_movement(
            session, actor, member, kind=kind, action=SavingsAction.WITHDRAWAL, amount=amount,
            change=change_of(SavingsAction.WITHDRAWAL, amount), occurred_on=occurred_on, journal_entry_id=entry.id,
            receipt=number if first is None else None, reason=reason,
        )
        first = first or row
    result = _summary(return_lines(session, first))
    audit.record(
        session, actor, action=AuditAction.SAVINGS_RETURNED, entity="member", entity_id=member.id,
        after={"receipt_number": number, "occurred_on": occurred_on.isoformat(),
               **{kind.label: format_rupiah(amount) for kind, amount in result.paid.items()},
               **{f"Pinjaman {loan}": format_rupiah(amount) for loan, amount in result.offsets},
               "Tunai": format_rupiah(result.cash)},
    )
    return result


def _summary(rows: list[SavingsMovement]) -> SavingsReturn:
    """A leaving kwitansi's movements (the numbered one first) as one result: each kind's total and what
    was set against each loan."""
    paid: dict[SavingsKind, int] = {}
    offsets: dict[str, int] = {}
    for row in rows:
        kind = SavingsKind(row.kind)
        paid[kind] = paid.get(kind, 0) + row.amount
        if row.reason.startswith(_OFFSET_PREFIX):
            loan = row.reason[len(_OFFSET_PREFIX):].rsplit(_RECEIPT_TAIL, 1)[0]
            offsets[loan] = offsets.get(loan, 0) + row.amount
    return SavingsReturn(rows[0].member_id, rows[0].receipt_number or "", rows[0].id, paid, tuple(offsets.items()))


def summary_of(session: Session, movement: SavingsMovement) -> SavingsReturn:
    """The leaving kwitansi ``movement`` belongs to, as one result (for its paper)."""
    return _summary(return_lines(session, movement))


def is_leaving(movement: SavingsMovement) -> bool:
    return movement.reason.startswith((RETURN_REASON.split("{number}")[0], _OFFSET_PREFIX))


def return_lines(session: Session, movement: SavingsMovement) -> list[SavingsMovement]:
    """The movements paid out on the same leaving kwitansi as ``movement``, the numbered one first
    (just ``movement`` when it is an ordinary deposit or withdrawal)."""
    if not is_leaving(movement):
        return [movement]
    tail = _RECEIPT_TAIL + movement.reason.rsplit(_RECEIPT_TAIL, 1)[1]
    rows = session.scalars(
        select(SavingsMovement).where(
            SavingsMovement.member_id == movement.member_id, SavingsMovement.reason.endswith(tail, autoescape=True),
            SavingsMovement.action == SavingsAction.WITHDRAWAL.value,
        )
    )
    return sorted(rows, key=lambda row: (row.receipt_number is None, list(SavingsKind).index(SavingsKind(row.kind)),
                                         row.created_at))
