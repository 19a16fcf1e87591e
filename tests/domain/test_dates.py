from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from koperasi.domain.dates import format_date, format_date_long, format_datetime, place_and_date
from koperasi.domain.errors import ValidationError

_WIB = timezone(timedelta(hours=7))


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 11, 28), "28 November 2026"),
        (date(2026, 1, 1), "1 Januari 2026"),
        (date(2025, 8, 17), "17 Agustus 2025"),
        (date(2024, 2, 29), "29 Februari 2024"),
    ],
)
def test_format_date_writes_indonesian_month(d: date, expected: str) -> None:
    assert format_date(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 11, 28), "Sabtu, 28 November 2026"),
        (date(2026, 11, 29), "Minggu, 29 November 2026"),
        (date(2026, 12, 2), "Rabu, 2 Desember 2026"),
    ],
)
def test_format_date_long_adds_weekday(d: date, expected: str) -> None:
    assert format_date_long(d) == expected


def test_format_date_accepts_datetime_as_its_date() -> None:
    assert format_date(datetime(2026, 11, 28, 23, 59)) == "28 November 2026"


@pytest.mark.parametrize("func", [format_date, format_date_long])
def test_format_date_refuses_none_instead_of_printing_today(func) -> None:
    with pytest.raises(TypeError):
        func(None)


def test_place_and_date_joins_with_comma() -> None:
    assert place_and_date("Sarolangun", date(2026, 11, 28)) == "Sarolangun, 28 November 2026"


def test_place_and_date_trims_place() -> None:
    assert place_and_date("  Sarolangun ", date(2026, 11, 28)) == "Sarolangun, 28 November 2026"


def test_place_and_date_refuses_blank_place() -> None:
    with pytest.raises(ValidationError) as caught:
        place_and_date("  ", date(2026, 11, 28))
    assert caught.value.message == "Nama tempat wajib diisi."
    assert caught.value.field == "place"


@pytest.mark.parametrize(
    ("dt", "expected"),
    [
        (datetime(2026, 11, 28, 14, 5), "28 November 2026 14.05"),
        (datetime(2026, 11, 28, 0, 0), "28 November 2026 00.00"),
        (datetime(2026, 11, 28, 14, 5, tzinfo=_WIB), "28 November 2026 14.05"),
        (datetime(2026, 11, 28, 3, 5, tzinfo=timezone.utc), "28 November 2026 03.05"),
    ],
)
def test_format_datetime_keeps_clock_time_as_given(dt: datetime, expected: str) -> None:
    assert format_datetime(dt) == expected


@pytest.mark.parametrize("value", [None, date(2026, 11, 28)])
def test_format_datetime_refuses_non_datetime(value: object) -> None:
    with pytest.raises(TypeError):
        format_datetime(value)  # type: ignore[arg-type]
