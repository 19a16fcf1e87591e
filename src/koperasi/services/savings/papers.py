"""The kwitansi of a savings deposit or withdrawal, in the loan kwitansi's family (same paper, same printer).

Savings receipts carry no meterai whatever the amount: documents of money saved with, or paid back
by, a cooperative are free of bea meterai (UU 10/2020 tentang Bea Meterai, Pasal 7; docs/DOMAIN.md).
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import SavingsMovement, User
from koperasi.domain.errors import NotFound
from koperasi.domain.loans.papers import Receipt, ReceiptLine
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.rules import SavingsAction, SavingsKind
from koperasi.services.access import authorize
from koperasi.services.office.profile import current_office
from koperasi.services.savings import book


def receipt_for(session: Session, actor: Actor, movement_id: uuid.UUID, *, place: str = "") -> Receipt:
    """The kwitansi of a deposit or withdrawal (reprints included; a cancelled one says BATAL)."""
    authorize(session, actor, Permission.USE_APP)
    movement = session.get(SavingsMovement, movement_id)
    if movement is None or SavingsAction(movement.action) is SavingsAction.REVERSAL:
        raise NotFound("Transaksi ini tidak memiliki kwitansi.")
    member = book.member_of(session, movement.member_id)
    office = current_office(session)
    clerk = session.get(User, movement.created_by).full_name
    kind, action = SavingsKind(movement.kind), SavingsAction(movement.action)
    reversal = session.scalar(select(SavingsMovement).where(SavingsMovement.reversal_of_id == movement.id))
    if action is SavingsAction.DEPOSIT:
        received_from, received_by, signer = member.full_name, clerk, "Yang menerima (petugas)"
        title, purpose = "KWITANSI SETORAN SIMPANAN", f"Setoran {kind.label.lower()}"
    else:
        received_from, received_by, signer = office.profile.name, member.full_name, "Yang menerima (anggota)"
        title, purpose = "KWITANSI PENARIKAN SIMPANAN", f"Penarikan {kind.label.lower()}"
    return Receipt(
        office=office.profile,
        title=title,
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
        paid_by_member=action is SavingsAction.DEPOSIT,
        remaining_balance=book.movement_result(session, movement).balance,
        balance_label=f"Saldo {kind.label.lower()}",
        meterai_exempt=True,
        clerk_name=clerk,
        cancelled=reversal is not None,
        cancel_reason=reversal.reason if reversal is not None else "",
    )
