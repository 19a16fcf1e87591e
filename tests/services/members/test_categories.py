"""Vulnerability categories are an editable list: add, rename, retire and use again."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.services.office import audit
from koperasi.services.members import categories
from koperasi.services.members import export as member_export
from koperasi.services.members import search as member_search
from koperasi.services.members import register as members
from koperasi.services.office import regions
from tests.services.members.test_excel import _preview, _roster, _row

TODAY = date(2026, 11, 28)


@pytest.fixture
def bernai(db, admin):
    with db.session() as session:
        return regions.add_desa(session, admin, "15.03.03", name="Bernai")


def _siti(desa, categories) -> MemberInput:
    return MemberInput(
        full_name="Siti Aminah", sex=Sex.FEMALE, birth_date=date(1980, 5, 5), desa_id=str(desa.id), categories=frozenset(categories)
    )


def test_a_category_is_renamed_with_its_members_kept_and_audited(db, admin, bernai):
    with db.session() as session:
        code, _ = categories.add_category(session, admin, name="Disabilitas")
        siti = members.register_member(session, admin, _siti(bernai, {code}))
        renamed = categories.rename_category(session, admin, code, name="  Penyandang   disabilitas ")
        assert (renamed.code, renamed.name, renamed.active, renamed.member_count) == (code, "Penyandang disabilitas", True, 1)
        assert members.get_member(session, admin, siti.id).category_names == ["Penyandang disabilitas"]
        event = audit.recent_events(session, admin, limit=1)[0]
        assert event.action == AuditAction.CATEGORY_RENAMED and event.entity_id == code
        assert (event.before, event.after) == ({"name": "Disabilitas"}, {"name": "Penyandang disabilitas"})


@pytest.mark.parametrize(
    ("name", "refusal", "kind"),
    [
        ("", "wajib diisi", ValidationError),
        ("ab", "paling sedikit 3", ValidationError),
        ("x" * 81, "paling banyak 80", ValidationError),
        ("petani KECIL", "sudah ada", ConflictError),
    ],
)
def test_rename_and_add_refuse_bad_or_taken_names(db, admin, name, refusal, kind):
    with db.session() as session:
        with pytest.raises(kind, match=refusal):
            categories.rename_category(session, admin, "buruh_harian", name=name)
        with pytest.raises(kind, match=refusal):
            categories.add_category(session, admin, name=name)


def test_a_category_keeps_its_own_name_in_another_case_and_unknown_codes_are_refused(db, admin):
    with db.session() as session:
        assert categories.rename_category(session, admin, "petani_kecil", name="PETANI KECIL").name == "PETANI KECIL"
        with pytest.raises(NotFound):
            categories.rename_category(session, admin, "astronot", name="Astronot")
        with pytest.raises(NotFound):
            categories.set_category_active(session, admin, "astronot", active=False)


def test_a_retired_category_stays_on_its_members_and_in_filters_but_is_not_a_new_choice(db, admin, bernai):
    with db.session() as session:
        siti = members.register_member(session, admin, _siti(bernai, {"petani_kecil", "buruh_harian"}))
        retired = categories.set_category_active(session, admin, "buruh_harian", active=False)
        assert not retired.active and retired.member_count == 1
        assert "buruh_harian" not in dict(categories.list_categories(session))
        assert [(c.code, c.active) for c in categories.all_categories(session) if c.code == "buruh_harian"] == [("buruh_harian", False)]
        # the member keeps it, and an edit that keeps it is accepted
        detail = members.get_member(session, admin, siti.id)
        assert "buruh_harian" in detail.data.categories
        updated = members.update_member(session, admin, siti.id, detail.data, expected_version=detail.version, today=TODAY)
        assert "buruh_harian" in updated.data.categories
        # filters and exports find it by name
        found = member_search.member_page(session, admin, member_search.MemberFilter(category="buruh_harian"))
        assert [row.full_name for row in found.rows] == ["Siti Aminah"]
        assert member_export.export_members(session, admin, member_search.MemberFilter(category="buruh_harian"))
        # but no one new gets it
        with pytest.raises(ValidationError, match="tidak dipakai untuk pilihan baru: Buruh harian"):
            members.register_member(session, admin, MemberInput(
                full_name="Nur Aisyah", sex=Sex.FEMALE, birth_date=date(1990, 7, 6), desa_id=str(bernai.id),
                categories=frozenset({"buruh_harian"}),
            ))
        without = members.update_member(
            session, admin, siti.id, _siti(bernai, {"petani_kecil"}), expected_version=updated.version, today=TODAY
        )
        with pytest.raises(ValidationError, match="tidak dipakai untuk pilihan baru"):
            members.update_member(session, admin, siti.id, _siti(bernai, {"buruh_harian"}), expected_version=without.version, today=TODAY)
        actions = [e.action for e in audit.recent_events(session, admin, limit=20)]
        assert AuditAction.CATEGORY_RETIRED in actions
        # used again: offered again
        again = categories.set_category_active(session, admin, "buruh_harian", active=True)
        assert again.active and "buruh_harian" in dict(categories.list_categories(session))
        assert audit.recent_events(session, admin, limit=1)[0].action == AuditAction.CATEGORY_REACTIVATED


def test_retiring_twice_writes_one_audit_event(db, admin):
    with db.session() as session:
        categories.set_category_active(session, admin, "petani_kecil", active=False)
        categories.set_category_active(session, admin, "petani_kecil", active=False)
        retired = [e for e in audit.recent_events(session, admin) if e.action == AuditAction.CATEGORY_RETIRED]
        assert len(retired) == 1


def test_an_import_names_a_retired_category_as_retired(db, admin, bernai):
    with db.session() as session:
        categories.set_category_active(session, admin, "buruh_harian", active=False)
    preview = _preview(db, admin, _roster(_row(categories="Buruh harian"), _row(full_name="Nur", categories="Astronot")))
    reasons = [row.reason for row in preview.rejected]
    assert reasons == ["Kategori sudah tidak dipakai: Buruh harian.", "Kategori tidak dikenal: Astronot."]
