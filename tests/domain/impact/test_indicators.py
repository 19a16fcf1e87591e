"""The indicator arithmetic: medians of changes, each household counted once, poverty line per person."""

from __future__ import annotations

import statistics
import uuid
from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.impact.household import BusinessStatus, Measurement
from koperasi.domain.impact.indicators import HouseholdTrack, indicators, median_floor

BASE = Measurement(date(2025, 1, 1), "Petani karet", 1_000_000, False, 4, BusinessStatus.NONE, None, True, 500_000, 2, 1, False)


def track(before: int, after: int | None, *, line: int | None = None, member: uuid.UUID | None = None, **later) -> HouseholdTrack:
    latest = None if after is None else replace(BASE, measured_on=date(2025, 7, 1), monthly_income=after, **later)
    return HouseholdTrack(member or uuid.uuid4(), replace(BASE, monthly_income=before), latest, line)


def test_a_hand_worked_example():
    # changes: +500.000, -100.000, +200.000, +300.000 -> median (200.000 + 300.000) / 2 = 250.000
    tracks = [
        track(1_000_000, 1_500_000, line=300_000, business_status=BusinessStatus.STARTING, moneylender_debt=False,
              moneylender_amount=0, children_in_school=2),
        track(2_000_000, 1_900_000, line=300_000),
        track(800_000, 1_000_000, line=300_000, woman_business=True),
        track(1_200_000, 1_500_000, line=300_000, business_status=BusinessStatus.NONE, children_in_school=0),
        track(900_000, None, line=300_000),  # baseline only: counted as a household, not in the changes
    ]
    result = indicators(tracks)
    assert (result.households, result.followed_up, result.median_income_change) == (5, 4, 250_000)
    # the line is per person: 4 people x 300.000 = 1.200.000 a month
    assert (result.above_poverty_before, result.above_poverty_after, result.with_poverty_line) == (2, 3, 4)
    assert result.businesses_started_or_grown == 1
    assert (result.moneylender_debt_before, result.moneylender_debt_ended) == (4, 1)
    assert result.children_back_in_school == 1  # one child more in school; the drop elsewhere is not subtracted
    assert (result.women_business_before, result.women_business_after) == (0, 1)


def test_without_a_poverty_line_the_share_is_unknown_not_zero():
    result = indicators([track(1_000_000, 1_100_000)])
    assert result.above_poverty_before is None and result.with_poverty_line == 0


incomes = st.integers(min_value=0, max_value=10**10)


@given(st.lists(st.integers(min_value=-(10**10), max_value=10**10), min_size=1, max_size=60))
def test_median_is_the_statistics_median_rounded_down_and_stays_an_int(values):
    result = median_floor(values)
    assert isinstance(result, int)
    exact = statistics.median(values)
    assert result <= exact < result + 1


@given(st.lists(st.tuples(incomes, st.one_of(st.none(), incomes)), max_size=40), st.randoms())
def test_order_does_not_matter_and_the_median_change_lies_between_the_extremes(pairs, rng):
    tracks = [track(before, after) for before, after in pairs]
    shuffled = list(tracks)
    rng.shuffle(shuffled)
    assert indicators(tracks) == indicators(shuffled)
    changes = [after - before for before, after in pairs if after is not None]
    median = indicators(tracks).median_income_change
    assert (median is None) == (not changes)
    if changes:
        assert min(changes) <= median <= max(changes)


@given(st.lists(st.tuples(incomes, incomes), max_size=30))
def test_a_household_counts_once(rows):
    tracks = [track(before, after) for before, after in rows]
    assert indicators(tracks + tracks).households == len(tracks)  # the same household twice (two programmes, say) is one
