"""What the training papers say, as plain values: services fill them, reports print them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from koperasi.domain.office.profile import OfficeProfile


@dataclass(frozen=True, slots=True)
class SheetPerson:
    number: int  # row number on the sheet
    name: str
    identity: str  # member number, or "Anak dari Siti Aminah (SRL-000123)" for a household member
    sex: str  # "L" / "P"
    desa: str


@dataclass(frozen=True, slots=True)
class AttendanceSheet:
    """Daftar hadir: printed before the session, signed by each participant, audited by donors."""

    office: OfficeProfile
    programme: str
    batch: str
    session_number: int  # 1-based within the batch
    session_count: int
    subject: str
    held_on: date
    starts_at: time
    ends_at: time
    place: str
    facilitator: str
    people: tuple[SheetPerson, ...]


@dataclass(frozen=True, slots=True)
class Certificate:
    office: OfficeProfile
    number: str
    name: str
    identity: str  # member number or NIK, "" when neither
    programme: str
    topic: str
    batch: str
    first_day: date
    last_day: date
    sessions_attended: int
    sessions_held: int
    place: str  # where it is signed, e.g. "Sarolangun"
    issued_on: date
    signer_name: str  # the office's chair
    signer_title: str  # "Ketua"
    partner: str = ""


@dataclass(frozen=True, slots=True)
class BatchReportLine:
    name: str
    identity: str
    sex: str
    attended: int
    status: str  # "Lulus", "Belum memenuhi", "Mengundurkan diri"
    certificate_number: str


@dataclass(frozen=True, slots=True)
class BatchReport:
    office: OfficeProfile
    programme: str
    batch: str
    rule: str  # "hadir minimal 75% sesi"
    sessions: tuple[tuple[date, str, str], ...]  # held on, subject, facilitator
    lines: tuple[BatchReportLine, ...]
    attendance_rate: float  # present marks ÷ (participants × sessions held), a ratio for display
    completed: int
    enrolled: int
    withdrawn: int


@dataclass(frozen=True, slots=True)
class TrainedCount:
    """One row of "people trained": how many took part and how many completed."""

    name: str
    participants: int
    completed: int
    women: int
    men: int


@dataclass(frozen=True, slots=True)
class TrainingSummary:
    office: OfficeProfile
    period_from: date
    period_to: date
    total: TrainedCount
    breakdowns: dict[str, tuple[TrainedCount, ...]] = field(default_factory=dict)  # "Program" -> rows
