"""A kisah sukses: a member's story for the funders, with an optional photo and the member's consent.

A story may be written before the member agrees, but it leaves the office (the one-page PDF, the
funder's report) only with the consent recorded: the day the member agreed and who recorded it.
The photo follows the rules of a member's pas foto (domain/photos.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from koperasi.domain.errors import ValidationError
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.photos import check_photo

MAX_TITLE = 120
MAX_TEXT = 4000  # what fits one A4 page beside the photo
NO_CONSENT = "Kisah ini belum boleh dicetak atau dikirim: anggota belum memberi persetujuan tertulis."


@dataclass(frozen=True, slots=True)
class StoryDraft:
    """What the clerk writes; ``consent_on`` is the day the member signed their agreement (None: not yet)."""

    title: str
    text: str
    photo: bytes | None
    consent_on: date | None


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: uuid.UUID
    member_id: uuid.UUID
    number: str
    full_name: str
    title: str
    has_photo: bool
    consent_on: date | None
    consent_recorded_by: str | None  # the user's full name
    version: int


@dataclass(frozen=True, slots=True)
class StoryPaper:
    """The one-page story: only made for a story with consent."""

    office: OfficeProfile
    title: str
    text: str
    photo: bytes | None
    member_name: str
    desa: str
    kecamatan: str
    joined_on: date
    consent_on: date
    consent_recorded_by: str
    printed_on: date


def _text(value: object, field: str, label: str, limit: int) -> str:
    if not isinstance(value, str) or "\x00" in value:
        raise ValidationError(f"{label} berisi karakter yang tidak sah.", field=field)
    value = value.strip()
    if not value:
        raise ValidationError(f"Isi {label.lower()}.", field=field)
    if len(value) > limit:
        raise ValidationError(f"{label} paling banyak {limit} karakter.", field=field)
    return value


def check_story(draft: StoryDraft, *, joined_on: date, today: date) -> StoryDraft:
    """The story as stored (texts trimmed), or a ValidationError naming the field at fault."""
    if not isinstance(draft, StoryDraft):
        raise ValidationError("Kisah tidak lengkap.")
    title = _text(draft.title, "title", "Judul kisah", MAX_TITLE)
    text = _text(draft.text, "text", "Isi kisah", MAX_TEXT)
    photo = check_photo(draft.photo)
    if draft.consent_on is not None:
        if type(draft.consent_on) is not date:
            raise ValidationError("Tanggal persetujuan tidak sah.", field="consent_on")
        if draft.consent_on > today:
            raise ValidationError("Tanggal persetujuan tidak boleh di masa depan.", field="consent_on")
        if draft.consent_on < joined_on:
            raise ValidationError("Tanggal persetujuan tidak boleh sebelum anggota terdaftar.", field="consent_on")
    return StoryDraft(title=title, text=text, photo=photo, consent_on=draft.consent_on)
