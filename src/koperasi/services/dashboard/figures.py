"""Figures for the Beranda tiles, as of a day: members, loans, trainings, sales.

Each figure is the same number as the report it summarises: the loan tile reads the arrears
report's own statement (its ageing lines and its worst late loans, without the breakdowns) and the
fund list, the sales tile the sales report's lines as kept in running figures beside the sales
(services/sales/running.py, held to the lines by ``koperasi doctor``), the training tile the training
summary (tests/services/dashboard/test_figures.py checks them one by one). The members tile
and the month's movements are counted in the database (set queries, no Python loop over rows).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import case, func, select, union_all
from sqlalchemy.orm import Session

from koperasi.db.models import (
    CommunityMeeting, CommunityMeetingAttendance, Referral,
    Category, HouseholdMember, Kecamatan, Loan, LoanInstallment, LoanMovement, Member, MemberCategory,
    ProducerBalance, SalesChannel, SalesDay, TrainingAttendance, TrainingBatch, TrainingParticipant, TrainingProgramme, TrainingSession,
)
from koperasi.domain.errors import ValidationError
from koperasi.domain.loans.papers import ArrearsLine, PortfolioShare
from koperasi.domain.loans.rules import MovementKind
from koperasi.domain.members.register import SchoolStatus
from koperasi.domain.network.opportunities import Outcome
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.sales.papers import SalesTotal
from koperasi.domain.trainings.papers import TrainedCount
from koperasi.domain.trainings.rules import RuleKind
from koperasi.services.access import authorize
from koperasi.services.loans.arrears import book_summary, reversed_movements
from koperasi.services.loans.funds import fund_positions

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)  # month ends and the next two weeks stay within date
UPCOMING_DAYS = 14


@dataclass(frozen=True, slots=True)
class Count:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class MemberFigures:
    total: int  # members on the day: joined by then and not yet left
    women: int
    new_in_month: int
    left_in_month: int
    by_category: tuple[Count, ...]  # members now in each vulnerability category
    out_of_school_children: int  # children of members' households out of school
    by_kecamatan: tuple[Count, ...]

    @property
    def women_share(self) -> float:
        return self.women / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class FundFigures:
    name: str
    capital: int
    lent_out: int
    available: int


@dataclass(frozen=True, slots=True)
class LoanFigures:
    book: PortfolioShare  # the arrears report's total: loans, outstanding, PAR30 amount
    buckets: tuple[PortfolioShare, ...]  # the arrears report's ageing lines
    oldest_arrears: tuple[ArrearsLine, ...]  # the first ten of its late loans, worst first
    disbursed_in_month: int
    disbursed_in_year: int
    due_in_month: int  # installments fallen due from the month's first day to the day (schedules in force)
    collected_in_month: int  # standing repayments in the month
    funds: tuple[FundFigures, ...]

    @property
    def collection_rate(self) -> float:
        return self.collected_in_month / self.due_in_month if self.due_in_month else 0.0


@dataclass(frozen=True, slots=True)
class TrainingFigures:
    year: TrainedCount  # the training summary's total for the year to the day
    by_programme: tuple[TrainedCount, ...]
    upcoming_sessions: int  # in the next UPCOMING_DAYS days, not cancelled

    @property
    def completion_rate(self) -> float:
        return self.year.completed / self.year.participants if self.year.participants else 0.0


@dataclass(frozen=True, slots=True)
class SalesFigures:
    month: SalesTotal
    year: SalesTotal
    month_by_channel: tuple[SalesTotal, ...]
    year_by_channel: tuple[SalesTotal, ...]
    owed_to_producers: int  # producers' shares of standing sales minus standing payouts, all time
    producers_owed: int


@dataclass(frozen=True, slots=True)
class NetworkFigures:
    meetings: int  # community meetings held this year to the day
    attended: int  # members' attendances at them
    referred: int  # referrals made this year
    outcomes: tuple[tuple[str, int], ...]  # (outcome label, referrals of this year with it)
    without_outcome: int


class Area(StrEnum):
    """A tile of Beranda, read on its own after a save touched it (services/dashboard/changes.py);
    each value is the name of its field in ``Figures``."""

    MEMBERS = "members"
    LOANS = "loans"
    TRAININGS = "trainings"
    SALES = "sales"
    NETWORK = "network"


EVERY_AREA = frozenset(Area)

AreaFigures = MemberFigures | LoanFigures | TrainingFigures | SalesFigures | NetworkFigures


@dataclass(frozen=True, slots=True)
class Figures:
    as_of: date
    members: MemberFigures
    loans: LoanFigures
    trainings: TrainingFigures
    sales: SalesFigures
    network: NetworkFigures | None = None

    def with_area(self, area: Area, read: AreaFigures) -> Figures:
        """These figures with one area's read again (as of the same day)."""
        return replace(self, **{area.value: read})


def figures(session: Session, actor: Actor, *, as_of: date) -> Figures:
    """Every Beranda tile as of the end of ``as_of`` (today, or a chosen month's end)."""
    authorize(session, actor, Permission.USE_APP)
    as_of = checked_day(as_of, "as_of")
    return Figures(as_of, *(_read(session, actor, area, as_of) for area in Area))


def area_figures(session: Session, actor: Actor, *, as_of: date, area: Area) -> AreaFigures:
    """One tile's figures as of the end of ``as_of``: what a save in that area changed, without the rest."""
    authorize(session, actor, Permission.USE_APP)
    as_of = checked_day(as_of, "as_of")
    if type(area) is not Area:
        raise ValidationError("Bagian Beranda tidak dikenal.", field="area")
    return _read(session, actor, area, as_of)


def _read(session: Session, actor: Actor, area: Area, as_of: date) -> AreaFigures:
    match area:
        case Area.MEMBERS:
            return _members(session, as_of)
        case Area.LOANS:
            return _loans(session, actor, as_of)
        case Area.TRAININGS:
            return _trainings(session, actor, as_of)
        case Area.SALES:
            return _sales(session, as_of)
        case Area.NETWORK:
            return _network(session, as_of)


def _network(session: Session, as_of: date) -> NetworkFigures:
    """This year's community meetings and referrals, the referrals by outcome (the Jaringan tile)."""
    year_start = as_of.replace(month=1, day=1)
    meetings, attended = session.execute(
        select(func.count(func.distinct(CommunityMeeting.id)), func.count(CommunityMeetingAttendance.member_id))
        .select_from(CommunityMeeting)
        .outerjoin(CommunityMeetingAttendance, CommunityMeetingAttendance.meeting_id == CommunityMeeting.id)
        .where(CommunityMeeting.held_on.between(year_start, as_of))
    ).one()
    counts = dict(session.execute(
        select(Referral.outcome, func.count()).where(Referral.referred_on.between(year_start, as_of)).group_by(Referral.outcome)
    ).all())
    outcomes = tuple((outcome.label, int(counts.get(outcome.value, 0))) for outcome in Outcome if counts.get(outcome.value))
    return NetworkFigures(int(meetings or 0), int(attended or 0), int(sum(counts.values())), outcomes, int(counts.get(None, 0)))


def _members(session: Session, as_of: date) -> MemberFigures:
    """The members tile from covering indexes, never the wide member rows, and no member sought one by one.

    The roll per kecamatan is one pass over ix_members_roll grouped by its first column (kecamatan
    code: in index order, no sort), its rows off the roll skipped rather than tested in each count, named
    afterwards; the tile's totals add those few rows up. The month's joiners and leavers are counted apart,
    each a range of its own index (ix_members_join_date, ix_members_left_on): every member has a kecamatan
    (a required key), so they are the same members the grouped pass would count. Categories
    and out-of-school children are everyone's, counted in their own indexes, less those of the members
    off the roll that day (left by then, or joining after it: few, found in ix_members_left_on and
    ix_members_join_date), so no member is looked up for each of their rows.
    """
    month_start = as_of.replace(day=1)
    on_roll = (Member.join_date <= as_of) & (Member.left_on.is_(None) | (Member.left_on > as_of))
    per_code = (
        select(Member.kecamatan_code.label("code"), func.count().label("total"), func.count().filter(Member.sex == "P").label("women"))
        .where(on_roll)
        .group_by(Member.kecamatan_code)
        .subquery("per_code")
    )
    per_kecamatan = session.execute(
        select(Kecamatan.name, func.sum(per_code.c.total), func.sum(per_code.c.women))
        .join(per_code, per_code.c.code == Kecamatan.code)
        .group_by(Kecamatan.name)
    ).all()
    total, women = (sum(int(row[column]) for row in per_kecamatan) for column in (1, 2))
    new, left = session.execute(select(
        select(func.count()).where(Member.join_date.between(month_start, as_of)).scalar_subquery(),
        select(func.count()).where(Member.left_on.between(month_start, as_of)).scalar_subquery(),
    )).one()
    # Largest first, then by name, as the database ordered them before (the test holds it).
    by_kecamatan = sorted(((name, int(n)) for name, n, *_ in per_kecamatan if n), key=lambda row: (-row[1], row[0]))
    # UNION ALL: IN does not mind a member listed twice, so no temporary B-tree removes duplicates first.
    off_roll = union_all(
        select(Member.id).where(Member.left_on <= as_of),
        select(Member.id).where(Member.join_date > as_of),
    )
    everyone = select(MemberCategory.category_code.label("code"), func.count().label("n")).group_by(MemberCategory.category_code)
    gone = (
        select(MemberCategory.category_code, -func.count())
        .where(MemberCategory.member_id.in_(off_roll))
        .group_by(MemberCategory.category_code)
    )
    counted = union_all(everyone, gone).subquery("counted")
    by_category = session.execute(
        select(Category.name, func.sum(counted.c.n))
        .join(counted, counted.c.code == Category.code)
        .group_by(Category.name, Category.position)
        .having(func.sum(counted.c.n) > 0)
        .order_by(Category.position, Category.name)
    ).all()
    out_of_school = HouseholdMember.school_status.in_([s.value for s in SchoolStatus if s is not SchoolStatus.IN_SCHOOL])
    children = session.scalar(select(func.count()).select_from(HouseholdMember).where(out_of_school)) or 0
    children_gone = session.scalar(
        select(func.count()).select_from(HouseholdMember).where(out_of_school, HouseholdMember.member_id.in_(off_roll))
    ) or 0
    return MemberFigures(
        total, women, int(new), int(left), tuple(Count(name, int(n)) for name, n in by_category),
        int(children) - int(children_gone), tuple(Count(name, n) for name, n in by_kecamatan),
    )


def _loans(session: Session, actor: Actor, as_of: date) -> LoanFigures:
    buckets, book, oldest = book_summary(session, actor, as_of=as_of)
    month_start, year_start = as_of.replace(day=1), as_of.replace(month=1, day=1)
    disbursed_month, disbursed_year, collected = _movement_sums(session, year_start, month_start, as_of)
    due = session.scalar(
        select(func.coalesce(func.sum(LoanInstallment.amount), 0))
        .join(Loan, (Loan.id == LoanInstallment.loan_id) & (Loan.schedule_no == LoanInstallment.schedule_no))
        .where(LoanInstallment.due_on.between(month_start, as_of), Loan.disbursed > 0)
    ) or 0
    funds = tuple(
        FundFigures(fund.name, fund.capital, fund.outstanding, fund.available)
        for fund in fund_positions(session, actor) if fund.active or fund.outstanding
    )
    return LoanFigures(
        book, buckets, oldest, int(disbursed_month), int(disbursed_year),
        int(due), int(collected), funds,
    )


def _movement_sums(session: Session, year_start: date, month_start: date, as_of: date) -> tuple[int, int, int]:
    """Standing disbursements of the month and of the year, and standing repayments of the month, to ``as_of``.

    Read from ix_loan_movements_day (day, kind, ...): the month's movements as a range, the year's disbursements
    day by day (a seek per day to that day's disbursements, not the year's repayments read past them); less
    the movements reversals cancelled (``reversed_movements``: not a reversal looked up for each movement)."""
    disbursement, repayment = MovementKind.DISBURSEMENT.value, MovementKind.REPAYMENT.value
    amount, kind, day = LoanMovement.amount, LoanMovement.kind, LoanMovement.occurred_on
    month = (
        func.coalesce(func.sum(amount).filter(kind == disbursement, day >= month_start), 0),
        func.coalesce(func.sum(amount).filter(kind == repayment, day >= month_start), 0),
    )
    disbursed_month, collected = session.execute(
        select(*month).where(day.between(month_start, as_of), kind.in_([disbursement, repayment]))
    ).one()
    year_days = [year_start + timedelta(days=n) for n in range((as_of - year_start).days + 1)]
    disbursed_year = session.scalar(
        select(func.coalesce(func.sum(amount), 0)).where(day.in_(year_days), kind == disbursement)
    )
    cancelled_month, cancelled_collected, cancelled_year = session.execute(
        select(*month, func.coalesce(func.sum(amount).filter(kind == disbursement), 0))
        .where(LoanMovement.id.in_(reversed_movements()), day.between(year_start, as_of),
               kind.in_([disbursement, repayment]))
    ).one()
    return (int(disbursed_month) - int(cancelled_month), int(disbursed_year) - int(cancelled_year),
            int(collected) - int(cancelled_collected))


def _trainings(session: Session, actor: Actor, as_of: date) -> TrainingFigures:
    """The training summary's counts for the year to the day, in one grouped query.

    The same people as ``services/trainings/papers.training_summary`` (a person once per batch with a
    session in the period; one who withdrew without attending is left out) and the same completion
    rule as ``CompletionRule.met`` (attended, at most the sessions held since enrolling, against the
    programme's minimum or share); the test holds the two to each other.
    """
    year_start = as_of.replace(month=1, day=1)
    batches = (
        select(TrainingSession.batch_id)
        .where(TrainingSession.cancelled.is_(False), TrainingSession.held_on.between(year_start, as_of))
        .distinct()
    )
    attended = (
        select(func.count())
        .select_from(TrainingAttendance)
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(TrainingAttendance.participant_id == TrainingParticipant.id, TrainingSession.batch_id == TrainingParticipant.batch_id,
               TrainingSession.cancelled.is_(False), TrainingAttendance.present.is_(True))
        .scalar_subquery()
    )
    taken = select(TrainingAttendance.session_id)
    held = (
        select(func.count())
        .select_from(TrainingSession)
        .where(TrainingSession.batch_id == TrainingParticipant.batch_id, TrainingSession.cancelled.is_(False),
               TrainingSession.id.in_(taken), TrainingSession.held_on >= TrainingParticipant.enrolled_on)
        .scalar_subquery()
    )
    people = (
        select(
            TrainingProgramme.name.label("programme"), TrainingProgramme.rule_kind, TrainingProgramme.rule_value,
            TrainingParticipant.withdrawn_on, func.coalesce(Member.sex, HouseholdMember.sex).label("sex"),
            attended.label("attended"), held.label("held"),
        )
        .join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id)
        .join(TrainingProgramme, TrainingProgramme.id == TrainingBatch.programme_id)
        .outerjoin(Member, Member.id == TrainingParticipant.member_id)
        .outerjoin(HouseholdMember, HouseholdMember.id == TrainingParticipant.household_member_id)
        .where(TrainingParticipant.batch_id.in_(batches))
        # Worked out once per person: inlined, SQLite would count each one's sessions again at every use below.
        .cte("people")
        .prefix_with("MATERIALIZED")
    )
    counted = _min_of(people.c.attended, people.c.held)
    met = case(
        (people.c.rule_kind == RuleKind.MIN_SESSIONS.value, counted >= people.c.rule_value),
        else_=counted * 100 >= people.c.rule_value * people.c.held,
    )
    completed = people.c.withdrawn_on.is_(None) & (people.c.held > 0) & (people.c.attended > 0) & met
    rows = session.execute(
        select(people.c.programme, func.count(), func.count().filter(completed),
               func.count().filter(people.c.sex == "P"), func.count().filter(people.c.sex == "L"))
        .where(people.c.withdrawn_on.is_(None) | (people.c.attended > 0))
        .group_by(people.c.programme)
    ).all()
    # Ordered as the report orders them (Python's order, not the database's collation); one row per programme.
    by_programme = tuple(sorted((TrainedCount(name, int(n), int(done), int(women), int(men)) for name, n, done, women, men in rows),
                                key=lambda row: row.name))
    total = TrainedCount("Jumlah", *(sum(getattr(row, field) for row in by_programme)
                                     for field in ("participants", "completed", "women", "men")))
    upcoming = session.scalar(
        select(func.count(TrainingSession.id)).where(
            TrainingSession.cancelled.is_(False),
            TrainingSession.held_on > as_of, TrainingSession.held_on <= as_of + timedelta(days=UPCOMING_DAYS),
        )
    ) or 0
    return TrainingFigures(total, by_programme, int(upcoming))


def _min_of(a, b):
    """The smaller of two numbers in SQL (SQLite spells it min(), PostgreSQL least(); CASE is both)."""
    return case((a < b, a), else_=b)


def _sales(session: Session, as_of: date) -> SalesFigures:
    """The sales report's totals and "Saluran" lines for the month and the year, from the running figures
    of each day and channel (``sales_days``: its standing lines counted, totalled, their commission), a
    few hundred rows for a year rather than every line.

    The same lines as ``services/sales/papers.sales_report`` (standing sale lines by their sale's day,
    counted and summed per channel, channels in Python's name order): ``koperasi doctor`` holds the
    running figures to the lines, and the tests hold the tile to the report. A channel whose sales of the
    period were all cancelled has no line, as in the report.
    """
    month_start, year_start = as_of.replace(day=1), as_of.replace(month=1, day=1)
    in_month = SalesDay.sold_on >= month_start
    rows = session.execute(
        select(
            SalesChannel.name, func.sum(SalesDay.lines), func.sum(SalesDay.total), func.sum(SalesDay.commission),
            func.sum(SalesDay.lines).filter(in_month), func.sum(SalesDay.total).filter(in_month),
            func.sum(SalesDay.commission).filter(in_month),
        )
        .join(SalesChannel, SalesChannel.id == SalesDay.channel_id)
        .where(SalesDay.sold_on.between(year_start, as_of))
        .group_by(SalesChannel.name)
    ).all()
    year_by_channel = tuple(sorted((SalesTotal(name, int(n), int(total or 0), int(commission or 0))
                                    for name, n, total, commission, *_ in rows if n), key=lambda row: row.name))
    month_by_channel = tuple(sorted((SalesTotal(name, int(n), int(total or 0), int(commission or 0))
                                     for name, *_, n, total, commission in rows if n), key=lambda row: row.name))
    owed, producers = producers_owed(session)
    return SalesFigures(_sum_of(month_by_channel), _sum_of(year_by_channel), month_by_channel, year_by_channel, owed, producers)


def _sum_of(lines: tuple[SalesTotal, ...]) -> SalesTotal:
    """The report's "Jumlah" line: its channel lines added up."""
    return SalesTotal("Jumlah", sum(line.sales for line in lines), sum(line.total for line in lines),
                      sum(line.commission for line in lines))


def producers_owed(session: Session) -> tuple[int, int]:
    """What the office owes its producers now, and to how many: the producers' running balances
    (``producer_balances``, services/sales/running.py: their shares of standing sales less their standing
    payouts, held to those rows by ``koperasi doctor``), those owed something added up."""
    owing = ProducerBalance.owed > 0
    total, count = session.execute(
        select(func.coalesce(func.sum(ProducerBalance.owed).filter(owing), 0), func.count().filter(owing))
    ).one()
    return int(total), int(count)


def checked_day(value: object, field: str) -> date:
    """A day the figures can stand on (a date, not a datetime, in a sane range), or a clear refusal."""
    if type(value) is not date or not FIRST_DAY <= value <= LAST_DAY:
        raise ValidationError("Tanggal tidak sah untuk angka Beranda.", field=field)
    return value


def month_end_or_today(month: date, today: date) -> date:
    """The day a month's figures stand on: its last day, or today while the month is running."""
    end = _month_end(month)
    return today if month.replace(day=1) <= today <= end else end


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)
