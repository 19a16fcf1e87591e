"""Beranda's reading of the funds (``fund_positions``) is the fund list's, less the repaid total it never shows."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from koperasi.services.loans import funds
from koperasi.services.loans import lifecycle as loans
from tests.loan_support import loan_office


@pytest.fixture
def office(db, admin):
    return loan_office(db, admin)


def test_fund_positions_are_the_fund_list_without_its_repaid_total(office):
    csr_fund, csr_product = office.second_fund_product()
    first = office.active_loan(office.member("Siti Aminah"))
    second = office.active_loan(office.member("Rina Marlina"), principal=2_000_000, product_id=csr_product)
    lost = office.active_loan(office.member("Budi Santoso"), principal=900_000)
    office.repay(first, 300_000, on=date(2025, 3, 6))
    office.repay(second, 500_000, on=date(2025, 3, 6))
    with office.session() as session:
        loans.write_off_loan(session, office.manager, lost, written_off_on=date(2025, 12, 1),
                             reason="Peminjam meninggal dunia", request_id=uuid.uuid4())
        idle = funds.create_fund(session, office.admin, name="Dana Hibah Lama", donor="Yayasan")
        funds.update_fund(session, office.admin, idle, name="Dana Hibah Lama", donor="Yayasan", notes="", active=False,
                          expected_version=1)
    with office.session() as session:
        listed = funds.list_funds(session, office.admin)
        positions = funds.fund_positions(session, office.admin)
    assert [(f.id, f.name, f.active, f.capital, f.outstanding, f.written_off, f.available) for f in positions] == [
        (f.id, f.name, f.active, f.capital, f.outstanding, f.written_off, f.available) for f in listed]
    by_name = {f.name: f for f in positions}
    assert (by_name["Dana Bergulir Pemkab"].outstanding, by_name["Dana Bergulir Pemkab"].written_off) == (900_000, 900_000)
    assert by_name["Dana CSR Sawit"].available == 50_000_000 - 1_500_000 and csr_fund == by_name["Dana CSR Sawit"].id
    assert not by_name["Dana Hibah Lama"].active
