"""A member who leaves gets pokok, wajib and sukarela back on one kwitansi; not while a loan is still owed."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent, Member, SavingsMovement
from koperasi.domain.errors import ConflictError, ValidationError
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


def test_a_member_behind_on_a_loan_is_told_which_loan_and_what_is_owed(db, admin):
    office = loan_office(db, admin)
    member = office.member()
    loan_id = office.active_loan(member, principal=1_200_000)
    office.repay(loan_id, 100_000)  # months behind since: in arrears on the pinned day
    with db.session() as session:
        rates.set_rate(session, admin, kind=SavingsKind.POKOK, effective_from=date(2020, 1, 1), amount=100_000)
    with db.session() as session:
        movements.deposit(session, admin, member, kind=SavingsKind.POKOK, amount=100_000, occurred_on=date(2025, 1, 6),
                          request_id=uuid.uuid4())
    _leave(db, admin, member)
    number = office.loan(loan_id).number
    with pytest.raises(ValidationError, match=rf"masih berutang Rp1\.100\.000 pada pinjaman {number}"):
        _return(db, admin, member)
    with db.session() as session:
        assert queries.member_savings(session, admin, member, as_of=TODAY).balances[SavingsKind.POKOK] == 100_000
        assert account_balance(session, Account.SAVINGS_POKOK) == 100_000


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
