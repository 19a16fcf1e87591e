"""Community meetings (pertemuan komunitas): what a clerk enters and the checks on it.

A meeting is planned ahead (the blank daftar hadir is printed before it) and completed after it:
the information shared, the decisions, the attendance and the guests. Guests are people who are not
members (a neighbour, a village official); they are counted, not named, by sex and age group, which
is what a funder asks for.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields, replace
from datetime import date, time
from enum import StrEnum

from koperasi.domain.errors import ValidationError

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
MAX_GUESTS = 5_000  # per sex and age group: far above any village hall


class AgeGroup(StrEnum):
    CHILD = "anak"  # under 18
    ADULT = "dewasa"  # 18 to 59
    ELDER = "lansia"  # 60 and over

    @property
    def label(self) -> str:
        return {AgeGroup.CHILD: "Anak (< 18)", AgeGroup.ADULT: "Dewasa (18–59)", AgeGroup.ELDER: "Lansia (60+)"}[self]


@dataclass(frozen=True, slots=True)
class Guests:
    """Non-members present, by sex and age group."""

    male_child: int = 0
    female_child: int = 0
    male_adult: int = 0
    female_adult: int = 0
    male_elder: int = 0
    female_elder: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))

    @property
    def male(self) -> int:
        return self.male_child + self.male_adult + self.male_elder

    @property
    def female(self) -> int:
        return self.female_child + self.female_adult + self.female_elder


def check_guests(guests: Guests) -> Guests:
    for f in fields(guests):
        value = getattr(guests, f.name)
        if type(value) is not int or not 0 <= value <= MAX_GUESTS:
            raise ValidationError(f"Jumlah tamu harus bilangan bulat 0 sampai {MAX_GUESTS:,}.".replace(",", "."), field="guests")
    return guests


@dataclass(frozen=True, slots=True)
class MeetingInput:
    held_on: date
    starts_at: time
    ends_at: time
    desa_id: uuid.UUID  # where it is held
    organiser: str  # who called it: a group, the kantor, the village
    facilitator: str
    topics: str
    place: str = ""  # e.g. "Balai desa", "Rumah Ibu Siti"
    information: str = ""  # what was shared: trainings, jobs, public services
    decisions: str = ""
    # Whom it serves: the checklist lists the members of these groups and of these desa (none: the desa it is held in).
    group_ids: frozenset[uuid.UUID] = frozenset()
    served_desa_ids: frozenset[uuid.UUID] = frozenset()


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _text(value: str, limit: int, message: str, field: str) -> str:
    cleaned = value.replace("\x00", "").strip()
    if len(cleaned) > limit:
        raise ValidationError(message, field=field)
    return cleaned


def _ids(values, message: str, field: str) -> frozenset[uuid.UUID]:
    if not isinstance(values, (set, frozenset, list, tuple)) or any(type(v) is not uuid.UUID for v in values):
        raise ValidationError(message, field=field)
    if len(values) > 200:
        raise ValidationError("Paling banyak 200 kelompok atau desa sasaran.", field=field)
    return frozenset(values)


def clean_meeting(data: MeetingInput) -> MeetingInput:
    if type(data.held_on) is not date or not EARLIEST <= data.held_on <= LATEST:
        raise ValidationError("Tanggal pertemuan tidak masuk akal.", field="held_on")
    if type(data.starts_at) is not time or type(data.ends_at) is not time:
        raise ValidationError("Jam pertemuan wajib diisi.", field="starts_at")
    if data.ends_at <= data.starts_at:
        raise ValidationError("Jam selesai harus sesudah jam mulai.", field="ends_at")
    if type(data.desa_id) is not uuid.UUID:
        raise ValidationError("Pilih desa tempat pertemuan.", field="desa_id")
    organiser = _one_line(data.organiser.replace("\x00", ""))
    if not 2 <= len(organiser) <= 120:
        raise ValidationError("Penyelenggara wajib diisi (2 sampai 120 huruf).", field="organiser")
    facilitator = _one_line(data.facilitator.replace("\x00", ""))
    if not 2 <= len(facilitator) <= 120:
        raise ValidationError("Nama fasilitator wajib diisi (2 sampai 120 huruf).", field="facilitator")
    topics = _text(data.topics, 500, "Topik paling panjang 500 huruf.", "topics")
    if len(topics) < 3:
        raise ValidationError("Topik pertemuan wajib diisi.", field="topics")
    place = _one_line(data.place.replace("\x00", ""))
    if len(place) > 160:
        raise ValidationError("Tempat paling panjang 160 huruf.", field="place")
    return replace(
        data, organiser=organiser, facilitator=facilitator, topics=topics, place=place,
        information=_text(data.information, 4000, "Informasi yang dibagikan paling panjang 4.000 huruf.", "information"),
        decisions=_text(data.decisions, 4000, "Keputusan paling panjang 4.000 huruf.", "decisions"),
        group_ids=_ids(data.group_ids, "Kelompok sasaran tidak sah.", "group_ids"),
        served_desa_ids=_ids(data.served_desa_ids, "Desa sasaran tidak sah.", "served_desa_ids"),
    )


@dataclass(frozen=True, slots=True)
class FollowUpInput:
    action: str  # what is to be done
    responsible: str  # who does it
    due_on: date  # by when


def clean_follow_up(data: FollowUpInput, held_on: date) -> FollowUpInput:
    action = _one_line(data.action.replace("\x00", ""))
    if not 3 <= len(action) <= 250:
        raise ValidationError("Tindak lanjut wajib diisi (3 sampai 250 huruf).", field="action")
    responsible = _one_line(data.responsible.replace("\x00", ""))
    if not 2 <= len(responsible) <= 120:
        raise ValidationError("Penanggung jawab wajib diisi (2 sampai 120 huruf).", field="responsible")
    if type(data.due_on) is not date or data.due_on > LATEST:
        raise ValidationError("Batas waktu tidak masuk akal.", field="due_on")
    if data.due_on < held_on:
        raise ValidationError("Batas waktu tindak lanjut tidak boleh sebelum hari pertemuan.", field="due_on")
    return FollowUpInput(action, responsible, data.due_on)
