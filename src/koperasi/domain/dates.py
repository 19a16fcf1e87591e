"""Dates and times written the Indonesian way, e.g. "Sarolangun, 28 November 2026"."""

from __future__ import annotations

import re
from datetime import date, datetime

from babel import Locale
from babel import dates as babel_dates

from koperasi.domain.errors import ValidationError

# A parsed Locale: passing the string makes Babel look the locale up on every call (~30x slower).
_LOCALE = Locale.parse("id_ID")


# Babel's "d MMMM y" spelled out once (a test holds them equal): a paper formats dozens of dates.
_MONTHS = dict(_LOCALE.months["format"]["wide"])


def format_date(d: date) -> str:
    """``date(2026, 11, 28)`` -> ``"28 November 2026"``."""
    d = _require_date(d)
    return f"{d.day} {_MONTHS[d.month]} {d.year}"


# Month names a clerk may type, casefolded: Babel's full and short Indonesian names
# ("Juli", "Jul", "Agu") and "Agt", the short form Indonesian offices also write.
_MONTH_NAMES: dict[str, int] = {
    **{name.casefold(): number for number, name in _LOCALE.months["format"]["wide"].items()},
    **{name.casefold(): number for number, name in _LOCALE.months["format"]["abbreviated"].items()},
    "agt": 8,
}
# re.ASCII: only the digits 0-9 count, not every Unicode digit int() would accept.
_SEPARATOR = r"\s*[-/.]\s*"
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}}){_SEPARATOR}(\d{{1,2}}){_SEPARATOR}(\d+)", re.ASCII)
_YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_COMPACT = re.compile(r"(\d{2})(\d{2})(\d{4})", re.ASCII)
_WITH_MONTH_NAME = re.compile(r"(\d{1,2})[\s\-/.]*([^\W\d_]+)\.?[\s\-/.]*(\d+)", re.ASCII)
EXAMPLE = "contoh: 17-08-1985, 17081985 atau 17 Agustus 1985"


def parse_date(text: str) -> date:
    """A date as a clerk types it: ``01-07-1985``, ``1/7/1985``, ``01071985``, ``1 Juli 1985``.

    Also ``1985-07-01``. A day or month that does not exist is refused, never rolled
    over into another date, and the year must have four digits (a two-digit year
    would need a guessed century).
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError("Tanggal belum diisi.", field="date")
    if match := _YEAR_MONTH_DAY.fullmatch(cleaned):
        year, month, day = match.groups()
        return _checked(int(day), int(month), year)
    for pattern in (_DAY_MONTH_YEAR, _COMPACT):
        if match := pattern.fullmatch(cleaned):
            day, month, year = match.groups()
            return _checked(int(day), int(month), year)
    if match := _WITH_MONTH_NAME.fullmatch(cleaned):
        day, month_name, year = match.groups()
        month = _MONTH_NAMES.get(month_name.casefold())
        if month is None:
            raise ValidationError(f"Nama bulan '{month_name}' tidak dikenali ({EXAMPLE}).", field="date")
        return _checked(int(day), month, year)
    raise ValidationError(f"'{cleaned}' tidak dikenali sebagai tanggal ({EXAMPLE}).", field="date")


def _checked(day: int, month: int, year_digits: str) -> date:
    if len(year_digits) != 4:
        raise ValidationError(f"Tulis tahun dengan 4 angka, misalnya 1985 ({EXAMPLE}).", field="date")
    year = int(year_digits)
    if year < 1:
        raise ValidationError(f"Tahun {year_digits} tidak ada.", field="date")
    if not 1 <= month <= 12:
        raise ValidationError(f"Bulan {month} tidak ada; bulan ditulis 1 sampai 12.", field="date")
    try:
        return date(year, month, day)
    except ValueError:
        month_name = _LOCALE.months["format"]["wide"][month]
        raise ValidationError(f"Tanggal {day} {month_name} {year} tidak ada.", field="date") from None


def format_date_long(d: date) -> str:
    """``date(2026, 11, 28)`` -> ``"Sabtu, 28 November 2026"``."""
    return babel_dates.format_date(_require_date(d), "EEEE, d MMMM y", locale=_LOCALE)


def format_month(d: date) -> str:
    """``date(2026, 11, 28)`` -> ``"November 2026"``."""
    return babel_dates.format_date(_require_date(d), "MMMM y", locale=_LOCALE)


def place_and_date(place: str, d: date) -> str:
    """The place-and-date line above a signature: ``"Sarolangun, 28 November 2026"``."""
    place = place.strip()
    if not place:
        raise ValidationError("Nama tempat wajib diisi.", field="place")
    return f"{place}, {format_date(d)}"


def format_datetime(dt: datetime) -> str:
    """``datetime(2026, 11, 28, 14, 5)`` -> ``"28 November 2026 14.05"``.

    The wall-clock time is shown as given: an aware datetime is not converted
    to another zone, a naive one is not assumed to be UTC.
    """
    if not isinstance(dt, datetime):
        raise TypeError(f"expected datetime, got {type(dt).__name__}")
    # Babel converts only towards an explicit tzinfo; passing none keeps the clock time.
    return babel_dates.format_datetime(dt, "d MMMM y HH.mm", locale=_LOCALE)


def _require_date(d: date) -> date:
    # Babel silently formats *today* when given None, which would print a
    # plausible but wrong date on a document.
    if not isinstance(d, date):
        raise TypeError(f"expected date, got {type(d).__name__}")
    return d


def date_range(first: date, last: date) -> str:
    """``"3 s.d. 24 Oktober 2026"``: the shared month and year written once."""
    if first == last:
        return format_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} s.d. {format_date(last)}"
    if first.year == last.year:
        return f"{format_date(first).rsplit(' ', 1)[0]} s.d. {format_date(last)}"
    return f"{format_date(first)} s.d. {format_date(last)}"
