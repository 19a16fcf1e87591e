"""Calendar months for the monthly figures: month ends, the last twelve months, Indonesian names."""

from __future__ import annotations

import calendar
from datetime import date

from babel import Locale

_LOCALE = Locale.parse("id_ID")
_WIDE = _LOCALE.months["format"]["wide"]
_SHORT = {number: name.rstrip(".") for number, name in _LOCALE.months["format"]["abbreviated"].items()}

Month = tuple[int, int]  # (year, month)


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
