"""The visit schedule as a pure rule."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import ValidationError
from koperasi.domain.impact.visits import PlannedVisit, VisitReason, add_months, parse_months, planned_visits, visit_due


def test_month_ends_stay_inside_the_month():
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_loan_visits_stop_when_the_loan_closes_and_training_visits_come_after_the_certificate():
    plan = planned_visits([(date(2025, 1, 6), date(2025, 8, 1))], [date(2025, 4, 7)], loan_every=3, training_after=(6, 12),
                          until=date(2026, 12, 31))
    assert [(v.on, v.reason) for v in plan] == [
        (date(2025, 4, 6), VisitReason.LOAN), (date(2025, 7, 6), VisitReason.LOAN),
        (date(2025, 10, 7), VisitReason.TRAINING), (date(2026, 4, 7), VisitReason.TRAINING),
    ]


def test_only_the_latest_planned_visit_is_due_and_an_early_visit_counts():
    plan = [PlannedVisit(date(2025, 4, 6), VisitReason.LOAN), PlannedVisit(date(2025, 7, 6), VisitReason.LOAN)]
    assert visit_due(plan, date(2025, 1, 6), date(2024, 1, 1)).on == date(2025, 7, 6)
    assert visit_due(plan, date(2025, 6, 6), date(2024, 1, 1)) is None
    assert visit_due([], None, date(2024, 1, 1)) == PlannedVisit(date(2024, 1, 1), VisitReason.BASELINE)


@pytest.mark.parametrize("text", ["", "enam", "0", "6, 100", "1,2,3,4,5,6,7"])
def test_bad_month_lists_are_refused(text):
    with pytest.raises(ValidationError):
        parse_months(text)
