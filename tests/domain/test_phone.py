from __future__ import annotations

import pytest

from koperasi.domain.errors import ValidationError
from koperasi.domain.phone import format_phone, normalize_phone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("081234567890", "081234567890"),
        ("0812-3456-7890", "081234567890"),
        ("0812 3456 7890", "081234567890"),
        ("0812.3456.7890", "081234567890"),
        ("+62 812 3456 7890", "081234567890"),
        ("+62-812-3456-7890", "081234567890"),
        ("62812345678 90", "081234567890"),
        ("+62 0812 3456 7890", "081234567890"),
        ("  0812-3456-7890 ", "081234567890"),
        ("0812345678", "0812345678"),
        ("0812345678901", "0812345678901"),
        ("(0745) 91234", "074591234"),
        ("0745-912345", "0745912345"),
        ("+62 745 91234", "074591234"),
        ("(021) 2345 6789", "02123456789"),
    ],
)
def test_normalize_phone_returns_national_digits(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected


_CHARS = (
    "Nomor telepon hanya boleh berisi angka, spasi, tanda hubung, tanda kurung, "
    "dan tanda + di depan."
)
_FOREIGN = "Hanya nomor Indonesia yang diterima; awali dengan 0 atau +62."
_MOBILE = "Nomor HP harus 10–13 digit, misalnya 0812-3456-7890."
_LANDLINE = (
    "Nomor telepon rumah/kantor harus 9–11 digit termasuk kode wilayah, misalnya (0745) 91234."
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Nomor telepon wajib diisi."),
        ("   ", "Nomor telepon wajib diisi."),
        ("0812-3456-789O", _CHARS),
        ("telp 0812345678", _CHARS),
        ("0812+3456", _CHARS),
        ("0812/3456/7890", _CHARS),
        ("+65 9123 4567", _FOREIGN),
        ("+1 415 555 0100", _FOREIGN),
        ("0065 9123 4567", _FOREIGN),
        ("01017 65 9123 4567", _FOREIGN),
        ("812 3456 7890", "Nomor telepon harus diawali 0 atau +62, misalnya 0812-3456-7890."),
        ("081234567", _MOBILE),
        ("08123456789012", _MOBILE),
        ("+62 812 345", _MOBILE),
        ("0745 9123", _LANDLINE),
        ("021 1234 56789", _LANDLINE),
    ],
)
def test_normalize_phone_refuses_invalid(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(text)
    assert caught.value.message == message
    assert caught.value.field == "phone"


@pytest.mark.parametrize(
    ("national", "expected"),
    [
        ("081234567890", "0812-3456-7890"),
        ("0812345678", "0812-345-678"),
        ("08123456789", "0812-345-6789"),
        ("0812345678901", "0812-3456-78901"),
        ("074591234", "(0745) 91234"),
        ("0745912345", "(0745) 912345"),
        ("02123456789", "(021) 23456789"),
        ("0612345678", "(061) 2345678"),
    ],
)
def test_format_phone_groups_for_display(national: str, expected: str) -> None:
    assert format_phone(national) == expected


@pytest.mark.parametrize("text", ["+62 812 3456 7890", "(0745) 91234", "0812-345-678"])
def test_format_phone_output_normalizes_back(text: str) -> None:
    assert normalize_phone(format_phone(text)) == normalize_phone(text)


def test_format_phone_refuses_what_normalize_refuses() -> None:
    with pytest.raises(ValidationError):
        format_phone("12345")
