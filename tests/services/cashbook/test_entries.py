"""The office cash book: vouchers, the journal, retries, refusals in Indonesian, reversals under four eyes."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from koperasi.db.models import AuditEvent, CashEntry, JournalEntry
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from koperasi.domain.ledger import Account, AccountGroup
from koperasi.services import accounts, ledger_checks
from koperasi.services.cashbook import entries, papers, queries
from tests.cashbook_support import cash_office
from tests.loan_support import account_balance
from tests.support import TODAY, set_up_office


@pytest.fixture
def office(sqlite_db):
    return cash_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    return cash_office(db, admin)


def test_income_and_expenses_post_cash_against_their_accounts_with_gapless_vouchers(both):
    grant = both.income(5_000_000, Account.GRANT_INCOME, description="Hibah Dinas Koperasi", party="Dinas Koperasi")
    paper = both.expense(150_000, description="Kertas HVS dan tinta")
    honor = both.expense(600_000, Account.HONORARIA_EXPENSE, description="Honor fasilitator")
    assert grant.voucher_number == "BKM/PAU/2026/000001"
    assert (paper.voucher_number, honor.voucher_number) == ("BKK/PAU/2026/000001", "BKK/PAU/2026/000002")
    with both.session() as session:
        assert account_balance(session, Account.CASH) == 5_000_000 - 150_000 - 600_000
        assert account_balance(session, Account.GRANT_INCOME) == 5_000_000
        assert account_balance(session, Account.OPERATING_EXPENSE) == 150_000
        assert account_balance(session, Account.HONORARIA_EXPENSE) == 600_000
        assert ledger_checks.ledger_problems(session) == []
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "cash_entry")).all()
    assert sorted(actions) == ["cash_received", "cash_spent", "cash_spent"]


def test_an_office_account_takes_entries_and_reads_back_from_the_journal_by_its_name(both):
    with both.session() as session:
        assert accounts.proposed_code(session, both.treasurer, AccountGroup.EXPENSE) == "5301"
        added = accounts.add_account(session, both.treasurer, group=AccountGroup.EXPENSE, code="5301", name="Beban listrik dan air")
    both.expense(275_000, added.code, description="Listrik November")
    with both.session() as session:
        assert account_balance(session, Account("5301")) == 275_000
        page = queries.cash_book(session, both.clerk, month=(2026, 11), account="5301")
        assert [(line.account_name, line.out) for line in page.lines] == [("Beban listrik dan air", 275_000)]
        assert ledger_checks.ledger_problems(session) == []


def test_exporting_the_cash_book_is_audited_with_what_left(office):
    office.expense(150_000, description="Kertas HVS dan tinta")
    office.income(500_000, Account.GRANT_INCOME, description="Hibah", party="Dinas Koperasi")
    with office.session() as session:
        shown = queries.cash_book(session, office.clerk, month=(2026, 11))
        exported = queries.cash_book_export(session, office.clerk, month=(2026, 11))
        everything = queries.cash_book_export(session, office.clerk, account="5101")
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "cash_book_exported").order_by(AuditEvent.id)).all()
    assert exported == shown and len(everything.lines) == 1
    assert [(e.username, e.entity_id, e.after) for e in events] == [
        ("kasir", "2026-11", {"akun": "semua", "baris": 2}), ("kasir", "semua", {"akun": "5101", "baris": 1})]


def test_a_retried_save_returns_the_first_voucher_and_a_reused_id_with_other_content_is_refused(both):
    key = uuid.uuid4()
    first = both.expense(80_000, request_id=key, description="Ongkos ojek ke desa")
    again = both.expense(80_000, request_id=key, description="Ongkos ojek ke desa")
    assert again == first
    with pytest.raises(ConflictError, match="sudah tersimpan dengan isi lain"):
        both.expense(90_000, request_id=key, description="Ongkos ojek ke desa")
    with both.session() as session:
        assert len(session.scalars(select(CashEntry)).all()) == 1
        assert len(session.scalars(select(JournalEntry)).all()) == 1


@pytest.mark.parametrize(
    ("change", "message", "field"),
    [
        ({"amount": 0}, "harus lebih dari nol", "amount"),
        ({"amount": -5_000}, "harus lebih dari nol", "amount"),
        ({"on": TODAY + timedelta(days=1)}, "tidak boleh di masa depan", "occurred_on"),
        ({"description": "   "}, "Tuliskan uraian transaksi", "description"),
        ({"account": "5999"}, "Akun 5999 tidak dikenal", "account"),
        ({"account": Account.GRANT_INCOME}, "bukan akun beban", "account"),
        ({"account": Account.CASH}, "bukan akun beban", "account"),
    ],
)
def test_bad_input_is_refused_in_indonesian_and_records_nothing(office, change, message, field):
    arguments = {"amount": 10_000, "description": "Fotokopi"} | change
    amount = arguments.pop("amount")
    with pytest.raises(ValidationError, match=message) as refused:
        office.expense(amount, **arguments)
    assert refused.value.field == field
    with office.session() as session:
        assert session.scalars(select(CashEntry)).all() == []


def test_the_areas_own_income_and_retired_accounts_take_no_cash_book_entry(office):
    with pytest.raises(ValidationError, match="dibukukan otomatis"):
        office.income(10_000, Account.ADMIN_FEE_INCOME)
    with office.session() as session:
        added = accounts.add_account(session, office.manager, group=AccountGroup.INCOME, code="4301", name="Sewa tenda")
    office.income(200_000, "4301", description="Sewa tenda ke desa Pauh")
    with office.session() as session:
        accounts.change_account(session, office.manager, "4301", name="Sewa tenda", retired=True, expected_version=added.version)
    with pytest.raises(ValidationError, match="Akun 4301 Sewa tenda sudah tidak dipakai"):
        office.income(200_000, "4301", description="Sewa tenda lagi")
    with office.session() as session:  # what it already has stays in the book
        assert queries.cash_book(session, office.clerk, account="4301").total_in == 200_000


def test_the_chart_refuses_codes_outside_the_group_taken_codes_and_the_programs_own(office):
    with office.session() as session:
        for code, message in [("6001", "diawali 5"), ("5101", "sudah dipakai"), ("51", "diawali 5")]:
            with pytest.raises(ValidationError, match=message):
                accounts.add_account(session, office.treasurer, group=AccountGroup.EXPENSE, code=code, name="Beban lain")
        with pytest.raises(ValidationError, match="nama akun"):
            accounts.add_account(session, office.treasurer, group=AccountGroup.EXPENSE, code="5301", name=" ")
        with pytest.raises(PermissionDenied):
            accounts.add_account(session, office.clerk, group=AccountGroup.EXPENSE, code="5301", name="Beban lain")


def test_only_those_who_hold_the_cash_record_it(office):
    for actor in (office.clerk, office.manager):
        with pytest.raises(PermissionDenied, match="mencatat pemasukan dan pengeluaran kas kantor"):
            office.expense(10_000, by=actor)
    assert office.expense(10_000, by=office.admin).voucher_number.startswith("BKK/")


def test_a_reversal_needs_a_second_user_and_the_voucher_then_reprints_cancelled(both):
    spent = both.expense(150_000, description="Kertas HVS")
    with both.session() as session:
        request = entries.request_cash_reversal(session, both.treasurer, spent.id, reason="Dicatat dua kali", request_id=uuid.uuid4())
    with both.session() as session, pytest.raises(PermissionDenied, match="empat mata"):
        entries.approve_cash_reversal(session, both.treasurer, request)
    with both.session() as session:
        reversal_id = entries.approve_cash_reversal(session, both.manager, request)
    with both.session() as session:  # a retried approval posts nothing more
        assert entries.approve_cash_reversal(session, both.manager, request) == reversal_id
        assert account_balance(session, Account.CASH) == 0
        assert account_balance(session, Account.OPERATING_EXPENSE) == 0
        voucher = papers.voucher_for(session, both.clerk, spent.id)
        assert voucher.cancelled and voucher.cancel_reason == "Dicatat dua kali"
        page = queries.cash_book(session, both.clerk, month=(2026, 11))
        assert [(line.out, line.into, line.cancelled, line.is_reversal) for line in page.lines] == [
            (150_000, 0, True, False), (0, 150_000, False, True)]
        assert page.net == 0
        with pytest.raises(NotFound):
            papers.voucher_for(session, both.clerk, reversal_id)
        assert ledger_checks.ledger_problems(session) == []
    with both.session() as session, pytest.raises(ValidationError, match="sudah dibatalkan"):
        entries.request_cash_reversal(session, both.treasurer, spent.id, reason="Sekali lagi", request_id=uuid.uuid4())


def test_the_voucher_names_the_account_party_and_clerk(office):
    received = office.income(1_001_000, description="Donasi CSR", party="PT Sawit Makmur")
    with office.session() as session:
        voucher = papers.voucher_for(session, office.clerk, received.id)
    assert (voucher.title, voucher.number, voucher.account_code, voucher.account_name) == (
        "BUKTI KAS MASUK", "BKM/PAU/2026/000001", "4201", "Pendapatan hibah dan donasi")
    assert (voucher.party, voucher.recorded_by, voucher.amount, voucher.cancelled) == (
        "PT Sawit Makmur", "Bendahara", 1_001_000, False)


def test_cash_entries_are_append_only(office):
    office.expense(10_000)
    with office.session() as session, pytest.raises(Exception, match="append-only"):
        session.execute(text("UPDATE cash_entries SET amount = 1"))
    with office.session() as session, pytest.raises(Exception, match="append-only"):
        session.execute(text("DELETE FROM cash_entries"))


def test_doctor_finds_a_cash_book_that_disagrees_with_the_journal(office):
    office.expense(10_000)
    with office.session() as session:
        session.execute(text("DROP TRIGGER cash_entries_no_update"))
        session.execute(text("UPDATE cash_entries SET amount = 20000, change = -20000"))
        problems = ledger_checks.ledger_problems(session)
    assert any("kas kantor" in problem for problem in problems)
