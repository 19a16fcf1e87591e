from __future__ import annotations

from dataclasses import replace

import pytest

from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.roles import Role
from koperasi.services.office import profile as office
from koperasi.services.office import regions
from tests.support import SAMPLE_OFFICE, TEST_PASSWORD, add_staff


def test_set_up_creates_office_and_admin_once(db):
    with db.session() as session:
        assert not office.is_set_up(session)
        admin = office.set_up(session, SAMPLE_OFFICE, admin_username="Admin", admin_full_name="Admin", admin_password=TEST_PASSWORD)
        assert admin.role is Role.ADMIN and admin.username == "admin"
        assert office.is_set_up(session)
        with pytest.raises(ConflictError, match="sudah disiapkan"):
            office.set_up(session, SAMPLE_OFFICE, admin_username="lain", admin_full_name="Lain", admin_password=TEST_PASSWORD)
        view = office.current_office(session)
    assert view.profile.code == "PAU" and view.kecamatan_name == "Pauh"


def test_set_up_with_a_bad_admin_password_leaves_no_office_behind(db):
    with db.session() as session:
        with pytest.raises(ValidationError, match="minimal 8"):
            office.set_up(session, SAMPLE_OFFICE, admin_username="admin", admin_full_name="Admin", admin_password="123")
        assert office.current_office(session) is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "  "}, "Nama kantor wajib diisi"),
        ({"code": "s"}, "Kode kantor 2–6"),
        ({"code": "1ABC"}, "Kode kantor 2–6"),
        ({"kecamatan_code": "99.99.99"}, "Kecamatan tidak dikenal"),
        ({"phone": "12ab"}, "nomor telepon|Nomor telepon"),
    ],
)
def test_office_profile_is_validated(db, admin, changes, message):
    with db.session() as session:
        current = office.current_office(session)
        profile = replace(current.profile, **changes)
        with pytest.raises(ValidationError, match=message):
            office.update_office(session, admin, profile, expected_version=current.version)


def test_office_update_tidies_input_and_is_audited(db, admin):
    from koperasi.services.office import audit

    with db.session() as session:
        current = office.current_office(session)
        updated = office.update_office(
            session,
            admin,
            replace(current.profile, name="  Koperasi   Berdaya  Pauh ", code="pau2", phone="+62 745 91234"),
            expected_version=current.version,
        )
        assert (updated.profile.name, updated.profile.code, updated.profile.phone) == ("Koperasi Berdaya Pauh", "PAU2", "074591234")
        event = audit.recent_events(session, admin, limit=1)[0]
    assert event.action == "office_updated" and event.before["code"] == "PAU" and event.after["code"] == "PAU2"


def test_desa_are_added_renamed_retired_and_never_duplicated(db, admin):
    manager = add_staff(db, admin, "ketua", Role.MANAGER)
    with db.session() as session:
        desa = regions.add_desa(session, manager, "15.03.04", name=" Lamban  Sigatal ")
        assert desa.name == "Lamban Sigatal"
        with pytest.raises(ConflictError, match="sudah ada"):
            regions.add_desa(session, manager, "15.03.04", name="lamban sigatal")
        regions.add_desa(session, manager, "15.03.03", name="Lamban Sigatal")  # same name, other kecamatan
        retired = regions.update_desa(session, manager, desa.id, name=desa.name, kind="desa", active=False, expected_version=desa.version)
        assert regions.list_desa(session, manager, "15.03.04") == []
        assert regions.list_desa(session, manager, "15.03.04", include_inactive=True) == [retired]
        counts = {k.code: k.desa_count for k in regions.list_kecamatan(session)}
    assert counts["15.03.03"] == 1 and counts["15.03.04"] == 0
