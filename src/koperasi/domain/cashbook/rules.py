"""The office's cash book: money in and out that is not a loan, a sale or a saving.

An entry is income (a grant, other income) or an expense (operations, honoraria, training costs,
transport), always against the cash account and one income or expense account of the chart. Each has
its voucher: bukti kas masuk (BKM/…) for income, bukti kas keluar (BKK/…) for an expense.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import AccountGroup
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.numbering import DocumentType

MAX_AMOUNT = 10_000_000_000  # Rp10 miliar: a typo beyond this is refused before it reaches the books
MAX_DESCRIPTION = 250
MAX_PARTY = 120


class CashDirection(StrEnum):
    INCOME = "in"
    EXPENSE = "out"

    @property
    def label(self) -> str:
        return "Pemasukan" if self is CashDirection.INCOME else "Pengeluaran"

    @property
    def group(self) -> AccountGroup:
        """The accounts an entry of this direction may name."""
        return AccountGroup.INCOME if self is CashDirection.INCOME else AccountGroup.EXPENSE

    @property
    def document(self) -> DocumentType:
        return DocumentType.CASH_IN if self is CashDirection.INCOME else DocumentType.CASH_OUT

    @property
    def voucher_title(self) -> str:
        return "BUKTI KAS MASUK" if self is CashDirection.INCOME else "BUKTI KAS KELUAR"

    def change(self, amount: int) -> int:
        """What the entry does to the cash: income adds, an expense takes away."""
        return amount if self is CashDirection.INCOME else -amount


def check_amount(amount: object) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError("Jumlah uang harus bilangan bulat rupiah.", field="amount")
    if amount <= 0:
        raise ValidationError("Jumlah uang harus lebih dari nol.", field="amount")
    if amount > MAX_AMOUNT:
        raise ValidationError(f"Jumlah uang paling banyak {format_rupiah(MAX_AMOUNT)}.", field="amount")
    return amount


def check_day(day: object, today: date) -> date:
    if not isinstance(day, date):
        raise ValidationError("Tanggal transaksi wajib diisi.", field="occurred_on")
    if day > today:
        raise ValidationError("Tanggal transaksi tidak boleh di masa depan.", field="occurred_on")
    return day


def check_description(text: object) -> str:
    """What the money was for, as the voucher says it: required, spaces tidied."""
    cleaned = " ".join(text.split()) if isinstance(text, str) else ""
    if not cleaned:
        raise ValidationError("Tuliskan uraian transaksi (untuk apa uang ini).", field="description")
    if len(cleaned) > MAX_DESCRIPTION:
        raise ValidationError(f"Uraian terlalu panjang (paling banyak {MAX_DESCRIPTION} huruf).", field="description")
    return cleaned


def check_party(text: object, direction: CashDirection) -> str:
    """Who paid the office (income) or was paid by it (an expense); may be left empty."""
    cleaned = " ".join(text.split()) if isinstance(text, str) else ""
    if len(cleaned) > MAX_PARTY:
        who = "pemberi" if direction is CashDirection.INCOME else "penerima"
        raise ValidationError(f"Nama {who} terlalu panjang (paling banyak {MAX_PARTY} huruf).", field="party")
    return cleaned
