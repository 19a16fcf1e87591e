"""An admin who creates a second account to approve their own loan or reversal is seen in the audit report."""

from __future__ import annotations

from datetime import timedelta

import pytest

from koperasi import clock
from koperasi.db.models import User
from koperasi.domain.office.settings import NEW_ACCOUNT_DAYS
from koperasi.domain.roles import Role
from koperasi.services.office import new_account_approvals
from koperasi.services.loans import lifecycle as loans
from koperasi.services.loans import payments as loan_payments
from koperasi.services.office import settings
from tests.loan_support import loan_office
from tests.support import add_staff, set_up_office


@pytest.fixture
def office(sqlite_db):
    return loan_office(sqlite_db, set_up_office(sqlite_db))


def _age(office, actor, days: int) -> None:
    """Pretend the account was created ``days`` before now (tests run on a pinned clock)."""
    with office.session() as session:
        session.get(User, actor.user_id).created_at = clock.now() - timedelta(days=days)
        session.commit()


def test_a_loan_approved_by_a_fresh_account_is_listed_and_an_old_hand_is_not(office):
    _age(office, office.manager, 400)
    by_old_hand = office.approved_loan(office.member("Siti Aminah"))
    puppet = add_staff(office.db, office.admin, "ketuadua", Role.MANAGER)  # made the same day as the application
    loan_id = office.apply(office.member("Nur Aisyah"))
    with office.session() as session:
        loans.approve_loan(session, puppet, loan_id, expected_version=1)
        days, flagged = new_account_approvals.approvals_by_new_accounts(session, office.admin)
    assert days == 30
    assert [(item.record_id, item.approved_by, item.amount) for item in flagged] == [(loan_id, "Ketuadua", 1_200_000)]
    assert by_old_hand not in {item.record_id for item in flagged}


def test_a_reversal_approved_by_a_fresh_account_is_listed_within_the_setting(office):
    _age(office, office.manager, 45)
    loan_id = office.active_loan(office.member())
    payment = office.repay(loan_id, 100_000)
    request = office.request_reversal(payment.movement_id, "Salah ketik")
    with office.session() as session:
        loan_payments.approve_movement_reversal(session, office.manager, request)
        _, flagged = new_account_approvals.approvals_by_new_accounts(session, office.admin)
        assert request not in {item.record_id for item in flagged}  # 45 days > 30
        value, version = settings.read_setting(session, office.admin, NEW_ACCOUNT_DAYS)
        settings.change_setting(session, office.admin, NEW_ACCOUNT_DAYS, 60, expected_version=version)
        _, flagged = new_account_approvals.approvals_by_new_accounts(session, office.admin)
    (item,) = [item for item in flagged if item.record_id == request]
    assert item.what.startswith("Pembatalan transaksi pinjaman: Angsuran") and item.amount == 100_000
    assert (item.asked_by, item.approved_by) == ("Bendahara", "Ketua")
