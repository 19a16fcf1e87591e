"""The office's own income and expenses, and their reversals under four eyes.

Each entry writes its row, a BKM or BKK number from the office's gapless counter, a balanced journal
entry (cash against the income or expense account) and an audit event in one transaction. The
dialog's request id becomes the entry's key: a retried save returns the first result and posts
nothing; the same id with other content is refused.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import CashEntry
from koperasi.domain.cashbook.rules import CashDirection, check_amount, check_day, check_description, check_party
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import Account, check_reason, credit, debit
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.reversals import ReversalKind
from koperasi.domain.roles import Actor, Permission
from koperasi.services import ledger, reversals
from koperasi.services.access import authorize
from koperasi.services.accounts import usable_account
from koperasi.services.office import audit
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import the_office
from koperasi.services.transaction import write
from koperasi import clock

_ENTRY_KINDS = {CashDirection.INCOME: "cash_income", CashDirection.EXPENSE: "cash_expense"}


@dataclass(frozen=True, slots=True)
class RecordedEntry:
    id: uuid.UUID
    direction: CashDirection
    voucher_number: str
    account: str
    amount: int
    occurred_on: date


def record(
    session: Session, actor: Actor, *, direction: CashDirection, account: str, amount: int, occurred_on: date,
    description: str, party: str = "", request_id: uuid.UUID,
) -> RecordedEntry:
    """Record money the office received (income) or paid (an expense) that is not a loan, sale or saving."""
    with write(session):
        authorize(session, actor, Permission.RECORD_CASH)
        try:
            direction = CashDirection(direction)
        except ValueError:
            raise ValidationError("Pilih pemasukan atau pengeluaran.", field="direction") from None
        code = account.value if isinstance(account, Account) else account
        request = {"direction": direction, "account": code, "amount": amount, "occurred_on": occurred_on,
                   "description": description, "party": party}
        entry_kind = _ENTRY_KINDS[direction]
        if (existing := ledger.find_entry(session, request_id, entry_kind, request=request)) is not None:
            return _result(session.scalars(select(CashEntry).where(CashEntry.journal_entry_id == existing.id)).one())
        amount = check_amount(amount)
        occurred_on = check_day(occurred_on, clock.today())
        description = check_description(description)
        party = check_party(party, direction)
        target = usable_account(session, code, direction.group)
        if direction is CashDirection.INCOME:
            lines = [debit(Account.CASH, amount), credit(target, amount)]
        else:
            lines = [debit(target, amount), credit(Account.CASH, amount)]
        entry = ledger.post(
            session, actor, key=request_id, entry_date=occurred_on, kind=entry_kind,
            description=f"{direction.label}: {description}", lines=lines, request=request,
        )
        number = next_number(session, office_code=the_office(session).code, doc_type=direction.document,
                             year=occurred_on.year)
        row = CashEntry(
            id=uuid.uuid4(), direction=direction.value, account=target.value, occurred_on=occurred_on, amount=amount,
            change=direction.change(amount), description=description, party=party, voucher_number=number,
            reversal_of_id=None, reason="", journal_entry_id=entry.id, created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor,
            action=AuditAction.CASH_RECEIVED if direction is CashDirection.INCOME else AuditAction.CASH_SPENT,
            entity="cash_entry", entity_id=row.id,
            after={"voucher_number": number, "account": target.value, "amount": format_rupiah(amount),
                   "occurred_on": occurred_on.isoformat(), "description": description},
        )
        return _result(row)


def _result(row: CashEntry) -> RecordedEntry:
    return RecordedEntry(row.id, CashDirection(row.direction), row.voucher_number or "", row.account, row.amount,
                         row.occurred_on)


def request_cash_reversal(session: Session, actor: Actor, entry_id: uuid.UUID, *, reason: str, request_id: uuid.UUID) -> uuid.UUID:
    """Ask for a mistaken entry to be cancelled; another user approves it (four eyes)."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_CASH)
        if (known := reversals.known_request(session, request_id, ReversalKind.CASH_ENTRY, entry_id)) is not None:
            return known
        original, reason = _reversible(session, entry_id, reason)
        direction = CashDirection(original.direction)
        return reversals.open_request(
            session, actor, kind=ReversalKind.CASH_ENTRY, target_id=original.id,
            summary=f"{direction.label} {original.voucher_number}: {original.description}",
            amount=original.amount, reason=reason, request_id=request_id,
        )


def approve_cash_reversal(session: Session, actor: Actor, reversal_request_id: uuid.UUID) -> uuid.UUID:
    """Approve another user's request: the entry's mirror image is posted today (the original stays and its
    voucher reprints BATAL). Returns the reversal row's id; a retried approval posts nothing."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_CASH)
        request = reversals.claim(session, actor, reversal_request_id, ReversalKind.CASH_ENTRY)
        if request.result_id is not None:
            return request.result_id
        original, reason = _reversible(session, request.target_id, request.reason)
        today = clock.today()
        entry = ledger.post_reversal(
            session, actor, original_id=original.journal_entry_id, key=request.id, entry_date=today,
            description=f"Pembatalan {original.voucher_number}: {reason}", request={"cash_entry": original.id},
        )
        row = CashEntry(
            id=uuid.uuid4(), direction=original.direction, account=original.account, occurred_on=today,
            amount=original.amount, change=-original.change, description=original.description, party=original.party,
            voucher_number=None, reversal_of_id=original.id, reason=reason, journal_entry_id=entry.id,
            created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor, action=AuditAction.CASH_REVERSED, entity="cash_entry", entity_id=original.id,
            before={"voucher_number": original.voucher_number, "account": original.account,
                    "amount": format_rupiah(original.amount)},
            reason=reason,
        )
        reversals.settle(session, actor, request, row.id)
        return row.id


def _reversible(session: Session, entry_id: uuid.UUID, reason: str) -> tuple[CashEntry, str]:
    original = session.get(CashEntry, entry_id)
    if original is None:
        raise NotFound("Transaksi kas tidak ditemukan.")
    reason = check_reason(reason, "pembatalan")
    if original.reversal_of_id is not None:
        raise ValidationError("Pembatalan tidak dapat dibatalkan; catat transaksi yang benar sebagai transaksi baru.")
    if session.scalar(select(CashEntry.id).where(CashEntry.reversal_of_id == original.id)) is not None:
        raise ValidationError("Transaksi ini sudah dibatalkan.")
    return original, reason
