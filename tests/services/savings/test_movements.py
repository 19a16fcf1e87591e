"""Deposits and withdrawals at the counter: balances, the journal, receipts, retries, reversals, append-only."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select, text

from koperasi.db.models import AuditEvent, JournalEntry, SavingsMovement
from koperasi.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger_checks, reversals
from koperasi.services.savings import movements, papers, queries
from tests.loan_support import account_balance
from tests.savings_support import savings_office
from tests.support import TODAY, set_up_office


@pytest.fixture
def office(sqlite_db):
    return savings_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def both(db, admin):
    return savings_office(db, admin)


def _savings(office, member_id, as_of=TODAY):
    with office.session() as session:
        return queries.member_savings(session, office.admin, member_id, as_of=as_of)


def test_deposits_and_a_withdrawal_post_balanced_entries_and_keep_the_books_equal(both):
    member = both.member()
    both.set_rate(SavingsKind.POKOK, date(2020, 1, 1), 100_000)
    both.deposit(member, SavingsKind.POKOK, 100_000)
    both.deposit(member, SavingsKind.WAJIB, 30_000)
    both.deposit(member, SavingsKind.SUKARELA, 250_000)
    paid = both.withdraw(member, 75_000)
    assert paid.balance == 175_000 and paid.receipt_number.startswith("KW/PAU/2026/")
    assert _savings(both, member).balances == {SavingsKind.POKOK: 100_000, SavingsKind.WAJIB: 30_000, SavingsKind.SUKARELA: 175_000}
    with both.session() as session:
        assert account_balance(session, Account.CASH) == 100_000 + 30_000 + 250_000 - 75_000
        assert account_balance(session, Account.SAVINGS_POKOK) == 100_000
        assert account_balance(session, Account.SAVINGS_WAJIB) == 30_000
        assert account_balance(session, Account.SAVINGS_SUKARELA) == 175_000
        assert ledger_checks.ledger_problems(session) == []
        events = session.scalars(select(AuditEvent.action).where(AuditEvent.action.in_(("savings_deposited", "savings_withdrawn")))).all()
    assert sorted(events) == ["savings_deposited"] * 3 + ["savings_withdrawn"]


def test_a_withdrawal_above_the_balance_is_refused_in_indonesian_and_changes_nothing(both):
    member = both.member()
    both.deposit(member, SavingsKind.SUKARELA, 50_000)
    with pytest.raises(ValidationError, match=r"melebihi saldo simpanan sukarela Rp50\.000") as refused:
        both.withdraw(member, 50_001)
    assert refused.value.field == "amount"
    assert _savings(both, member).balances[SavingsKind.SUKARELA] == 50_000


def test_pokok_and_wajib_are_not_drawn_on_while_the_member_stays(office):
    member = office.member()
    office.deposit(member, SavingsKind.WAJIB, 10_000)
    with pytest.raises(ValidationError, match="hanya dikembalikan ketika anggota keluar"):
        office.withdraw(member, 5_000, kind=SavingsKind.WAJIB)


def test_pokok_is_paid_up_to_its_amount_once(office):
    member = office.member(joined=date(2026, 3, 1))
    with pytest.raises(ValidationError, match="belum diatur"):
        office.deposit(member, SavingsKind.POKOK, 50_000)
    office.set_rate(SavingsKind.POKOK, date(2025, 1, 1), 100_000)
    office.set_rate(SavingsKind.POKOK, date(2027, 1, 1), 150_000)  # later members pay more; this one joined before
    office.deposit(member, SavingsKind.POKOK, 60_000)
    with pytest.raises(ValidationError, match=r"tinggal Rp40\.000"):
        office.deposit(member, SavingsKind.POKOK, 50_000)
    office.deposit(member, SavingsKind.POKOK, 40_000)
    with pytest.raises(ValidationError, match="sudah lunas"):
        office.deposit(member, SavingsKind.POKOK, 1)
    assert _savings(office, member).pokok_owed == 0


@pytest.mark.parametrize(
    ("amount", "on", "message"),
    [
        (0, date(2026, 11, 2), "lebih dari nol"),
        (-5_000, date(2026, 11, 2), "lebih dari nol"),
        (10_000, date(2026, 11, 29), "masa depan"),
        (10_000, date(2025, 12, 31), "sebelum Siti Aminah menjadi anggota"),
        (10**13, date(2026, 11, 2), "paling banyak"),
    ],
)
def test_bad_deposits_are_refused_with_a_message(office, amount, on, message):
    member = office.member()
    with pytest.raises(ValidationError, match=message):
        office.deposit(member, SavingsKind.SUKARELA, amount, on=on)


def test_a_retried_save_posts_once_and_a_reused_request_id_is_refused(both):
    member = both.member()
    key = uuid.uuid4()
    first = both.deposit(member, SavingsKind.SUKARELA, 40_000, request_id=key)
    again = both.deposit(member, SavingsKind.SUKARELA, 40_000, request_id=key)
    assert again == first
    with pytest.raises(ConflictError, match="isi lain"):
        both.deposit(member, SavingsKind.SUKARELA, 45_000, request_id=key)
    with both.session() as session:
        assert session.scalar(select(func.count()).select_from(SavingsMovement)) == 1
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == 1


def test_a_member_who_left_takes_no_new_savings(office):
    from koperasi.services.members import register

    member = office.member()
    with office.session() as session:
        register.record_leaving(session, office.admin, member, left_on=date(2026, 11, 1), reason="Pindah ke Jambi", expected_version=1)
    with pytest.raises(ValidationError, match="sudah keluar"):
        office.deposit(member, SavingsKind.SUKARELA, 10_000)
    with office.session() as session, pytest.raises(NotFound):
        movements.deposit(session, office.clerk, uuid.uuid4(), kind=SavingsKind.SUKARELA, amount=1, occurred_on=TODAY,
                          request_id=uuid.uuid4())


def test_a_reversal_needs_a_second_user_and_mirrors_the_entry(both):
    member = both.member()
    deposit = both.deposit(member, SavingsKind.SUKARELA, 120_000)
    with both.session() as session:
        request = movements.request_savings_reversal(session, both.treasurer, deposit.id, reason="Salah anggota",
                                                     request_id=uuid.uuid4())
    with both.session() as session, pytest.raises(PermissionDenied, match="empat mata"):
        movements.approve_savings_reversal(session, both.treasurer, request)
    assert _savings(both, member).balances[SavingsKind.SUKARELA] == 120_000  # stands until approved
    with both.session() as session:
        reversal_id = movements.approve_savings_reversal(session, both.manager, request)
        assert movements.approve_savings_reversal(session, both.manager, request) == reversal_id  # a retried approval
        assert ledger_checks.ledger_problems(session) == []
        assert account_balance(session, Account.SAVINGS_SUKARELA) == 0
        receipt = papers.receipt_for(session, both.clerk, deposit.id)
    savings = _savings(both, member)
    assert savings.balances[SavingsKind.SUKARELA] == 0
    assert [row.cancelled for row in savings.movements if row.id == deposit.id] == [True]
    assert receipt.cancelled and receipt.cancel_reason == "Salah anggota"
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        both.reverse(deposit.id)


def test_a_deposit_already_drawn_on_cannot_be_reversed_before_its_withdrawal(office):
    member = office.member()
    deposit = office.deposit(member, SavingsKind.SUKARELA, 100_000)
    withdrawal = office.withdraw(member, 80_000)
    with pytest.raises(ValidationError, match="Batalkan dahulu penarikan"):
        office.reverse(deposit.id)
    office.reverse(withdrawal.id)
    office.reverse(deposit.id)
    assert _savings(office, member).balances[SavingsKind.SUKARELA] == 0
    with office.session() as session:
        assert ledger_checks.ledger_problems(session) == []


def test_savings_reversals_wait_in_the_shared_list(office):
    member = office.member()
    deposit = office.deposit(member, SavingsKind.WAJIB, 10_000)
    with office.session() as session:
        movements.request_savings_reversal(session, office.treasurer, deposit.id, reason="Dobel catat", request_id=uuid.uuid4())
        waiting = reversals.pending_reversals(session, office.manager)
    assert [(item.kind.value, item.amount) for item in waiting] == [("saving", 10_000)]
    assert "Setoran simpanan wajib" in waiting[0].summary and waiting[0].refusal is None


def test_the_savings_receipt_says_the_balance_and_carries_no_meterai(office):
    member = office.member()
    big = office.deposit(member, SavingsKind.SUKARELA, 7_500_000)
    paid = office.withdraw(member, 6_000_000)
    with office.session() as session:
        deposit_receipt = papers.receipt_for(session, office.clerk, big.id)
        withdrawal_receipt = papers.receipt_for(session, office.clerk, paid.id)
    assert deposit_receipt.title == "KWITANSI SETORAN SIMPANAN"
    assert deposit_receipt.received_from == "Siti Aminah" and deposit_receipt.paid_by_member
    assert deposit_receipt.remaining_balance == 7_500_000 and deposit_receipt.balance_label == "Saldo simpanan sukarela"
    assert not deposit_receipt.needs_meterai  # exempt, though above Rp5.000.000
    assert withdrawal_receipt.title == "KWITANSI PENARIKAN SIMPANAN" and not withdrawal_receipt.paid_by_member
    assert withdrawal_receipt.received_by == "Siti Aminah" and withdrawal_receipt.remaining_balance == 1_500_000


def test_savings_history_is_append_only(both):
    member = both.member()
    both.deposit(member, SavingsKind.SUKARELA, 10_000)
    for statement in ("UPDATE savings_movements SET amount = 1", "DELETE FROM savings_movements"):
        with pytest.raises(Exception, match="append-only"), both.db.engine.begin() as connection:
            connection.execute(text(statement))


def test_doctor_finds_savings_that_disagree_with_the_journal(sqlite_db, office):
    member = office.member()
    office.deposit(member, SavingsKind.SUKARELA, 10_000)
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER savings_movements_no_update"))
        connection.execute(text("UPDATE savings_movements SET amount = 20000, change = 20000"))
    with office.session() as session:
        problems = ledger_checks.ledger_problems(session)
    assert any("simpanan sukarela di jurnal Rp10.000 berbeda dari buku simpanan anggota Rp20.000" in p for p in problems)
    assert any("savings_movements" in p for p in problems)


def test_the_statement_opens_with_the_balances_before_the_period_and_ends_with_those_after(both):
    member = both.member()
    both.deposit(member, SavingsKind.SUKARELA, 100_000, on=date(2026, 2, 3))
    both.deposit(member, SavingsKind.WAJIB, 20_000, on=date(2026, 3, 4))
    mistaken = both.deposit(member, SavingsKind.SUKARELA, 70_000, on=date(2026, 4, 5))
    both.withdraw(member, 30_000, on=date(2026, 4, 20))
    both.reverse(mistaken.id)  # dated today, inside the period
    both.deposit(member, SavingsKind.SUKARELA, 5_000, on=TODAY)
    with both.session() as session:
        statement = papers.savings_statement(session, both.clerk, member, period_from=date(2026, 4, 1), period_to=date(2026, 11, 27))
        with pytest.raises(ValidationError, match="tidak boleh sesudah"):
            papers.savings_statement(session, both.clerk, member, period_from=date(2026, 5, 1), period_to=date(2026, 4, 1))
    assert statement.opening == {SavingsKind.POKOK: 0, SavingsKind.WAJIB: 20_000, SavingsKind.SUKARELA: 100_000}
    assert [(line.description, line.change, line.total, line.cancelled) for line in statement.lines] == [
        ("Setoran simpanan sukarela", 70_000, 190_000, False),  # it stood on 27 November: cancelled only today
        ("Penarikan simpanan sukarela", -30_000, 160_000, False),
    ]  # the reversal (today) and the last deposit fall after 27 November
    assert statement.closing[SavingsKind.SUKARELA] == 140_000
    with both.session() as session:
        today = papers.savings_statement(session, both.clerk, member, period_from=date(2026, 4, 1), period_to=TODAY)
    assert [line.cancelled for line in today.lines][:1] == [True] and today.lines[2].description.startswith("Pembatalan KW/")
    assert today.closing[SavingsKind.SUKARELA] == 75_000


def test_doctor_counts_savings_receipts_in_the_one_kwitansi_sequence(office):
    from koperasi.services.office import health

    member = office.member()
    office.deposit(member, SavingsKind.SUKARELA, 10_000)
    office.withdraw(member, 5_000)
    with office.session() as session:
        assert health.number_problems(session) == []
