"""The cash book as the treasurer reads it: the entries of a month (or all), by account, with totals."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import CashEntry, User
from koperasi.domain.cashbook.papers import CashBookPage, CashLine
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.months import Month, check_month, month_end, month_start
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.accounts import account_names
from koperasi.services.office import audit
from koperasi.services.transaction import write


def cash_book(session: Session, actor: Actor, *, month: Month | None = None, account: str | None = None) -> CashBookPage:
    """The entries of ``month`` ((year, month); None: every month) and of ``account`` (None: all), oldest first."""
    authorize(session, actor, Permission.USE_APP)
    reversal = aliased(CashEntry)
    original = aliased(CashEntry)
    query = (
        select(CashEntry, User.full_name, reversal.id, original.voucher_number)
        .join(User, User.id == CashEntry.created_by)
        .outerjoin(reversal, reversal.reversal_of_id == CashEntry.id)
        .outerjoin(original, original.id == CashEntry.reversal_of_id)
        .order_by(CashEntry.occurred_on, CashEntry.created_at)
    )
    if month is not None:
        month = check_month(month)
        query = query.where(CashEntry.occurred_on.between(month_start(month), month_end(month)))
    if account:
        query = query.where(CashEntry.account == account)
    names = account_names(session)
    lines = []
    for row, clerk, reversed_by, original_number in session.execute(query):
        described = f"Pembatalan {original_number}: {row.reason}" if row.reversal_of_id else row.description
        lines.append(CashLine(
            row.id, row.occurred_on, row.voucher_number or "", CashDirection(row.direction), row.account,
            names.get(row.account, row.account), described, row.party, max(row.change, 0), max(-row.change, 0), clerk,
            reversed_by is not None, row.reversal_of_id is not None,
        ))
    return CashBookPage(tuple(lines), sum(line.into for line in lines), sum(line.out for line in lines))


def cash_book_export(session: Session, actor: Actor, *, month: Month | None = None, account: str | None = None) -> CashBookPage:
    """The cash book as ``cash_book`` reads it, for a workbook that leaves the program: the export is audited
    (who took which month out), as every other list that leaves the office is."""
    with write(session):
        page = cash_book(session, actor, month=month, account=account)
        audit.record(session, actor, action=AuditAction.CASH_BOOK_EXPORTED, entity="cash_book",
                     entity_id=f"{month[0]}-{month[1]:02d}" if month else "semua",
                     after={"akun": account or "semua", "baris": len(page.lines)})
        return page


def cash_book_totals(session: Session) -> dict[str, int]:
    """What the cash book put on each account, on the account's normal side (``koperasi doctor``)."""
    rows = session.execute(select(CashEntry.account, func.sum(CashEntry.change)).group_by(CashEntry.account))
    return {code: int(change) if code.startswith("4") else -int(change) for code, change in rows}
