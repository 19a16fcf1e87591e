"""Demonstration savings: the AD/ART amounts, a year of pokok, wajib and sukarela for some members
(a few of them behind on wajib). The rates go through the savings services; the movements, like the demo's
loans, are written in bulk (kwitansi numbers, journal entries, audit events and all): through the deposit
service one by one they took most of the demo's time."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from koperasi.db.models import AuditEvent, JournalEntry, JournalLine, Member, SavingsMovement
from koperasi.demo.writing import bulk_insert, event_time
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.numbering import DocumentType, format_document_number
from koperasi.domain.roles import Actor
from koperasi.domain.savings.rules import SavingsAction, SavingsKind, change_of, first_of_month, pokok_owed, wajib_due
from koperasi.services.office.numbering import reserve_sequence
from koperasi.services.office.profile import the_office
from koperasi.services.savings import book, rates

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
        select(Member.id, Member.join_date, Member.number, Member.full_name).where(Member.status == "aktif").order_by(Member.join_date, Member.number).limit(savers)
    ).all()
    pokok_rates, wajib_rates = book.rates_of(session, SavingsKind.POKOK), book.rates_of(session, SavingsKind.WAJIB)
    planned: list[_Planned] = []
    for member in members:
        start = max(member.join_date, wajib_from)
        planned.append(_Planned(member, SavingsKind.POKOK, SavingsAction.DEPOSIT, pokok_owed(member.join_date, pokok_rates), start))
        last_paid_month = _months_before(first_of_month(today), rng.randint(3, 6)) if rng.random() < 0.2 else today
        paid, sukarela, month = 0, 0, first_of_month(start)
        while month <= today:
            day = min(today, max(member.join_date, month.replace(day=5 + rng.randint(0, 10))))
            due = wajib_due(member.join_date, min(month, last_paid_month), wajib_rates) - paid
            if (month.month % 3 == 0 or month == first_of_month(today)) and due > 0:
                planned.append(_Planned(member, SavingsKind.WAJIB, SavingsAction.DEPOSIT, due, day))
                paid += due
            if rng.random() < 0.15:
                amount = rng.choice((25_000, 50_000, 100_000, 250_000))
                planned.append(_Planned(member, SavingsKind.SUKARELA, SavingsAction.DEPOSIT, amount, day))
                sukarela += amount
            month = _months_before(month, -1)
        if sukarela >= 100_000 and rng.random() < 0.5:
            planned.append(_Planned(member, SavingsKind.SUKARELA, SavingsAction.WITHDRAWAL, sukarela // 2 // 1000 * 1000, today))
    _write(session, actor, rng, planned)
    return SavingsDemoSummary(len(members), len(planned))


@dataclass(frozen=True, slots=True)
class _Planned:
    member: Row  # the member: id, join_date, number, full_name
    kind: SavingsKind
    action: SavingsAction
    amount: int
    day: date


_ENTRY_KINDS = {SavingsAction.DEPOSIT: "savings_deposit", SavingsAction.WITHDRAWAL: "savings_withdrawal"}
_AUDITS = {SavingsAction.DEPOSIT: AuditAction.SAVINGS_DEPOSITED, SavingsAction.WITHDRAWAL: AuditAction.SAVINGS_WITHDRAWN}


def _write(session: Session, actor: Actor, rng: random.Random, planned: list[_Planned]) -> None:
    """What the deposit and withdrawal services would write for each movement, in date order: a kwitansi from
    the office's one receipt sequence, a balanced entry, the movement and an audit event."""
    planned.sort(key=lambda item: item.day)
    office_code = the_office(session).code
    by_year: dict[int, list[_Planned]] = defaultdict(list)
    for item in planned:
        by_year[item.day.year].append(item)
    first_numbers = {year: reserve_sequence(session, office_code=office_code, doc_type=DocumentType.RECEIPT, year=year,
                                            count=len(items)) for year, items in by_year.items()}
    seen_in_year: dict[int, int] = defaultdict(int)
    per_day: dict[date, int] = defaultdict(int)
    entries, lines, rows, audits = [], [], [], []
    for item in planned:
        year, member, kind, action = item.day.year, item.member, item.kind, item.action
        receipt = format_document_number(DocumentType.RECEIPT, office_code, year, first_numbers[year] + seen_in_year[year])
        seen_in_year[year] += 1
        per_day[item.day] += 1
        stamp = event_time(item.day, 1_000 + per_day[item.day])  # after the day's loan events
        entry_id = uuid.UUID(int=rng.getrandbits(128))
        entries.append({
            "id": entry_id, "idempotency_key": uuid.UUID(int=rng.getrandbits(128)), "entry_date": item.day,
            "kind": _ENTRY_KINDS[action], "description": f"{action.label} {kind.label.lower()} {member.number} {member.full_name}"[:250],
            "reversal_of_id": None, "created_by": actor.user_id, "created_at": stamp,
        })
        cash, savings = debit(Account.CASH, item.amount), credit(kind.account, item.amount)
        if action is SavingsAction.WITHDRAWAL:
            cash, savings = credit(Account.CASH, item.amount), debit(kind.account, item.amount)
        lines += [{"entry_id": entry_id, "account": line.account.value, "fund_source_id": None, "debit": line.debit,
                   "credit": line.credit} for line in (cash, savings)]
        rows.append({
            "id": uuid.UUID(int=rng.getrandbits(128)), "member_id": member.id, "kind": kind.value, "action": action.value,
            "occurred_on": item.day, "amount": item.amount, "change": change_of(action, item.amount), "receipt_number": receipt,
            "reversal_of_id": None, "reason": "", "journal_entry_id": entry_id, "created_by": actor.user_id, "created_at": stamp,
        })
        audits.append({
            "occurred_at": stamp, "user_id": actor.user_id, "username": actor.username, "action": _AUDITS[action].value,
            "entity": "member", "entity_id": str(member.id), "before": None, "reason": None,
            "after": {"kind": kind.label, "amount": format_rupiah(item.amount), "receipt_number": receipt,
                      "occurred_on": item.day.isoformat()},
        })
    for model, table_rows in ((JournalEntry, entries), (JournalLine, lines), (SavingsMovement, rows), (AuditEvent, audits)):
        bulk_insert(session, model, table_rows)


def _months_before(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)
