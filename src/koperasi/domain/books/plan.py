"""A year's SHU division as plain values: the services fill these in, the screens and the SHU list print them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from koperasi.domain.books.rules import BusinessSource, CapitalBasis, PaymentMethod, ShuPart
from koperasi.domain.office.profile import OfficeProfile


@dataclass(frozen=True, slots=True)
class PartAmount:
    part: ShuPart
    share_bp: int
    amount: int
    undivided: int  # of a member part: what no member had a basis for (to SHU belum dibagikan)


@dataclass(frozen=True, slots=True)
class MemberShu:
    member_id: uuid.UUID
    number: str
    name: str
    capital_basis: int  # pokok + wajib at the year end, or the sum of the twelve month ends (average × 12)
    business_basis: int  # rupiah the cooperative earned from the member's dealings
    jasa_modal: int
    jasa_usaha: int
    paid_by: PaymentMethod | None = None
    paid_on: date | None = None
    receipt_number: str = ""

    @property
    def total(self) -> int:
        return self.jasa_modal + self.jasa_usaha


@dataclass(frozen=True, slots=True)
class ShuPlan:
    """A year's SHU divided (saved) or as it would be divided with today's settings (a preview)."""

    year: int
    shu: int
    capital_basis: CapitalBasis
    business_sources: frozenset[BusinessSource]
    parts: tuple[PartAmount, ...]
    members: tuple[MemberShu, ...]  # by member number
    divided_on: date | None  # None: a preview, nothing saved

    def part(self, part: ShuPart) -> PartAmount:
        return next(line for line in self.parts if line.part is part)

    @property
    def capital_basis_total(self) -> int:
        return sum(member.capital_basis for member in self.members)

    @property
    def business_basis_total(self) -> int:
        return sum(member.business_basis for member in self.members)


@dataclass(frozen=True, slots=True)
class ShuPaper:
    """The per-member SHU list as printed: the office, the division and the day it was printed."""

    office: OfficeProfile
    plan: ShuPlan
    printed_on: date
