from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.errors import ValidationError
from koperasi.domain.money import format_rupiah, parse_rupiah


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "Rp0"),
        (500, "Rp500"),
        (1_500_000, "Rp1.500.000"),
        (-1_500_000, "-Rp1.500.000"),
        (1_000_000_000_000, "Rp1.000.000.000.000"),
    ],
)
def test_format_rupiah_uses_indonesian_grouping(amount: int, expected: str) -> None:
    assert format_rupiah(amount) == expected


@pytest.mark.parametrize("amount", [1500.0, True, "1500", None])
def test_format_rupiah_refuses_non_int(amount: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(amount)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "1500000",
        "1.500.000",
        "Rp1.500.000",
        "Rp 1.500.000",
        "Rp. 1.500.000",
        "rp1.500.000",
        "1.500.000,00",
        "1.500.000,0",
        "Rp 1.500.000,-",
        "  1.500.000 \t",
        "\u00a0Rp\u00a01.500.000",
    ],
)
def test_parse_rupiah_accepts_common_spellings(text: str) -> None:
    assert parse_rupiah(text) == 1_500_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0", 0), ("999", 999), ("1.000", 1000), ("12.345.678", 12_345_678), ("007", 7)],
)
def test_parse_rupiah_reads_value(text: str, expected: int) -> None:
    assert parse_rupiah(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Jumlah uang wajib diisi."),
        ("   ", "Jumlah uang wajib diisi."),
        ("Rp", "Jumlah uang wajib diisi."),
        ("satu juta", "Jumlah uang hanya boleh berisi angka, misalnya 1.500.000."),
        ("1.500.000a", "Jumlah uang hanya boleh berisi angka, misalnya 1.500.000."),
        ("1 500 000", "Jumlah uang hanya boleh berisi angka, misalnya 1.500.000."),
        ("1.500.000rp", "Jumlah uang hanya boleh berisi angka, misalnya 1.500.000."),
        ("1,500,000", "Jumlah uang hanya boleh berisi angka, misalnya 1.500.000."),
        ("١٢٣", "Jumlah uang hanya boleh berisi angka, misalnya 1.500.000."),
        ("...", "Jumlah uang hanya boleh berisi angka, misalnya 1.500.000."),
        ("1.500,50", "Rupiah harus bilangan bulat, tanpa sen."),
        ("1,5", "Rupiah harus bilangan bulat, tanpa sen."),
        ("1.50.000", "Titik pemisah ribuan salah letak; tulis misalnya 1.500.000."),
        ("1500.000", "Titik pemisah ribuan salah letak; tulis misalnya 1.500.000."),
        ("1.500.", "Titik pemisah ribuan salah letak; tulis misalnya 1.500.000."),
        (".500", "Titik pemisah ribuan salah letak; tulis misalnya 1.500.000."),
        ("-1.500.000", "Jumlah uang tidak boleh negatif."),
        ("-Rp1.500.000", "Jumlah uang tidak boleh negatif."),
    ],
)
def test_parse_rupiah_refuses_bad_input(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_rupiah(text)
    assert caught.value.message == message


@pytest.mark.parametrize("text", ["-1.500.000", "-Rp1.500.000", "- Rp 1.500.000"])
def test_parse_rupiah_allows_negative_when_asked(text: str) -> None:
    assert parse_rupiah(text, allow_negative=True) == -1_500_000


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_parse_rupiah_reads_back_format_rupiah(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount), allow_negative=True) == amount


@given(st.integers(min_value=0, max_value=10**18))
def test_parse_rupiah_reads_plain_digits(amount: int) -> None:
    assert parse_rupiah(str(amount)) == amount


@given(st.integers(min_value=-(10**23), max_value=10**23))
def test_format_rupiah_matches_babels_indonesian_currency_format(amount: int) -> None:
    from babel import Locale
    from babel.numbers import format_currency

    assert format_rupiah(amount) == format_currency(amount, "IDR", locale=Locale.parse("id_ID"))
