"""A member who leaves gets pokok, wajib and sukarela back on one kwitansi, less what a running loan still owes."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent, Member, SavingsMovement
from koperasi.domain.errors import ConflictError, DomainError, ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger_checks
from koperasi.services.office import health
from koperasi.services.members import register as members
from koperasi.services.savings import leaving, movements, papers, queries, rates
from tests.loan_support import account_balance, journal_entry_count, loan_office
from tests.savings_support import savings_office
from tests.support import TODAY

LEFT_ON = date(2026, 11, 25)


@pytest.fixture
def both(db, admin):
    return savings_office(db, admin)


def _leave(db, actor, member_id, on=LEFT_ON):
    with db.session() as session:
        version = session.get(Member, member_id).version
        members.record_leaving(session, actor, member_id, left_on=on, reason="Pindah ke Jambi", expected_version=version)


def _return(db, actor, member_id, request_id=None, on=TODAY):
    with db.session() as session:
        return leaving.return_savings(session, actor, member_id, occurred_on=on, request_id=request_id or uuid.uuid4())


def test_a_leaving_member_gets_everything_back_on_one_kwitansi_and_the_books_balance(both):
    member = both.member()
    both.set_rate(SavingsKind.POKOK, date(2020, 1, 1), 100_000)
    both.deposit(member, SavingsKind.POKOK, 100_000)
    both.deposit(member, SavingsKind.WAJIB, 110_000)
    both.deposit(member, SavingsKind.SUKARELA, 40_000)
    _leave(both.db, both.admin, member)
    key = uuid.uuid4()
    paid = _return(both.db, both.clerk, member, request_id=key)
    assert paid.paid == {SavingsKind.POKOK: 100_000, SavingsKind.WAJIB: 110_000, SavingsKind.SUKARELA: 40_000}
    assert paid.total == 250_000 and paid.receipt_number.startswith("KW/")
    with both.session() as session:
        entries = journal_entry_count(session)
        assert account_balance(session, Account.CASH) == 0
        assert account_balance(session, Account.SAVINGS_POKOK) == account_balance(session, Account.SAVINGS_WAJIB) == 0
        assert account_balance(session, Account.SAVINGS_SUKARELA) == 0
        assert ledger_checks.ledger_problems(session) == []
        assert health.examine(session).ok  # savings against the journal, and no hole in the receipt sequence
        assert queries.member_savings(session, both.admin, member, as_of=TODAY).total == 0
        numbered = session.scalars(select(SavingsMovement.receipt_number).where(
            SavingsMovement.member_id == member, SavingsMovement.action == "withdrawal")).all()
        assert sorted(numbered, key=str) == sorted([paid.receipt_number, None, None], key=str)  # one kwitansi number
        assert session.scalars(select(AuditEvent.action).where(AuditEvent.action == "savings_returned")).all() == ["savings_returned"]
        receipt = papers.receipt_for(session, both.admin, paid.movement_id)
    assert receipt.title == "KWITANSI PENGEMBALIAN SIMPANAN" and receipt.amount == 250_000
    assert [(line.label, line.amount) for line in receipt.lines] == [
        ("Simpanan pokok", 100_000), ("Simpanan wajib", 110_000), ("Simpanan sukarela", 40_000)]
    assert receipt.received_by == "Siti Aminah" and receipt.remaining_balance is None
    # A retry (the dialog saved, the answer was lost) posts nothing and returns the same kwitansi.
    assert _return(both.db, both.clerk, member, request_id=key) == paid
    with both.session() as session:
        assert journal_entry_count(session) == entries


def test_the_return_waits_until_the_member_has_left_and_refuses_a_second_return(both):
    member = both.member()
    both.deposit(member, SavingsKind.WAJIB, 10_000)
    with pytest.raises(ValidationError, match="masih anggota aktif"):
        _return(both.db, both.clerk, member)
    _leave(both.db, both.admin, member)
    with pytest.raises(ValidationError, match="sebelum tanggal keluar"):
        _return(both.db, both.clerk, member, on=date(2026, 11, 24))
    _return(both.db, both.clerk, member)
    with pytest.raises(ValidationError, match="tidak mempunyai saldo simpanan"):
        _return(both.db, both.clerk, member)


def test_the_same_request_id_for_another_member_is_refused(both):
    first, second = both.member(), both.member("Rahmat Hidayat")
    for member in (first, second):
        both.deposit(member, SavingsKind.WAJIB, 10_000)
        _leave(both.db, both.admin, member)
    key = uuid.uuid4()
    _return(both.db, both.clerk, first, request_id=key)
    with pytest.raises(ConflictError):
        _return(both.db, both.clerk, second, request_id=key)


def _loan_and_savings(db, admin, *, repaid: int, saved: dict[SavingsKind, int]):
    """A member with a running loan of Rp1.200.000 (``repaid`` of it paid) and the given savings."""
    office = loan_office(db, admin)
    member = office.member()
    loan_id = office.active_loan(member, principal=1_200_000)
    office.repay(loan_id, repaid)
    with db.session() as session:
        rates.set_rate(session, admin, kind=SavingsKind.POKOK, effective_from=date(2020, 1, 1), amount=100_000)
    for kind, amount in saved.items():
        with db.session() as session:
            movements.deposit(session, admin, member, kind=kind, amount=amount, occurred_on=date(2025, 1, 6),
                              request_id=uuid.uuid4())
    return office, member, loan_id


def _leave_with_savings(db, actor, member_id, *, offset=True, request_id=None):
    with db.session() as session:
        version = session.get(Member, member_id).version
        return leaving.leave_with_savings(
            session, actor, member_id, left_on=LEFT_ON, reason="Pindah ke Jambi", expected_version=version,
            offset=offset, request_id=request_id or uuid.uuid4(),
        )


def test_a_member_with_a_running_loan_cannot_just_leave(db, admin):
    office, member, loan_id = _loan_and_savings(db, admin, repaid=100_000, saved={SavingsKind.POKOK: 100_000})
    number = office.loan(loan_id).number
    with pytest.raises(ValidationError, match=rf"masih berutang Rp1\.100\.000 pada pinjaman {number}"):
        _leave(db, admin, member)
    with db.session() as session:
        assert session.get(Member, member).status == "aktif"


def test_the_clerk_sees_the_loan_and_the_savings_before_the_member_leaves(db, admin):
    office, member, loan_id = _loan_and_savings(
        db, admin, repaid=1_000_000, saved={SavingsKind.POKOK: 100_000, SavingsKind.WAJIB: 110_000, SavingsKind.SUKARELA: 40_000})
    with db.session() as session:
        position = leaving.leaving_position(session, office.clerk, member)
    assert [(loan.loan_id, loan.number, loan.outstanding) for loan in position.loans] == [
        (loan_id, office.loan(loan_id).number, 200_000)]
    assert (position.total, position.owed, position.offset, position.short, position.cash) == (250_000, 200_000, 200_000, 0, 50_000)


def test_savings_pay_the_loan_and_the_rest_is_paid_in_cash_on_one_kwitansi(db, admin):
    office, member, loan_id = _loan_and_savings(
        db, admin, repaid=1_000_000, saved={SavingsKind.POKOK: 100_000, SavingsKind.WAJIB: 110_000, SavingsKind.SUKARELA: 40_000})
    key = uuid.uuid4()
    paid = _leave_with_savings(db, office.clerk, member, request_id=key)
    number = office.loan(loan_id).number
    assert paid.total == 250_000 and paid.cash == 50_000 and paid.offsets == ((number, 200_000),)
    loan = office.loan(loan_id)
    assert loan.status == "paid_off" and loan.principal_paid == 1_200_000
    with db.session() as session:
        assert session.get(Member, member).status == "keluar"
        assert queries.member_savings(session, admin, member, as_of=TODAY).total == 0
        assert account_balance(session, Account.LOANS_RECEIVABLE) == 0
        assert account_balance(session, Account.SAVINGS_POKOK) == account_balance(session, Account.SAVINGS_WAJIB) == 0
        assert ledger_checks.ledger_problems(session) == [] and health.examine(session).ok
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == str(member))).all()
        assert {"member_left", "savings_returned"} <= set(actions)
        assert session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == str(loan_id))).all()[-1] == "loan_repaid"
        entries = journal_entry_count(session)
        receipt = papers.receipt_for(session, admin, paid.movement_id)
    assert receipt.title == "KWITANSI PENGEMBALIAN SIMPANAN" and receipt.number == paid.receipt_number
    assert receipt.amount == 50_000  # the cash the member takes home
    assert [(line.label, line.amount) for line in receipt.lines] == [
        ("Simpanan pokok", 100_000), ("Simpanan wajib", 110_000), ("Simpanan sukarela", 40_000),
        (f"Dipotong pelunasan pinjaman {number}", -200_000)]
    # A retry posts nothing and answers with the same kwitansi.
    assert _leave_with_savings(db, office.clerk, member, request_id=key) == paid
    with db.session() as session:
        assert journal_entry_count(session) == entries


def test_savings_short_of_the_loan_are_refused_naming_the_loan_and_the_remainder(db, admin):
    office, member, loan_id = _loan_and_savings(db, admin, repaid=100_000, saved={SavingsKind.POKOK: 100_000})
    number = office.loan(loan_id).number
    with pytest.raises(ValidationError, match=rf"pinjaman {number} masih kurang Rp1\.000\.000"):
        _leave_with_savings(db, office.clerk, member)
    with pytest.raises(ValidationError, match=rf"masih berutang Rp1\.100\.000 pada pinjaman {number}"):
        _leave_with_savings(db, office.clerk, member, offset=False)
    with db.session() as session:
        assert session.get(Member, member).status == "aktif"
        assert account_balance(session, Account.SAVINGS_POKOK) == 100_000
    assert office.loan(loan_id).principal_paid == 100_000


def test_an_offset_is_undone_by_reversal_under_four_eyes(db, admin):
    office, member, loan_id = _loan_and_savings(db, admin, repaid=1_150_000, saved={SavingsKind.WAJIB: 60_000})
    _leave_with_savings(db, office.clerk, member)
    with db.session() as session:
        offset = session.scalars(select(SavingsMovement.id).where(
            SavingsMovement.member_id == member, SavingsMovement.reason.startswith("Diperhitungkan"))).one()
        request = movements.request_savings_reversal(session, office.treasurer, offset, reason="Salah hitung",
                                                     request_id=uuid.uuid4())
    with db.session() as session, pytest.raises(DomainError):
        movements.approve_savings_reversal(session, office.treasurer, request)
    with db.session() as session:
        movements.approve_savings_reversal(session, office.manager, request)
    with db.session() as session:
        assert queries.member_savings(session, admin, member, as_of=TODAY).balances[SavingsKind.WAJIB] == 50_000
        assert ledger_checks.ledger_problems(session) == []


def test_a_mistaken_return_is_undone_by_reversal_and_its_kwitansi_reprints_batal(both):
    member = both.member()
    both.deposit(member, SavingsKind.WAJIB, 60_000)
    both.deposit(member, SavingsKind.SUKARELA, 20_000)
    _leave(both.db, both.admin, member)
    paid = _return(both.db, both.clerk, member)
    with both.session() as session:
        unnumbered = session.scalars(select(SavingsMovement.id).where(
            SavingsMovement.member_id == member, SavingsMovement.action == "withdrawal",
            SavingsMovement.receipt_number.is_(None))).one()
    both.reverse(unnumbered, reason="Anggota batal keluar")
    with both.session() as session:
        balances = queries.member_savings(session, both.admin, member, as_of=TODAY).balances
        assert balances[SavingsKind.SUKARELA] == 20_000 and balances[SavingsKind.WAJIB] == 0
        assert account_balance(session, Account.SAVINGS_SUKARELA) == 20_000 and ledger_checks.ledger_problems(session) == []
        receipt = papers.receipt_for(session, both.admin, unnumbered)
    assert receipt.number == paid.receipt_number and receipt.cancelled
