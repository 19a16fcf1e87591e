"""Kirim laporan ke kabupaten: the office's data as of now, reduced, signed, written as one packet file.

The packet is read in one write transaction (the audit event of its sending commits with it), so the
figures, the members and the loans it holds are one consistent moment of the office.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Kecamatan, Member
from koperasi.domain.district import packet
from koperasi.domain.district.figures import (
    BY_KECAMATAN, IMPACT, KecamatanActivity, OfficeFigures, OfficeImpact, activity_document, as_document,
    impact_document,
)
from koperasi.domain.district.monthly import MONTHLY, monthly_document, office_month, previous_month
from koperasi.domain.district.settings import DISTRICT_KEY, DISTRICT_MODE, PERSONAL_DATA, PROGRAM_MODE
from koperasi.domain.errors import DomainError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.settings import HOME_KABUPATEN
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.dashboard.figures import Figures, figures
from koperasi.services.district.beranda_figures import BERANDA, beranda_document
from koperasi.services.district.office_key import signing_key
from koperasi.services.district.packet_file import write_packet
from koperasi.services.impact.indicators import figures_and_breakdowns, income_changes
from koperasi.services.loans.arrears import positions
from koperasi.services.monthly.report import monthly_report
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.office.settings import value_of
from koperasi.services.sales.papers import sales_report
from koperasi.services.trainings.papers import training_summary
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class SentPacket:
    path: Path
    size_bytes: int
    as_of: datetime
    members: int  # member rows in the packet (all, including those who left)
    loans: int  # loans with principal outstanding
    personal_data: bool
    fingerprint: str
    sealed: bool  # encrypted for the district's key (setting district_public_key)


def send_report(session: Session, actor: Actor, folder: Path) -> SentPacket:
    """Write the office's packet into ``folder`` (a USB stick, a shared folder) and say what it holds."""
    with write(session):
        authorize(session, actor, Permission.EXCHANGE_REPORTS)
        if value_of(session, PROGRAM_MODE) == DISTRICT_MODE:
            raise DomainError("Program ini dalam mode kabupaten: kabupaten menerima paket, tidak mengirimnya.")
        target = _checked_folder(folder)
        office = current_office(session)
        as_of = clock.now()
        personal = value_of(session, PERSONAL_DATA)
        key = signing_key(session, actor)
        public_key = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        beranda = figures(session, actor, as_of=clock.today())
        contents = {
            packet.FIGURES: json.dumps(as_document(_office_figures(beranda))
                                       | {BERANDA: beranda_document(beranda, personal=personal),
                                          BY_KECAMATAN: activity_document(_by_kecamatan(session, actor)),
                                          IMPACT: impact_document(_impact(session)),
                                          MONTHLY: monthly_document(office_month(monthly_report(
                                              session, actor, month=previous_month(clock.today()))), personal=personal)},
                                       sort_keys=True, ensure_ascii=False).encode(),
            packet.MEMBERS: _json_lines(_members(session, personal)),
            packet.LOANS: _json_lines(_loans(session, actor)),
        }
        counts = {name: (content.count(b"\n") if name != packet.FIGURES else 1) for name, content in contents.items()}
        kabupaten = value_of(session, HOME_KABUPATEN)
        identity = packet.OfficeIdentity(
            str(office.id), office.profile.code, office.profile.name, office.profile.kecamatan_code or "",
            office.kecamatan_name or "", kabupaten,
        )
        manifest = packet.Manifest(identity, as_of, personal, public_key,
                                   {name: packet.digest(content) for name, content in contents.items()}, counts)
        path = _free_name(target / packet.file_name(office.profile.code, str(office.id), clock.local_now()))
        sealed_for = value_of(session, DISTRICT_KEY)
        size = write_packet(path, manifest, key, contents, seal_for=bytes.fromhex(sealed_for) if sealed_for else None)
        sent = SentPacket(path, size, as_of, counts[packet.MEMBERS], counts[packet.LOANS], personal,
                          packet.fingerprint(public_key), bool(sealed_for))
        audit.record(session, actor, action=AuditAction.DISTRICT_REPORT_SENT, entity="district_packet",
                     entity_id=path.name, after={
                         "file": str(path), "size_bytes": sent.size_bytes, "anggota": sent.members,
                         "pinjaman": sent.loans, "data pribadi": personal, "sidik kunci": sent.fingerprint,
                         "terkunci untuk kabupaten": sent.sealed,
                     })
        return sent


def _checked_folder(folder: Path) -> Path:
    if not isinstance(folder, Path) or "\x00" in str(folder):
        raise DomainError("Folder tujuan paket tidak sah.")
    if not folder.is_dir():
        raise DomainError(f"Folder tujuan tidak ada: {folder}. Pilih folder atau flashdisk yang ada.")
    return folder


def _free_name(path: Path) -> Path:
    """Never write over a packet already on the stick (two packets sent within one second)."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(path.name.removesuffix(packet.SUFFIX) + f"-{number}{packet.SUFFIX}")
    return candidate


def _office_figures(beranda: Figures) -> OfficeFigures:
    book, trained, sales = beranda.loans.book, beranda.trainings.year, beranda.sales
    return OfficeFigures(
        as_of=beranda.as_of, members=beranda.members.total, women=beranda.members.women,
        new_in_month=beranda.members.new_in_month, left_in_month=beranda.members.left_in_month,
        loans=book.loans, outstanding=book.outstanding, at_risk_30=book.at_risk_30,
        disbursed_in_year=beranda.loans.disbursed_in_year, due_in_month=beranda.loans.due_in_month,
        collected_in_month=beranda.loans.collected_in_month,
        trained_in_year=trained.participants, completed_in_year=trained.completed, trained_women=trained.women,
        sales_in_year=sales.year.total, commission_in_year=sales.year.commission, sales_in_month=sales.month.total,
    )


def _by_kecamatan(session: Session, actor: Actor) -> tuple[KecamatanActivity, ...]:
    """Trainings and sales by kecamatan as the office's own training summary and sales report give them for the
    year to the day (the same people and lines as its Beranda, so the lines add up to its figures)."""
    day = clock.today()
    year_start, month_start = day.replace(month=1, day=1), day.replace(day=1)
    trained = {line.name: line for line in training_summary(
        session, actor, period_from=year_start, period_to=day).breakdowns["Kecamatan"]}
    sold_in_year = {line.name: line.total for line in sales_report(
        session, actor, period_from=year_start, period_to=day).breakdowns["Kecamatan"]}
    sold_in_month = {line.name: line.total for line in sales_report(
        session, actor, period_from=month_start, period_to=day).breakdowns["Kecamatan"]}
    return tuple(
        KecamatanActivity(
            name, trained[name].participants if name in trained else 0, trained[name].completed if name in trained else 0,
            trained[name].women if name in trained else 0, sold_in_year.get(name, 0), sold_in_month.get(name, 0))
        for name in sorted(set(trained) | set(sold_in_year) | set(sold_in_month))
    )


def _impact(session: Session) -> OfficeImpact:
    """The impact indicators of the year to the day, as the office's own Dampak screen shows them for all members;
    the income changes go without anything that says whose, whatever ``district_personal_data`` says."""
    day = clock.today()
    period = {"period_from": day.replace(month=1, day=1), "period_to": day}
    found, _ = figures_and_breakdowns(session, fund_id=None, programme_id=None, dimensions=(), **period)
    total = found.total
    return OfficeImpact(
        reached=found.reached, households=total.households, followed_up=total.followed_up,
        with_poverty_line=total.with_poverty_line, above_poverty_before=total.above_poverty_before or 0,
        above_poverty_after=total.above_poverty_after or 0,
        businesses_started_or_grown=total.businesses_started_or_grown,
        moneylender_debt_before=total.moneylender_debt_before, moneylender_debt_ended=total.moneylender_debt_ended,
        children_back_in_school=total.children_back_in_school, women_business_before=total.women_business_before,
        women_business_after=total.women_business_after, loans_paid_off=found.loans_paid_off,
        loans_on_time=found.loans_on_time, income_changes=tuple(income_changes(session, **period)),
    )


def _members(session: Session, personal: bool) -> list[dict]:
    rows = session.execute(
        select(Member.id, Member.kecamatan_code, Kecamatan.name, Member.sex, Member.join_date, Member.left_on,
               Member.number, Member.full_name, Member.nik)
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
        .order_by(Member.number)
    )
    members = []
    for member_id, code, kecamatan, sex, joined, left, number, name, nik in rows:
        row = {"id": str(member_id), "kecamatan_code": code, "kecamatan": kecamatan, "sex": sex,
               "join_date": joined.isoformat(), "left_on": left.isoformat() if left else None}
        if personal:
            row |= {"number": number, "full_name": name, "nik": nik}
        members.append(row)
    return members


def _loans(session: Session, actor: Actor) -> list[dict]:
    return [
        {"id": str(p.loan_id), "kecamatan": p.kecamatan, "outstanding": p.outstanding, "arrears": p.arrears,
         "days_past_due": p.days_past_due, "at_risk": p.at_risk}
        for p in positions(session, actor, as_of=clock.today())
    ]


def _json_lines(rows: list[dict]) -> bytes:
    return b"".join(json.dumps(row, sort_keys=True, ensure_ascii=False).encode() + b"\n" for row in rows)
