from __future__ import annotations

from koperasi.domain.office.audit import ACTION_LABELS, AuditAction, describe_change


def test_every_audit_action_has_an_indonesian_label():
    assert set(ACTION_LABELS) == set(AuditAction)


def test_describe_change_shows_only_what_changed_in_indonesian():
    before = {"username": "siti", "role": "clerk", "active": True}
    after = {"username": "siti", "role": "treasurer", "active": False}
    assert describe_change(before, after) == "peran: Petugas/Kasir → Bendahara; aktif: ya → tidak"


def test_describe_change_lists_the_values_of_a_new_record():
    assert describe_change(None, {"name": "Bernai", "kind": "desa", "address": ""}) == "nama: Bernai; jenis: desa; alamat: —"
