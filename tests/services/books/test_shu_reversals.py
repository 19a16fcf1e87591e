"""Undoing an SHU payment by reversal under four eyes, in cash and into sukarela, on the hand-worked 2025 of
test_shu (Siti's share Rp19.700, Rina's Rp4.800; Hutang SHU anggota Rp27.000 once divided)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent, SavingsMovement
from koperasi.domain.books.rules import PaymentMethod
from koperasi.domain.errors import NotFound, PermissionDenied, ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger_checks, reversals
from koperasi.services.books import shu, shu_reversals
from koperasi.services.savings import book as savings_book
from koperasi.services.savings import movements
from tests.loan_support import account_balance
from tests.services.books.test_shu import _divide, _plan, year_2025  # noqa: F401  (the fixture)

PAID_ON = date(2026, 3, 20)


def _pay(books, member_id, method):
    with books.session() as session:
        return shu.pay_shu(session, books.office.treasurer, 2025, member_id, method=method, paid_on=PAID_ON,
                           request_id=uuid.uuid4())


def _ask(books, member_id, actor=None, request_id=None):
    with books.session() as session:
        return shu_reversals.request_shu_payment_reversal(
            session, actor or books.office.treasurer, 2025, member_id, reason="Salah cara bayar",
            request_id=request_id or uuid.uuid4())


def _approve(books, request_id, actor=None):
    with books.session() as session:
        return shu_reversals.approve_shu_payment_reversal(session, actor or books.office.manager, request_id)


def test_a_cash_payment_is_reversed_after_another_user_approves_and_the_share_may_be_paid_again(year_2025):
    books, people = year_2025
    _divide(books)
    paid = _pay(books, people["siti"], PaymentMethod.CASH)
    key = uuid.uuid4()
    request = _ask(books, people["siti"], request_id=key)
    assert _ask(books, people["siti"], request_id=key) == request  # a retried request
    with books.session() as session:
        assert account_balance(session, Account.SHU_PAYABLE) == 27_000 - 19_700  # nothing moves while it waits
        with pytest.raises(PermissionDenied, match="empat mata"):
            shu_reversals.approve_shu_payment_reversal(session, books.office.treasurer, request)
        waiting = reversals.pending_reversals(session, books.office.manager)
    assert [(row.summary, row.amount) for row in waiting] == [
        (f"SHU 2025 tunai {paid.receipt_number}, PAU-000001 Siti Aminah", 19_700)]
    reversal_id = _approve(books, request)
    assert _approve(books, request) == reversal_id  # a retried approval posts nothing
    with books.session() as session:
        assert account_balance(session, Account.SHU_PAYABLE) == 27_000
        assert ledger_checks.ledger_problems(session) == []
        receipt = shu.shu_receipt(session, books.office.clerk, 2025, people["siti"])
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "shu_payment_reversed")).one()
    assert receipt.cancelled and receipt.cancel_reason == "Salah cara bayar"  # the kwitansi reprints BATAL
    assert event.user_id == books.office.manager.user_id and event.before["receipt_number"] == paid.receipt_number
    siti = next(member for member in _plan(books).members if member.member_id == people["siti"])
    assert siti.paid_by is None  # owed again
    again = _pay(books, people["siti"], PaymentMethod.SUKARELA)
    with books.session() as session:
        assert account_balance(session, Account.SHU_PAYABLE) == 27_000 - 19_700
        assert savings_book.balances(session, people["siti"])[SavingsKind.SUKARELA] == 19_700
        assert ledger_checks.ledger_problems(session) == []
    assert again.method is PaymentMethod.SUKARELA


def test_a_payment_into_sukarela_is_reversed_with_its_deposit_unless_already_drawn_on(year_2025):
    books, people = year_2025
    _divide(books)
    into = _pay(books, people["rina"], PaymentMethod.SUKARELA)
    with books.session() as session, pytest.raises(ValidationError, match="Batalkan dari Berkas → Tutup buku & SHU"):
        movements.request_savings_reversal(session, books.office.treasurer, into.savings_movement_id,
                                           reason="Salah", request_id=uuid.uuid4())
    with books.session() as session:
        movements.withdraw(session, books.office.clerk, people["rina"], amount=1_000, occurred_on=PAID_ON,
                           request_id=uuid.uuid4())
    with pytest.raises(ValidationError, match="membuatnya negatif"):
        _ask(books, people["rina"])
    with books.session() as session:
        movements.deposit(session, books.office.clerk, people["rina"], kind=SavingsKind.SUKARELA, amount=1_000,
                          occurred_on=PAID_ON, request_id=uuid.uuid4())
    _approve(books, _ask(books, people["rina"]))
    with books.session() as session:
        assert savings_book.balances(session, people["rina"])[SavingsKind.SUKARELA] == 0
        assert account_balance(session, Account.SHU_PAYABLE) == 27_000
        reversal = session.scalars(select(SavingsMovement).where(
            SavingsMovement.reversal_of_id == into.savings_movement_id)).one()
        assert reversal.occurred_on == date(2026, 11, 28) and "pembayaran SHU 2025 dibatalkan" in reversal.reason
        assert ledger_checks.ledger_problems(session) == []


def test_what_is_not_paid_is_not_reversed_and_only_the_right_roles_ask(year_2025):
    books, people = year_2025
    _divide(books)
    with pytest.raises(NotFound, match="belum dibayarkan"):
        _ask(books, people["siti"])
    _pay(books, people["siti"], PaymentMethod.CASH)
    with pytest.raises(PermissionDenied):
        _ask(books, people["siti"], actor=books.office.clerk)
    with pytest.raises(ValidationError, match="alasan"):
        with books.session() as session:
            shu_reversals.request_shu_payment_reversal(session, books.office.treasurer, 2025, people["siti"],
                                                       reason=" ", request_id=uuid.uuid4())
    _ask(books, people["siti"])
    with pytest.raises(ValidationError, match="sudah diminta"):
        _ask(books, people["siti"])
