"""How the funder's report reads: its per-household statements take the covering indexes of migration 0029 (SQLite
plans them without statistics, where an equality on a unique key would take that key's index and the table rows),
and a read that fails late in the report fails it as a whole, with no audit event of a report never made."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, union

from koperasi.db.models import AuditEvent, Kecamatan, Member
from koperasi.domain.impact.cohorts import MILESTONES, CohortBasis
from koperasi.domain.office.audit import AuditAction
from koperasi.services.impact import indicators
from koperasi.services.impact import report as impact_report
from koperasi.services.impact.report import funder_report
from tests.services.impact.test_report_fast_paths import YEAR_2025, office  # noqa: F401 (a fixture)

MEASUREMENTS, PEOPLE = "ix_household_measurements_figures", "ix_members_id_people"


def _plan(session, statement) -> str:
    sql = statement.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True})
    return "\n".join(row[-1] for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


def test_the_households_and_their_people_are_read_from_covering_indexes(sqlite_db):
    day = date(2025, 12, 31)
    later = [months for months, _ in MILESTONES if months]
    with sqlite_db.session() as session:
        lines = {"perdesaan": 600_000, "perkotaan": 700_000}
        pairs = _plan(session, indicators._pairs(None, date(2025, 1, 1), day, lines, sqlite=True))
        cohorts = _plan(session, indicators._cohort_terms(session, None, CohortBasis.JOINED, None, date(2025, 1, 1), day,
                                                          lines, later))
        contacted = union(*indicators.other_contacts(None, None, date(2025, 1, 1), day)).subquery()
        reached = _plan(session, select(Member.sex, Kecamatan.name).select_from(contacted)
                        .join(Member, indicators.seek(Member.id, contacted.c.member_id, sqlite=True))
                        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code))
    for name in ("baseline", "latest"):
        assert f"SEARCH {name} USING COVERING INDEX {MEASUREMENTS}" in pairs
    for name in ("baseline", "at6", "at12"):
        assert f"SEARCH {name} USING COVERING INDEX {MEASUREMENTS}" in cohorts
    assert f"SEARCH members USING COVERING INDEX {PEOPLE}" in pairs
    assert f"SEARCH members USING COVERING INDEX {PEOPLE}" in reached


def test_a_read_that_fails_late_fails_the_report_and_audits_nothing(db, office, monkeypatch):  # noqa: F811
    def broken(*_arguments):
        raise OSError("disk I/O error")

    monkeypatch.setattr(impact_report, "_sales", broken)
    with db.session() as session, pytest.raises(OSError):
        funder_report(session, office.manager, anonymous_rows=False, **YEAR_2025)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.action == AuditAction.IMPACT_REPORTED.value)) == 0
        monkeypatch.undo()
        funder_report(session, office.manager, anonymous_rows=False, **YEAR_2025)
        assert session.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.action == AuditAction.IMPACT_REPORTED.value)) == 1
