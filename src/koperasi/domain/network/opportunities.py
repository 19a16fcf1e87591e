"""The opportunity board (papan peluang): what an opportunity is, who may take it, and how it is shared.

An opportunity says who may take it: a place (a kecamatan or a desa; none: everywhere), vulnerability
categories, sex, an age range, programmes completed (a certificate), a livelihood (words of the
occupation). Conditions left empty do not narrow. An opportunity for children (schooling: PIP/KIP,
Paket A/B/C) is for the out-of-school children of members' households, the age range applying to the
child. One with neither a condition nor a place would go to every member and is refused: the clerk
says "everyone" by naming the place.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from koperasi.domain.errors import ValidationError
from koperasi.domain.members.register import age_on
from koperasi.domain.money import format_rupiah
from koperasi.domain.people import Sex

MAX_COST = 1_000_000_000  # rupiah


class OpportunityKind(StrEnum):
    JOB = "lowongan_kerja"
    TRAINING = "pelatihan_luar"
    MARKET = "pembeli_pasar"
    GOVERNMENT = "program_pemerintah"  # KUR, PKH, BPNT, Kartu Prakerja, PIP/KIP, BPJS Ketenagakerjaan
    PUBLIC_SERVICE = "layanan_publik"  # adminduk: KTP, KK, akta kelahiran

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    OpportunityKind.JOB: "Lowongan kerja",
    OpportunityKind.TRAINING: "Pelatihan di tempat lain",
    OpportunityKind.MARKET: "Pembeli / pasar",
    OpportunityKind.GOVERNMENT: "Program pemerintah",
    OpportunityKind.PUBLIC_SERVICE: "Layanan publik",
}


@dataclass(frozen=True, slots=True)
class Conditions:
    """Who may take an opportunity; an empty condition does not narrow."""

    kecamatan_code: str | None = None
    desa_id: uuid.UUID | None = None
    categories: frozenset[str] = frozenset()
    sex: Sex | None = None
    min_age: int | None = None
    max_age: int | None = None
    programme_ids: frozenset[uuid.UUID] = frozenset()
    livelihood: str = ""  # words found in the occupation, e.g. "tani"
    for_children: bool = False  # the out-of-school children of members' households

    @property
    def narrows(self) -> bool:
        return bool(self.kecamatan_code or self.desa_id or self.categories or self.sex or self.min_age is not None
                    or self.max_age is not None or self.programme_ids or self.livelihood or self.for_children)


@dataclass(frozen=True, slots=True)
class OpportunityInput:
    kind: OpportunityKind
    title: str
    provider: str  # who offers it: a company, BLK, Dinas Sosial
    contact: str  # a name and a telephone number
    conditions: Conditions
    cost: int = 0  # rupiah the person pays; 0: free
    deadline: date | None = None
    how_to_apply: str = ""
    source: str = ""  # where the office heard of it
    description: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    """What the register knows of a member (or a member's child) that the conditions ask about."""

    kecamatan_code: str
    desa_id: uuid.UUID
    categories: frozenset[str]
    sex: Sex
    birth_date: date | None
    programme_ids: frozenset[uuid.UUID]
    occupation: str
    out_of_school_child: bool = False


def born_by(today: date, age: int) -> date:
    """The latest birth date of someone ``age`` years old today (29 February falls back to the 28th)."""
    try:
        return today.replace(year=today.year - age)
    except ValueError:
        return today.replace(year=today.year - age, day=28)


def fits(conditions: Conditions, person: Person, today: date) -> bool:
    """Whether the person meets every condition (the same rule as the eligible list's query)."""
    c = conditions
    if c.for_children != person.out_of_school_child:
        return False
    if c.kecamatan_code and person.kecamatan_code != c.kecamatan_code:
        return False
    if c.desa_id and person.desa_id != c.desa_id:
        return False
    if c.categories and not c.categories & person.categories:
        return False
    if c.sex and person.sex != c.sex:
        return False
    if c.min_age is not None or c.max_age is not None:
        if person.birth_date is None:
            return False
        age = age_on(person.birth_date, today)
        if (c.min_age is not None and age < c.min_age) or (c.max_age is not None and age > c.max_age):
            return False
    if c.programme_ids and not c.programme_ids & person.programme_ids:
        return False
    return not c.livelihood or c.livelihood.casefold() in person.occupation.casefold()


def _line(value: str, low: int, high: int, message: str, field: str) -> str:
    cleaned = " ".join(value.replace("\x00", "").split())
    if not low <= len(cleaned) <= high:
        raise ValidationError(message, field=field)
    return cleaned


def clean_conditions(c: Conditions) -> Conditions:
    if c.desa_id is not None and type(c.desa_id) is not uuid.UUID:
        raise ValidationError("Desa tidak sah.", field="desa_id")
    if c.kecamatan_code is not None and (type(c.kecamatan_code) is not str or len(c.kecamatan_code) > 8):
        raise ValidationError("Kecamatan tidak sah.", field="kecamatan_code")
    if not isinstance(c.categories, (set, frozenset)) or any(type(code) is not str for code in c.categories):
        raise ValidationError("Kategori tidak sah.", field="categories")
    if not isinstance(c.programme_ids, (set, frozenset)) or any(type(p) is not uuid.UUID for p in c.programme_ids):
        raise ValidationError("Program pelatihan tidak sah.", field="programme_ids")
    sex = Sex(c.sex) if c.sex else None
    for age in (c.min_age, c.max_age):
        if age is not None and (type(age) is not int or not 0 <= age <= 120):
            raise ValidationError("Umur antara 0 dan 120 tahun.", field="min_age")
    if c.min_age is not None and c.max_age is not None and c.min_age > c.max_age:
        raise ValidationError("Umur terendah tidak boleh lebih dari umur tertinggi.", field="min_age")
    livelihood = _line(c.livelihood, 0, 80, "Mata pencaharian paling panjang 80 huruf.", "livelihood")
    cleaned = replace(c, sex=sex, livelihood=livelihood, categories=frozenset(c.categories),
                      programme_ids=frozenset(c.programme_ids), for_children=bool(c.for_children))
    if not cleaned.narrows:
        raise ValidationError("Tentukan siapa yang boleh mengambil peluang ini: isi tempat (kecamatan atau desa) "
                              "atau paling sedikit satu syarat.", field="kecamatan_code")
    return cleaned


def clean_opportunity(data: OpportunityInput, *, today: date, deadline_may_have_passed: bool = False) -> OpportunityInput:
    """``deadline_may_have_passed``: an existing opportunity being corrected keeps its past deadline."""
    kind = OpportunityKind(data.kind)
    title = _line(data.title, 3, 160, "Judul peluang wajib diisi (3 sampai 160 huruf).", "title")
    provider = _line(data.provider, 2, 120, "Penyedia wajib diisi (2 sampai 120 huruf).", "provider")
    contact = _line(data.contact, 0, 120, "Kontak paling panjang 120 huruf.", "contact")
    if type(data.cost) is not int or not 0 <= data.cost <= MAX_COST:
        raise ValidationError("Biaya harus rupiah bulat, 0 (gratis) sampai Rp1.000.000.000.", field="cost")
    if data.deadline is not None:
        if type(data.deadline) is not date or data.deadline.year > 2100:
            raise ValidationError("Batas waktu tidak masuk akal.", field="deadline")
        if data.deadline < today and not deadline_may_have_passed:
            raise ValidationError("Batas waktu sudah lewat: peluang yang sudah tutup tidak perlu diumumkan.", field="deadline")
    texts = {}
    for field, limit, label in (("how_to_apply", 2000, "Cara mendaftar"), ("source", 250, "Sumber informasi"),
                                ("description", 2000, "Uraian")):
        value = getattr(data, field).replace("\x00", "").strip()
        if len(value) > limit:
            raise ValidationError(f"{label} paling panjang {limit:,} huruf.".replace(",", "."), field=field)
        texts[field] = value
    return replace(data, kind=kind, title=title, provider=provider, contact=contact,
                   conditions=clean_conditions(data.conditions), **texts)


def cost_text(cost: int) -> str:
    return "Gratis" if cost == 0 else format_rupiah(cost)


def whatsapp_text(data: OpportunityInput, *, who: str, where: str, office: str) -> str:
    """A short message for a WhatsApp group: plain lines, *bold* the way WhatsApp writes it, no link."""
    lines = [f"*{data.kind.label.upper()}: {data.title}*", f"Dari: {data.provider}"]
    if data.description:
        lines.append(data.description)
    lines.append(f"Untuk: {who}")
    lines.append(f"Tempat: {where}")
    lines.append(f"Biaya: {cost_text(data.cost).lower() if data.cost == 0 else cost_text(data.cost)}")
    if data.deadline:
        lines.append(f"Batas daftar: {data.deadline:%d-%m-%Y}")
    if data.how_to_apply:
        lines.append(f"Cara daftar: {data.how_to_apply}")
    if data.contact:
        lines.append(f"Kontak: {data.contact}")
    lines.append(f"— {office}")
    return "\n".join(lines)


class Outcome(StrEnum):
    APPLIED = "melamar"
    ACCEPTED = "diterima"
    REJECTED = "ditolak"
    DROPPED = "tidak_jadi"
    BACK_TO_SCHOOL = "kembali_sekolah"
    EQUIVALENCY = "paket_abc"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @property
    def for_children_only(self) -> bool:
        return self in (Outcome.BACK_TO_SCHOOL, Outcome.EQUIVALENCY)


_OUTCOME_LABELS = {
    Outcome.APPLIED: "Melamar / mendaftar",
    Outcome.ACCEPTED: "Diterima",
    Outcome.REJECTED: "Ditolak",
    Outcome.DROPPED: "Tidak jadi",
    Outcome.BACK_TO_SCHOOL: "Kembali sekolah",
    Outcome.EQUIVALENCY: "Ikut Paket A/B/C",
}
