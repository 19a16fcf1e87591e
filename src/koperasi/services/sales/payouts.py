"""Paying producers what their sales earned: one, or everyone owed, for a period; corrections by reversal.

The payable of a producer is always their shares of standing sales minus standing payouts
(sales_book.payable_to); a payout can never take it below zero, and the journal's
"Hutang hasil penjualan anggota" account equals the sum of all payables (ledger_checks).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from koperasi.db.models import JournalEntry, Payout, Sale, SaleLine
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.ledger import check_reason
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.paging import page_bounds
from koperasi.domain.reversals import ReversalKind
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.sales.rules import Producer
from koperasi.services import ledger, reversals
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import the_office
from koperasi.services.sales import running
from koperasi.services.sales.book import (
    payable_to,
    producer_name,
    producer_of,
    standing_payouts,
    standing_sale_lines,
)
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class Payable:
    producer: Producer
    name: str
    identity: str
    earned: int  # shares of standing sales, all time
    paid: int  # standing payouts, all time
    earned_in_period: int  # shares of sales in the period asked for

    @property
    def owed(self) -> int:
        return self.earned - self.paid


def payables(session: Session, actor: Actor, *, period_from: date | None = None, period_to: date | None = None,
             owed_only: bool = True) -> list[Payable]:
    """Every producer's account: what they earned, were paid, and are owed now."""
    authorize(session, actor, Permission.USE_APP)
    lines = standing_sale_lines().add_columns(Sale.sold_on).subquery()
    in_period = [condition for condition in (period_from is not None and lines.c.sold_on >= period_from,
                                             period_to is not None and lines.c.sold_on <= period_to) if condition is not False]
    share_in_period = case((and_(*in_period), lines.c.producer_share), else_=0) if in_period else lines.c.producer_share
    earned: dict[Producer, list[int]] = defaultdict(lambda: [0, 0, 0])
    # Summed by the database: every sale line as a Python row held ~50 MB at 100,000 lines.
    for member_id, group_id, total, in_chosen_period in session.execute(
        select(lines.c.member_id, lines.c.group_id, func.sum(lines.c.producer_share), func.sum(share_in_period))
        .group_by(lines.c.member_id, lines.c.group_id)
    ):
        account = earned[Producer(member_id=member_id, group_id=group_id)]
        account[0] += int(total)
        account[2] += int(in_chosen_period)
    paid = standing_payouts().subquery()
    for member_id, group_id, amount in session.execute(
        select(paid.c.member_id, paid.c.group_id, func.sum(paid.c.amount)).group_by(paid.c.member_id, paid.c.group_id)
    ):
        earned[Producer(member_id=member_id, group_id=group_id)][1] += int(amount)
    rows = []
    for producer, (total, paid_out, in_period) in earned.items():
        if owed_only and total - paid_out <= 0:
            continue
        name = producer_name(session, producer)
        rows.append(Payable(producer, name.name, name.identity, total, paid_out, in_period))
    return sorted(rows, key=lambda row: (row.name.lower(), row.identity))


@dataclass(frozen=True, slots=True)
class PaidOut:
    id: uuid.UUID
    number: str
    producer: Producer
    amount: int


def pay_producer(
    session: Session, actor: Actor, producer: Producer, *, amount: int, paid_on: date, request_id: uuid.UUID,
    period_from: date | None = None, period_to: date | None = None,
) -> PaidOut:
    """Pay a producer part or all of what they are owed; more than that is refused."""
    with write(session):
        authorize(session, actor, Permission.PAY_PRODUCERS)
        return _pay(session, actor, producer, amount=amount, paid_on=paid_on, key=request_id,
                    period=(period_from, period_to),
                    request={"producer": producer, "amount": amount, "paid_on": paid_on, "period": (period_from, period_to)})


def pay_all(
    session: Session, actor: Actor, *, paid_on: date, request_id: uuid.UUID, period_from: date | None = None,
    period_to: date | None = None,
) -> list[PaidOut]:
    """Pay every producer all they are owed, one slip each, all or nothing."""
    with write(session):
        authorize(session, actor, Permission.PAY_PRODUCERS)
        # A retried save returns the slips it made the first time: by then nobody is owed any more
        # (or someone new is), so the list of payables cannot tell what the first save paid.
        request = {"pay_all": True, "paid_on": paid_on, "period": (period_from, period_to)}
        earlier = _paid_under(session, request_id, request)
        if earlier:
            return earlier
        owed = payables(session, actor, period_from=period_from, period_to=period_to)
        if not owed:
            raise ValidationError("Tidak ada penitip yang perlu dibayar.")
        return [
            _pay(session, actor, row.producer, amount=row.owed, paid_on=paid_on, key=_pay_all_key(request_id, row.producer),
                 period=(period_from, period_to), request=request)
            for row in owed
        ]


def _pay_all_key(request_id: uuid.UUID, producer: Producer) -> uuid.UUID:
    return uuid.uuid5(request_id, f"{producer.member_id}/{producer.group_id}")


def _paid_under(session: Session, request_id: uuid.UUID, request: dict[str, object]) -> list[PaidOut]:
    """The payouts an earlier pay_all with this ``request_id`` saved (only producers with sales can have one);
    refused when that pay_all was for another day or period."""
    producers = {Producer(member_id=m, group_id=g) for m, g in session.execute(select(SaleLine.member_id, SaleLine.group_id).distinct())}
    if not producers:
        return []
    keys = [_pay_all_key(request_id, producer) for producer in producers]
    rows = list(session.execute(
        select(Payout, JournalEntry).join(JournalEntry, JournalEntry.id == Payout.journal_entry_id)
        .where(JournalEntry.idempotency_key.in_(keys))
    ))
    for _, entry in rows:
        ledger.check_same_request(entry, request)
    return sorted((PaidOut(row.id, row.number or "", producer_of(row), row.amount) for row, _ in rows),
                  key=lambda paid: producer_name(session, paid.producer).name.lower())


def _pay(session: Session, actor: Actor, producer: Producer, *, amount: int, paid_on: date, key: uuid.UUID,
         period: tuple[date | None, date | None], request: dict[str, object]) -> PaidOut:
    existing = ledger.find_entry(session, key, "payout", request=request)
    if existing is not None:
        row = session.scalar(select(Payout).where(Payout.journal_entry_id == existing.id))
        return PaidOut(row.id, row.number or "", producer_of(row), row.amount)
    name = producer_name(session, producer)
    if type(amount) is not int or amount <= 0:
        raise ValidationError("Jumlah pembayaran harus rupiah bulat lebih dari nol.", field="amount")
    owed = payable_to(session, producer)
    if amount > owed:
        raise ValidationError(
            f"{name.name} hanya berhak {format_rupiah(max(owed, 0))}; tidak dapat dibayar {format_rupiah(amount)}.",
            field="amount",
        )
    if paid_on > clock.today():
        raise ValidationError("Tanggal bayar tidak boleh di masa depan.", field="paid_on")
    period_from, period_to = period
    if period_from and period_to and period_from > period_to:
        raise ValidationError("Awal periode sesudah akhir periode.", field="period_from")
    number = next_number(session, office_code=the_office(session).code, doc_type=DocumentType.PAYOUT, year=paid_on.year)
    entry = ledger.post(session, actor, key=key, entry_date=paid_on, kind="payout",
                        description=f"Pembayaran hasil penjualan {number} kepada {name.name}",
                        lines=[debit(Account.PRODUCER_PAYABLE, amount), credit(Account.CASH, amount)], request=request)
    row = Payout(
        id=uuid.uuid4(), number=number, member_id=producer.member_id, group_id=producer.group_id, amount=amount,
        paid_on=paid_on, period_from=period_from, period_to=period_to, reason="", journal_entry_id=entry.id,
        created_by=actor.user_id, created_at=clock.now(),
    )
    session.add(row)
    session.flush()
    running.count_payout(session, producer.member_id or producer.group_id, amount)
    audit.record(session, actor, action=AuditAction.PAYOUT_MADE, entity="payout", entity_id=row.id,
                 after={"number": number, "producer": name.name, "amount": format_rupiah(amount)})
    return PaidOut(row.id, number, producer, amount)


def request_payout_reversal(
    session: Session, actor: Actor, payout_id: uuid.UUID, *, reason: str, request_id: uuid.UUID
) -> uuid.UUID:
    """Ask for a payout made by mistake to be cancelled; another user approves it (four eyes)."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SALES)
        if (known := reversals.known_request(session, request_id, ReversalKind.PAYOUT, payout_id)) is not None:
            return known
        original, reason = _reversible_payout(session, payout_id, reason)
        return reversals.open_request(
            session, actor, kind=ReversalKind.PAYOUT, target_id=original.id,
            summary=f"Pembayaran {original.number} kepada {producer_name(session, producer_of(original)).name}",
            amount=original.amount, reason=reason, request_id=request_id,
        )


def approve_payout_reversal(session: Session, actor: Actor, reversal_request_id: uuid.UUID) -> uuid.UUID:
    """Approve another user's request: what the payout paid is owed again; its slip reprints BATAL."""
    with write(session):
        authorize(session, actor, Permission.REVERSE_SALES)
        request = reversals.claim(session, actor, reversal_request_id, ReversalKind.PAYOUT)
        if request.result_id is not None:
            return request.result_id
        original, reason = _reversible_payout(session, request.target_id, request.reason)
        entry = ledger.post_reversal(session, actor, original_id=original.journal_entry_id, key=request.id,
                                     entry_date=clock.today(), description=f"Pembatalan pembayaran {original.number}: {reason}",
                                     request={"payout": original.id})
        row = Payout(
            id=uuid.uuid4(), number=None, member_id=original.member_id, group_id=original.group_id, amount=original.amount,
            paid_on=clock.today(), reversal_of_id=original.id, reason=reason, journal_entry_id=entry.id,
            created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        running.count_payout(session, original.member_id or original.group_id, -original.amount)
        audit.record(session, actor, action=AuditAction.PAYOUT_REVERSED, entity="payout", entity_id=original.id,
                     before={"number": original.number, "amount": format_rupiah(original.amount)}, reason=reason)
        reversals.settle(session, actor, request, row.id)
        return row.id


def _reversible_payout(session: Session, payout_id: uuid.UUID, reason: str) -> tuple[Payout, str]:
    original = session.get(Payout, payout_id)
    if original is None or original.reversal_of_id is not None:
        raise NotFound("Pembayaran tidak ditemukan.")
    if session.scalar(select(Payout.id).where(Payout.reversal_of_id == payout_id)):
        raise ValidationError("Pembayaran ini sudah dibatalkan.")
    return original, check_reason(reason, "pembatalan")


@dataclass(frozen=True, slots=True)
class PayoutRow:
    id: uuid.UUID
    number: str
    paid_on: date
    producer: str
    amount: int
    cancelled: bool


def recent_payouts(session: Session, actor: Actor, *, producer: Producer | None = None, limit: int = 200) -> list[PayoutRow]:
    authorize(session, actor, Permission.USE_APP)
    cancelled = set(session.scalars(select(Payout.reversal_of_id).where(Payout.reversal_of_id.is_not(None))))
    query = select(Payout).where(Payout.reversal_of_id.is_(None)).order_by(Payout.paid_on.desc(), Payout.created_at.desc())
    if producer is not None:
        query = query.where(Payout.member_id == producer.member_id if producer.member_id else Payout.group_id == producer.group_id)
    return [
        PayoutRow(row.id, row.number or "", row.paid_on, producer_name(session, producer_of(row)).name, row.amount,
                  row.id in cancelled)
        for row in session.scalars(query.limit(page_bounds(0, limit, most=5000)[1]))
    ]


