"""Dividing the SHU of a closed year and paying members, worked by hand.

2025 in the example office: Siti (pokok 100.000 + wajib 200.000) sold rice worth Rp500.000 through the
cooperative (commission 10 % = Rp50.000); Rina saved pokok 100.000 + wajib 100.000; Dewi borrowed and paid the
Rp10.000 administration fee. Income Rp60.000, no expenses: SHU Rp60.000. By the default AD/ART: cadangan 15.000,
jasa modal 12.000 (Siti 300.000 : Rina 200.000 = 7.200 : 4.800), jasa usaha 15.000 (Siti 50.000 : Dewi 10.000
= 12.500 : 2.500), dana pengurus 6.000, four funds of 3.000.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.books.rules import (
    SHU_BUSINESS_SOURCES,
    SHU_CAPITAL_BASIS,
    BusinessSource,
    BusinessSources,
    CapitalBasis,
    PaymentMethod,
    ShuPart,
)
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.sales.rules import Producer
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger, ledger_checks
from koperasi.services.books import shu
from koperasi.services.office import settings
from koperasi.services.savings import book as savings_book
from tests.books_support import books_office
from tests.loan_support import account_balance

DIVIDED_ON = date(2026, 3, 14)  # the RAT


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


def _divide(books, year=2025, request_id=None):
    with books.session() as session:
        return shu.divide_shu(session, books.office.treasurer, year, divided_on=DIVIDED_ON,
                              request_id=request_id or uuid.uuid4())


def _plan(books, year=2025):
    with books.session() as session:
        return shu.shu_plan(session, books.office.clerk, year)


def test_the_shu_of_2025_divided_by_hand(year_2025):
    books, people = year_2025
    preview = _plan(books)
    assert preview.divided_on is None and preview.shu == 60_000
    _divide(books)
    plan = _plan(books)
    assert plan.divided_on == DIVIDED_ON
    assert {line.part: line.amount for line in plan.parts} == {
        ShuPart.RESERVE: 15_000, ShuPart.CAPITAL: 12_000, ShuPart.BUSINESS: 15_000, ShuPart.BOARD: 6_000,
        ShuPart.STAFF: 3_000, ShuPart.EDUCATION: 3_000, ShuPart.SOCIAL: 3_000, ShuPart.AREA_DEVELOPMENT: 3_000,
    }
    shares = {member.member_id: member for member in plan.members}
    siti, rina, dewi = (shares[people[name]] for name in ("siti", "rina", "dewi"))
    assert (siti.capital_basis, siti.business_basis, siti.jasa_modal, siti.jasa_usaha) == (300_000, 50_000, 7_200, 12_500)
    assert (rina.capital_basis, rina.business_basis, rina.jasa_modal, rina.jasa_usaha) == (200_000, 0, 4_800, 0)
    assert (dewi.capital_basis, dewi.business_basis, dewi.jasa_modal, dewi.jasa_usaha) == (0, 10_000, 0, 2_500)
    assert [member.member_id for member in preview.members] == [member.member_id for member in plan.members]
    with books.session() as session:
        assert account_balance(session, Account.SHU_CURRENT) == 0
        assert account_balance(session, Account.RESERVE) == 15_000
        assert account_balance(session, Account.SHU_PAYABLE) == 27_000
        assert account_balance(session, Account.FUND_BOARD) == 6_000
        assert account_balance(session, Account.SHU_UNDIVIDED) == 0
        assert session.scalar(select(AuditEvent.action).where(AuditEvent.entity == "shu_division")) == "shu_divided"
        assert ledger.unbalanced_entries(session) == []


def test_the_shu_list_is_printed_once_divided(year_2025):
    books, _ = year_2025
    with books.session() as session:
        with pytest.raises(ValidationError, match="SHU tahun 2025 belum dibagi"):
            shu.shu_paper(session, books.office.clerk, 2025)
    _divide(books)
    with books.session() as session:
        paper = shu.shu_paper(session, books.office.clerk, 2025)
        made = session.scalars(select(AuditEvent).where(AuditEvent.action == "shu_list_made")).one()
    assert paper.office.name and paper.plan.divided_on == DIVIDED_ON and paper.printed_on == date(2026, 11, 28)
    # the list names every member with their savings and SHU: its making (PDF or Excel) is audited like a member export
    assert made.user_id == books.office.clerk.user_id and made.entity == "shu_division"


def test_jasa_modal_by_the_average_of_twelve_month_ends(year_2025):
    books, people = year_2025
    with books.session() as session:
        settings.change_setting(session, books.office.manager, SHU_CAPITAL_BASIS, CapitalBasis.AVERAGE, expected_version=0)
    shares = {member.member_id: member for member in _plan(books).members}
    # Siti: 100.000 from January (12 month ends) + 200.000 from July (6) = 2.400.000 (average 200.000);
    # Rina: 200.000 from February (11) = 2.200.000. 12.000 × 24/46 = 6.260,87 -> 6.261; 5.739.
    assert shares[people["siti"]].capital_basis == 2_400_000 and shares[people["rina"]].capital_basis == 2_200_000
    assert (shares[people["siti"]].jasa_modal, shares[people["rina"]].jasa_modal) == (6_261, 5_739)


def test_only_the_chosen_dealings_count_for_jasa_usaha(year_2025):
    books, people = year_2025
    with books.session() as session:
        settings.change_setting(session, books.office.manager, SHU_BUSINESS_SOURCES,
                                BusinessSources({BusinessSource.ADMIN_FEES}), expected_version=0)
    shares = {member.member_id: member for member in _plan(books).members}
    assert shares[people["dewi"]].jasa_usaha == 15_000
    assert shares[people["siti"]].jasa_usaha == 0


def test_a_part_nobody_has_a_basis_for_goes_to_shu_belum_dibagikan(db, admin):
    books = books_office(db, admin)
    member = books.office.member("Siti Aminah")
    books.close(2024)
    books.office.active_loan(member)  # Rp10.000 fee; nobody saved pokok or wajib
    books.close(2025)
    _divide(books)
    plan = _plan(books)
    assert plan.part(ShuPart.CAPITAL).undivided == 2_000
    with books.session() as session:
        assert account_balance(session, Account.SHU_UNDIVIDED) == 2_000
        assert account_balance(session, Account.SHU_PAYABLE) == 2_500


def test_the_shu_is_divided_once_and_only_for_a_closed_year(year_2025):
    books, _ = year_2025
    request_id = uuid.uuid4()
    first = _divide(books, request_id=request_id)
    assert _divide(books, request_id=request_id) == first  # a retry
    with pytest.raises(ValidationError, match="SHU tahun 2025 sudah dibagi"):
        _divide(books)
    with pytest.raises(ValidationError, match="Tahun buku 2026 belum ditutup"):
        _divide(books, year=2026)


def test_a_loss_is_not_divided(db, admin):
    books = books_office(db, admin)
    books.close(2024)
    books.close(2025)
    with pytest.raises(ValidationError, match="Tidak ada SHU untuk dibagi"):
        _divide(books)


def test_members_are_paid_in_cash_or_into_sukarela(year_2025):
    books, people = year_2025
    _divide(books)
    cash_key = uuid.uuid4()
    with books.session() as session:
        paid = shu.pay_shu(session, books.office.treasurer, 2025, people["siti"], method=PaymentMethod.CASH,
                           paid_on=date(2026, 3, 20), request_id=cash_key)
    assert paid.amount == 19_700 and paid.receipt_number.startswith("KW/")
    with books.session() as session:
        again = shu.pay_shu(session, books.office.treasurer, 2025, people["siti"],
                            method=PaymentMethod.CASH, paid_on=date(2026, 3, 20), request_id=cash_key)
        assert again == paid
        into = shu.pay_shu(session, books.office.treasurer, 2025, people["rina"],
                           method=PaymentMethod.SUKARELA, paid_on=date(2026, 3, 20), request_id=uuid.uuid4())
    assert into.amount == 4_800 and into.savings_movement_id is not None
    with books.session() as session:
        assert savings_book.balances(session, people["rina"])[SavingsKind.SUKARELA] == 4_800
        assert account_balance(session, Account.SHU_PAYABLE) == 27_000 - 19_700 - 4_800
        with pytest.raises(ValidationError, match="sudah dibayarkan"):
            shu.pay_shu(session, books.office.treasurer, 2025, people["siti"], method=PaymentMethod.SUKARELA,
                        paid_on=date(2026, 3, 21), request_id=uuid.uuid4())
        assert ledger.unbalanced_entries(session) == []
        assert ledger_checks.ledger_problems(session) == []
    with books.session() as session:
        receipt = shu.shu_receipt(session, books.office.clerk, 2025, people["siti"])
        assert (receipt.number, receipt.amount, receipt.received_by, receipt.paid_by_member) == (
            paid.receipt_number, 19_700, "Siti Aminah", False)
        assert [(line.label, line.amount) for line in receipt.lines] == [("Jasa modal", 7_200), ("Jasa usaha", 12_500)]
        with pytest.raises(NotFound):
            shu.shu_receipt(session, books.office.clerk, 2025, people["rina"])  # paid into sukarela: its savings kwitansi
    plan = _plan(books)
    paid_rows = {member.member_id: member for member in plan.members}
    assert paid_rows[people["siti"]].paid_by is PaymentMethod.CASH
    assert paid_rows[people["rina"]].paid_by is PaymentMethod.SUKARELA and paid_rows[people["rina"]].receipt_number
    assert paid_rows[people["dewi"]].paid_by is None
