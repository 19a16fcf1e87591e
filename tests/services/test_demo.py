from __future__ import annotations

from sqlalchemy import select

from koperasi.db.models import GroupMembership, Member, MemberGroup
from koperasi.services import demo, health
from koperasi.services.member_search import MemberFilter, member_page


def test_demo_data_is_data_the_services_would_accept(sqlite_db):
    with sqlite_db.session() as session:
        summary = demo.fill(session, members=600)
    assert summary.members == 600
    with sqlite_db.session() as session:
        assert health.examine(session).ok
        rows = session.execute(select(Member.status, Member.join_date, Member.left_on, Member.id)).all()
        assert all(r.left_on is None or r.join_date <= r.left_on for r in rows)
        status = {r.id: (r.status, r.join_date) for r in rows}
        memberships = session.execute(select(GroupMembership.member_id, GroupMembership.joined_on)).all()
        assert memberships and all(status[m.member_id][0] == "aktif" and status[m.member_id][1] <= m.joined_on for m in memberships)
        chairs = session.scalars(select(MemberGroup.chair_member_id)).all()
        assert all(status[chair][0] == "aktif" for chair in chairs)
        numbers = sorted(session.scalars(select(Member.number)))
        assert numbers[0] == "SRL-000001" and numbers[-1] == "SRL-000600"
        from koperasi.services import auth

        admin = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
        assert member_page(session, admin, MemberFilter(status=None)).total == 600
