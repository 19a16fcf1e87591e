"""Rupiah amounts: whole rupiah held as ``int``, shown and typed the Indonesian way."""

from __future__ import annotations

import re

from koperasi.domain.errors import ValidationError

METERAI_THRESHOLD = 5_000_000  # a receipt for more than this carries a Rp10.000 meterai


_EMPTY = "Jumlah uang wajib diisi."
_NOT_A_NUMBER = "Jumlah uang hanya boleh berisi angka, misalnya 1.500.000."
_FRACTION = "Rupiah harus bilangan bulat, tanpa sen."
_SEPARATOR = "Titik pemisah ribuan salah letak; tulis misalnya 1.500.000."
_NEGATIVE = "Jumlah uang tidak boleh negatif."

# Clerks write "Rp", "Rp." or "Rp " before the number.
_CURRENCY = re.compile(r"^rp\.?", re.IGNORECASE)
# [0-9] rather than \d: int() would happily accept Arabic-Indic and other digits.
# ",-" is the customary "no sen" ending, as in "Rp 1.500.000,-".
_BODY = re.compile(r"(?P<whole>[0-9.]+)(?:,(?:-|(?P<fraction>[0-9]+)))?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})*")

def format_rupiah(amount: int) -> str:
    """``1500000`` -> ``"Rp1.500.000"``; negatives get a leading ``-``."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be int rupiah, got {type(amount).__name__}")
    # What Babel's id_ID currency format gives (a test holds them equal), at ~1/50 of its cost:
    # a kartu pinjaman or a list page formats hundreds of amounts.
    return f"{'-' if amount < 0 else ''}Rp{abs(amount):,}".replace(",", ".")


def parse_rupiah(text: str, *, allow_negative: bool = False) -> int:
    """Read an amount typed by a clerk, e.g. ``"Rp 1.500.000"``, ``"1.500.000,00"``.

    Dots group thousands and a comma starts the fraction, as in Indonesian
    writing; a fraction must be all zeros because the office counts no sen.
    """
    body = text.strip()
    # The sign goes before "Rp", as in format_rupiah's own "-Rp1.500.000".
    negative = body.startswith("-")
    body = _CURRENCY.sub("", body.removeprefix("-").lstrip(), count=1).strip()
    if not body:
        raise ValidationError(_EMPTY)
    parts = _BODY.fullmatch(body)
    if parts is None:
        raise ValidationError(_NOT_A_NUMBER)
    whole, fraction = parts["whole"], parts["fraction"]
    if fraction is not None and fraction.strip("0"):
        raise ValidationError(_FRACTION)
    if not whole.replace(".", ""):
        raise ValidationError(_NOT_A_NUMBER)
    if "." in whole and _GROUPED.fullmatch(whole) is None:
        raise ValidationError(_SEPARATOR)
    amount = int(whole.replace(".", ""))
    if negative:
        if not allow_negative:
            raise ValidationError(_NEGATIVE)
        amount = -amount
    return amount


def percent(ratio: float) -> str:
    """A share of a whole: ``0.1234`` -> ``"12,3%"``, the Indonesian decimal comma (PAR30, attendance)."""
    return f"{ratio * 100:.1f}".replace(".", ",") + "%"
