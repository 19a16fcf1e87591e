"""Dividing a closed year's SHU by the AD/ART and paying each member's share.

The division reads every member's basis in a few set queries (no loop over members in the database):
jasa modal by simpanan pokok + wajib at the year's end or over its twelve month ends, jasa usaha by the
rupiah the cooperative earned from the member (the commission on their consigned goods sold, the loan
administration fees they paid: which count is a setting). Parts and member shares are largest-remainder
allocations, so they sum exactly; a member part no member had a basis for goes to SHU belum dibagikan.
One balanced entry moves SHU tahun berjalan to cadangan, the funds and Hutang SHU anggota; each member's
share is then paid in cash (kwitansi) or into their sukarela (a savings deposit from the payable).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Uuid, bindparam, case, extract, func, insert, select, type_coerce
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    BookClosing,
    JournalEntry,
    Loan,
    LoanMovement,
    Member,
    Sale,
    SaleLine,
    SavingsMovement,
    ShuDivision,
    ShuDivisionPart,
    ShuMemberShare,
    ShuPayment,
    ShuPaymentReversal,
    User,
)
from koperasi.domain.books.rules import (
    SHU_BUSINESS_SOURCES,
    SHU_CAPITAL_BASIS,
    SHU_SHARES,
    BusinessSource,
    BusinessSources,
    CapitalBasis,
    PaymentMethod,
    ShuPart,
    ShuShares,
    check_shares,
    check_year,
    divide,
    largest_remainder,
    parse_sources,
    year_bounds,
)
from koperasi.domain.books.plan import MemberShu, PartAmount, ShuPaper, ShuPlan
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.loans.papers import Receipt, ReceiptLine
from koperasi.domain.ledger import Account, ClosingStatus, Line, credit, debit
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office.numbering import next_number
from koperasi.services.office.profile import current_office, the_office
from koperasi.services.office.settings import change_setting, read_setting, value_of
from koperasi.services.savings import movements as savings
from koperasi.services.transaction import write
from koperasi import clock

DIVISION_KIND, PAYMENT_KIND = "shu_division", "shu_payment"
_FEE_MOVEMENT = "admin_fee"


@dataclass(frozen=True, slots=True)
class ShuRules:
    """The AD/ART's SHU settings as one form holds them, with the versions a change must still find."""

    shares: ShuShares
    capital_basis: CapitalBasis
    sources: frozenset[BusinessSource]
    versions: tuple[int, int, int]  # of SHU_SHARES, SHU_CAPITAL_BASIS, SHU_BUSINESS_SOURCES (0: the default)


_RULE_SETTINGS = (SHU_SHARES, SHU_CAPITAL_BASIS, SHU_BUSINESS_SOURCES)


def shu_rules(session: Session, actor: Actor) -> ShuRules:
    """The division the next SHU will follow (a divided year keeps the rules it was divided by)."""
    authorize(session, actor, Permission.USE_APP)
    (shares, shares_version), (basis, basis_version), (sources, sources_version) = (
        read_setting(session, actor, setting) for setting in _RULE_SETTINGS)
    return ShuRules(shares, basis, frozenset(sources), (shares_version, basis_version, sources_version))


def change_shu_rules(
    session: Session, actor: Actor, *, shares: ShuShares, capital_basis: CapitalBasis,
    sources: frozenset[BusinessSource], expected_versions: tuple[int, int, int],
) -> None:
    """Save the AD/ART's division, the jasa modal basis and the jasa usaha sources together: all or none,
    each changed one audited as a setting."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_SHU_RULES)
        if not isinstance(shares, ShuShares) or not isinstance(shares.basis_points, tuple):
            raise ValidationError("Isi persentase setiap bagian SHU.", field="shares")
        check_shares(shares)
        SHU_CAPITAL_BASIS.check(capital_basis)
        if not isinstance(sources, (set, frozenset)) or not all(isinstance(source, BusinessSource) for source in sources):
            raise ValidationError("Pilih transaksi yang dihitung untuk jasa usaha dari daftar.", field="sources")
        SHU_BUSINESS_SOURCES.check(BusinessSources(sources))
        if (not isinstance(expected_versions, tuple) or len(expected_versions) != len(_RULE_SETTINGS)
                or any(type(version) is not int for version in expected_versions)):
            raise ConflictError("Pengaturan SHU sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        for setting, value, version in zip(
                _RULE_SETTINGS, (shares, capital_basis, BusinessSources(sources)), expected_versions, strict=True):
            if value != value_of(session, setting):
                change_setting(session, actor, setting, value, expected_version=version)


def shu_plan(session: Session, actor: Actor, year: int) -> ShuPlan:
    """The division as saved, or (not yet divided) as the settings in force would make it."""
    authorize(session, actor, Permission.USE_APP)
    check_year(year)
    division = session.scalar(select(ShuDivision).where(ShuDivision.year == year))
    if division is not None:
        return _saved(session, division)
    return _plan(session, _closed(session, year))


def shu_paper(session: Session, actor: Actor, year: int) -> ShuPaper:
    """The per-member SHU list of a divided year, for the PDF and the workbook. The making is audited, as a
    member list export is: it names every member with their savings and their SHU."""
    with write(session):
        plan = shu_plan(session, actor, year)
        if plan.divided_on is None:
            raise ValidationError(f"SHU tahun {year} belum dibagi; daftar SHU anggota dicetak sesudah pembagian.")
        division_id = session.scalars(select(ShuDivision.id).where(ShuDivision.year == year)).one()
        audit.record(session, actor, action=AuditAction.SHU_LIST_MADE, entity="shu_division", entity_id=division_id,
                     after={"year": year, "members": len(plan.members)})
        return ShuPaper(current_office(session).profile, plan, clock.today())


def divide_shu(session: Session, actor: Actor, year: int, *, divided_on: date, request_id: uuid.UUID) -> uuid.UUID:
    """Divide the closed year's SHU once, posting it on ``divided_on`` (a day of an open year, after the year)."""
    with write(session):
        authorize(session, actor, Permission.CLOSE_BOOKS)
        check_year(year)
        request = {"year": year, "divided_on": divided_on}
        if (existing := ledger.find_entry(session, request_id, DIVISION_KIND, request=request)) is not None:
            return session.scalars(select(ShuDivision.id).where(ShuDivision.journal_entry_id == existing.id)).one()
        closing = _closed(session, year)
        if session.scalar(select(ShuDivision.id).where(ShuDivision.year == year)) is not None:
            raise ValidationError(f"SHU tahun {year} sudah dibagi.", field="year")
        if not isinstance(divided_on, date) or divided_on <= year_bounds(year)[1] or divided_on > clock.today():
            raise ValidationError(
                f"Tanggal pembagian SHU harus sesudah tahun {year} dan tidak di masa depan.", field="divided_on")
        allocation = _allocate(session, closing)
        parts = allocation.part_lines()
        entry = ledger.post(
            session, actor, key=request_id, entry_date=divided_on, kind=DIVISION_KIND,
            description=f"Pembagian SHU tahun {year} menurut AD/ART", lines=_division_lines(allocation.shu, parts),
            request=request,
        )
        division = ShuDivision(
            id=uuid.uuid4(), year=year, closing_id=closing.id, divided_on=divided_on, shu=allocation.shu,
            capital_basis=allocation.capital_basis.value,
            business_sources=",".join(source.value for source in BusinessSource if source in allocation.sources),
            journal_entry_id=entry.id, created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(division)
        session.flush()
        session.execute(insert(ShuDivisionPart), [
            {"division_id": division.id, "part": line.part.value, "share_bp": line.share_bp, "amount": line.amount,
             "undivided": line.undivided} for line in parts
        ])
        _write_shares(session, division.id, allocation)
        audit.record(
            session, actor, action=AuditAction.SHU_DIVIDED, entity="shu_division", entity_id=division.id,
            after={"year": year, "shu": format_rupiah(allocation.shu), "members_sharing": len(allocation.keys),
                   "parts": {line.part.label: format_rupiah(line.amount) for line in parts}},
        )
        return division.id


def _write_shares(session: Session, division_id: uuid.UUID, allocation: _Allocation) -> None:
    """Every member's share in one batched INSERT, the ids as text."""
    if not allocation.keys:
        return
    raw_division = session.scalar(select(_raw(ShuDivision.id)).where(ShuDivision.id == division_id))
    table = ShuMemberShare.__table__
    statement = table.insert().values(
        division_id=bindparam("division", type_=_TEXT_ID), member_id=bindparam("member", type_=_TEXT_ID),
        capital_basis=bindparam("capital"), business_basis=bindparam("business"),
        jasa_modal=bindparam("modal"), jasa_usaha=bindparam("usaha"),
    )
    session.execute(statement, [
        {"division": raw_division, "member": key, "capital": capital, "business": business, "modal": modal, "usaha": usaha}
        for key, capital, business, modal, usaha in zip(
            allocation.keys, allocation.capital, allocation.business, allocation.jasa_modal, allocation.jasa_usaha,
            strict=True)
    ])


@dataclass(frozen=True, slots=True)
class ShuPaid:
    payment_id: uuid.UUID
    method: PaymentMethod
    amount: int
    receipt_number: str  # the SHU kwitansi; "" when paid into sukarela (the savings deposit has its own)
    savings_movement_id: uuid.UUID | None


def pay_shu(
    session: Session, actor: Actor, year: int, member_id: uuid.UUID, *, method: PaymentMethod, paid_on: date,
    request_id: uuid.UUID,
) -> ShuPaid:
    """Pay a member's whole SHU of a year: in cash against a kwitansi, or into their simpanan sukarela."""
    with write(session):
        authorize(session, actor, Permission.CLOSE_BOOKS)
        check_year(year)
        method = _checked_method(method)
        division = session.scalar(select(ShuDivision).where(ShuDivision.year == year))
        share = None if division is None else session.get(ShuMemberShare, (division.id, member_id))
        if share is None:
            raise NotFound(f"Anggota ini tidak mendapat bagian SHU tahun {year}.")
        if (existing := _payment_of_key(session, request_id)) is not None:
            if (existing.division_id, existing.member_id, existing.method) != (division.id, member_id, method.value):
                raise ledger.key_reused()
            return _paid(existing)
        if ledger.find_entry(session, request_id) is not None:
            raise ledger.key_reused()
        if standing_payment(session, division.id, member_id) is not None:
            raise ValidationError("SHU anggota ini sudah dibayarkan.")
        amount = share.jasa_modal + share.jasa_usaha
        if amount == 0:
            raise ValidationError("Bagian SHU anggota ini Rp0; tidak ada yang dibayarkan.")
        if not isinstance(paid_on, date) or paid_on < division.divided_on or paid_on > clock.today():
            raise ValidationError(
                f"Tanggal pembayaran SHU harus antara {division.divided_on:%d-%m-%Y} dan hari ini.", field="paid_on")
        member = session.get(Member, share.member_id)
        if method is PaymentMethod.SUKARELA:
            movement = savings.deposit_from(session, actor, member.id, amount=amount, occurred_on=paid_on,
                                            key=request_id, source=Account.SHU_PAYABLE)
            entry_id = session.get(SavingsMovement, movement.id).journal_entry_id
            receipt, movement_id = None, movement.id
        else:
            entry_id = ledger.post(
                session, actor, key=request_id, entry_date=paid_on, kind=PAYMENT_KIND,
                description=f"Pembayaran SHU {division.year} {member.number} {member.full_name}",
                lines=[debit(Account.SHU_PAYABLE, amount), credit(Account.CASH, amount)],
                request={"year": year, "member": member_id, "method": method, "paid_on": paid_on},
            ).id
            receipt = next_number(session, office_code=the_office(session).code, doc_type=DocumentType.RECEIPT,
                                  year=paid_on.year)
            movement_id = None
        payment = ShuPayment(
            id=uuid.uuid4(), division_id=division.id, member_id=member_id, method=method.value, amount=amount, paid_on=paid_on,
            receipt_number=receipt, journal_entry_id=entry_id, savings_movement_id=movement_id,
            created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(payment)
        session.flush()
        audit.record(
            session, actor, action=AuditAction.SHU_PAID, entity="member", entity_id=member.id,
            after={"year": division.year, "amount": format_rupiah(amount), "method": method.label,
                   "paid_on": paid_on.isoformat()},
        )
        return _paid(payment)


def shu_receipt(session: Session, actor: Actor, year: int, member_id: uuid.UUID, *, place: str = "") -> Receipt:
    """The kwitansi of a member's SHU paid in cash (the loan kwitansi's paper); one paid into sukarela has the
    savings deposit's kwitansi instead."""
    authorize(session, actor, Permission.USE_APP)
    check_year(year)
    row = session.execute(  # the latest paid in cash: one reversed may have been paid again
        select(ShuPayment, ShuMemberShare, ShuPaymentReversal.reason).join(ShuDivision, ShuDivision.id == ShuPayment.division_id)
        .join(ShuMemberShare, (ShuMemberShare.division_id == ShuPayment.division_id)
              & (ShuMemberShare.member_id == ShuPayment.member_id))
        .outerjoin(ShuPaymentReversal, ShuPaymentReversal.payment_id == ShuPayment.id)
        .where(ShuDivision.year == year, ShuPayment.member_id == member_id,
               ShuPayment.method == PaymentMethod.CASH.value)
        .order_by(ShuPayment.created_at.desc()).limit(1)
    ).one_or_none()
    if row is None:
        raise NotFound("SHU anggota ini belum dibayarkan tunai; tidak ada kwitansi SHU.")
    payment, share, cancel_reason = row
    member, office = session.get(Member, member_id), current_office(session)
    return Receipt(
        office=office.profile, title="KWITANSI PEMBAYARAN SHU", number=payment.receipt_number or "",
        issued_on=payment.paid_on, place=place or (office.kecamatan_name or "Sarolangun"),
        received_from=office.profile.name, received_by=member.full_name, signer_label="Yang menerima (anggota)",
        amount=payment.amount, purpose=f"Pembayaran SHU tahun buku {year}",
        lines=tuple(ReceiptLine(label, amount) for label, amount in
                    (("Jasa modal", share.jasa_modal), ("Jasa usaha", share.jasa_usaha)) if amount),
        member_number=member.number, paid_by_member=False,
        clerk_name=session.get(User, payment.created_by).full_name,
        cancelled=cancel_reason is not None, cancel_reason=cancel_reason or "",
    )


def standing_payment(session: Session, division_id: uuid.UUID, member_id: uuid.UUID) -> ShuPayment | None:
    """The member's payment of the division's share that no reversal undid (at most one)."""
    return session.scalar(select(ShuPayment).where(
        ShuPayment.division_id == division_id, ShuPayment.member_id == member_id,
        ShuPayment.id.not_in(select(ShuPaymentReversal.payment_id))))


def _payment_of_key(session: Session, key: uuid.UUID) -> ShuPayment | None:
    """The payment an earlier save with this request id made (a retry)."""
    return session.scalar(select(ShuPayment).join(JournalEntry, JournalEntry.id == ShuPayment.journal_entry_id)
                          .where(JournalEntry.idempotency_key == key))


def _paid(payment: ShuPayment) -> ShuPaid:
    return ShuPaid(payment.id, PaymentMethod(payment.method), payment.amount, payment.receipt_number or "",
                   payment.savings_movement_id)


def _checked_method(method: object) -> PaymentMethod:
    try:
        return PaymentMethod(method)
    except ValueError:
        raise ValidationError("Pilih cara pembayaran SHU: tunai atau ke simpanan sukarela.", field="method") from None


def _closed(session: Session, year: int) -> BookClosing:
    closing = session.scalar(select(BookClosing).where(
        BookClosing.year == year, BookClosing.status == ClosingStatus.CLOSED.value))
    if closing is None:
        raise ValidationError(f"Tahun buku {year} belum ditutup; SHU dibagi sesudah tutup buku disetujui.", field="year")
    return closing


@dataclass(frozen=True, slots=True)
class _Allocation:
    """The division worked out: the parts, and per member (in ``keys`` order) the bases and the shares."""

    shu: int
    shares: ShuShares
    parts: dict[ShuPart, int]
    capital_basis: CapitalBasis
    sources: frozenset[BusinessSource]
    keys: list[str]  # member ids as text (_TEXT_ID)
    capital: list[int]
    business: list[int]
    jasa_modal: list[int]
    jasa_usaha: list[int]

    def part_lines(self) -> tuple[PartAmount, ...]:
        undivided = {ShuPart.CAPITAL: self.parts[ShuPart.CAPITAL] - sum(self.jasa_modal),
                     ShuPart.BUSINESS: self.parts[ShuPart.BUSINESS] - sum(self.jasa_usaha)}
        return tuple(PartAmount(part, self.shares.of(part), self.parts[part], undivided.get(part, 0)) for part in ShuPart)


def _allocate(session: Session, closing: BookClosing) -> _Allocation:
    shu = (closing.income or 0) - (closing.expenses or 0)
    shares = value_of(session, SHU_SHARES)
    parts = divide(shu, shares)
    capital_basis = value_of(session, SHU_CAPITAL_BASIS)
    sources = frozenset(value_of(session, SHU_BUSINESS_SOURCES))
    capital_of = _capital_bases(session, closing.year, capital_basis)
    business_of = _business_bases(session, closing.year, sources)
    keys = sorted(set(capital_of) | set(business_of))
    capital = [capital_of.get(key, 0) for key in keys]
    business = [business_of.get(key, 0) for key in keys]
    return _Allocation(shu, shares, parts, capital_basis, sources, keys, capital, business,
                       largest_remainder(parts[ShuPart.CAPITAL], capital),
                       largest_remainder(parts[ShuPart.BUSINESS], business))


def _plan(session: Session, closing: BookClosing) -> ShuPlan:
    """The preview: the allocation with the members' numbers and names."""
    allocation = _allocate(session, closing)
    names = {key: (number, name) for key, number, name in session.execute(
        select(_raw(Member.id), Member.number, Member.full_name))} if allocation.keys else {}
    members = sorted(
        (MemberShu(uuid.UUID(key), *names[key], capital, business, modal, usaha)
         for key, capital, business, modal, usaha in zip(
             allocation.keys, allocation.capital, allocation.business, allocation.jasa_modal, allocation.jasa_usaha,
             strict=True)),
        key=lambda member: member.number,
    )
    return ShuPlan(closing.year, allocation.shu, allocation.capital_basis, allocation.sources, allocation.part_lines(),
                   tuple(members), None)


# Member ids read and written as text (hex on SQLite): no UUID object is made for each of 100,000 rows.
_TEXT_ID = Uuid(as_uuid=False)


def _raw(column):
    return type_coerce(column, _TEXT_ID)


def _capital_bases(session: Session, year: int, basis: CapitalBasis) -> dict[str, int]:
    """Pokok + wajib per member at 31 December, or summed over the twelve month ends (the average × 12)."""
    start, end = year_bounds(year)
    weight = 1 if basis is CapitalBasis.YEAR_END else case(
        (SavingsMovement.occurred_on < start, 12), else_=13 - extract("month", SavingsMovement.occurred_on))
    total = func.sum(SavingsMovement.change * weight)
    rows = session.execute(
        select(_raw(SavingsMovement.member_id), total)
        .where(SavingsMovement.kind.in_([SavingsKind.POKOK.value, SavingsKind.WAJIB.value]),
               SavingsMovement.occurred_on <= end)
        .group_by(SavingsMovement.member_id).having(total > 0)
    )
    return {member_id: int(amount) for member_id, amount in rows}


def _business_bases(session: Session, year: int, sources: frozenset[BusinessSource]) -> dict[str, int]:
    """What the cooperative earned from each member in the year: commission on their goods sold (sales not
    cancelled), administration fees of their loans (fees not reversed)."""
    start, end = year_bounds(year)
    found: dict[str, int] = {}
    if BusinessSource.SALES in sources:
        cancel = aliased(Sale)
        rows = session.execute(
            select(_raw(SaleLine.member_id), func.sum(SaleLine.commission))
            .join(Sale, Sale.id == SaleLine.sale_id).outerjoin(cancel, cancel.reversal_of_id == Sale.id)
            .where(Sale.sold_on.between(start, end), cancel.id.is_(None), SaleLine.member_id.is_not(None))
            .group_by(SaleLine.member_id)
        )
        for member_id, amount in rows:
            found[member_id] = found.get(member_id, 0) + int(amount or 0)
    if BusinessSource.ADMIN_FEES in sources:
        cancel = aliased(LoanMovement)
        rows = session.execute(
            select(_raw(Loan.member_id), func.sum(LoanMovement.amount))
            .join(Loan, Loan.id == LoanMovement.loan_id).outerjoin(cancel, cancel.reversal_of_id == LoanMovement.id)
            .where(LoanMovement.kind == _FEE_MOVEMENT, LoanMovement.occurred_on.between(start, end), cancel.id.is_(None))
            .group_by(Loan.member_id)
        )
        for member_id, amount in rows:
            found[member_id] = found.get(member_id, 0) + int(amount or 0)
    return {member_id: amount for member_id, amount in found.items() if amount > 0}


def _division_lines(shu: int, parts: tuple[PartAmount, ...]) -> list[Line]:
    """SHU tahun berjalan out; cadangan, the funds, what members are owed and what no member could share in."""
    credits: dict[Account, int] = {}
    for line in parts:
        shared = line.amount - line.undivided
        if shared:
            credits[line.part.account] = credits.get(line.part.account, 0) + shared
        if line.undivided:
            credits[Account.SHU_UNDIVIDED] = credits.get(Account.SHU_UNDIVIDED, 0) + line.undivided
    return [debit(Account.SHU_CURRENT, shu), *(credit(account, amount) for account, amount in credits.items())]


def _saved(session: Session, division: ShuDivision) -> ShuPlan:
    parts = tuple(
        PartAmount(ShuPart(row.part), row.share_bp, row.amount, row.undivided)
        for row in sorted(session.scalars(select(ShuDivisionPart).where(ShuDivisionPart.division_id == division.id)),
                          key=lambda row: list(ShuPart).index(ShuPart(row.part)))
    )
    rows = session.execute(
        select(ShuMemberShare, Member.number, Member.full_name, ShuPayment.method, ShuPayment.paid_on,
               ShuPayment.receipt_number, SavingsMovement.receipt_number)
        .join(Member, Member.id == ShuMemberShare.member_id)
        .outerjoin(ShuPayment, (ShuPayment.division_id == ShuMemberShare.division_id)
                   & (ShuPayment.member_id == ShuMemberShare.member_id)
                   & ShuPayment.id.not_in(select(ShuPaymentReversal.payment_id)))  # the payment standing
        .outerjoin(SavingsMovement, SavingsMovement.id == ShuPayment.savings_movement_id)
        .where(ShuMemberShare.division_id == division.id).order_by(Member.number)
    )
    members = tuple(
        MemberShu(share.member_id, number, name, share.capital_basis, share.business_basis, share.jasa_modal,
                  share.jasa_usaha, PaymentMethod(method) if method else None, paid_on, cash_receipt or savings_receipt or "")
        for share, number, name, method, paid_on, cash_receipt, savings_receipt in rows
    )
    return ShuPlan(division.year, division.shu, CapitalBasis(division.capital_basis),
                   parse_sources(division.business_sources), parts, members, division.divided_on)
