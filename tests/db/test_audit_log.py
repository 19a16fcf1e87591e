from __future__ import annotations

import pytest
from sqlalchemy import exc, text

from koperasi.services.office import health


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_events SET username = 'pemalsu'", "DELETE FROM audit_events"],
)
def test_database_refuses_to_change_the_audit_log(db, admin, statement):
    with db.engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
        assert before > 0
        connection.rollback()
        with pytest.raises(exc.DatabaseError, match="append-only"):
            with connection.begin():
                connection.execute(text(statement))
        after = connection.execute(text("SELECT count(*), min(username) FROM audit_events")).one()
    assert after[0] == before
    assert after[1] != "pemalsu"


def test_doctor_passes_on_a_fresh_database_and_notices_a_missing_trigger(db, admin):
    with db.session() as session:
        assert health.examine(session).ok
    with db.engine.begin() as connection:
        if db.is_sqlite:
            connection.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            connection.execute(text("DROP TRIGGER audit_events_no_change ON audit_events"))
    with db.session() as session:
        report = health.examine(session)
    assert not report.ok
    assert "pemicu hilang" in [c for c in report.checks if not c.ok][0].detail
