"""The indicators of a period: households reached, change since the baseline, loans repaid on time.

One statement pairs every household's baseline (its earliest day up to the period's end) with its latest
measurement in the period, both found from the (member_id, measured_on) index alone, and computes in SQL the
0/1 terms each indicator adds up (domain/impact/indicators.py defines them; a test holds the two to the same
figures). Python then only sums those small rows, per group of a breakdown, and takes the medians: at 100,000
households the indicators by category went from 5.6 s to 1.4 s (bench/scenarios_impact.py).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from itertools import compress, islice

from sqlalchemy import (
    BigInteger,
    Date,
    Integer,
    Interval,
    Row,
    Select,
    String,
    and_,
    case,
    cast,
    extract,
    func,
    literal,
    literal_column,
    not_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    Category,
    Desa,
    FundSource,
    HouseholdMeasurement,
    Kecamatan,
    Loan,
    LoanInstallment,
    LoanProduct,
    Member,
    MemberCategory,
    PovertyLine,
    TrainingBatch,
    TrainingParticipant,
    TrainingProgramme,
)
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.impact.cohorts import MILESTONES, WINDOW_MONTHS, CohortBasis, CohortRow, CohortSpan, cohort_of
from koperasi.domain.impact.household import BusinessStatus
from koperasi.domain.impact.indicators import Dimension, Indicators, indicators, median_floor
from koperasi.domain.impact.papers import GroupFigures, ImpactFigures
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize


def household_key(column):
    """A member id as the driver hands it over, without SQLAlchemy's per-row UUID conversion: a key that only joins
    this read's rows to each other (a quarter of the time of a 100,000-household report went into converting)."""
    return type_coerce(column, String)
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2200, 1, 1)


def impact_figures(
    session: Session, actor: Actor, *, period_from: date, period_to: date, dimension: Dimension | None = None,
    fund_id: uuid.UUID | None = None, programme_id: uuid.UUID | None = None,
) -> ImpactFigures:
    """The indicators over the households of a fund (its borrowers), a training programme (its participants)
    or everyone, for the period; with ``dimension`` also per group."""
    authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
    if dimension is not None and not isinstance(dimension, Dimension):
        raise ValidationError("Pilihan rincian tidak dikenal.", field="dimension")
    figures, by_dimension = figures_and_breakdowns(session, period_from=period_from, period_to=period_to, fund_id=fund_id,
                                                   programme_id=programme_id, dimensions=(dimension,) if dimension else ())
    return replace(figures, dimension=dimension, groups=by_dimension.get(dimension, []))


def figures_and_breakdowns(
    session: Session, *, period_from: date, period_to: date, fund_id: uuid.UUID | None, programme_id: uuid.UUID | None,
    dimensions: tuple[Dimension, ...],
) -> tuple[ImpactFigures, dict[Dimension, list[GroupFigures]]]:
    """The figures and several breakdowns (the screen, the district's packet); the caller has checked the right."""
    check_period(period_from, period_to)
    population, scope = population_of(session, fund_id, programme_id)
    lines = lines_in_force(session, period_to)
    pairs = household_pairs(session, population, period_from, period_to, lines)
    by_dimension = {dimension: grouped(pairs, _labels_of(session, dimension)) for dimension in dimensions}
    contacts = union(*other_contacts(fund_id, programme_id, period_from, period_to)).subquery()
    reached = {pair[KEY] for pair in pairs if pair[VISITED]}  # the pairs are the population's measured households
    reached.update(session.connection().execute(select(household_key(contacts.c.member_id))).scalars())
    return figures_of(session, pairs, population, scope, fund_id, period_from, period_to, lines, len(reached)), by_dimension


def figures_of(session: Session, pairs: Sequence[Row], population: Select | None, scope: str, fund_id, period_from: date,
               period_to: date, lines: dict[str, int], reached: int) -> ImpactFigures:
    """The period's figures in total over rows of ``household_pairs``."""
    paid_off, on_time = _loans_repaid(session, population, fund_id, period_from, period_to)
    return ImpactFigures(
        period_from=period_from, period_to=period_to, scope=scope, dimension=None, reached=reached, total=summed(pairs),
        groups=[], loans_paid_off=paid_off, loans_on_time=on_time, poverty_lines=lines,
    )


def household_pairs(session: Session, population: Select | None, period_from: date, period_to: date, lines: dict[str, int],
                    extra: Sequence = ()) -> list[Row]:
    """One row per household with a baseline by the period's end: ``key``, the indicator terms, ``sex``, ``kecamatan``,
    ``visited`` (1: measured in the period), then ``extra`` (columns of ``BASELINE``, ``LATEST``, ``Member``, ``Kecamatan``). Read through the connection:
    the ORM's handling of the rows was a third of the time at 100,000 households."""
    return session.connection().execute(_pairs(population, period_from, period_to, lines, extra, sqlite=on_sqlite(session))).all()


def income_changes(session: Session, *, period_from: date, period_to: date) -> list[int]:
    """Each followed-up household's change of monthly income in the period (latest − baseline), sorted and with
    nothing that says whose: what a median over several offices needs (the district's packet); the caller has
    checked the right."""
    check_period(period_from, period_to)
    pairs = _pairs(None, period_from, period_to, {}, sqlite=on_sqlite(session)).subquery()
    return sorted(int(change) for change in session.scalars(select(pairs.c.change).where(pairs.c.followed == 1)))


def check_period(period_from: date, period_to: date) -> None:
    for day in (period_from, period_to):
        if type(day) is not date or not FIRST_DAY <= day <= LAST_DAY:
            raise ValidationError("Tanggal periode tidak sah.", field="period")
    if period_from > period_to:
        raise ValidationError("Awal periode harus sebelum akhir periode.", field="period")


def population_of(session: Session, fund_id: uuid.UUID | None, programme_id: uuid.UUID | None) -> tuple[Select | None, str]:
    """The members the report is about (None: all) and how the report names them."""
    if fund_id is not None and programme_id is not None:
        raise ValidationError("Pilih sumber dana atau program, tidak keduanya.", field="scope")
    if fund_id is not None:
        fund = session.get(FundSource, fund_id) if isinstance(fund_id, uuid.UUID) else None
        if fund is None:
            raise NotFound("Sumber dana tidak ditemukan.")
        return (select(Loan.member_id).where(Loan.fund_source_id == fund.id, Loan.disbursed_on.is_not(None)),
                f"Sumber dana: {fund.name} ({fund.donor})")
    if programme_id is not None:
        programme = session.get(TrainingProgramme, programme_id) if isinstance(programme_id, uuid.UUID) else None
        if programme is None:
            raise NotFound("Program pelatihan tidak ditemukan.")
        return (select(TrainingParticipant.member_id)
                .join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id)
                .where(TrainingBatch.programme_id == programme.id, TrainingParticipant.member_id.is_not(None)),
                f"Program pelatihan: {programme.name}")
    return None, "Semua anggota"


def _within(column, population: Select | None):
    return column.in_(population) if population is not None else True


def _rank(status):
    return case({business.value: business.rank for business in BusinessStatus}, value=status)


BASELINE, LATEST = aliased(HouseholdMeasurement, name="baseline"), aliased(HouseholdMeasurement, name="latest")


def _pairs(population: Select | None, period_from: date, period_to: date, lines: dict[str, int], extra: Sequence = (), *,
           sqlite: bool):
    """One row per household with a baseline by the period's end: its member id and, against its latest measurement
    in the period (if that is a later one), the 0/1 terms the indicators add up (domain/impact/indicators.py says
    what each means; the tests hold the two to the same figures)."""
    m = HouseholdMeasurement
    # The earliest day of each household and its latest in the period, in one pass over the (member_id, measured_on)
    # index; one measurement a day, so the day finds the row.
    days = (select(m.member_id, func.min(m.measured_on).label("first"),
                   func.max(case((m.measured_on >= period_from, m.measured_on))).label("last"))
            .where(m.measured_on <= period_to, _within(m.member_id, population)).group_by(m.member_id).subquery())
    b, l = BASELINE, LATEST
    return (
        select(
            household_key(days.c.member_id).label("key"), *_terms(b, l, _line_of(lines)),
            Member.sex, Kecamatan.name.label("kecamatan"), _flag(days.c.last.is_not(None)).label("visited"),
            *extra,
        )
        .select_from(days)
        .join(b, and_(b.member_id == days.c.member_id, seek(b.measured_on, days.c.first, sqlite)))
        .join(Member, seek(Member.id, days.c.member_id, sqlite)).join(Desa, Desa.id == Member.desa_id)
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
        .outerjoin(l, and_(l.member_id == days.c.member_id, seek(l.measured_on, days.c.last, sqlite), days.c.last > days.c.first))
    )


def seek(column, value, sqlite: bool):
    """``column = value``; on SQLite written as the range of one value, so that it reads it from a covering index
    (migration 0029). Without statistics SQLite takes, for an equality on a unique key's every column, that key's
    index and then the table row; as a range, it weighs the indexes and takes the one that carries every column
    the statement reads (the funder's report at 100,000 households: 0.80 -> 0.53 s CPU for the households;
    tests/services/impact/test_report_reads.py keeps it). PostgreSQL keeps the equality its hash joins need."""
    return column.between(value, value) if sqlite else column == value


def on_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _flag(condition):
    return case((condition, 1), else_=0)


def _line_of(lines: dict[str, int], kind=Desa.kind):
    """The poverty line per person of a household as SQL, by its desa's kind (NULL: none entered)."""
    rural, urban = lines.get("perdesaan"), lines.get("perkotaan")
    return case((kind == "kelurahan", cast(literal(urban, BigInteger), BigInteger)),
                else_=cast(literal(rural, BigInteger), BigInteger))


def _terms(b, l, line, suffix: str = "") -> list:
    """The 0/1 terms (``_TERMS``) of a household's baseline ``b`` against a later measurement ``l`` (outer-joined:
    all NULL when there is none)."""
    followed = l.measured_on.is_not(None)  # not the id, which the covering index does not carry
    lined = and_(followed, line.is_not(None))
    terms = (
        _flag(followed),
        (l.monthly_income - b.monthly_income),
        _flag(lined),
        _flag(and_(lined, b.monthly_income >= line * b.household_size)),
        _flag(and_(lined, l.monthly_income >= line * l.household_size)),
        _flag(and_(followed, _rank(l.business_status) > _rank(b.business_status))),
        _flag(and_(followed, b.moneylender_debt)),
        _flag(and_(followed, b.moneylender_debt, not_(l.moneylender_debt))),
        case((and_(followed, l.children_in_school > b.children_in_school), l.children_in_school - b.children_in_school),
             else_=0),
        _flag(and_(followed, b.woman_business)),
        _flag(and_(followed, l.woman_business)),
    )
    return [term.label(name + suffix) for name, term in zip(_TERMS, terms, strict=True)]


def summed(pairs: Sequence[Row]) -> Indicators:
    """The indicators over rows of ``_pairs``."""
    return _summed(pairs, first=1)


def _summed(rows: Sequence[Sequence], first: int = 0) -> Indicators:
    """The indicators over the households' terms (``_TERMS`` from column ``first`` of each row): column sums, and the
    median of the changes of the followed-up. Taken a column at a time, in C: slicing each row's terms out first was
    most of the time of a breakdown at 100,000 households."""
    if not rows:
        return indicators([])
    columns = dict(zip(_TERMS, islice(zip(*rows), first, first + len(_TERMS)), strict=True))
    row = {name: sum(columns[name]) for name in _TERMS if name != "change"}
    return Indicators(
        households=len(rows), followed_up=row["followed"],
        median_income_change=median_floor(list(compress(columns["change"], columns["followed"]))),
        above_poverty_before=row["above_before"] if row["lined"] else None,
        above_poverty_after=row["above_after"] if row["lined"] else None,
        with_poverty_line=row["lined"], businesses_started_or_grown=row["grown"],
        moneylender_debt_before=row["debt_before"], moneylender_debt_ended=row["debt_ended"],
        children_back_in_school=row["back_in_school"], women_business_before=row["women_before"],
        women_business_after=row["women_after"],
    )


_TERMS = ("followed", "change", "lined", "above_before", "above_after", "grown", "debt_before", "debt_ended", "back_in_school",
           "women_before", "women_after")
_WIDTH = 1 + len(_TERMS)  # the key, then the terms (then the sex, the kecamatan and any ``extra`` columns)
# Where a row of ``household_pairs`` has what the breakdowns look at: read by position in the loops over every
# household, as a Row's look-up by name costs ten times as much (a tenth of the funder's report at 100,000).
KEY, FOLLOWED, SEX, KECAMATAN, VISITED = 0, 1, _WIDTH, _WIDTH + 1, _WIDTH + 2


def lines_in_force(session: Session, on: date) -> dict[str, int]:
    latest = (select(PovertyLine.area, func.max(PovertyLine.valid_from).label("valid_from"))
              .where(PovertyLine.valid_from <= on).group_by(PovertyLine.area).subquery())
    rows = session.execute(select(PovertyLine.area, PovertyLine.amount).join(
        latest, and_(latest.c.area == PovertyLine.area, latest.c.valid_from == PovertyLine.valid_from)))
    return {area: amount for area, amount in rows}


def _labels_of(session: Session, dimension: Dimension) -> Callable[[Row], Sequence[str]]:
    """How to name a household's groups in ``dimension``; one in none of them goes to the dimension's fallback group."""
    if dimension is Dimension.PROGRAMME:
        queries = [
            ("Pelatihan: ", select(household_key(TrainingParticipant.member_id), TrainingProgramme.name)
             .join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id)
             .join(TrainingProgramme, TrainingProgramme.id == TrainingBatch.programme_id)
             .where(TrainingParticipant.member_id.is_not(None))),
            ("Pinjaman: ", select(household_key(Loan.member_id), LoanProduct.name)
             .join(LoanProduct, LoanProduct.id == Loan.product_id).where(Loan.disbursed_on.is_not(None))),
        ]
        fallback = "Belum ikut program"
    elif dimension is Dimension.FUND:
        queries = [("", select(household_key(Loan.member_id), FundSource.name).join(FundSource, FundSource.id == Loan.fund_source_id)
                    .where(Loan.disbursed_on.is_not(None)))]
        fallback = "Tanpa pinjaman"
    elif dimension is Dimension.CATEGORY:
        return by_key(category_names(session, None), "Tanpa kategori")
    elif dimension is Dimension.KECAMATAN:
        return lambda pair: (pair[KECAMATAN],)
    elif dimension is Dimension.SEX:
        return lambda pair: (SEX_LABELS[pair[SEX]],)
    else:
        queries = [("", select(household_key(Member.id), extract("year", Member.join_date)))]
        fallback = ""
    groups: dict[object, list[str]] = defaultdict(list)
    for prefix, query in queries:
        names: dict[object, str] = {}
        for key, value in session.connection().execute(query.distinct()):  # two loans from one fund are one group
            name = names.get(value)
            if name is None:
                name = names[value] = prefix + _label(dimension, value)
            groups[key].append(name)
    return by_key(groups, fallback)


def by_key(groups: dict[object, list[str]], fallback: str) -> Callable[[Row], Sequence[str]]:
    """A household's groups from a key -> names mapping; one in none goes to ``fallback`` (if any)."""
    none = (fallback,) if fallback else ()
    return lambda pair: groups.get(pair[KEY]) or none


def category_names(session: Session, population: Select | None) -> dict[object, list[str]]:
    """Each household's vulnerability categories by key, in the categories' order: one category at a time, its
    members from the (category_code, member_id) index alone, where ordering every member's categories by position
    sorted them all (0.12 -> 0.05 s at 100,000 members)."""
    names: dict[object, list[str]] = defaultdict(list)
    connection = session.connection()
    for code, name in connection.execute(select(Category.code, Category.name).order_by(Category.position)).all():
        for key in connection.execute(select(household_key(MemberCategory.member_id)).where(
                MemberCategory.category_code == code, _within(MemberCategory.member_id, population))).scalars().all():
            names[key].append(name)
    return names


def grouped(pairs: Sequence[Row], groups_of: Callable[[Row], Sequence[str]]) -> list[GroupFigures]:
    """The indicators per group, by label: a household counts once in each group ``groups_of`` names for it (the
    pairs are the population's households already)."""
    members: dict[str, list[Row]] = defaultdict(list)
    for pair in pairs:
        for label in groups_of(pair):
            members[label].append(pair)
    return [GroupFigures(label, summed(rows)) for label, rows in sorted(members.items())]


SEX_LABELS = {sex.value: sex.label for sex in Sex}


def _label(dimension: Dimension, value) -> str:
    if dimension is Dimension.SEX:
        return Sex(value).label
    if dimension is Dimension.COHORT:
        return f"Bergabung {value}"
    return str(value)


def other_contacts(fund_id, programme_id, period_from: date, period_to: date) -> list[Select]:
    """Who was reached besides a household visited (measured) in the period: the members (``member_id``) with a loan
    disbursed or a training enrolled in the period, of the fund or the programme if one is chosen."""
    borrowed = select(Loan.member_id).where(Loan.disbursed_on.between(period_from, period_to))
    if fund_id is not None:
        borrowed = borrowed.where(Loan.fund_source_id == fund_id)
    trained = (select(TrainingParticipant.member_id)
               .where(TrainingParticipant.member_id.is_not(None), TrainingParticipant.enrolled_on.between(period_from, period_to)))
    if programme_id is not None:
        trained = trained.join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id).where(
            TrainingBatch.programme_id == programme_id)
    return [borrowed] if fund_id is not None else [trained] if programme_id is not None else [borrowed, trained]


def _loans_repaid(session: Session, population: Select | None, fund_id, period_from: date, period_to: date) -> tuple[int, int]:
    """Loans paid off in the period, and of them those paid off by their schedule's last due date."""
    last_due = (
        select(func.max(LoanInstallment.due_on))
        .where(LoanInstallment.loan_id == Loan.id, LoanInstallment.schedule_no == Loan.schedule_no)
        .scalar_subquery()
    )
    query = select(func.count(), func.coalesce(func.sum(case((Loan.closed_on <= last_due, 1), else_=0)), 0)).where(
        Loan.status == "paid_off", Loan.closed_on.between(period_from, period_to), _within(Loan.member_id, population))
    if fund_id is not None:
        query = query.where(Loan.fund_source_id == fund_id)
    paid_off, on_time = session.execute(query).one()
    return int(paid_off), int(on_time)


def cohort_figures(
    session: Session, actor: Actor, *, period_from: date, period_to: date, basis: CohortBasis = CohortBasis.JOINED,
    span: CohortSpan = CohortSpan.YEAR, fund_id: uuid.UUID | None = None, programme_id: uuid.UUID | None = None,
) -> list[CohortRow]:
    """The households that started (joined, first loan, first training) in the period, by year or quarter, at the
    baseline, 6 and 12 months (measurements up to the period's end)."""
    authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
    if not isinstance(basis, CohortBasis) or not isinstance(span, CohortSpan):
        raise ValidationError("Pilihan kohor tidak dikenal.", field="cohort")
    check_period(period_from, period_to)
    population, _ = population_of(session, fund_id, programme_id)
    return cohort_table(session, population, basis, fund_id, period_from, period_to, span)


def cohort_table(session: Session, population: Select | None, basis: CohortBasis, fund_id, period_from: date,
                 period_to: date, span: CohortSpan) -> list[CohortRow]:
    """domain/impact/cohorts.cohort_rows over the database, for a caller that has checked the right (the funder's
    report too). SQL picks each household's baseline and milestone measurements and computes their terms, one row
    per household: reading every measurement of the cohorts' households into Python was a quarter of the funder's
    report at 100,000 households."""
    later = [months for months, _ in MILESTONES if months]
    rows = session.connection().execute(
        _cohort_terms(session, population, basis, fund_id, period_from, period_to, lines_in_force(session, period_to), later)
    ).all()
    by_cohort: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_cohort[cohort_of(row.start, span)].append(row)
    width = len(_TERMS) + 1  # a milestone's terms, then its income
    table: list[CohortRow] = []
    for cohort, members in sorted(by_cohort.items()):
        for months, milestone in MILESTONES:
            if not months:
                table.append(CohortRow(cohort, milestone, len(members), median_floor([row.income for row in members]),
                                       replace(indicators([]), households=len(members))))
                continue
            first = 3 + later.index(months) * width
            taken = [row[first + width - 1] for row in members if row[first]]
            table.append(CohortRow(cohort, milestone, len(taken), median_floor(taken), _summed(members, first)))
    return table


def _cohort_terms(session: Session, population: Select | None, basis: CohortBasis, fund_id, period_from: date,
                  period_to: date, lines: dict[str, int], later: list[int]):
    """One row per household that started in the period and has a baseline by its end: ``key``, ``start``, the
    baseline's ``income``, then per milestone in ``later`` the terms against the measurement closest to it within
    the window (domain/impact/cohorts.at_month; the later one on a tie) and that measurement's income."""
    m = HouseholdMeasurement
    if basis is CohortBasis.JOINED:
        member_id, start, joined = Member.id, Member.join_date, None
    else:
        if basis is CohortBasis.FIRST_LOAN:
            starts = (select(Loan.member_id, func.min(Loan.disbursed_on).label("start")).where(Loan.disbursed_on.is_not(None))
                      .group_by(Loan.member_id))
            if fund_id is not None:
                starts = starts.where(Loan.fund_source_id == fund_id)
        else:
            starts = (select(TrainingParticipant.member_id, func.min(TrainingParticipant.enrolled_on).label("start"))
                      .where(TrainingParticipant.member_id.is_not(None)).group_by(TrainingParticipant.member_id))
        joined = starts.subquery()
        member_id, start = joined.c.member_id, joined.c.start
    # Each household's first day is one seek in the (member_id, measured_on) index, not a grouping of measurements;
    # materialized, so that the test for "has one" does not seek again.
    first = select(func.min(m.measured_on)).where(m.member_id == member_id, m.measured_on <= period_to).scalar_subquery()
    started = select(member_id.label("member_id"), start.label("start"), Desa.kind, first.label("first"))
    if joined is not None:
        started = started.select_from(joined).join(Member, Member.id == member_id)
    started = (started.join(Desa, Desa.id == Member.desa_id)
               .where(start.between(period_from, period_to), _within(member_id, population))
               .cte("started").prefix_with("MATERIALIZED"))
    households = select(started).where(started.c.first.is_not(None)).cte("households").prefix_with("MATERIALIZED")
    # The milestones' windows once per start day (a cohort's households share a few hundred), not per household.
    sqlite = on_sqlite(session)
    days = select(households.c.start).distinct().subquery()
    windows = select(days.c.start, *(column for months in later for column in (
        _months_after(days.c.start, months, sqlite).label(f"target{months}"),
        _months_after(_months_after(days.c.start, months, sqlite), -WINDOW_MONTHS, sqlite).label(f"low{months}"),
        _months_after(_months_after(days.c.start, months, sqlite), WINDOW_MONTHS, sqlite).label(f"high{months}"),
    ))).cte("windows").prefix_with("MATERIALIZED")
    other = aliased(HouseholdMeasurement, name="other")

    def closest(months: int):
        # The distance is a column of an inner select: SQLite cannot order a correlated subquery by an outer column.
        candidates = (
            select(other.measured_on.label("day"),
                   func.abs(_days_between(other.measured_on, windows.c[f"target{months}"], sqlite)).label("distance"))
            .where(other.member_id == households.c.member_id, other.measured_on > households.c.first,
                   other.measured_on <= period_to,
                   other.measured_on.between(windows.c[f"low{months}"], windows.c[f"high{months}"]))
            .correlate(households, windows).subquery()
        )
        return (select(candidates.c.day).order_by(candidates.c.distance, candidates.c.day.desc()).limit(1)
                .scalar_subquery().label(f"day{months}"))

    picked = (select(households, *(closest(months) for months in later))
              .join(windows, windows.c.start == households.c.start).subquery())
    b = BASELINE
    line = _line_of(lines, picked.c.kind)
    columns: list = [household_key(picked.c.member_id).label("key"), picked.c.start, b.monthly_income.label("income")]
    query = select().select_from(picked).join(b, and_(b.member_id == picked.c.member_id, seek(b.measured_on, picked.c.first, sqlite)))
    for months in later:
        at = aliased(HouseholdMeasurement, name=f"at{months}")
        columns += [*_terms(b, at, line, suffix=str(months)), at.monthly_income.label(f"income{months}")]
        query = query.outerjoin(at, and_(at.member_id == picked.c.member_id, seek(at.measured_on, picked.c[f"day{months}"], sqlite)))
    return query.add_columns(*columns)


def _months_after(day, months: int, sqlite: bool):
    """domain/impact/visits.add_months in SQL: the same day ``months`` later, or that month's last day."""
    if not sqlite:
        return cast(day + literal_column(f"interval '{months} months'", Interval), Date)
    same_day = func.date(day, "start of month", f"{months:+d} months",
                         func.printf("+%d days", cast(func.strftime("%d", day), Integer) - 1))
    last_day = func.date(day, "start of month", f"{months + 1:+d} months", "-1 day")
    return func.min(same_day, last_day)  # two arguments: SQLite's scalar min; ISO days sort as text


def _days_between(later, earlier, sqlite: bool):
    return func.julianday(later) - func.julianday(earlier) if sqlite else later - earlier


def report_scopes(session: Session, actor: Actor) -> tuple[list[tuple[uuid.UUID, str]], list[tuple[uuid.UUID, str]]]:
    """The funds and the training programmes a report can be made for: (id, name) each, by name."""
    authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
    funds = session.execute(select(FundSource.id, FundSource.name).order_by(FundSource.name)).all()
    programmes = session.execute(select(TrainingProgramme.id, TrainingProgramme.name).order_by(TrainingProgramme.name)).all()
    return [(row.id, row.name) for row in funds], [(row.id, row.name) for row in programmes]
