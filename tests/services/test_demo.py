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


def test_demo_loans_keep_the_books_the_services_keep(sqlite_db):
    import uuid
    from collections import Counter, defaultdict
    from datetime import date

    from sqlalchemy import func

    from koperasi.db.models import Loan, LoanInstallment, LoanMovement, LoanSchedule
    from koperasi.domain.loans import LoanStatus, MovementKind
    from koperasi.services import arrears, auth, loan_payments, loan_queries
    from koperasi.services.ledger_checks import ledger_problems

    with sqlite_db.session() as session:
        summary = demo.fill(session, members=600, loans=400)
    assert summary.loans == 400
    with sqlite_db.session() as session:
        assert ledger_problems(session) == []
        assert health.examine(session).ok
        loans = session.scalars(select(Loan)).all()
        statuses = Counter(loan.status for loan in loans)
        assert {s.value for s in LoanStatus} - {"approved"} <= set(statuses), statuses
        assert any(loan.rescheduled for loan in loans) and any(loan.group_id for loan in loans)
        today = date.today()
        for loan in loans:
            outstanding = loan.disbursed - loan.principal_paid - loan.written_off
            assert (loan.status == "active") == (outstanding > 0), loan.number
            assert (loan.status in ("paid_off", "written_off")) == (loan.closed_on is not None), loan.number
            assert loan.applied_on <= (loan.decided_on or today) <= today and (loan.disbursed_on or today) <= today
        # Receipt and loan numbers are gapless per year, in the order the money moved.
        for column in (LoanMovement.receipt_number, Loan.number):
            by_year = defaultdict(list)
            for number in session.scalars(select(column).where(column.is_not(None))):
                by_year[number.split("/")[2]].append(int(number.split("/")[3]))
            for numbers in by_year.values():
                assert sorted(numbers) == list(range(1, len(numbers) + 1))
        assert session.scalar(select(LoanMovement.id).where(LoanMovement.kind == MovementKind.REVERSAL.value)) is not None
        assert session.scalar(select(LoanMovement.id).where(LoanMovement.kind == MovementKind.WRITE_OFF.value)) is not None
        # Every schedule sums exactly to the principal it repays.
        sums = dict(
            session.execute(
                select(LoanSchedule.loan_id, func.sum(LoanInstallment.amount) - LoanSchedule.principal)
                .join(LoanInstallment, (LoanInstallment.loan_id == LoanSchedule.loan_id)
                      & (LoanInstallment.schedule_no == LoanSchedule.schedule_no))
                .group_by(LoanSchedule.loan_id, LoanSchedule.schedule_no, LoanSchedule.principal)
            ).all()
        )
        assert sums and set(sums.values()) == {0}

        # The services carry on from the demo's history: repay, reverse, report.
        clerk = auth.login(session, "petugas", demo.DEMO_PASSWORD)
        treasurer = auth.login(session, "bendahara", demo.DEMO_PASSWORD)
        active = next(loan for loan in loans if loan.status == "active" and not loan.rescheduled)
        before = active.principal_paid
        payment = loan_payments.repay(session, clerk, active.id, amount=min(1000, active.disbursed - before),
                                      paid_on=today, request_id=uuid.uuid4())
        assert payment.receipt_number.endswith(f"{today.year}/" + payment.receipt_number.split("/")[-1])
        loan_payments.reverse_movement(session, treasurer, payment.movement_id, reason="Salah ketik jumlah", request_id=uuid.uuid4())
        assert ledger_problems(session) == []
        report = arrears.arrears_report(session, clerk, as_of=today)
        assert report.total.loans == statuses["active"]
        assert loan_queries.loan_page(session, clerk, loan_queries.LoanFilter()).total == 400


def test_demo_loans_are_the_same_every_time(tmp_path):
    from koperasi.db.database import open_database
    from koperasi.db.models import Loan
    from sqlalchemy.engine import make_url

    def fingerprint(name):
        database = open_database(make_url(f"sqlite+pysqlite:///{tmp_path / name}"))
        with database.session() as session:
            demo.fill(session, members=150, loans=60)
        with database.session() as session:
            rows = session.execute(select(Loan.number, Loan.principal, Loan.status, Loan.principal_paid).order_by(Loan.number)).all()
        database.dispose()
        return rows

    assert fingerprint("a.db") == fingerprint("b.db")
