"""Schedules, allocation and arrears: the pure loan rules, checked for any input."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from itertools import accumulate

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from koperasi.domain.errors import ValidationError
from koperasi.domain.loans.rules import (
    MAX_PRINCIPAL,
    MAX_TERM,
    AgeingBucket,
    Frequency,
    Installment,
    ageing_bucket,
    allocate,
    build_schedule,
    check_payment,
    collectibility,
    due_dates,
    installment_amounts,
    installments_paid_on_time,
    par_ratio,
    schedule_state,
)

MULTIPLES = st.sampled_from((1, 100, 500, 1000, 5000))
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def principal_and_term(draw):
    term = draw(st.integers(1, MAX_TERM))
    principal = draw(st.integers(term, MAX_PRINCIPAL))
    return principal, term


@st.composite
def schedules(draw):
    principal, term = draw(principal_and_term())
    term = min(term, 40)  # long enough to cover every case, short enough to stay quick
    principal = max(principal, term)
    frequency = draw(st.sampled_from(list(Frequency)))
    return build_schedule(principal, term, frequency, draw(DAYS), draw(MULTIPLES))


# ---- installment amounts --------------------------------------------------------------------


@settings(max_examples=400)
@given(principal_and_term(), MULTIPLES)
def test_installments_sum_exactly_to_the_principal_and_only_the_last_differs(pair, multiple):
    principal, term = pair
    amounts = installment_amounts(principal, term, multiple)
    assert len(amounts) == term
    assert sum(amounts) == principal
    assert all(type(amount) is int and amount >= 0 for amount in amounts)
    assert len(set(amounts[:-1])) <= 1
    assert all(amounts[-1] >= amount for amount in amounts[:-1])


@settings(max_examples=300)
@given(principal_and_term(), MULTIPLES)
def test_regular_installments_are_the_multiple_when_the_share_allows_it(pair, multiple):
    principal, term = pair
    amounts = installment_amounts(principal, term, multiple)
    share = principal // term
    if term > 1 and share >= multiple:
        assert amounts[0] % multiple == 0
        assert share - multiple < amounts[0] <= share  # rounded down, by less than one multiple
        assert amounts[0] > 0


def test_worked_examples():
    assert installment_amounts(1_000_000, 3, 1000) == [333_000, 333_000, 334_000]
    assert installment_amounts(1_000_000, 3, 1) == [333_333, 333_333, 333_334]
    assert installment_amounts(1_250_000, 12, 5000) == [100_000] * 11 + [150_000]
    assert installment_amounts(7, 7, 1000) == [1] * 7  # the multiple is larger than the share: no rounding
    assert installment_amounts(MAX_PRINCIPAL, 1, 5000) == [MAX_PRINCIPAL]


@pytest.mark.parametrize(
    ("principal", "term", "multiple"),
    [(0, 1, 1), (-5, 1, 1), (MAX_PRINCIPAL + 1, 1, 1), (10, 11, 1), (100, 0, 1), (100, MAX_TERM + 1, 1), (100, 2, 0),
     (100.0, 2, 1), (True, 1, 1)],
)
def test_impossible_schedules_are_refused(principal, term, multiple):
    with pytest.raises(ValidationError):
        installment_amounts(principal, term, multiple)


# ---- due dates ------------------------------------------------------------------------------


@settings(max_examples=300)
@given(DAYS, st.integers(1, MAX_TERM), st.sampled_from(list(Frequency)))
def test_due_dates_strictly_increase(first, term, frequency):
    dates = due_dates(first, term, frequency)
    assert len(dates) == term
    assert dates[0] == first
    assert all(earlier < later for earlier, later in zip(dates, dates[1:]))
    if frequency is not Frequency.MONTHLY:
        step = 7 if frequency is Frequency.WEEKLY else 14
        assert all((later - earlier).days == step for earlier, later in zip(dates, dates[1:]))


MONTH_ENDS = DAYS.map(lambda day: day.replace(day=calendar.monthrange(day.year, day.month)[1]))


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


@settings(max_examples=300)
@given(st.one_of(DAYS, MONTH_ENDS), st.integers(1, 120))
def test_monthly_dues_keep_the_day_clamped_to_short_months(first, term):
    dates = due_dates(first, term, Frequency.MONTHLY)
    anchored_on_month_end = _is_month_end(first)
    for step, due in enumerate(dates):
        month_index = first.month - 1 + step
        assert (due.year, due.month) == (first.year + month_index // 12, month_index % 12 + 1)
        last_day = calendar.monthrange(due.year, due.month)[1]
        # first_due + k months, clamped to the month's end; a month-end first due stays on month ends.
        assert due.day == (last_day if anchored_on_month_end else min(first.day, last_day))
    # No due drifts earlier after a short month: each due's day is at least the day of every earlier one
    # that was not clamped.
    for earlier, later in zip(dates, dates[1:]):
        if not _is_month_end(earlier):
            assert later.day >= earlier.day or _is_month_end(later)


def test_january_31st_falls_on_the_last_day_of_february_and_back_on_the_31st():
    assert due_dates(date(2025, 1, 31), 4, Frequency.MONTHLY) == [
        date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30)
    ]
    assert due_dates(date(2028, 1, 31), 2, Frequency.MONTHLY)[1] == date(2028, 2, 29)


def test_a_first_due_on_a_month_end_keeps_every_later_due_on_the_month_end():
    assert due_dates(date(2025, 11, 30), 3, Frequency.MONTHLY) == [date(2025, 11, 30), date(2025, 12, 31), date(2026, 1, 31)]
    assert due_dates(date(2026, 4, 30), 2, Frequency.MONTHLY)[1] == date(2026, 5, 31)
    assert due_dates(date(2027, 2, 28), 3, Frequency.MONTHLY) == [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
    # The 30th of a 31-day month is not a month end: it stays the 30th (and the 28th/29th in February).
    assert due_dates(date(2025, 1, 30), 3, Frequency.MONTHLY) == [date(2025, 1, 30), date(2025, 2, 28), date(2025, 3, 30)]


# ---- cure of a rescheduled loan -------------------------------------------------------------


def test_installments_paid_on_time_count_the_latest_run():
    schedule = build_schedule(300_000, 3, Frequency.MONTHLY, date(2026, 1, 10))  # 10 Jan, 10 Feb, 10 Mar
    on_time = [(date(2026, 1, 10), 100_000), (date(2026, 2, 9), 100_000), (date(2026, 3, 1), 100_000)]
    assert [installments_paid_on_time(schedule, on_time, day) for day in
            (date(2026, 1, 9), date(2026, 1, 10), date(2026, 2, 10), date(2026, 3, 31))] == [0, 1, 2, 3]
    # The second paid a day late breaks the run; the third, on time, starts a new one.
    late = [(date(2026, 1, 10), 100_000), (date(2026, 2, 11), 100_000), (date(2026, 3, 10), 100_000)]
    assert installments_paid_on_time(schedule, late, date(2026, 3, 31)) == 1
    # Paid ahead in one go counts for every installment it covered by its due date.
    assert installments_paid_on_time(schedule, [(date(2026, 1, 2), 300_000)], date(2026, 3, 10)) == 3
    # What went to an earlier schedule (paid_before) does not pay this one.
    assert installments_paid_on_time(schedule, [(date(2025, 6, 1), 50_000), (date(2026, 1, 9), 100_000)], date(2026, 1, 31),
                                     paid_before=50_000) == 1
    assert installments_paid_on_time(schedule, [(date(2025, 6, 1), 50_000), (date(2026, 1, 9), 60_000)], date(2026, 1, 31),
                                     paid_before=50_000) == 0


# ---- allocation -----------------------------------------------------------------------------


@st.composite
def amounts_paid_and_payment(draw):
    amounts = draw(st.lists(st.integers(1, 2_000_000), min_size=1, max_size=30))
    total = sum(amounts)
    paid = draw(st.integers(0, total))
    payment = draw(st.integers(0, total + 1_000_000))
    return amounts, paid, payment


@settings(max_examples=400)
@given(amounts_paid_and_payment())
def test_allocation_pays_the_oldest_unpaid_first_and_never_more_than_owed(case):
    amounts, paid, payment = case
    allocations = allocate(amounts, paid, payment)
    unpaid_total = sum(amounts) - paid
    assert sum(item.amount for item in allocations) == min(payment, unpaid_total)
    assert all(item.amount > 0 for item in allocations)
    numbers = [item.number for item in allocations]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True
    # What each installment holds after the payment never exceeds it, and no later installment
    # gets money while an earlier one is still short.
    cumulative = list(accumulate(amounts))
    covered_after = paid + sum(item.amount for item in allocations)
    for item in allocations:
        before_it = cumulative[item.number - 1] - amounts[item.number - 1]
        already = max(0, min(amounts[item.number - 1], paid - before_it))
        assert already + item.amount <= amounts[item.number - 1]
    for index, amount in enumerate(amounts):
        holds = max(0, min(amount, covered_after - (cumulative[index] - amount)))
        if holds and index:
            earlier_short = any(
                max(0, min(amounts[j], covered_after - (cumulative[j] - amounts[j]))) < amounts[j] for j in range(index)
            )
            assert not earlier_short


def test_allocation_worked_example():
    # 3 x 100: 150 already paid fills #1 and half of #2; 120 more finishes #2 then 70 of #3.
    assert [(a.number, a.amount) for a in allocate([100, 100, 100], 150, 120)] == [(2, 50), (3, 70)]
    assert allocate([100, 100], 200, 50) == []


# ---- schedule state -------------------------------------------------------------------------


@settings(max_examples=300)
@given(schedules(), st.data())
def test_arrears_are_what_is_due_less_what_was_paid(schedule, data):
    total = sum(item.amount for item in schedule)
    paid = data.draw(st.integers(0, total), label="paid")
    on = data.draw(st.dates(min_value=schedule[0].due_on - timedelta(days=60),
                            max_value=schedule[-1].due_on + timedelta(days=400)), label="on")
    state = schedule_state(schedule, paid, on)
    due_so_far = sum(item.amount for item in schedule if item.due_on <= on)
    assert state.due_so_far == due_so_far
    assert state.arrears == max(0, due_so_far - paid)
    if paid >= due_so_far:
        assert state.days_past_due == 0
        assert state.installments_late == 0
    # days past due is that of the oldest installment not fully paid, when it is already due
    cumulative = list(accumulate(item.amount for item in schedule))
    oldest = next((item for item, cum in zip(schedule, cumulative) if cum > paid), None)
    if oldest is None:
        assert (state.next_due_on, state.next_due_amount, state.days_past_due) == (None, 0, 0)
    else:
        assert state.next_due_on == oldest.due_on
        assert 0 < state.next_due_amount <= oldest.amount
        assert state.days_past_due == max(0, (on - oldest.due_on).days)


def test_schedule_state_worked_example():
    schedule = build_schedule(1_200_000, 12, Frequency.MONTHLY, date(2025, 2, 6), 1000)
    state = schedule_state(schedule, 250_000, date(2025, 6, 20))
    # Due by 20 June: Feb..Jun = 5 x 100.000; paid 250.000 so #3 (6 April) is the oldest unpaid.
    assert state.due_so_far == 500_000
    assert state.arrears == 250_000
    assert state.days_past_due == 75  # 6 April -> 20 June
    assert state.installments_late == 3  # #3, #4, #5
    assert (state.next_due_on, state.next_due_amount) == (date(2025, 4, 6), 50_000)
    on_the_due_day = schedule_state(schedule, 0, date(2025, 2, 6))
    assert (on_the_due_day.arrears, on_the_due_day.days_past_due) == (100_000, 0)  # due today, not yet late


# ---- buckets and the rest -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "bucket"),
    [(-3, AgeingBucket.CURRENT), (0, AgeingBucket.CURRENT), (1, AgeingBucket.DAYS_1_30), (30, AgeingBucket.DAYS_1_30),
     (31, AgeingBucket.DAYS_31_60), (60, AgeingBucket.DAYS_31_60), (61, AgeingBucket.DAYS_61_90),
     (90, AgeingBucket.DAYS_61_90), (91, AgeingBucket.OVER_90), (4000, AgeingBucket.OVER_90)],
)
def test_ageing_bucket_edges(days, bucket):
    assert ageing_bucket(days) is bucket


@given(st.integers(-10, 5000), st.integers(-10, 5000))
def test_buckets_and_collectibility_never_go_down_as_days_grow(a, b):
    assume(a <= b)
    order = list(AgeingBucket)
    assert order.index(ageing_bucket(a)) <= order.index(ageing_bucket(b))
    assert collectibility(a)[0] <= collectibility(b)[0]


def test_collectibility_classes():
    assert [collectibility(d) for d in (0, 1, 90, 91, 120, 121, 180, 181)] == [
        "1 Lancar", "2 Dalam perhatian khusus", "2 Dalam perhatian khusus", "3 Kurang lancar", "3 Kurang lancar",
        "4 Diragukan", "4 Diragukan", "5 Macet",
    ]


def test_par_ratio():
    assert par_ratio(0, 0) == 0.0
    assert par_ratio(250, 1000) == 0.25


@pytest.mark.parametrize("amount", [0, -1, 1001, 10.0])
def test_payments_must_be_positive_whole_and_at_most_what_is_owed(amount):
    with pytest.raises(ValidationError):
        check_payment(amount, 1000)
    check_payment(1000, 1000)


def test_installment_is_frozen_plain_data():
    item = Installment(1, date(2025, 1, 1), 5)
    with pytest.raises(AttributeError):
        item.amount = 6  # type: ignore[misc]
