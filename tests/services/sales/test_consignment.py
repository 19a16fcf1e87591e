"""Consignment intake (titip jual): stock on hand per producer and product, and cancelling a mistaken intake."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from koperasi.domain.errors import NotFound, ValidationError
from koperasi.services import ledger_checks
from koperasi.services.sales import consignment
from koperasi.services.sales import catalogue as sales_catalogue
from tests.sales_support import sales_office
from tests.support import set_up_office

KG = 1000


@pytest.fixture
def office(sqlite_db):
    return sales_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    return sales_office(db, admin)


def test_intakes_add_up_to_the_stock_per_producer_and_product(office):
    siti, ani = office.producer("Siti Aminah"), office.producer("Ani Rahmawati")
    rice, mat = office.product("Beras organik"), office.product("Tikar anyaman", "lembar", 120_000)
    office.intake(siti, rice, 10 * KG)
    office.intake(siti, rice, 2500)
    office.intake(ani, rice, 4 * KG)
    office.intake(ani, mat, 3 * KG)
    office.sell((siti, rice, 2 * KG, 15_000))
    with office.session() as session:
        rows = consignment.stock(session, office.clerk)
        assert [(row.product, row.producer_name, row.received_milli, row.sold_milli, row.on_hand_milli) for row in rows] == [
            ("Beras organik", "Ani Rahmawati", 4 * KG, 0, 4 * KG),
            ("Beras organik", "Siti Aminah", 12_500, 2 * KG, 10_500),
            ("Tikar anyaman", "Ani Rahmawati", 3 * KG, 0, 3 * KG),
        ]
        assert [row.product for row in consignment.stock(session, office.clerk, producer=ani)] == ["Beras organik", "Tikar anyaman"]
        assert [row.producer_name for row in consignment.stock(session, office.clerk, product_id=mat)] == ["Ani Rahmawati"]


def test_sold_out_stock_leaves_the_list_unless_asked_for(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 2 * KG)
    office.sell((siti, rice, 2 * KG, 15_000))
    with office.session() as session:
        assert consignment.stock(session, office.clerk) == []
        (row,) = consignment.stock(session, office.clerk, in_stock_only=False)
        assert (row.received_milli, row.sold_milli, row.on_hand_milli) == (2 * KG, 2 * KG, 0)


def test_an_intake_needs_an_active_product_a_quantity_and_no_future_date(office):
    siti, rice = office.producer(), office.product()
    with pytest.raises(ValidationError, match="Jumlah barang"):
        office.intake(siti, rice, 0)
    with pytest.raises(ValidationError, match="masa depan"):
        office.intake(siti, rice, 1 * KG, on=date(2999, 1, 1))
    with pytest.raises(ValidationError, match="barang yang aktif"):
        office.intake(siti, uuid.uuid4(), 1 * KG)
    with office.session() as session:
        view = next(p for p in sales_catalogue.list_products(session, office.admin) if p.id == rice)
        sales_catalogue.update_product(session, office.admin, rice, view.data, active=False, expected_version=view.version)
    with pytest.raises(ValidationError, match="barang yang aktif"):
        office.intake(siti, rice, 1 * KG)
    assert office.stock(siti, rice) == 0


def test_a_mistaken_intake_is_cancelled_while_its_goods_are_unsold(office):
    siti, rice = office.producer(), office.product()
    number = office.intake(siti, rice, 10 * KG)
    office.reverse_intake(office.intake_id(number))
    assert office.stock(siti, rice) == 0
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        office.reverse_intake(office.intake_id(number))
    with pytest.raises(NotFound):
        office.reverse_intake(office.intake_id(f"{number}-BATAL"))
    with office.session() as session:
        (row,) = consignment.recent_intakes(session, office.clerk)
        assert (row.number, row.cancelled) == (number, True)
        assert ledger_checks.ledger_problems(session) == []


def test_an_intake_cannot_be_cancelled_after_its_goods_were_sold(both):
    office = both
    siti, rice = office.producer(), office.product()
    first = office.intake(siti, rice, 10 * KG)
    second = office.intake(siti, rice, 5 * KG)
    sale = office.sell((siti, rice, 6 * KG, 15_000))  # 9 kg left: the 5 kg intake can go, the 10 kg one cannot
    with pytest.raises(ValidationError, match="Sebagian Beras organik dari titipan ini sudah terjual; batalkan penjualannya dahulu"):
        office.reverse_intake(office.intake_id(first))
    assert office.stock(siti, rice) == 9 * KG
    office.reverse_intake(office.intake_id(second))
    assert office.stock(siti, rice) == 4 * KG
    office.reverse_sale(sale.id)  # the return brings the goods back, so the first intake can go too
    office.reverse_intake(office.intake_id(first))
    assert office.stock(siti, rice) == 0


def test_an_intake_reversal_needs_a_reason(office):
    siti, rice = office.producer(), office.product()
    number = office.intake(siti, rice, 10 * KG)
    with pytest.raises(ValidationError):
        office.reverse_intake(office.intake_id(number), reason="")
    assert office.stock(siti, rice) == 10 * KG
