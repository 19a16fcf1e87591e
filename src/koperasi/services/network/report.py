"""The network's report for a period: meetings held and attendance by desa and month, opportunities shared,
and referrals with their outcomes by kind, vulnerability category and sex (a child counts in their parent's
categories and under their own sex)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    Category,
    CommunityMeeting,
    CommunityMeetingAttendance,
    Desa,
    HouseholdMember,
    Member,
    MemberCategory,
    Opportunity,
    Referral,
)
from koperasi.domain.errors import ValidationError
from koperasi.domain.network.opportunities import OpportunityKind, Outcome
from koperasi.domain.network.papers import MeetingCount, NetworkReport, OutcomeCount
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office.profile import current_office

OUTCOMES = tuple(Outcome)
NO_CATEGORY = "Tanpa kategori"
MAX_DAYS = 3 * 366


def network_report(session: Session, actor: Actor, *, period_from: date, period_to: date) -> NetworkReport:
    authorize(session, actor, Permission.USE_APP)
    for day, field in ((period_from, "period_from"), (period_to, "period_to")):
        if type(day) is not date or not date(2000, 1, 1) <= day <= date(2100, 12, 31):
            raise ValidationError("Tanggal laporan tidak masuk akal.", field=field)
    if period_to < period_from:
        raise ValidationError("Akhir periode tidak boleh sebelum awalnya.", field="period_to")
    if (period_to - period_from).days > MAX_DAYS:
        raise ValidationError("Periode laporan paling panjang tiga tahun.", field="period_to")
    return NetworkReport(current_office(session).profile, period_from, period_to, _meetings(session, period_from, period_to),
                         _shared(session, period_from, period_to), *_referrals(session, period_from, period_to))


def _meetings(session: Session, start: date, end: date) -> tuple[MeetingCount, ...]:
    present = (select(CommunityMeetingAttendance.meeting_id, func.count().label("n"))
               .group_by(CommunityMeetingAttendance.meeting_id).subquery())
    guests = (CommunityMeeting.guests_male_child + CommunityMeeting.guests_female_child + CommunityMeeting.guests_male_adult
              + CommunityMeeting.guests_female_adult + CommunityMeeting.guests_male_elder + CommunityMeeting.guests_female_elder)
    counts: dict[tuple[str, date], list[int]] = defaultdict(lambda: [0, 0, 0])
    for desa, held_on, members, visitors in session.execute(
        select(Desa.name, CommunityMeeting.held_on, func.coalesce(present.c.n, 0), guests)
        .join(Desa, Desa.id == CommunityMeeting.desa_id)
        .outerjoin(present, present.c.meeting_id == CommunityMeeting.id)
        .where(CommunityMeeting.held_on.between(start, end))
    ):
        line = counts[(desa, held_on.replace(day=1))]
        line[0] += 1
        line[1] += int(members)
        line[2] += int(visitors)
    return tuple(MeetingCount(desa, month, *values) for (desa, month), values in sorted(counts.items(), key=lambda item: (item[0][1], item[0][0])))


def _shared(session: Session, start: date, end: date) -> tuple[tuple[str, int, int], ...]:
    # Published in the period: recorded from the period's first midnight to the next day after its last (UTC).
    first, after = datetime.combine(start, time(), UTC), datetime.combine(end + timedelta(days=1), time(), UTC)
    published = dict(session.execute(
        select(Opportunity.kind, func.count()).where(Opportunity.created_at >= first, Opportunity.created_at < after)
        .group_by(Opportunity.kind)).all())
    referred = dict(session.execute(
        select(Opportunity.kind, func.count()).join(Referral, Referral.opportunity_id == Opportunity.id)
        .where(Referral.referred_on.between(start, end)).group_by(Opportunity.kind)).all())
    return tuple((kind.label, int(published.get(kind.value, 0)), int(referred.get(kind.value, 0))) for kind in OpportunityKind)


def _referrals(session: Session, start: date, end: date) -> tuple[dict[str, tuple[OutcomeCount, ...]], OutcomeCount]:
    """Counted by the database, grouped by (breakdown value, outcome): a year of referrals is a few dozen rows here."""
    in_period = Referral.referred_on.between(start, end)
    sex = func.coalesce(HouseholdMember.sex, Member.sex)
    by_kind = session.execute(
        select(Opportunity.kind, Referral.outcome, func.count()).join(Opportunity, Opportunity.id == Referral.opportunity_id)
        .where(in_period).group_by(Opportunity.kind, Referral.outcome)).all()
    by_sex = session.execute(
        select(sex, Referral.outcome, func.count()).join(Member, Member.id == Referral.member_id)
        .outerjoin(HouseholdMember, HouseholdMember.id == Referral.household_member_id)
        .where(in_period).group_by(sex, Referral.outcome)).all()
    by_category = session.execute(
        select(MemberCategory.category_code, Referral.outcome, func.count())
        .join(MemberCategory, MemberCategory.member_id == Referral.member_id)
        .where(in_period).group_by(MemberCategory.category_code, Referral.outcome)).all()
    uncategorised = session.execute(
        select(Referral.outcome, func.count())
        .where(in_period, ~select(MemberCategory.member_id).where(MemberCategory.member_id == Referral.member_id).exists())
        .group_by(Referral.outcome)).all()
    names = dict(session.execute(select(Category.code, Category.name)).all())
    order = list(session.scalars(select(Category.code).order_by(Category.position)))
    total = [0] * (len(OUTCOMES) + 2)
    for _, outcome, count in by_kind:
        _count(total, outcome, count)
    tallies = {
        "Jenis peluang": _tally([(OpportunityKind(kind).label, outcome, count) for kind, outcome, count in by_kind],
                                [kind.label for kind in OpportunityKind]),
        "Kategori": _tally([(names.get(code, code), outcome, count) for code, outcome, count in by_category]
                           + [(NO_CATEGORY, outcome, count) for outcome, count in uncategorised],
                           [names[code] for code in order] + [NO_CATEGORY]),
        "Jenis kelamin": _tally([(Sex(value).label, outcome, count) for value, outcome, count in by_sex], [s.label for s in Sex]),
    }
    return tallies, _outcome_count("Jumlah", total)


def _tally(rows: list[tuple[str, str | None, int]], order: list[str]) -> tuple[OutcomeCount, ...]:
    lines: dict[str, list[int]] = {}
    for name, outcome, count in rows:
        _count(lines.setdefault(name, [0] * (len(OUTCOMES) + 2)), outcome, count)
    ranked = sorted(lines.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    return tuple(_outcome_count(name, line) for name, line in ranked)


def _count(line: list[int], outcome: str | None, count: int) -> None:
    line[0] += count
    if outcome is None:
        line[-1] += count
    else:
        line[1 + OUTCOMES.index(Outcome(outcome))] += count


def _outcome_count(name: str, line: list[int]) -> OutcomeCount:
    return OutcomeCount(name, line[0], tuple(line[1:-1]), line[-1])
