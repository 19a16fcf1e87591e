"""Demonstration loans for Sarolangun: funds, products and ~18 months of loan histories.

Funds, capital and products go through their services (a handful of calls). The loans
themselves are simulated from a seeded random source (the same data every time) and
written in bulk inside the caller's transaction: 20,000 loans with their repayments are
hundreds of thousands of rows, far too many for one service transaction each. Every row
is what the services would have written for the same history: schedules from
``domain.loans.build_schedule``, gapless receipt and loan numbers from the counters,
a balanced journal entry on the services' accounts for every movement, the loan's
totals equal to its standing movements, and the audit events of each step.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    AuditEvent,
    GroupMembership,
    JournalEntry,
    JournalLine,
    Loan,
    LoanInstallment,
    LoanMovement,
    LoanSchedule,
    Member,
    MemberGroup,
    Office,
)
from koperasi.demo.writing import bulk_insert, event_time, load_staff
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.ledger import Account, Line, check_balanced, credit, debit
from koperasi.domain.loans.products import LoanKind, ProductInput
from koperasi.domain.loans.rules import Frequency, Installment, LoanStatus, MovementKind, build_schedule, due_dates
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.numbering import DocumentType, format_document_number
from koperasi.domain.roles import Actor
from koperasi.services.loans import funds
from koperasi.services.loans import products as loan_products
from koperasi.services.office.numbering import reserve_sequence

HISTORY_DAYS = 540  # about 18 months of lending
CHUNK = 10_000

FUNDS = [
    ("Dana Bergulir Pemkab Sarolangun", "Pemerintah Kabupaten Sarolangun",
     "Dana bergulir APBD untuk usaha mikro anggota koperasi."),
    ("Dana Bergulir Yayasan Perempuan Mandiri Jambi", "Yayasan Perempuan Mandiri Jambi",
     "Hibah LSM untuk kelompok usaha perempuan dengan sistem tanggung renteng."),
    ("Dana CSR PT Agro Sarolangun Lestari", "PT Agro Sarolangun Lestari",
     "Dana tanggung jawab sosial perusahaan untuk pedagang kecil dan petani."),
]


@dataclass(frozen=True, slots=True)
class _Product:
    name: str
    fund: int  # index into FUNDS
    kind: LoanKind
    frequency: Frequency
    min_amount: int
    max_amount: int
    step: int  # principals are multiples of this
    terms: tuple[int, ...]
    rounding: int
    admin_fee: int
    purposes: tuple[str, ...]


PRODUCTS = [
    _Product("Modal Usaha Perorangan", 0, LoanKind.INDIVIDUAL, Frequency.MONTHLY, 1_000_000, 10_000_000, 250_000,
             (6, 10, 12, 12, 18, 24), 1000, 25_000,
             ("Modal warung sembako", "Tambah modal usaha kue", "Beli mesin jahit", "Modal usaha bengkel motor",
              "Modal dagang pakaian", "Beli bibit dan pupuk sawah")),
    _Product("Pinjaman Kelompok Perempuan (Tanggung Renteng)", 1, LoanKind.GROUP, Frequency.BIWEEKLY, 500_000, 5_000_000,
             100_000, (10, 12, 16, 20, 24), 500, 10_000,
             ("Modal anyaman pandan", "Modal usaha keripik", "Modal jualan sayur", "Modal ternak ayam kampung",
              "Modal usaha tempe", "Modal kerajinan rotan")),
    _Product("Modal Pedagang Kecil Mingguan", 2, LoanKind.INDIVIDUAL, Frequency.WEEKLY, 300_000, 3_000_000, 50_000,
             (10, 12, 16, 20, 25), 500, 5_000,
             ("Modal dagang di pasar kalangan", "Modal gerobak gorengan", "Modal jualan ikan sungai",
              "Tambah stok kios pulsa", "Modal jualan buah")),
    _Product("Modal Tani Karet dan Sawit", 0, LoanKind.INDIVIDUAL, Frequency.MONTHLY, 2_000_000, 15_000_000, 500_000,
             (10, 12, 12, 18), 1000, 0,
             ("Beli pupuk kebun karet", "Peremajaan kebun karet", "Beli bibit sawit", "Alat sadap dan pupuk")),
]

REJECTIONS = ["Masih ada tunggakan di koperasi lain", "Usaha belum berjalan, perlu pendampingan dahulu",
              "Dokumen KK dan KTP belum lengkap", "Jumlah pinjaman melebihi kemampuan bayar",
              "Penjamin dari kelompok belum setuju"]
RESCHEDULES = ["Usaha terdampak banjir Sungai Batang Asai", "Harga karet turun, penghasilan berkurang",
               "Anggota sakit dan dirawat di rumah sakit", "Gagal panen karena kemarau"]
WRITE_OFFS = ["Anggota meninggal dunia, ahli waris tidak mampu", "Anggota pindah ke luar provinsi dan tidak dapat dihubungi",
              "Usaha bangkrut, tidak ada harta yang dapat ditagih (keputusan rapat pengurus)"]
DUPLICATE_REASON = "Setoran tercatat dua kali oleh petugas"
WRONG_DISBURSEMENT = "Pencairan salah dicatat; pinjaman belum diterima anggota"

# Repayment behaviours and their weights: most pay on time.
GOOD, LATE, PARTIAL, EARLY, DEFAULT, RESCHEDULE = "good", "late", "partial", "early", "default", "reschedule"
BEHAVIOURS = [(GOOD, 66), (LATE, 14), (PARTIAL, 8), (EARLY, 4), (DEFAULT, 6), (RESCHEDULE, 2)]


@dataclass(frozen=True, slots=True)
class LoanDemoSummary:
    funds: int
    products: int
    loans: int
    movements: int


@dataclass(slots=True)
class _Event:
    day: date
    seq: int
    kind: str  # apply, decide, disburse, repay, reschedule, write_off, reverse
    loan: _Loan
    amount: int = 0
    actor: Actor | None = None
    reason: str = ""
    target: _Event | None = None  # the event a reversal cancels
    group_id: uuid.UUID | None = None
    key: uuid.UUID | None = None
    movement_id: uuid.UUID | None = None
    receipt: str | None = None
    fee_movement_id: uuid.UUID | None = None
    fee_receipt: str | None = None
    fee_entry_id: uuid.UUID | None = None
    entry_id: uuid.UUID | None = None
    lines: list[Line] = field(default_factory=list)
    fee_lines: list[Line] = field(default_factory=list)
    extra: dict | None = None


@dataclass(slots=True)
class _Loan:
    id: uuid.UUID
    member_id: uuid.UUID
    member_number: str
    member_name: str
    group_id: uuid.UUID | None
    product: _Product
    product_id: uuid.UUID
    fund_id: uuid.UUID
    principal: int
    term: int
    purpose: str
    applied_on: date
    applied_by: Actor
    number: str = ""
    status: LoanStatus = LoanStatus.APPLIED
    decided_by: uuid.UUID | None = None
    decided_on: date | None = None
    decision_note: str = ""
    disbursed_on: date | None = None
    first_due_on: date | None = None
    schedule_no: int = 0
    rescheduled: bool = False
    closed_on: date | None = None
    disbursed: int = 0
    principal_paid: int = 0
    written_off: int = 0
    version: int = 1
    schedules: list[tuple[int, date, int, int, str, list[Installment]]] = field(default_factory=list)


@lru_cache(maxsize=None)
def _rp(amount: int) -> str:
    return format_rupiah(amount)


def fill_loans(
    session: Session, count: int, *, today: date, progress: Callable[[str], None] | None = None
) -> LoanDemoSummary:
    """Add funds, products and ``count`` loans with their histories (inside the caller's write transaction)."""
    rng = random.Random(1503_0002)  # not the members' seed
    office = session.scalar(select(Office).order_by(Office.created_at).limit(1))
    assert office is not None
    staff = load_staff(session)
    fund_ids = [
        funds.create_fund(session, staff.admin, name=name, donor=donor, notes=notes) for name, donor, notes in FUNDS
    ]
    product_ids = [
        loan_products.create_product(
            session, staff.admin,
            ProductInput(p.name, fund_ids[p.fund], p.kind, p.min_amount, p.max_amount, min(p.terms), max(p.terms),
                         p.frequency, p.rounding, p.admin_fee),
        )
        for p in PRODUCTS
    ]
    loans: list[_Loan] = []
    events: list[_Event] = []
    if count > 0:
        _simulate(session, rng, staff, today, count, fund_ids, product_ids, loans, events)
    if progress:
        progress(f"{len(loans)} pinjaman disimulasikan")
    _receive_capital(session, rng, staff, today, fund_ids, events)
    movements = _write(session, rng, office.id, office.code, staff, loans, events)
    if progress:
        progress(f"{len(loans)} pinjaman ditulis")
    return LoanDemoSummary(funds=len(fund_ids), products=len(product_ids), loans=len(loans), movements=movements)


# ---------------------------------------------------------------- simulation


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _period_after(day: date, frequency: Frequency) -> date:
    return due_dates(day, 2, frequency)[1]


def _simulate(session, rng, staff, today, count, fund_ids, product_ids, loans, events) -> None:
    start = today - timedelta(days=HISTORY_DAYS)
    rows = session.execute(
        select(Member.id, Member.number, Member.full_name, Member.join_date).where(Member.status == "aktif")
    ).all()
    people = {row.id: row for row in rows}
    free_from = {row.id: max(row.join_date, start) for row in rows}
    pool = [row.id for row in rows]
    groups: dict[uuid.UUID, list[tuple[uuid.UUID, date]]] = defaultdict(list)
    for group_id, member_id, joined_on in session.execute(
        select(GroupMembership.group_id, GroupMembership.member_id, GroupMembership.joined_on)
        .join(MemberGroup, MemberGroup.id == GroupMembership.group_id)
        .where(GroupMembership.left_on.is_(None), MemberGroup.active.is_(True))
        .order_by(GroupMembership.group_id, GroupMembership.member_id)
    ):
        if member_id in people:
            groups[group_id].append((member_id, joined_on))
    group_ids = sorted(groups)
    seq = iter(range(10**9))
    products = list(zip(PRODUCTS, product_ids, strict=True))
    group_product = next((p, pid) for p, pid in products if p.kind is LoanKind.GROUP)
    single_products = [(p, pid) for p, pid in products if p.kind is LoanKind.INDIVIDUAL]
    misses = 0
    while len(loans) < count and misses < 200:
        if group_ids and rng.random() < 0.06:  # a group cycle is 4-12 loans: ~1 loan in 3
            group_id = rng.choice(group_ids)
            applied_on = start + timedelta(days=rng.randint(0, HISTORY_DAYS))
            ready = [m for m, joined in groups[group_id]
                     if free_from.get(m) is not None and max(free_from[m], joined) <= applied_on]
            if len(ready) < 3:
                misses += 1
                continue
            misses = 0
            chosen = rng.sample(ready, min(len(ready), rng.randint(4, 12), count - len(loans)))
            cycle = _GroupCycle(rng, today, applied_on)
            for member_id in chosen:
                loan = _new_loan(rng, staff, people[member_id], group_product, fund_ids, applied_on, group_id)
                _story(rng, staff, today, loan, seq, events, free_from, cycle)
                loans.append(loan)
        else:
            member_id = rng.choice(pool)
            earliest = free_from.get(member_id)
            if earliest is None or earliest > today:
                misses += 1
                continue
            misses = 0
            product = rng.choices(single_products, weights=[45, 35, 20])[0]
            applied_on = earliest + timedelta(days=rng.randint(0, max(0, (today - earliest).days)))
            loan = _new_loan(rng, staff, people[member_id], product, fund_ids, applied_on, None)
            _story(rng, staff, today, loan, seq, events, free_from, None)
            loans.append(loan)


class _GroupCycle:
    """A group borrows together: one decision day, one disbursement day, one meeting rhythm."""

    __slots__ = ("decided_on", "disbursed_on")

    def __init__(self, rng: random.Random, today: date, applied_on: date) -> None:
        self.decided_on = min(today, applied_on + timedelta(days=rng.randint(1, 4)))
        self.disbursed_on = min(today + timedelta(days=1), self.decided_on + timedelta(days=rng.randint(1, 6)))


def _new_loan(rng, staff, person, product_pair, fund_ids, applied_on, group_id) -> _Loan:
    product, product_id = product_pair
    steps = (product.max_amount - product.min_amount) // product.step
    principal = product.min_amount + product.step * min(steps, int(rng.triangular(0, steps, steps * 0.25)))
    return _Loan(
        id=_uuid(rng), member_id=person.id, member_number=person.number, member_name=person.full_name,
        group_id=group_id, product=product, product_id=product_id, fund_id=fund_ids[product.fund],
        principal=principal, term=rng.choice(product.terms), purpose=rng.choice(product.purposes),
        applied_on=applied_on, applied_by=rng.choice(staff.clerks),
    )


def _story(rng, staff, today, loan: _Loan, seq, events, free_from, cycle: _GroupCycle | None) -> None:
    """Decide what happened to the loan up to today and append the events that record it."""

    def add(day: date, kind: str, **values) -> _Event:
        event = _Event(day, next(seq), kind, loan, **values)
        events.append(event)
        return event

    add(loan.applied_on, "apply", actor=loan.applied_by)
    age = (today - loan.applied_on).days
    decided_on = cycle.decided_on if cycle else loan.applied_on + timedelta(days=rng.randint(1, 5))
    if decided_on > today or (age <= 10 and rng.random() < 0.5):
        free_from.pop(loan.member_id, None)  # waiting for a decision
        return
    if rng.random() < 0.05:
        loan.status, loan.decided_by, loan.decided_on = LoanStatus.REJECTED, staff.manager.user_id, decided_on
        loan.decision_note, loan.version = rng.choice(REJECTIONS), loan.version + 1
        add(decided_on, "decide", actor=staff.manager, reason=loan.decision_note, extra={"approved": False})
        free_from[loan.member_id] = decided_on + timedelta(days=rng.randint(30, 120))
        return
    loan.status, loan.decided_by, loan.decided_on, loan.version = LoanStatus.APPROVED, staff.manager.user_id, decided_on, loan.version + 1
    loan.decision_note = rng.choice(["", "", "Usaha layak, survei lapangan baik", "Disetujui rapat pengurus"])
    add(decided_on, "decide", actor=staff.manager, reason=loan.decision_note, extra={"approved": True})
    disbursed_on = cycle.disbursed_on if cycle else decided_on + timedelta(days=rng.randint(0, 6))
    if disbursed_on > today:
        free_from.pop(loan.member_id, None)  # approved, waiting for the cash
        return
    frequency = loan.product.frequency
    first_due = _period_after(disbursed_on, frequency)
    schedule = build_schedule(loan.principal, loan.term, frequency, first_due, loan.product.rounding)
    loan.schedules.append((1, disbursed_on, loan.principal, 0, "", schedule))
    disbursement = add(disbursed_on, "disburse", actor=staff.treasurer, amount=loan.principal)
    loan.status, loan.disbursed, loan.disbursed_on, loan.first_due_on, loan.schedule_no = (
        LoanStatus.ACTIVE, loan.principal, disbursed_on, first_due, 1,
    )
    loan.version += 1
    if (today - disbursed_on).days <= 60 and rng.random() < 0.004:
        # A disbursement entered by mistake and cancelled: the loan goes back to approved.
        cancelled_on = min(today, disbursed_on + timedelta(days=rng.randint(0, 2)))
        add(cancelled_on, "reverse", actor=staff.treasurer, target=disbursement, reason=WRONG_DISBURSEMENT)
        loan.status, loan.disbursed, loan.disbursed_on, loan.first_due_on, loan.schedule_no = (
            LoanStatus.APPROVED, 0, None, None, 0,
        )
        loan.version += 1
        free_from.pop(loan.member_id, None)
        return
    behaviour = rng.choices([b for b, _ in BEHAVIOURS], weights=[w for _, w in BEHAVIOURS])[0]
    if cycle and behaviour in (DEFAULT, RESCHEDULE) and rng.random() < 0.6:
        behaviour = GOOD  # tanggung renteng: the group covers most members who fall behind
    collector = staff.clerks[0] if cycle else None
    last = _pay(rng, staff, today, loan, schedule, 0, disbursed_on, behaviour, add, collector)
    outstanding = loan.disbursed - loan.principal_paid - loan.written_off
    if outstanding and behaviour == RESCHEDULE:
        missed = [item.due_on for item in schedule if item.due_on > last]
        resched_on = (missed[1] if len(missed) > 1 else today) + timedelta(days=rng.randint(10, 40))
        if resched_on < today:
            term = max(2, min(len(missed) + rng.randint(2, 6), outstanding // max(1, loan.product.rounding)))
            first = _period_after(resched_on, frequency)
            new = build_schedule(outstanding, term, frequency, first, loan.product.rounding)
            reason = rng.choice(RESCHEDULES)
            loan.schedules.append((2, resched_on, outstanding, loan.principal_paid, reason, new))
            loan.schedule_no, loan.rescheduled, loan.version = 2, True, loan.version + 1
            add(resched_on, "reschedule", actor=staff.manager, reason=reason,
                extra={"principal": outstanding, "term": term, "frequency": frequency, "first_due_on": first,
                       "installment": new[0].amount})
            last = _pay(rng, staff, today, loan, new, loan.principal_paid, resched_on, GOOD, add, collector)
    outstanding = loan.disbursed - loan.principal_paid - loan.written_off
    if outstanding and behaviour == DEFAULT:
        written_on = max(last, schedule[0].due_on) + timedelta(days=rng.randint(150, 300))
        if written_on <= today and rng.random() < 0.6:
            add(written_on, "write_off", actor=staff.manager, amount=outstanding, reason=rng.choice(WRITE_OFFS))
            loan.written_off += outstanding
            loan.status, loan.closed_on, loan.version = LoanStatus.WRITTEN_OFF, written_on, loan.version + 1
    if loan.status is LoanStatus.PAID_OFF and rng.random() < 0.5:
        free_from[loan.member_id] = loan.closed_on + timedelta(days=rng.randint(3, 60))  # a repeat borrower
    else:
        free_from.pop(loan.member_id, None)


def _pay(rng, staff, today, loan: _Loan, schedule, paid_before, start, behaviour, add, collector) -> date:
    """Repayments against ``schedule`` up to today; returns the day of the last one (or ``start``)."""
    last = start
    stop = rng.randint(0, max(0, len(schedule) // 2)) if behaviour in (DEFAULT, RESCHEDULE) else None
    early_at = rng.randint(1, max(1, len(schedule) - 1)) if behaviour == EARLY else None
    total = sum(item.amount for item in schedule)
    paid = loan.principal_paid - paid_before
    due_so_far = 0
    paid_on = None
    for index, item in enumerate(schedule):
        due_so_far += item.amount
        if stop is not None and index >= stop:
            break
        if behaviour == LATE and rng.random() < 0.5:
            delay = rng.randint(5, 45)
        elif behaviour == PARTIAL:
            delay = rng.randint(0, 20)
        elif collector is not None:
            delay = 0  # paid at the group's meeting
        else:
            delay = rng.randint(-3, 2)
        day = max(last, item.due_on + timedelta(days=delay))
        if day > today:
            break
        amount = due_so_far - paid
        if behaviour == PARTIAL and rng.random() < 0.4:
            amount = amount // 2 - amount // 2 % 500 or amount
        if early_at is not None and index >= early_at:
            amount = total - paid
        amount = min(amount, total - paid)
        if amount <= 0:
            continue
        taker = collector or rng.choice([*staff.clerks, staff.treasurer])
        # A catch-up on a day the member already paid goes over the counter: a group collection lists a loan once.
        in_collection = collector is not None and day != paid_on
        add(day, "repay", actor=taker, amount=amount, group_id=loan.group_id if in_collection else None)
        paid_on = day
        paid += amount
        loan.principal_paid += amount
        loan.version += 1
        last = day
        if paid == total:
            loan.status, loan.closed_on = LoanStatus.PAID_OFF, day
            break
        if total - paid > amount and rng.random() < 0.01:
            # The same payment entered twice; the treasurer cancels the copy a day or two later.
            copy = add(day, "repay", actor=taker, amount=amount)  # at the counter, not in a group collection
            cancelled_on = min(today, day + timedelta(days=rng.randint(0, 2)))
            add(cancelled_on, "reverse", actor=staff.treasurer, target=copy, reason=DUPLICATE_REASON)
            loan.version += 2
        if early_at is not None and index >= early_at:
            break
    return last


def _receive_capital(session, rng, staff, today, fund_ids, events) -> None:
    """Enough capital, in two tranches, that no fund ever lent more than it had."""
    start = today - timedelta(days=HISTORY_DAYS + 20)
    second = today - timedelta(days=HISTORY_DAYS // 2)
    lent: dict[uuid.UUID, int] = defaultdict(int)
    peak_first: dict[uuid.UUID, int] = defaultdict(int)
    peak: dict[uuid.UUID, int] = defaultdict(int)
    for event in sorted(events, key=lambda e: (e.day, e.seq)):
        fund = event.loan.fund_id
        if event.kind == "disburse":
            lent[fund] += event.amount
        elif event.kind == "repay":
            lent[fund] -= event.amount
        elif event.kind == "reverse":
            lent[fund] += event.target.amount if event.target.kind == "repay" else -event.target.amount
        else:
            continue
        peak[fund] = max(peak[fund], lent[fund])
        if event.day < second:
            peak_first[fund] = max(peak_first[fund], lent[fund])
    step = 10_000_000
    for index, fund_id in enumerate(fund_ids):
        first = max(step, -(-int(peak_first[fund_id] * 1.1) // step) * step)
        funds.receive_capital(session, staff.admin, fund_id=fund_id, amount=first, received_on=start + timedelta(days=index),
                              note="Tahap 1", request_id=_uuid(rng))
        more = -(-int(peak[fund_id] * 1.1) // step) * step - first
        if more > 0:
            funds.receive_capital(session, staff.admin, fund_id=fund_id, amount=more, received_on=second + timedelta(days=index),
                                  note="Tahap 2", request_id=_uuid(rng))


# ---------------------------------------------------------------- writing


class _Batch:
    """Rows waiting for their bulk INSERT, in the order the foreign keys need."""

    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session, self.rng = session, rng
        self.entries: list[dict] = []
        self.lines: list[dict] = []
        self.movements: list[dict] = []
        self.reversals: list[dict] = []  # written last: they point at the movements they cancel
        self.audits: list[dict] = []

    def entry(self, key, day, kind, description, stamp, actor, lines: list[Line], reversal_of=None) -> uuid.UUID:
        check_balanced(lines)
        entry_id = _uuid(self.rng)
        self.entries.append({
            "id": entry_id, "idempotency_key": key, "entry_date": day, "kind": kind, "description": description[:250],
            "reversal_of_id": reversal_of, "created_by": actor.user_id, "created_at": stamp,
        })
        self.lines += [
            {"entry_id": entry_id, "account": line.account.value, "fund_source_id": line.fund_source_id,
             "debit": line.debit, "credit": line.credit}
            for line in lines
        ]
        return entry_id

    def movement(self, loan, kind, amount, day, receipt, entry_id, actor, stamp, *, reversal_of=None, reason="") -> uuid.UUID:
        movement_id = _uuid(self.rng)
        (self.reversals if reversal_of else self.movements).append({
            "id": movement_id, "loan_id": loan.id, "kind": kind.value, "occurred_on": day, "amount": amount,
            "receipt_number": receipt, "reversal_of_id": reversal_of, "reason": reason, "journal_entry_id": entry_id,
            "created_by": actor.user_id, "created_at": stamp,
        })
        return movement_id

    def audit(self, stamp, actor, action, entity_id, *, entity="loan", before=None, after=None, reason=None) -> None:
        self.audits.append({
            "occurred_at": stamp, "user_id": actor.user_id, "username": actor.username, "action": action.value,
            "entity": entity, "entity_id": str(entity_id), "before": before, "after": after, "reason": reason,
        })

    def flush(self) -> None:
        for model, rows in ((JournalEntry, self.entries), (JournalLine, self.lines), (LoanMovement, self.movements)):
            bulk_insert(self.session, model, rows)
            rows.clear()


def _write(session, rng, office_id, office_code, staff, loans: list[_Loan], events: list[_Event]) -> int:
    _number_loans(session, office_code, loans)
    events.sort(key=lambda e: (e.day, e.seq))
    _number_receipts(session, office_code, events)
    _write_loans(session, office_id, staff, loans)
    batch = _Batch(session, rng)
    collections: dict[tuple[uuid.UUID, date], tuple[uuid.UUID, list]] = {}
    per_day: dict[date, int] = defaultdict(int)
    for event in events:
        per_day[event.day] += 1
        stamp = event_time(event.day, per_day[event.day])
        loan, actor = event.loan, event.actor
        if event.kind == "apply":
            batch.audit(stamp, actor, AuditAction.LOAN_APPLIED, loan.id, after={
                "number": loan.number, "member": loan.member_number, "principal": _rp(loan.principal), "term": loan.term,
                "purpose": loan.purpose})
        elif event.kind == "decide":
            approved = event.extra["approved"]
            batch.audit(stamp, actor, AuditAction.LOAN_APPROVED if approved else AuditAction.LOAN_REJECTED, loan.id,
                        before={"status": LoanStatus.APPLIED.label},
                        after={"status": (LoanStatus.APPROVED if approved else LoanStatus.REJECTED).label},
                        reason=event.reason or None)
        elif event.kind == "disburse":
            key = _uuid(rng)
            event.lines = [debit(Account.LOANS_RECEIVABLE, event.amount, loan.fund_id), credit(Account.CASH, event.amount)]
            event.entry_id = batch.entry(key, event.day, "loan_disbursement", f"Pencairan pinjaman {loan.number} {loan.member_name}",
                                         stamp, actor, event.lines)
            event.movement_id = batch.movement(loan, MovementKind.DISBURSEMENT, event.amount, event.day, event.receipt,
                                               event.entry_id, actor, stamp)
            fee = loan.product.admin_fee
            if fee:
                event.fee_lines = [debit(Account.CASH, fee), credit(Account.ADMIN_FEE_INCOME, fee)]
                event.fee_entry_id = batch.entry(uuid.uuid5(key, "admin_fee"), event.day, "loan_admin_fee",
                                                 f"Biaya administrasi pinjaman {loan.number}", stamp, actor, event.fee_lines)
                event.fee_movement_id = batch.movement(loan, MovementKind.ADMIN_FEE, fee, event.day, event.fee_receipt,
                                                       event.fee_entry_id, actor, stamp)
            batch.audit(stamp, actor, AuditAction.LOAN_DISBURSED, loan.id, after={
                "amount": _rp(event.amount), "receipt_number": event.receipt, "admin_fee": _rp(fee),
                "occurred_on": event.day.isoformat()})
        elif event.kind == "repay":
            if event.group_id is None:
                key = _uuid(rng)
            else:  # posted with the group's collection: the service keys each loan's entry off the collection's
                slot = collections.get((event.group_id, event.day))
                if slot is None:
                    slot = collections[(event.group_id, event.day)] = (_uuid(rng), [])
                slot[1].append((event.amount, stamp, actor))
                key = uuid.uuid5(slot[0], str(loan.id))
            event.lines = [debit(Account.CASH, event.amount), credit(Account.LOANS_RECEIVABLE, event.amount, loan.fund_id)]
            event.entry_id = batch.entry(key, event.day, "loan_repayment", f"Angsuran pinjaman {loan.number} {loan.member_name}",
                                         stamp, actor, event.lines)
            event.movement_id = batch.movement(loan, MovementKind.REPAYMENT, event.amount, event.day, event.receipt,
                                               event.entry_id, actor, stamp)
            batch.audit(stamp, actor, AuditAction.LOAN_REPAID, loan.id, after={
                "amount": _rp(event.amount), "receipt_number": event.receipt, "occurred_on": event.day.isoformat()})
        elif event.kind == "reschedule":
            extra = event.extra
            batch.audit(stamp, actor, AuditAction.LOAN_RESCHEDULED, loan.id, after={
                "principal": _rp(extra["principal"]), "term": extra["term"], "frequency": extra["frequency"].label,
                "first_due_on": extra["first_due_on"].isoformat(), "installment": _rp(extra["installment"])},
                reason=event.reason)
        elif event.kind == "write_off":
            lines = [debit(Account.WRITTEN_OFF_LOANS, event.amount, loan.fund_id),
                     credit(Account.LOANS_RECEIVABLE, event.amount, loan.fund_id)]
            entry_id = batch.entry(_uuid(rng), event.day, "loan_write_off", f"Hapus buku pinjaman {loan.number}", stamp, actor, lines)
            batch.movement(loan, MovementKind.WRITE_OFF, event.amount, event.day, None, entry_id, actor, stamp, reason=event.reason)
            batch.audit(stamp, actor, AuditAction.LOAN_WRITTEN_OFF, loan.id, after={
                "amount": _rp(event.amount), "occurred_on": event.day.isoformat()}, reason=event.reason)
        elif event.kind == "reverse":
            target, key = event.target, _uuid(rng)
            kind = MovementKind.DISBURSEMENT if target.kind == "disburse" else MovementKind.REPAYMENT
            originals = [(kind, target.entry_id, target.lines, target.movement_id, target.amount, target.receipt, key)]
            if target.fee_movement_id is not None:  # a cancelled disbursement gives back its fee
                originals.append((MovementKind.ADMIN_FEE, target.fee_entry_id, target.fee_lines, target.fee_movement_id,
                                  loan.product.admin_fee, target.fee_receipt, uuid.uuid5(key, "admin_fee")))
            for kind, entry_id, lines, movement_id, amount, receipt, entry_key in originals:
                reversal = batch.entry(entry_key, event.day, "reversal",
                                       f"Pembatalan {kind.label.lower()} {receipt or loan.number}: {event.reason}", stamp, actor,
                                       [line.reversed() for line in lines], reversal_of=entry_id)
                batch.movement(loan, MovementKind.REVERSAL, amount, event.day, None, reversal, actor, stamp,
                               reversal_of=movement_id, reason=event.reason)
                batch.audit(stamp, actor, AuditAction.LOAN_MOVEMENT_REVERSED, loan.id,
                            before={"kind": kind.label, "amount": _rp(amount), "receipt_number": receipt}, reason=event.reason)
        if len(batch.lines) >= CHUNK * 4:
            batch.flush()
    batch.flush()
    bulk_insert(session, LoanMovement, batch.reversals)
    for (group_id, day), (_, paid) in collections.items():
        batch.audit(max(p[1] for p in paid), paid[0][2], AuditAction.GROUP_COLLECTION_POSTED, group_id, entity="group",
                    after={"amount": _rp(sum(p[0] for p in paid)), "rows": len(paid), "occurred_on": day.isoformat()})
    batch.audits.sort(key=lambda row: row["occurred_at"])
    bulk_insert(session, AuditEvent, batch.audits)
    return sum(1 for e in events if e.kind in ("disburse", "repay", "write_off", "reverse"))


def _write_loans(session, office_id, staff, loans: list[_Loan]) -> None:
    loan_rows, schedule_rows, installment_rows = [], [], []
    for loan in loans:
        loan_rows.append({
            "id": loan.id, "number": loan.number, "office_id": office_id, "member_id": loan.member_id,
            "group_id": loan.group_id, "product_id": loan.product_id, "fund_source_id": loan.fund_id,
            "principal": loan.principal, "term": loan.term, "frequency": loan.product.frequency.value,
            "rounding_multiple": loan.product.rounding, "admin_fee": loan.product.admin_fee, "purpose": loan.purpose,
            "status": loan.status.value, "applied_on": loan.applied_on, "applied_by": loan.applied_by.user_id,
            "decided_by": loan.decided_by, "decided_on": loan.decided_on, "decision_note": loan.decision_note,
            "disbursed_on": loan.disbursed_on, "first_due_on": loan.first_due_on, "schedule_no": loan.schedule_no,
            "rescheduled": loan.rescheduled, "closed_on": loan.closed_on, "disbursed": loan.disbursed,
            "principal_paid": loan.principal_paid, "written_off": loan.written_off, "created_at": event_time(loan.applied_on, 0),
            "version": loan.version,
        })
        for number, effective_on, principal, paid_before, reason, schedule in loan.schedules:
            schedule_rows.append({
                "loan_id": loan.id, "schedule_no": number, "effective_on": effective_on, "principal": principal,
                "paid_before": paid_before, "frequency": loan.product.frequency.value, "reason": reason,
                "created_by": (staff.treasurer if number == 1 else staff.manager).user_id, "created_at": event_time(effective_on, 0),
            })
            installment_rows += [
                {"loan_id": loan.id, "schedule_no": number, "number": item.number, "due_on": item.due_on, "amount": item.amount,
                 "cumulative": cumulative}
                for item, cumulative in zip(schedule, accumulate(item.amount for item in schedule))
            ]
    bulk_insert(session, Loan, loan_rows)
    bulk_insert(session, LoanSchedule, schedule_rows)
    bulk_insert(session, LoanInstallment, installment_rows)


def _number_loans(session, office_code, loans: list[_Loan]) -> None:
    """Loan numbers per year in the order the applications came in."""
    by_year: dict[int, list[_Loan]] = defaultdict(list)
    for loan in sorted(loans, key=lambda item: item.applied_on):
        by_year[loan.applied_on.year].append(loan)
    for year, batch in sorted(by_year.items()):
        first = reserve_sequence(session, office_code=office_code, doc_type=DocumentType.LOAN, year=year, count=len(batch))
        for offset, loan in enumerate(batch):
            loan.number = format_document_number(DocumentType.LOAN, office_code, year, first + offset)


def _number_receipts(session, office_code, events: list[_Event]) -> None:
    """Kwitansi numbers per year in the order the cash moved: disbursement, its fee, each repayment."""
    by_year: dict[int, list[tuple[_Event, str]]] = defaultdict(list)
    for event in events:
        if event.kind == "disburse":
            by_year[event.day.year].append((event, "receipt"))
            if event.loan.product.admin_fee:
                by_year[event.day.year].append((event, "fee_receipt"))
        elif event.kind == "repay":
            by_year[event.day.year].append((event, "receipt"))
    for year, batch in sorted(by_year.items()):
        first = reserve_sequence(session, office_code=office_code, doc_type=DocumentType.RECEIPT, year=year, count=len(batch))
        for offset, (event, slot) in enumerate(batch):
            setattr(event, slot, format_document_number(DocumentType.RECEIPT, office_code, year, first + offset))
