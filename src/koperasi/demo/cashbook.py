"""Demonstration cash book: the office's own expenses (stationery, electricity in an account the office added,
honoraria, transport, training costs) and its grants and other income from January of last year up to today, so
last year, which the demo closes, has a whole year of them; written in bulk like the demo's savings (BKM/BKK
numbers, journal entries, audit events and all)."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlalchemy.orm import Session

from koperasi.db.models import AuditEvent, CashEntry, JournalEntry, JournalLine
from koperasi.demo.writing import bulk_insert, event_time
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.ledger import Account, AccountGroup, credit, debit
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.numbering import format_document_number
from koperasi.domain.roles import Actor
from koperasi.services import accounts
from koperasi.services.office.numbering import reserve_sequence
from koperasi.services.office.profile import the_office

ELECTRICITY = "5301"  # added by the office: the program has no such account of its own

# (account, description, party, lowest, highest amount, times a month)
_MONTHLY = (
    (Account.OPERATING_EXPENSE.value, "Alat tulis kantor dan fotokopi", "Toko Sinar Jaya", 80_000, 350_000, 2),
    (ELECTRICITY, "Listrik dan air kantor", "PLN ULP Sarolangun", 250_000, 420_000, 1),
    (Account.HONORARIA_EXPENSE.value, "Honor pengurus dan kasir", "", 1_500_000, 1_500_000, 1),
    (Account.TRANSPORT_EXPENSE.value, "Transport petugas ke pertemuan kelompok", "", 50_000, 150_000, 3),
)


@dataclass(frozen=True, slots=True)
class _Planned:
    direction: CashDirection
    account: str
    day: date
    amount: int
    description: str
    party: str


def fill_cash_book(session: Session, actor: Actor, *, today: date) -> int:
    """Every month from January of last year up to ``today``; returns the number of entries."""
    rng = random.Random(21)
    accounts.add_account(session, actor, group=AccountGroup.EXPENSE, code=ELECTRICITY, name="Beban listrik dan air")
    planned: list[_Planned] = []
    for index in range((today.year - 1) * 12, today.year * 12 + today.month):
        year, month = index // 12, index % 12 + 1
        last_day = today.day if (year, month) == (today.year, today.month) else 28
        day = partial(_day_in, rng, year, month, last_day)
        for code, description, party, low, high, times in _MONTHLY:
            for _ in range(times):
                amount = rng.randint(low // 1_000, high // 1_000) * 1_000
                planned.append(_Planned(CashDirection.EXPENSE, code, day(), amount, description, party))
        if month % 3 == 0:
            planned.append(_Planned(CashDirection.EXPENSE, Account.TRAINING_EXPENSE.value, day(), rng.randint(8, 20) * 100_000,
                                    "Konsumsi dan bahan pelatihan", "Rumah Makan Minang Jaya"))
        if month in (1, 7):
            planned.append(_Planned(CashDirection.INCOME, Account.GRANT_INCOME.value, day(), 25_000_000,
                                    "Hibah operasional tahap " + ("I" if month == 1 else "II"), "Dinas Koperasi dan UKM"))
        if rng.random() < 0.3:
            planned.append(_Planned(CashDirection.INCOME, Account.OTHER_INCOME.value, day(), rng.randint(1, 5) * 100_000,
                                    "Sewa tenda dan kursi untuk acara desa", ""))
    _write(session, actor, rng, planned)
    return len(planned)


def _day_in(rng: random.Random, year: int, month: int, last_day: int) -> date:
    return date(year, month, rng.randint(1, last_day))


def _write(session: Session, actor: Actor, rng: random.Random, planned: list[_Planned]) -> None:
    """What ``services.cashbook.entries.record`` would write for each, in date order."""
    planned.sort(key=lambda item: item.day)
    office_code = the_office(session).code
    counts: dict[tuple[CashDirection, int], int] = defaultdict(int)
    for item in planned:
        counts[(item.direction, item.day.year)] += 1
    next_numbers = {key: reserve_sequence(session, office_code=office_code, doc_type=key[0].document, year=key[1], count=count)
                    for key, count in counts.items()}
    per_day: dict[date, int] = defaultdict(int)
    entries, lines, rows, audits = [], [], [], []
    for item in planned:
        key = (item.direction, item.day.year)
        number = format_document_number(item.direction.document, office_code, item.day.year, next_numbers[key])
        next_numbers[key] += 1
        per_day[item.day] += 1
        stamp = event_time(item.day, 2_000 + per_day[item.day])  # after the day's loan and savings events
        entry_id = uuid.UUID(int=rng.getrandbits(128))
        entries.append({
            "id": entry_id, "idempotency_key": uuid.UUID(int=rng.getrandbits(128)), "entry_date": item.day,
            "kind": "cash_income" if item.direction is CashDirection.INCOME else "cash_expense",
            "description": f"{item.direction.label}: {item.description}", "reversal_of_id": None, "created_by": actor.user_id,
            "created_at": stamp,
        })
        target = Account(item.account)
        pair = ((debit(Account.CASH, item.amount), credit(target, item.amount)) if item.direction is CashDirection.INCOME
                else (debit(target, item.amount), credit(Account.CASH, item.amount)))
        lines += [{"entry_id": entry_id, "account": line.account.value, "fund_source_id": None, "debit": line.debit,
                   "credit": line.credit} for line in pair]
        row_id = uuid.UUID(int=rng.getrandbits(128))
        rows.append({
            "id": row_id, "direction": item.direction.value, "account": item.account, "occurred_on": item.day,
            "amount": item.amount, "change": item.direction.change(item.amount), "description": item.description,
            "party": item.party, "voucher_number": number, "reversal_of_id": None, "reason": "", "journal_entry_id": entry_id,
            "created_by": actor.user_id, "created_at": stamp,
        })
        audits.append({
            "occurred_at": stamp, "user_id": actor.user_id, "username": actor.username,
            "action": (AuditAction.CASH_RECEIVED if item.direction is CashDirection.INCOME else AuditAction.CASH_SPENT).value,
            "entity": "cash_entry", "entity_id": str(row_id), "before": None, "reason": None,
            "after": {"voucher_number": number, "account": item.account, "amount": format_rupiah(item.amount),
                      "occurred_on": item.day.isoformat(), "description": item.description},
        })
    for model, table_rows in ((JournalEntry, entries), (JournalLine, lines), (CashEntry, rows), (AuditEvent, audits)):
        bulk_insert(session, model, table_rows)
