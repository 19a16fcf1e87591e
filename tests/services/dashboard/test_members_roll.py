"""The members tile's roll (total, women, the month's joiners and leavers) is a plain count of the member rows,
whatever their join and leaving days around the day asked about."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from koperasi.db.models import Member
from koperasi.services.dashboard import figures
from tests.loan_support import loan_office

# (join day, left day) per member: before, inside and after the month of each day asked about, on its edges too.
DAYS = (
    (date(2024, 1, 2), None), (date(2024, 3, 1), None), (date(2024, 3, 31), None), (date(2024, 4, 1), None),
    (date(2024, 1, 2), date(2024, 3, 1)), (date(2024, 1, 2), date(2024, 3, 31)), (date(2024, 3, 15), date(2024, 3, 20)),
    (date(2024, 2, 10), date(2024, 2, 29)), (date(2024, 3, 10), date(2024, 4, 2)), (date(2023, 5, 1), date(2024, 1, 31)),
)
ASKED = (date(2024, 2, 29), date(2024, 3, 1), date(2024, 3, 15), date(2024, 3, 31), date(2024, 4, 1), date(2023, 12, 31))


def test_the_roll_is_a_plain_count_of_the_members(db, admin):
    office = loan_office(db, admin)
    names = ("Siti Aminah", "Rina Marlina", "Budi Santoso", "Dewi Lestari", "Ahmad Yani",
             "Sari Dewi", "Nur Aini", "Joko Susilo", "Wati Rahayu", "Eko Prasetyo")
    ids = [office.member(name) for name in names]
    with office.session() as session:
        for member_id, (joined, left) in zip(ids, DAYS, strict=True):
            session.execute(update(Member).where(Member.id == member_id).values(join_date=joined, left_on=left))
        session.commit()
    with office.session() as session:
        rows = session.execute(select(Member.join_date, Member.left_on, Member.sex)).all()
        for day in ASKED:
            month_start = day.replace(day=1)
            on_roll = [row for row in rows if row.join_date <= day and (row.left_on is None or row.left_on > day)]
            tile = figures.figures(session, office.admin, as_of=day).members
            assert (tile.total, tile.women, tile.new_in_month, tile.left_in_month) == (
                len(on_roll), sum(row.sex == "P" for row in on_roll),
                sum(month_start <= row.join_date <= day for row in rows),
                sum(row.left_on is not None and month_start <= row.left_on <= day for row in rows),
            ), day
            assert sum(count.count for count in tile.by_kecamatan) == len(on_roll)
