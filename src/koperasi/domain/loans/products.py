"""A loan product as the admin defines it, and the checks it must pass."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from enum import StrEnum

from koperasi.domain.errors import ValidationError
from koperasi.domain.loans.rules import MAX_PRINCIPAL, MAX_TERM, Frequency
from koperasi.domain.money import format_rupiah


class LoanKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"  # one loan per member under a group's joint liability (tanggung renteng)

    @property
    def label(self) -> str:
        return "Perorangan" if self is LoanKind.INDIVIDUAL else "Kelompok (tanggung renteng)"


ROUNDING_CHOICES = (1, 100, 500, 1000, 5000)
DEFAULT_CURE_INSTALLMENTS = 3  # on-time installments that take a rescheduled loan out of PAR (common MFI practice)
MAX_CURE_INSTALLMENTS = 24


@dataclass(frozen=True, slots=True)
class ProductInput:
    name: str
    fund_source_id: uuid.UUID
    kind: LoanKind
    min_amount: int
    max_amount: int
    min_term: int
    max_term: int
    frequency: Frequency
    rounding_multiple: int = 1000
    admin_fee: int = 0
    required_programme_id: uuid.UUID | None = None
    # A rescheduled loan stays at risk (PAR30, the restructured line) until it has paid this many
    # installments of its new schedule on time, in a row.
    cure_installments: int = DEFAULT_CURE_INSTALLMENTS


def clean_product(product: ProductInput) -> ProductInput:
    name = " ".join(product.name.split())
    if not 3 <= len(name) <= 120:
        raise ValidationError("Nama produk 3 sampai 120 huruf.", field="name")
    for field, value in (("min_amount", product.min_amount), ("max_amount", product.max_amount), ("admin_fee", product.admin_fee)):
        if type(value) is not int:
            raise ValidationError("Jumlah uang harus rupiah bulat.", field=field)
    if not 0 < product.min_amount <= product.max_amount <= MAX_PRINCIPAL:
        raise ValidationError(
            f"Plafon minimal harus lebih dari nol dan tidak melebihi plafon maksimal (paling banyak {format_rupiah(MAX_PRINCIPAL)}).",
            field="min_amount",
        )
    whole_terms = type(product.min_term) is int and type(product.max_term) is int
    if not whole_terms or not 1 <= product.min_term <= product.max_term <= MAX_TERM:
        raise ValidationError(f"Tenor minimal 1 dan tidak melebihi tenor maksimal (paling banyak {MAX_TERM} kali).", field="min_term")
    if product.rounding_multiple not in ROUNDING_CHOICES:
        raise ValidationError("Pembulatan angsuran harus Rp1, Rp100, Rp500, Rp1.000 atau Rp5.000.", field="rounding_multiple")
    if type(product.cure_installments) is not int or not 1 <= product.cure_installments <= MAX_CURE_INSTALLMENTS:
        raise ValidationError(
            f"Angsuran tepat waktu untuk pulih dari restrukturisasi: 1 sampai {MAX_CURE_INSTALLMENTS} kali.",
            field="cure_installments",
        )
    if not 0 <= product.admin_fee < product.min_amount:
        raise ValidationError("Biaya administrasi tidak boleh negatif dan harus lebih kecil dari plafon minimal.", field="admin_fee")
    return replace(product, name=name, kind=LoanKind(product.kind), frequency=Frequency(product.frequency))


def check_within_product(product: ProductInput, principal: int, term: int) -> None:
    if not product.min_amount <= principal <= product.max_amount:
        raise ValidationError(
            f"Jumlah pinjaman produk ini antara {format_rupiah(product.min_amount)} dan {format_rupiah(product.max_amount)}.",
            field="principal",
        )
    if not product.min_term <= term <= product.max_term:
        raise ValidationError(f"Tenor produk ini antara {product.min_term} dan {product.max_term} kali angsuran.", field="term")
