"""What the sales papers say, checked on hand-worked examples: the nota, the payout slip (payable before
and after, also across a cancelled payout), the producer statement across a period boundary, and the
sales report by product, channel, month, kecamatan and producer group."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from koperasi.domain.members.register import GroupKind, MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.sales.papers import SalesTotal
from koperasi.services.members import groups
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales import papers as sales_papers
from tests.sales_support import sales_office
from tests.support import set_up_office

KG = 1000


@pytest.fixture
def office(sqlite_db):
    return sales_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    return sales_office(db, admin)


def test_the_sales_note_lists_the_lines_and_the_total_for_the_buyer(office):
    siti, ani = office.producer("Siti Aminah"), office.producer("Ani Rahmawati")
    rice, mat = office.product("Beras organik", "kg", 15_000), office.product("Tikar anyaman", "lembar", 120_000)
    office.intake(siti, rice, 10 * KG)
    office.intake(ani, mat, 5 * KG)
    with office.session() as session:
        buyer = sales_catalogue.create_buyer(session, office.clerk, name="CV Jambi Makmur", address="Jl. Lintas Sumatra 12")
    sale = office.sell((siti, rice, 2500, 14_999), (ani, mat, 3 * KG, 120_000), buyer_id=buyer, channel_id=office.channel("Toko"),
                       on=date(2026, 3, 10))
    with office.session() as session:
        note = sales_papers.sales_note(session, office.clerk, sale.id)
    assert (note.number, note.sold_on, note.channel, note.buyer_name, note.buyer_address) == (
        "NJ/PAU/2026/000001", date(2026, 3, 10), "Toko", "CV Jambi Makmur", "Jl. Lintas Sumatra 12"
    )
    # 2,5 × 14.999 = 37.497,5 → 37.498
    lines = sorted((l.product, l.unit, l.quantity_milli, l.unit_price, l.total) for l in note.lines)
    assert lines == [("Beras organik", "kg", 2500, 14_999, 37_498), ("Tikar anyaman", "lembar", 3000, 120_000, 360_000)]
    assert sorted(l.producer.split(" (")[0] for l in note.lines) == ["Ani Rahmawati", "Siti Aminah"]
    assert note.total == sum(l.total for l in note.lines) == 397_498
    assert (note.place, note.clerk_name, note.cancelled, note.needs_meterai) == ("Pauh", "Petugas", False, False)
    office.reverse_sale(sale.id, reason="Pembeli membatalkan pesanan")
    with office.session() as session:
        note = sales_papers.sales_note(session, office.clerk, sale.id)
    assert (note.cancelled, note.cancel_reason, note.total) == (True, "Pembeli membatalkan pesanan", 397_498)


def test_a_large_sale_note_needs_a_meterai(office):
    siti, rubber = office.producer(), office.product("Karet", "kg", 12_000)
    office.intake(siti, rubber, 1000 * KG)
    sale = office.sell((siti, rubber, 500 * KG, 12_000))
    with office.session() as session:
        assert sales_papers.sales_note(session, office.clerk, sale.id).needs_meterai


def test_the_payout_slip_shows_the_payable_before_and_after_even_across_a_cancelled_payout(both):
    office = both
    siti, rice = office.producer(), office.product("Beras organik", "kg", 15_000)
    office.intake(siti, rice, 20 * KG, on=date(2026, 2, 1))
    office.sell((siti, rice, 5 * KG, 15_000), on=date(2026, 2, 10))  # share 67.500
    first = office.pay(siti, 30_000, on=date(2026, 2, 20))
    office.reverse_payout(first.id, reason="Salah jumlah dibayar")
    office.sell((siti, rice, 2500, 15_000), on=date(2026, 3, 5))  # share 33.750
    gone = office.sell((siti, rice, 1 * KG, 15_000), on=date(2026, 3, 6))
    office.reverse_sale(gone.id)
    second = office.pay(siti, 50_000, on=date(2026, 3, 31), period_from=date(2026, 3, 1), period_to=date(2026, 3, 31))
    office.sell((siti, rice, 1 * KG, 15_000), on=date(2026, 4, 2))  # after the slip: never on it
    with office.session() as session:
        slip1 = sales_papers.payout_slip(session, office.treasurer, first.id)
        slip2 = sales_papers.payout_slip(session, office.treasurer, second.id)
    assert (slip1.number, slip1.amount, slip1.payable_before, slip1.payable_after) == ("BYR/PAU/2026/000001", 30_000, 67_500, 37_500)
    assert (slip1.cancelled, slip1.cancel_reason, slip1.lines) == (True, "Salah jumlah dibayar", ())
    # The cancelled payout no longer counts: Siti was owed 67.500 + 33.750 when the second was saved.
    assert (slip2.number, slip2.amount, slip2.payable_before, slip2.payable_after) == ("BYR/PAU/2026/000002", 50_000, 101_250, 51_250)
    assert (slip2.producer, slip2.period_from, slip2.period_to, slip2.cancelled) == (
        "Siti Aminah", date(2026, 3, 1), date(2026, 3, 31), False
    )
    assert [(l.sold_on, l.quantity_milli, l.total, l.commission, l.share) for l in slip2.lines] == [
        (date(2026, 3, 5), 2500, 37_500, 3_750, 33_750)
    ]
    assert slip2.clerk_name == "Bendahara"


def _statement_example(office):
    siti, rice = office.producer(), office.product("Beras organik", "kg", 15_000)
    office.intake(siti, rice, 20 * KG, on=date(2026, 2, 1))  # before the period
    office.sell((siti, rice, 5 * KG, 15_000), on=date(2026, 2, 10))  # share 67.500
    office.pay(siti, 40_000, on=date(2026, 2, 20))  # opening 27.500
    march = office.intake(siti, rice, 10 * KG, on=date(2026, 3, 2))
    in_march = office.sell((siti, rice, 2500, 15_000), on=date(2026, 3, 5))  # 37.500, jasa 3.750, share 33.750
    paid = office.pay(siti, 20_000, on=date(2026, 3, 5))
    later = office.sell((siti, rice, 3 * KG, 14_999), on=date(2026, 3, 12))  # 44.997, jasa 4.499,7 → 4.500, share 40.497
    returned = office.sell((siti, rice, 1 * KG, 15_000), on=date(2026, 3, 15))
    office.reverse_sale(returned.id)
    mistake = office.pay(siti, 10_000, on=date(2026, 3, 20))
    office.reverse_payout(mistake.id)
    office.intake(siti, rice, 4 * KG, on=date(2026, 4, 1))  # after the period
    office.sell((siti, rice, 1 * KG, 15_000), on=date(2026, 4, 2))
    return siti, march, in_march, paid, later


def test_the_producer_statement_runs_the_payable_across_the_period_boundary(office):
    siti, march, in_march, paid, later = _statement_example(office)
    with office.session() as session:
        statement = sales_papers.producer_statement(session, office.clerk, siti, period_from=date(2026, 3, 1),
                                                    period_to=date(2026, 3, 31))
    assert (statement.producer, statement.period_from, statement.period_to) == ("Siti Aminah", date(2026, 3, 1), date(2026, 3, 31))
    assert statement.opening_payable == 67_500 - 40_000 == 27_500
    assert [(l.occurred_on, l.document, l.quantity_milli, l.share, l.paid, l.payable) for l in statement.lines] == [
        (date(2026, 3, 2), march, 10 * KG, 0, 0, 27_500),
        (date(2026, 3, 5), in_march.number, -2500, 33_750, 0, 61_250),
        (date(2026, 3, 5), paid.number, 0, 0, 20_000, 41_250),
        (date(2026, 3, 12), later.number, -3 * KG, 40_497, 0, 81_747),
    ]
    assert statement.closing_payable == 81_747
    # The next period opens where this one closed.
    with office.session() as session:
        april = sales_papers.producer_statement(session, office.clerk, siti, period_from=date(2026, 4, 1),
                                                period_to=date(2026, 4, 30))
    assert april.opening_payable == 81_747
    assert april.closing_payable == 81_747 + 13_500 == office.payable(siti)


def test_the_producer_statement_shows_the_stock_at_the_end_of_the_period(office):
    siti, *_ = _statement_example(office)
    with office.session() as session:
        statement = sales_papers.producer_statement(session, office.clerk, siti, period_from=date(2026, 3, 1),
                                                    period_to=date(2026, 3, 31))
    # 20 + 10 received, 5 + 2,5 + 3 sold by 31 March (the 15 March sale was returned)
    assert [(line.product, line.quantity_milli) for line in statement.stock] == [("Beras organik", 19_500)]


def _member_in(office, name: str, desa_id: uuid.UUID):
    with office.session() as session:
        return members.register_member(
            session, office.admin,
            MemberInput(full_name=name, sex=Sex.MALE, birth_date=date(1979, 4, 4), desa_id=str(desa_id), join_date=date(2024, 1, 2)),
            accept_warnings=True,
        ).id


def test_the_sales_report_totals_by_product_channel_month_kecamatan_and_group(both):
    office = both
    from koperasi.domain.sales.rules import Producer

    with office.session() as session:
        pauh = regions.add_desa(session, office.admin, "15.03.04", name="Lubuk Napal").id
        kota = regions.add_desa(session, office.admin, "15.03.03", name="Sarolangun Kembang").id
    siti = office.producer("Siti Aminah")  # desa Perdamaian, kecamatan Singkut
    budi = Producer(member_id=_member_in(office, "Budi Santoso", kota))
    with office.session() as session:
        group = Producer(group_id=groups.create_group(session, office.admin, name="KUP Mawar", kind=GroupKind.WOMEN_BUSINESS,
                                                      desa_id=pauh).id)
    rice, mat = office.product("Beras organik", "kg", 10_000), office.product("Tikar anyaman", "lembar", 100_000)
    for producer in (siti, budi):
        office.intake(producer, rice, 100 * KG, on=date(2025, 10, 1))
    office.intake(group, mat, 10 * KG, on=date(2025, 10, 1))
    local, shop = office.channel("Pasar lokal"), office.channel("Toko")
    office.sell((siti, rice, 1 * KG, 10_000), on=date(2025, 10, 31))  # before the period
    office.sell((siti, rice, 2 * KG, 10_000), on=date(2025, 11, 3), channel_id=local)  # 20.000 / 2.000
    office.sell((budi, rice, 3 * KG, 10_000), (group, mat, 1 * KG, 100_000), on=date(2026, 1, 15), channel_id=shop)  # 30.000, 100.000
    office.sell((siti, rice, 4 * KG, 10_000), on=date(2026, 2, 1), channel_id=shop)  # 40.000
    returned = office.sell((budi, rice, 5 * KG, 10_000), on=date(2026, 2, 2), channel_id=local)
    office.reverse_sale(returned.id)
    office.sell((group, mat, 2 * KG, 100_000), on=date(2026, 3, 31), channel_id=local)  # 200.000
    office.sell((siti, rice, 1 * KG, 10_000), on=date(2026, 4, 1))  # after the period
    with office.session() as session:
        report = sales_papers.sales_report(session, office.manager, period_from=date(2025, 11, 1), period_to=date(2026, 3, 31))

    def rows(name):
        return [(row.name, row.sales, row.total, row.commission) for row in report.breakdowns[name]]

    assert report.total == SalesTotal("Jumlah", 5, 390_000, 39_000)
    assert report.total.producer_share == 351_000
    assert rows("Produk") == [("Beras organik", 3, 90_000, 9_000), ("Tikar anyaman", 2, 300_000, 30_000)]
    assert rows("Saluran") == [("Pasar lokal", 2, 220_000, 22_000), ("Toko", 3, 170_000, 17_000)]
    assert rows("Bulan") == [  # in calendar order, not alphabetical
        ("November 2025", 1, 20_000, 2_000), ("Januari 2026", 2, 130_000, 13_000),
        ("Februari 2026", 1, 40_000, 4_000), ("Maret 2026", 1, 200_000, 20_000),
    ]
    assert rows("Kecamatan") == [("Pauh", 2, 300_000, 30_000), ("Sarolangun", 1, 30_000, 3_000), ("Singkut", 2, 60_000, 6_000)]
    assert rows("Kelompok penitip") == [("KUP Mawar", 2, 300_000, 30_000), ("Perorangan", 3, 90_000, 9_000)]
    for breakdown in report.breakdowns.values():
        assert sum(row.total for row in breakdown) == report.total.total
        assert sum(row.sales for row in breakdown) == report.total.sales
