"""What the meeting papers say, as plain values: services fill them, reports print them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from koperasi.domain.network.meetings import Guests
from koperasi.domain.office.profile import OfficeProfile


@dataclass(frozen=True, slots=True)
class MeetingParticulars:
    """The head of both papers: which meeting it is."""

    topics: str
    held_on: date
    starts_at: time
    ends_at: time
    place: str  # "Balai desa, Desa Perdamaian, Kec. Singkut"
    organiser: str
    facilitator: str
    audience: str  # "KUP Mawar, Desa Pauh"


@dataclass(frozen=True, slots=True)
class SheetMember:
    number: int  # row number on the sheet
    name: str
    member_number: str
    sex: str  # L / P
    desa: str


@dataclass(frozen=True, slots=True)
class MeetingSheet:
    """Daftar hadir: printed before the meeting with the members it serves; guests sign on the blank rows."""

    office: OfficeProfile
    meeting: MeetingParticulars
    members: tuple[SheetMember, ...]


@dataclass(frozen=True, slots=True)
class MinutesFollowUp:
    action: str
    responsible: str
    due_on: date


@dataclass(frozen=True, slots=True)
class MeetingMinutes:
    """Notulen: printed after the meeting and signed by the facilitator and the note-taker."""

    office: OfficeProfile
    meeting: MeetingParticulars
    present: tuple[SheetMember, ...]
    guests: Guests
    information: str
    decisions: str
    follow_ups: tuple[MinutesFollowUp, ...]
    recorded_by: str  # the user who prints it: the note-taker's signature
