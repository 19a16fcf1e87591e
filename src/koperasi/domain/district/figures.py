"""The figures an office reports to its district, and how the district adds them up.

Each office computes its own figures with its own code (the same numbers as its Beranda), so the district
never re-derives an arrears status or a completion rule from partial records: the consolidated figure is the
sum of the offices' figures, and ratios (PAR30, collection rate) are taken of the sums, never averaged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date

from koperasi.domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class OfficeFigures:
    as_of: date
    members: int  # on the roll on the day
    women: int
    new_in_month: int
    left_in_month: int
    loans: int  # with principal outstanding
    outstanding: int
    at_risk_30: int  # outstanding principal counted in PAR30
    disbursed_in_year: int
    due_in_month: int
    collected_in_month: int
    trained_in_year: int  # the training summary's people for the year to the day
    completed_in_year: int
    trained_women: int
    sales_in_year: int  # standing sale lines' totals, year to the day
    commission_in_year: int
    sales_in_month: int
    # Issue 16's impact figures (built on another branch) join here as further fields of the same kind:
    # whole numbers the office computes itself, so the district's sum stays a sum.

    @property
    def par30(self) -> float:
        return self.at_risk_30 / self.outstanding if self.outstanding else 0.0

    @property
    def collection_rate(self) -> float:
        return self.collected_in_month / self.due_in_month if self.due_in_month else 0.0


COUNTED = tuple(field.name for field in fields(OfficeFigures) if field.name != "as_of")


def as_document(figures: OfficeFigures) -> dict:
    document = asdict(figures)
    document["as_of"] = figures.as_of.isoformat()
    return document


def from_document(document: object) -> OfficeFigures:
    """The figures from a packet's ``figures.json``; refused unless every count is a whole number ≥ 0."""
    if not isinstance(document, dict):
        raise DomainError("Angka kantor di paket tidak terbaca.")
    try:
        counts = {name: document[name] for name in COUNTED}
        as_of = date.fromisoformat(document["as_of"])
    except (KeyError, TypeError, ValueError) as error:
        raise DomainError("Angka kantor di paket tidak lengkap.") from error
    if not all(type(value) is int and 0 <= value < 10**15 for value in counts.values()):
        raise DomainError("Angka kantor di paket tidak sah (harus bilangan bulat, tidak negatif).")
    return OfficeFigures(as_of=as_of, **counts)


def total(figures: list[OfficeFigures], as_of: date) -> OfficeFigures:
    """The offices' figures added up (``as_of`` is the day the caller states for the whole)."""
    return OfficeFigures(as_of=as_of, **{name: sum(getattr(one, name) for one in figures) for name in COUNTED})


@dataclass(frozen=True, slots=True)
class OfficeLine:
    """One office on the consolidated view: its newest packet's moment and figures (None before its first)."""

    label: str
    office_code: str
    kecamatan: str
    as_of: date | None
    stale: bool  # older than the district's setting, or never received
    figures: OfficeFigures | None


@dataclass(frozen=True, slots=True)
class KecamatanLine:
    """Members and loans by the member's kecamatan, from the offices' records (an office may serve several)."""

    kecamatan: str
    members: int
    women: int
    loans: int
    outstanding: int
    at_risk_30: int

    @property
    def par30(self) -> float:
        return self.at_risk_30 / self.outstanding if self.outstanding else 0.0


@dataclass(frozen=True, slots=True)
class Consolidated:
    """The kabupaten as a whole: the sum of the offices' figures, each office, and each kecamatan."""

    kabupaten: str
    today: date
    stale_days: int
    total: OfficeFigures
    offices: tuple[OfficeLine, ...]
    by_kecamatan: tuple[KecamatanLine, ...]
