"""The kabupaten's Laporan bulanan: the offices' own monthly reports, carried in their packets, added up.

Read only, like the consolidated view: an office's monthly report changes only with its next packet. The
paper is the office's own (``reports/monthly``); its header names the kabupaten, the filter and the offices in it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from koperasi.db.models import DistrictOffice
from koperasi.domain.district.monthly import OfficeMonth, consolidated_monthly, monthly_from_document
from koperasi.domain.errors import DomainError, NotFound, ValidationError
from koperasi.domain.monthly.figures import MonthlyReport
from koperasi.domain.months import Month, check_month, month_name
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.office.settings import HOME_KABUPATEN
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.district.consolidated import chosen_offices, kabupaten_name
from koperasi.services.district.mode import require_district_mode
from koperasi.services.office.settings import value_of


@dataclass(frozen=True, slots=True)
class DistrictMonthly:
    report: MonthlyReport
    included: tuple[str, ...]  # the offices added up
    left_out: tuple[str, ...]  # offices of the filter whose newest packet has no report of this month


def months_held(session: Session, actor: Actor) -> list[Month]:
    """The months some office's newest packet carries a Laporan bulanan of, newest first."""
    authorize(session, actor, Permission.USE_APP)
    require_district_mode(session)
    return sorted({part.month for _, part in _parts(session, None, None) if part is not None}, reverse=True)


def district_monthly(
    session: Session, actor: Actor, *, month: Month, office_id: uuid.UUID | None = None, kecamatan: str | None = None,
) -> DistrictMonthly:
    """The Laporan bulanan of ``month`` for the whole kabupaten, one office, or the offices of one kecamatan."""
    authorize(session, actor, Permission.USE_APP)
    require_district_mode(session)
    check_month(month)
    if office_id is not None and not isinstance(office_id, uuid.UUID):
        raise ValidationError("Pilihan kantor tidak sah.", field="office")
    if kecamatan is not None and (not isinstance(kecamatan, str) or len(kecamatan) > 80):
        raise ValidationError("Pilihan kecamatan tidak sah.", field="kecamatan")
    parts = _parts(session, office_id, kecamatan)
    if office_id is not None and not parts:
        raise NotFound("Kantor tidak terdaftar.")
    included = [office.label for office, part in parts if part is not None and part.month == month]
    if not included:
        raise DomainError(f"Belum ada paket kantor yang membawa laporan bulanan {month_name(month)}.")
    code, whole = value_of(session, HOME_KABUPATEN), kabupaten_name(session)
    scope = (parts[0][0].label if office_id is not None else f"kantor di Kecamatan {kecamatan}" if kecamatan else "")
    left_out = [office.label for office, part in parts if part is None or part.month != month]
    header = OfficeProfile(name=f"Konsolidasi {whole}" + (f" — {scope}" if scope else ""), code=code,
                           address=f"Gabungan {len(included)} kantor: {', '.join(included)}"
                           + (f"; belum termasuk (tanpa laporan bulan ini): {', '.join(left_out)}" if left_out else ""))
    report = consolidated_monthly([part for _, part in parts if part is not None], month, header)
    return DistrictMonthly(report, tuple(included), tuple(left_out))


def _parts(session: Session, office_id: uuid.UUID | None, kecamatan: str | None) -> list[tuple[DistrictOffice, OfficeMonth | None]]:
    return [(office, monthly_from_document(office.figures, personal=office.personal_data) if office.figures else None)
            for office in chosen_offices(session, office_id=office_id, kecamatan=kecamatan)]
