"""Trainings: programmes, their completion rule, and the checks on what a clerk enters.

A completion rule is either "attended at least N sessions" or "attended at least P percent
of the batch's sessions". Percentages are compared in whole numbers (attended × 100 ≥
P × sessions), so 2 of 3 sessions meets 66 % and misses 67 %, with no float in between.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, time
from enum import StrEnum

from koperasi.domain.errors import ValidationError


class Topic(StrEnum):
    ORGANIC_FARMING = "pertanian_organik"
    CRAFTS = "kerajinan"
    FINANCIAL_LITERACY = "literasi_keuangan"
    MARKETING = "pemasaran"
    VOCATIONAL = "keterampilan_kerja"
    OTHER = "lainnya"

    @property
    def label(self) -> str:
        return _TOPIC_LABELS[self]


_TOPIC_LABELS = {
    Topic.ORGANIC_FARMING: "Pertanian organik",
    Topic.CRAFTS: "Kerajinan tangan",
    Topic.FINANCIAL_LITERACY: "Literasi keuangan",
    Topic.MARKETING: "Pemasaran",
    Topic.VOCATIONAL: "Keterampilan kerja",
    Topic.OTHER: "Lainnya",
}


class RuleKind(StrEnum):
    MIN_SESSIONS = "min_sessions"
    SHARE = "share"


@dataclass(frozen=True, slots=True)
class CompletionRule:
    kind: RuleKind
    value: int  # sessions for MIN_SESSIONS, percent (1–100) for SHARE

    def met(self, attended: int, sessions: int) -> bool:
        """Whether a participant who attended ``attended`` of ``sessions`` held sessions completed."""
        if sessions <= 0 or attended <= 0:
            return False
        attended = min(attended, sessions)
        if self.kind is RuleKind.MIN_SESSIONS:
            return attended >= self.value
        return attended * 100 >= self.value * sessions

    def needed(self, sessions: int) -> int:
        """Sessions a participant must attend of ``sessions`` (more than ``sessions``: cannot be met)."""
        if self.kind is RuleKind.MIN_SESSIONS:
            return self.value
        return max(1, -(-self.value * sessions // 100))

    @property
    def label(self) -> str:
        if self.kind is RuleKind.MIN_SESSIONS:
            return f"hadir minimal {self.value} sesi"
        return f"hadir minimal {self.value}% sesi"


def check_rule(rule: CompletionRule) -> CompletionRule:
    kind = RuleKind(rule.kind)
    if type(rule.value) is not int:
        raise ValidationError("Syarat kelulusan harus bilangan bulat.", field="rule_value")
    if kind is RuleKind.MIN_SESSIONS and not 1 <= rule.value <= 100:
        raise ValidationError("Jumlah sesi minimal antara 1 dan 100.", field="rule_value")
    if kind is RuleKind.SHARE and not 1 <= rule.value <= 100:
        raise ValidationError("Persentase kehadiran minimal antara 1 dan 100.", field="rule_value")
    return CompletionRule(kind, rule.value)


@dataclass(frozen=True, slots=True)
class ProgrammeInput:
    name: str
    topic: Topic
    description: str = ""
    target_groups: str = ""  # "Perempuan kepala keluarga, pemuda putus sekolah"
    rule: CompletionRule = CompletionRule(RuleKind.SHARE, 75)
    partner: str = ""  # partner or funder


def clean_programme(data: ProgrammeInput) -> ProgrammeInput:
    name = " ".join(data.name.split())
    if not 3 <= len(name) <= 120:
        raise ValidationError("Nama program pelatihan 3 sampai 120 huruf.", field="name")
    description = data.description.strip()
    if len(description) > 2000:
        raise ValidationError("Uraian paling panjang 2.000 huruf.", field="description")
    target = " ".join(data.target_groups.split())
    partner = " ".join(data.partner.split())
    if len(target) > 250 or len(partner) > 120:
        raise ValidationError("Sasaran paling panjang 250 huruf dan mitra 120 huruf.", field="target_groups")
    return replace(data, name=name, topic=Topic(data.topic), description=description, target_groups=target,
                   partner=partner, rule=check_rule(data.rule))


@dataclass(frozen=True, slots=True)
class SessionInput:
    held_on: date
    starts_at: time
    ends_at: time
    place: str
    kecamatan_code: str | None
    desa_id: uuid.UUID | None
    facilitator: str
    subject: str = ""  # the session's own topic, e.g. "Membuat pupuk kompos"


def clean_session(data: SessionInput) -> SessionInput:
    if data.ends_at <= data.starts_at:
        raise ValidationError("Jam selesai harus sesudah jam mulai.", field="ends_at")
    place = " ".join(data.place.split())
    if not 2 <= len(place) <= 160:
        raise ValidationError("Tempat sesi wajib diisi (2 sampai 160 huruf).", field="place")
    facilitator = " ".join(data.facilitator.split())
    if not 2 <= len(facilitator) <= 120:
        raise ValidationError("Nama fasilitator wajib diisi (2 sampai 120 huruf).", field="facilitator")
    subject = " ".join(data.subject.split())
    if len(subject) > 160:
        raise ValidationError("Materi sesi paling panjang 160 huruf.", field="subject")
    if not (date(2000, 1, 1) <= data.held_on <= date(2100, 12, 31)):
        raise ValidationError("Tanggal sesi tidak masuk akal.", field="held_on")
    return replace(data, place=place, facilitator=facilitator, subject=subject)


def check_batch_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not 2 <= len(cleaned) <= 120:
        raise ValidationError("Nama angkatan 2 sampai 120 huruf, mis. \u201cAngkatan 1 Pauh 2026\u201d.", field="name")
    return cleaned
