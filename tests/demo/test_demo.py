from __future__ import annotations

from sqlalchemy import func, select

from koperasi.db.models import GroupMembership, Member, MemberGroup
from koperasi.demo import office as demo
from koperasi.services.office import health
from koperasi.services.members.search import MemberFilter, member_page
from koperasi import clock


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
        from koperasi.services.office import auth

        admin = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
        assert member_page(session, admin, MemberFilter(status=None)).total == 600


def test_demo_loans_keep_the_books_the_services_keep(sqlite_db):
    import uuid
    from collections import Counter, defaultdict

    from sqlalchemy import func

    from koperasi.db.models import Loan, LoanInstallment, LoanMovement, LoanSchedule
    from koperasi.domain.loans.rules import LoanStatus, MovementKind
    from koperasi.services.loans import arrears
    from koperasi.services.office import auth
    from koperasi.services.loans import payments as loan_payments
    from koperasi.services.loans import queries as loan_queries
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
        today = clock.today()
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
        request = loan_payments.request_movement_reversal(session, treasurer, payment.movement_id, reason="Salah ketik jumlah",
                                                          request_id=uuid.uuid4())
        loan_payments.approve_movement_reversal(session, auth.login(session, "ketua", demo.DEMO_PASSWORD), request)
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


def test_demo_trainings_are_what_the_training_services_would_have_written(sqlite_db):
    from collections import Counter, defaultdict

    from koperasi.db.models import (
        HouseholdMember,
        Loan,
        LoanProduct,
        TrainingAttendance,
        TrainingBatch,
        TrainingCertificate,
        TrainingParticipant,
        TrainingProgramme,
        TrainingSession,
    )
    from koperasi.domain.members.register import SchoolStatus
    from koperasi.domain.trainings.rules import CompletionRule, RuleKind
    from koperasi.services.office import auth
    from koperasi.services.trainings import programmes as trainings
    from koperasi.services.trainings.participants import has_completed, list_participants

    with sqlite_db.session() as session:
        summary = demo.fill(session, members=600, loans=150)
    assert summary.programmes == 6 and summary.batches == 6 and summary.certificates > 0
    today = clock.today()
    with sqlite_db.session() as session:
        assert health.examine(session).ok
        clerk = auth.login(session, "petugas", demo.DEMO_PASSWORD)
        rules = {p.id: CompletionRule(RuleKind(p.rule_kind), p.rule_value) for p in session.scalars(select(TrainingProgramme))}
        assert {rule.kind for rule in rules.values()} == set(RuleKind)
        batches = session.scalars(select(TrainingBatch)).all()
        assert len({b.programme_id for b in batches}) == 6  # every programme ran at least once
        members = dict(session.execute(select(Member.id, Member.status)).all())
        out_of_school = {SchoolStatus.DROPPED_OUT.value, SchoolStatus.NEVER.value}
        youth_schools = set()
        certified = 0
        planned_batches = 0
        for batch in batches:
            people = list_participants(session, clerk, batch.id)
            assert 1 <= len(people) <= 30
            # Nobody twice in a batch; members active; household members out of school.
            assert len({p.member_id or p.household_member_id for p in people}) == len(people)
            assert all(members[p.member_id] == "aktif" for p in people if p.member_id)
            for p in people:
                if p.household_member_id:
                    youth_schools.add(session.get(HouseholdMember, p.household_member_id).school_status)
            for p in people:
                assert p.enrolled_on <= today and (p.withdrawn_on is None or p.enrolled_on <= p.withdrawn_on < today)
                if p.certificate_number:  # certificates only to those who completed by the rule
                    certified += 1
                    assert p.completed and p.withdrawn_on is None
            views = trainings.list_sessions(session, clerk, batch.id)
            future = [v for v in views if v.data.held_on >= today]
            assert not any(v.recorded for v in future) and not any(v.recorded for v in views if v.cancelled)
            if future:
                planned_batches += 1
                assert not batch.closed and not any(p.certificate_number for p in people)
            else:  # finished: everyone who completed has a certificate
                assert all(bool(p.certificate_number) == p.completed for p in people)
            # Attendance only for participants enrolled on the day and not yet withdrawn.
            enrolled = {p.id: p for p in people}
            for session_id, participant_id, held_on in session.execute(
                select(TrainingAttendance.session_id, TrainingAttendance.participant_id, TrainingSession.held_on)
                .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
                .where(TrainingSession.batch_id == batch.id)
            ):
                p = enrolled[participant_id]
                assert p.enrolled_on <= held_on < today and (p.withdrawn_on is None or held_on < p.withdrawn_on)
        assert certified == summary.certificates
        assert 1 <= planned_batches <= 2
        assert youth_schools and youth_schools <= out_of_school
        assert any(p.withdrawn_on for b in batches for p in list_participants(session, clerk, b.id))
        absent = session.scalar(select(func.count()).select_from(TrainingAttendance).where(TrainingAttendance.present.is_(False)))
        present = session.scalar(select(func.count()).select_from(TrainingAttendance).where(TrainingAttendance.present.is_(True)))
        assert 0 < absent < present
        # Certificate numbers are gapless per year, in the order they were issued.
        by_year = defaultdict(list)
        for number, issued_on in session.execute(select(TrainingCertificate.number, TrainingCertificate.issued_on)
                                                 .order_by(TrainingCertificate.issued_on, TrainingCertificate.number)):
            assert number.split("/")[2] == str(issued_on.year)
            by_year[issued_on.year].append(int(number.split("/")[3]))
        for numbers in by_year.values():
            assert numbers == list(range(1, len(numbers) + 1))
        # One audit event per enrolment and certificate, as the services record them.
        from koperasi.db.models import AuditEvent

        actions = Counter(session.scalars(select(AuditEvent.action).where(AuditEvent.entity.in_(["batch", "session", "programme"]))))
        assert actions["participant_enrolled"] == session.scalar(select(func.count()).select_from(TrainingParticipant))
        assert actions["certificate_issued"] == summary.certificates and actions["programme_created"] == 6
        assert actions["attendance_recorded"] == session.scalar(
            select(func.count(func.distinct(TrainingAttendance.session_id))))
        # The product that requires a training: no demo loan of it went to anyone who had not completed it.
        product = session.scalar(select(LoanProduct).where(LoanProduct.required_programme_id.is_not(None)))
        assert product is not None
        borrowers = session.scalars(select(Loan.member_id).where(Loan.product_id == product.id)).all()
        assert all(has_completed(session, member_id, product.required_programme_id) for member_id in borrowers)
        qualified = session.scalars(
            select(TrainingParticipant.member_id).join(TrainingCertificate, TrainingCertificate.participant_id == TrainingParticipant.id)
            .join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id)
            .where(TrainingBatch.programme_id == product.required_programme_id)
        ).all()
        assert qualified and all(has_completed(session, member_id, product.required_programme_id) for member_id in qualified)


def test_demo_trainings_are_the_same_every_time(tmp_path):
    from koperasi.db.database import open_database
    from koperasi.db.models import TrainingAttendance, TrainingBatch, TrainingCertificate, TrainingParticipant
    from sqlalchemy.engine import make_url

    def fingerprint(name):
        database = open_database(make_url(f"sqlite+pysqlite:///{tmp_path / name}"))
        with database.session() as session:
            demo.fill(session, members=300, loans=0)
        with database.session() as session:
            rows = (
                session.execute(select(TrainingBatch.name, TrainingBatch.closed).order_by(TrainingBatch.name)).all(),
                session.execute(select(TrainingParticipant.id, TrainingParticipant.member_id, TrainingParticipant.enrolled_on,
                                       TrainingParticipant.withdrawn_on).order_by(TrainingParticipant.id)).all(),
                session.execute(select(TrainingAttendance.participant_id, TrainingAttendance.present)
                                .order_by(TrainingAttendance.session_id, TrainingAttendance.participant_id)).all(),
                session.execute(select(TrainingCertificate.number, TrainingCertificate.participant_id)
                                .order_by(TrainingCertificate.number)).all(),
            )
        database.dispose()
        return rows

    assert fingerprint("a.db") == fingerprint("b.db")


def test_demo_sales_are_what_the_sales_services_would_have_written(db):
    from collections import Counter, defaultdict
    from datetime import timedelta

    from koperasi.db.models import AuditEvent, ConsignmentIntake, JournalLine, Payout, Sale, SaleLine, SalesChannel, SalesProduct
    from koperasi.domain.sales.rules import effective_commission, split_line
    from koperasi.services.office import auth
    from koperasi.services.sales import consignment
    from koperasi.services.sales import payouts
    from koperasi.services.sales import papers as sales_papers
    from koperasi.services.ledger_checks import ledger_problems

    with db.session() as session:
        summary = demo.fill(session, members=500, loans=40, sales=400)
    assert summary.sales == 400 and summary.sale_lines >= 400 and summary.intakes > 0 and summary.payouts > 0
    today = clock.today()
    with db.session() as session:
        assert ledger_problems(session) == []
        assert health.examine(session).ok
        clerk = auth.login(session, "petugas", demo.DEMO_PASSWORD)
        stock = consignment.stock(session, clerk, in_stock_only=False)
        assert stock and all(row.on_hand_milli >= 0 for row in stock)
        accounts = payouts.payables(session, clerk, owed_only=False)
        assert accounts and all(row.owed >= 0 for row in accounts) and any(row.owed > 0 for row in accounts)

        sales = session.scalars(select(Sale)).all()
        lines = session.scalars(select(SaleLine)).all()
        intakes = session.scalars(select(ConsignmentIntake)).all()
        paid = session.scalars(select(Payout)).all()
        originals = [s for s in sales if s.reversal_of_id is None]
        assert len(originals) == 400 and len(lines) == summary.sale_lines
        assert any(s.reversal_of_id for s in sales) and any(p.reversal_of_id for p in paid)
        assert any(i.reversal_of_id for i in intakes)
        assert all(today - timedelta(days=365) < s.sold_on <= today for s in sales)
        assert len({s.channel_id for s in originals}) >= 5 and any(s.buyer_id for s in originals)
        assert any(line.member_id for line in lines) and any(line.group_id for line in lines)

        # Each line split at the rate the service would take; each sale the sum of its lines, booked as the service books it.
        products = {p.id: p for p in session.scalars(select(SalesProduct))}
        channels = {c.id: c for c in session.scalars(select(SalesChannel))}
        assert {p.commission_bp for p in products.values()} - {None} and {c.commission_bp for c in channels.values()} - {None}
        by_sale = defaultdict(list)
        for line in lines:
            by_sale[line.sale_id].append(line)
        journal = defaultdict(Counter)
        for entry_id, account, debit, credit in session.execute(
            select(JournalLine.entry_id, JournalLine.account, JournalLine.debit, JournalLine.credit)
        ):
            journal[entry_id][account] += debit - credit
        for sale in originals:
            channel = channels[sale.channel_id]
            for line in by_sale[sale.id]:
                rate = effective_commission(1000, products[line.product_id].commission_bp, channel.commission_bp)
                split = split_line(line.quantity_milli, line.unit_price, rate)
                assert (line.commission_bp, line.total, line.commission, line.producer_share) == (
                    rate, split.total, split.commission, split.producer_share)
            assert sale.total == sum(line.total for line in by_sale[sale.id])
            assert sale.commission == sum(line.commission for line in by_sale[sale.id])
            booked = {"1101": sale.total, "2101": -(sale.total - sale.commission), "4101": -sale.commission}
            assert journal[sale.journal_entry_id] == {account: amount for account, amount in booked.items() if amount}
        for payout in paid:
            sign = -1 if payout.reversal_of_id else 1
            assert journal[payout.journal_entry_id] == Counter({"2101": sign * payout.amount, "1101": -sign * payout.amount})

        # Replayed in the order they were saved, no stock and no payable was ever below zero.
        cancelled_sales = {s.reversal_of_id for s in sales if s.reversal_of_id}
        created = {s.id: s.created_at for s in sales}
        moves = []  # (when, producer, product or None, change)
        for intake in intakes:
            producer = (intake.member_id, intake.group_id)
            moves.append((intake.created_at, producer, intake.product_id, -intake.quantity_milli if intake.reversal_of_id
                          else intake.quantity_milli))
        for sale in sales:
            if sale.reversal_of_id:
                for line in by_sale[sale.reversal_of_id]:
                    producer = (line.member_id, line.group_id)
                    moves += [(sale.created_at, producer, line.product_id, line.quantity_milli),
                              (sale.created_at, producer, None, -line.producer_share)]
        for line in lines:
            producer = (line.member_id, line.group_id)
            moves += [(created[line.sale_id], producer, line.product_id, -line.quantity_milli),
                      (created[line.sale_id], producer, None, line.producer_share)]
        for payout in paid:
            moves.append((payout.created_at, (payout.member_id, payout.group_id), None,
                          payout.amount if payout.reversal_of_id else -payout.amount))
        running = Counter()
        for when, producer, product, change in sorted(moves, key=lambda move: (move[0], move[3] < 0)):
            running[(producer, product)] += change
            assert running[(producer, product)] >= 0, (when, producer, product)
        assert cancelled_sales <= {s.id for s in originals}

        # Gapless numbers per year, in the order the documents were made.
        for rows in (originals, [p for p in paid if not p.reversal_of_id], [i for i in intakes if not i.reversal_of_id]):
            by_year = defaultdict(list)
            for row in sorted(rows, key=lambda row: row.created_at):
                by_year[row.number.split("/")[2]].append(int(row.number.split("/")[3]))
            for numbers in by_year.values():
                assert numbers == list(range(1, len(numbers) + 1))
        assert all(i.number == f"{next(o.number for o in intakes if o.id == i.reversal_of_id)}-BATAL"
                   for i in intakes if i.reversal_of_id)

        # One audit event per document, as the services record them.
        actions = Counter(session.scalars(select(AuditEvent.action).where(AuditEvent.entity.in_(["sale", "payout", "intake"]))))
        assert actions["sale_recorded"] == 400 and actions["sale_reversed"] == len(cancelled_sales)
        assert actions["payout_made"] + actions["payout_reversed"] == len(paid)
        assert actions["intake_recorded"] + actions["intake_reversed"] == len(intakes)

        # The year's report counts every standing line once.
        report = sales_papers.sales_report(session, clerk, period_from=today - timedelta(days=365), period_to=today)
        standing = [line for line in lines if line.sale_id not in cancelled_sales]
        assert report.total.sales == len(standing) and report.total.total == sum(line.total for line in standing)
        for rows in report.breakdowns.values():
            assert sum(row.total for row in rows) == report.total.total


def test_demo_sales_are_the_same_every_time(tmp_path):
    from koperasi.db.database import open_database
    from koperasi.db.models import Payout, Sale, SaleLine
    from sqlalchemy.engine import make_url

    def fingerprint(name):
        database = open_database(make_url(f"sqlite+pysqlite:///{tmp_path / name}"))
        with database.session() as session:
            demo.fill(session, members=200, loans=0, sales=150)
        with database.session() as session:
            rows = (
                session.execute(select(Sale.id, Sale.number, Sale.sold_on, Sale.total, Sale.buyer_name).order_by(Sale.id)).all(),
                session.execute(select(SaleLine.sale_id, SaleLine.member_id, SaleLine.group_id, SaleLine.quantity_milli,
                                       SaleLine.unit_price).order_by(SaleLine.id)).all(),
                session.execute(select(Payout.number, Payout.amount, Payout.member_id).order_by(Payout.id)).all(),
            )
        database.dispose()
        return rows

    first = fingerprint("a.db")
    assert first[0] and first == fingerprint("b.db")


def test_the_demo_office_is_a_settled_office_not_one_of_brand_new_accounts(sqlite_db):
    """Its staff were made just now, its history is 18 months old: no approval in it is flagged as made by a
    new account, whatever the audit report's days, and Beranda lists no new account."""

    from koperasi.db.models import Loan
    from koperasi.domain.office.settings import MAX_NEW_ACCOUNT_DAYS, NEW_ACCOUNT_DAYS
    from koperasi.services.dashboard import waiting
    from koperasi.services.office.new_account_approvals import approvals_by_new_accounts
    from koperasi.services.office import auth
    from koperasi.services.office.settings import change_setting

    with sqlite_db.session() as session:
        demo.fill(session, members=150, loans=60, sales=0)
    with sqlite_db.session() as session:
        admin = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
        assert session.scalar(select(func.count()).select_from(Loan).where(Loan.decided_by.is_not(None))) > 30
        change_setting(session, admin, NEW_ACCOUNT_DAYS, MAX_NEW_ACCOUNT_DAYS, expected_version=0)
        assert approvals_by_new_accounts(session, admin) == (MAX_NEW_ACCOUNT_DAYS, [])
        lines = waiting.waiting(session, admin, today=clock.today(), now=clock.now()).lines
        assert waiting.Place.NEW_ACCOUNTS not in {line.place for line in lines}
