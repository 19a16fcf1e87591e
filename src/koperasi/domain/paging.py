"""The bounds of a page of rows a list asks for: whole numbers, clamped to what the database can hold."""

from __future__ import annotations

from koperasi.domain.errors import ValidationError

_LARGEST = 2**62  # well inside a 64-bit INTEGER: a bigger offset only means "past the end"


def page_bounds(offset: int, limit: int, *, most: int | None = None) -> tuple[int, int]:
    """(offset, limit) ready for a query: offset at least 0, limit between 1 and ``most``."""
    for value, label, field in ((offset, "Awal halaman", "offset"), (limit, "Jumlah baris", "limit")):
        if not isinstance(value, int):
            raise ValidationError(f"{label} harus bilangan bulat.", field=field)
    return min(max(0, offset), _LARGEST), min(max(1, limit), most or _LARGEST)
