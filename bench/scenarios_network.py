"""Jaringan at ``--scale`` members: the list of who should hear of an opportunity (target: ≤ 200 ms at
100,000 members) and the referrals report (target: ≤ 1 s), beside the bare SELECTs they cannot beat."""

from __future__ import annotations

import random
import shutil
import sqlite3
import uuid
from datetime import timedelta

from harness import Workspace, open_demo, scenario, timed
from scenarios_members import _database

REFERRALS_PER_MEMBER = 10  # one referral for every ten members: a busy office's year


def _network_database(workspace: Workspace) -> str:
    """The members demo with three opportunities and ``scale / 10`` referrals over the past year (made once)."""
    path = workspace.folder / f"network-{workspace.scale}.db"
    if path.exists():
        return str(path)
    shutil.copy(_database(workspace), path)
    from koperasi import clock
    from koperasi.db.models import Member, Referral
    from koperasi.demo.writing import bulk_insert
    from koperasi.domain.network.opportunities import Conditions, OpportunityInput, OpportunityKind, Outcome
    from koperasi.domain.people import Sex
    from koperasi.services.network import opportunities
    from koperasi.services.transaction import write
    from sqlalchemy import select

    database, actor = open_demo(str(path))
    today = clock.today()
    with database.session() as session:
        ids = [
            opportunities.publish_opportunity(session, actor, OpportunityInput(
                OpportunityKind.TRAINING, "Kelas menjahit", "BLK", "", Conditions(sex=Sex.FEMALE, min_age=18, max_age=45))),
            opportunities.publish_opportunity(session, actor, OpportunityInput(
                OpportunityKind.MARKET, "Pembeli karet", "Pengepul", "", Conditions(livelihood="tani", categories=frozenset({"petani_kecil"})))),
            opportunities.publish_opportunity(session, actor, OpportunityInput(
                OpportunityKind.GOVERNMENT, "KIP", "Dinas Pendidikan", "", Conditions(for_children=True, min_age=6, max_age=18))),
        ]
    rng = random.Random(15)
    with database.session() as session, write(session):
        members = list(session.scalars(select(Member.id).where(Member.status == "aktif")))
        rows = []
        for member_id in rng.sample(members, min(len(members), max(1, workspace.scale // REFERRALS_PER_MEMBER))):
            day = today - timedelta(days=rng.randint(0, 364))
            outcome = rng.choice([None, *[o.value for o in Outcome if not o.for_children_only]])
            rows.append({"id": uuid.uuid4(), "opportunity_id": rng.choice(ids[:2]), "member_id": member_id, "household_member_id": None,
                         "referred_on": day, "referred_by": actor.user_id, "note": "", "letter_number": None, "letter_issued_on": None,
                         "outcome": outcome, "outcome_on": min(today, day + timedelta(days=10)) if outcome else None,
                         "created_at": clock.now(), "version": 1})
        bulk_insert(session, Referral, rows)
    database.dispose()
    return str(path)


@scenario("network_eligible_list")
def eligible_list(workspace: Workspace):
    from koperasi import clock
    from koperasi.services.network import eligibility, opportunities

    path = _network_database(workspace)
    database, actor = open_demo(path)
    with database.session() as session:
        ids = [row.id for row in opportunities.list_opportunities(session, actor)]
    counts = []

    def list_all() -> None:
        # The slowest of the three (women 18–45: about a third of the register) decides the clerk's wait.
        with database.session() as session:
            counts[:] = [eligibility.eligible_people(session, actor, opportunity_id).total for opportunity_id in ids]

    list_all()
    samples = [sample / len(ids) for sample in timed(list_all, 5)]
    database.dispose()
    connection = sqlite3.connect(path)
    born_after = clock.today().replace(year=clock.today().year - 46).isoformat()

    def bare() -> None:
        connection.execute("SELECT count(*) FROM members WHERE status = 'aktif' AND sex = 'P' AND birth_date > ?", (born_after,)).fetchall()
        connection.execute("SELECT id, full_name FROM members WHERE status = 'aktif' AND sex = 'P' AND birth_date > ? "
                           "ORDER BY full_name LIMIT 1000", (born_after,)).fetchall()

    bare()
    floor = timed(bare, 5)
    connection.close()
    return samples, floor, f"sqlite3: count + first 1000 of one condition; per opportunity, {counts} eligible"


@scenario("network_referrals_report")
def referrals_report(workspace: Workspace):
    from koperasi import clock
    from koperasi.services.network.report import network_report

    path = _network_database(workspace)
    database, actor = open_demo(path)
    today = clock.today()

    def report() -> None:
        with database.session() as session:
            network_report(session, actor, period_from=today - timedelta(days=365), period_to=today)

    report()
    samples = timed(report, 5)
    database.dispose()
    connection = sqlite3.connect(path)

    def bare() -> None:
        connection.execute("SELECT r.member_id, r.outcome, o.kind, m.sex FROM referrals r JOIN opportunities o ON o.id = r.opportunity_id "
                           "JOIN members m ON m.id = r.member_id").fetchall()

    bare()
    floor = timed(bare, 5)
    connection.close()
    return samples, floor, "sqlite3: the referrals joined to kind and sex"
