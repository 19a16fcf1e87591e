"""Selling consigned goods: stock limits, the commission rate, the journal entry, retries, returns by
reversal, gapless numbers, append-only history, members who left, and the office's commission setting."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import exc, select, text

from koperasi.db.models import AuditEvent, Sale, SaleLine
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.office.settings import SALES_COMMISSION
from koperasi.services import ledger, ledger_checks
from koperasi.services.members import register as members
from koperasi.services.sales import selling as sales
from koperasi.services.office import settings
from tests.loan_support import account_balance
from tests.sales_support import sales_office
from tests.support import set_up_office

KG = 1000


@pytest.fixture
def office(sqlite_db):
    return sales_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    return sales_office(db, admin)


def _sale_rows(office, sale_id):
    with office.session() as session:
        sale = session.get(Sale, sale_id)
        lines = list(session.scalars(select(SaleLine).where(SaleLine.sale_id == sale_id).order_by(SaleLine.id)))
        entry_lines = ledger.lines_of(session, sale.journal_entry_id)
        session.expunge_all()
        return sale, lines, entry_lines


def _keyed(lines):
    return sorted((line.account.value, line.debit, line.credit) for line in lines)


def _sound(office):
    with office.session() as session:
        assert ledger_checks.ledger_problems(session) == []


# ---- stock ------------------------------------------------------------------------------------


def test_a_sale_cannot_sell_more_than_the_producer_has(both):
    office = both
    siti, rice = office.producer("Siti Aminah"), office.product("Beras organik")
    office.intake(siti, rice, 10 * KG)
    before = office.counts()
    with pytest.raises(ValidationError, match=r"Stok Beras organik titipan Siti Aminah tinggal 10 kg; tidak cukup untuk 12,5 kg"):
        office.sell((siti, rice, 12_500, 15_000))
    assert office.counts() == before
    assert office.stock(siti, rice) == 10 * KG
    sale = office.sell((siti, rice, 10 * KG, 15_000))
    assert sale.total == 150_000
    assert office.stock(siti, rice) == 0
    with pytest.raises(ValidationError, match="tinggal 0 kg; tidak cukup untuk 0,001 kg"):
        office.sell((siti, rice, 1, 15_000))
    _sound(office)


def test_two_lines_of_the_same_producer_and_product_are_summed_against_stock(office):
    siti, rice = office.producer("Siti Aminah"), office.product("Beras organik")
    office.intake(siti, rice, 10 * KG)
    with pytest.raises(ValidationError, match="tinggal 10 kg; tidak cukup untuk 11 kg"):
        office.sell((siti, rice, 6 * KG, 15_000), (siti, rice, 5 * KG, 14_000))
    assert office.stock(siti, rice) == 10 * KG
    sale = office.sell((siti, rice, 6 * KG, 15_000), (siti, rice, 4 * KG, 14_000))
    assert sale.total == 90_000 + 56_000
    assert office.stock(siti, rice) == 0


def test_another_producers_stock_does_not_count(office):
    siti, ani = office.producer("Siti Aminah"), office.producer("Ani Rahmawati")
    rice = office.product()
    office.intake(siti, rice, 10 * KG)
    with pytest.raises(ValidationError, match="titipan Ani Rahmawati tinggal 0 kg"):
        office.sell((ani, rice, 1 * KG, 15_000))
    office.intake(ani, rice, 2 * KG)
    office.sell((siti, rice, 3 * KG, 15_000), (ani, rice, 2 * KG, 15_000))
    assert (office.stock(siti, rice), office.stock(ani, rice)) == (7 * KG, 0)


def test_a_group_consigns_and_sells_on_its_own_stock(office):
    siti = office.producer("Siti Aminah")
    group = office.group_producer("KUP Mawar", [siti.member_id])
    mat = office.product("Tikar anyaman", "lembar", 120_000)
    office.intake(group, mat, 5 * KG)
    with pytest.raises(ValidationError, match="titipan Siti Aminah tinggal 0 lembar"):
        office.sell((siti, mat, 1 * KG, 120_000))
    sale = office.sell((group, mat, 2 * KG, 120_000))
    assert office.stock(group, mat) == 3 * KG
    assert office.payable(group) == sale.total - sale.commission == 216_000
    assert office.payable(siti) == 0


# ---- commission --------------------------------------------------------------------------------


def test_the_commission_rate_is_the_products_then_the_channels_then_the_offices(office):
    siti = office.producer()
    own_rate = office.product("Karet", "kg", 10_000, commission_bp=500)
    no_rate = office.product("Sayur bayam", "ikat", 10_000)
    for product in (own_rate, no_rate):
        office.intake(siti, product, 100 * KG)
    shop, local = office.channel("Toko"), office.channel("Pasar lokal")
    office.set_channel_rate(shop, 1500)

    def rate_of(product, channel):
        sale = office.sell((siti, product, 1 * KG, 10_000), channel_id=channel)
        _, (line,), _ = _sale_rows(office, sale.id)
        with office.session() as session:
            assert sales.rate_for(session, office.clerk, product_id=product, channel_id=channel) == line.commission_bp
        return line.commission_bp, sale.commission

    assert rate_of(own_rate, shop) == (500, 500)  # the product's agreed rate beats the channel's
    assert rate_of(no_rate, shop) == (1500, 1500)
    assert rate_of(no_rate, local) == (1000, 1000)  # the office default: 10 %
    with office.session() as session:
        settings.change_setting(session, office.manager, SALES_COMMISSION, 1250, expected_version=0)
    assert rate_of(no_rate, local) == (1250, 1250)
    assert rate_of(no_rate, shop) == (1500, 1500)
    assert rate_of(own_rate, local) == (500, 500)
    office.set_channel_rate(shop, 0)  # zero is a rate, not "use the default"
    assert rate_of(no_rate, shop) == (0, 0)


def test_a_recorded_sale_keeps_its_rate_when_the_rates_change_later(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    sale = office.sell((siti, rice, 2 * KG, 15_000))
    with office.session() as session:
        settings.change_setting(session, office.admin, SALES_COMMISSION, 2000, expected_version=0)
    _, (line,), _ = _sale_rows(office, sale.id)
    assert (line.commission_bp, line.commission, line.producer_share) == (1000, 3000, 27_000)
    assert office.payable(siti) == 27_000


# ---- the journal ---------------------------------------------------------------------------------


def test_a_sale_posts_cash_in_producer_payable_and_commission_balanced(both):
    office = both
    siti, ani = office.producer("Siti Aminah"), office.producer("Ani Rahmawati")
    rice = office.product("Beras organik", "kg", 3333)
    rubber = office.product("Karet", "kg", 10_005, commission_bp=500)
    office.intake(siti, rice, 10 * KG)
    office.intake(ani, rubber, 10 * KG)
    with office.session() as session:
        cash_before = account_balance(session, Account.CASH)
    sale = office.sell((siti, rice, 2500, 3333), (ani, rubber, 1000, 10_005))
    # 2,5 × 3.333 = 8.332,5 → 8.333; jasa 10 % = 833,3 → 833; share 7.500
    # 1 × 10.005 = 10.005; jasa 5 % = 500,25 → 500; share 9.505
    assert (sale.total, sale.commission) == (18_338, 1333)
    row, lines, entry = _sale_rows(office, sale.id)
    assert sorted((line.total, line.commission, line.producer_share, line.commission_bp) for line in lines) == [
        (8333, 833, 7500, 1000), (10_005, 500, 9505, 500)
    ]
    assert (row.total, row.commission, row.number) == (18_338, 1333, sale.number)
    assert _keyed(entry) == _keyed([debit(Account.CASH, 18_338), credit(Account.PRODUCER_PAYABLE, 17_005),
                                    credit(Account.COMMISSION_INCOME, 1333)])
    with office.session() as session:
        assert account_balance(session, Account.CASH) - cash_before == 18_338
        assert account_balance(session, Account.PRODUCER_PAYABLE) == 17_005
        assert account_balance(session, Account.COMMISSION_INCOME) == 1333
        assert ledger_checks.ledger_problems(session) == []
    assert (office.payable(siti), office.payable(ani)) == (7500, 9505)


def test_a_sale_at_zero_or_full_commission_posts_only_the_lines_with_money(office):
    siti = office.producer()
    free = office.product("Sayur", "ikat", 5000, commission_bp=0)
    all_coop = office.product("Bibit", "buah", 5000, commission_bp=10_000)
    office.intake(siti, free, 10 * KG)
    office.intake(siti, all_coop, 10 * KG)
    _, _, entry = _sale_rows(office, office.sell((siti, free, 2 * KG, 5000)).id)
    assert _keyed(entry) == _keyed([debit(Account.CASH, 10_000), credit(Account.PRODUCER_PAYABLE, 10_000)])
    _, _, entry = _sale_rows(office, office.sell((siti, all_coop, 2 * KG, 5000)).id)
    assert _keyed(entry) == _keyed([debit(Account.CASH, 10_000), credit(Account.COMMISSION_INCOME, 10_000)])
    _sound(office)


# ---- retries ---------------------------------------------------------------------------------------


def test_a_retried_sale_is_recorded_once(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    request = uuid.uuid4()
    first = office.sell((siti, rice, 4 * KG, 15_000), request_id=request)
    counts = office.counts()
    again = office.sell((siti, rice, 4 * KG, 15_000), request_id=request)
    assert again == first
    assert office.counts() == counts
    assert office.stock(siti, rice) == 6 * KG
    assert office.payable(siti) == 54_000


def test_a_retried_sale_reversal_is_posted_once(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    sale = office.sell((siti, rice, 4 * KG, 15_000))
    request = uuid.uuid4()
    first = office.reverse_sale(sale.id, request_id=request)
    counts = office.counts()
    assert office.reverse_sale(sale.id, request_id=request) == first
    assert office.counts() == counts
    assert office.stock(siti, rice) == 10 * KG
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        office.reverse_sale(sale.id)


# ---- returns by reversal -----------------------------------------------------------------------------


def test_reversing_a_sale_returns_the_goods_to_stock_and_the_money_out_of_the_payable(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    keep = office.sell((siti, rice, 1 * KG, 15_000))
    sale = office.sell((siti, rice, 4 * KG, 15_000))
    assert (office.stock(siti, rice), office.payable(siti)) == (5 * KG, 13_500 + 54_000)
    with office.session() as session:
        cash = account_balance(session, Account.CASH)
    office.reverse_sale(sale.id, reason="Beras basah, dikembalikan")
    assert (office.stock(siti, rice), office.payable(siti)) == (9 * KG, 13_500)
    with office.session() as session:
        assert account_balance(session, Account.CASH) == cash - 60_000
        assert account_balance(session, Account.COMMISSION_INCOME) == keep.commission
        detail = sales.sale_detail(session, office.clerk, sale.id)
        assert (detail.cancelled, detail.cancel_reason, detail.number) == (True, "Beras basah, dikembalikan", sale.number)
        page = sales.sale_page(session, office.clerk)
        assert {(row.number, row.cancelled) for row in page.rows} == {(keep.number, False), (sale.number, True)}
        assert ledger_checks.ledger_problems(session) == []
        (event,) = session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.SALE_REVERSED.value)).all()
        assert (event.entity_id, event.reason) == (str(sale.id), "Beras basah, dikembalikan")


def test_a_reversal_needs_a_reason_and_an_existing_sale(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    sale = office.sell((siti, rice, 4 * KG, 15_000))
    with pytest.raises(ValidationError):
        office.reverse_sale(sale.id, reason=" ")
    with pytest.raises(NotFound):
        office.reverse_sale(uuid.uuid4())
    reversal = office.reverse_sale(sale.id)
    with pytest.raises(NotFound):  # a reversal is not itself reversible
        office.reverse_sale(reversal)
    assert office.stock(siti, rice) == 10 * KG


def test_a_paid_out_sale_cannot_be_reversed_until_the_payout_is(both):
    office = both
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    sale = office.sell((siti, rice, 4 * KG, 15_000))  # share 54.000
    payout = office.pay(siti, 30_000)
    before = office.counts()
    with pytest.raises(ValidationError, match="sudah dibayarkan kepada Siti Aminah; batalkan pembayarannya dahulu"):
        office.reverse_sale(sale.id)
    assert office.counts() == before
    assert (office.stock(siti, rice), office.payable(siti)) == (6 * KG, 24_000)
    office.reverse_payout(payout.id)
    office.reverse_sale(sale.id)
    assert (office.stock(siti, rice), office.payable(siti)) == (10 * KG, 0)
    _sound(office)


def test_a_sale_can_be_reversed_when_other_sales_cover_what_was_paid(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    first = office.sell((siti, rice, 4 * KG, 15_000))  # 54.000
    office.sell((siti, rice, 4 * KG, 15_000))  # 54.000
    office.pay(siti, 54_000)
    office.reverse_sale(first.id)
    assert office.payable(siti) == 0
    _sound(office)


# ---- numbers ----------------------------------------------------------------------------------------------


def test_sales_payout_and_intake_numbers_are_gapless_per_year(both):
    office = both
    siti, rice = office.producer(), office.product()
    assert office.intake(siti, rice, 10 * KG, on=date(2025, 12, 30)) == "TTP/PAU/2025/000001"
    assert office.intake(siti, rice, 10 * KG, on=date(2026, 1, 2)) == "TTP/PAU/2026/000001"
    assert office.intake(siti, rice, 10 * KG, on=date(2026, 1, 3)) == "TTP/PAU/2026/000002"
    assert office.sell((siti, rice, 1 * KG, 15_000), on=date(2025, 12, 31)).number == "NJ/PAU/2025/000001"
    with pytest.raises(ValidationError):  # refused sales take no number
        office.sell((siti, rice, 100 * KG, 15_000), on=date(2026, 1, 5))
    first = office.sell((siti, rice, 1 * KG, 15_000), on=date(2026, 1, 5))
    assert first.number == "NJ/PAU/2026/000001"
    office.reverse_sale(first.id)  # the reversal takes no number of its own
    assert office.sell((siti, rice, 1 * KG, 15_000), on=date(2026, 1, 6)).number == "NJ/PAU/2026/000002"
    assert office.pay(siti, 1000, on=date(2025, 12, 31)).number == "BYR/PAU/2025/000001"
    with pytest.raises(ValidationError):
        office.pay(siti, 10**9, on=date(2026, 1, 7))
    paid = office.pay(siti, 1000, on=date(2026, 1, 7))
    assert paid.number == "BYR/PAU/2026/000001"
    office.reverse_payout(paid.id)
    assert office.pay(siti, 1000, on=date(2026, 1, 8)).number == "BYR/PAU/2026/000002"


# ---- append-only -----------------------------------------------------------------------------------------------


APPEND_ONLY_STATEMENTS = (
    "UPDATE sales SET total = total + 1",
    "DELETE FROM sales",
    "UPDATE sale_lines SET producer_share = producer_share + 1",
    "DELETE FROM sale_lines",
    "UPDATE payouts SET amount = amount + 1",
    "DELETE FROM payouts",
    "UPDATE consignment_intakes SET quantity_milli = quantity_milli + 1",
    "DELETE FROM consignment_intakes",
)


def test_the_sales_history_cannot_be_edited_or_deleted_at_the_database(both):
    office = both
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    office.sell((siti, rice, 4 * KG, 15_000))
    office.pay(siti, 10_000)
    for statement in APPEND_ONLY_STATEMENTS:
        with office.session() as session:
            with pytest.raises(exc.DBAPIError, match="append-only"):
                session.execute(text(statement))
            session.rollback()
    with office.session() as session:
        assert ledger_checks.ledger_problems(session) == []
    assert (office.stock(siti, rice), office.payable(siti)) == (6 * KG, 44_000)


# ---- members who left -----------------------------------------------------------------------------------------


def test_a_member_who_left_cannot_consign_or_sell_but_is_still_paid_what_is_owed(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    office.sell((siti, rice, 4 * KG, 15_000))
    with office.session() as session:
        member = members.get_member(session, office.admin, siti.member_id)
        members.record_leaving(session, office.admin, siti.member_id, left_on=date(2026, 5, 1), reason="Pindah ke Jambi",
                               expected_version=member.version)
    with pytest.raises(ValidationError, match="Siti Aminah sudah keluar dari koperasi"):
        office.intake(siti, rice, 1 * KG)
    with pytest.raises(ValidationError, match="sudah keluar"):
        office.sell((siti, rice, 1 * KG, 15_000))
    # What her sales earned is still hers: the payout is not refused.
    paid = office.pay(siti, 54_000, on=date(2026, 5, 2))
    assert paid.amount == 54_000 and office.payable(siti) == 0
    _sound(office)


# ---- input checks ---------------------------------------------------------------------------------------------


def test_a_sale_needs_lines_a_buyer_an_active_channel_and_no_future_date(office):
    siti, rice = office.producer(), office.product()
    office.intake(siti, rice, 10 * KG)
    with pytest.raises(ValidationError, match="paling sedikit satu"):
        office.sell()
    with pytest.raises(ValidationError, match="nama pembeli"):
        office.sell((siti, rice, 1 * KG, 15_000), buyer_name=" ")
    with pytest.raises(ValidationError, match="masa depan"):
        office.sell((siti, rice, 1 * KG, 15_000), on=date(2999, 1, 1))
    with pytest.raises(ValidationError, match="Baris 1"):
        office.sell((siti, rice, 1 * KG, 0))
    with pytest.raises(ValidationError, match="saluran"):
        office.sell((siti, rice, 1 * KG, 15_000), channel_id=uuid.uuid4())
    # 1 gram at Rp4 a kilo is Rp0: it posted a journal entry of one line (an internal error, found by the
    # full-size hostile-input run of issue 18)
    with pytest.raises(ValidationError, match="Baris 1: Nilai baris kurang dari Rp1"):
        office.sell((siti, rice, 1, 4))
    assert office.counts()[1] == 0


# ---- the office's commission setting ---------------------------------------------------------------------------


def test_changing_the_commission_setting_is_audited_and_checked_for_conflicts(both):
    office = both
    with office.session() as session:
        assert settings.read_setting(session, office.clerk, SALES_COMMISSION) == (1000, 0)
        settings.change_setting(session, office.manager, SALES_COMMISSION, 1250, expected_version=0)
    with office.session() as session:
        value, version = settings.read_setting(session, office.clerk, SALES_COMMISSION)
        assert value == 1250 and version >= 1
        with pytest.raises(ConflictError, match="sudah diubah oleh pengguna lain"):
            settings.change_setting(session, office.admin, SALES_COMMISSION, 1500, expected_version=0)
    with office.session() as session, pytest.raises(ValidationError):
        settings.change_setting(session, office.admin, SALES_COMMISSION, 10_001, expected_version=version)
    with office.session() as session:
        assert settings.value_of(session, SALES_COMMISSION) == 1250
        settings.change_setting(session, office.admin, SALES_COMMISSION, 750, expected_version=version)
    with office.session() as session:
        assert settings.read_setting(session, office.clerk, SALES_COMMISSION)[0] == 750
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == AuditAction.SETTING_CHANGED.value).order_by(AuditEvent.id)
        ).all()
    label = SALES_COMMISSION.label
    assert [(e.username, e.entity_id, e.before, e.after) for e in events] == [
        ("ketua", "sales_commission_bp", {label: "10%"}, {label: "12,5%"}),
        ("admin", "sales_commission_bp", {label: "12,5%"}, {label: "7,5%"}),
    ]
