"""The laporan dampak for a funder: a fund's or a programme's households over a period, anonymised.

Everything is counted over the households in scope (a fund's borrowers, a programme's participants, or
every member): people reached by sex, age group, kecamatan and category; money lent and repaid net of
reversals; certificates issued; producers' share of sales net of returns; the indicators with three
breakdowns; one anonymous row per household; and the kisah sukses whose member agreed to their publication
(the only names the report carries). Making it is audited, as it carries personal figures.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from koperasi import clock
from koperasi.db.models import (
    Category,
    HouseholdMeasurement,
    Kecamatan,
    Loan,
    LoanMovement,
    Member,
    MemberCategory,
    Sale,
    SaleLine,
    TrainingBatch,
    TrainingCertificate,
    TrainingParticipant,
)
from koperasi.domain.impact.cohorts import CohortBasis, CohortSpan, cohort_rows
from koperasi.domain.impact.indicators import Dimension
from koperasi.domain.impact.papers import AnonymousHousehold, FunderReport
from koperasi.domain.members.register import age_on
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.impact.households import MEASURED, measurement_of
from koperasi.services.impact.indicators import (
    cohort_households,
    figures_and_breakdowns,
    household_key,
    population_of,
    reached_members,
)
from koperasi.services.impact.stories import published_stories
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.transaction import write

BREAKDOWNS = (Dimension.CATEGORY, Dimension.SEX, Dimension.KECAMATAN)
AGE_GROUPS = ((0, "di bawah 25"), (25, "25–39"), (40, "40–54"), (55, "55 ke atas"))


def age_group(age: int) -> str:
    return [label for low, label in AGE_GROUPS if age >= low][-1] if age >= 0 else AGE_GROUPS[0][1]


def funder_report(
    session: Session, actor: Actor, *, period_from: date, period_to: date, fund_id: uuid.UUID | None = None,
    programme_id: uuid.UUID | None = None,
) -> FunderReport:
    with write(session):
        authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
        figures, breakdowns = figures_and_breakdowns(session, period_from=period_from, period_to=period_to, fund_id=fund_id,
                                                     programme_id=programme_id, dimensions=BREAKDOWNS)
        population, _ = population_of(session, fund_id, programme_id)
        reached = reached_members(population, fund_id, programme_id, period_from, period_to)
        lent, repaid, disbursed = _money(session, population, fund_id, period_from, period_to)
        basis = CohortBasis.FIRST_LOAN if fund_id else CohortBasis.FIRST_TRAINING if programme_id else CohortBasis.JOINED
        report = FunderReport(
            office=current_office(session).profile, made_on=clock.today(), figures=figures, breakdowns=breakdowns,
            reached_by=_reached_by(session, reached, period_to), lent=lent, repaid=repaid, loans_disbursed=disbursed,
            trainings_completed=_certificates(session, population, programme_id, period_from, period_to),
            sales_to_producers=_sales(session, population, period_from, period_to),
            households=_anonymous(session, population, period_from, period_to), cohort_basis=basis,
            cohorts=cohort_rows(cohort_households(session, population, basis, fund_id, period_from, period_to), CohortSpan.YEAR),
            stories=published_stories(session, population, period_from, period_to),
        )
        audit.record(session, actor, action=AuditAction.IMPACT_REPORTED, entity="impact_report", entity_id=figures.scope[:64],
                     after={"periode": f"{period_from.isoformat()} s.d. {period_to.isoformat()}", "lingkup": figures.scope,
                            "rumah tangga": len(report.households), "kisah sukses": [story.title for story in report.stories]})
        return report


def _within(column, population: Select | None):
    return column.in_(population) if population is not None else True


def _reached_by(session: Session, reached, on: date) -> dict[str, dict[str, int]]:
    people = session.execute(
        select(Member.id, Member.sex, Member.birth_date, Kecamatan.name)
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code).where(Member.id.in_(select(reached.c.member_id)))
    ).all()
    categories = Counter(session.scalars(
        select(Category.name).join(MemberCategory, MemberCategory.category_code == Category.code)
        .where(MemberCategory.member_id.in_(select(reached.c.member_id)))
    ))
    ages = Counter(age_group(age_on(row.birth_date, on)) for row in people)
    return {
        "Jenis kelamin": dict(Counter(Sex(row.sex).label for row in people)),
        "Kelompok umur": {label: ages[label] for _, label in AGE_GROUPS if ages[label]},
        "Kecamatan": dict(sorted(Counter(row.name for row in people).items())),
        "Kategori kerentanan": dict(sorted(categories.items())),
    }


def _money(session: Session, population: Select | None, fund_id, period_from: date, period_to: date) -> tuple[int, int, int]:
    """Disbursed and repaid in the period, each net of its reversals, and how many loans were disbursed."""
    original = aliased(LoanMovement)
    kind = case((LoanMovement.kind == "reversal", original.kind), else_=LoanMovement.kind)
    sign = case((LoanMovement.kind == "reversal", -1), else_=1)
    query = (
        select(kind, func.sum(sign * LoanMovement.amount), func.count(func.distinct(
            case((LoanMovement.kind == "disbursement", LoanMovement.loan_id)))))
        .join(Loan, Loan.id == LoanMovement.loan_id)
        .outerjoin(original, original.id == LoanMovement.reversal_of_id)
        .where(LoanMovement.occurred_on.between(period_from, period_to), _within(Loan.member_id, population))
        .group_by(kind)
    )
    if fund_id is not None:
        query = query.where(Loan.fund_source_id == fund_id)
    sums: dict[str, int] = defaultdict(int)
    loans = 0
    for name, amount, count in session.execute(query):
        sums[name] += int(amount or 0)
        if name == "disbursement":
            loans = int(count or 0)
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


def _anonymous(session: Session, population: Select | None, period_from: date, period_to: date) -> list[AnonymousHousehold]:
    m = HouseholdMeasurement
    # Each household's first and last day from the (member_id, measured_on) index; one measurement a day.
    days = (select(m.member_id, func.min(m.measured_on).label("first"), func.max(m.measured_on).label("last"))
            .where(m.measured_on <= period_to, _within(m.member_id, population)).group_by(m.member_id).subquery())
    rows = session.execute(
        select(household_key(m.member_id).label("key"), *MEASURED, Member.sex, Member.birth_date, Kecamatan.name.label("kecamatan"))
        .join(days, and_(days.c.member_id == m.member_id, or_(m.measured_on == days.c.first, m.measured_on == days.c.last)))
        .join(Member, Member.id == m.member_id).join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
        .order_by(Kecamatan.name, Member.sex, m.member_id, m.measured_on)
    ).all()
    categories: dict[object, list[str]] = defaultdict(list)
    for key, name in session.execute(
        select(household_key(MemberCategory.member_id), Category.name).join(Category, Category.code == MemberCategory.category_code)
        .where(_within(MemberCategory.member_id, population)).order_by(Category.position)
    ):
        categories[key].append(name)
    households = []
    index = 0
    while index < len(rows):  # the first and (maybe) the last measurement of each household, in order
        first = rows[index]
        last = rows[index + 1] if index + 1 < len(rows) and rows[index + 1].key == first.key else None
        index += 2 if last is not None else 1
        households.append(AnonymousHousehold(
            row=len(households) + 1, sex=Sex(first.sex).label, age_group=age_group(age_on(first.birth_date, period_to)),
            kecamatan=first.kecamatan, categories=", ".join(categories.get(first.key, [])), baseline=measurement_of(first),
            latest=measurement_of(last) if last is not None and last.measured_on >= period_from else None,
        ))
    return households
