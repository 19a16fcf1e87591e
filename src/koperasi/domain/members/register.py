"""The member register's rules: who may be a member, and what a household record says."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from koperasi.domain.errors import ValidationError
from koperasi.domain.nik import NikInfo, nik_mismatches, parse_nik
from koperasi.domain.people import Sex
from koperasi.domain.phone import normalize_phone

ADULT_AGE = 17  # the age of a KTP, and of signing a loan agreement
OLDEST_AGE = 120
SCHOOL_AGE_LIMIT = 18  # household members under this age are counted as children

class MemberStatus(StrEnum):
    ACTIVE = "aktif"
    LEFT = "keluar"

    @property
    def label(self) -> str:
        return "Aktif" if self is MemberStatus.ACTIVE else "Keluar"


class SchoolStatus(StrEnum):
    IN_SCHOOL = "sekolah"
    DROPPED_OUT = "putus_sekolah"
    NEVER = "tidak_pernah_sekolah"

    @property
    def label(self) -> str:
        return {"sekolah": "Sekolah", "putus_sekolah": "Putus sekolah", "tidak_pernah_sekolah": "Tidak pernah sekolah"}[self]

    @property
    def out_of_school(self) -> bool:
        return self is not SchoolStatus.IN_SCHOOL


class Relation(StrEnum):
    """Status hubungan dalam keluarga (SHDK) as on the Kartu Keluarga."""

    HEAD = "kepala_keluarga"
    SPOUSE = "suami_istri"
    CHILD = "anak"
    CHILD_IN_LAW = "menantu"
    GRANDCHILD = "cucu"
    PARENT = "orang_tua"
    PARENT_IN_LAW = "mertua"
    OTHER_FAMILY = "famili_lain"
    OTHER = "lainnya"

    @property
    def label(self) -> str:
        return _RELATION_LABELS[self]


_RELATION_LABELS = {
    Relation.HEAD: "Kepala keluarga",
    Relation.SPOUSE: "Suami/istri",
    Relation.CHILD: "Anak",
    Relation.CHILD_IN_LAW: "Menantu",
    Relation.GRANDCHILD: "Cucu",
    Relation.PARENT: "Orang tua",
    Relation.PARENT_IN_LAW: "Mertua",
    Relation.OTHER_FAMILY: "Famili lain",
    Relation.OTHER: "Lainnya",
}


class GroupKind(StrEnum):
    FARMERS = "kelompok_tani"
    WOMEN_BUSINESS = "kelompok_usaha_perempuan"
    CRAFTS = "kelompok_perajin"
    OTHER = "lainnya"

    @property
    def label(self) -> str:
        return {
            "kelompok_tani": "Kelompok tani",
            "kelompok_usaha_perempuan": "Kelompok usaha perempuan",
            "kelompok_perajin": "Kelompok perajin",
            "lainnya": "Lainnya",
        }[self]


@dataclass(frozen=True, slots=True)
class HouseholdPerson:
    full_name: str
    relation: Relation
    sex: Sex
    birth_date: date | None = None
    school_status: SchoolStatus | None = None
    nik: str = ""


@dataclass(frozen=True, slots=True)
class MemberInput:
    """What a clerk types on the member form (or an Excel roster row)."""

    full_name: str
    sex: Sex
    birth_date: date
    desa_id: str
    nik: str = ""
    kk_number: str = ""
    birth_place: str = ""
    address: str = ""
    phone: str = ""
    occupation: str = ""
    household_relation: Relation = Relation.HEAD
    categories: frozenset[str] = frozenset()
    join_date: date | None = None
    notes: str = ""
    household: tuple[HouseholdPerson, ...] = field(default_factory=tuple)


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def clean_member(data: MemberInput, *, today: date) -> tuple[MemberInput, list[str]]:
    """The tidied input and the warnings to show (NIK disagreeing with sex or birth date).

    Hard errors raise ``ValidationError`` naming the field.
    """
    name = _clean_name(data.full_name, field="full_name")
    if data.birth_date > today:
        raise ValidationError("Tanggal lahir tidak boleh di masa depan.", field="birth_date")
    age = age_on(data.birth_date, today)
    if age > OLDEST_AGE:
        raise ValidationError("Tanggal lahir terlalu lampau; periksa tahunnya.", field="birth_date")
    if age < ADULT_AGE:
        raise ValidationError(
            f"Anggota harus berusia minimal {ADULT_AGE} tahun (sekarang {age} tahun). "
            "Anak dicatat sebagai anggota keluarga, bukan sebagai anggota.",
            field="birth_date",
        )
    warnings: list[str] = []
    nik = ""
    if data.nik.strip():
        info = parse_nik(data.nik, today=today)
        nik = info.nik
        warnings += nik_mismatches(info, sex=data.sex, birth_date=data.birth_date)
    kk = _clean_kk(data.kk_number)
    phone = normalize_phone(data.phone) if data.phone.strip() else ""
    join = data.join_date or today
    if join > today:
        raise ValidationError("Tanggal bergabung tidak boleh di masa depan.", field="join_date")
    if join < data.birth_date:
        raise ValidationError("Tanggal bergabung sebelum tanggal lahir.", field="join_date")
    household = tuple(_clean_person(person, today=today) for person in data.household)
    if data.household_relation is Relation.HEAD and any(p.relation is Relation.HEAD for p in household):
        raise ValidationError("Kepala keluarga hanya satu: anggota ini sudah tercatat sebagai kepala keluarga.", field="household")
    for text, label, limit in ((data.address, "Alamat", 250), (data.occupation, "Pekerjaan", 80), (data.birth_place, "Tempat lahir", 80)):
        if len(text.strip()) > limit:
            raise ValidationError(f"{label} paling banyak {limit} karakter.")
    return (
        replace(
            data,
            full_name=name,
            nik=nik,
            kk_number=kk,
            phone=phone,
            join_date=join,
            birth_place=" ".join(data.birth_place.split()),
            address=" ".join(data.address.split()),
            occupation=" ".join(data.occupation.split()),
            notes=data.notes.strip(),
            household=household,
        ),
        warnings,
    )


def household_size(household: tuple[HouseholdPerson, ...] | list[HouseholdPerson]) -> int:
    return 1 + len(household)


def out_of_school_children(household: tuple[HouseholdPerson, ...] | list[HouseholdPerson], *, today: date) -> int:
    return sum(
        1
        for person in household
        if person.school_status is not None
        and person.school_status.out_of_school
        and (person.birth_date is None or age_on(person.birth_date, today) < SCHOOL_AGE_LIMIT)
    )


def search_text(*, number: str, full_name: str, nik: str) -> str:
    """One lower-case column that search-as-you-type matches against."""
    return f"{number} {nik} {' '.join(full_name.lower().split())}".lower()


def format_member_number(office_code: str, sequence: int) -> str:
    return f"{office_code}-{sequence:06d}"


_DIGITS = re.compile(r"\D")


def _clean_kk(text: str) -> str:
    digits = _DIGITS.sub("", text)
    if not text.strip():
        return ""
    if len(digits) != 16:
        raise ValidationError("Nomor KK harus 16 digit angka.", field="kk_number")
    return digits


def _clean_name(text: str, *, field: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise ValidationError("Nama lengkap wajib diisi.", field=field)
    if len(name) > 120:
        raise ValidationError("Nama lengkap paling banyak 120 karakter.", field=field)
    if not any(ch.isalpha() for ch in name):
        raise ValidationError("Nama lengkap harus berisi huruf.", field=field)
    return name


def _clean_person(person: HouseholdPerson, *, today: date) -> HouseholdPerson:
    name = _clean_name(person.full_name, field="household")
    if person.birth_date is not None and person.birth_date > today:
        raise ValidationError(f"Tanggal lahir {name} di masa depan.", field="household")
    nik = ""
    if person.nik.strip():
        info: NikInfo = parse_nik(person.nik, today=today)
        nik = info.nik
    school = person.school_status
    if school is not None and person.birth_date is not None and age_on(person.birth_date, today) >= 25:
        school = None  # school status describes children and youth only
    return replace(person, full_name=name, nik=nik, school_status=school)
