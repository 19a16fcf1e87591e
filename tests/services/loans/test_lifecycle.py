"""The life of a loan: four eyes, roles, eligibility, the fund's limit, disbursement, reschedule, write-off."""

from __future__ import annotations

import threading
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent, LoanInstallment, LoanSchedule
from koperasi.domain.errors import ConflictError, PermissionDenied, ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.loans.products import LoanKind
from koperasi.domain.loans.rules import Frequency, LoanStatus, MovementKind
from koperasi.domain.roles import Role
from koperasi.services import ledger_checks
from koperasi.services.loans import funds
from koperasi.services.loans import queries as loan_queries
from koperasi.services.loans import lifecycle as loans
from koperasi.services.members import register as members
from koperasi import clock
from tests.loan_support import START, account_balance, journal_entry_count, loan_office, movement_count
from tests.support import add_staff, set_up_office


@pytest.fixture
def office(sqlite_db):
    """Most rules here are plain Python over the rows: SQLite is enough (and quick)."""
    return loan_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    """Where locking, unique keys or retries meet the database: both dialects."""
    return loan_office(db, admin)


def _application(office, member_id, principal=1_200_000, term=12, product_id=None, group_id=None):
    return loans.LoanApplication(member_id, product_id or office.product_id, principal, term, "Modal warung", START, group_id)


# ---- four eyes and roles -------------------------------------------------------------------


def test_a_manager_cannot_approve_the_loan_they_applied_for_but_another_manager_can(both):
    office = both
    loan_id = office.apply(office.member(), actor=office.manager)
    with office.session() as session, pytest.raises(PermissionDenied, match="empat mata"):
        loans.approve_loan(session, office.manager, loan_id, expected_version=1)
    assert office.loan(loan_id).status == LoanStatus.APPLIED
    second = add_staff(office.db, office.admin, "ketua2", Role.MANAGER)
    with office.session() as session:
        loans.approve_loan(session, second, loan_id, expected_version=1, note="Usaha jelas")
        detail = loan_queries.loan_detail(session, second, loan_id)
    assert detail.status is LoanStatus.APPROVED
    assert detail.decided_by_name == "Ketua2"
    assert detail.applied_by_name == "Ketua"


def test_the_detail_says_who_may_not_decide_and_plans_the_schedule_until_disbursement(office):
    loan_id = office.apply(office.member(), actor=office.manager)
    with office.session() as session:
        own = loan_queries.loan_detail(session, office.manager, loan_id)
        others = loan_queries.loan_detail(session, office.admin, loan_id)
    # The same words the refusal uses: the screen shows them before anyone types a note.
    assert own.decision_refusal == loans.OWN_APPLICATION and others.decision_refusal is None
    assert own.schedule_planned and len(own.schedule) == 12 and sum(item.amount for item in own.schedule) == 1_200_000
    assert own.schedule[0].due_on == date(2026, 12, 28)  # paid out on the pinned day, due a month later
    with office.session() as session:
        loans.reject_loan(session, office.admin, loan_id, expected_version=1, reason="Usaha belum berjalan")
        rejected = loan_queries.loan_detail(session, office.admin, loan_id)
    assert rejected.schedule == [] and not rejected.schedule_planned


def test_a_planned_schedule_that_would_end_after_the_calendar_is_not_shown(office):
    """Found by the hostile-input run: an approved loan looked at as of 31 December 9999 crashed."""
    loan_id = office.apply(office.member())
    with office.session() as session:
        detail = loan_queries.loan_detail(session, office.admin, loan_id, today=date(9999, 12, 31))
    assert detail.schedule == [] and detail.status is LoanStatus.APPLIED


def test_the_maker_cannot_reject_their_own_application_either(office):
    loan_id = office.apply(office.member(), actor=office.manager)
    with office.session() as session, pytest.raises(PermissionDenied, match="empat mata"):
        loans.reject_loan(session, office.manager, loan_id, expected_version=1, reason="Usaha belum jalan")


def test_a_rejection_needs_a_reason_and_a_rejected_loan_cannot_be_approved(office):
    loan_id = office.apply(office.member())
    with office.session() as session:
        for reason in ("", "  ", "abc"):
            with pytest.raises(ValidationError, match="alasan penolakan"):
                loans.reject_loan(session, office.manager, loan_id, expected_version=1, reason=reason)
        loans.reject_loan(session, office.manager, loan_id, expected_version=1, reason="  Usaha   belum berjalan ")
    loan = office.loan(loan_id)
    assert (loan.status, loan.decision_note) == (LoanStatus.REJECTED, "Usaha belum berjalan")
    with office.session() as session, pytest.raises(ValidationError, match="ditolak"):
        loans.approve_loan(session, office.manager, loan_id, expected_version=loan.version)


def test_an_approval_is_cancelled_before_disbursement_so_the_member_can_leave(office):
    member_id = office.member()
    loan_id = office.approved_loan(member_id)
    with office.session() as session, pytest.raises(ValidationError, match="batalkan lewat Tindakan lain"):
        members.record_leaving(session, office.admin, member_id, left_on=START, reason="Pindah ke Bungo", expected_version=1)
    with office.session() as session:
        with pytest.raises(ValidationError, match="alasan penolakan"):
            loans.reject_loan(session, office.admin, loan_id, expected_version=2, reason="")
        loans.reject_loan(session, office.admin, loan_id, expected_version=2, reason="Anggota pindah ke Bungo")
        members.record_leaving(session, office.admin, member_id, left_on=START, reason="Pindah ke Bungo", expected_version=1)
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "loan_rejected")).one()
        assert movement_count(session) == 0  # nothing was paid out, so nothing is reversed
    assert office.loan(loan_id).status == LoanStatus.REJECTED
    assert (event.before, event.after) == ({"status": "Disetujui"}, {"status": "Ditolak"})


def test_a_disbursed_loan_is_neither_rejected_nor_cancelled(office):
    loan_id = office.active_loan(office.member())
    with office.session() as session, pytest.raises(ValidationError, match="tidak dapat ditolak atau dibatalkan"):
        loans.reject_loan(session, office.manager, loan_id, expected_version=office.loan(loan_id).version, reason="Terlambat")


def test_a_stale_decision_is_refused(office):
    loan_id = office.apply(office.member())
    with office.session() as session, pytest.raises(ConflictError):
        loans.approve_loan(session, office.manager, loan_id, expected_version=7)


@pytest.mark.parametrize("role", [Role.CLERK, Role.MANAGER])
def test_only_treasurer_or_admin_disburse(office, role):
    loan_id = office.approved_loan(office.member())
    actor = {Role.CLERK: office.clerk, Role.MANAGER: office.manager}[role]
    with office.session() as session, pytest.raises(PermissionDenied, match="mencairkan"):
        loans.disburse_loan(session, actor, loan_id, disbursed_on=START, first_due_on=date(2025, 2, 6), request_id=uuid.uuid4())
    with office.session() as session:
        assert journal_entry_count(session) == 1  # only the capital


def test_clerks_cannot_approve_write_off_or_reschedule(office):
    loan_id = office.apply(office.member())
    with office.session() as session:
        with pytest.raises(PermissionDenied):
            loans.approve_loan(session, office.clerk, loan_id, expected_version=1)
        with pytest.raises(PermissionDenied):
            loans.write_off_loan(session, office.clerk, loan_id, written_off_on=START, reason="Meninggal dunia", request_id=uuid.uuid4())
        with pytest.raises(PermissionDenied):
            loans.reschedule_loan(session, office.treasurer, loan_id, term=3, frequency=Frequency.MONTHLY,
                                  first_due_on=clock.today() + timedelta(days=9), reason="Gagal panen", expected_version=1)


# ---- the fund's limit ----------------------------------------------------------------------


def test_a_loan_larger_than_what_the_fund_has_is_not_disbursed(db, admin):
    office = loan_office(db, admin, capital=5_000_000)
    first = office.active_loan(office.member("Siti Aminah"), principal=3_000_000)
    second = office.approved_loan(office.member("Rina Marlina"), principal=3_000_000)
    with office.session() as session:
        entries = journal_entry_count(session)
        with pytest.raises(ValidationError, match=r"Dana tersedia di Dana Bergulir Pemkab hanya Rp2\.000\.000"):
            loans.disburse_loan(session, office.treasurer, second, disbursed_on=START, first_due_on=date(2025, 2, 6),
                                request_id=uuid.uuid4())
        assert journal_entry_count(session) == entries
    assert office.loan(second).status == LoanStatus.APPROVED
    # Money coming back makes room again: 1.000.000 repaid -> 3.000.000 available.
    office.repay(first, 1_000_000, on=date(2025, 2, 6))
    office.disburse(second, on=date(2025, 2, 7), first_due=date(2025, 3, 7))
    with office.session() as session:
        (fund,) = funds.list_funds(session, office.admin)
        assert (fund.capital, fund.outstanding, fund.available, fund.repaid) == (5_000_000, 5_000_000, 0, 1_000_000)
        assert ledger_checks.ledger_problems(session) == []


# ---- disbursement --------------------------------------------------------------------------


def test_disbursement_posts_principal_and_fee_on_their_own_receipts(office):
    loan_id = office.approved_loan(office.member(), principal=1_200_000)
    result = office.disburse(loan_id)
    assert result.receipt_number == "KW/PAU/2025/000001"
    assert result.fee_receipt_number == "KW/PAU/2025/000002"
    with office.session() as session:
        assert account_balance(session, Account.CASH) == 100_000_000 - 1_200_000 + 10_000
        assert account_balance(session, Account.LOANS_RECEIVABLE) == 1_200_000
        assert account_balance(session, Account.ADMIN_FEE_INCOME) == 10_000
        detail = loan_queries.loan_detail(session, office.admin, loan_id, today=date(2025, 2, 5))
        assert ledger_checks.ledger_problems(session) == []
    assert detail.status is LoanStatus.ACTIVE
    assert [item.amount for item in detail.schedule] == [100_000] * 12
    assert detail.schedule[0].due_on == date(2025, 2, 6) and detail.schedule[-1].due_on == date(2026, 1, 6)
    assert (detail.outstanding, detail.arrears, detail.next_due_on) == (1_200_000, 0, date(2025, 2, 6))


def test_disbursement_checks_its_dates(office):
    loan_id = office.approved_loan(office.member())
    with office.session() as session:
        for on, first_due in (
            (START - timedelta(days=1), START + timedelta(days=30)),  # before the application
            (clock.today() + timedelta(days=1), clock.today() + timedelta(days=30)),  # in the future
            (START, START),  # first due not after disbursement
            (START, START + timedelta(days=93)),  # too far
        ):
            with pytest.raises(ValidationError):
                loans.disburse_loan(session, office.treasurer, loan_id, disbursed_on=on, first_due_on=first_due,
                                    request_id=uuid.uuid4())
    assert office.loan(loan_id).status == LoanStatus.APPROVED


def test_an_unapproved_loan_is_not_disbursed(office):
    loan_id = office.apply(office.member())
    with office.session() as session, pytest.raises(ValidationError, match="diajukan"):
        loans.disburse_loan(session, office.treasurer, loan_id, disbursed_on=START, first_due_on=date(2025, 2, 6),
                            request_id=uuid.uuid4())


def test_disbursement_retried_with_the_same_request_returns_the_first_result_and_posts_once(both):
    office = both
    loan_id = office.approved_loan(office.member())
    request = uuid.uuid4()
    first = office.disburse(loan_id, request_id=request)
    with office.session() as session:
        entries, moves = journal_entry_count(session), movement_count(session)
    again = office.disburse(loan_id, request_id=request)
    assert again == first
    with office.session() as session:
        assert (journal_entry_count(session), movement_count(session)) == (entries, moves) == (3, 2)


def test_application_retried_with_the_same_request_adds_one_loan(office):
    member_id = office.member()
    request = uuid.uuid4()
    with office.session() as session:
        first = loans.apply_for_loan(session, office.clerk, _application(office, member_id), request_id=request)
        again = loans.apply_for_loan(session, office.clerk, _application(office, member_id), request_id=request)
        assert first == again == request
        assert loan_queries.loan_page(session, office.clerk, loan_queries.LoanFilter(member_id=member_id)).total == 1


def test_application_outside_the_product_is_refused(office):
    member_id = office.member()
    with office.session() as session:
        for principal, term in ((400_000, 12), (10_000_001, 12), (1_200_000, 2), (1_200_000, 25)):
            with pytest.raises(ValidationError, match="produk ini"):
                loans.apply_for_loan(session, office.clerk, _application(office, member_id, principal, term), request_id=uuid.uuid4())


# ---- eligibility ---------------------------------------------------------------------------


def test_a_member_who_left_cannot_apply(office):
    member_id = office.member("Nur Aisyah")
    with office.session() as session:
        detail = members.get_member(session, office.admin, member_id)
        members.record_leaving(session, office.admin, member_id, left_on=date(2025, 1, 2), reason="Pindah ke Jambi",
                               expected_version=detail.version)
        with pytest.raises(ValidationError, match="Nur Aisyah sudah keluar"):
            loans.apply_for_loan(session, office.clerk, _application(office, member_id), request_id=uuid.uuid4())


def test_the_same_product_twice_is_refused_while_the_first_is_open(office):
    member_id = office.member("Nur Aisyah")
    first = office.apply(member_id)
    number = office.loan(first).number
    with office.session() as session, pytest.raises(ValidationError, match=f"masih punya pinjaman {number}"):
        loans.apply_for_loan(session, office.clerk, _application(office, member_id), request_id=uuid.uuid4())


def test_a_member_late_on_another_loan_cannot_apply_for_a_new_one(office):
    member_id = office.member("Nur Aisyah")
    late = office.active_loan(member_id)  # due since February 2025, nothing paid
    _, other_product = office.second_fund_product()
    with office.session() as session, pytest.raises(ValidationError, match=f"menunggak pada pinjaman {office.loan(late).number}"):
        loans.apply_for_loan(session, office.clerk, _application(office, member_id, product_id=other_product), request_id=uuid.uuid4())
    # Once nothing is late any more (everything due is paid), the other product is open to her.
    office.repay(late, 1_200_000, on=date(2025, 3, 1))
    office.apply(member_id, product_id=other_product)


def test_a_group_product_needs_a_group_the_member_belongs_to(office):
    _, group_product = office.second_fund_product(product="Tanggung Renteng", kind=LoanKind.GROUP)
    inside, outside = office.member("Siti Aminah"), office.member("Rina Marlina")
    group_id = office.group_with("Mawar", [inside])
    with office.session() as session:
        with pytest.raises(ValidationError, match="pilih kelompoknya"):
            loans.apply_for_loan(session, office.clerk, _application(office, inside, product_id=group_product), request_id=uuid.uuid4())
        with pytest.raises(ValidationError, match="Rina Marlina bukan anggota kelompok"):
            loans.apply_for_loan(session, office.clerk, _application(office, outside, product_id=group_product, group_id=group_id),
                                 request_id=uuid.uuid4())
        with pytest.raises(ValidationError, match="perorangan tidak memakai kelompok"):
            loans.apply_for_loan(session, office.clerk, _application(office, inside, group_id=group_id), request_id=uuid.uuid4())
    office.apply(inside, product_id=group_product, group_id=group_id)


# ---- reschedule and write-off --------------------------------------------------------------


def test_reschedule_keeps_the_old_schedule_and_the_new_one_sums_to_what_remains(office):
    loan_id = office.active_loan(office.member(), principal=1_200_000)
    office.repay(loan_id, 250_000, on=date(2025, 4, 1))
    first_due = clock.today() + timedelta(days=10)
    with office.session() as session:
        with pytest.raises(ValidationError, match="alasan penjadwalan ulang"):
            loans.reschedule_loan(session, office.manager, loan_id, term=5, frequency=Frequency.WEEKLY,
                                  first_due_on=first_due, reason="", expected_version=office.loan(loan_id).version)
        loans.reschedule_loan(session, office.manager, loan_id, term=5, frequency=Frequency.WEEKLY,
                              first_due_on=first_due, reason="Gagal panen karet", expected_version=office.loan(loan_id).version)
        headers = session.scalars(select(LoanSchedule).where(LoanSchedule.loan_id == loan_id).order_by(LoanSchedule.schedule_no)).all()
        assert [(h.schedule_no, h.principal, h.paid_before) for h in headers] == [(1, 1_200_000, 0), (2, 950_000, 250_000)]
        assert headers[1].reason == "Gagal panen karet"
        old = session.scalars(select(LoanInstallment.amount).where(LoanInstallment.loan_id == loan_id,
                                                                   LoanInstallment.schedule_no == 1)).all()
        assert sum(old) == 1_200_000 and len(old) == 12
        detail = loan_queries.loan_detail(session, office.admin, loan_id)
        assert ledger_checks.ledger_problems(session) == []
    assert detail.rescheduled
    assert [item.amount for item in detail.schedule] == [190_000] * 5
    assert [item.due_on for item in detail.schedule] == [first_due + timedelta(days=7 * i) for i in range(5)]
    assert sum(item.amount for item in detail.schedule) == detail.outstanding == 950_000
    assert (detail.arrears, detail.days_past_due) == (0, 0)  # the new schedule has nothing due yet
    # A payment now pays the new schedule's first installment.
    payment = office.repay(loan_id, 200_000, on=clock.today())
    assert [(a.number, a.amount) for a in payment.allocations] == [(1, 190_000), (2, 10_000)]


def test_reschedule_refuses_a_first_due_date_not_in_the_future(office):
    loan_id = office.active_loan(office.member())
    with office.session() as session, pytest.raises(ValidationError, match="sesudah hari ini"):
        loans.reschedule_loan(session, office.manager, loan_id, term=5, frequency=Frequency.MONTHLY,
                              first_due_on=clock.today(), reason="Gagal panen", expected_version=office.loan(loan_id).version)


def test_write_off_then_its_reversal_restores_the_loan(both):
    office = both
    loan_id = office.active_loan(office.member())
    office.repay(loan_id, 300_000, on=date(2025, 4, 6))
    request = uuid.uuid4()
    with office.session() as session:
        with pytest.raises(ValidationError, match="alasan hapus buku"):
            loans.write_off_loan(session, office.manager, loan_id, written_off_on=date(2025, 12, 1), reason="x", request_id=request)
        movement_id = loans.write_off_loan(session, office.manager, loan_id, written_off_on=date(2025, 12, 1),
                                           reason="Peminjam meninggal dunia", request_id=request)
        entries = journal_entry_count(session)
        assert loans.write_off_loan(session, office.manager, loan_id, written_off_on=date(2025, 12, 1),
                                    reason="Peminjam meninggal dunia", request_id=request) == movement_id
        assert journal_entry_count(session) == entries
        (fund,) = funds.list_funds(session, office.admin)
        assert (fund.outstanding, fund.written_off, fund.available) == (0, 900_000, 100_000_000 - 900_000)
        assert account_balance(session, Account.WRITTEN_OFF_LOANS) == 900_000
        assert ledger_checks.ledger_problems(session) == []
    loan = office.loan(loan_id)
    assert (loan.status, loan.written_off, loan.closed_on) == (LoanStatus.WRITTEN_OFF, 900_000, date(2025, 12, 1))
    with office.session() as session, pytest.raises(ValidationError, match="dihapusbukukan"):
        loans.write_off_loan(session, office.manager, loan_id, written_off_on=date(2025, 12, 1), reason="Sekali lagi",
                             request_id=uuid.uuid4())

    office.reverse(movement_id, reason="Ahli waris sanggup membayar")
    loan = office.loan(loan_id)
    assert (loan.status, loan.written_off, loan.closed_on) == (LoanStatus.ACTIVE, 0, None)
    with office.session() as session:
        (fund,) = funds.list_funds(session, office.admin)
        assert (fund.outstanding, fund.written_off) == (900_000, 0)
        assert account_balance(session, Account.WRITTEN_OFF_LOANS) == 0
        kinds = [m.kind for m in loan_queries.loan_detail(session, office.admin, loan_id).movements]
        assert ledger_checks.ledger_problems(session) == []
    assert kinds.count(MovementKind.WRITE_OFF) == 1 and kinds[-1] is MovementKind.REVERSAL
    office.repay(loan_id, 900_000, on=clock.today())
    assert office.loan(loan_id).status == LoanStatus.PAID_OFF


def test_two_pcs_disbursing_at_once_cannot_lend_more_than_the_fund_has(db, admin):
    """Each loan alone fits the fund, both together do not: exactly one of two simultaneous disbursements wins."""
    office = loan_office(db, admin, capital=5_000_000)
    first, second = (office.approved_loan(office.member(name), principal=3_000_000) for name in ("Siti Aminah", "Rina Marlina"))
    barrier = threading.Barrier(2)
    outcomes: dict[uuid.UUID, object] = {}

    def disburse(loan_id):
        with office.session() as session:
            barrier.wait()
            try:
                outcomes[loan_id] = loans.disburse_loan(session, office.treasurer, loan_id, disbursed_on=START,
                                                        first_due_on=date(2025, 2, 6), request_id=uuid.uuid4())
            except Exception as error:  # noqa: BLE001 - the refusal is what we look at
                outcomes[loan_id] = error

    threads = [threading.Thread(target=disburse, args=(loan_id,)) for loan_id in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    refused = [outcome for outcome in outcomes.values() if isinstance(outcome, Exception)]
    assert len(outcomes) == 2 and len(refused) == 1, outcomes
    assert isinstance(refused[0], ValidationError) and "Dana Bergulir Pemkab" in refused[0].message
    with office.session() as session:
        (fund,) = funds.list_funds(session, office.admin)
        assert (fund.outstanding, fund.available) == (3_000_000, 2_000_000)
        assert ledger_checks.ledger_problems(session) == []
