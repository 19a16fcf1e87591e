"""The kabupaten's figure is the sum of the offices' figures; its ratios are ratios of the sums."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.district.figures import (
    ACTIVITY_COUNTED, BY_KECAMATAN, COUNTED, IMPACT, IMPACT_COUNTED, NO_IMPACT, KecamatanActivity, OfficeFigures,
    OfficeImpact, activity_document, activity_from_document, as_document, from_document, impact_document,
    impact_from_document, impact_total, total,
)
from koperasi.domain.impact.indicators import median_floor
from koperasi.domain.errors import DomainError

DAY = date(2026, 11, 28)
office_figures = st.builds(OfficeFigures, as_of=st.just(DAY),
                           **{name: st.integers(min_value=0, max_value=10**12) for name in COUNTED})


@given(st.lists(office_figures, max_size=12))
def test_the_consolidated_figure_is_the_sum_of_the_offices(offices):
    whole = total(offices, DAY)
    for name in COUNTED:
        assert getattr(whole, name) == sum(getattr(office, name) for office in offices)
    outstanding = sum(office.outstanding for office in offices)
    assert whole.par30 == (sum(office.at_risk_30 for office in offices) / outstanding if outstanding else 0.0)


@given(office_figures)
def test_figures_survive_the_packet(figures):
    assert from_document(as_document(figures)) == figures


@pytest.mark.parametrize("broken", [
    {"members": -1}, {"members": 1.5}, {"members": "12"}, {"members": True}, {"members": 10**15}, {"as_of": "kemarin"},
])
def test_figures_that_are_not_whole_counts_are_refused(broken):
    document = as_document(OfficeFigures(DAY, **dict.fromkeys(COUNTED, 1))) | broken
    with pytest.raises(DomainError):
        from_document(document)


def test_a_missing_figure_is_refused():
    document = as_document(OfficeFigures(DAY, **dict.fromkeys(COUNTED, 1)))
    del document["loans"]
    with pytest.raises(DomainError, match="tidak lengkap"):
        from_document(document)


activity = st.lists(st.builds(KecamatanActivity, kecamatan=st.text(min_size=1, max_size=80),
                              **{name: st.integers(min_value=0, max_value=10**12) for name in ACTIVITY_COUNTED}),
                    max_size=6, unique_by=lambda line: line.kecamatan).map(tuple)


@given(activity)
def test_kecamatan_lines_survive_the_packet(lines):
    document = {BY_KECAMATAN: activity_document(lines)}
    assert activity_from_document(json.loads(json.dumps(document))) == lines


def test_a_version_1_document_has_no_kecamatan_lines():
    assert activity_from_document(as_document(OfficeFigures(DAY, **dict.fromkeys(COUNTED, 1)))) is None


@pytest.mark.parametrize("lines", [
    "Pauh", [1], [{"kecamatan": "Pauh"}], [{"kecamatan": "", **dict.fromkeys(ACTIVITY_COUNTED, 1)}],
    [{"kecamatan": "Pauh", **dict.fromkeys(ACTIVITY_COUNTED, -1)}],
    [{"kecamatan": "Pauh", **dict.fromkeys(ACTIVITY_COUNTED, 1)}] * 2,
])
def test_malformed_kecamatan_lines_are_refused(lines):
    with pytest.raises(DomainError):
        activity_from_document({BY_KECAMATAN: lines})


impact = st.lists(st.integers(min_value=-10**9, max_value=10**9), max_size=9).flatmap(
    lambda changes: st.builds(OfficeImpact, **{name: st.integers(min_value=0, max_value=10**9) for name in IMPACT_COUNTED
                                               if name != "followed_up"},
                              followed_up=st.just(len(changes)), income_changes=st.just(tuple(sorted(changes)))))


@given(impact)
def test_impact_survives_the_packet(part):
    assert impact_from_document(json.loads(json.dumps({IMPACT: impact_document(part)}))) == part


@given(st.lists(impact, max_size=6))
def test_the_kabupaten_s_impact_is_the_sum_and_its_median_the_median_of_every_household(parts):
    whole = impact_total(parts)
    for name in IMPACT_COUNTED:
        assert getattr(whole, name) == sum(getattr(part, name) for part in parts)
    assert whole.median_income_change == median_floor([change for part in parts for change in part.income_changes])
    assert impact_total([]) == NO_IMPACT and NO_IMPACT.median_income_change is None


@pytest.mark.parametrize("broken", [
    {"reached": -1}, {"children_back_in_school": "3"}, {"followed_up": 2}, {"income_changes": [1.5]},
    {"income_changes": "1"}, {"income_changes": [10**14]},
])
def test_malformed_impact_is_refused(broken):
    document = impact_document(OfficeImpact(**dict.fromkeys(IMPACT_COUNTED, 1), income_changes=(5,))) | broken
    with pytest.raises(DomainError):
        impact_from_document({IMPACT: document})
    assert impact_from_document({}) is None
