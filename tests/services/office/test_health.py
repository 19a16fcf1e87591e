"""``koperasi doctor`` notices each promise broken on purpose behind the program's back."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from koperasi.services.office import health
from tests.loan_support import loan_office


def _failed(db) -> dict[str, str]:
    with db.session() as session:
        report = health.examine(session)
    return {check.name: check.detail for check in report.checks if not check.ok}


def _drop_guard(db, connection, table: str) -> None:
    """Let a raw connection change an append-only table, as a tamperer would."""
    if db.is_sqlite:
        connection.execute(text(f"DROP TRIGGER {table}_no_update"))
        connection.execute(text(f"DROP TRIGGER {table}_no_delete"))
    else:
        connection.execute(text(f"DROP TRIGGER {table}_no_change ON {table}"))


@pytest.fixture
def office(db, admin):
    office = loan_office(db, admin)
    for name in ("Siti Aminah", "Rina Marlina", "Yuli Hartati"):
        loan_id = office.active_loan(office.member(name))
        office.repay(loan_id, 100_000)
        office.repay(loan_id, 100_000)
    assert _failed(db) == {}
    return office


def test_a_sound_office_passes_every_check(office):
    with office.session() as session:
        report = health.examine(session)
    assert report.ok
    assert [check.name for check in report.checks] == [
        "Versi skema", "Keutuhan berkas", "Catatan audit terkunci", "Rantai catatan audit", "Pembukuan", "Nomor dokumen"
    ]


def test_a_dropped_or_disabled_money_trigger_is_named(db, office):
    with db.engine.begin() as connection:
        if db.is_sqlite:
            connection.execute(text("DROP TRIGGER loan_movements_no_delete"))
        else:
            connection.execute(text("ALTER TABLE loan_movements DISABLE TRIGGER loan_movements_no_change"))
    failed = _failed(db)
    assert list(failed) == ["Pembukuan"]
    assert "tabel loan_movements tidak lagi terkunci" in failed["Pembukuan"]


def test_a_disabled_audit_trigger_is_named(db, office):
    with db.engine.begin() as connection:
        if db.is_sqlite:
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
        else:
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change"))
    failed = _failed(db)
    assert list(failed) == ["Catatan audit terkunci"]
    assert "audit_events_no_" in failed["Catatan audit terkunci"]


def test_an_unbalanced_journal_entry_is_reported(db, office):
    with db.engine.begin() as connection:
        _drop_guard(db, connection, "journal_lines")
        connection.execute(text(
            "UPDATE journal_lines SET debit = debit + 1 WHERE id = (SELECT max(id) FROM journal_lines WHERE debit > 0)"
        ))
    failed = _failed(db)
    assert "1 jurnal tidak seimbang" in failed["Pembukuan"]
    assert "neraca saldo tidak seimbang" in failed["Pembukuan"]


def test_a_deleted_receipt_leaves_a_hole_the_doctor_names(db, office):
    with db.engine.begin() as connection:
        _drop_guard(db, connection, "loan_movements")
        number = connection.execute(text(
            "SELECT receipt_number FROM loan_movements WHERE kind = 'repayment' ORDER BY receipt_number LIMIT 1"
        )).scalar_one()
        connection.execute(text("DELETE FROM loan_movements WHERE receipt_number = :n"), {"n": number})
    failed = _failed(db)
    assert f"Kwitansi PAU 2025: nomor hilang {number} (penghitung sampai" in failed["Nomor dokumen"]
    assert "pinjaman tidak cocok dengan transaksinya" in failed["Pembukuan"]


def test_a_deleted_member_a_stray_number_and_a_lost_counter_are_each_reported(db, office):
    with db.engine.begin() as connection:
        member_id = connection.execute(text("SELECT id FROM members WHERE number = 'PAU-000002'")).scalar_one()
        for table in ("member_categories", "household_members", "group_memberships"):
            connection.execute(text(f"DELETE FROM {table} WHERE member_id = :m"), {"m": member_id})
        # The member has a loan: move it to another member so the row can go.
        other = connection.execute(text("SELECT id FROM members WHERE number = 'PAU-000001'")).scalar_one()
        connection.execute(text("UPDATE loans SET member_id = :o WHERE member_id = :m"), {"o": other, "m": member_id})
        connection.execute(text("DELETE FROM members WHERE id = :m"), {"m": member_id})
        connection.execute(text("UPDATE document_counters SET last_number = last_number - 1 WHERE doc_type = 'PJM'"))
        connection.execute(text("DELETE FROM document_counters WHERE doc_type = 'KW'"))
    detail = _failed(db)["Nomor dokumen"]
    assert "Nomor anggota PAU: nomor hilang PAU-000002 (penghitung sampai 3)" in detail
    assert "Nomor pinjaman PAU 2025: nomor PJM/PAU/2025/000003 melewati penghitung (terakhir 2)" in detail
    assert "Kwitansi PAU 2025: 12 nomor (mis. KW/PAU/2025/000001) tanpa penghitung" in detail


def test_a_counter_ahead_of_its_documents_is_a_hole(db, office):
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE document_counters SET last_number = last_number + 3 WHERE doc_type = 'KW'"))
    detail = _failed(db)["Nomor dokumen"]
    assert detail.startswith(
        "Kwitansi PAU 2025: nomor hilang KW/PAU/2025/000013, KW/PAU/2025/000014, KW/PAU/2025/000015"
    ), detail


def test_receipts_typed_from_a_receipt_book_are_not_counted(db, office):
    """(Cancelled intakes, "TTP/...-BATAL", are in the demo office, which test_demo checks passes the doctor.)"""
    loan_id = office.active_loan(office.member("Dewi Sartika"))
    office.repay(loan_id, 50_000, receipt_number="BUKU-7/12")
    with db.session() as session:
        assert health.number_problems(session) == []
    assert _failed(db) == {}


def test_a_search_index_that_stopped_following_its_rows_is_named(db, office):
    """SQLite: a trigram index whose triggers a table rebuild dropped, or whose rows were changed behind them."""
    if not db.is_sqlite:
        pytest.skip("PostgreSQL's trigram indexes are its own")
    with db.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER members_search_au"))
        connection.execute(text("UPDATE members SET search_text = 'nama lain' WHERE rowid = (SELECT min(rowid) FROM members)"))
        connection.execute(text(
            "CREATE TRIGGER members_search_au AFTER UPDATE OF search_text ON members BEGIN SELECT 1; END"
        ))
        connection.execute(text("DROP TRIGGER loans_search_au"))
        connection.execute(text("UPDATE member_search_loans SET search_text = 'pjm/x/0 tidak ada' WHERE rowid = (SELECT min(rowid) FROM loans)"))
    failed = _failed(db)
    assert list(failed) == ["Keutuhan berkas"]
    detail = failed["Keutuhan berkas"]
    assert "indeks pencarian pinjaman tidak lengkap (hilang: loans_search_au)" in detail
    assert "indeks pencarian anggota tidak cocok dengan data anggota" in detail
    assert "indeks pencarian pinjaman tidak cocok dengan 1 pinjaman" in detail


def test_members_sort_keys_that_stopped_following_their_rows_are_named(db, office):
    """SQLite: the sort keys of migration 0030 without one of their triggers, and out of step with a renamed member."""
    if not db.is_sqlite:
        pytest.skip("PostgreSQL has no such table")
    office.member("Dewi Sartika")
    with db.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER members_order_au"))
        connection.execute(text("UPDATE members SET full_name = 'Nama Lain' WHERE rowid = (SELECT min(rowid) FROM members)"))
    detail = _failed(db)["Keutuhan berkas"]
    assert "indeks pencarian urutan anggota tidak lengkap (hilang: members_order_au)" in detail
    assert "indeks pencarian urutan anggota tidak cocok dengan 1 anggota" in detail
