"""The official region list in the office's database: set-up, neighbours, newer names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from koperasi.db.models import Desa, Kecamatan
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.office.regions import Region, shipped
from koperasi.services.office import audit
from koperasi.services.members import register as members
from koperasi.services.office import profile as office
from koperasi.services.office import regions
from tests.support import SAMPLE_OFFICE, TEST_PASSWORD, TODAY

MERANGIN = "15.02"


def _set_up(session, kabupaten_code, profile=SAMPLE_OFFICE):
    return office.set_up(session, profile, admin_username="admin", admin_full_name="Admin", admin_password=TEST_PASSWORD,
                         kabupaten_code=kabupaten_code)


def test_set_up_of_another_kabupaten_gives_its_official_kecamatan_and_desa_only(db):
    official = shipped()
    with db.session() as session:
        _set_up(session, MERANGIN, replace(SAMPLE_OFFICE, kecamatan_code="15.02.02"))  # Bangko
        kecamatan = session.execute(select(Kecamatan.code, Kecamatan.name).order_by(Kecamatan.code)).all()
        desa = session.execute(select(Desa.code, Desa.kecamatan_code, Desa.name, Desa.kind).order_by(Desa.code)).all()
        assert regions.home_kabupaten(session) == MERANGIN
        assert office.current_office(session).kecamatan_name == "Bangko"
    assert kecamatan == [(k.code, k.name) for k in official.kecamatan(MERANGIN)]  # Sarolangun's seeded eleven are gone
    expected = [(d.code, k.code, d.name, d.kind) for k in official.kecamatan(MERANGIN) for d in official.desa(k.code)]
    assert desa == expected and len(desa) == 215


def test_a_refused_set_up_leaves_no_regions_behind(db):
    with db.session() as session:
        with pytest.raises(ValidationError, match="minimal 8"):
            office.set_up(session, SAMPLE_OFFICE, admin_username="admin", admin_full_name="Admin", admin_password="123",
                          kabupaten_code="15.03")
        assert session.scalars(select(Desa)).all() == []
        assert len(session.scalars(select(Kecamatan)).all()) == 11


def test_set_up_refuses_an_unknown_kabupaten_and_an_office_kecamatan_outside_it(db):
    with db.session() as session:
        with pytest.raises(ValidationError, match="Kabupaten/kota tidak dikenal"):
            _set_up(session, "15.99")
        with pytest.raises(ValidationError, match="Kecamatan tidak dikenal"):
            _set_up(session, MERANGIN)  # SAMPLE_OFFICE is in Pauh, Sarolangun


@pytest.fixture
def sarolangun(db):
    with db.session() as session:
        return _set_up(session, "15.03")


def test_a_desa_typed_by_hand_gets_its_official_code_when_the_list_holds_it(db):
    with db.session() as session:
        admin = office.set_up(session, SAMPLE_OFFICE, admin_username="admin", admin_full_name="Admin", admin_password=TEST_PASSWORD)
        bernai = regions.add_desa(session, admin, "15.03.03", name="desa  bernai")
        invented = regions.add_desa(session, admin, "15.03.03", name="Kampung Khayalan")
        assert (bernai.code, invented.code) == ("15.03.03.2002", None)
        assert regions.unmatched_desa(session) == [("Sarolangun", "Kampung Khayalan")]


def test_a_neighbouring_desa_and_kecamatan_are_added_from_the_official_list(db, sarolangun):
    with db.session() as session:
        desa = regions.add_official_desa(session, sarolangun, "15.02.02.1010")
        assert (desa.code, desa.kecamatan_code, desa.kind) == ("15.02.02.1010", "15.02.02", "kelurahan")
        assert [d.code for d in regions.list_desa(session, sarolangun, "15.02.02")] == ["15.02.02.1010"]
        with pytest.raises(ConflictError, match="sudah ada"):
            regions.add_official_desa(session, sarolangun, "15.02.02.1010")
        added = regions.add_official_kecamatan(session, sarolangun, "15.02.02")  # the rest of Bangko
        assert (added.kecamatan, added.desa) == (0, len(shipped().desa("15.02.02")) - 1)
        with pytest.raises(ConflictError, match="sudah ada"):
            regions.add_official_kecamatan(session, sarolangun, "15.02.02")
        with pytest.raises(ValidationError, match="tidak ada di data wilayah resmi"):
            regions.add_official_desa(session, sarolangun, "15.02.02")
        events = audit.recent_events(session, sarolangun, limit=2)
    assert [e.action for e in events] == ["kecamatan_added", "desa_created"]


def test_newer_names_are_applied_by_code_and_members_keep_their_desa(db, sarolangun):
    with db.session() as session:
        bernai = next(d for d in regions.list_desa(session, sarolangun, "15.03.03") if d.name == "Bernai")
        member = members.register_member(
            session, sarolangun,
            MemberInput(full_name="Siti Aminah", sex=Sex.FEMALE, birth_date=date(1980, 5, 5), desa_id=str(bernai.id)),
            today=TODAY,
        )
        session.execute(Desa.__table__.delete().where(Desa.code == "15.03.03.2003"))  # as if the 2025 list lacked it
        newer = [*shipped().regions()]
        newer = [Region(r.code, "Bernai Baru" if r.code == bernai.code else "Sarolangun Kota" if r.code == "15.03.03" else r.name)
                 for r in newer if not r.code.startswith("15.03.03.2004")]  # a desa missing from the newer file stays
        plan = regions.plan_name_update(session, newer)
        assert {(r.code, r.old, r.new) for r in plan.renamed} == {
            ("15.03.03.2002", "Bernai", "Bernai Baru"), ("15.03.03", "Sarolangun", "Sarolangun Kota")}
        assert [d.code for d in plan.new_desa] == ["15.03.03.2003"]
        regions.apply_name_update(session, sarolangun, newer, add_new=True, source="wilayah-2026.csv")
        kept = members.get_member(session, sarolangun, member.id)
        row = session.scalar(select(Desa).where(Desa.id == bernai.id))
        assert (row.name, row.code) == ("Bernai Baru", "15.03.03.2002")
        assert session.scalar(select(Desa).where(Desa.code == "15.03.03.2004")) is not None  # nothing deleted
        assert session.scalar(select(Desa).where(Desa.code == "15.03.03.2003")) is not None
        assert regions.plan_name_update(session, newer) == regions.NameUpdate([], [])
        event = audit.recent_events(session, sarolangun, limit=1)[0]
    assert event.action == "region_names_updated" and event.after["15.03.03.2002"] == "Bernai Baru"
    assert (kept.data.desa_id, kept.desa_name, kept.kecamatan_name) == (str(bernai.id), "Bernai Baru", "Sarolangun Kota")


def test_the_office_kecamatan_come_before_the_neighbours_added(db, sarolangun):
    with db.session() as session:
        regions.add_official_desa(session, sarolangun, "15.02.02.1010")  # Bangko, Merangin: 15.02 sorts before 15.03
        codes = [k.code for k in regions.list_kecamatan(session)]
    assert codes[0] == "15.03.01" and codes[-1] == "15.02.02" and len(codes) == 12


def test_a_long_file_name_is_kept_in_the_audit_log_by_its_end(db, sarolangun):
    source = "D:/Unduhan/" + "sangat-panjang-" * 10 + "wilayah-2026.csv"
    with db.session() as session:
        regions.apply_name_update(session, sarolangun, [Region("15.03.01", "Batang Asai Baru")], add_new=False, source=source)
        event = audit.recent_events(session, sarolangun, limit=1)[0]
    assert event.action == "region_names_updated" and source.endswith(event.entity_id) and event.entity_id.endswith("wilayah-2026.csv")
