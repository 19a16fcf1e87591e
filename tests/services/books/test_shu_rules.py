"""The AD/ART's SHU settings saved as one form: the eight parts summing to 100 %, the jasa modal basis and the
jasa usaha sources, all or none, by the chair or the admin, each change audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.books.rules import (
    SHU_BUSINESS_SOURCES,
    SHU_CAPITAL_BASIS,
    SHU_SHARES,
    BusinessSource,
    CapitalBasis,
    ShuShares,
)
from koperasi.domain.errors import ConflictError, PermissionDenied, ValidationError
from koperasi.services.books import shu
from koperasi.services.office.settings import value_of
from tests.books_support import books_office

NEW_SHARES = ShuShares((3000, 2000, 2000, 1000, 500, 500, 500, 500))


@pytest.fixture
def books(db, admin):
    return books_office(db, admin)


def test_the_rules_start_from_the_ad_art_defaults(books):
    with books.session() as session:
        rules = shu.shu_rules(session, books.office.clerk)
    assert rules == shu.ShuRules(SHU_SHARES.default, CapitalBasis.YEAR_END,
                                 frozenset({BusinessSource.SALES, BusinessSource.ADMIN_FEES}), (0, 0, 0))


def test_the_chair_changes_all_three_and_each_change_is_audited(books):
    with books.session() as session:
        shu.change_shu_rules(session, books.office.manager, shares=NEW_SHARES, capital_basis=CapitalBasis.AVERAGE,
                             sources=frozenset({BusinessSource.SALES}), expected_versions=(0, 0, 0))
        rules = shu.shu_rules(session, books.office.clerk)
        assert rules == shu.ShuRules(NEW_SHARES, CapitalBasis.AVERAGE, frozenset({BusinessSource.SALES}), (1, 1, 1))
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "setting_changed")).all()
        assert {event.entity_id for event in events} == {SHU_SHARES.key, SHU_CAPITAL_BASIS.key, SHU_BUSINESS_SOURCES.key}
        shares_event = next(event for event in events if event.entity_id == SHU_SHARES.key)
        assert shares_event.after[SHU_SHARES.label].startswith("Cadangan 30 %; Jasa modal 20 %; Jasa usaha 20 %")
        # only what changed is written: the basis alone moves its version
        shu.change_shu_rules(session, books.office.manager, shares=NEW_SHARES, capital_basis=CapitalBasis.YEAR_END,
                             sources=frozenset({BusinessSource.SALES}), expected_versions=(1, 1, 1))
        assert shu.shu_rules(session, books.office.clerk).versions == (1, 2, 1)


def test_parts_not_summing_to_100_percent_change_nothing(books):
    short = ShuShares((2500, 2000, 2500, 1000, 500, 500, 500, 0))
    with books.session() as session:
        with pytest.raises(ValidationError, match=r"harus berjumlah tepat 100 % \(sekarang 95 %\)") as refused:
            shu.change_shu_rules(session, books.office.manager, shares=short, capital_basis=CapitalBasis.AVERAGE,
                                 sources=frozenset({BusinessSource.SALES}), expected_versions=(0, 0, 0))
        assert refused.value.field == "shares"
        with pytest.raises(ValidationError, match="paling sedikit satu transaksi"):
            shu.change_shu_rules(session, books.office.manager, shares=NEW_SHARES, capital_basis=CapitalBasis.AVERAGE,
                                 sources=frozenset(), expected_versions=(0, 0, 0))
        assert value_of(session, SHU_SHARES) == SHU_SHARES.default
        assert value_of(session, SHU_CAPITAL_BASIS) is CapitalBasis.YEAR_END


def test_a_stale_form_and_a_treasurer_are_refused(books):
    with books.session() as session:
        shu.change_shu_rules(session, books.office.manager, shares=NEW_SHARES, capital_basis=CapitalBasis.YEAR_END,
                             sources=frozenset(BusinessSource), expected_versions=(0, 0, 0))
        with pytest.raises(ConflictError):
            shu.change_shu_rules(session, books.office.manager, shares=SHU_SHARES.default, capital_basis=CapitalBasis.YEAR_END,
                                 sources=frozenset(BusinessSource), expected_versions=(0, 0, 0))
        with pytest.raises(PermissionDenied):
            shu.change_shu_rules(session, books.office.treasurer, shares=SHU_SHARES.default,
                                 capital_basis=CapitalBasis.YEAR_END, sources=frozenset(BusinessSource),
                                 expected_versions=(1, 0, 0))
        assert value_of(session, SHU_SHARES) == NEW_SHARES
