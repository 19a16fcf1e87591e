"""Every service that moves sales money or goods writes its audit event: who, which action, which record, what amount.

A test per service, so that dropping the audit call of any one of them fails here by name."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.office.audit import AuditAction
from tests.sales_support import sales_office
from tests.support import set_up_office


@pytest.fixture
def shop(sqlite_db):
    return sales_office(sqlite_db, set_up_office(sqlite_db))


def events(shop, action: AuditAction) -> list[AuditEvent]:
    with shop.session() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == action.value).order_by(AuditEvent.id)).all()
        session.expunge_all()
        return list(rows)


def only(shop, action: AuditAction) -> AuditEvent:
    (event,) = events(shop, action)
    return event


def _stocked(shop):
    producer = shop.producer()
    rice = shop.product()
    number = shop.intake(producer, rice, 10_000)
    return producer, rice, number


def test_an_intake_and_its_cancellation_are_audited_with_the_quantity(shop):
    producer, rice, number = _stocked(shop)
    recorded = only(shop, AuditAction.INTAKE_RECORDED)
    intake_id = shop.intake_id(number)
    assert (recorded.username, recorded.entity, recorded.entity_id) == ("petugas", "intake", str(intake_id))
    assert (recorded.after["number"], recorded.after["amount"]) == (number, "10 kg")
    shop.reverse_intake(intake_id, reason="Salah catat barang")
    cancelled = only(shop, AuditAction.INTAKE_REVERSED)
    assert (cancelled.entity_id, cancelled.before, cancelled.reason) == (str(intake_id), {"number": number}, "Salah catat barang")


def test_a_sale_is_audited_with_its_total(shop):
    producer, rice, _ = _stocked(shop)
    sale = shop.sell((producer, rice, 2_000, 15_000))
    event = only(shop, AuditAction.SALE_RECORDED)
    assert (event.username, event.entity, event.entity_id) == ("petugas", "sale", str(sale.id))
    assert (event.after["number"], event.after["amount"], event.after["rows"]) == (sale.number, "Rp30.000", 1)


def test_a_sale_reversal_is_audited_when_asked_posted_and_approved(shop):
    producer, rice, _ = _stocked(shop)
    sale = shop.sell((producer, rice, 2_000, 15_000))
    shop.reverse_sale(sale.id, reason="Barang dikembalikan pembeli")
    asked = only(shop, AuditAction.REVERSAL_REQUESTED)
    assert (asked.username, asked.entity, asked.entity_id, asked.after["amount"]) == ("bendahara", "sale", str(sale.id), "Rp30.000")
    posted = only(shop, AuditAction.SALE_REVERSED)
    assert (posted.username, posted.entity_id, posted.before) == ("ketua", str(sale.id), {"number": sale.number, "amount": "Rp30.000"})
    assert only(shop, AuditAction.REVERSAL_APPROVED).username == "ketua"


def test_a_payout_and_its_reversal_are_audited_with_the_amount(shop):
    producer, rice, _ = _stocked(shop)
    shop.sell((producer, rice, 2_000, 15_000))
    paid = shop.pay(producer, 10_000)
    made = only(shop, AuditAction.PAYOUT_MADE)
    assert (made.username, made.entity, made.entity_id) == ("bendahara", "payout", str(paid.id))
    assert (made.after["number"], made.after["amount"], made.after["producer"]) == (paid.number, "Rp10.000", "Siti Aminah")
    shop.reverse_payout(paid.id, reason="Salah bayar orang")
    posted = only(shop, AuditAction.PAYOUT_REVERSED)
    assert (posted.username, posted.entity_id, posted.before) == ("ketua", str(paid.id), {"number": paid.number, "amount": "Rp10.000"})
    asked = only(shop, AuditAction.REVERSAL_REQUESTED)
    assert (asked.entity, asked.entity_id, asked.after["amount"]) == ("payout", str(paid.id), "Rp10.000")


def test_pay_all_audits_one_payout_per_producer_with_its_amount(shop):
    siti, rice, _ = _stocked(shop)
    rahma = shop.producer("Rahmawati")
    shop.intake(rahma, rice, 5_000)
    shop.sell((siti, rice, 2_000, 15_000), (rahma, rice, 1_000, 15_000))
    paid = shop.pay_all()
    made = events(shop, AuditAction.PAYOUT_MADE)
    assert sorted((e.entity_id, e.after["amount"]) for e in made) == sorted(
        (str(p.id), f"Rp{p.amount:,}".replace(",", ".")) for p in paid
    )
    assert len(made) == 2 and all(p.amount > 0 for p in paid)
