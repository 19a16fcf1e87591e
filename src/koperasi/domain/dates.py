"""Dates and times written the Indonesian way, e.g. "Sarolangun, 28 November 2026"."""

from __future__ import annotations

from datetime import date, datetime

from babel import Locale
from babel import dates as babel_dates

from koperasi.domain.errors import ValidationError

# A parsed Locale: passing the string makes Babel look the locale up on every call (~30x slower).
_LOCALE = Locale.parse("id_ID")


def format_date(d: date) -> str:
    """``date(2026, 11, 28)`` -> ``"28 November 2026"``."""
    return babel_dates.format_date(_require_date(d), "d MMMM y", locale=_LOCALE)


def format_date_long(d: date) -> str:
    """``date(2026, 11, 28)`` -> ``"Sabtu, 28 November 2026"``."""
    return babel_dates.format_date(_require_date(d), "EEEE, d MMMM y", locale=_LOCALE)


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
