"""The savings papers: the kwitansi of a deposit or withdrawal, in the loan kwitansi's family (same paper,
same printer), and a member's statement for a period.

Savings receipts carry no meterai whatever the amount: documents of money saved with, or paid back
by, a cooperative are free of bea meterai (UU 10/2020 tentang Bea Meterai, Pasal 7; docs/DOMAIN.md).
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, Kecamatan, SavingsMovement, User
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.loans.papers import Receipt, ReceiptLine
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.papers import SavingsStatement, StatementLine
from koperasi.domain.savings.rules import SavingsAction, SavingsKind
from koperasi.services.access import authorize
from koperasi.services.office.profile import current_office
from koperasi.services.savings import book, leaving, queries
from koperasi import clock


def receipt_for(session: Session, actor: Actor, movement_id: uuid.UUID, *, place: str = "") -> Receipt:
    """The kwitansi of a deposit or withdrawal (reprints included; a cancelled one says BATAL)."""
    authorize(session, actor, Permission.USE_APP)
    movement = session.get(SavingsMovement, movement_id)
    if movement is None or SavingsAction(movement.action) is SavingsAction.REVERSAL:
        raise NotFound("Transaksi ini tidak memiliki kwitansi.")
    if movement.receipt_number is None and SavingsAction(movement.action) is SavingsAction.DEPOSIT:
        # an opening balance brought from the old books: no money changed hands
        raise NotFound("Saldo awal dari pembukuan lama tidak memiliki kwitansi.")
    member = book.member_of(session, movement.member_id)
    office = current_office(session)
    clerk = session.get(User, movement.created_by).full_name
    paid_out = leaving.return_lines(session, movement)
    movement = paid_out[0]  # a leaving kwitansi is printed from the movement that carries its number
    kind, action = SavingsKind(movement.kind), SavingsAction(movement.action)
    reversal = session.scalar(select(SavingsMovement).where(SavingsMovement.reversal_of_id.in_([row.id for row in paid_out])))
    if action is SavingsAction.DEPOSIT:
        received_from, received_by, signer = member.full_name, clerk, "Yang menerima (petugas)"
        title, purpose = "KWITANSI SETORAN SIMPANAN", f"Setoran {kind.label.lower()}"
    else:
        received_from, received_by, signer = office.profile.name, member.full_name, "Yang menerima (anggota)"
        title, purpose = "KWITANSI PENARIKAN SIMPANAN", f"Penarikan {kind.label.lower()}"
    leaving_kwitansi = len(paid_out) > 1 or bool(movement.reason)
    if leaving_kwitansi:  # everything is paid out: no balance is left to show
        title, purpose = "KWITANSI PENGEMBALIAN SIMPANAN", "Pengembalian simpanan karena keluar dari koperasi"
    lines = tuple(ReceiptLine(SavingsKind(row.kind).label, row.amount) for row in paid_out)
    amount = sum(row.amount for row in paid_out)
    if leaving_kwitansi:  # each kind once, then what was set against each loan: the amount is the cash paid
        summary = leaving.summary_of(session, movement)
        lines = tuple(ReceiptLine(kind.label, paid) for kind, paid in summary.paid.items()) + tuple(
            ReceiptLine(f"Dipotong pelunasan pinjaman {loan}", -offset) for loan, offset in summary.offsets)
        amount = summary.cash
    return Receipt(
        office=office.profile,
        title=title,
        number=movement.receipt_number or "",
        issued_on=movement.occurred_on,
        place=place or (office.kecamatan_name or "Sarolangun"),
        received_from=received_from,
        received_by=received_by,
        signer_label=signer,
        amount=amount,
        purpose=purpose,
        lines=lines,
        member_number=member.number,
        paid_by_member=action is SavingsAction.DEPOSIT,
        remaining_balance=None if leaving_kwitansi else book.movement_result(session, movement).balance,
        balance_label=f"Saldo {kind.label.lower()}",
        meterai_exempt=True,
        clerk_name=clerk,
        cancelled=reversal is not None,
        cancel_reason=reversal.reason if reversal is not None else "",
    )


def savings_statement(
    session: Session, actor: Actor, member_id: uuid.UUID, *, period_from: date, period_to: date
) -> SavingsStatement:
    """A member's savings from ``period_from`` to ``period_to``: opening balances, each movement, closing balances."""
    authorize(session, actor, Permission.USE_APP)
    if not isinstance(period_from, date) or not isinstance(period_to, date):
        raise ValidationError("Isi tanggal awal dan akhir periode.", field="period_from")
    if period_from > period_to:
        raise ValidationError("Tanggal awal periode tidak boleh sesudah tanggal akhirnya.", field="period_from")
    member = book.member_of(session, member_id)
    desa = session.get(Desa, member.desa_id)
    kecamatan = session.get(Kecamatan, member.kecamatan_code)
    rows = list(session.scalars(
        select(SavingsMovement).where(SavingsMovement.member_id == member.id, SavingsMovement.occurred_on <= period_to)
        .order_by(SavingsMovement.occurred_on, SavingsMovement.created_at)
    ))
    reversed_ids = {row.reversal_of_id for row in rows if row.reversal_of_id}  # within the period: a later one is not yet
    receipts = {row.id: row.receipt_number for row in rows}
    opening = dict.fromkeys(SavingsKind, 0)
    for row in rows:
        if row.occurred_on < period_from:
            opening[SavingsKind(row.kind)] += row.change
    closing, lines = dict(opening), []
    for row in rows:
        if row.occurred_on < period_from:
            continue
        kind, action = SavingsKind(row.kind), SavingsAction(row.action)
        closing[kind] += row.change
        if action is SavingsAction.REVERSAL:
            described = f"Pembatalan {receipts.get(row.reversal_of_id) or ''}: {row.reason}"
        else:
            described = f"{action.label} {kind.label.lower()}"
        lines.append(StatementLine(row.occurred_on, described, row.receipt_number or "", kind, row.change,
                                   sum(closing.values()), row.id in reversed_ids))
    state = queries.member_savings(session, actor, member.id, as_of=period_to).wajib
    return SavingsStatement(
        office=current_office(session).profile, member_number=member.number, member_name=member.full_name,
        member_address=f"Desa {desa.name}, Kec. {kecamatan.name}", joined_on=member.join_date,
        period_from=period_from, period_to=period_to, opening=opening, lines=tuple(lines), closing=closing,
        wajib_arrears=state.arrears, printed_on=clock.today(),
    )
