"""The SHU's arithmetic: parts by the AD/ART's basis points and members' shares, in whole rupiah that always
sum to the whole (hand-worked examples, then Hypothesis)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.books.rules import (
    SHU_SHARES,
    ShuPart,
    ShuShares,
    check_shares,
    check_year_ended,
    divide,
    format_share,
    largest_remainder,
    year_bounds,
)
from koperasi.domain.errors import ValidationError


def test_the_default_division_of_rp60_000_worked_by_hand():
    parts = divide(60_000, SHU_SHARES.default)
    assert parts == {
        ShuPart.RESERVE: 15_000, ShuPart.CAPITAL: 12_000, ShuPart.BUSINESS: 15_000, ShuPart.BOARD: 6_000,
        ShuPart.STAFF: 3_000, ShuPart.EDUCATION: 3_000, ShuPart.SOCIAL: 3_000, ShuPart.AREA_DEVELOPMENT: 3_000,
    }


def test_the_odd_rupiah_goes_to_the_largest_remainder():
    # 1.000.001 × 25 % = 250.000,25 (cadangan and jasa usaha tie; the earlier part takes it), 20 % = 200.000,2 ...
    parts = divide(1_000_001, SHU_SHARES.default)
    assert parts[ShuPart.RESERVE] == 250_001 and parts[ShuPart.BUSINESS] == 250_000
    assert sum(parts.values()) == 1_000_001


def test_three_equal_members_share_rp100():
    assert largest_remainder(100, [1, 1, 1]) == [34, 33, 33]
    assert largest_remainder(7, [0, 5, 0]) == [0, 7, 0]
    assert largest_remainder(7, [0, 0]) == [0, 0]  # nobody to share: the caller names the account


def test_shares_must_sum_to_exactly_100_percent():
    with pytest.raises(ValidationError, match=r"harus berjumlah tepat 100 % \(sekarang 99,5 %\)"):
        check_shares(ShuShares((2500, 2000, 2500, 1000, 500, 500, 500, 450)))
    with pytest.raises(ValidationError, match="tidak boleh negatif"):
        check_shares(ShuShares((-500, 2000, 2500, 1000, 500, 500, 500, 3500)))
    assert str(ShuShares.parse("2500,2000,2500,1000,500,500,500,500")) == "2500,2000,2500,1000,500,500,500,500"


def test_no_surplus_no_division():
    with pytest.raises(ValidationError, match="Tidak ada SHU untuk dibagi"):
        divide(0, SHU_SHARES.default)
    with pytest.raises(ValidationError, match="Tidak ada SHU untuk dibagi"):
        divide(-5_000, SHU_SHARES.default)


def test_a_year_is_closed_only_after_it_ended():
    with pytest.raises(ValidationError, match="Tahun buku 2026 belum berakhir"):
        check_year_ended(2026, date(2026, 12, 31))
    check_year_ended(2026, date(2027, 1, 1))


def test_shares_read_as_percent():
    assert (format_share(2500), format_share(250), format_share(1)) == ("25 %", "2,5 %", "0,01 %")


@st.composite
def shares(draw):
    cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=len(ShuPart) - 1, max_size=len(ShuPart) - 1)))
    bounds = [0, *cuts, 10_000]
    return ShuShares(tuple(high - low for low, high in zip(bounds, bounds[1:])))


@given(shu=st.integers(1, 10**12), split=shares())
def test_the_parts_sum_exactly_to_the_shu(shu, split):
    parts = divide(shu, split)
    assert sum(parts.values()) == shu
    for part, amount in parts.items():
        exact = shu * split.of(part) / 10_000
        assert abs(amount - exact) < 1


@given(pool=st.integers(0, 10**11), weights=st.lists(st.integers(0, 10**10), min_size=1, max_size=200))
def test_member_shares_sum_exactly_to_the_pool(pool, weights):
    shares = largest_remainder(pool, weights)
    if sum(weights) == 0:
        assert shares == [0] * len(weights)
        return
    assert sum(shares) == pool
    for share, weight in zip(shares, weights):
        assert share * sum(weights) <= pool * weight + sum(weights)  # never more than a rupiah above the exact share
        assert (share + 1) * sum(weights) > pool * weight  # never a rupiah or more below it
        assert weight > 0 or share == 0


@pytest.mark.parametrize("year", [1999, 2101, 2**63, -1, True, "2025", 2025.0, None])
def test_a_year_outside_what_the_books_hold_is_refused_in_words(year):
    with pytest.raises(ValidationError, match="Tahun buku tidak sah"):
        year_bounds(year)
