"""``koperasi doctor`` in mode kabupaten: each office's part holds together with the figures it came with.

An office's loan rows and its figures are two views of one arrears report at the office, and its member rows
and its member count two views of one roll; its kecamatan lines and its Beranda are its figures cut by kecamatan
and shown on its tiles: when they disagree, the district's rows were changed after the import (the district's
database is not where offices' data is edited) or a packet was taken in half.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import DistrictLoan, DistrictMember, DistrictOffice
from koperasi.domain.district.figures import ACTIVITY_COUNTED, OfficeFigures, activity_from_document, from_document
from koperasi.domain.district.settings import STALE_DAYS
from koperasi.domain.errors import DomainError
from koperasi.services.district.beranda_figures import beranda_from_document
from koperasi.services.office.health import Check
from koperasi.services.office.settings import value_of
from koperasi import clock


def office_parts(session: Session) -> tuple[list[Check], list[str]]:
    """One check per office that sent a packet, and a warning per office whose data is old or missing."""
    checks, warnings = [], []
    oldest_fresh = clock.today() - timedelta(days=value_of(session, STALE_DAYS))
    for office in session.scalars(select(DistrictOffice).order_by(DistrictOffice.label)):
        name = f"Data {office.label}"
        if office.figures is None or office.as_of is None:
            warnings.append(f"{name}: belum ada paket laporan yang diterima.")
            continue
        day = office.as_of.astimezone().date()
        if day < oldest_fresh:
            warnings.append(f"{name}: data per {day:%d-%m-%Y}, lebih lama dari {value_of(session, STALE_DAYS)} hari.")
        try:
            figures = from_document(office.figures)
        except DomainError as error:
            checks.append(Check(name, False, error.message))
            continue
        loans, outstanding, at_risk = session.execute(
            select(func.count(), func.coalesce(func.sum(DistrictLoan.outstanding), 0),
                   func.coalesce(func.sum(DistrictLoan.outstanding).filter(DistrictLoan.at_risk.is_(True)), 0))
            .where(DistrictLoan.district_office_id == office.id)
        ).one()
        on_roll = session.scalar(
            select(func.count()).select_from(DistrictMember).where(
                DistrictMember.district_office_id == office.id, DistrictMember.join_date <= day,
                DistrictMember.left_on.is_(None) | (DistrictMember.left_on > day))
        )
        problems = [
            f"{label}: baris {held}, angka kantor {expected}"
            for label, held, expected in (
                ("anggota aktif", on_roll, figures.members), ("pinjaman berjalan", loans, figures.loans),
                ("sisa pokok", int(outstanding), figures.outstanding), ("berisiko PAR30", int(at_risk), figures.at_risk_30),
            )
            if held != expected
        ]
        problems += _parts_problems(office.figures, figures)
        checks.append(Check(name, not problems, "; ".join(problems) if problems else
                            f"per {day:%d-%m-%Y}: {on_roll} anggota aktif, {loans} pinjaman cocok dengan angka kantor"))
    return checks, warnings


# The kecamatan lines' figures and the names the doctor gives them.
LINE_LABELS = {
    "trained_in_year": "peserta pelatihan per kecamatan", "completed_in_year": "lulus pelatihan per kecamatan",
    "trained_women": "peserta perempuan per kecamatan", "sales_in_year": "penjualan tahun ini per kecamatan",
    "sales_in_month": "penjualan bulan ini per kecamatan",
}


def _parts_problems(document: dict, figures: OfficeFigures) -> list[str]:
    """The packet's other parts against its figures: the kecamatan lines add up to them (the office's own training
    summary and sales report, cut by kecamatan), and its Beranda (format 3) holds the same totals."""
    try:
        lines = activity_from_document(document)
        beranda = beranda_from_document(document, personal=True)
    except DomainError as error:
        return [error.message]
    compared = []
    if lines is not None:
        compared += [(LINE_LABELS[name], sum(getattr(line, name) for line in lines), getattr(figures, name))
                     for name in ACTIVITY_COUNTED]
    if beranda is not None:
        compared += [
            ("Beranda: anggota", beranda.members.total, figures.members),
            ("Beranda: sisa pokok", beranda.loans.book.outstanding, figures.outstanding),
            ("Beranda: berisiko PAR30", beranda.loans.book.at_risk_30, figures.at_risk_30),
            ("Beranda: angsuran tertagih", beranda.loans.collected_in_month, figures.collected_in_month),
            ("Beranda: peserta pelatihan", beranda.trainings.year.participants, figures.trained_in_year),
            ("Beranda: penjualan tahun ini", beranda.sales.year.total, figures.sales_in_year),
        ]
    return [f"{label}: {held}, angka kantor {expected}" for label, held, expected in compared if held != expected]
