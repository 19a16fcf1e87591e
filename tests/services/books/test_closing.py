"""Closing a financial year: four eyes, in order, once, only after it ended; the closing entry moves the year's
income and expenses into SHU tahun berjalan, and the closed year takes no posting of any kind."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from koperasi.db.models import AuditEvent, BookClosing, SavingsMovement
from koperasi.domain.errors import PermissionDenied, ValidationError
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.ledger import Account, AccountGroup, ClosingStatus, credit, debit
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import accounts, ledger, ledger_checks
from koperasi.services.books import closing
from koperasi.services.cashbook import entries
from koperasi.services.savings import movements
from koperasi.services.transaction import write
from tests.books_support import books_office
from tests.loan_support import account_balance


@pytest.fixture
def books(db, admin):
    return books_office(db, admin)


def _sale_in(books, on: date, price: int = 100_000):
    producer = books.shop.producer()
    product = books.shop.product()
    books.shop.intake(producer, product, 1000, on=on)
    return books.shop.sell((producer, product, 1000, price), on=on)


def test_the_close_moves_the_years_income_into_shu_tahun_berjalan(books):
    assert books.close(2024) is None  # capital only: no income or expenses, nothing to move
    _sale_in(books, date(2025, 3, 10))  # 10 % of Rp100.000
    loan = books.office.active_loan(books.office.member("Rina"))  # admin fee Rp10.000 on 6 January 2025
    assert loan
    with books.session() as session:
        figures = closing.year_figures(session, books.office.treasurer, 2025)
    assert [(line.account, line.amount) for line in figures.income] == [
        (Account.COMMISSION_INCOME, 10_000), (Account.ADMIN_FEE_INCOME, 10_000)]
    assert figures.shu == 20_000

    entry_id = books.close(2025)

    with books.session() as session:
        assert [(line.account, line.debit, line.credit) for line in ledger.lines_of(session, entry_id)] == [
            (Account.COMMISSION_INCOME, 10_000, 0), (Account.ADMIN_FEE_INCOME, 10_000, 0), (Account.SHU_CURRENT, 0, 20_000)]
        assert account_balance(session, Account.SHU_CURRENT) == 20_000
        assert account_balance(session, Account.COMMISSION_INCOME) == 0
        assert closing.year_figures(session, books.office.clerk, 2025).shu == 20_000  # as closed, not zero after it
        row = session.scalars(select(BookClosing).where(BookClosing.year == 2025)).one()
        assert (row.status, row.income, row.expenses, row.decided_by) == ("closed", 20_000, 0, books.office.manager.user_id)
        actions = set(session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "book_closing")))
    assert actions == {"book_closing_requested", "books_closed"}
    debits, credits = books.totals()
    assert debits == credits


def test_the_one_who_asked_does_not_approve(books):
    closing_id = books.request_close(2024, actor=books.office.admin)  # the admin holds both rights
    with pytest.raises(PermissionDenied, match="Anda sendiri yang meminta tutup buku ini"):
        books.approve(closing_id, actor=books.office.admin)
    with books.session() as session:
        assert closing.closed_years(session) == set()
    books.approve(closing_id)  # the chair
    with books.session() as session:
        assert closing.closed_years(session) == {2024}


def test_a_year_not_yet_ended_is_not_closed(books):
    with pytest.raises(ValidationError, match="Tahun buku 2026 belum berakhir"):
        books.request_close(2026)


def test_a_year_is_not_closed_twice(books):
    books.close(2024)
    with pytest.raises(ValidationError, match="Tahun buku 2024 sudah ditutup; tutup buku tidak dilakukan dua kali"):
        books.request_close(2024)


def test_a_pending_close_is_asked_for_once(books):
    books.request_close(2024)
    with pytest.raises(ValidationError, match="sudah diminta dan masih menunggu persetujuan"):
        books.request_close(2024)


def test_years_close_in_order(books):
    with pytest.raises(ValidationError, match="Tahun buku 2024 belum ditutup"):
        books.request_close(2025)


def test_a_retried_request_and_approval_post_once(books):
    request_id = uuid.uuid4()
    assert books.request_close(2024, request_id=request_id) == request_id
    assert books.request_close(2024, request_id=request_id) == request_id
    books.approve(request_id)
    _sale_in(books, date(2025, 2, 1))
    closing_id = books.request_close(2025)
    first = books.approve(closing_id)
    assert books.approve(closing_id) == first


def test_a_rejected_close_leaves_the_year_open_and_may_be_asked_again(books):
    closing_id = books.request_close(2024)
    with books.session() as session:
        with pytest.raises(PermissionDenied):
            closing.reject_closing(session, books.office.treasurer, closing_id, reason="Belum dicocokkan")
        closing.reject_closing(session, books.office.manager, closing_id, reason="Kas belum dicocokkan")
    with pytest.raises(ValidationError, match="sudah ditolak"):
        books.approve(closing_id)
    books.deposit(books.office.member("Rina"), SavingsKind.SUKARELA, 50_000, date(2024, 12, 30))
    books.close(2024)


@pytest.mark.parametrize("role", ["clerk", "treasurer"])
def test_only_the_chair_or_an_admin_approves(books, role):
    closing_id = books.request_close(2024)
    with pytest.raises(PermissionDenied, match="tidak berwenang untuk menyetujui tutup buku"):
        books.approve(closing_id, actor=getattr(books.office, role))


@pytest.mark.parametrize("posting", ["deposit", "repayment", "sale"])
def test_nothing_is_posted_in_a_closed_year(books, posting):
    member_id = books.office.member("Rina")
    loan_id = books.office.active_loan(member_id)
    books.close(2024)
    books.close(2025)
    message = "Tahun buku 2025 sudah ditutup: tidak ada transaksi yang dapat dibukukan dengan tanggal 15-12-2025"
    before = books.totals()
    with pytest.raises(ValidationError, match=message):
        if posting == "deposit":
            books.deposit(member_id, SavingsKind.SUKARELA, 50_000, date(2025, 12, 15))
        elif posting == "repayment":
            books.office.repay(loan_id, 100_000, on=date(2025, 12, 15))
        else:
            _sale_in(books, date(2025, 12, 15))
    assert books.totals() == before
    books.deposit(member_id, SavingsKind.SUKARELA, 50_000, date(2026, 1, 2))  # the new year is open


def test_a_year_before_a_closed_one_takes_nothing_either(books):
    """Years close in order, so one before the first closed year had nothing posted; an entry dated in it now
    would change the closed year's balances (and its neraca)."""
    books.close(2024)
    with pytest.raises(ValidationError, match="Tahun buku 2023 sudah ditutup"), books.session() as session, write(session):
        ledger.post(session, books.office.treasurer, key=uuid.uuid4(), entry_date=date(2023, 6, 1), kind="cash_income",
                    description="Pendapatan lain", lines=[debit(Account.CASH, 1_000), credit(Account.OTHER_INCOME, 1_000)],
                    request={})
    with books.session() as session:
        assert ledger_checks.ledger_problems(session) == []


def test_a_correction_of_a_closed_year_is_a_reversal_dated_in_the_open_year(books):
    member_id = books.office.member("Rina")
    movement = books.deposit(member_id, SavingsKind.SUKARELA, 50_000, date(2025, 6, 1))
    books.close(2024)
    books.close(2025)
    with books.session() as session:
        request = movements.request_savings_reversal(session, books.office.treasurer, movement.id,
                                                     reason="Salah ketik jumlah", request_id=uuid.uuid4())
    with books.session() as session:
        reversal_id = movements.approve_savings_reversal(session, books.office.manager, request)
        reversal = session.get(SavingsMovement, reversal_id)
        assert reversal.occurred_on == date(2026, 11, 28)  # today, in the open year
        assert account_balance(session, Account.SAVINGS_SUKARELA) == 0


def test_the_database_refuses_an_entry_in_a_closed_year_and_a_change_to_the_close(books):
    books.close(2024)
    engine = books.db.engine
    with engine.connect() as connection:
        with pytest.raises(DBAPIError, match="closed financial year"):
            connection.execute(text(
                "INSERT INTO journal_entries (id, idempotency_key, entry_date, kind, description, created_at) "
                "VALUES (:id, :key, :day, 'manual', 'di tahun tertutup', :now)"),
                {"id": _id(engine, uuid.uuid4()), "key": _id(engine, uuid.uuid4()), "day": date(2024, 5, 1),
                 "now": "2026-11-28 09:30:00"})
        connection.rollback()
        with pytest.raises(DBAPIError, match="closed financial year does not change"):
            connection.execute(text("UPDATE book_closings SET status = 'pending'"))
        connection.rollback()
    with books.session() as session:
        assert {row.status for row in closing.closings(session, books.office.clerk)} == {ClosingStatus.CLOSED}


def _id(engine, value: uuid.UUID):
    return value.hex if engine.dialect.name == "sqlite" else value


def test_the_office_cash_book_and_its_own_accounts_close_with_the_year_and_take_nothing_after(books):
    treasurer = books.office.treasurer
    with books.session() as session:
        added = accounts.add_account(session, treasurer, group=AccountGroup.EXPENSE, code="5301", name="Beban listrik")
    for direction, account, amount in ((CashDirection.INCOME, Account.GRANT_INCOME, 2_000_000),
                                       (CashDirection.EXPENSE, added.code, 275_000)):
        with books.session() as session:
            entries.record(session, treasurer, direction=direction, account=account, amount=amount,
                           occurred_on=date(2025, 5, 2), description="Kas kantor 2025", request_id=uuid.uuid4())

    books.close(2024)
    entry_id = books.close(2025)

    with books.session() as session:
        closing_lines = {(line.account.value, line.debit, line.credit) for line in ledger.lines_of(session, entry_id)}
        assert {("4201", 2_000_000, 0), ("5301", 0, 275_000)} <= closing_lines
        assert account_balance(session, Account("5301")) == 0
        assert ledger_checks.ledger_problems(session) == []
    with books.session() as session, pytest.raises(ValidationError, match="Tahun buku 2025 sudah ditutup"):
        entries.record(session, treasurer, direction=CashDirection.EXPENSE, account=added.code, amount=10_000,
                       occurred_on=date(2025, 12, 30), description="Terlambat dicatat", request_id=uuid.uuid4())


@pytest.mark.parametrize("table", [
    "book_closing_balances", "shu_divisions", "shu_division_parts", "shu_member_shares", "shu_payments",
    "shu_payment_reversals", "household_measurements"])
def test_doctor_notices_a_history_table_no_longer_append_only(sqlite_db, table):
    with sqlite_db.engine.begin() as connection:
        connection.execute(text(f"DROP TRIGGER {table}_no_delete"))
    with sqlite_db.session() as session:
        problems = ledger_checks.ledger_problems(session)
    assert f"tabel {table} tidak lagi terkunci (pemicu {table}_no_delete hilang atau dimatikan)" in problems


def _ask_reversal(books, movement_id):
    with books.session() as session:
        return movements.request_savings_reversal(session, books.office.treasurer, movement_id,
                                                  reason="Salah ketik jumlah", request_id=uuid.uuid4())


def test_a_year_with_a_reversal_still_waiting_is_not_closed_until_it_is_decided(books):
    member_id = books.office.member("Rina")
    mistaken = books.deposit(member_id, SavingsKind.SUKARELA, 50_000, date(2025, 6, 1))
    next_year = books.deposit(member_id, SavingsKind.SUKARELA, 20_000, date(2026, 1, 5))
    books.close(2024)
    _ask_reversal(books, next_year.id)  # a movement of the next year does not hold the close back
    closing_id = books.request_close(2025)
    request = _ask_reversal(books, mistaken.id)  # asked for while the close waits for the chair
    message = (r"Tahun buku 2025 belum dapat ditutup: masih ada yang belum dibukukan\. 1 permintaan pembatalan "
               r"transaksi tahun 2025 masih menunggu persetujuan \(Setoran simpanan sukarela KW/PAU/2025/000001, PAU-000001 Rina\)\. "
               r"Setujui atau tolak dulu di Berkas → Pembatalan menunggu persetujuan\.")
    with pytest.raises(ValidationError, match=message):
        books.approve(closing_id)
    with books.session() as session:
        movements.approve_savings_reversal(session, books.office.manager, request)
    books.approve(closing_id)


def test_a_year_is_not_closed_while_the_shu_of_the_year_before_waits_for_its_division(books):
    from koperasi.services.books import shu

    _sale_in(books, date(2024, 5, 2))
    books.close(2024)
    with pytest.raises(ValidationError, match=r"SHU tahun 2024 belum dibagi\. Bagi SHU 2024 menurut keputusan RAT"):
        books.request_close(2025)
    with books.session() as session:
        shu.divide_shu(session, books.office.treasurer, 2024, divided_on=date(2025, 3, 1), request_id=uuid.uuid4())
    books.close(2025)
