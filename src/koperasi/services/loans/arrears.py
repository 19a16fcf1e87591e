"""Arrears and portfolio at risk as of any day: days past due, ageing buckets, PAR30.

The whole report is worked out in the database, in one statement. The book is a row per open loan:
what remains, its ageing line and whether it counts in PAR30, bare (keys, not names: ``_core``). Payments
fill the oldest installment first, and each installment keeps its schedule's running total
(``cumulative``), so a loan's oldest unpaid installment is the first whose running total exceeds what was
paid toward its schedule: one index seek per loan (ix_loan_installments_unpaid), no installment summed.
The oldest unpaid installment's due date gives the days past due and so the ageing line. Over the book,
the report's sums are grouped by ageing line and by each breakdown, beside the late loans, in one
UNION ALL; Python only names, sorts and adds up the few lines that come back. Only the loans shown (the
late list, Beranda's worst ten) and the breakdowns are named (``_named``), and only the loans shown get
their arrears: what fell due by the day, the running total of the last installment due by then (one seek
in ix_loan_installments_due), less what was paid.
``tests/services/loans/test_arrears_equivalence.py`` holds it to a plain loan-by-loan reading with the
rules of domain.loans (``schedule_state``, ``ageing_bucket``) on random offices.

A rescheduled loan is current on its new schedule at once, but it was late: it stays at risk
(counted in PAR30, reported on the "Restrukturisasi" line) until it has paid its product's
``cure_installments`` installments of the new schedule on time in a row. Only the rescheduled
loans (few) need their payments' dates: a correlated sum per installment already due, in the same statement.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import String, case, func, literal_column, null, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    Desa,
    FundSource,
    Kecamatan,
    Loan,
    LoanInstallment,
    LoanMovement,
    LoanProduct,
    LoanSchedule,
    Member,
    MemberGroup,
)
from koperasi.domain.loans.papers import ArrearsLine, ArrearsReport, PortfolioShare
from koperasi.domain.loans.rules import (
    RESTRUCTURED_LABEL,
    AgeingBucket,
    Installment,
    LoanStatus,
    MovementKind,
    ScheduleState,
    ageing_bucket,
    collectibility,
    schedule_state,
)
from koperasi.domain.errors import ValidationError
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office.profile import current_office
from koperasi import clock

PAR_DAYS = 30
WORST_SHOWN = 10  # Beranda's list of the oldest arrears
FIRST_DAY = date(1900, 1, 1)  # the earliest day asked about: the bucket limits stay within the calendar
LAST_DAY = date(9999, 12, 31)  # ranks a loan that is not late after every late one


def state_today(session: Session, loan: Loan, *, on: date | None = None) -> ScheduleState | None:
    """Where an active loan's current schedule stands (None before disbursement)."""
    if loan.schedule_no == 0:
        return None
    header = session.get(LoanSchedule, (loan.id, loan.schedule_no))
    schedule = [
        Installment(number, due_on, amount)
        for number, due_on, amount in session.execute(
            select(LoanInstallment.number, LoanInstallment.due_on, LoanInstallment.amount)
            .where(LoanInstallment.loan_id == loan.id, LoanInstallment.schedule_no == loan.schedule_no)
            .order_by(LoanInstallment.number)
        )
    ]
    return schedule_state(schedule, loan.principal_paid - header.paid_before, on or clock.today())


def days_past_due_today(session: Session, loan: Loan) -> int:
    if LoanStatus(loan.status) is not LoanStatus.ACTIVE:
        return 0
    state = state_today(session, loan)
    return state.days_past_due if state else 0


@dataclass(frozen=True, slots=True)
class LoanPosition:
    loan_id: uuid.UUID
    loan_number: str
    member_number: str
    member_name: str
    desa: str
    kecamatan: str
    group: str
    product: str
    fund: str
    outstanding: int
    arrears: int
    days_past_due: int
    restructured: bool = False  # rescheduled and not yet cured

    @property
    def bucket(self) -> AgeingBucket:
        return ageing_bucket(self.days_past_due)

    @property
    def at_risk(self) -> bool:
        """Counted in PAR30: more than 30 days late, or restructured and not yet cured (DOMAIN.md)."""
        return self.days_past_due > PAR_DAYS or self.restructured


def positions(session: Session, actor: Actor, *, as_of: date) -> list[LoanPosition]:
    """Every loan with principal outstanding at the end of ``as_of``."""
    authorize(session, actor, Permission.USE_APP)
    return [
        LoanPosition(
            row.loan_id, row.number, row.member_number, row.member_name, row.desa, row.kecamatan, row.group or "",
            row.product, row.fund, row.remaining, row.arrears, _days_late(row.oldest_unpaid, as_of), row.restructured,
        )
        for row in session.execute(select(_named(_core(as_of), "book", arrears_on=as_of)))
    ]


def arrears_report(session: Session, actor: Actor, *, as_of: date) -> ArrearsReport:
    """The whole report from one statement over the book: its sums grouped in the database by ageing line
    and by each breakdown, and beside them the late loans themselves."""
    authorize(session, actor, Permission.USE_APP)
    buckets, total, breakdowns, late = _report(session, as_of, _BREAKDOWNS)
    return ArrearsReport(
        office=current_office(session).profile, as_of=as_of, buckets=buckets, total=total, breakdowns=breakdowns,
        late_loans=late,
    )


def book_summary(session: Session, actor: Actor, *, as_of: date) -> tuple[
    tuple[PortfolioShare, ...], PortfolioShare, tuple[ArrearsLine, ...]
]:
    """What Beranda shows of the arrears report: its ageing lines, its total and its first ``WORST_SHOWN``
    late loans, worst first: the same figures, without the breakdowns and the rest of the list."""
    authorize(session, actor, Permission.USE_APP)
    buckets, total, _, late = _report(session, as_of, (), worst=WORST_SHOWN)
    return buckets, total, late[:WORST_SHOWN]


_BUCKET, _LATE = "bucket", "late"
_BREAKDOWNS = ("Kecamatan", "Desa", "Kelompok", "Produk", "Sumber dana")
_LINES = (*(bucket.label for bucket in AgeingBucket), RESTRUCTURED_LABEL)


def _report(session: Session, as_of: date, parts: tuple[str, ...], *, worst: int | None = None):
    """The ageing lines, the total, the breakdowns ``parts`` and the late loans (worst first; with
    ``worst``, at least that many of them), from one statement so the book is worked out once.

    The ageing lines are summed over the book's bare rows; only the breakdowns (by name) and the late
    loans shown need the borrower's, the desa's, the group's, the product's and the fund's names, so
    without breakdowns those are looked up for the few late loans alone, not for every loan out."""
    core = _core(as_of)
    named = _named(core, "book") if parts else None
    sums: dict[str, dict[str, list[int]]] = defaultdict(dict)
    late = []
    for row in session.execute(union_all(_late(core, as_of, worst), *_sums(core, named, parts))):
        if row.part == _LATE:
            late.append(_line(row, as_of))
            continue
        # Two database groups may spell the same line (a desa is named with its kecamatan): add them up.
        total = sums[row.part].setdefault(row.name, [0, 0, 0])
        for index, value in enumerate((row.loans, row.outstanding, row.at_risk)):
            total[index] += int(value or 0)
    buckets = sums.pop(_BUCKET, {})
    return (
        tuple(PortfolioShare(line, *buckets.get(line, (0, 0, 0))) for line in _LINES),
        PortfolioShare("Jumlah", *(sum(values[index] for values in buckets.values()) for index in range(3))),
        {part: tuple(PortfolioShare(name, *sums[part][name]) for name in sorted(sums[part])) for part in parts},
        tuple(sorted(late, key=lambda line: (-line.days_past_due, line.loan_number))),
    )


def _line(row, as_of: date) -> ArrearsLine:
    # int(): in the UNION, PostgreSQL gives the column the type of the sums beside it (numeric).
    days = _days_late(row.oldest_unpaid, as_of)
    return ArrearsLine(
        row.number, row.member_number, row.member_name, row.desa, row.kecamatan, row.group or "", row.product, row.fund,
        int(row.outstanding), int(row.arrears), days, RESTRUCTURED_LABEL if row.restructured else ageing_bucket(days).label,
        collectibility(days), row.restructured,
    )


def _days_late(oldest_unpaid: date | None, as_of: date) -> int:
    return (as_of - oldest_unpaid).days if oldest_unpaid is not None and oldest_unpaid < as_of else 0


def _late(core, as_of: date, worst: int | None):
    """The late and restructured loans of the book as rows of the report's one UNION ALL (its first part,
    so its columns give the types), named once chosen; with ``worst``, only the most overdue and those
    tied with them (a rank, not a cut at ``worst`` rows, so Python's order of the loan numbers decides
    ties as in the report)."""
    rows = select(core).where(core.c.late | core.c.restructured).subquery("late_loans")
    if worst is not None:
        # Restructured but not late ranks after every late loan.
        rank = func.rank().over(order_by=func.coalesce(rows.c.oldest_unpaid, LAST_DAY))
        ranked = select(rows, rank.label("rank")).subquery("ranked")
        rows = select(ranked).where(ranked.c.rank <= worst).subquery("worst")
    rows = _named(rows, "late_named", arrears_on=as_of)
    return select(
        _text(_LATE).label("part"), null().label("name"), null().label("loans"), rows.c.remaining.label("outstanding"),
        null().label("at_risk"), rows.c.number, rows.c.member_number, rows.c.member_name, rows.c.desa, rows.c.kecamatan,
        rows.c.group, rows.c.product, rows.c.fund, rows.c.arrears, rows.c.oldest_unpaid, rows.c.restructured,
    )


def _sums(core, named, parts: tuple[str, ...]):
    """Loans, outstanding and PAR30 amount per ageing line (over the bare book) and per line of each
    breakdown in ``parts`` (over the named book), grouped in the database: the report's UNION ALL parts
    after the late loans. Labels are SQL literals, not bound parameters: PostgreSQL matches a GROUP BY to
    the SELECT by its text."""
    def summed(book, part, key):
        return (
            select(_text(part), key, func.count(), func.sum(book.c.remaining),
                   func.sum(case((book.c.at_risk, book.c.remaining), else_=0)), *(null() for _ in range(11)))
            .group_by(key)
        )

    if not parts:
        return [summed(core, _BUCKET, core.c.bucket)]
    kecamatan = named.c.kecamatan
    keys = {
        "Kecamatan": kecamatan,
        "Desa": named.c.desa + _text(" (") + kecamatan + _text(")"),
        "Kelompok": func.coalesce(func.nullif(named.c.group, _text("")), _text("Perorangan (tanpa kelompok)")),
        "Produk": named.c.product,
        "Sumber dana": named.c.fund,
    }
    return [summed(core, _BUCKET, core.c.bucket), *(summed(named, part, keys[part]) for part in parts)]


def _text(value: str):
    """A string as an SQL literal (quotes doubled), so GROUP BY and SELECT spell it the same on PostgreSQL."""
    return literal_column("'" + value.replace("'", "''") + "'", String())


def _checked_day(as_of: object) -> None:
    """A day the report can stand on: a date (not a datetime) from 1900 on, or a clear refusal."""
    if type(as_of) is not date or as_of < FIRST_DAY:
        raise ValidationError("Tanggal laporan tunggakan tidak sah.", field="as_of")


def _core(as_of: date):
    """One row per loan with principal out at the end of ``as_of`` (a CTE), bare: the loan and the keys of
    its borrower, group, product and fund, what remains, what is in arrears, its ageing line, whether it
    counts in PAR30, whether it is restructured and not yet cured, and the due date of its oldest unpaid
    installment if that fell due before the day; its schedule in force and what was paid toward it.
    ``_named`` adds the names and the arrears."""
    _checked_day(as_of)
    opened = _open_loans(as_of)
    states = _schedule_states(as_of, opened)
    uncured = _not_yet_cured(as_of, opened).cte("uncured")
    restructured = uncured.c.loan_id.is_not(None)
    remaining = states.c.disbursed - states.c.repaid - states.c.written_off
    oldest = states.c.oldest_unpaid

    def unpaid_before(day: date):
        # Installments fall due in number order, so some installment due before ``day`` is unpaid exactly
        # when the oldest unpaid one is: dates compared, none subtracted in SQL (SQLite and PostgreSQL read
        # it alike). A loan with every installment covered has none (NULL): not late.
        return func.coalesce(oldest < day, False)

    # The limits of domain.loans.ageing_bucket (30 is also PAR_DAYS); the equivalence test holds them together.
    before_30, before_60, before_90 = (as_of - timedelta(days=days) for days in (30, 60, 90))
    bucket = case(
        (restructured, _text(RESTRUCTURED_LABEL)),
        (unpaid_before(before_90), _text(AgeingBucket.OVER_90.label)),
        (unpaid_before(before_60), _text(AgeingBucket.DAYS_61_90.label)),
        (unpaid_before(before_30), _text(AgeingBucket.DAYS_31_60.label)),
        (unpaid_before(as_of), _text(AgeingBucket.DAYS_1_30.label)),
        else_=_text(AgeingBucket.CURRENT.label),
    )
    late = unpaid_before(as_of)
    return (
        select(
            states.c.loan_id, states.c.number, states.c.member_id, states.c.group_id, states.c.product_id,
            states.c.fund_source_id, remaining.label("remaining"), states.c.schedule_no, states.c.toward,
            bucket.label("bucket"),
            (restructured | unpaid_before(before_30)).label("at_risk"),
            late.label("late"),
            restructured.label("restructured"),
            case((late, oldest), else_=None).label("oldest_unpaid"),
        )
        # The states carry the open loans' own columns: no join back to open_loans, each loan sought again.
        .select_from(states)
        .outerjoin(uncured, uncured.c.loan_id == states.c.loan_id)
        .where(remaining > 0)
        .cte("core")
    )


def _named(rows, name: str, *, arrears_on: date | None = None):
    """Rows of the bare book (``_core``, or a few of them) with the names the report shows and groups by:
    the borrower, the desa and kecamatan, the group, the product and the fund (a CTE named ``name``);
    with ``arrears_on``, also each loan's arrears that day (what fell due and was not paid, at most what remains)."""
    group = aliased(MemberGroup)
    arrears = (
        _least(_greatest(_due_by(rows, arrears_on) - rows.c.toward, 0), rows.c.remaining)
        if arrears_on is not None else null()
    )
    return (
        select(
            rows.c.loan_id, rows.c.number, Member.number.label("member_number"), Member.full_name.label("member_name"),
            Desa.name.label("desa"), Kecamatan.name.label("kecamatan"), group.name.label("group"),
            LoanProduct.name.label("product"), FundSource.name.label("fund"), rows.c.remaining, arrears.label("arrears"),
            rows.c.bucket, rows.c.at_risk, rows.c.late, rows.c.restructured, rows.c.oldest_unpaid,
        )
        .join(Member, Member.id == rows.c.member_id)
        .join(Desa, Desa.id == Member.desa_id)
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
        .outerjoin(group, group.id == rows.c.group_id)
        .join(LoanProduct, LoanProduct.id == rows.c.product_id)
        .join(FundSource, FundSource.id == rows.c.fund_source_id)
        .cte(name)
    )


def _open_loans(as_of: date):
    """Per loan with principal out at the end of ``as_of`` (a CTE): what it had repaid and written off by
    then and the number of its schedule in force that day (1 the first, more after a reschedule).

    The loans' running totals (``principal_paid``, ``written_off``; ``koperasi doctor`` holds them to the
    journal) less the standing movements dated after the day: none for today, a few weeks' worth for last
    month's end, read from ix_loan_movements_day without summing each loan's whole history. A reversal
    cancels its original outright, as in the totals."""
    kind = LoanMovement.kind
    later = (
        select(LoanMovement.loan_id,
               func.sum(case((kind == MovementKind.REPAYMENT.value, LoanMovement.amount), else_=0)).label("repaid"),
               func.sum(case((kind == MovementKind.WRITE_OFF.value, LoanMovement.amount), else_=0)).label("written_off"))
        # Bounded on both sides, so SQLite reads the range of ix_loan_movements_day rather than every movement.
        .where(LoanMovement.occurred_on > as_of, LoanMovement.occurred_on <= LAST_DAY,
               kind.in_([MovementKind.REPAYMENT.value, MovementKind.WRITE_OFF.value]), LoanMovement.id.not_in(reversed_movements()))
        .group_by(LoanMovement.loan_id)
        .cte("later")
    )
    # A loan's first schedule takes effect on its disbursement (lifecycle.disburse_loan), so a loan never
    # rescheduled (nearly all) has it in force on any day it is out: only the others are looked up.
    in_force = case(
        (Loan.schedule_no == 1, 1),
        else_=select(func.max(LoanSchedule.schedule_no))
        .where(LoanSchedule.loan_id == Loan.id, LoanSchedule.effective_on <= as_of, LoanSchedule.schedule_no <= Loan.schedule_no)
        .scalar_subquery(),
    )
    return (
        select(Loan.id.label("loan_id"), Loan.number, Loan.member_id, Loan.group_id, Loan.product_id, Loan.fund_source_id,
               Loan.disbursed, (Loan.principal_paid - func.coalesce(later.c.repaid, 0)).label("repaid"),
               (Loan.written_off - func.coalesce(later.c.written_off, 0)).label("written_off"), in_force.label("schedule_no"))
        .outerjoin(later, later.c.loan_id == Loan.id)
        .where(*_open_on(as_of))
        # Worked out once: inlined, SQLite would look up the schedule in force again for every installment.
        .cte("open_loans")
        .prefix_with("MATERIALIZED")
    )


def reversed_movements():
    """The ids of the loan movements a reversal cancelled (a subquery): few, read from the unique index on
    reversal_of_id. As an IN list the database seeks each of them, or probes the list, rather than looking
    for a reversal of every movement it reads."""
    return select(LoanMovement.reversal_of_id).where(LoanMovement.reversal_of_id.is_not(None))


def _least(a, b):
    """The smaller of two numbers (SQLite spells it min(), PostgreSQL least(); CASE is both)."""
    return case((a < b, a), else_=b)


def _greatest(a, b):
    return case((a > b, a), else_=b)


def _open_on(as_of: date):
    """The loans with principal out at the end of ``as_of`` (disbursed by then, not yet closed)."""
    return (Loan.disbursed > 0, Loan.disbursed_on <= as_of, or_(Loan.closed_on.is_(None), Loan.closed_on > as_of))


def _not_yet_cured(as_of: date, opened):
    """The open loans whose schedule in force on ``as_of`` is a reschedule not yet paid on time for its
    product's ``cure_installments`` installments in a row (a subquery of loan ids), by the rule of
    ``installments_paid_on_time``: installment i was on time when the standing repayments made by its
    due date, less what was paid before the schedule began, cover the schedule up to i; the run is
    the installments due by the day after the last one that was late. Rescheduled loans are few, so the
    repayments are summed per installment."""
    rescheduled = (
        select(opened.c.loan_id, opened.c.schedule_no, LoanSchedule.paid_before, LoanProduct.cure_installments)
        .join(LoanSchedule, (LoanSchedule.loan_id == opened.c.loan_id) & (LoanSchedule.schedule_no == opened.c.schedule_no))
        .join(Loan, Loan.id == opened.c.loan_id)
        .join(LoanProduct, LoanProduct.id == Loan.product_id)
        .where(opened.c.schedule_no > 1)
        .subquery("rescheduled")
    )
    due = (
        select(LoanInstallment.loan_id, LoanInstallment.number, LoanInstallment.due_on, rescheduled.c.paid_before,
               LoanInstallment.cumulative)
        .join(rescheduled, (rescheduled.c.loan_id == LoanInstallment.loan_id) & (rescheduled.c.schedule_no == LoanInstallment.schedule_no))
        .where(LoanInstallment.due_on <= as_of)
        .subquery("due_installments")
    )
    reversal = aliased(LoanMovement)
    paid_by_due = (
        select(func.coalesce(func.sum(LoanMovement.amount), 0))
        .where(LoanMovement.loan_id == due.c.loan_id, LoanMovement.kind == MovementKind.REPAYMENT.value,
               LoanMovement.occurred_on <= due.c.due_on,
               ~select(reversal.id).where(reversal.reversal_of_id == LoanMovement.id).exists())
        .scalar_subquery()
    )
    # Judged once (a CTE): the last late installment and the run after it both read it.
    judged = select(due.c.loan_id, due.c.number, (paid_by_due - due.c.paid_before >= due.c.cumulative).label("on_time")).cte("judged")
    last_late = (
        select(judged.c.loan_id, func.max(case((~judged.c.on_time, judged.c.number), else_=0)).label("number"))
        .group_by(judged.c.loan_id)
        .subquery("last_late")
    )
    run = (
        select(judged.c.loan_id, func.count().label("on_time"))
        .join(last_late, last_late.c.loan_id == judged.c.loan_id)
        .where(judged.c.number > last_late.c.number)
        .group_by(judged.c.loan_id)
        .subquery("run")
    )
    return (
        select(rescheduled.c.loan_id)
        .outerjoin(run, run.c.loan_id == rescheduled.c.loan_id)
        .where(func.coalesce(run.c.on_time, 0) < rescheduled.c.cure_installments)
    )


def _schedule_states(as_of: date, opened):
    """Each open loan's row of ``opened`` (carried along, so ``_core`` need not join back to it) with, from its
    schedule in force on the day, what was paid toward it (``toward``) and the due date of the oldest installment
    not yet covered (``oldest_unpaid``: the first whose running total exceeds what was paid toward the schedule;
    NULL when all are): one seek in ix_loan_installments_unpaid per loan, given each loan's repayments by the day
    in ``opened``. What fell due by the day, for the arrears, is sought only for the loans shown (``_due_by``)."""
    # Nothing was paid before a first schedule (loans.book.add_schedule at disbursement): only a reschedule's
    # header is looked up.
    paid_before = case(
        (opened.c.schedule_no == 1, 0),
        else_=select(LoanSchedule.paid_before)
        .where(LoanSchedule.loan_id == opened.c.loan_id, LoanSchedule.schedule_no == opened.c.schedule_no)
        .scalar_subquery(),
    )
    toward = (
        select(opened, (opened.c.repaid - paid_before).label("toward"))
        .where(opened.c.schedule_no.is_not(None))
        .subquery("toward")
    )
    oldest_unpaid = (
        select(LoanInstallment.due_on)
        .where(LoanInstallment.loan_id == toward.c.loan_id, LoanInstallment.schedule_no == toward.c.schedule_no,
               LoanInstallment.cumulative > toward.c.toward)
        .order_by(LoanInstallment.cumulative, LoanInstallment.due_on)
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(toward, oldest_unpaid.label("oldest_unpaid"))
        .cte("states")
        # Worked out once: inlined, SQLite would seek again at each use of the columns.
        .prefix_with("MATERIALIZED")
    )


def _due_by(rows, as_of: date):
    """What fell due by ``as_of`` on each loan of ``rows`` (its schedule in force): the running total of its
    last installment due by then, one seek in ix_loan_installments_due."""
    return func.coalesce(
        select(LoanInstallment.cumulative)
        .where(LoanInstallment.loan_id == rows.c.loan_id, LoanInstallment.schedule_no == rows.c.schedule_no,
               LoanInstallment.due_on <= as_of)
        .order_by(LoanInstallment.due_on.desc(), LoanInstallment.cumulative.desc())
        .limit(1)
        .scalar_subquery(),
        0,
    )
