"""The completion rule and the checks on programmes and sessions, without a database."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.errors import ValidationError
from koperasi.domain.trainings.rules import (
    CompletionRule,
    ProgrammeInput,
    RuleKind,
    SessionInput,
    Topic,
    check_rule,
    clean_programme,
    clean_session,
)

rules = st.builds(CompletionRule, st.sampled_from(list(RuleKind)), st.integers(min_value=1, max_value=100))
held = st.integers(min_value=1, max_value=60)


# --- share of sessions ------------------------------------------------------------------------


def test_three_of_four_meets_seventy_five_percent_and_two_of_four_does_not():
    rule = CompletionRule(RuleKind.SHARE, 75)
    assert rule.met(3, 4)
    assert rule.met(4, 4)
    assert not rule.met(2, 4)
    assert rule.needed(4) == 3


def test_two_of_three_meets_sixty_six_and_misses_sixty_seven():
    assert CompletionRule(RuleKind.SHARE, 66).met(2, 3)
    assert not CompletionRule(RuleKind.SHARE, 67).met(2, 3)
    assert CompletionRule(RuleKind.SHARE, 66).needed(3) == 2
    assert CompletionRule(RuleKind.SHARE, 67).needed(3) == 3


@given(rules, st.integers(min_value=-3, max_value=50))
def test_no_sessions_held_never_completes(rule, attended):
    assert not rule.met(attended, 0)


@given(rules, held)
def test_attending_nothing_never_completes(rule, sessions):
    assert not rule.met(0, sessions)


@given(rules, held, st.integers(min_value=1, max_value=100))
def test_attended_beyond_sessions_held_counts_as_all_of_them(rule, sessions, extra):
    assert rule.met(sessions + extra, sessions) == rule.met(sessions, sessions)


def test_attended_more_than_held_is_capped_for_a_min_sessions_rule():
    # 5 marks against 3 sessions (say a cancelled session's marks) must not meet "at least 4".
    assert not CompletionRule(RuleKind.MIN_SESSIONS, 4).met(5, 3)


@given(st.integers(min_value=1, max_value=100), held)
def test_a_min_sessions_rule_larger_than_sessions_held_cannot_be_met(value, sessions):
    rule = CompletionRule(RuleKind.MIN_SESSIONS, value)
    if value > sessions:
        assert not any(rule.met(attended, sessions) for attended in range(sessions + 5))
        assert rule.needed(sessions) > sessions
    else:
        assert rule.met(value, sessions)


# --- needed() agrees with met() -----------------------------------------------------------------


@given(rules, held)
def test_needed_is_the_least_attendance_that_meets_the_rule(rule, sessions):
    need = rule.needed(sessions)
    assert need >= 1
    if need <= sessions:
        assert rule.met(need, sessions)
        assert not rule.met(need - 1, sessions)
    else:
        assert not rule.met(sessions, sessions)


@given(rules, held, st.integers(min_value=0, max_value=60))
def test_met_is_exactly_attending_at_least_needed(rule, sessions, attended):
    attended = min(attended, sessions)
    assert rule.met(attended, sessions) == (attended >= rule.needed(sessions))


@given(rules, held, st.integers(min_value=0, max_value=60))
def test_more_attendance_never_loses_completion(rule, sessions, attended):
    if rule.met(attended, sessions):
        assert rule.met(attended + 1, sessions)


def test_labels_say_the_rule_in_indonesian():
    assert CompletionRule(RuleKind.SHARE, 75).label == "hadir minimal 75% sesi"
    assert CompletionRule(RuleKind.MIN_SESSIONS, 4).label == "hadir minimal 4 sesi"


@pytest.mark.parametrize("rule", [CompletionRule(RuleKind.SHARE, 0), CompletionRule(RuleKind.SHARE, 101),
                                  CompletionRule(RuleKind.MIN_SESSIONS, 0), CompletionRule(RuleKind.MIN_SESSIONS, 2.5)])
def test_rules_out_of_range_are_refused(rule):
    with pytest.raises(ValidationError) as refused:
        check_rule(rule)
    assert refused.value.field == "rule_value"


# --- programme and session input ----------------------------------------------------------------


def test_programme_name_and_texts_are_tidied():
    clean = clean_programme(ProgrammeInput("  Pertanian   organik ", Topic.ORGANIC_FARMING, target_groups=" Petani  kecil ",
                                           partner=" Dinas   Pertanian "))
    assert (clean.name, clean.target_groups, clean.partner) == ("Pertanian organik", "Petani kecil", "Dinas Pertanian")


def test_programme_name_too_short_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_programme(ProgrammeInput(" ab ", Topic.CRAFTS))
    assert refused.value.field == "name"


def _session(**changes) -> SessionInput:
    values = {"held_on": date(2025, 3, 10), "starts_at": time(8, 0), "ends_at": time(12, 0), "place": " Balai  Desa ",
              "kecamatan_code": None, "desa_id": None, "facilitator": " Ir.  Hendra ", "subject": ""}
    return SessionInput(**{**values, **changes})


def test_session_texts_are_tidied():
    clean = clean_session(_session())
    assert (clean.place, clean.facilitator) == ("Balai Desa", "Ir. Hendra")


@pytest.mark.parametrize(("changes", "field"), [
    ({"ends_at": time(8, 0)}, "ends_at"),
    ({"place": " "}, "place"),
    ({"facilitator": "x"}, "facilitator"),
    ({"held_on": date(1999, 12, 31)}, "held_on"),
])
def test_sessions_that_make_no_sense_are_refused(changes, field):
    with pytest.raises(ValidationError) as refused:
        clean_session(_session(**changes))
    assert refused.value.field == field
