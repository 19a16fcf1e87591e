"""Indonesian phone numbers, stored in national form: leading 0, digits only.

Rules, deliberately simple rather than a full numbering plan:

* Mobile numbers start with 08 and have 10–13 digits, e.g. 081234567890.
* Landlines start with 0 and an area code (02–09) and have 9–11 digits in all,
  e.g. 074591234 for Sarolangun (0745). The area code has two digits after the
  0 for Jakarta, Bandung, Semarang, Surabaya and Medan, three elsewhere.
* +62 or 62 stands for the leading 0. 00 and 01 start international calls
  from Indonesia, so numbers beginning with them are foreign and refused.
"""

from __future__ import annotations

import re

from koperasi.domain.errors import ValidationError

_FIELD = "phone"
_ALLOWED = re.compile(r"\+?[0-9\s().\-]+")
_SEPARATORS = re.compile(r"[\s().\-]")
_TWO_DIGIT_AREA_CODES = frozenset({"21", "22", "24", "31", "61"})
_MOBILE_LENGTHS = range(10, 14)
_LANDLINE_LENGTHS = range(9, 12)

_EMPTY = "Nomor telepon wajib diisi."
_BAD_CHARACTERS = (
    "Nomor telepon hanya boleh berisi angka, spasi, tanda hubung, tanda kurung, "
    "dan tanda + di depan."
)
_FOREIGN = "Hanya nomor Indonesia yang diterima; awali dengan 0 atau +62."
_NO_PREFIX = "Nomor telepon harus diawali 0 atau +62, misalnya 0812-3456-7890."
_MOBILE_LENGTH = "Nomor HP harus 10–13 digit, misalnya 0812-3456-7890."
_LANDLINE_LENGTH = (
    "Nomor telepon rumah/kantor harus 9–11 digit termasuk kode wilayah, misalnya (0745) 91234."
)


def normalize_phone(text: str) -> str:
    """``"+62 812-3456-7890"`` -> ``"081234567890"``; ``"(0745) 91234"`` -> ``"074591234"``."""
    text = text.strip()
    if not text:
        raise ValidationError(_EMPTY, field=_FIELD)
    if _ALLOWED.fullmatch(text) is None:
        raise ValidationError(_BAD_CHARACTERS, field=_FIELD)
    digits = _SEPARATORS.sub("", text.removeprefix("+"))
    if text.startswith("+") and not digits.startswith("62"):
        raise ValidationError(_FOREIGN, field=_FIELD)
    if digits.startswith("62"):
        # "+62 0812..." is a common slip: the trunk 0 written after the country code.
        digits = "0" + digits.removeprefix("62").removeprefix("0")
    if not digits.startswith("0"):
        raise ValidationError(_NO_PREFIX, field=_FIELD)
    if digits[1:2] in ("0", "1"):
        raise ValidationError(_FOREIGN, field=_FIELD)
    if _is_mobile(digits):
        if len(digits) not in _MOBILE_LENGTHS:
            raise ValidationError(_MOBILE_LENGTH, field=_FIELD)
    elif len(digits) not in _LANDLINE_LENGTHS:
        raise ValidationError(_LANDLINE_LENGTH, field=_FIELD)
    return digits


def format_phone(national: str) -> str:
    """Display form: ``"0812-3456-7890"`` for mobiles, ``"(0745) 91234"`` for landlines.

    The number is normalized first, so anything ``normalize_phone`` refuses
    raises the same ``ValidationError``.
    """
    digits = normalize_phone(national)
    if _is_mobile(digits):
        # Operator prefix, then the rest split in two near-equal groups:
        # 0812-345-678, 0812-3456-7890, 0812-3456-78901.
        rest = digits[4:]
        middle = len(rest) // 2
        return f"{digits[:4]}-{rest[:middle]}-{rest[middle:]}"
    area_length = 3 if digits[1:3] in _TWO_DIGIT_AREA_CODES else 4
    return f"({digits[:area_length]}) {digits[area_length:]}"


def _is_mobile(national: str) -> bool:
    return national.startswith("08")
