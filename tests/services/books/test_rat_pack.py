"""The RAT pack of 2025, worked by hand.

The example office received Rp100.000.000 of revolving-fund capital on 1 December 2024 (cash at the end of 2024).
In 2025: Siti saved pokok 100.000 + wajib 200.000 and Rina pokok 100.000 + wajib 100.000 (cash +500.000); Siti's
rice sold for Rp500.000 (cash +500.000: 450.000 owed to her, 50.000 commission); Dewi borrowed Rp1.200.000
(cash −1.200.000) and paid the Rp10.000 fee. Cash at the end of 2025: 99.810.000; SHU 60.000.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent, BookClosing, BookClosingBalance
from koperasi.domain.books.rat import CashActivity, Unit
from koperasi.domain.books.rules import PaymentMethod
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.sales.rules import Producer
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger, ledger_checks
from koperasi.services.books import closing, rat_pack, shu
from koperasi.services.cashbook import entries
from koperasi.services.transaction import write
from tests.books_support import books_office


@pytest.fixture
def year_2025(db, admin):
    books = books_office(db, admin)
    office = books.office
    siti, rina, dewi = office.member("Siti Aminah"), office.member("Rina Wati"), office.member("Dewi Lestari")
    books.close(2024)
    books.deposit(siti, SavingsKind.POKOK, 100_000, date(2025, 1, 15))
    books.deposit(siti, SavingsKind.WAJIB, 200_000, date(2025, 7, 1))
    books.deposit(rina, SavingsKind.POKOK, 100_000, date(2025, 2, 3))
    books.deposit(rina, SavingsKind.WAJIB, 100_000, date(2025, 2, 3))
    product = books.shop.product()
    books.shop.intake(Producer(member_id=siti), product, 1000, on=date(2025, 5, 2))
    books.shop.sell((Producer(member_id=siti), product, 1000, 500_000), on=date(2025, 5, 3))
    office.active_loan(dewi)  # disbursed 6 January 2025 with the Rp10.000 fee
    books.close(2025)
    return books, {"siti": siti, "rina": rina, "dewi": dewi}


def _pack(books, year=2025, actor=None):
    with books.session() as session:
        return rat_pack.rat_pack(session, actor or books.office.clerk, year)


def _lines(section):
    return {line.code: (line.amount, line.previous) for line in section.lines}


def test_the_balance_sheet_of_2025_by_hand(year_2025):
    books, _ = year_2025
    sheet = _pack(books).balance_sheet
    assert (sheet.as_of, sheet.previous_as_of) == (date(2025, 12, 31), date(2024, 12, 31))
    assert _lines(sheet.assets) == {"1101": (99_810_000, 100_000_000), "1301": (1_200_000, 0)}
    assert _lines(sheet.liabilities) == {"2101": (450_000, 0)}
    assert _lines(sheet.equity) == {"3101": (100_000_000, 100_000_000), "3201": (200_000, 0), "3202": (300_000, 0),
                                    "3301": (60_000, 0)}
    assert sheet.assets.total == sheet.liabilities_and_equity == 101_010_000
    assert sheet.assets.previous_total == sheet.previous_liabilities_and_equity == 100_000_000
    assert [line.label for line in sheet.equity.lines] == [
        "Dana bergulir", "Simpanan pokok", "Simpanan wajib", "SHU tahun berjalan"]


def test_the_surplus_statement_and_the_cash_flow_by_hand(year_2025):
    books, _ = year_2025
    pack = _pack(books)
    assert _lines(pack.surplus.income) == {"4101": (50_000, 0), "4102": (10_000, 0)}
    assert pack.surplus.expenses.lines == ()
    assert (pack.surplus.shu, pack.surplus.previous_shu) == (60_000, 0)
    flow = pack.cash_flow
    assert (flow.opening, flow.net, flow.closing) == (100_000_000, -190_000, 99_810_000)
    by_activity = {section.activity: {line.code: (line.received, line.paid) for line in section.lines}
                   for section in flow.sections}
    assert by_activity == {
        CashActivity.OPERATING: {"1301": (0, 1_200_000), "2101": (450_000, 0), "4101": (50_000, 0), "4102": (10_000, 0)},
        CashActivity.FINANCING: {"3201": (200_000, 0), "3202": (300_000, 0)},
    }


def test_the_pack_carries_the_division_the_year_s_work_and_the_roll(year_2025):
    books, people = year_2025
    pack = _pack(books)
    assert pack.shu.divided_on is None and pack.shu.shu == 60_000  # the proposal until the RAT divides it
    work = {figure.label: (figure.value, figure.unit) for figure in pack.work}
    assert work["Anggota pada 31 Desember"] == (3, Unit.COUNT)
    assert work["Pinjaman dicairkan dalam tahun ini"] == (1_200_000, Unit.RUPIAH)
    assert work["Nilai penjualan"] == (500_000, Unit.RUPIAH)
    assert work["Jasa penjualan koperasi"] == (50_000, Unit.RUPIAH)
    assert [attendee.name for attendee in pack.attendees] == ["Siti Aminah", "Rina Wati", "Dewi Lestari"]
    with books.session() as session:
        shu.divide_shu(session, books.office.treasurer, 2025, divided_on=date(2026, 3, 14), request_id=uuid.uuid4())
    with books.session() as session:
        shu.pay_shu(session, books.office.treasurer, 2025, people["siti"], method=PaymentMethod.CASH,
                    paid_on=date(2026, 3, 14), request_id=uuid.uuid4())
    after = _pack(books)
    assert after.shu.divided_on == date(2026, 3, 14)
    assert after.balance_sheet == pack.balance_sheet  # the division and the payment are dated in 2026
    with books.session() as session:
        sheet_2026 = rat_pack.balance_sheet(session, books.office.clerk, 2026)
    liabilities = _lines(sheet_2026.liabilities)
    assert liabilities["2301"][0] == 12_000 + 15_000 - 19_700  # jasa modal and usaha owed, less Siti's 7.200 + 12.500
    assert sheet_2026.assets.total == sheet_2026.liabilities_and_equity


def test_a_year_not_closed_has_no_pack_and_the_making_is_audited(year_2025):
    books, _ = year_2025
    with pytest.raises(ValidationError, match="Tahun buku 2026 belum ditutup"):
        _pack(books, 2026)
    _pack(books, actor=books.office.clerk)
    with books.session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.RAT_PACK_MADE.value)).all()
    assert [(event.user_id, event.after["year"], event.after["shu"]) for event in events] == [
        (books.office.clerk.user_id, 2025, "Rp60.000")]


def test_a_year_at_a_loss_has_nothing_to_divide(db, admin):
    books = books_office(db, admin)
    books.close(2024)
    with books.session() as session:
        entries.record(session, books.office.treasurer, direction=CashDirection.EXPENSE, account=Account.OPERATING_EXPENSE,
                       amount=75_000, occurred_on=date(2025, 4, 1), description="Beli kertas", party="",
                       request_id=uuid.uuid4())
    books.close(2025)
    pack = _pack(books)
    assert pack.shu is None and pack.surplus.shu == -75_000
    assert _lines(pack.balance_sheet.equity)["3301"] == (-75_000, 0)


def test_doctor_checks_hutang_shu_against_the_shares_not_yet_paid(year_2025):
    books, people = year_2025
    with books.session() as session:
        shu.divide_shu(session, books.office.treasurer, 2025, divided_on=date(2026, 3, 14), request_id=uuid.uuid4())
    with books.session() as session:
        shu.pay_shu(session, books.office.treasurer, 2025, people["rina"], method=PaymentMethod.SUKARELA,
                    paid_on=date(2026, 3, 14), request_id=uuid.uuid4())
    with books.session() as session:
        assert ledger_checks.ledger_problems(session) == []
    with books.session() as session, write(session):  # a payment posted without its record of who was paid
        ledger.post(session, books.office.treasurer, key=uuid.uuid4(), entry_date=date(2026, 3, 15), kind="shu_payment",
                    description="Pembayaran SHU tanpa catatan", lines=[debit(Account.SHU_PAYABLE, 1_000),
                                                                      credit(Account.CASH, 1_000)], request={})
    with books.session() as session:
        assert ledger_checks.ledger_problems(session) == [
            "hutang SHU anggota di jurnal Rp21.200 berbeda dari SHU anggota yang belum dibayar Rp22.200"]


def test_the_neraca_of_a_closed_year_reads_the_balances_its_close_kept_and_doctor_checks_them(year_2025):
    books, _ = year_2025
    with books.session() as session:
        kept = closing.closing_balances(session, 2025)
        assert kept == closing.journal_balances(session, date(2025, 12, 31))
        assert kept["3301"] == 60_000 and not any(code.startswith(("4", "5")) for code in kept)  # the close's entry in
        assert closing.closing_balances(session, 2026) is None
        assert ledger_checks.ledger_problems(session) == []
    with books.session() as session, write(session):  # balances kept that are not the journal's
        closing_id = session.scalars(select(BookClosing.id).where(BookClosing.year == 2025)).one()
        session.add_all([BookClosingBalance(closing_id=closing_id, account="1102", balance=-5_000),
                         BookClosingBalance(closing_id=closing_id, account="2102", balance=5_000)])
    with books.session() as session:
        sheet = rat_pack.balance_sheet(session, books.office.clerk, 2025)
        assert _lines(sheet.assets)["1102"] == (5_000, 0)  # what the close kept, not the journal read again
        assert ledger_checks.ledger_problems(session) == ["saldo tutup buku 2025 berbeda dari jurnal pada akun 1102, 2102"]
