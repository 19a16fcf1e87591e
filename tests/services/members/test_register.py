from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.members.register import HouseholdPerson, MemberInput, MemberStatus, Relation, SchoolStatus
from koperasi.domain.people import Sex
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.members.search import MemberFilter, MemberSort, member_page
from tests.domain.test_photos import picture

TODAY = date(2026, 11, 28)
NIK_SITI = "1503034505800001"  # 5 May 1980, a woman (45 = 5 + 40)


@pytest.fixture
def desa(db, admin):
    with db.session() as session:
        return regions.add_desa(session, admin, "15.03.03", name="Bernai")


def _siti(desa, **changes) -> MemberInput:
    base = MemberInput(
        full_name="Siti Aminah",
        sex=Sex.FEMALE,
        birth_date=date(1980, 5, 5),
        desa_id=str(desa.id),
        nik=NIK_SITI,
        categories=frozenset({"petani_kecil"}),
        household=(
            HouseholdPerson("Rudi", Relation.CHILD, Sex.MALE, date(2012, 1, 1), SchoolStatus.DROPPED_OUT),
            HouseholdPerson("Rina", Relation.CHILD, Sex.FEMALE, date(2015, 1, 1), SchoolStatus.IN_SCHOOL),
        ),
    )
    return replace(base, **changes)


def _register(db, admin, data, **options):
    with db.session() as session:
        return members.register_member(session, admin, data, today=TODAY, **options)


def test_register_member_numbers_and_derives_household_figures(db, admin, desa):
    first = _register(db, admin, _siti(desa))
    second = _register(db, admin, _siti(desa, full_name="Nur Aisyah", nik="", birth_date=date(1990, 2, 2)))
    assert (first.number, second.number) == ("PAU-000001", "PAU-000002")
    assert first.household_size == 3 and first.out_of_school_children == 1
    assert first.category_names == ["Petani kecil"] and first.kecamatan_name == "Sarolangun"


def test_the_same_nik_twice_is_refused_and_the_existing_member_offered(db, admin, desa):
    existing = _register(db, admin, _siti(desa))
    with pytest.raises(members.DuplicateNik, match="Siti Aminah \\(PAU-000001\\)") as refused:
        _register(db, admin, _siti(desa, full_name="Orang Lain", birth_date=date(1981, 1, 1)), accept_warnings=True)
    assert refused.value.member_id == existing.id


def test_same_name_and_birth_date_warns_until_confirmed(db, admin, desa):
    _register(db, admin, _siti(desa, nik=""))
    with pytest.raises(members.WarningsToConfirm, match="bukan orang yang sama"):
        _register(db, admin, _siti(desa, nik=""))
    assert _register(db, admin, _siti(desa, nik=""), accept_warnings=True).number == "PAU-000002"


def test_a_nik_that_disagrees_with_sex_warns_not_blocks(db, admin, desa):
    with pytest.raises(members.WarningsToConfirm, match="NIK menunjukkan perempuan"):
        _register(db, admin, _siti(desa, sex=Sex.MALE, household=()))
    assert _register(db, admin, _siti(desa, sex=Sex.MALE, household=()), accept_warnings=True).data.sex is Sex.MALE


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"full_name": "  "}, "Nama lengkap wajib diisi"),
        ({"birth_date": date(2015, 1, 1), "nik": ""}, "minimal 17 tahun"),
        ({"birth_date": date(2030, 1, 1), "nik": ""}, "masa depan"),
        ({"nik": "12345"}, "NIK harus 16 digit"),
        ({"kk_number": "123"}, "Nomor KK harus 16 digit"),
        ({"desa_id": "bukan-desa"}, "Pilih desa"),
        ({"categories": frozenset({"astronot"})}, "Kategori tidak dikenal"),
        ({"phone": "12"}, "elepon"),
    ],
)
def test_register_member_explains_each_bad_input(db, admin, desa, changes, message):
    with pytest.raises(ValidationError, match=message):
        _register(db, admin, _siti(desa, **changes))
    with db.session() as session:
        assert member_page(session, admin, MemberFilter(status=None)).total == 0


def test_concurrent_edits_the_second_clerk_is_told(db, admin, desa):
    saved = _register(db, admin, _siti(desa))
    with db.session() as session:
        members.update_member(session, admin, saved.id, replace(saved.data, occupation="Petani karet"), expected_version=saved.version, today=TODAY)
    with db.session() as session, pytest.raises(ConflictError, match="sudah diubah oleh petugas lain"):
        members.update_member(session, admin, saved.id, replace(saved.data, occupation="Penjahit"), expected_version=saved.version, today=TODAY)
    with db.session() as session:
        assert members.get_member(session, admin, saved.id).data.occupation == "Petani karet"


def test_a_member_leaves_is_kept_and_can_rejoin(db, admin, desa):
    saved = _register(db, admin, _siti(desa))
    with db.session() as session:
        with pytest.raises(ValidationError, match="Alasan keluar wajib"):
            members.record_leaving(session, admin, saved.id, left_on=TODAY, reason=" ", expected_version=saved.version)
        left = members.record_leaving(session, admin, saved.id, left_on=TODAY, reason="Pindah ke Bangko", expected_version=saved.version)
        assert left.status is MemberStatus.LEFT
        assert member_page(session, admin, MemberFilter()).total == 0  # the default list shows active members
        assert member_page(session, admin, MemberFilter(status=MemberStatus.LEFT)).rows[0].number == saved.number
        back = members.record_rejoining(session, admin, saved.id, expected_version=left.version)
    assert back.status is MemberStatus.ACTIVE and back.left_on is None


def test_search_matches_name_nik_and_number_and_filters_combine(db, admin, desa):
    _register(db, admin, _siti(desa))
    _register(db, admin, _siti(desa, full_name="Nur Aisyah", nik="", sex=Sex.FEMALE, birth_date=date(1990, 2, 2), household=()))
    _register(db, admin, _siti(desa, full_name="Ahmad Fauzi", nik="", sex=Sex.MALE, birth_date=date(1975, 3, 3), household=()))
    with db.session() as session:
        def names(**filter_):
            return [row.full_name for row in member_page(session, admin, MemberFilter(**filter_)).rows]

        assert names(text="siti") == ["Siti Aminah"]
        assert names(text="  AMINAH siti ") == ["Siti Aminah"]
        assert names(text="4505800001") == ["Siti Aminah"]
        assert names(text="pau-000003") == ["Ahmad Fauzi"]
        assert names(sex=Sex.FEMALE) == ["Nur Aisyah", "Siti Aminah"]
        assert names(category="petani_kecil", sex=Sex.MALE) == ["Ahmad Fauzi"]
        assert names(text="100%") == []  # LIKE wildcards are literal
        by_number = member_page(session, admin, MemberFilter(), sort=MemberSort.NUMBER, descending=True)
        assert [row.number for row in by_number.rows] == ["PAU-000003", "PAU-000002", "PAU-000001"]
        second_page = member_page(session, admin, MemberFilter(), offset=2, limit=2)
        assert second_page.total == 3 and [row.full_name for row in second_page.rows] == ["Siti Aminah"]


def test_every_member_change_is_audited(db, admin, desa):
    from koperasi.services.office import audit

    saved = _register(db, admin, _siti(desa))
    with db.session() as session:
        members.update_member(session, admin, saved.id, replace(saved.data, phone="0812 3456 7890"), expected_version=saved.version, today=TODAY)
        events = audit.recent_events(session, admin, limit=2)
    assert [e.action for e in events] == ["member_updated", "member_registered"]
    assert events[0].before["phone"] == "" and events[0].after["phone"] == "081234567890"


def test_editing_only_the_household_still_stops_a_stale_save(db, admin, desa):
    saved = _register(db, admin, _siti(desa))
    with db.session() as session:
        first = members.update_member(session, admin, saved.id, replace(saved.data, household=()), expected_version=saved.version, today=TODAY)
    assert first.version > saved.version
    with db.session() as session, pytest.raises(ConflictError):
        members.update_member(session, admin, saved.id, replace(saved.data, notes="lama"), expected_version=saved.version, today=TODAY)
    with db.session() as session:
        assert members.get_member(session, admin, saved.id).household_size == 1


def test_leaving_ends_group_memberships_but_a_chair_must_be_replaced_first(db, admin, desa):
    from koperasi.domain.members.register import GroupKind
    from koperasi.services.members import groups

    siti = _register(db, admin, _siti(desa))
    nur = _register(db, admin, _siti(desa, full_name="Nur Aisyah", nik="", birth_date=date(1990, 2, 2)))
    with db.session() as session:
        group = groups.create_group(session, admin, name="Kelompok Tani Maju", kind=GroupKind.FARMERS, desa_id=desa.id)
        for member in (siti, nur):
            groups.add_to_group(session, admin, group.id, member.id, joined_on=date(2026, 1, 1))
        groups.set_chair(session, admin, group.id, siti.id, expected_version=group.version)
        with pytest.raises(ValidationError, match="ketua Kelompok Tani Maju"):
            members.record_leaving(session, admin, siti.id, left_on=TODAY, reason="Pindah", expected_version=siti.version)
        members.record_leaving(session, admin, nur.id, left_on=TODAY, reason="Pindah", expected_version=nur.version)
        assert [m.full_name for m in groups.group_members(session, admin, group.id)] == ["Siti Aminah"]


def test_a_photo_is_a_small_jpeg_or_png_and_can_be_removed(db, admin, desa):
    saved = _register(db, admin, _siti(desa))
    jpeg = picture("JPEG")
    with db.session() as session:
        with pytest.raises(ValidationError, match="JPEG atau PNG"):
            members.set_photo(session, admin, saved.id, b"GIF89a....", expected_version=saved.version)
        with pytest.raises(ValidationError, match="terlalu besar"):
            members.set_photo(session, admin, saved.id, b"\xff\xd8\xff" + b"0" * 500_000, expected_version=saved.version)
        with_photo = members.set_photo(session, admin, saved.id, jpeg, expected_version=saved.version)
        assert with_photo.has_photo and members.get_photo(session, admin, saved.id) == jpeg
        without = members.set_photo(session, admin, saved.id, None, expected_version=with_photo.version)
        assert not without.has_photo and members.get_photo(session, admin, saved.id) is None
