"""What each loan paper says: kwitansi, kartu pinjaman and a group's collection sheet.

Builds the plain values of domain.loan_papers from the records; printing them is the
reports' job. A receipt for a movement that was later reversed comes back marked
cancelled, so a reprint says BATAL.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    Desa,
    FundSource,
    Kecamatan,
    Loan,
    LoanInstallment,
    LoanMovement,
    LoanProduct,
    LoanSchedule,
    Member,
    MemberGroup,
    User,
)
from koperasi.domain.dates import format_date
from koperasi.domain.errors import NotFound
from koperasi.domain.loans.papers import (
    CardMovement,
    CollectionLine,
    CollectionSheet,
    LoanCard,
    Receipt,
    ReceiptLine,
    ScheduleLine,
)
from koperasi.domain.loans.rules import (
    Frequency,
    Installment,
    LoanStatus,
    MovementKind,
    allocate,
    installment_status,
    schedule_state,
)
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office.profile import current_office


@dataclass(frozen=True, slots=True)
class _Step:
    """One movement on the loan's history, with what it did to the balance."""

    movement: LoanMovement
    change: int  # what this row did to the balance: a reversal undoes its original's change
    balance: int
    installments: tuple[int, ...]
    reversed_by: LoanMovement | None
    reverses: LoanMovement | None = None  # for a reversal: the movement it cancels


def _history(session: Session, loan: Loan) -> list[_Step]:
    rows = list(
        session.scalars(
            select(LoanMovement).where(LoanMovement.loan_id == loan.id)
            .order_by(LoanMovement.occurred_on, LoanMovement.created_at)
        )
    )
    by_id = {row.id: row for row in rows}
    reversals = {row.reversal_of_id: row for row in rows if row.reversal_of_id}
    schedules = list(session.scalars(select(LoanSchedule).where(LoanSchedule.loan_id == loan.id).order_by(LoanSchedule.schedule_no)))
    amounts = {
        number: [amount for (amount,) in session.execute(
            select(LoanInstallment.amount).where(LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == number)
            .order_by(LoanInstallment.number))]
        for number in {schedule.schedule_no for schedule in schedules}
    }
    balance = paid = 0
    steps = []
    for row in rows:
        kind = MovementKind(row.kind)
        installments: tuple[int, ...] = ()
        if kind is MovementKind.REVERSAL:
            change = -_effect(by_id[row.reversal_of_id])
        else:
            # A reversed repayment never paid an installment: allocation counts only those that stand.
            if kind is MovementKind.REPAYMENT and row.id not in reversals:
                schedule = _in_force(schedules, row.occurred_on)
                if schedule is not None:
                    share = allocate(amounts[schedule.schedule_no], paid - schedule.paid_before, row.amount)
                    installments = tuple(item.number for item in share)
                paid += row.amount
            change = _effect(row)
        balance += change
        steps.append(_Step(row, change, balance, installments, reversals.get(row.id), by_id.get(row.reversal_of_id)))
    return steps


def _effect(movement: LoanMovement) -> int:
    kind = MovementKind(movement.kind)
    if kind is MovementKind.DISBURSEMENT:
        return movement.amount
    if kind in (MovementKind.REPAYMENT, MovementKind.WRITE_OFF):
        return -movement.amount
    return 0


def _in_force(schedules: list[LoanSchedule], on: date) -> LoanSchedule | None:
    started = [schedule for schedule in schedules if schedule.effective_on <= on]
    return started[-1] if started else (schedules[0] if schedules else None)


def _installment_text(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return ""
    return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}\u2013{numbers[-1]}"


def _loan(session: Session, loan_id: uuid.UUID) -> Loan:
    loan = session.get(Loan, loan_id)
    if loan is None:
        raise NotFound("Pinjaman tidak ditemukan.")
    return loan


def receipt_for(session: Session, actor: Actor, movement_id: uuid.UUID, *, place: str = "") -> Receipt:
    """The kwitansi of a disbursement, an admin fee or a repayment (reprints included)."""
    authorize(session, actor, Permission.USE_APP)
    movement = session.get(LoanMovement, movement_id)
    if movement is None or MovementKind(movement.kind) not in _RECEIPT_TITLES:
        raise NotFound("Transaksi ini tidak memiliki kwitansi.")
    loan = _loan(session, movement.loan_id)
    member = session.get(Member, loan.member_id)
    office = current_office(session)
    step = next(step for step in _history(session, loan) if step.movement.id == movement.id)
    kind = MovementKind(movement.kind)
    clerk = session.get(User, movement.created_by).full_name
    office_name = office.profile.name
    if kind is MovementKind.DISBURSEMENT:
        received_from, received_by, signer = office_name, member.full_name, "Yang menerima (peminjam)"
        purpose = f"Pencairan pinjaman modal usaha {loan.number}: {loan.purpose}"
    else:
        received_from, received_by, signer = member.full_name, clerk, "Yang menerima (petugas)"
        if kind is MovementKind.ADMIN_FEE:
            purpose = f"Biaya administrasi pinjaman {loan.number}"
        else:
            numbers = _installment_text(step.installments)
            purpose = f"Pembayaran angsuran{' ke-' + numbers if numbers else ''} pinjaman {loan.number}"
    return Receipt(
        office=office.profile,
        title=_RECEIPT_TITLES[kind],
        number=movement.receipt_number or "",
        issued_on=movement.occurred_on,
        place=place or (office.kecamatan_name or "Sarolangun"),
        received_from=received_from,
        received_by=received_by,
        signer_label=signer,
        amount=movement.amount,
        purpose=purpose,
        lines=(ReceiptLine(kind.label, movement.amount),),
        member_number=member.number,
        paid_by_member=kind is not MovementKind.DISBURSEMENT,
        loan_number=loan.number,
        remaining_balance=_balance_when_recorded(session, movement) if kind is not MovementKind.ADMIN_FEE else None,
        clerk_name=clerk,
        cancelled=step.reversed_by is not None,
        cancel_reason=step.reversed_by.reason if step.reversed_by is not None else "",
    )


def _balance_when_recorded(session: Session, movement: LoanMovement) -> int:
    """The balance the receipt said at the counter: every movement recorded up to this one, in the
    order they were saved, so a reprint matches the original even when a payment was backdated."""
    rows = list(session.scalars(
        select(LoanMovement).where(LoanMovement.loan_id == movement.loan_id, LoanMovement.created_at <= movement.created_at)
    ))
    by_id = {row.id: row for row in rows}
    return sum(
        -_effect(by_id[row.reversal_of_id]) if MovementKind(row.kind) is MovementKind.REVERSAL else _effect(row)
        for row in rows
    )


_RECEIPT_TITLES = {
    MovementKind.DISBURSEMENT: "KWITANSI PENCAIRAN PINJAMAN",
    MovementKind.ADMIN_FEE: "KWITANSI BIAYA ADMINISTRASI",
    MovementKind.REPAYMENT: "KWITANSI PEMBAYARAN ANGSURAN",
}


def loan_card(session: Session, actor: Actor, loan_id: uuid.UUID, *, as_of: date) -> LoanCard:
    """Kartu pinjaman: every movement up to ``as_of`` with the balance after it."""
    authorize(session, actor, Permission.USE_APP)
    loan = _loan(session, loan_id)
    member = session.get(Member, loan.member_id)
    desa = session.get(Desa, member.desa_id)
    kecamatan = session.get(Kecamatan, member.kecamatan_code)
    group = session.get(MemberGroup, loan.group_id) if loan.group_id else None
    steps = [step for step in _history(session, loan) if step.movement.occurred_on <= as_of]
    outstanding = steps[-1].balance if steps else 0
    schedule, paid_toward, header = _schedule_as_of(session, loan, steps, as_of)
    state = schedule_state(schedule, paid_toward, as_of)
    return LoanCard(
        office=current_office(session).profile,
        as_of=as_of,
        loan_number=loan.number,
        member_number=member.number,
        member_name=member.full_name,
        member_address=f"Desa {desa.name}, Kec. {kecamatan.name}",
        group_name=group.name if group else "",
        product_name=session.get(LoanProduct, loan.product_id).name,
        fund_name=session.get(FundSource, loan.fund_source_id).name,
        principal=loan.principal,
        term=loan.term,
        frequency_label=Frequency(loan.frequency).label,
        installment=schedule[0].amount if schedule else 0,
        admin_fee=loan.admin_fee,
        purpose=loan.purpose,
        status_label=LoanStatus(loan.status).label,
        applied_on=loan.applied_on,
        disbursed_on=loan.disbursed_on,
        outstanding=outstanding,
        arrears=min(state.arrears, outstanding),
        days_past_due=state.days_past_due if outstanding else 0,
        schedule=tuple(_schedule_lines(schedule, paid_toward, as_of)),
        movements=tuple(_card_movement(step) for step in steps),
        rescheduled_note=(
            f"Dijadwal ulang {format_date(header.effective_on)}: {header.reason}" if header and header.schedule_no > 1 and header.reason else ""
        ),
    )


def _schedule_as_of(session: Session, loan: Loan, steps: list[_Step], as_of: date):
    schedules = list(session.scalars(select(LoanSchedule).where(LoanSchedule.loan_id == loan.id).order_by(LoanSchedule.schedule_no)))
    header = _in_force([s for s in schedules if s.schedule_no <= max(loan.schedule_no, 1)], as_of) if schedules else None
    if header is None:
        return [], 0, None
    schedule = [
        Installment(row.number, row.due_on, row.amount)
        for row in session.scalars(
            select(LoanInstallment).where(LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == header.schedule_no)
            .order_by(LoanInstallment.number)
        )
    ]
    paid = sum(
        step.movement.amount for step in steps
        if MovementKind(step.movement.kind) is MovementKind.REPAYMENT and step.reversed_by is None
    )
    return schedule, paid - header.paid_before, header


def _schedule_lines(schedule: list[Installment], paid: int, as_of: date):
    left = paid
    for item in schedule:
        covered = max(0, min(item.amount, left))
        left -= covered
        yield ScheduleLine(item.number, item.due_on, item.amount, covered, installment_status(item.amount, covered, item.due_on, as_of))


def _card_movement(step: _Step) -> CardMovement:
    movement = step.movement
    kind = MovementKind(movement.kind)
    description = kind.label
    if kind is MovementKind.REVERSAL:
        # Named by the receipt it cancels, so the row can be matched with the one it puts back.
        cancelled = step.reverses.receipt_number if step.reverses is not None else ""
        description = f"Pembatalan {cancelled}: {movement.reason}" if cancelled else f"Pembatalan: {movement.reason}"
    elif kind is MovementKind.WRITE_OFF:
        description = f"Hapus buku: {movement.reason}"
    return CardMovement(
        occurred_on=movement.occurred_on,
        description=description,
        installments=_installment_text(step.installments),
        receipt_number=movement.receipt_number or "",
        increase=max(0, step.change),
        decrease=max(0, -step.change),
        balance=step.balance,
        cancelled=step.reversed_by is not None,
    )


def collection_sheet(session: Session, actor: Actor, group_id: uuid.UUID, *, meeting_on: date) -> CollectionSheet:
    """What each member of the group owes at the meeting, for the sheet and the entry screen."""
    authorize(session, actor, Permission.USE_APP)
    group = session.get(MemberGroup, group_id)
    if group is None:
        raise NotFound("Kelompok tidak ditemukan.")
    desa = session.get(Desa, group.desa_id) if group.desa_id else None
    chair = session.get(Member, group.chair_member_id) if group.chair_member_id else None
    lines = []
    rows = session.execute(
        select(Loan, Member.number, Member.full_name)
        .join(Member, Member.id == Loan.member_id)
        .where(Loan.group_id == group_id, Loan.status == LoanStatus.ACTIVE.value)
        .order_by(Member.full_name, Loan.number)
    )
    for loan, member_number, member_name in rows:
        header = session.get(LoanSchedule, (loan.id, loan.schedule_no))
        schedule = [
            Installment(row.number, row.due_on, row.amount)
            for row in session.scalars(
                select(LoanInstallment).where(LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == loan.schedule_no)
                .order_by(LoanInstallment.number)
            )
        ]
        paid = loan.principal_paid - header.paid_before
        state = schedule_state(schedule, paid, meeting_on)
        due_now = [item for item in schedule if item.due_on <= meeting_on]
        latest = due_now[-1] if due_now else None
        covered_before_latest = sum(item.amount for item in due_now[:-1])
        latest_unpaid = 0 if latest is None else max(0, latest.amount - max(0, paid - covered_before_latest))
        lines.append(
            CollectionLine(
                loan_id=str(loan.id), member_number=member_number, member_name=member_name, loan_number=loan.number,
                installment_due=latest_unpaid, arrears=state.arrears - latest_unpaid,
                outstanding=loan.disbursed - loan.principal_paid - loan.written_off,
            )
        )
    return CollectionSheet(
        office=current_office(session).profile, group_name=group.name, desa=desa.name if desa else "",
        chair_name=chair.full_name if chair else "", meeting_on=meeting_on, lines=tuple(lines),
    )
