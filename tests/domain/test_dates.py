from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.dates import format_date, format_date_long, format_datetime, parse_date, place_and_date
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


# ---- parsing what a clerk types ------------------------------------------------------------

_ANY_DAY = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


def _ways_to_type(d: date) -> list[str]:
    return [
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}-{d.month}-{d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day}.{d.month}.{d.year}",
        f"{d.day:02d}{d.month:02d}{d.year}",
        f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
        f"{d.day} {_SHORT[d.month - 1]} {d.year}",
        f"{d.day} {_MONTHS[d.month - 1].lower()} {d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        format_date(d),
    ]


@pytest.mark.parametrize("text", ["01-07-1985", "01/07/1985", "1-7-1985", "01071985", "1 Juli 1985", "1 Jul 1985", " 1 juli 1985 "])
def test_the_reported_ways_of_typing_1_july_1985_all_read_as_that_day(text: str) -> None:
    assert parse_date(text) == date(1985, 7, 1)


@given(_ANY_DAY)
def test_any_date_typed_in_any_accepted_way_reads_back_as_itself(d: date) -> None:
    for text in _ways_to_type(d):
        assert parse_date(text) == d, text


@given(st.integers(0, 99), st.integers(0, 99), st.integers(1000, 9999), st.sampled_from(["{d}-{m}-{y}", "{d:02d}{m:02d}{y}", "{d}/{m}/{y}"]))
def test_a_day_or_month_that_does_not_exist_is_refused_never_rolled_into_another_date(day, month, year, pattern) -> None:
    text = pattern.format(d=day, m=month, y=year)
    try:
        parsed = parse_date(text)
    except ValidationError:
        return
    assert (parsed.day, parsed.month, parsed.year) == (day, month, year)


_DATE_LIKE = st.from_regex(r"[0-9]{0,3}[-/. ]{0,2}[0-9A-Za-z]{0,9}[-/. ]{0,2}[0-9]{0,5}", fullmatch=True)


@given(st.one_of(st.text(max_size=30), _DATE_LIKE))
def test_garbage_is_refused_with_a_message_or_reads_as_the_date_its_numbers_spell(text: str) -> None:
    try:
        parsed = parse_date(text)
    except ValidationError as error:
        assert error.message
        return
    numbers = [int(n) for n in re.findall(r"[0-9]+", text)]
    d, m, y = parsed.day, parsed.month, parsed.year
    if len(numbers) == 1:  # 01071985
        assert re.sub(r"\s", "", text) == f"{d:02d}{m:02d}{y:04d}"
    elif len(numbers) == 2:  # 1 Juli 1985: the month is the word between
        assert numbers == [d, y]
        word = re.search(r"[A-Za-z]+", text).group().casefold()
        assert word in {_MONTHS[m - 1].casefold(), _SHORT[m - 1].casefold()} | ({"agt"} if m == 8 else set())
    else:
        assert numbers in ([d, m, y], [y, m, d])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31-02-1985", "Tanggal 31 Februari 1985 tidak ada."),
        ("1-13-1985", "Bulan 13 tidak ada; bulan ditulis 1 sampai 12."),
        ("1-7-85", "Tulis tahun dengan 4 angka"),
        ("1 Foo 1985", "Nama bulan 'Foo' tidak dikenali"),
        ("kemarin", "'kemarin' tidak dikenali sebagai tanggal"),
        ("", "Tanggal belum diisi."),
    ],
)
def test_a_date_that_cannot_be_read_says_why_in_indonesian(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_date(text)
    assert raised.value.message.startswith(message)


@given(st.dates())
def test_format_date_matches_babels_indonesian_long_date(d: date) -> None:
    from babel import Locale
    from babel import dates as babel_dates

    assert format_date(d) == babel_dates.format_date(d, "d MMMM y", locale=Locale.parse("id_ID"))
