"""The consolidated view of district mode: the kabupaten's figures, by office and by kecamatan.

Read only: nothing here (or anywhere in district mode) writes an office's records; the rows change only
when a newer packet of that office is taken in (services/district/receiving.py).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import DistrictLoan, DistrictMember, DistrictOffice
from koperasi.domain.district.figures import (
    ACTIVITY_COUNTED, UNSPLIT, Consolidated, KecamatanActivity, KecamatanLine, OfficeLine, activity_from_document,
    from_document, impact_from_document, impact_total, total,
)
from koperasi.domain.district.settings import STALE_DAYS
from koperasi.domain.errors import ValidationError
from koperasi.domain.office.regions import shipped
from koperasi.domain.office.settings import HOME_KABUPATEN
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.district.mode import require_district_mode
from koperasi.services.office.settings import value_of
from koperasi import clock


def consolidated(session: Session, actor: Actor, *, kecamatan: str | None = None) -> Consolidated:
    """Every registered office (or those of one kecamatan, by the office's own kecamatan name) and their sum."""
    authorize(session, actor, Permission.USE_APP)
    require_district_mode(session)
    if kecamatan is not None and (not isinstance(kecamatan, str) or len(kecamatan) > 80):
        raise ValidationError("Pilihan kecamatan tidak sah.", field="kecamatan")
    today, stale_days = clock.today(), value_of(session, STALE_DAYS)
    offices = chosen_offices(session, kecamatan=kecamatan)
    lines = office_lines(offices, today, stale_days)
    held = [line.figures for line in lines if line.figures is not None]
    return Consolidated(kabupaten_name(session), today, stale_days, total(held, today), tuple(lines),
                        _by_kecamatan(session, offices),
                        impact_total([line.impact for line in lines if line.impact is not None]))


def chosen_offices(session: Session, *, office_id: uuid.UUID | None = None, kecamatan: str | None = None,
                   ) -> list[DistrictOffice]:
    """The registered offices (one, or those of one kecamatan by the office's own kecamatan name), by kecamatan."""
    query = select(DistrictOffice).order_by(DistrictOffice.kecamatan, DistrictOffice.label)
    if office_id is not None:
        query = query.where(DistrictOffice.id == office_id)
    if kecamatan is not None:
        query = query.where(DistrictOffice.kecamatan == kecamatan)
    return list(session.scalars(query))


def office_lines(offices: list[DistrictOffice], today: date, stale_days: int) -> tuple[OfficeLine, ...]:
    """Each office's newest packet: its day, whether it is older than ``stale_days``, its figures."""
    oldest_fresh = today - timedelta(days=stale_days)
    lines = []
    for office in offices:
        figures = from_document(office.figures) if office.figures is not None else None
        as_of = office.as_of.astimezone().date() if office.as_of is not None else None
        lines.append(OfficeLine(office.label, office.office_code, office.kecamatan or "", as_of,
                                as_of is None or as_of < oldest_fresh, figures, impact_from_document(office.figures)))
    return tuple(lines)


def kabupaten_name(session: Session) -> str:
    code = value_of(session, HOME_KABUPATEN)
    region = shipped().get(code)
    return region.name if region else code


def _by_kecamatan(session: Session, held: list[DistrictOffice]) -> tuple[KecamatanLine, ...]:
    """Members and loans grouped from the records; trainings and sales added up from the offices' own kecamatan
    lines (an office whose packet has none, format version 1, adds its totals to the line ``UNSPLIT``)."""
    if not held:
        return ()
    offices = [office.id for office in held]
    members = {}
    for name, count, women in session.execute(
        select(DistrictMember.kecamatan, func.count(), func.count().filter(DistrictMember.sex == "P"))
        .where(DistrictMember.district_office_id.in_(offices), DistrictMember.left_on.is_(None))
        .group_by(DistrictMember.kecamatan)
    ):
        members[name] = (int(count), int(women))
    loans = {}
    for name, count, outstanding, at_risk in session.execute(
        select(DistrictLoan.kecamatan, func.count(), func.sum(DistrictLoan.outstanding),
               func.coalesce(func.sum(DistrictLoan.outstanding).filter(DistrictLoan.at_risk.is_(True)), 0))
        .where(DistrictLoan.district_office_id.in_(offices))
        .group_by(DistrictLoan.kecamatan)
    ):
        loans[name] = (int(count), int(outstanding), int(at_risk))
    activity: dict[str, list[int]] = {}
    for office in held:
        if office.figures is None:
            continue
        lines = activity_from_document(office.figures)
        if lines is None:
            figures = from_document(office.figures)
            lines = (KecamatanActivity(UNSPLIT, *(getattr(figures, name) for name in ACTIVITY_COUNTED)),)
        for line in lines:
            sums = activity.setdefault(line.kecamatan, [0] * len(ACTIVITY_COUNTED))
            for index, name in enumerate(ACTIVITY_COUNTED):
                sums[index] += getattr(line, name)
    names = sorted(set(members) | set(loans) | set(activity) - {UNSPLIT}) + ([UNSPLIT] if UNSPLIT in activity else [])
    return tuple(
        KecamatanLine(name, *members.get(name, (0, 0)), *loans.get(name, (0, 0, 0)),
                      *activity.get(name, [0] * len(ACTIVITY_COUNTED)))
        for name in names
    )
