"""The life of a loan: application, decision (four eyes), disbursement, reschedule, write-off.

Repayments and reversals are in ``loan_payments``. Every step that moves money posts its
journal entry and audit event in the same transaction as the loan's own rows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import FundSource, GroupMembership, Loan, LoanMovement, LoanProduct, Member, TrainingProgramme
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.loans.products import LoanKind, check_within_product
from koperasi.domain.loans.rules import OPEN_STATUSES, Frequency, LoanStatus, MovementKind, check_principal, check_term, installment_amounts
from koperasi.domain.ledger import check_reason
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.roles import Actor, Permission, four_eyes_refusal
from koperasi.services import ledger
from koperasi.services.office import audit
from koperasi.services.loans import funds
from koperasi.services.loans import book as loan_book
from koperasi.services.access import authorize
from koperasi.services.loans.arrears import days_past_due_today
from koperasi.services.loans.products import product_input
from koperasi.services.trainings.participants import has_completed
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import the_office
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class LoanApplication:
    member_id: uuid.UUID
    product_id: uuid.UUID
    principal: int
    term: int
    purpose: str
    applied_on: date
    group_id: uuid.UUID | None = None


def apply_for_loan(session: Session, actor: Actor, application: LoanApplication, *, request_id: uuid.UUID) -> uuid.UUID:
    """Record an application; ``request_id`` becomes the loan's id, so a retried save adds nothing."""
    with write(session):
        authorize(session, actor, Permission.APPLY_LOANS)
        if session.get(Loan, request_id) is not None:
            return request_id
        product = session.get(LoanProduct, application.product_id)
        if product is None or not product.active:
            raise ValidationError("Pilih produk pinjaman yang aktif.", field="product_id")
        member = session.get(Member, application.member_id)
        if member is None:
            raise NotFound("Anggota tidak ditemukan.")
        terms = product_input(product)
        check_principal(application.principal)
        check_term(application.term)
        check_within_product(terms, application.principal, application.term)
        installment_amounts(application.principal, application.term, product.rounding_multiple)
        purpose = " ".join(application.purpose.split())
        if not 3 <= len(purpose) <= 250:
            raise ValidationError("Tuliskan keperluan pinjaman (3 sampai 250 huruf).", field="purpose")
        loan_book.check_day(application.applied_on, not_before=member.join_date, what="pengajuan")
        check_eligible(session, member, product, application.group_id)
        office = the_office(session)
        loan = Loan(
            id=request_id,
            number=next_number(session, office_code=office.code, doc_type=DocumentType.LOAN, year=application.applied_on.year),
            office_id=office.id, member_id=member.id, group_id=application.group_id, product_id=product.id,
            fund_source_id=product.fund_source_id, principal=application.principal, term=application.term,
            frequency=product.frequency, rounding_multiple=product.rounding_multiple, admin_fee=product.admin_fee,
            purpose=purpose, status=LoanStatus.APPLIED.value, applied_on=application.applied_on,
            applied_by=actor.user_id, decision_note="", schedule_no=0, rescheduled=False,
            disbursed=0, principal_paid=0, written_off=0, created_at=clock.now(),
        )
        session.add(loan)
        session.flush()
        audit.record(
            session, actor, action=AuditAction.LOAN_APPLIED, entity="loan", entity_id=loan.id,
            after={"number": loan.number, "member": member.number, "principal": format_rupiah(loan.principal),
                   "term": loan.term, "purpose": purpose},
        )
        return loan.id


def check_eligible(session: Session, member: Member, product: LoanProduct, group_id: uuid.UUID | None) -> None:
    """The product's eligibility rules; each refusal says what stands in the way."""
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(f"{member.full_name} sudah keluar dari koperasi; tidak dapat meminjam.")
    if LoanKind(product.kind) is LoanKind.GROUP:
        if group_id is None:
            raise ValidationError("Produk ini untuk pinjaman kelompok: pilih kelompoknya.", field="group_id")
        in_group = session.scalar(
            select(GroupMembership.id).where(
                GroupMembership.group_id == group_id, GroupMembership.member_id == member.id,
                GroupMembership.left_on.is_(None),
            )
        )
        if in_group is None:
            raise ValidationError(f"{member.full_name} bukan anggota kelompok itu.", field="group_id")
    elif group_id is not None:
        raise ValidationError("Produk perorangan tidak memakai kelompok.", field="group_id")
    others = session.scalars(select(Loan).where(Loan.member_id == member.id, Loan.status.in_([s.value for s in OPEN_STATUSES])))
    for other in others:
        if other.product_id == product.id:
            raise ValidationError(f"{member.full_name} masih punya pinjaman {other.number} pada produk ini.")
        if days_past_due_today(session, other) > 0:
            raise ValidationError(f"{member.full_name} menunggak pada pinjaman {other.number}; lunasi tunggakan dahulu.")
    if product.required_programme_id is not None and not has_completed(session, member.id, product.required_programme_id):
        programme = session.get(TrainingProgramme, product.required_programme_id)
        raise ValidationError(f"{member.full_name} belum menyelesaikan pelatihan {programme.name}, syarat produk ini.")


def approve_loan(session: Session, actor: Actor, loan_id: uuid.UUID, *, expected_version: int, note: str = "") -> None:
    _decide(session, actor, loan_id, expected_version=expected_version, approve=True, note=note)


def reject_loan(session: Session, actor: Actor, loan_id: uuid.UUID, *, expected_version: int, reason: str) -> None:
    """Refuse an application, or cancel an approval before any money went out (the member gave up, or must
    leave the cooperative first): nothing was booked for it, so a status change is the whole undo."""
    _decide(session, actor, loan_id, expected_version=expected_version, approve=False, note=check_reason(reason, "penolakan"))


OWN_APPLICATION = ("Pengaju tidak boleh memutuskan pinjamannya sendiri: Anda yang mengajukan pinjaman ini, "
                   "jadi pengurus lain yang menyetujui atau menolaknya (prinsip empat mata).")


def decision_refusal(loan: Loan, actor: Actor) -> str | None:
    """Why ``actor`` may not approve or reject ``loan`` although their role decides loans, or None.

    Four eyes: whoever applied does not decide. The screen asks this before offering Setujui
    and Tolak, so the clerk is not refused only after typing a note."""
    return four_eyes_refusal(loan.applied_by, actor, OWN_APPLICATION)


def _decide(session: Session, actor: Actor, loan_id: uuid.UUID, *, expected_version: int, approve: bool, note: str) -> None:
    with write(session):
        authorize(session, actor, Permission.DECIDE_LOANS)
        loan = loan_book.locked_loan(session, loan_id)
        _check_version(loan, expected_version)
        if approve:
            loan_book.require_status(loan, LoanStatus.APPLIED, doing="disetujui")
        else:
            loan_book.require_status(loan, LoanStatus.APPLIED, LoanStatus.APPROVED, doing="ditolak atau dibatalkan")
        if (refusal := decision_refusal(loan, actor)) is not None:
            raise PermissionDenied(refusal)
        before = LoanStatus(loan.status)
        loan.status = (LoanStatus.APPROVED if approve else LoanStatus.REJECTED).value
        loan.decided_by, loan.decided_on, loan.decision_note = actor.user_id, clock.today(), " ".join(note.split())[:500]
        session.flush()
        audit.record(
            session, actor, action=AuditAction.LOAN_APPROVED if approve else AuditAction.LOAN_REJECTED,
            entity="loan", entity_id=loan.id, before={"status": before.label},
            after={"status": LoanStatus(loan.status).label}, reason=loan.decision_note or None,
        )


@dataclass(frozen=True, slots=True)
class Disbursement:
    loan_id: uuid.UUID
    movement_id: uuid.UUID
    receipt_number: str
    fee_movement_id: uuid.UUID | None
    fee_receipt_number: str | None


def disburse_loan(
    session: Session,
    actor: Actor,
    loan_id: uuid.UUID,
    *,
    disbursed_on: date,
    first_due_on: date,
    request_id: uuid.UUID,
    receipt_number: str | None = None,
) -> Disbursement:
    """Pay the principal out of the fund and start the schedule; the admin fee is taken on its own receipt."""
    with write(session):
        authorize(session, actor, Permission.DISBURSE_LOANS)
        request = {"loan": loan_id, "disbursed_on": disbursed_on, "first_due_on": first_due_on, "receipt": receipt_number}
        existing = ledger.find_entry(session, request_id, "loan_disbursement", request=request)
        if existing is not None:
            return _disbursement_of(session, existing.id, request_id)
        loan = loan_book.locked_loan(session, loan_id)
        loan_book.require_status(loan, LoanStatus.APPROVED, doing="dicairkan")
        loan_book.check_day(disbursed_on, not_before=loan.applied_on, what="pencairan")
        if first_due_on <= disbursed_on:
            raise ValidationError("Angsuran pertama jatuh tempo sesudah tanggal pencairan.", field="first_due_on")
        if (first_due_on - disbursed_on).days > 92:
            raise ValidationError("Angsuran pertama paling lambat tiga bulan sesudah pencairan.", field="first_due_on")
        fund = session.get(FundSource, loan.fund_source_id, with_for_update=True)
        available = funds.available_to_lend(session, fund.id)
        if loan.principal > available:
            raise ValidationError(
                f"Dana tersedia di {fund.name} hanya {format_rupiah(max(0, available))}; "
                f"pinjaman {format_rupiah(loan.principal)} belum dapat dicairkan."
            )
        member = session.get(Member, loan.member_id)
        entry = ledger.post(
            session, actor, key=request_id, entry_date=disbursed_on, kind="loan_disbursement",
            description=f"Pencairan pinjaman {loan.number} {member.full_name}",
            lines=[debit(Account.LOANS_RECEIVABLE, loan.principal, fund.id), credit(Account.CASH, loan.principal)],
            request=request,
        )
        main = loan_book.add_movement(
            session, actor, loan, kind=MovementKind.DISBURSEMENT, amount=loan.principal, occurred_on=disbursed_on,
            journal_entry_id=entry.id, receipt=loan_book.receipt_number(session, on=disbursed_on, given=receipt_number),
        )
        fee = None
        if loan.admin_fee:
            fee_entry = ledger.post(
                session, actor, key=uuid.uuid5(request_id, "admin_fee"), entry_date=disbursed_on, kind="loan_admin_fee",
                description=f"Biaya administrasi pinjaman {loan.number}",
                lines=[debit(Account.CASH, loan.admin_fee), credit(Account.ADMIN_FEE_INCOME, loan.admin_fee)],
            )
            fee = loan_book.add_movement(
                session, actor, loan, kind=MovementKind.ADMIN_FEE, amount=loan.admin_fee, occurred_on=disbursed_on,
                journal_entry_id=fee_entry.id, receipt=loan_book.receipt_number(session, on=disbursed_on, given=None),
            )
        loan_book.add_schedule(
            session, actor, loan, principal=loan.principal, term=loan.term, frequency=Frequency(loan.frequency),
            first_due=first_due_on, effective_on=disbursed_on,
        )
        loan.status, loan.disbursed, loan.disbursed_on, loan.first_due_on = LoanStatus.ACTIVE.value, loan.principal, disbursed_on, first_due_on
        session.flush()
        audit.record(
            session, actor, action=AuditAction.LOAN_DISBURSED, entity="loan", entity_id=loan.id,
            after={"amount": format_rupiah(loan.principal), "receipt_number": main.receipt_number,
                   "admin_fee": format_rupiah(loan.admin_fee), "occurred_on": disbursed_on.isoformat()},
        )
        return Disbursement(loan.id, main.id, main.receipt_number, fee.id if fee else None, fee.receipt_number if fee else None)


def _disbursement_of(session: Session, entry_id: uuid.UUID, request_id: uuid.UUID) -> Disbursement:
    main = loan_book.movements_of_entry(session, entry_id)[0]
    fee_entry = ledger.find_entry(session, uuid.uuid5(request_id, "admin_fee"))
    fee = loan_book.movements_of_entry(session, fee_entry.id)[0] if fee_entry else None
    loan_id = session.get(LoanMovement, main.id).loan_id
    return Disbursement(loan_id, main.id, main.receipt_number, fee.id if fee else None, fee.receipt_number if fee else None)


def reschedule_loan(
    session: Session,
    actor: Actor,
    loan_id: uuid.UUID,
    *,
    term: int,
    frequency: Frequency,
    first_due_on: date,
    reason: str,
    expected_version: int,
) -> None:
    """A new schedule for what remains; the old schedule and every payment stay on the card."""
    with write(session):
        authorize(session, actor, Permission.DECIDE_LOANS)
        loan = loan_book.locked_loan(session, loan_id)
        _check_version(loan, expected_version)
        loan_book.require_status(loan, LoanStatus.ACTIVE, doing="dijadwal ulang")
        reason = check_reason(reason, "penjadwalan ulang")
        today = clock.today()
        if first_due_on <= today:
            raise ValidationError("Angsuran pertama jadwal baru harus sesudah hari ini.", field="first_due_on")
        remaining = loan_book.outstanding(loan)
        schedule = loan_book.add_schedule(
            session, actor, loan, principal=remaining, term=term, frequency=Frequency(frequency),
            first_due=first_due_on, effective_on=today, reason=reason,
        )
        loan.rescheduled = True
        session.flush()
        audit.record(
            session, actor, action=AuditAction.LOAN_RESCHEDULED, entity="loan", entity_id=loan.id,
            after={"principal": format_rupiah(remaining), "term": term, "frequency": Frequency(frequency).label,
                   "first_due_on": first_due_on.isoformat(), "installment": format_rupiah(schedule[0].amount)},
            reason=reason,
        )


def write_off_loan(
    session: Session, actor: Actor, loan_id: uuid.UUID, *, written_off_on: date, reason: str, request_id: uuid.UUID
) -> uuid.UUID:
    """Write off what remains: the fund carries the loss; a later reversal restores the loan."""
    with write(session):
        authorize(session, actor, Permission.WRITE_OFF_LOANS)
        request = {"loan": loan_id, "written_off_on": written_off_on}
        existing = ledger.find_entry(session, request_id, "loan_write_off", request=request)
        if existing is not None:
            return loan_book.movements_of_entry(session, existing.id)[0].id
        loan = loan_book.locked_loan(session, loan_id)
        loan_book.require_status(loan, LoanStatus.ACTIVE, doing="dihapusbukukan")
        reason = check_reason(reason, "hapus buku")
        loan_book.check_day(written_off_on, not_before=loan.disbursed_on, what="hapus buku")
        remaining = loan_book.outstanding(loan)
        entry = ledger.post(
            session, actor, key=request_id, entry_date=written_off_on, kind="loan_write_off",
            description=f"Hapus buku pinjaman {loan.number}",
            lines=[debit(Account.WRITTEN_OFF_LOANS, remaining, loan.fund_source_id),
                   credit(Account.LOANS_RECEIVABLE, remaining, loan.fund_source_id)],
            request=request,
        )
        movement = loan_book.add_movement(
            session, actor, loan, kind=MovementKind.WRITE_OFF, amount=remaining, occurred_on=written_off_on,
            journal_entry_id=entry.id, reason=reason,
        )
        loan.written_off += remaining
        loan.status, loan.closed_on = LoanStatus.WRITTEN_OFF.value, written_off_on
        session.flush()
        audit.record(
            session, actor, action=AuditAction.LOAN_WRITTEN_OFF, entity="loan", entity_id=loan.id,
            after={"amount": format_rupiah(remaining), "occurred_on": written_off_on.isoformat()}, reason=reason,
        )
        return movement.id


def _check_version(loan: Loan, expected_version: int) -> None:
    if loan.version != expected_version:
        raise ConflictError("Pinjaman ini sudah diubah oleh pengguna lain sejak Anda membukanya. Muat ulang lalu ulangi.")
