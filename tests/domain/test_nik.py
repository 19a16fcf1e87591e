from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.errors import ValidationError
from koperasi.domain.nik import NikInfo, nik_mismatches, parse_nik
from koperasi.domain.people import Sex

TODAY = date(2026, 11, 28)


def _nik(birth: date, sex: Sex, *, prefix: str = "150301", serial: str = "0001") -> str:
    day = birth.day + (40 if sex is Sex.FEMALE else 0)
    return f"{prefix}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial}"


def _earliest_readable_birth(today: date) -> date:
    # A birth exactly 100 years before today has the same digits as today itself.
    try:
        return today.replace(year=today.year - 100) + timedelta(days=1)
    except ValueError:  # 29 February in a year that had none
        return date(today.year - 100, 3, 1)


def test_parse_nik_reads_every_part() -> None:
    info = parse_nik("1503 0145 0890 0123", today=TODAY)
    assert info == NikInfo(
        nik="1503014508900123",
        province_code="15",
        regency_code="03",
        district_code="01",
        birth_date=date(1990, 8, 5),
        sex=Sex.FEMALE,
        serial="0123",
    )


@pytest.mark.parametrize(
    "text",
    ["1503014508900123", "15.03.01.450890.0123", "1503-01-450890-0123", " 1503014508900123\n"],
)
def test_parse_nik_ignores_separators(text: str) -> None:
    assert parse_nik(text, today=TODAY).nik == "1503014508900123"


def test_parse_nik_reads_man_from_plain_day() -> None:
    info = parse_nik("1503010508900123", today=TODAY)
    assert (info.sex, info.birth_date) == (Sex.MALE, date(1990, 8, 5))


@pytest.mark.parametrize(
    ("ddmmyy", "expected"),
    [
        ("281126", date(2026, 11, 28)),  # born today
        ("291126", date(1926, 11, 29)),  # tomorrow's date must be last century
        ("010100", date(2000, 1, 1)),
        ("010127", date(1927, 1, 1)),
        ("290200", date(2000, 2, 29)),
    ],
)
def test_parse_nik_picks_latest_century_not_after_today(ddmmyy: str, expected: date) -> None:
    assert parse_nik(f"150301{ddmmyy}0001", today=TODAY).birth_date == expected


def test_parse_nik_goes_back_a_century_for_29_february() -> None:
    # 2100 is no leap year, so 29-02-00 seen in 2100 can only be 2000.
    assert parse_nik("1503012902000001", today=date(2100, 6, 1)).birth_date == date(2000, 2, 29)


@pytest.mark.parametrize(
    "prefix",
    ["11", "19", "21", "31", "36", "51", "53", "61", "65", "71", "76", "81", "82", "91", "96"],
)
def test_parse_nik_accepts_province_codes(prefix: str) -> None:
    assert parse_nik(f"{prefix}0101050890 0001", today=TODAY).province_code == prefix


_BAD_DATE = (
    "Tanggal lahir pada NIK (digit 7–12) tidak mungkin; untuk perempuan tanggal ditambah 40."
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "NIK wajib diisi."),
        (" . - ", "NIK wajib diisi."),
        ("15030145089O0123", "NIK hanya boleh berisi angka."),
        ("150301450890012٣", "NIK hanya boleh berisi angka."),
        ("150301450890012", "NIK harus 16 digit angka."),
        ("15030145089001234", "NIK harus 16 digit angka."),
        ("1003014508900123", "Kode provinsi 10 pada NIK tidak dikenal; periksa dua digit pertama."),
        ("2203014508900123", "Kode provinsi 22 pada NIK tidak dikenal; periksa dua digit pertama."),
        ("3703014508900123", "Kode provinsi 37 pada NIK tidak dikenal; periksa dua digit pertama."),
        ("9703014508900123", "Kode provinsi 97 pada NIK tidak dikenal; periksa dua digit pertama."),
        ("0003014508900123", "Kode provinsi 00 pada NIK tidak dikenal; periksa dua digit pertama."),
        ("1500014508900123", "Kode kabupaten/kota pada NIK (digit 3–4) tidak boleh 00."),
        ("1503004508900123", "Kode kecamatan pada NIK (digit 5–6) tidak boleh 00."),
        ("1503013208900123", _BAD_DATE),  # day 32
        ("1503010008900123", _BAD_DATE),  # day 0
        ("1503014008900123", _BAD_DATE),  # day 40: neither a man's nor a woman's day
        ("1503017208900123", _BAD_DATE),  # woman's day 32
        ("1503013102900123", _BAD_DATE),  # 31 February
        ("1503017102900123", _BAD_DATE),  # woman, 31 February
        ("1503012902010123", _BAD_DATE),  # 29 February in neither 2001 nor 1901
        ("1503010513900123", _BAD_DATE),  # month 13
        ("1503010500900123", _BAD_DATE),  # month 0
        ("1503014508900000", "Nomor urut pada NIK (empat digit terakhir) tidak boleh 0000."),
    ],
)
def test_parse_nik_refuses_invalid(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_nik(text, today=TODAY)
    assert caught.value.message == message
    assert caught.value.field == "nik"


@given(
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    data=st.data(),
    sex=st.sampled_from(Sex),
    district=st.integers(1, 99),
    serial=st.integers(1, 9999),
)
def test_parse_nik_round_trips_birth_date_and_sex(
    today: date, data: st.DataObject, sex: Sex, district: int, serial: int
) -> None:
    birth = data.draw(st.dates(min_value=_earliest_readable_birth(today), max_value=today))
    nik = _nik(birth, sex, prefix=f"1503{district:02d}", serial=f"{serial:04d}")
    info = parse_nik(nik, today=today)
    assert (info.birth_date, info.sex, info.serial) == (birth, sex, f"{serial:04d}")


def test_sex_labels_are_indonesian() -> None:
    assert (Sex.MALE.label, Sex.FEMALE.label) == ("Laki-laki", "Perempuan")
    assert (Sex("L"), Sex("P")) == (Sex.MALE, Sex.FEMALE)


_WOMAN_1990 = parse_nik("1503014508900123", today=TODAY)


def test_nik_mismatches_none_when_form_agrees() -> None:
    assert nik_mismatches(_WOMAN_1990, sex=Sex.FEMALE, birth_date=date(1990, 8, 5)) == []


def test_nik_mismatches_none_when_form_left_blank() -> None:
    assert nik_mismatches(_WOMAN_1990, sex=None, birth_date=None) == []


def test_nik_mismatches_warns_on_sex() -> None:
    assert nik_mismatches(_WOMAN_1990, sex=Sex.MALE, birth_date=None) == [
        "NIK menunjukkan perempuan, tetapi jenis kelamin yang diisi laki-laki."
    ]


def test_nik_mismatches_warns_on_birth_date() -> None:
    assert nik_mismatches(_WOMAN_1990, sex=None, birth_date=date(1990, 5, 8)) == [
        "NIK menunjukkan tanggal lahir 5 Agustus 1990, "
        "tetapi tanggal lahir yang diisi 8 Mei 1990."
    ]


def test_nik_mismatches_reports_both() -> None:
    assert len(nik_mismatches(_WOMAN_1990, sex=Sex.MALE, birth_date=date(1991, 8, 5))) == 2


def test_nik_mismatches_tolerates_inferred_century() -> None:
    # A 106-year-old's NIK reads as born in 2020; the form's 1920 is not a contradiction.
    info = parse_nik("1503010105200001", today=TODAY)
    assert info.birth_date == date(2020, 5, 1)
    assert nik_mismatches(info, sex=Sex.MALE, birth_date=date(1920, 5, 1)) == []


def test_parse_nik_accepts_other_regencies() -> None:
    assert parse_nik("3171014508900123", today=TODAY).regency_code == "71"
