"""Consignment sales: quantities, line totals and the split between producer and cooperative.

Quantities are kept in thousandths of a unit (``milli``) as integers, so 2,5 kg is 2500
and no float ever touches stock. Money stays whole rupiah. A line's total is quantity ×
unit price rounded half up to the rupiah; the cooperative's commission is the total ×
percent rounded half up, and the producer's share is the rest — so share + commission
is always exactly the total, whatever the numbers.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from koperasi.domain.errors import ValidationError
from koperasi.domain.money import format_rupiah

MILLI = 1000  # thousandths of a unit per unit
BASIS = 10_000  # basis points per whole (100 %)
MAX_QUANTITY_MILLI = 1_000_000 * MILLI  # a million units on one line is already absurd
MAX_UNIT_PRICE = 100_000_000
UNITS = ("kg", "ikat", "buah", "lembar", "liter", "karung", "pcs", "set", "meter")


def line_total(quantity_milli: int, unit_price: int) -> int:
    """Quantity × price in whole rupiah, half up (2,5 kg × Rp3.333 = Rp8.333)."""
    return (quantity_milli * unit_price * 2 + MILLI) // (2 * MILLI)


def commission(total: int, commission_bp: int) -> int:
    """The cooperative's part of ``total`` at ``commission_bp`` basis points, rounded half up."""
    return (total * commission_bp * 2 + BASIS) // (2 * BASIS)


@dataclass(frozen=True, slots=True)
class Split:
    total: int
    commission: int

    @property
    def producer_share(self) -> int:
        return self.total - self.commission


def split_line(quantity_milli: int, unit_price: int, commission_bp: int) -> Split:
    check_quantity(quantity_milli)
    check_price(unit_price)
    check_commission(commission_bp)
    total = line_total(quantity_milli, unit_price)
    if total < 1:  # 1 gram at Rp4 a kilo: nothing to pay, and a journal entry of Rp0 has no lines to post
        raise ValidationError("Nilai baris kurang dari Rp1 (jumlah × harga). Periksa jumlah dan harga satuan.", field="quantity")
    return Split(total, commission(total, commission_bp))


def check_quantity(quantity_milli: int) -> None:
    if type(quantity_milli) is not int or quantity_milli <= 0:
        raise ValidationError("Jumlah barang harus lebih dari nol.", field="quantity")
    if quantity_milli > MAX_QUANTITY_MILLI:
        raise ValidationError("Jumlah barang terlalu besar.", field="quantity")


def check_price(unit_price: int) -> None:
    if type(unit_price) is not int or unit_price <= 0:
        raise ValidationError("Harga satuan harus rupiah bulat lebih dari nol.", field="unit_price")
    if unit_price > MAX_UNIT_PRICE:
        raise ValidationError(f"Harga satuan paling banyak {format_rupiah(MAX_UNIT_PRICE)}.", field="unit_price")


def check_commission(commission_bp: int) -> None:
    if type(commission_bp) is not int or not 0 <= commission_bp <= BASIS:
        raise ValidationError("Jasa penjualan antara 0% dan 100%.", field="commission")


_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def parse_quantity(text: str) -> int:
    """``"2,5"`` → 2500 thousandths; at most three decimals, Indonesian comma or a dot.

    Dots grouping thousands are thousands, as format_quantity prints them: ``"1.000"`` is a
    thousand units (never one), ``"1.234,5"`` is 1234,5; a lone dot otherwise is a decimal point.
    """
    cleaned = text.strip().replace(" ", "")
    if (cleaned.count(",") == 1 and "." in cleaned) or _THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")
    cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(f"\u201c{text}\u201d bukan jumlah barang.", field="quantity") from None
    if not value.is_finite() or value != value.quantize(Decimal("0.001")):
        raise ValidationError("Jumlah barang paling banyak tiga angka di belakang koma.", field="quantity")
    milli = int((value * MILLI).to_integral_value(ROUND_HALF_UP))
    check_quantity(milli)
    return milli


def format_quantity(quantity_milli: int, unit: str = "") -> str:
    """2500 → ``"2,5 kg"``; whole amounts without decimals, thousands with dots."""
    whole, part = divmod(abs(quantity_milli), MILLI)
    text = f"{whole:,}".replace(",", ".")
    if part:
        text += "," + f"{part:03d}".rstrip("0")
    if quantity_milli < 0:
        text = "-" + text
    return f"{text} {unit}".strip()


def format_percent(commission_bp: int) -> str:
    """1250 → ``"12,5%"``."""
    whole, part = divmod(commission_bp, 100)
    return f"{whole},{part:02d}".rstrip("0").rstrip(",") + "%"


def parse_percent(text: str) -> int:
    """``"12,5"`` or ``"12,5%"`` → 1250 basis points."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(f"\u201c{text}\u201d bukan persentase.", field="commission") from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise ValidationError("Persentase paling banyak dua angka di belakang koma.", field="commission")
    bp = int(value * 100)
    check_commission(bp)
    return bp


@dataclass(frozen=True, slots=True)
class Producer:
    """Who owns consigned goods: one member, or a group selling together."""

    member_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None

    def __post_init__(self) -> None:
        if (self.member_id is None) == (self.group_id is None):
            raise ValidationError("Pilih penitip: satu anggota atau satu kelompok.", field="producer")


@dataclass(frozen=True, slots=True)
class SaleLineInput:
    product_id: uuid.UUID
    producer: Producer
    quantity_milli: int
    unit_price: int


def effective_commission(default_bp: int, product_bp: int | None, channel_bp: int | None) -> int:
    """The rate a line uses: the product's own rate (agreed with its producers), else the channel's,
    else the office default."""
    if product_bp is not None:
        return product_bp
    if channel_bp is not None:
        return channel_bp
    return default_bp
