"""The Jaringan lists in Excel, as the tab shows them (the same filters): meetings, follow-ups, opportunities,
referrals, and who should hear of an opportunity. Dates stay dates and rupiah whole numbers; each export is audited,
since the referral and eligible lists name people and carry their telephone numbers."""

from __future__ import annotations

import io
import uuid

from openpyxl import Workbook
from sqlalchemy.orm import Session

from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.reports.network.opportunity_papers import write_eligible_xlsx
from koperasi.reports.sheets import DATE, RUPIAH, table_workbook
from koperasi.services.access import authorize
from koperasi.services.network import follow_ups, meetings, opportunities, papers, referrals
from koperasi.services.network.eligibility import EligibleFilter
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.transaction import write
from koperasi import clock


def meetings_xlsx(session: Session, actor: Actor, *, year: int | None = None) -> bytes:
    rows = meetings.list_meetings(session, actor, year=year)
    book = table_workbook(
        "Pertemuan", ("Tanggal", "Desa", "Kecamatan", "Penyelenggara", "Topik", "Anggota hadir", "Tamu", "Tindak lanjut terbuka"),
        (12, 20, 18, 24, 50, 14, 8, 14),
        ((m.held_on, m.desa, m.kecamatan, m.organiser, " ".join(m.topics.split()),
          m.members_present if m.attendance_taken else None, m.guests if m.attendance_taken else None, m.open_follow_ups)
         for m in rows),
        formats=(DATE,), heading=_heading(session, "Pertemuan komunitas", f"Tahun {year}" if year else "Semua tahun"))
    return _audited(session, actor, book, "meetings", len(rows), {"year": year})


def follow_ups_xlsx(session: Session, actor: Actor, *, open_only: bool = False) -> bytes:
    rows = follow_ups.follow_ups(session, actor, open_only=open_only)
    today = clock.today()
    book = table_workbook(
        "Tindak lanjut", ("Batas waktu", "Tindak lanjut", "Penanggung jawab", "Tanggal pertemuan", "Desa pertemuan", "Status",
                          "Selesai"),
        (12, 50, 24, 14, 20, 12, 12),
        ((f.due_on, f.action, f.responsible, f.meeting_day, f.meeting_desa,
          "Selesai" if f.done_on else "Lewat batas" if f.overdue(today) else "Terbuka", f.done_on) for f in rows),
        formats=(DATE, None, None, DATE, None, None, DATE),
        heading=_heading(session, "Tindak lanjut pertemuan", "Yang masih terbuka" if open_only else "Semua, termasuk yang selesai"))
    return _audited(session, actor, book, "follow_ups", len(rows), {"open_only": open_only})


def opportunities_xlsx(session: Session, actor: Actor, *, open_only: bool = False) -> bytes:
    rows = opportunities.list_opportunities(session, actor, open_only=open_only)
    today = clock.today()
    book = table_workbook(
        "Peluang", ("Jenis", "Judul", "Penyedia", "Tempat", "Batas daftar", "Biaya", "Rujukan", "Status"),
        (22, 40, 24, 22, 12, 14, 9, 11),
        ((o.kind.label, o.title, o.provider, o.where, o.deadline, o.cost, o.referrals,
          "Ditutup" if o.closed else "Dibuka" if o.open_on(today) else "Lewat batas") for o in rows),
        formats=(None, None, None, None, DATE, RUPIAH),
        heading=_heading(session, "Papan peluang", "Yang masih dibuka" if open_only else "Semua peluang"))
    return _audited(session, actor, book, "opportunities", len(rows), {"open_only": open_only})


def referrals_xlsx(session: Session, actor: Actor, *, waiting_only: bool = False) -> bytes:
    rows = referrals.referrals(session, actor, waiting_only=waiting_only)
    book = table_workbook(
        "Rujukan", ("Dirujuk", "Nama", "Anak anggota", "No. anggota", "Peluang", "Jenis", "Oleh", "Nomor surat", "Hasil",
                    "Tanggal hasil"),
        (12, 28, 8, 14, 36, 22, 20, 18, 20, 12),
        ((r.referred_on, r.person, "Ya" if r.for_child else "", r.member_number, r.opportunity, r.kind.label, r.referred_by,
          r.letter_number, r.outcome.label if r.outcome else "", r.outcome_on) for r in rows),
        formats=(DATE, None, None, None, None, None, None, None, None, DATE),
        heading=_heading(session, "Rujukan", "Yang belum ada kabar" if waiting_only else "Semua rujukan"))
    return _audited(session, actor, book, "referrals", len(rows), {"waiting_only": waiting_only})


def eligible_xlsx(session: Session, actor: Actor, opportunity_id: uuid.UUID, narrow: EligibleFilter = EligibleFilter()) -> bytes:
    sheet = papers.eligible_sheet(session, actor, opportunity_id, narrow)
    buffer = io.BytesIO()
    write_eligible_xlsx(sheet, buffer)
    with write(session):
        audit.record(session, actor, action=AuditAction.NETWORK_LIST_EXPORTED, entity="opportunity", entity_id=opportunity_id,
                     after={"list": "eligible", "rows": len(sheet.people), **narrow.audited()})
    return buffer.getvalue()


def _heading(session: Session, title: str, which: str) -> tuple[str, ...]:
    return title, current_office(session).profile.name, f"{which} · dibuat {clock.today():%d/%m/%Y}"


def _audited(session: Session, actor: Actor, book: Workbook, name: str, count: int, filters: dict[str, object]) -> bytes:
    authorize(session, actor, Permission.USE_APP)
    buffer = io.BytesIO()
    book.save(buffer)
    with write(session):
        audit.record(session, actor, action=AuditAction.NETWORK_LIST_EXPORTED, entity="network_list", entity_id=name,
                     after={"list": name, "rows": count, **filters})
    return buffer.getvalue()
