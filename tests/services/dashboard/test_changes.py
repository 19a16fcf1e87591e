"""Beranda reads again only what was saved to: the audit events after its mark name the areas."""

from __future__ import annotations

from datetime import date

import pytest
from koperasi.domain.errors import ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.services.dashboard.changes import changes_since
from koperasi.services.dashboard.figures import EVERY_AREA, Area
from koperasi.services.office import audit
from koperasi.services.office.auth import login
from koperasi.services.transaction import write
from tests.sales_support import SalesOffice, sales_office
from tests.support import TEST_PASSWORD


@pytest.fixture
def shop(db, admin) -> SalesOffice:
    return sales_office(db, admin)


def _since(shop: SalesOffice, mark: int | None):
    with shop.session() as session:
        return changes_since(session, shop.admin, mark=mark)


def _mark(shop: SalesOffice) -> int:
    return _since(shop, None).mark


def test_with_no_mark_every_area_is_read(shop):
    changes = _since(shop, None)
    assert changes.areas == EVERY_AREA and changes.mark > 0
    assert _since(shop, changes.mark).areas == frozenset()  # nothing saved since


def test_a_sale_touches_the_sales_area_only(shop):
    producer, rice = shop.producer(), shop.product()
    mark = _mark(shop)
    shop.intake(producer, rice, 100_000, on=date(2026, 3, 2))
    shop.sell((producer, rice, 10_000, 15_000))
    assert _since(shop, mark).areas == {Area.SALES}


def test_a_repayment_touches_the_loans_and_a_new_member_the_members_and_the_names_in_the_arrears(shop):
    office = shop.office
    loan_id = office.approved_loan(office.member("Budi Santoso"), 1_200_000)
    office.disburse(loan_id)
    mark = _mark(shop)
    office.repay(loan_id, 100_000)
    assert _since(shop, mark).areas == {Area.LOANS}
    mark = _mark(shop)
    office.member("Rina Wati")
    assert _since(shop, mark).areas == {Area.MEMBERS, Area.LOANS}


def test_a_log_in_touches_nothing_and_an_entity_not_known_touches_everything(shop):
    mark = _mark(shop)
    with shop.session() as session:
        login(session, shop.clerk.username, TEST_PASSWORD)
    assert _since(shop, mark).areas == frozenset()
    with shop.session() as session, write(session):
        audit.record(session, shop.admin, action=AuditAction.OFFICE_UPDATED, entity="something_new", entity_id="1")
    assert _since(shop, mark).areas == EVERY_AREA


def test_a_mark_past_the_newest_event_reads_everything(shop):
    newest = _mark(shop)
    assert _since(shop, newest + 1000).areas == EVERY_AREA


@pytest.mark.parametrize("mark", [-1, 1.5, "3", True])
def test_a_mark_that_is_no_event_id_is_refused_in_words(shop, mark):
    with pytest.raises(ValidationError, match="Penanda perubahan Beranda"):
        _since(shop, mark)

