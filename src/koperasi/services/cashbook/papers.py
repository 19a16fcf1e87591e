"""The voucher of a cash-book entry: bukti kas masuk or keluar, reprinted BATAL once reversed."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import CashEntry, User
from koperasi.domain.cashbook.papers import Voucher
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.errors import NotFound
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.accounts import account_names
from koperasi.services.office.profile import current_office


def voucher_for(session: Session, actor: Actor, entry_id: uuid.UUID, *, place: str = "") -> Voucher:
    authorize(session, actor, Permission.USE_APP)
    entry = session.get(CashEntry, entry_id)
    if entry is None or entry.reversal_of_id is not None:
        raise NotFound("Transaksi ini tidak memiliki bukti kas.")
    reversal = session.scalar(select(CashEntry).where(CashEntry.reversal_of_id == entry.id))
    office = current_office(session)
    return Voucher(
        office=office.profile,
        direction=CashDirection(entry.direction),
        number=entry.voucher_number or "",
        issued_on=entry.occurred_on,
        place=place or (office.kecamatan_name or "Sarolangun"),
        account_code=entry.account,
        account_name=account_names(session).get(entry.account, entry.account),
        amount=entry.amount,
        description=entry.description,
        party=entry.party,
        recorded_by=session.get(User, entry.created_by).full_name,
        cancelled=reversal is not None,
        cancel_reason=reversal.reason if reversal is not None else "",
    )
