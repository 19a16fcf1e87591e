"""The district's Beranda: the office's own tiles and charts, fed by the offices' figures added up.

Read only, like the consolidated view. The tiles take the offices' own Beranda figures as their packets carry
them (``beranda_figures.add_up``); the charts take the twelve months of the newest Laporan bulanan the chosen
offices' packets carry, added up (``domain/district/monthly``); each office's line says the day its data is
as of and whether that is older than the district's setting.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from koperasi.db.models import DistrictOffice
from koperasi.domain.district.figures import OfficeLine, from_document
from koperasi.domain.district.monthly import consolidated_monthly, monthly_from_document
from koperasi.domain.district.settings import STALE_DAYS
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.monthly.figures import History
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.dashboard.figures import Figures
from koperasi.services.district.beranda_figures import add_up, beranda_from_document, from_office_figures
from koperasi.services.district.consolidated import chosen_offices, kabupaten_name, office_lines
from koperasi.services.district.mode import require_district_mode
from koperasi.services.office.settings import value_of
from koperasi import clock


@dataclass(frozen=True, slots=True)
class DistrictBeranda:
    kabupaten: str
    today: date
    stale_days: int
    figures: Figures  # the chosen offices' Beranda figures added up
    history: History | None  # their newest monthly report's twelve months added up; None before any packet carries one
    offices: tuple[OfficeLine, ...]  # the chosen offices, each with its own figures, day and staleness
    counts_only: tuple[str, ...]  # offices whose packet (before format 3) carries only the counts, no named lines


def district_beranda(
    session: Session, actor: Actor, *, office_id: uuid.UUID | None = None, kecamatan: str | None = None,
) -> DistrictBeranda:
    """Beranda for the whole kabupaten, the offices of one kecamatan, or one office."""
    authorize(session, actor, Permission.USE_APP)
    require_district_mode(session)
    if office_id is not None and not isinstance(office_id, uuid.UUID):
        raise ValidationError("Pilihan kantor tidak sah.", field="office")
    if kecamatan is not None and (not isinstance(kecamatan, str) or len(kecamatan) > 80):
        raise ValidationError("Pilihan kecamatan tidak sah.", field="kecamatan")
    offices = chosen_offices(session, office_id=office_id, kecamatan=kecamatan)
    if office_id is not None and not offices:
        raise NotFound("Kantor tidak terdaftar.")
    today, stale_days = clock.today(), value_of(session, STALE_DAYS)
    held = [office for office in offices if office.figures is not None]
    parts = [_beranda(office) for office in held]
    return DistrictBeranda(
        kabupaten_name(session), today, stale_days, add_up([figures for figures, _ in parts], today),
        _history(held), office_lines(offices, today, stale_days),
        tuple(office.label for office, (_, whole) in zip(held, parts, strict=True) if not whole),
    )


def _beranda(office: DistrictOffice) -> tuple[Figures, bool]:
    """The office's Beranda figures, and whether they are whole (a packet of format 3 or newer)."""
    whole = beranda_from_document(office.figures, personal=office.personal_data)
    return (whole, True) if whole is not None else (from_office_figures(from_document(office.figures)), False)


def _history(held: list[DistrictOffice]) -> History | None:
    """The twelve months up to the newest month some chosen office's packet carries a report of, added up."""
    parts = [part for office in held if (part := monthly_from_document(office.figures, personal=False)) is not None]
    if not parts:
        return None
    newest = max(part.month for part in parts)
    return consolidated_monthly(parts, newest, OfficeProfile(name="", code="")).history
