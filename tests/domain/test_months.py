"""Calendar months for the monthly figures."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import ValidationError
from koperasi.domain.months import check_month, last_months, month_end


def test_twelve_months_end_with_the_chosen_one_across_a_new_year():
    assert last_months((2026, 2), 3) == ((2025, 12), (2026, 1), (2026, 2))
    assert month_end((2024, 2)) == date(2024, 2, 29)


@pytest.mark.parametrize("month", [(2026, 13), (2026, 0), (1900, 5), (9999, 12), ("2026", 10), (2026.0, 10), [2026, 10], None])
def test_a_month_the_figures_cannot_stand_on_is_refused_in_words(month):
    with pytest.raises(ValidationError, match="Bulan tidak sah"):
        check_month(month)


@pytest.mark.parametrize("count", [0, -1, 121, 12.0, "12"])
def test_a_history_length_out_of_bounds_is_refused(count):
    with pytest.raises(ValidationError, match="Jumlah bulan"):
        check_month((2026, 10), count)
