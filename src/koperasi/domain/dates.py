"""Dates and times written the Indonesian way, e.g. "Sarolangun, 28 November 2026"."""

from __future__ import annotations

import re
from datetime import date, datetime

from koperasi.domain.errors import ValidationError

# Babel's Indonesian (id_ID) month and day names, written out (tests hold them and every format below equal
# to Babel's): loading Babel's locale data took 4 MB and 80 ms of start-up for these few words.
MONTHS = {1: "Januari", 2: "Februari", 3: "Maret", 4: "April", 5: "Mei", 6: "Juni", 7: "Juli", 8: "Agustus",
          9: "September", 10: "Oktober", 11: "November", 12: "Desember"}
SHORT_MONTHS = {1: "Jan", 2: "Feb", 3: "Mar", 4: "Apr", 5: "Mei", 6: "Jun", 7: "Jul", 8: "Agu", 9: "Sep", 10: "Okt",
                11: "Nov", 12: "Des"}
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # date.weekday() order


def format_date(d: date) -> str:
    """``date(2026, 11, 28)`` -> ``"28 November 2026"``."""
    d = _require_date(d)
    return f"{d.day} {MONTHS[d.month]} {d.year}"


# Month names a clerk may type, casefolded: the full and short Indonesian names
# ("Juli", "Jul", "Agu") and "Agt", the short form Indonesian offices also write.
_MONTH_NAMES: dict[str, int] = {
    **{name.casefold(): number for number, name in MONTHS.items()},
    **{name.casefold(): number for number, name in SHORT_MONTHS.items()},
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
        month_name = MONTHS[month]
        raise ValidationError(f"Tanggal {day} {month_name} {year} tidak ada.", field="date") from None


def format_date_long(d: date) -> str:
    """``date(2026, 11, 28)`` -> ``"Sabtu, 28 November 2026"``."""
    d = _require_date(d)
    return f"{WEEKDAYS[d.weekday()]}, {format_date(d)}"


def format_month(d: date) -> str:
    """``date(2026, 11, 28)`` -> ``"November 2026"``."""
    d = _require_date(d)
    return f"{MONTHS[d.month]} {d.year}"


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
    return f"{format_date(dt)} {dt.hour:02d}.{dt.minute:02d}"


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
