"""The funder's report counts age groups in SQL by birth day: the same groups as ``age_on`` would give."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.members.register import age_on
from koperasi.services.impact.report import AGE_GROUPS, born_by

days = st.dates(min_value=date(1920, 1, 1), max_value=date(2100, 12, 31))


@given(birth=days, on=days, years=st.sampled_from([low for low, _ in AGE_GROUPS[1:]]))
def test_born_by_the_day_is_being_old_enough(birth, on, years):
    assert (birth <= born_by(on, years)) == (age_on(birth, on) >= years)


def test_a_29_february_day_and_birthday():
    assert born_by(date(2028, 2, 29), 25) == date(2003, 2, 28)  # 2003 has no 29 February
    assert born_by(date(2028, 2, 29), 28) == date(2000, 2, 29)
    assert age_on(date(2000, 2, 29), date(2025, 2, 28)) == 24 and born_by(date(2025, 2, 28), 25) == date(2000, 2, 28)
