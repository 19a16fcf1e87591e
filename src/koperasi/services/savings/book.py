"""Building blocks every savings write and read shares: balances, the rates in force, a numbered movement.

Not a public service: callers have opened the write transaction (or a read) and checked the actor's right.
Balances are sums of the movements' signed ``change``; every writer takes the database's write turn
first (services/transaction.write), so a balance read inside a write cannot change before it commits.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import Member, SavingsMovement, SavingsRate
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.roles import Actor
from koperasi.domain.savings.rules import Rate, SavingsAction, SavingsKind
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import the_office
from koperasi import clock


def member_of(session: Session, member_id: uuid.UUID) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("Anggota tidak ditemukan.")
    return member


def require_active(member: Member) -> None:
    if member.status != MemberStatus.ACTIVE.value:
        raise ValidationError(f"{member.full_name} sudah keluar dari koperasi; simpanannya tidak menerima transaksi baru.")


def check_day(day: date, member: Member) -> None:
    if day > clock.today():
        raise ValidationError("Tanggal transaksi tidak boleh di masa depan.", field="occurred_on")
    if day < member.join_date:
        raise ValidationError(
            f"Tanggal transaksi tidak boleh sebelum {member.full_name} menjadi anggota ({member.join_date:%d-%m-%Y}).",
            field="occurred_on",
        )


def balances(session: Session, member_id: uuid.UUID) -> dict[SavingsKind, int]:
    """The member's balance of each kind (0 for a kind never saved)."""
    rows = session.execute(
        select(SavingsMovement.kind, func.sum(SavingsMovement.change))
        .where(SavingsMovement.member_id == member_id).group_by(SavingsMovement.kind)
    )
    found = {SavingsKind(kind): int(total) for kind, total in rows}
    return {kind: found.get(kind, 0) for kind in SavingsKind}


def wajib_deposited(session: Session, member_id: uuid.UUID) -> int:
    """Standing wajib deposits (withdrawals are only made when leaving, and do not pay arrears)."""
    return int(session.scalar(
        select(func.coalesce(func.sum(SavingsMovement.change), 0)).where(
            SavingsMovement.member_id == member_id, SavingsMovement.kind == SavingsKind.WAJIB.value,
            SavingsMovement.action != SavingsAction.WITHDRAWAL.value,
        )
    ))


def rates_of(session: Session, kind: SavingsKind) -> list[Rate]:
    rows = session.execute(
        select(SavingsRate.effective_from, SavingsRate.amount).where(SavingsRate.kind == kind.value)
        .order_by(SavingsRate.effective_from)
    )
    return [Rate(day, int(amount)) for day, amount in rows]


def receipt_number(session: Session, *, on: date) -> str:
    """The next kwitansi number: savings share the office's one receipt sequence with loans."""
    return next_number(session, office_code=the_office(session).code, doc_type=DocumentType.RECEIPT, year=on.year)


def add_movement(
    session: Session,
    actor: Actor,
    member: Member,
    *,
    kind: SavingsKind,
    action: SavingsAction,
    amount: int,
    change: int,
    occurred_on: date,
    journal_entry_id: uuid.UUID,
    receipt: str | None,
    reversal_of: uuid.UUID | None = None,
    reason: str = "",
) -> SavingsMovement:
    movement = SavingsMovement(
        id=uuid.uuid4(), member_id=member.id, kind=kind.value, action=action.value, occurred_on=occurred_on,
        amount=amount, change=change, receipt_number=receipt, reversal_of_id=reversal_of, reason=reason,
        journal_entry_id=journal_entry_id, created_by=actor.user_id, created_at=clock.now(),
    )
    session.add(movement)
    session.flush()
    return movement


@dataclass(frozen=True, slots=True)
class Movement:
    """What a deposit, withdrawal or reversal saved, as the dialog and the receipt need it."""

    id: uuid.UUID
    member_id: uuid.UUID
    kind: SavingsKind
    action: SavingsAction
    amount: int
    receipt_number: str  # "" on a reversal
    balance: int  # of this kind, after it


def movement_result(session: Session, row: SavingsMovement, *, balance: int | None = None) -> Movement:
    """The saved movement as the dialog needs it; ``balance`` when the caller knows it (the save itself),
    otherwise the balance as it stood right after the movement was recorded (a retry, a reprint)."""
    if balance is not None:
        return Movement(row.id, row.member_id, SavingsKind(row.kind), SavingsAction(row.action), row.amount,
                        row.receipt_number or "", balance)
    balance = int(session.scalar(
        select(func.coalesce(func.sum(SavingsMovement.change), 0)).where(
            SavingsMovement.member_id == row.member_id, SavingsMovement.kind == row.kind,
            SavingsMovement.created_at <= row.created_at,
        )
    ))
    return Movement(row.id, row.member_id, SavingsKind(row.kind), SavingsAction(row.action), row.amount,
                    row.receipt_number or "", balance)
