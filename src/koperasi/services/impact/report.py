"""The laporan dampak for a funder: a fund's or a programme's households over a period, anonymised.

Everything is counted over the households in scope (a fund's borrowers, a programme's participants, or
every member): people reached by sex, age group, kecamatan and category; money lent and repaid net of
reversals; certificates issued; producers' share of sales net of returns; the indicators with three
breakdowns; one anonymous row per household; and the kisah sukses whose member agreed to their publication
(the only names the report carries). Making it is audited, as it carries personal figures.
"""

from __future__ import annotations

import calendar
import gc
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from itertools import chain, repeat
from operator import itemgetter

from sqlalchemy import Row, Select, and_, case, func, or_, select, union
from sqlalchemy.orm import Session, aliased

from koperasi import clock
from koperasi.db.models import (
    Kecamatan,
    Loan,
    LoanMovement,
    Member,
    Sale,
    SaleLine,
    TrainingBatch,
    TrainingCertificate,
    TrainingParticipant,
)
from koperasi.domain.impact.cohorts import CohortBasis, CohortSpan
from koperasi.domain.impact.indicators import Dimension
from koperasi.domain.impact.papers import AnonymousHousehold, AnonymousMeasurement, FunderReport
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.impact.indicators import (
    BASELINE,
    FOLLOWED,
    KECAMATAN,
    KEY,
    LATEST,
    SEX,
    SEX_LABELS,
    VISITED,
    by_key,
    category_names,
    check_period,
    cohort_table,
    figures_of,
    grouped,
    household_key,
    household_pairs,
    lines_in_force,
    on_sqlite,
    other_contacts,
    population_of,
    seek,
)
from koperasi.services.impact.stories import published_stories
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.transaction import write

AGE_GROUPS = ((0, "di bawah 25"), (25, "25–39"), (40, "40–54"), (55, "55 ke atas"))
_AGE_GROUP, _ESTIMATED = VISITED + 1, VISITED + 2  # the pairs' first extra columns
# What the anonymous rows carry of a measurement (domain/impact/papers.AnonymousHousehold), baseline then latest.
_SHOWN = ("measured_on", "monthly_income", "income_estimated", "household_size", "business_status", "moneylender_amount",
          "school_age_children", "children_in_school", "woman_business")


def born_by(on: date, years: int) -> date:
    """The last birth day of someone ``years`` old on ``on`` (``age_on`` counts a 29 February birthday on 1 March)."""
    year = on.year - years
    return date(year, on.month, on.day) if (on.month, on.day) != (2, 29) or calendar.isleap(year) else date(year, 2, 28)


def _estimated_income():
    """1 when the household's income at the baseline or at the latest visit is an honest estimate (what the notes count)."""
    return case((or_(BASELINE.income_estimated, and_(LATEST.measured_on.is_not(None), LATEST.income_estimated)), 1), else_=0)


def _age_group_on(on: date):
    """The age group as SQL: born by the day someone turns a group's lowest age, oldest group first."""
    return case(*((Member.birth_date <= born_by(on, low), label) for low, label in reversed(AGE_GROUPS[1:])),
                else_=AGE_GROUPS[0][1]).label("age_group")


def funder_report(
    session: Session, actor: Actor, *, period_from: date, period_to: date, fund_id: uuid.UUID | None = None,
    programme_id: uuid.UUID | None = None, anonymous_rows: bool = True,
) -> FunderReport:
    """The report for a fund, a programme or everyone; ``anonymous_rows=False`` leaves out the one row per household that
    only the workbook carries (the PDF counts the estimated incomes without them): reading and making those rows was a
    quarter of the report's time at 100,000 households."""
    with write(session), _no_cycle_collection():
        authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
        check_period(period_from, period_to)
        population, scope = population_of(session, fund_id, programme_id)
        lines = lines_in_force(session, period_to)
        basis = CohortBasis.FIRST_LOAN if fund_id else CohortBasis.FIRST_TRAINING if programme_id else CohortBasis.JOINED
        # One row per household carries everything the indicators, their breakdowns and the anonymous rows need.
        shown = (*(getattr(BASELINE, name) for name in _SHOWN), *(getattr(LATEST, name) for name in _SHOWN)) if anonymous_rows else ()
        pairs = household_pairs(session, population, period_from, period_to, lines,
                                extra=(_age_group_on(period_to), _estimated_income(), *shown))
        categories = category_names(session, population)
        reached = _reached(session, pairs, other_contacts(fund_id, programme_id, period_from, period_to), period_to)
        figures = figures_of(session, pairs, population, scope, fund_id, period_from, period_to, lines, len(reached))
        breakdowns = {
            Dimension.CATEGORY: grouped(pairs, by_key(categories, "Tanpa kategori")),
            Dimension.SEX: grouped(pairs, lambda pair: (SEX_LABELS[pair[SEX]],)),
            Dimension.KECAMATAN: grouped(pairs, lambda pair: (pair[KECAMATAN],)),
        }
        lent, repaid, disbursed = _money(session, population, fund_id, period_from, period_to)
        report = FunderReport(
            office=current_office(session).profile, made_on=clock.today(), figures=figures, breakdowns=breakdowns,
            reached_by=_reached_by(reached, categories), lent=lent, repaid=repaid, loans_disbursed=disbursed,
            trainings_completed=_certificates(session, population, programme_id, period_from, period_to),
            sales_to_producers=_sales(session, population, period_from, period_to),
            households=_anonymous(pairs, categories) if anonymous_rows else [], cohort_basis=basis,
            cohorts=cohort_table(session, population, basis, fund_id, period_from, period_to, CohortSpan.YEAR),
            stories=published_stories(session, population, period_from, period_to),
            incomes_estimated=sum(map(itemgetter(_ESTIMATED), pairs)),
        )
        audit.record(session, actor, action=AuditAction.IMPACT_REPORTED, entity="impact_report", entity_id=figures.scope[:64],
                     after={"periode": f"{period_from.isoformat()} s.d. {period_to.isoformat()}", "lingkup": figures.scope,
                            "rumah tangga": len(pairs), "kisah sukses": [story.title for story in report.stories]})
        return report


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while the report reads and builds several hundred thousand rows and
    tuples: none of them form cycles (reference counting frees them), and the collector scanning them again and
    again as they accumulated was 30% of the report's time at 100,000 households."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _within(column, population: Select | None):
    return column.in_(population) if population is not None else True


def _reached(session: Session, pairs: Sequence[Row], contacts: list[Select], on: date) -> list[tuple]:
    """The reached members' sex, age group, kecamatan and key, one each: the households the pairs say were visited,
    and the members of the other contacts (a loan, a training) read here."""
    people = {pair[KEY]: (pair[SEX], pair[_AGE_GROUP], pair[KECAMATAN], pair[KEY]) for pair in pairs if pair[VISITED]}
    contacted = union(*contacts).subquery()
    for key, *person in session.connection().execute(
        select(household_key(Member.id), Member.sex, _age_group_on(on), Kecamatan.name).select_from(contacted)
        .join(Member, seek(Member.id, contacted.c.member_id, on_sqlite(session)))
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
    ).all():
        people.setdefault(key, (*person, key))
    return list(people.values())


def _reached_by(people: Sequence[tuple], categories: dict[object, list[str]]) -> dict[str, dict[str, int]]:
    """The reached by sex, age group, kecamatan and category (the reached are within the population whose
    ``categories`` were read)."""
    sexes, age_groups, kecamatans, keys = zip(*people) if people else ((), (), (), ())
    ages = Counter(age_groups)
    # Counted in C (a generator per person was most of this at 100,000 people), then named.
    held = chain.from_iterable(map(categories.get, keys, repeat(())))
    return {
        "Jenis kelamin": {SEX_LABELS[sex]: count for sex, count in Counter(sexes).items()},
        "Kelompok umur": {label: ages[label] for _, label in AGE_GROUPS if ages[label]},
        "Kecamatan": dict(sorted(Counter(kecamatans).items())),
        "Kategori kerentanan": dict(sorted(Counter(held).items())),
    }


def _money(session: Session, population: Select | None, fund_id, period_from: date, period_to: date) -> tuple[int, int, int]:
    """Disbursed and repaid in the period, each net of its reversals, and how many loans were disbursed. The movements
    are summed by kind from the day index alone, then the few reversals are taken off their originals' kinds: looking
    for an original beside every movement was most of this read (0.34 s -> 0.19 s CPU over 208,000 movements)."""
    m, original = LoanMovement, aliased(LoanMovement)

    def scoped(query: Select) -> Select:
        query = query.where(m.occurred_on.between(period_from, period_to))
        if population is None and fund_id is None:
            return query
        query = query.join(Loan, Loan.id == m.loan_id).where(_within(Loan.member_id, population))
        return query.where(Loan.fund_source_id == fund_id) if fund_id is not None else query

    sums: dict[str, int] = defaultdict(int)
    loans = 0
    for kind, amount, count in session.execute(scoped(
        select(m.kind, func.sum(m.amount), func.count(func.distinct(case((m.kind == "disbursement", m.loan_id)))))
        .where(m.kind != "reversal").group_by(m.kind)
    )):
        sums[kind] += int(amount or 0)
        if kind == "disbursement":
            loans = int(count or 0)
    for kind, amount in session.execute(scoped(
        select(original.kind, func.sum(m.amount)).join(original, original.id == m.reversal_of_id)
        .where(m.kind == "reversal").group_by(original.kind)
    )):
        sums[kind] -= int(amount or 0)
    return sums["disbursement"], sums["repayment"], loans


def _certificates(session: Session, population: Select | None, programme_id, period_from: date, period_to: date) -> int:
    query = (select(func.count()).select_from(TrainingCertificate)
             .join(TrainingParticipant, TrainingParticipant.id == TrainingCertificate.participant_id)
             .where(TrainingCertificate.issued_on.between(period_from, period_to)))
    if programme_id is not None:
        query = query.join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id).where(
            TrainingBatch.programme_id == programme_id)
    elif population is not None:
        query = query.where(TrainingParticipant.member_id.in_(population))
    return session.scalar(query) or 0


def _sales(session: Session, population: Select | None, period_from: date, period_to: date) -> int:
    """Producers' share of the period's sales, returns (reversal sales) taken off."""
    sign = case((Sale.reversal_of_id.is_(None), 1), else_=-1)
    query = (select(func.coalesce(func.sum(sign * SaleLine.producer_share), 0)).join(Sale, Sale.id == SaleLine.sale_id)
             .where(Sale.sold_on.between(period_from, period_to)))
    if population is not None:
        query = query.where(SaleLine.member_id.in_(population))
    return int(session.scalar(query) or 0)


def _anonymous(pairs: Sequence[Row], categories: dict[object, list[str]]) -> list[AnonymousHousehold]:
    """One row per household, by kecamatan and sex: the baseline and the latest measurement's shown figures."""
    first = len(pairs[0]) - 2 * len(_SHOWN) if pairs else 0
    middle = first + len(_SHOWN)
    ordered = sorted(pairs, key=itemgetter(KECAMATAN, SEX, KEY))
    measured = AnonymousMeasurement._make
    return [  # positional: 100,000 of them
        AnonymousHousehold(number, SEX_LABELS[pair[SEX]], pair[_AGE_GROUP], pair[KECAMATAN],
                           ", ".join(categories.get(pair[KEY], ())), measured(pair[first:middle]),
                           measured(pair[middle:]) if pair[FOLLOWED] else None)
        for number, pair in enumerate(ordered, start=1)
    ]
