"""The indicators funders ask for, from each household's baseline and latest measurement.

Pure arithmetic on plain data, one ``HouseholdTrack`` per household: the definition of each figure. A household
counts once in a total, even when it belongs to several programmes or categories. The service computes the same
terms in SQL over 100,000 households (services/impact/indicators.py); a test holds the two to the same figures.
Each indicator's ``HOW`` text is shown as a tooltip and printed in the report's notes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from koperasi.domain.impact.household import Measurement


class Dimension(StrEnum):
    """What a breakdown groups households by."""

    PROGRAMME = "programme"
    FUND = "fund"
    CATEGORY = "category"
    KECAMATAN = "kecamatan"
    SEX = "sex"
    COHORT = "cohort"

    @property
    def label(self) -> str:
        return _DIMENSION_LABELS[self]


_DIMENSION_LABELS = {
    Dimension.PROGRAMME: "Program",
    Dimension.FUND: "Sumber dana",
    Dimension.CATEGORY: "Kategori kerentanan",
    Dimension.KECAMATAN: "Kecamatan",
    Dimension.SEX: "Jenis kelamin",
    Dimension.COHORT: "Tahun bergabung",
}


@dataclass(frozen=True, slots=True)
class HouseholdTrack:
    """One household: its baseline, its latest later measurement (None: not visited again yet), and the
    poverty line per person that applies to it (None: the office has not entered one)."""

    member_id: Hashable  # whatever identifies the household in one read (the member's id)
    baseline: Measurement
    latest: Measurement | None
    poverty_line: int | None = None


@dataclass(frozen=True, slots=True)
class Indicators:
    households: int  # households with a baseline
    followed_up: int  # of whom with a later measurement too: the base of every change below
    median_income_change: int | None  # rupiah a month; None when nobody was followed up
    above_poverty_before: int | None  # of the followed-up households with a poverty line
    above_poverty_after: int | None
    with_poverty_line: int
    businesses_started_or_grown: int
    moneylender_debt_before: int
    moneylender_debt_ended: int
    children_back_in_school: int
    women_business_before: int
    women_business_after: int


HOW: dict[str, str] = {
    "reached": "Rumah tangga (anggota) yang dalam periode menerima pencairan pinjaman, terdaftar di pelatihan, "
               "atau dikunjungi; dihitung sekali walau lewat beberapa jalan.",
    "households": "Rumah tangga yang sudah punya data awal (pengukuran pertama) sampai akhir periode.",
    "followed_up": "Rumah tangga dengan data awal dan paling sedikit satu kunjungan sesudahnya di dalam periode; "
                   "kunjungan terakhir dalam periode dibandingkan dengan data awal, dan semua perubahan di bawah "
                   "dihitung dari rumah tangga ini saja.",
    "median_income_change": "Median dari (pendapatan bulanan pada kunjungan terakhir − pendapatan pada data awal) per rumah tangga; "
                            "dengan jumlah genap, rata-rata dua nilai tengah dibulatkan ke bawah ke rupiah.",
    "above_poverty": "Rumah tangga yang pendapatan per orangnya (pendapatan ÷ jumlah anggota rumah tangga) paling sedikit "
                     "garis kemiskinan BPS per kapita yang berlaku pada akhir periode (perdesaan untuk desa, perkotaan untuk "
                     "kelurahan), pada data awal dan pada kunjungan terakhir; garis yang sama untuk keduanya.",
    "businesses_started_or_grown": "Rumah tangga yang status usahanya naik (belum ada → baru mulai → berjalan → berkembang) "
                                   "antara data awal dan kunjungan terakhir.",
    "moneylender_debt_ended": "Rumah tangga yang berutang ke rentenir pada data awal dan tidak lagi pada kunjungan terakhir.",
    "children_back_in_school": "Jumlah tambahan anak usia 7–18 yang bersekolah pada kunjungan terakhir dibanding data awal "
                               "(per rumah tangga, hanya kenaikan yang dihitung).",
    "women_business": "Rumah tangga yang perempuannya menjalankan usaha sendiri, pada data awal dan kunjungan terakhir.",
    "loans_on_time": "Pinjaman yang lunas dalam periode, dan berapa di antaranya lunas paling lambat pada jatuh tempo "
                     "angsuran terakhir jadwalnya.",
}


def median_floor(values: Sequence[int]) -> int | None:
    """The median of whole rupiah, staying whole: the mean of the two middle values rounded down."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) // 2


def _above(measurement: Measurement, line: int) -> bool:
    # Whole numbers only: income / size >= line  <=>  income >= line * size.
    return measurement.monthly_income >= line * measurement.household_size


def indicators(tracks: Iterable[HouseholdTrack]) -> Indicators:
    """The indicators over households, each counted once (by ``member_id``; the first track wins)."""
    unique: dict[Hashable, HouseholdTrack] = {}
    for track in tracks:
        unique.setdefault(track.member_id, track)
    followed = [(t.baseline, t.latest, t.poverty_line) for t in unique.values() if t.latest is not None]
    lined = [(before, after, line) for before, after, line in followed if line is not None]
    return Indicators(
        households=len(unique),
        followed_up=len(followed),
        median_income_change=median_floor([after.monthly_income - before.monthly_income for before, after, _ in followed]),
        above_poverty_before=sum(_above(before, line) for before, _, line in lined) if lined else None,
        above_poverty_after=sum(_above(after, line) for _, after, line in lined) if lined else None,
        with_poverty_line=len(lined),
        businesses_started_or_grown=sum(after.business_status.rank > before.business_status.rank for before, after, _ in followed),
        moneylender_debt_before=sum(before.moneylender_debt for before, _, _ in followed),
        moneylender_debt_ended=sum(before.moneylender_debt and not after.moneylender_debt for before, after, _ in followed),
        children_back_in_school=sum(max(0, after.children_in_school - before.children_in_school) for before, after, _ in followed),
        women_business_before=sum(before.woman_business for before, _, _ in followed),
        women_business_after=sum(after.woman_business for _, after, _ in followed),
    )


def _change(figures: Indicators) -> str:
    if figures.median_income_change is None:
        return "\u2014"
    sign = "+" if figures.median_income_change >= 0 else "\u2212"
    return f"{sign}Rp{abs(figures.median_income_change):,}".replace(",", ".")


def _before_after(before: int | None, after: int | None, base: int) -> str:
    return "\u2014" if before is None or after is None or not base else f"{before} \u2192 {after} dari {base}"


# The indicator columns of the screen, the PDF and the workbook: (title, key of HOW, the cell's text).
COLUMNS: list[tuple[str, str, Callable[[Indicators], str]]] = [
    ("Data awal", "households", lambda f: str(f.households)),
    ("Diikuti", "followed_up", lambda f: str(f.followed_up)),
    ("Median perubahan pendapatan/bulan", "median_income_change", _change),
    ("Di atas garis kemiskinan (awal \u2192 akhir)", "above_poverty",
     lambda f: _before_after(f.above_poverty_before, f.above_poverty_after, f.with_poverty_line)),
    ("Usaha mulai/tumbuh", "businesses_started_or_grown", lambda f: f"{f.businesses_started_or_grown} dari {f.followed_up}"
     if f.followed_up else "\u2014"),
    ("Lepas dari rentenir", "moneylender_debt_ended", lambda f: f"{f.moneylender_debt_ended} dari {f.moneylender_debt_before}"
     if f.moneylender_debt_before else "\u2014"),
    ("Anak kembali sekolah", "children_back_in_school", lambda f: str(f.children_back_in_school)),
    ("Perempuan berusaha (awal \u2192 akhir)", "women_business",
     lambda f: _before_after(f.women_business_before, f.women_business_after, f.followed_up)),
]
