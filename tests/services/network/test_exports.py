"""The Jaringan lists in Excel: Indonesian headers, dates as dates, rupiah as whole numbers, each export audited."""

from __future__ import annotations

import io
import uuid
from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from koperasi import clock
from koperasi.db.models import AuditEvent
from koperasi.domain.errors import PermissionDenied
from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor
from koperasi.services.members import register as members
from koperasi.services.network import exports, opportunities, referrals
from tests.network_support import network_office, opportunity_input
from tests.training_support import SINGKUT


@pytest.fixture
def net(db, admin):
    return network_office(db, admin)


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def _table(sheet):
    """The header row (the first after the heading's blank line) and the rows under it."""
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    start = next(i for i, row in enumerate(rows) if row[0] is None) + 1
    return rows[start], rows[start + 1:]


def _exported(net) -> list[dict]:
    with net.db.session() as session:
        return [event.after for event in session.scalars(
            select(AuditEvent).where(AuditEvent.action == "network_list_exported").order_by(AuditEvent.id))]


def test_the_four_lists_go_to_excel_as_the_tab_shows_them_and_each_export_is_audited(net):
    with net.db.session() as session:
        siti = members.register_member(session, net.office.admin, MemberInput(
            full_name="Siti Aminah", sex=Sex.FEMALE, birth_date=date(1990, 1, 1), desa_id=str(net.office.loans.desa_id),
            join_date=date(2024, 1, 2), phone="081234567890"), accept_warnings=True).id
    meeting = net.meeting()
    net.attend(meeting, {siti})
    net.follow_up(meeting)
    with net.db.session() as session:
        opportunity = opportunities.publish_opportunity(session, net.clerk, replace(opportunity_input(kecamatan_code=SINGKUT),
                                                                                        cost=150_000))
        referrals.refer(session, net.clerk, opportunity, siti, referred_on=clock.today())

    with net.db.session() as session:
        header, rows = _table(_sheet(exports.meetings_xlsx(session, net.clerk, year=2026)))
    assert header[:2] == ["Tanggal", "Desa"] and header[5] == "Anggota hadir"
    assert rows[0][0] == datetime(2026, 11, 20) and rows[0][5] == 1 and rows[0][7] == 1

    with net.db.session() as session:
        sheet = _sheet(exports.follow_ups_xlsx(session, net.clerk, open_only=True))
    header, rows = _table(sheet)
    assert header == ["Batas waktu", "Tindak lanjut", "Penanggung jawab", "Tanggal pertemuan", "Desa pertemuan", "Status", "Selesai"]
    assert rows == [[datetime(2026, 12, 5), "Daftarkan peserta ke BLK", "Ibu Siti", datetime(2026, 11, 20), rows[0][4], "Terbuka", None]]
    assert sheet["A1"].value == "Tindak lanjut pertemuan"

    with net.db.session() as session:
        header, rows = _table(_sheet(exports.opportunities_xlsx(session, net.clerk)))
    assert header[4:6] == ["Batas daftar", "Biaya"]
    assert rows[0][1] == "Kelas menjahit gratis" and rows[0][4] == datetime(2026, 12, 15)
    assert rows[0][5] == 150_000 and type(rows[0][5]) is int and rows[0][6] == 1 and rows[0][7] == "Dibuka"

    with net.db.session() as session:
        header, rows = _table(_sheet(exports.referrals_xlsx(session, net.clerk)))
    assert header[:2] == ["Dirujuk", "Nama"]
    assert rows[0][0] == datetime.combine(clock.today(), datetime.min.time()) and rows[0][1] == "Siti Aminah" and rows[0][8] is None

    with net.db.session() as session:
        header, rows = _table(_sheet(exports.eligible_xlsx(session, net.clerk, opportunity)))
    assert header[:2] == ["No.", "Nama"] and [row[1] for row in rows] == ["Siti Aminah"]

    assert [(e["list"], e["rows"]) for e in _exported(net)] == [
        ("meetings", 1), ("follow_ups", 1), ("opportunities", 1), ("referrals", 1), ("eligible", 1)]


def test_an_export_needs_a_signed_in_user_of_the_office(net):
    stranger = Actor(user_id=uuid.uuid4(), username="", full_name="", role=net.clerk.role)
    with net.db.session() as session, pytest.raises(PermissionDenied):
        exports.referrals_xlsx(session, stranger)
    assert _exported(net) == []
