"""Consignment arithmetic: the split never loses or creates a rupiah, line totals round half up once,
quantities and percentages read back what they printed, and the commission rate's precedence."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from koperasi.domain.errors import ValidationError
from koperasi.domain.sales.rules import (
    MAX_QUANTITY_MILLI,
    MAX_UNIT_PRICE,
    effective_commission,
    format_percent,
    format_quantity,
    line_total,
    parse_percent,
    parse_quantity,
    split_line,
)

quantities = st.integers(1, MAX_QUANTITY_MILLI)
prices = st.integers(1, MAX_UNIT_PRICE)
rates = st.integers(0, 10_000)
optional_rates = st.none() | rates


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@given(quantity=quantities, price=prices, rate=rates)
def test_share_plus_commission_is_the_total_to_the_rupiah(quantity, price, rate):
    assume(line_total(quantity, price) >= 1)  # a line worth less than Rp1 is refused (test_nonsense_lines_are_refused)
    split = split_line(quantity, price, rate)
    assert split.producer_share + split.commission == split.total
    assert split.producer_share >= 0 and split.commission >= 0
    assert split.total == _half_up(Decimal(quantity) * price / 1000)
    assert split.commission == _half_up(Decimal(split.total) * rate / 10_000)


@given(quantity=quantities, price=prices)
def test_a_line_total_is_quantity_times_price_rounded_half_up_once(quantity, price):
    expected = (Decimal(quantity) * Decimal(price) / Decimal(1000)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert line_total(quantity, price) == int(expected)


@pytest.mark.parametrize(
    ("quantity", "price", "total"),
    [(2500, 3333, 8333), (1500, 3, 5), (500, 1, 1), (499, 1, 0), (1, 500, 1), (1, 499, 0), (1000, 15_000, 15_000)],
)
def test_line_totals_by_hand(quantity, price, total):
    assert line_total(quantity, price) == total


def test_the_whole_total_goes_to_one_side_at_the_ends_of_the_rate():
    assert split_line(2500, 3333, 0).commission == 0
    assert split_line(2500, 3333, 10_000).producer_share == 0
    assert split_line(1000, 10_005, 1000).commission == 1001  # 1000,5 rounds up


@pytest.mark.parametrize(
    ("quantity", "price", "rate"),
    [(0, 1000, 1000), (-5, 1000, 1000), (MAX_QUANTITY_MILLI + 1, 1000, 1000), (1000, 0, 1000),
     (1000, MAX_UNIT_PRICE + 1, 1000), (1000, 1000, -1), (1000, 1000, 10_001), (1000.0, 1000, 1000), (1000, 1000, True),
     (1, 4, 1000)],  # 1 gram at Rp4 a kilo: Rp0
)
def test_nonsense_lines_are_refused(quantity, price, rate):
    with pytest.raises(ValidationError):
        split_line(quantity, price, rate)


@given(quantity=quantities)
def test_a_printed_quantity_reads_back_the_same(quantity):
    assert parse_quantity(format_quantity(quantity)) == quantity


@pytest.mark.parametrize(
    ("text", "milli"),
    [("2,5", 2500), ("2.5", 2500), ("0,001", 1), ("1.234,5", 1_234_500), ("1.000", 1_000_000), ("1.000.000", 1_000_000_000),
     (" 12 ", 12_000), ("7,250", 7250)],
)
def test_quantities_as_clerks_type_them(text, milli):
    assert parse_quantity(text) == milli


@pytest.mark.parametrize("text", ["", "abc", "0", "-1", "0,0001", "1,2,3", "inf", "NaN"])
def test_quantities_that_are_not_quantities_are_refused(text):
    with pytest.raises(ValidationError):
        parse_quantity(text)


def test_quantities_print_in_indonesian():
    assert format_quantity(2500, "kg") == "2,5 kg"
    assert format_quantity(1_234_500, "kg") == "1.234,5 kg"
    assert format_quantity(3000, "ikat") == "3 ikat"
    assert format_quantity(-1250) == "-1,25"


@given(rate=rates)
def test_a_printed_percentage_reads_back_the_same(rate):
    text = format_percent(rate)
    assert parse_percent(text) == rate
    assert parse_percent(text.rstrip("%")) == rate


@pytest.mark.parametrize(("rate", "text"), [(1250, "12,5%"), (1000, "10%"), (0, "0%"), (5, "0,05%"), (10_000, "100%"), (1099, "10,99%")])
def test_percentages_print_in_indonesian(rate, text):
    assert format_percent(rate) == text


@pytest.mark.parametrize("text", ["", "x", "100,01", "-1", "12,555", "1e9"])
def test_percentages_out_of_range_or_too_fine_are_refused(text):
    with pytest.raises(ValidationError):
        parse_percent(text)


@given(default=rates, product=optional_rates, channel=optional_rates)
def test_the_product_rate_wins_then_the_channel_then_the_office_default(default, product, channel):
    expected = product if product is not None else channel if channel is not None else default
    assert effective_commission(default, product, channel) == expected


def test_a_zero_rate_is_a_rate_not_a_fallback():
    assert effective_commission(1000, 0, 500) == 0
    assert effective_commission(1000, None, 0) == 0
