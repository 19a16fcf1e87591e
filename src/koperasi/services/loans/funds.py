"""Revolving funds (sumber dana): who gave them, the capital received, what is free to lend.

What a fund has is read off the journal: capital (the fund's equity account) minus the
loans it has outstanding minus what it lost to write-offs. No separate counter can drift.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import FundCapitalReceipt, FundSource, Loan
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Actor, Permission
from koperasi.services import ledger
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class FundPosition:
    """What a fund has: what Beranda shows of it."""

    id: uuid.UUID
    name: str
    active: bool
    capital: int
    outstanding: int
    written_off: int

    @property
    def available(self) -> int:
        return self.capital - self.outstanding - self.written_off


@dataclass(frozen=True, slots=True)
class FundSummary(FundPosition):
    """A fund as the Pinjaman tab lists it: its position, the donor and notes, and the principal repaid to it."""

    donor: str
    notes: str
    version: int
    repaid: int


def fund_positions(session: Session, actor: Actor) -> list[FundPosition]:
    """Every fund's capital, loans outstanding and write-offs in name order, as ``list_funds`` gives them, without
    summing every loan's repayments for the ``repaid`` figure (a pass over all the loans) that Beranda never shows."""
    authorize(session, actor, Permission.USE_APP)
    balances = ledger.fund_account_balances(session)
    return [
        FundPosition(
            id=fund_id, name=name, active=active,
            capital=balances.get((fund_id, Account.REVOLVING_FUND), 0),
            outstanding=balances.get((fund_id, Account.LOANS_RECEIVABLE), 0),
            written_off=balances.get((fund_id, Account.WRITTEN_OFF_LOANS), 0),
        )
        for fund_id, name, active in session.execute(
            select(FundSource.id, FundSource.name, FundSource.active).order_by(FundSource.name)
        )
    ]


def list_funds(session: Session, actor: Actor, *, include_inactive: bool = True) -> list[FundSummary]:
    authorize(session, actor, Permission.USE_APP)
    balances = ledger.fund_account_balances(session)
    repaid = dict(
        session.execute(select(Loan.fund_source_id, func.sum(Loan.principal_paid)).group_by(Loan.fund_source_id)).all()
    )
    query = select(FundSource).order_by(FundSource.name)
    if not include_inactive:
        query = query.where(FundSource.active.is_(True))
    return [
        FundSummary(
            id=fund.id, name=fund.name, donor=fund.donor, notes=fund.notes, active=fund.active, version=fund.version,
            capital=balances.get((fund.id, Account.REVOLVING_FUND), 0),
            outstanding=balances.get((fund.id, Account.LOANS_RECEIVABLE), 0),
            written_off=balances.get((fund.id, Account.WRITTEN_OFF_LOANS), 0),
            repaid=int(repaid.get(fund.id) or 0),
        )
        for fund in session.scalars(query)
    ]


def available_to_lend(session: Session, fund_id: uuid.UUID) -> int:
    balances = ledger.fund_account_balances(session)
    return (
        balances.get((fund_id, Account.REVOLVING_FUND), 0)
        - balances.get((fund_id, Account.LOANS_RECEIVABLE), 0)
        - balances.get((fund_id, Account.WRITTEN_OFF_LOANS), 0)
    )


def create_fund(session: Session, actor: Actor, *, name: str, donor: str, notes: str = "") -> uuid.UUID:
    with write(session):
        authorize(session, actor, Permission.MANAGE_FUNDS)
        name, donor = _clean_text(name, "name", "Nama sumber dana"), _clean_text(donor, "donor", "Pemberi dana")
        _check_unique(session, name, exclude=None)
        fund = FundSource(name=name, donor=donor, notes=notes.strip(), active=True, created_at=clock.now())
        session.add(fund)
        session.flush()
        audit.record(session, actor, action=AuditAction.FUND_CREATED, entity="fund", entity_id=fund.id,
                     after={"name": name, "donor": donor})
        return fund.id


def update_fund(
    session: Session, actor: Actor, fund_id: uuid.UUID, *, name: str, donor: str, notes: str, active: bool, expected_version: int
) -> None:
    with write(session):
        authorize(session, actor, Permission.MANAGE_FUNDS)
        fund = session.get(FundSource, fund_id)
        if fund is None:
            raise NotFound("Sumber dana tidak ditemukan.")
        if fund.version != expected_version:
            raise ConflictError("Sumber dana ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        name, donor = _clean_text(name, "name", "Nama sumber dana"), _clean_text(donor, "donor", "Pemberi dana")
        _check_unique(session, name, exclude=fund_id)
        before = {"name": fund.name, "donor": fund.donor, "notes": fund.notes, "active": fund.active}
        fund.name, fund.donor, fund.notes, fund.active = name, donor, notes.strip(), active
        session.flush()
        audit.record(session, actor, action=AuditAction.FUND_UPDATED, entity="fund", entity_id=fund_id, before=before,
                     after={"name": name, "donor": donor, "notes": fund.notes, "active": active})


def receive_capital(
    session: Session, actor: Actor, *, fund_id: uuid.UUID, amount: int, received_on: date, note: str, request_id: uuid.UUID
) -> uuid.UUID:
    """Record money a donor handed over: cash in, the fund's capital up."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_FUNDS)
        request = {"fund": fund_id, "amount": amount, "received_on": received_on}
        existing = ledger.find_entry(session, request_id, "fund_capital", request=request)
        if existing is not None:
            return session.scalar(select(FundCapitalReceipt.id).where(FundCapitalReceipt.journal_entry_id == existing.id))
        fund = session.get(FundSource, fund_id)
        if fund is None or not fund.active:
            raise NotFound("Sumber dana tidak ditemukan atau sudah tidak aktif.")
        if type(amount) is not int or not 0 < amount <= 100_000_000_000:
            raise ValidationError("Jumlah modal harus rupiah bulat lebih dari nol.", field="amount")
        if received_on > clock.today():
            raise ValidationError("Tanggal terima tidak boleh di masa depan.", field="received_on")
        entry = ledger.post(
            session, actor, key=request_id, entry_date=received_on, kind="fund_capital",
            description=f"Modal dana bergulir diterima: {fund.name}",
            lines=[debit(Account.CASH, amount), credit(Account.REVOLVING_FUND, amount, fund.id)],
            request=request,
        )
        receipt = FundCapitalReceipt(
            fund_source_id=fund.id, received_on=received_on, amount=amount, note=note.strip()[:250],
            journal_entry_id=entry.id, created_by=actor.user_id, created_at=clock.now(),
        )
        session.add(receipt)
        session.flush()
        audit.record(session, actor, action=AuditAction.FUND_CAPITAL_RECEIVED, entity="fund", entity_id=fund.id,
                     after={"amount": format_rupiah(amount), "occurred_on": received_on.isoformat()}, reason=note.strip() or None)
        return receipt.id


def _clean_text(value: str, field: str, label: str) -> str:
    cleaned = " ".join((value or "").split())
    if not 2 <= len(cleaned) <= 120:
        raise ValidationError(f"{label} wajib diisi (2 sampai 120 huruf).", field=field)
    return cleaned


def _check_unique(session: Session, name: str, *, exclude: uuid.UUID | None) -> None:
    clash = session.scalar(select(FundSource.id).where(func.lower(FundSource.name) == name.lower()))
    if clash is not None and clash != exclude:
        raise ValidationError(f"Sumber dana \u201c{name}\u201d sudah ada.", field="name")
