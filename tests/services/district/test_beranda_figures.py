"""The district's Beranda figures: a consolidated figure is the sum of the offices' own, a rate the rate of the
sums, a named line the offices' lines of that name added up; the packet's document reads back what was written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi.domain.district.figures import COUNTED, OfficeFigures
from koperasi.domain.district.monthly import UNNAMED
from koperasi.domain.errors import DomainError
from koperasi.domain.loans.papers import ArrearsLine, PortfolioShare
from koperasi.services.dashboard.figures import (
    Count, Figures, FundFigures, LoanFigures, MemberFigures, NetworkFigures, SalesFigures, SalesTotal, TrainedCount,
    TrainingFigures,
)
from koperasi.services.district.beranda_figures import (
    BERANDA, WORST_SHOWN, add_up, beranda_document, beranda_from_document, from_office_figures,
)

DAY = date(2026, 11, 28)
amounts = st.integers(0, 10**12)
counts = st.integers(0, 10**6)
names = st.sampled_from(["Pauh", "Limun", "Sarolangun", "Singkut", "Bathin VIII"])


def _rows(make):
    """Named rows, each name once (as an office's own lines are)."""
    return st.lists(make, max_size=4, unique_by=lambda row: row.name).map(tuple)


arrears_lines = st.builds(
    ArrearsLine, loan_number=st.text("PJM/0123456789", min_size=5, max_size=12), member_number=st.just("A-1"),
    member_name=st.text(min_size=1, max_size=20).filter(lambda t: "\x00" not in t), desa=names, kecamatan=names,
    group=st.just(""), product=st.just("Modal usaha"), fund=st.just("Dana"), outstanding=amounts, arrears=amounts,
    days_past_due=st.integers(1, 900), bucket=st.just("31-60 hari"), collectibility=st.just("Kurang lancar"),
    restructured=st.booleans())
shares = st.builds(PortfolioShare, name=names, loans=counts, outstanding=amounts, at_risk_30=amounts)
trained = st.builds(TrainedCount, name=names, participants=counts, completed=counts, women=counts, men=counts)
sold = st.builds(SalesTotal, name=names, sales=counts, total=amounts, commission=amounts)
office_figures = st.builds(
    Figures,
    as_of=st.just(DAY),
    members=st.builds(MemberFigures, total=counts, women=counts, new_in_month=counts, left_in_month=counts,
                      by_category=_rows(st.builds(Count, name=names, count=counts)), out_of_school_children=counts,
                      by_kecamatan=_rows(st.builds(Count, name=names, count=counts))),
    loans=st.builds(LoanFigures, book=shares, buckets=_rows(shares), oldest_arrears=st.lists(arrears_lines, max_size=10).map(tuple),
                    disbursed_in_month=amounts, disbursed_in_year=amounts, due_in_month=amounts, collected_in_month=amounts,
                    funds=_rows(st.builds(FundFigures, name=names, capital=amounts, lent_out=amounts, available=amounts))),
    trainings=st.builds(TrainingFigures, year=trained, by_programme=_rows(trained), upcoming_sessions=counts),
    sales=st.builds(SalesFigures, month=sold, year=sold, month_by_channel=_rows(sold), year_by_channel=_rows(sold),
                    owed_to_producers=amounts, producers_owed=counts),
    network=st.none() | st.builds(NetworkFigures, meetings=counts, attended=counts, referred=counts,
                                  outcomes=st.lists(st.tuples(names, counts), max_size=3, unique_by=lambda o: o[0]).map(tuple),
                                  without_outcome=counts),
)


def _by_name(rows, *values) -> dict[str, tuple[int, ...]]:
    sums: dict[str, list[int]] = {}
    for row in rows:
        line = sums.setdefault(row.name, [0] * len(values))
        for index, value in enumerate(values):
            line[index] += getattr(row, value)
    return {name: tuple(line) for name, line in sums.items()}


@settings(max_examples=60, deadline=None)
@given(st.lists(office_figures, max_size=5))
def test_a_consolidated_figure_is_the_sum_of_the_offices_own(parts):
    whole = add_up(parts, DAY)
    for name in ("total", "women", "new_in_month", "left_in_month", "out_of_school_children"):
        assert getattr(whole.members, name) == sum(getattr(p.members, name) for p in parts)
    for name in ("loans", "outstanding", "at_risk_30"):
        assert getattr(whole.loans.book, name) == sum(getattr(p.loans.book, name) for p in parts)
    for name in ("disbursed_in_month", "disbursed_in_year", "due_in_month", "collected_in_month"):
        assert getattr(whole.loans, name) == sum(getattr(p.loans, name) for p in parts)
    for name in ("participants", "completed", "women", "men"):
        assert getattr(whole.trainings.year, name) == sum(getattr(p.trainings.year, name) for p in parts)
    for period in ("month", "year"):
        for name in ("sales", "total", "commission"):
            assert getattr(getattr(whole.sales, period), name) == sum(getattr(getattr(p.sales, period), name) for p in parts)
    assert whole.sales.owed_to_producers == sum(p.sales.owed_to_producers for p in parts)
    assert whole.trainings.upcoming_sessions == sum(p.trainings.upcoming_sessions for p in parts)
    # Rates of the sums, never the average of the offices' rates.
    outstanding, at_risk = whole.loans.book.outstanding, whole.loans.book.at_risk_30
    assert whole.loans.book.par30 == (at_risk / outstanding if outstanding else 0.0)
    due, collected = whole.loans.due_in_month, whole.loans.collected_in_month
    assert whole.loans.collection_rate == (collected / due if due else 0.0)
    # Named lines: each name's lines of every office added up.
    assert _by_name(whole.members.by_kecamatan, "count") == _by_name(
        [c for p in parts for c in p.members.by_kecamatan], "count")
    assert _by_name(whole.members.by_category, "count") == _by_name(
        [c for p in parts for c in p.members.by_category], "count")
    assert _by_name(whole.loans.buckets, "loans", "outstanding", "at_risk_30") == _by_name(
        [b for p in parts for b in p.loans.buckets], "loans", "outstanding", "at_risk_30")
    assert _by_name(whole.loans.funds, "capital", "lent_out", "available") == _by_name(
        [f for p in parts for f in p.loans.funds], "capital", "lent_out", "available")
    assert _by_name(whole.trainings.by_programme, "participants", "completed", "women", "men") == _by_name(
        [t for p in parts for t in p.trainings.by_programme], "participants", "completed", "women", "men")
    assert _by_name(whole.sales.year_by_channel, "sales", "total", "commission") == _by_name(
        [c for p in parts for c in p.sales.year_by_channel], "sales", "total", "commission")
    # The worst late loans of all offices, as many as one office shows.
    late = [line for p in parts for line in p.loans.oldest_arrears]
    assert len(whole.loans.oldest_arrears) == min(WORST_SHOWN, len(late))
    shown = [line.days_past_due for line in whole.loans.oldest_arrears]
    assert shown == sorted(shown, reverse=True)
    assert shown == sorted((line.days_past_due for line in late), reverse=True)[:WORST_SHOWN]
    networks = [p.network for p in parts if p.network is not None]
    assert (whole.network is None) == (not networks)
    if networks:
        assert whole.network.referred == sum(n.referred for n in networks)
        assert sum(count for _, count in whole.network.outcomes) == sum(c for n in networks for _, c in n.outcomes)


@settings(max_examples=40, deadline=None)
@given(office_figures, office_figures)
def test_the_sum_does_not_depend_on_the_order_the_offices_come_in(first, second):
    one, other = add_up([first, second], DAY), add_up([second, first], DAY)
    assert one.loans.book == other.loans.book and one.sales == other.sales and one.trainings == other.trainings
    assert one.members.by_kecamatan == other.members.by_kecamatan
    assert _by_name(one.loans.funds, "capital", "available") == _by_name(other.loans.funds, "capital", "available")
    assert one.loans.oldest_arrears == other.loans.oldest_arrears or _ties(one.loans.oldest_arrears)


def _ties(lines) -> bool:
    """Late loans equal in every sort key may come in either order."""
    keys = [(line.days_past_due, line.arrears, line.loan_number) for line in lines]
    return len(set(keys)) < len(keys)


@settings(max_examples=60, deadline=None)
@given(office_figures, st.booleans())
def test_the_packet_s_document_reads_back_what_was_written(figures, personal):
    read = beranda_from_document({BERANDA: beranda_document(figures, personal=personal)}, personal=personal)
    if personal:
        assert read == figures
    else:
        assert all(line.member_name == UNNAMED and line.member_number == UNNAMED for line in read.loans.oldest_arrears)
        assert read.loans.oldest_arrears == tuple(
            replace(line, member_name=UNNAMED, member_number=UNNAMED) for line in figures.loans.oldest_arrears)
        assert read.members == figures.members and read.sales == figures.sales


@pytest.mark.parametrize("spoil", [
    lambda d: d["members"].__setitem__("total", -1),
    lambda d: d["members"].__setitem__("total", 1.5),
    lambda d: d["members"].__setitem__("total", True),
    lambda d: d["loans"].pop("funds"),
    lambda d: d["sales"].__setitem__("extra", 1),
    lambda d: d["loans"]["book"].__setitem__("name", "x" * 500),
    lambda d: d.__setitem__("as_of", "kemarin"),
    lambda d: d["members"].__setitem__("by_kecamatan", {"Pauh": 3}),
    lambda d: d["members"].__setitem__("by_kecamatan", [{"name": "Pauh"}]),
    lambda d: d["network"].__setitem__("outcomes", [["Diterima", 1, 2]]),
])
def test_a_beranda_part_of_the_wrong_shape_is_refused(spoil):
    figures = from_office_figures(OfficeFigures(DAY, *range(1, len(COUNTED) + 1)))
    document = beranda_document(replace(figures, network=NetworkFigures(1, 2, 3, (("Diterima", 1),), 0)), personal=False)
    spoil(document)
    with pytest.raises(DomainError, match="Angka Beranda di paket tidak sah"):
        beranda_from_document({BERANDA: document}, personal=False)


def test_a_packet_without_a_beranda_part_has_none():
    assert beranda_from_document({"members": 1}, personal=False) is None


def test_an_older_packet_s_counts_stand_for_its_beranda():
    counted = OfficeFigures(DAY, *range(1, len(COUNTED) + 1))
    figures = from_office_figures(counted)
    assert figures.members.total == counted.members and figures.loans.book.outstanding == counted.outstanding
    assert figures.loans.book.par30 == counted.par30 and figures.loans.collection_rate == counted.collection_rate
    assert figures.trainings.year.participants == counted.trained_in_year
    assert figures.sales.year.total == counted.sales_in_year and figures.sales.month.total == counted.sales_in_month
