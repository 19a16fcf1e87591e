"""What waits for the user on Beranda, by what their role may do.

Each line says where its list lives (``Place``), so the tab can open it with the filter set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import AuditEvent, Loan, LoanInstallment, MeetingFollowUp, Referral, TrainingSession, User
from koperasi.domain.errors import ValidationError
from koperasi.domain.loans.rules import LoanStatus
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.settings import NEW_ACCOUNT_DAYS, REFERRAL_FOLLOW_UP_DAYS
from koperasi.domain.roles import Actor, Permission
from koperasi.services import reversals
from koperasi.services.access import authorize
from koperasi.services.dashboard.figures import checked_day, producers_owed
from koperasi.services.office.backup import backup_folder, list_backups
from koperasi.services.office.settings import read_setting, value_of

BACKUP_STALE_DAYS = 7


class Place(StrEnum):
    """The list behind a waiting line."""

    LOANS_APPLIED = "loans_applied"
    LOANS_APPROVED = "loans_approved"
    PAYOUTS = "payouts"
    GROUP_COLLECTIONS = "group_collections"
    TRAINING_BATCHES = "training_batches"
    BACKUP = "backup"
    REVERSALS = "reversals"
    FOLLOW_UPS = "follow_ups"
    REFERRALS = "referrals"
    NEW_ACCOUNTS = "new_accounts"


@dataclass(frozen=True, slots=True)
class Waiting:
    place: Place
    count: int
    amount: int = 0  # rupiah, where the line has one
    urgent: bool = False  # shown in red
    days: int = 0  # the days the line looks back over, where it has them


@dataclass(frozen=True, slots=True)
class WaitingList:
    lines: tuple[Waiting, ...]
    last_backup: datetime | None  # UTC; None: none found in the backup folder
    backup_age_days: int | None
    # UTC: an automatic backup skipped since the last backup (locked with a passphrase asked at start-up that
    # nobody gave); None when none was
    backup_skipped: datetime | None = None


def waiting(session: Session, actor: Actor, *, today: date, now: datetime) -> WaitingList:
    authorize(session, actor, Permission.USE_APP)
    today = checked_day(today, "today")
    if type(now) is not datetime or now.tzinfo is None:
        raise ValidationError("Waktu tidak sah untuk umur cadangan.", field="now")
    lines: list[Waiting] = []
    if actor.can(Permission.DECIDE_LOANS) or actor.can(Permission.DISBURSE_LOANS):
        pending = {
            status: (int(count), int(principal or 0))
            for status, count, principal in session.execute(
                select(Loan.status, func.count(), func.sum(Loan.principal))
                .where(Loan.status.in_([LoanStatus.APPLIED.value, LoanStatus.APPROVED.value]))
                .group_by(Loan.status)
            )
        }
        if actor.can(Permission.DECIDE_LOANS):
            lines.append(Waiting(Place.LOANS_APPLIED, *pending.get(LoanStatus.APPLIED.value, (0, 0))))
        if actor.can(Permission.DISBURSE_LOANS):
            lines.append(Waiting(Place.LOANS_APPROVED, *pending.get(LoanStatus.APPROVED.value, (0, 0))))
    if actor.can(Permission.REVERSE_MOVEMENTS) or actor.can(Permission.REVERSE_SALES):
        # Only the requests this user may decide: the one who asked waits for someone else (four eyes).
        mine = [request for request in reversals.pending_reversals(session, actor) if request.refusal is None]
        lines.append(Waiting(Place.REVERSALS, len(mine), sum(request.amount for request in mine)))
    if actor.can(Permission.VIEW_AUDIT):
        lines.extend(_new_accounts(session, now))
    if actor.can(Permission.PAY_PRODUCERS):
        owed, producers = producers_owed(session)
        lines.append(Waiting(Place.PAYOUTS, producers, owed))
    week_start = today - timedelta(days=today.weekday())
    week_end = week_start + timedelta(days=6)
    if actor.can(Permission.TAKE_REPAYMENTS):
        # From the week's installments (ix_loan_installments_day, a few thousand) to their loans, not from every
        # active loan to its installments.
        due = (
            select(LoanInstallment.loan_id, LoanInstallment.schedule_no)
            .where(LoanInstallment.due_on.between(week_start, week_end))
            .distinct()
            .subquery("due_this_week")
        )
        groups = session.scalar(
            select(func.count(func.distinct(Loan.group_id)))
            .select_from(due)
            .join(Loan, (Loan.id == due.c.loan_id) & (Loan.schedule_no == due.c.schedule_no))
            .where(Loan.status == LoanStatus.ACTIVE.value, Loan.group_id.is_not(None))
        ) or 0
        lines.append(Waiting(Place.GROUP_COLLECTIONS, int(groups)))
    sessions = session.scalar(
        select(func.count(TrainingSession.id))
        .where(TrainingSession.cancelled.is_(False), TrainingSession.held_on.between(week_start, week_end))
    ) or 0
    lines.append(Waiting(Place.TRAINING_BATCHES, int(sessions)))
    if actor.can(Permission.RECORD_MEETINGS):
        # Follow-ups agreed at community meetings wait until marked done; red once one is past its day.
        open_count, earliest = session.execute(
            select(func.count(MeetingFollowUp.id), func.min(MeetingFollowUp.due_on)).where(MeetingFollowUp.done_on.is_(None))
        ).one()
        lines.append(Waiting(Place.FOLLOW_UPS, int(open_count or 0), urgent=earliest is not None and earliest < today))
    if actor.can(Permission.WRITE_REFERRALS):
        # Referrals with no outcome the set number of days after they were made: the clerk asks what came of them.
        days, _ = read_setting(session, actor, REFERRAL_FOLLOW_UP_DAYS)
        stale = session.scalar(select(func.count(Referral.id)).where(
            Referral.outcome.is_(None), Referral.referred_on <= today - timedelta(days=days))) or 0
        lines.append(Waiting(Place.REFERRALS, int(stale)))
    last_backup = age = None
    # On PostgreSQL the server's own dumps (pg_dump) keep the data; this program makes no backup files there.
    if actor.can(Permission.MAKE_BACKUPS) and session.get_bind().dialect.name == "sqlite":
        found = list_backups(backup_folder(session))
        last_backup = found[0].created_at if found else None
        age = (now - last_backup).days if last_backup else None
        skipped = session.scalar(select(func.max(AuditEvent.occurred_at)).where(AuditEvent.action == AuditAction.BACKUP_SKIPPED))
        skipped = skipped if skipped is not None and (last_backup is None or skipped > last_backup) else None
        lines.append(Waiting(Place.BACKUP, age or 0, urgent=age is None or age > BACKUP_STALE_DAYS or skipped is not None))
        return WaitingList(tuple(lines), last_backup, age, skipped)
    return WaitingList(tuple(lines), last_backup, age)


def _new_accounts(session: Session, now: datetime) -> list[Waiting]:
    """Accounts made in the last days of the audit report's setting, for the chair (and admins) to look
    at: a second account made to approve one's own work is seen when it is made, not only once it has
    approved something. No line when there is none: nothing waits then."""
    days = value_of(session, NEW_ACCOUNT_DAYS)
    made = session.scalar(select(func.count(User.id)).where(User.created_at >= now - timedelta(days=days))) or 0
    return [Waiting(Place.NEW_ACCOUNTS, int(made), days=days)] if made else []
