"""Approvals made by young accounts: a loan approved, or a reversal approved, by an account created
within N days (setting ``new_account_days``) before the application or request was made.

Four eyes can be dodged by an admin who makes a second account to approve their own work; this list
makes that visible in the audit report; Beranda shows the chair the accounts made within the same days
(``services/dashboard/waiting.py``), before they approve anything. It reads loans and
reversals, so it lives beside the areas, as the dashboard does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import Loan, ReversalRequest, User
from koperasi.domain.loans.rules import LoanStatus
from koperasi.domain.office.settings import NEW_ACCOUNT_DAYS
from koperasi.domain.reversals import ReversalKind, ReversalStatus
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office.settings import value_of


@dataclass(frozen=True, slots=True)
class NewAccountApproval:
    what: str  # "Pinjaman PJM/PAU/2026/000001" or the reversal's summary
    amount: int
    asked_by: str  # full names
    asked_at: datetime
    approved_by: str
    account_created_at: datetime
    record_id: uuid.UUID


def approvals_by_new_accounts(session: Session, actor: Actor) -> tuple[int, list[NewAccountApproval]]:
    """The setting's number of days and the approvals it flags, newest request first."""
    authorize(session, actor, Permission.VIEW_AUDIT)
    days = value_of(session, NEW_ACCOUNT_DAYS)
    window = timedelta(days=days)
    asker, approver = aliased(User), aliased(User)
    found: list[NewAccountApproval] = []
    loans = session.execute(
        select(Loan, asker.full_name, approver.full_name, approver.created_at)
        .join(asker, asker.id == Loan.applied_by).join(approver, approver.id == Loan.decided_by)
        .where(Loan.status != LoanStatus.REJECTED.value)
    )
    for loan, asked_by, approved_by, created_at in loans:
        if created_at >= loan.created_at - window:
            found.append(NewAccountApproval(f"Pinjaman {loan.number}", loan.principal, asked_by, loan.created_at,
                                            approved_by, created_at, loan.id))
    requests = session.execute(
        select(ReversalRequest, asker.full_name, approver.full_name, approver.created_at)
        .join(asker, asker.id == ReversalRequest.requested_by).join(approver, approver.id == ReversalRequest.decided_by)
        .where(ReversalRequest.status == ReversalStatus.APPROVED.value)
    )
    for request, asked_by, approved_by, created_at in requests:
        if created_at >= request.requested_at - window:
            found.append(NewAccountApproval(f"Pembatalan {ReversalKind(request.kind).label.lower()}: {request.summary}",
                                            request.amount, asked_by, request.requested_at, approved_by, created_at, request.id))
    return days, sorted(found, key=lambda item: item.asked_at, reverse=True)
