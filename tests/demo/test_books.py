"""The demo closes every year of its history before this one and divides last year's SHU, so the RAT pack of a
closed year is there to see."""

from __future__ import annotations

from sqlalchemy import func, select

from koperasi.db.models import Member
from koperasi.demo import office as demo
from koperasi.demo.books import PAID_SHARES
from koperasi.domain.books.rules import PaymentMethod
from koperasi.services.books import closing, rat_pack
from koperasi.services.office import auth, health
from tests.support import TODAY


def test_demo_has_last_year_closed_its_shu_divided_and_a_few_shares_paid(sqlite_db):
    with sqlite_db.session() as session:
        summary = demo.fill(session, members=60, loans=10, sales=10)
    assert summary.closed_years == (TODAY.year - 1,)  # the history starts 18 months back, in last year
    with sqlite_db.session() as session:
        assert health.examine(session).ok  # Hutang SHU anggota against the shares not yet paid among the checks
        clerk = auth.login(session, "petugas", demo.DEMO_PASSWORD)
        assert closing.closed_years(session) == {TODAY.year - 1}
        last_year = closing.closings(session, clerk)[0]
        assert last_year.shu == summary.shu > 0  # a whole year of the cash book's grants against its expenses
        pack = rat_pack.rat_pack(session, clerk, TODAY.year - 1)
        active = session.scalar(select(func.count()).where(Member.status == "aktif"))
    assert pack.shu is not None and pack.shu.divided_on == TODAY and pack.shu.shu == summary.shu
    assert pack.balance_sheet.assets.total == pack.balance_sheet.liabilities_and_equity > 0
    assert len(pack.attendees) == active > 0  # the daftar hadir: the active members
    paid = [member.paid_by for member in pack.shu.members if member.paid_by is not None]
    assert summary.shu_paid == len(paid) == PAID_SHARES
    assert set(paid) == {PaymentMethod.CASH, PaymentMethod.SUKARELA}
