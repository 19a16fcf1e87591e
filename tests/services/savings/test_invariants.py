"""Whatever the counter does with savings, in any order, the books stay sound.

Hypothesis generates deposits of each kind, withdrawals (some above the balance, some of pokok or
wajib), and reversals of earlier movements (some not allowed any more). After every step the
member's balances equal a simple model, no balance is negative, every movement has its audit
event, and ``koperasi doctor``'s checks (the journal balances, savings equal the journal) hold.
One SQLite database serves every example; each example saves for a member of its own.
"""

from __future__ import annotations

import os
import uuid
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from koperasi.db.models import AuditEvent
from koperasi.domain.errors import ValidationError
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger_checks
from koperasi.services.savings import book
from tests.savings_support import savings_office
from tests.support import TODAY, set_up_office

EXAMPLES = int(os.environ.get("KOPERASI_LEDGER_EXAMPLES", "15"))

operations = st.lists(
    st.one_of(
        st.tuples(st.just("deposit"), st.sampled_from([SavingsKind.WAJIB, SavingsKind.SUKARELA]), st.integers(1, 3_000_000)),
        st.tuples(st.just("withdraw"), st.sampled_from(list(SavingsKind)), st.integers(1, 3_000_000)),
        st.tuples(st.just("reverse"), st.just(None), st.integers(0, 30)),
    ),
    min_size=1, max_size=10,
)


@pytest.fixture
def books(sqlite_db):
    return savings_office(sqlite_db, set_up_office(sqlite_db))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=operations)
def test_any_sequence_of_savings_operations_keeps_the_books_sound(books, steps):
    member = books.member(f"Anggota {uuid.uuid4().hex[:6]}", joined=date(2026, 1, 5))
    expected = dict.fromkeys(SavingsKind, 0)
    standing: list[tuple[uuid.UUID, SavingsKind, int]] = []  # (movement, kind, change) not yet reversed
    saved = 0
    for action, kind, number in steps:
        try:
            if action == "deposit":
                result = books.deposit(member, kind, number, on=TODAY)
                standing.append((result.id, kind, number))
                expected[kind] += number
            elif action == "withdraw":
                result = books.withdraw(member, number, on=TODAY, kind=kind)
                standing.append((result.id, kind, -number))
                expected[kind] -= number
            elif standing:
                movement_id, kind, change = standing[number % len(standing)]
                books.reverse(movement_id)
                standing.remove((movement_id, kind, change))
                expected[kind] -= change
            else:
                continue
            saved += 1
        except ValidationError:
            pass  # refused: nothing may have changed, which the checks below see
        with books.session() as session:
            assert book.balances(session, member) == expected
            assert all(value >= 0 for value in expected.values())
            assert ledger_checks.ledger_problems(session) == []
            events = session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.entity_id == str(member),
                AuditEvent.action.in_(("savings_deposited", "savings_withdrawn", "savings_reversed"))))
            assert events == saved
