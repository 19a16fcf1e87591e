"""Amounts in Indonesian words ("terbilang"), as written on receipts and loan contracts."""

from __future__ import annotations

_ONES = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# Index i names 1000**i; the empty name is the units group.
_SCALES = ("", "ribu", "juta", "miliar", "triliun")
_LIMIT = 1000 ** len(_SCALES)


def terbilang(n: int) -> str:
    """``1_500_000`` -> ``"satu juta lima ratus ribu"``; valid for ``abs(n) < 10**15``."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"terbilang needs an int, got {type(n).__name__}")
    if abs(n) >= _LIMIT:
        raise ValueError(f"terbilang supports abs(n) < {_LIMIT}, got {n}")
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    words: list[str] = []
    for scale in reversed(range(len(_SCALES))):
        group = n // 1000**scale % 1000
        if group == 0:
            continue
        # Only a whole group of exactly one thousand contracts: "seribu", but
        # "satu juta" and "seratus satu ribu".
        if group == 1 and _SCALES[scale] == "ribu":
            words.append("seribu")
            continue
        words.append(_below_thousand(group))
        if _SCALES[scale]:
            words.append(_SCALES[scale])
    return " ".join(words)


def terbilang_rupiah(n: int) -> str:
    """``1000`` -> ``"seribu rupiah"``."""
    return terbilang(n) + " rupiah"


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_ONES[hundreds], "ratus"]
    if rest:
        words.append(_below_hundred(rest))
    return " ".join(words)


def _below_hundred(n: int) -> str:
    tens, ones = divmod(n, 10)
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if tens == 1:
        return f"{_ONES[ones]} belas"
    if tens == 0:
        return _ONES[ones]
    if ones == 0:
        return f"{_ONES[tens]} puluh"
    return f"{_ONES[tens]} puluh {_ONES[ones]}"
