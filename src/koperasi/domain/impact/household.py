"""A household measurement: the figures taken at registration (the baseline) and at every later visit.

Each measurement is its own dated record and is never changed: the baseline is simply a household's
earliest measurement, so the history of change is the list of records in date order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from koperasi.domain.errors import ValidationError

MAX_INCOME = 10_000_000_000  # Rp10 miliar a month: beyond any household the programme serves, a typing slip
MAX_LAND_M2 = 100_000_000  # 10,000 ha
MAX_PEOPLE = 50
MAX_LIVELIHOODS = 200
MAX_NOTES = 2000


class BusinessStatus(StrEnum):
    """Ordered from nothing to growing: a later status is progress (``rank``)."""

    NONE = "belum_ada"
    STARTING = "baru_mulai"
    RUNNING = "berjalan"
    GROWING = "berkembang"

    @property
    def label(self) -> str:
        return _BUSINESS_LABELS[self]

    @property
    def rank(self) -> int:
        return list(BusinessStatus).index(self)


_BUSINESS_LABELS = {
    BusinessStatus.NONE: "Belum ada",
    BusinessStatus.STARTING: "Baru mulai",
    BusinessStatus.RUNNING: "Berjalan",
    BusinessStatus.GROWING: "Berkembang",
}


@dataclass(frozen=True, slots=True)
class Measurement:
    """The household's situation on ``measured_on``; money in whole rupiah."""

    measured_on: date
    livelihoods: str
    monthly_income: int
    income_estimated: bool  # an honest estimate, marked as such
    household_size: int  # people living in the household: the poverty line is per person
    business_status: BusinessStatus
    land_m2: int | None  # land worked, for farmers; None: not a farming household
    moneylender_debt: bool
    moneylender_amount: int
    school_age_children: int  # children aged 7-18 in the household
    children_in_school: int  # of whom in school
    woman_business: bool  # the woman of the household runs a business of her own
    notes: str = ""


def _whole(value: object, field: str, label: str, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} harus bilangan bulat.", field=field)
    if value < low:
        raise ValidationError(f"{label} tidak boleh kurang dari {low}.", field=field)
    if value > high:
        raise ValidationError(f"{label} terlalu besar; periksa lagi angkanya.", field=field)
    return value


def _text(value: object, field: str, label: str, limit: int) -> str:
    if not isinstance(value, str) or "\x00" in value:
        raise ValidationError(f"{label} berisi karakter yang tidak sah.", field=field)
    if len(value.strip()) > limit:
        raise ValidationError(f"{label} paling banyak {limit} karakter.", field=field)
    return value.strip()


def check_measurement(data: Measurement, *, joined_on: date, today: date) -> Measurement:
    """The measurement as stored (texts trimmed), or a ValidationError naming the field at fault."""
    if not isinstance(data, Measurement):
        raise ValidationError("Data rumah tangga tidak lengkap.")
    if type(data.measured_on) is not date:
        raise ValidationError("Tanggal kunjungan tidak sah.", field="measured_on")
    if data.measured_on < joined_on:
        raise ValidationError(
            "Tanggal kunjungan tidak boleh sebelum anggota terdaftar.", field="measured_on"
        )
    if data.measured_on > today:
        raise ValidationError("Tanggal kunjungan tidak boleh di masa depan.", field="measured_on")
    if not isinstance(data.monthly_income, int) or isinstance(data.monthly_income, bool):
        raise ValidationError("Pendapatan rumah tangga harus jumlah rupiah bulat.", field="monthly_income")
    if data.monthly_income < 0:
        raise ValidationError("Pendapatan rumah tangga tidak boleh di bawah nol.", field="monthly_income")
    _whole(data.monthly_income, "monthly_income", "Pendapatan rumah tangga", low=0, high=MAX_INCOME)
    _whole(data.household_size, "household_size", "Jumlah anggota rumah tangga", low=1, high=MAX_PEOPLE)
    if not isinstance(data.business_status, BusinessStatus):
        raise ValidationError("Pilih status usaha.", field="business_status")
    if data.land_m2 is not None:
        _whole(data.land_m2, "land_m2", "Luas lahan (m²)", low=0, high=MAX_LAND_M2)
    for flag, field in ((data.income_estimated, "income_estimated"), (data.moneylender_debt, "moneylender_debt"),
                        (data.woman_business, "woman_business")):
        if not isinstance(flag, bool):
            raise ValidationError("Pilihan ya/tidak tidak sah.", field=field)
    _whole(data.moneylender_amount, "moneylender_amount", "Utang ke rentenir", low=0, high=MAX_INCOME)
    if data.moneylender_debt and data.moneylender_amount == 0:
        raise ValidationError("Isi jumlah utang ke rentenir, atau pilih tidak ada utang.", field="moneylender_amount")
    if not data.moneylender_debt and data.moneylender_amount:
        raise ValidationError("Ada jumlah utang ke rentenir, tetapi dipilih tidak ada utang.", field="moneylender_debt")
    children = _whole(data.school_age_children, "school_age_children", "Anak usia 7–18 tahun", low=0, high=MAX_PEOPLE)
    in_school = _whole(data.children_in_school, "children_in_school", "Anak yang bersekolah", low=0, high=MAX_PEOPLE)
    if in_school > children:
        raise ValidationError("Anak yang bersekolah tidak boleh lebih banyak dari anak usia 7–18 tahun.", field="children_in_school")
    if children >= data.household_size:
        raise ValidationError("Anak usia 7–18 tahun harus lebih sedikit dari jumlah anggota rumah tangga.", field="school_age_children")
    livelihoods = _text(data.livelihoods, "livelihoods", "Mata pencaharian", MAX_LIVELIHOODS)
    if not livelihoods:
        raise ValidationError("Isi mata pencaharian utama rumah tangga.", field="livelihoods")
    notes = _text(data.notes, "notes", "Catatan", MAX_NOTES)
    return replace(data, livelihoods=livelihoods, notes=notes)
