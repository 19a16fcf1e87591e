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


@dataclass(frozen=True, slots=True)
class OpportunityNotice:
    """The A4 notice for a village board or a meeting: big title, what, who, where, by when, contact."""

    office: OfficeProfile
    kind: str
    title: str
    provider: str
    description: str
    who: str
    where: str
    deadline: date | None
    cost: int
    how_to_apply: str
    contact: str
    source: str


@dataclass(frozen=True, slots=True)
class EligibleLine:
    number: int
    name: str
    parent: str  # for a child: the member of whose household they are
    member_number: str
    sex: str
    age: int | None
    desa: str
    phone: str


@dataclass(frozen=True, slots=True)
class EligibleSheet:
    """Who should hear of an opportunity, to tell them (printed or in Excel)."""

    office: OfficeProfile
    title: str
    who: str
    where: str
    deadline: date | None
    total: int
    people: tuple[EligibleLine, ...]
    printed_on: date


@dataclass(frozen=True, slots=True)
class ReferralLetter:
    """Surat rujukan / rekomendasi for one person, numbered from its own gapless counter, signed by the chair."""

    office: OfficeProfile
    number: str
    issued_on: date
    person: str
    member_number: str
    parent: str  # for a child: the member whose household they belong to
    sex: str
    birth_date: date | None
    address: str  # "Jl. ..., Desa Perdamaian, Kec. Singkut"
    opportunity: str
    kind: str
    provider: str
    place: str  # where it is signed, e.g. "Sarolangun"


@dataclass(frozen=True, slots=True)
class MeetingCount:
    desa: str
    month: date  # the first of the month
    meetings: int
    members: int  # attendances of members
    guests: int


@dataclass(frozen=True, slots=True)
class OutcomeCount:
    """Referrals of one kind, category or sex, by what came of them."""

    name: str
    referred: int
    by_outcome: tuple[int, ...]  # in the order of Outcome
    waiting: int  # no outcome yet


@dataclass(frozen=True, slots=True)
class NetworkReport:
    """For a funder: meetings and attendance by desa and month, opportunities shared, referrals and outcomes."""

    office: OfficeProfile
    period_from: date
    period_to: date
    meetings: tuple[MeetingCount, ...]
    shared: tuple[tuple[str, int, int], ...]  # (kind, opportunities published, people referred)
    breakdowns: dict[str, tuple[OutcomeCount, ...]]  # "Jenis peluang", "Kategori", "Jenis kelamin"
    total: OutcomeCount
