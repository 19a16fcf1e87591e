from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.members.register import GroupKind, MemberInput
from koperasi.domain.people import Sex
from koperasi.services.members import groups
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.members.search import MemberFilter, member_page


def _member(db, admin, desa, name, birth):
    with db.session() as session:
        return members.register_member(
            session, admin, MemberInput(full_name=name, sex=Sex.FEMALE, birth_date=birth, desa_id=str(desa.id))
        )


def test_group_lifecycle_members_chair_and_history(db, admin):
    with db.session() as session:
        desa = regions.add_desa(session, admin, "15.03.09", name="Perdamaian")
    siti = _member(db, admin, desa, "Siti Aminah", date(1980, 1, 1))
    nur = _member(db, admin, desa, "Nur Aisyah", date(1985, 1, 1))
    with db.session() as session:
        group = groups.create_group(session, admin, name=" KUP  Mekar Sari ", kind=GroupKind.WOMEN_BUSINESS, desa_id=desa.id)
        assert group.name == "KUP Mekar Sari" and group.member_count == 0
        with pytest.raises(ConflictError, match="sudah ada"):
            groups.create_group(session, admin, name="kup mekar sari", kind=GroupKind.FARMERS, desa_id=None)
        groups.add_to_group(session, admin, group.id, siti.id, joined_on=date(2026, 1, 1))
        groups.add_to_group(session, admin, group.id, nur.id, joined_on=date(2026, 2, 1))
        with pytest.raises(ConflictError, match="sudah menjadi anggota"):
            groups.add_to_group(session, admin, group.id, nur.id, joined_on=date(2026, 2, 1))
        with pytest.raises(ValidationError, match="Ketua harus anggota"):
            groups.set_chair(session, admin, group.id, _member(db, admin, desa, "Orang Luar", date(1970, 1, 1)).id, expected_version=group.version)
        groups.set_chair(session, admin, group.id, siti.id, expected_version=group.version)
        with pytest.raises(ValidationError, match="Ketua kelompok tidak dapat dikeluarkan"):
            groups.remove_from_group(session, admin, group.id, siti.id, left_on=date(2026, 6, 1))
        groups.remove_from_group(session, admin, group.id, nur.id, left_on=date(2026, 6, 1))
        listed = groups.list_groups(session, admin)[0]
        assert (listed.chair_name, listed.member_count) == ("Siti Aminah", 1)
        assert [m.full_name for m in groups.group_members(session, admin, group.id)] == ["Siti Aminah"]
        in_group = member_page(session, admin, MemberFilter(group_id=group.id)).rows
        assert [row.full_name for row in in_group] == ["Siti Aminah"]
        assert [name for name, _ in members.get_member(session, admin, nur.id).groups] == []
        assert [name for name, _ in members.get_member(session, admin, siti.id).groups] == ["KUP Mekar Sari"]


def test_a_group_is_renamed_and_retired_with_its_history_kept(db, admin):
    with db.session() as session:
        desa = regions.add_desa(session, admin, "15.03.09", name="Perdamaian")
    siti = _member(db, admin, desa, "Siti Aminah", date(1980, 1, 1))
    with db.session() as session:
        group = groups.create_group(session, admin, name="KUP Mawar", kind=GroupKind.WOMEN_BUSINESS, desa_id=desa.id)
        other = groups.create_group(session, admin, name="KUP Melati", kind=GroupKind.WOMEN_BUSINESS, desa_id=desa.id)
        groups.add_to_group(session, admin, group.id, siti.id, joined_on=date(2026, 1, 1))
        with pytest.raises(ConflictError, match="sudah ada"):
            groups.update_group(session, admin, group.id, name="KUP Melati", kind=GroupKind.WOMEN_BUSINESS, desa_id=desa.id, active=True, expected_version=group.version)
        groups.update_group(session, admin, group.id, name="KUP Mawar Merah", kind=GroupKind.CRAFTS, desa_id=None, active=True, expected_version=group.version)
        renamed = next(g for g in groups.list_groups(session, admin) if g.id == group.id)
        assert (renamed.name, renamed.kind, renamed.desa_name) == ("KUP Mawar Merah", GroupKind.CRAFTS, "—")
        with pytest.raises(ConflictError, match="sudah diubah"):
            groups.update_group(session, admin, group.id, name="X", kind=GroupKind.CRAFTS, desa_id=None, active=False, expected_version=group.version)
        groups.update_group(session, admin, group.id, name="KUP Mawar Merah", kind=GroupKind.CRAFTS, desa_id=None, active=False, expected_version=renamed.version)
        assert [g.name for g in groups.list_groups(session, admin)] == [other.name]
        assert members.get_member(session, admin, siti.id).groups == []  # a retired group is no current group


def test_former_members_are_listed_with_their_dates_after_the_current_ones(db, admin):
    with db.session() as session:
        desa = regions.add_desa(session, admin, "15.03.09", name="Perdamaian")
    siti = _member(db, admin, desa, "Siti Aminah", date(1980, 1, 1))
    nur = _member(db, admin, desa, "Nur Aisyah", date(1985, 1, 1))
    with db.session() as session:
        group = groups.create_group(session, admin, name="KUP Mawar", kind=GroupKind.WOMEN_BUSINESS, desa_id=desa.id)
        groups.add_to_group(session, admin, group.id, nur.id, joined_on=date(2025, 1, 1))
        groups.remove_from_group(session, admin, group.id, nur.id, left_on=date(2025, 6, 30))
        groups.add_to_group(session, admin, group.id, siti.id, joined_on=date(2025, 3, 1))
        groups.remove_from_group(session, admin, group.id, siti.id, left_on=date(2025, 9, 1))
        groups.add_to_group(session, admin, group.id, siti.id, joined_on=date(2026, 1, 1))
        assert [(m.full_name, m.left_on) for m in groups.group_members(session, admin, group.id)] == [("Siti Aminah", None)]
        history = groups.group_members(session, admin, group.id, include_former=True)
        assert [(m.full_name, m.joined_on, m.left_on) for m in history] == [
            ("Siti Aminah", date(2026, 1, 1), None),
            ("Siti Aminah", date(2025, 3, 1), date(2025, 9, 1)),
            ("Nur Aisyah", date(2025, 1, 1), date(2025, 6, 30)),
        ]


def test_a_group_is_created_with_its_chair_who_joins_it(db, admin):
    with db.session() as session:
        desa = regions.add_desa(session, admin, "15.03.09", name="Perdamaian")
    siti = _member(db, admin, desa, "Siti Aminah", date(1980, 1, 1))
    with db.session() as session:
        group = groups.create_group(
            session, admin, name="KUP Mawar", kind=GroupKind.WOMEN_BUSINESS, desa_id=desa.id,
            chair_member_id=siti.id, chair_joined_on=date(2026, 2, 1),
        )
        assert (group.chair_name, group.member_count) == ("Siti Aminah", 1)
        [chair] = groups.group_members(session, admin, group.id)
        assert (chair.full_name, chair.joined_on, chair.is_chair) == ("Siti Aminah", date(2026, 2, 1), True)
        with pytest.raises(ValidationError, match="masa depan"):
            groups.create_group(
                session, admin, name="KUP Melati", kind=GroupKind.WOMEN_BUSINESS, desa_id=None,
                chair_member_id=siti.id, chair_joined_on=date(2999, 1, 1),
            )
        # nothing of the refused group was kept
        assert [g.name for g in groups.list_groups(session, admin)] == ["KUP Mawar"]
