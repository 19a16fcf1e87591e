"""Calendar months for the monthly figures: month ends, the last twelve months, Indonesian names."""

from __future__ import annotations

import calendar
from datetime import date

from babel import Locale

from koperasi.domain.errors import ValidationError

_LOCALE = Locale.parse("id_ID")
_WIDE = _LOCALE.months["format"]["wide"]
_SHORT = {number: name.rstrip(".") for number, name in _LOCALE.months["format"]["abbreviated"].items()}

Month = tuple[int, int]  # (year, month)


FIRST_YEAR, LAST_YEAR = 1901, 9998  # twelve months back and a month's end stay inside the calendar
MAX_MONTHS = 120  # the longest history asked for at once


def check_month(month: object, count: object = 1) -> Month:
    """A (year, month) the monthly figures can stand on, with ``count`` months of history before it."""
    if (
        type(month) is not tuple or len(month) != 2 or any(type(part) is not int for part in month)
        or not FIRST_YEAR <= month[0] <= LAST_YEAR or not 1 <= month[1] <= 12
    ):
        raise ValidationError("Bulan tidak sah: pilih bulan dan tahun dari daftar.", field="month")
    if type(count) is not int or not 1 <= count <= MAX_MONTHS:
        raise ValidationError(f"Jumlah bulan harus 1 sampai {MAX_MONTHS}.", field="count")
    return month


def month_end(month: Month) -> date:
    year, number = month
    return date(year, number, calendar.monthrange(year, number)[1])


def month_start(month: Month) -> date:
    return date(month[0], month[1], 1)


def last_months(last: Month, count: int = 12) -> tuple[Month, ...]:
    """The ``count`` months ending with ``last``, oldest first."""
    index = last[0] * 12 + last[1] - 1
    return tuple((i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1))


def month_name(month: Month) -> str:
    """``(2026, 11)`` -> ``"November 2026"``."""
    return f"{_WIDE[month[1]]} {month[0]}"


def short_month_name(month: Month) -> str:
    """``(2026, 11)`` -> ``"Nov 26"``: for the axis of a chart."""
    return f"{month_abbreviation(month)} {month[0] % 100:02d}"


def month_abbreviation(month: Month) -> str:
    """``(2026, 8)`` -> ``"Agu"``."""
    return _SHORT[month[1]]
