"""The figures an office reports to its district, and how the district adds them up.

Each office computes its own figures with its own code (the same numbers as its Beranda), so the district
never re-derives an arrears status or a completion rule from partial records: the consolidated figure is the
sum of the offices' figures, and ratios (PAR30, collection rate) are taken of the sums, never averaged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date

from koperasi.domain.errors import DomainError
from koperasi.domain.impact.indicators import median_floor


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


@dataclass(frozen=True, slots=True)
class KecamatanActivity:
    """An office's trainings and sales of one kecamatan (the participant's or producer's), from its own training
    summary and sales report for the year to the day; an office's lines add up to its own figures."""

    kecamatan: str
    trained_in_year: int
    completed_in_year: int
    trained_women: int
    sales_in_year: int
    sales_in_month: int


ACTIVITY_COUNTED = tuple(field.name for field in fields(KecamatanActivity) if field.name != "kecamatan")
BY_KECAMATAN = "by_kecamatan"  # figures.json's key for the kecamatan lines (format version 2)


def activity_document(lines: tuple[KecamatanActivity, ...]) -> list[dict]:
    return [asdict(line) for line in lines]


def activity_from_document(document: object) -> tuple[KecamatanActivity, ...] | None:
    """The kecamatan lines of a figures document; None when it has none (a version 1 packet), refused when malformed."""
    if not isinstance(document, dict) or BY_KECAMATAN not in document:
        return None
    lines = document[BY_KECAMATAN]
    if not isinstance(lines, list) or not all(isinstance(line, dict) for line in lines):
        raise DomainError("Angka kecamatan di paket tidak terbaca.")
    try:
        counts = [{name: line[name] for name in ACTIVITY_COUNTED} for line in lines]
        names = [line["kecamatan"] for line in lines]
    except KeyError as error:
        raise DomainError("Angka kecamatan di paket tidak lengkap.") from error
    if not all(isinstance(name, str) and 0 < len(name) <= 80 for name in names) or len(set(names)) != len(names):
        raise DomainError("Nama kecamatan di paket tidak sah.")
    if not all(type(value) is int and 0 <= value < 10**15 for count in counts for value in count.values()):
        raise DomainError("Angka kecamatan di paket tidak sah (harus bilangan bulat, tidak negatif).")
    return tuple(KecamatanActivity(name, **count) for name, count in zip(names, counts, strict=True))


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
    impact: OfficeImpact | None = None  # None: no packet yet, or one of format version 1


@dataclass(frozen=True, slots=True)
class OfficeImpact:
    """The impact indicators (issue 16) an office reports for the year to the day, by its own code.

    Counts add up; a median does not, so the office sends each followed-up household's change of monthly income,
    sorted and with nothing that says whose (whatever the personal-data setting), and the district takes the median
    of all of them: the kabupaten's median is then the one an office with all those households would compute.
    """

    reached: int  # households a loan, a training or a visit reached in the period
    households: int  # with a baseline
    followed_up: int  # with a later measurement too: the base of the changes
    with_poverty_line: int
    above_poverty_before: int
    above_poverty_after: int
    businesses_started_or_grown: int
    moneylender_debt_before: int
    moneylender_debt_ended: int
    children_back_in_school: int
    women_business_before: int
    women_business_after: int
    loans_paid_off: int
    loans_on_time: int
    income_changes: tuple[int, ...]  # rupiah a month, one per followed-up household, sorted

    @property
    def median_income_change(self) -> int | None:
        return median_floor(self.income_changes)


IMPACT = "impact"  # figures.json's key for the impact indicators (format version 2)
IMPACT_COUNTED = tuple(field.name for field in fields(OfficeImpact) if field.name != "income_changes")
NO_IMPACT = OfficeImpact(**dict.fromkeys(IMPACT_COUNTED, 0), income_changes=())


def impact_document(impact: OfficeImpact) -> dict:
    return {name: getattr(impact, name) for name in IMPACT_COUNTED} | {"income_changes": list(impact.income_changes)}


def impact_from_document(document: object) -> OfficeImpact | None:
    """The impact part of a figures document; None when it has none (a version 1 packet), refused when malformed."""
    if not isinstance(document, dict) or IMPACT not in document:
        return None
    part = document[IMPACT]
    try:
        counts = {name: part[name] for name in IMPACT_COUNTED}
        changes = part["income_changes"]
    except (KeyError, TypeError) as error:
        raise DomainError("Angka dampak di paket tidak lengkap.") from error
    if not all(type(value) is int and 0 <= value < 10**15 for value in counts.values()):
        raise DomainError("Angka dampak di paket tidak sah (harus bilangan bulat, tidak negatif).")
    if (not isinstance(changes, list) or len(changes) != counts["followed_up"]
            or not all(type(change) is int and abs(change) < 10**13 for change in changes)):
        raise DomainError("Perubahan pendapatan di paket tidak sah.")
    return OfficeImpact(**counts, income_changes=tuple(sorted(changes)))


def impact_total(parts: list[OfficeImpact]) -> OfficeImpact:
    return OfficeImpact(**{name: sum(getattr(part, name) for part in parts) for name in IMPACT_COUNTED},
                        income_changes=tuple(sorted(change for part in parts for change in part.income_changes)))


# The kecamatan line of the trainings and sales of offices whose packet (format version 1) has no kecamatan lines.
UNSPLIT = "Belum terinci (paket versi 1)"


@dataclass(frozen=True, slots=True)
class KecamatanLine:
    """One kecamatan: members and loans by the member's kecamatan, from the offices' records (an office may serve
    several); trainings and sales by the participant's or producer's kecamatan, from the offices' own lines."""

    kecamatan: str
    members: int
    women: int
    loans: int
    outstanding: int
    at_risk_30: int
    trained_in_year: int = 0
    completed_in_year: int = 0
    trained_women: int = 0
    sales_in_year: int = 0
    sales_in_month: int = 0

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
    impact: OfficeImpact = NO_IMPACT  # the offices' impact added up (offices with a version 1 packet have none)

    @property
    def without_impact(self) -> tuple[str, ...]:
        """The offices whose packet carries no impact figures (format version 1)."""
        return tuple(line.label for line in self.offices if line.figures is not None and line.impact is None)
