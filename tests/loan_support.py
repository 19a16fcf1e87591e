"""Builders for loan tests: a fund with capital, a product, members, staff for each role."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from koperasi.db.database import Database
from koperasi.db.models import JournalEntry, Loan, LoanMovement
from koperasi.domain.ledger import Account
from koperasi.domain.loans.products import LoanKind, ProductInput
from koperasi.domain.loans.rules import Frequency
from koperasi.domain.members.register import GroupKind, MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Role
from koperasi.services import ledger
from koperasi.services.loans import funds
from koperasi.services.members import groups
from koperasi.services.loans import payments as loan_payments
from koperasi.services.loans import products as loan_products
from koperasi.services.loans import lifecycle as loans
from koperasi.services.members import register as members
from koperasi.services.office import regions
from tests.support import add_staff

START = date(2025, 1, 6)
FIRST_DUE = date(2025, 2, 6)


@dataclass
class LoanOffice:
    db: Database
    admin: Actor
    clerk: Actor
    manager: Actor
    treasurer: Actor
    fund_id: uuid.UUID
    product_id: uuid.UUID
    desa_id: uuid.UUID

    def session(self):
        return self.db.session()

    def member(self, name: str = "Siti Aminah", birth: date = date(1980, 1, 1)) -> uuid.UUID:
        with self.db.session() as session:
            return members.register_member(
                session, self.admin,
                MemberInput(full_name=name, sex=Sex.FEMALE, birth_date=birth, desa_id=str(self.desa_id), join_date=date(2024, 1, 2)),
                accept_warnings=True,
            ).id

    def apply(self, member_id: uuid.UUID, principal: int = 1_200_000, term: int = 12, product_id=None, group_id=None,
              actor: Actor | None = None) -> uuid.UUID:
        with self.db.session() as session:
            return loans.apply_for_loan(
                session, actor or self.clerk,
                loans.LoanApplication(member_id, product_id or self.product_id, principal, term, "Modal warung", START, group_id),
                request_id=uuid.uuid4(),
            )

    def approved_loan(self, member_id: uuid.UUID, principal: int = 1_200_000, term: int = 12, product_id=None, group_id=None) -> uuid.UUID:
        loan_id = self.apply(member_id, principal, term, product_id, group_id)
        with self.db.session() as session:
            loans.approve_loan(session, self.manager, loan_id, expected_version=1)
        return loan_id

    def active_loan(self, member_id: uuid.UUID, principal: int = 1_200_000, term: int = 12, **kwargs) -> uuid.UUID:
        loan_id = self.approved_loan(member_id, principal, term, **kwargs)
        self.disburse(loan_id)
        return loan_id

    def disburse(self, loan_id: uuid.UUID, on: date = START, first_due: date = FIRST_DUE, **kwargs) -> loans.Disbursement:
        with self.db.session() as session:
            return loans.disburse_loan(
                session, self.treasurer, loan_id, disbursed_on=on, first_due_on=first_due,
                request_id=kwargs.pop("request_id", uuid.uuid4()), **kwargs,
            )

    def repay(self, loan_id: uuid.UUID, amount: int, on: date = START, **kwargs) -> loan_payments.Payment:
        with self.db.session() as session:
            return loan_payments.repay(
                session, kwargs.pop("actor", self.clerk), loan_id, amount=amount, paid_on=on,
                request_id=kwargs.pop("request_id", uuid.uuid4()), **kwargs,
            )

    def reverse(self, movement_id: uuid.UUID, reason: str = "Salah input kasir", request_id=None) -> uuid.UUID:
        """The treasurer asks, the manager approves (four eyes); returns the reversal movement."""
        request = self.request_reversal(movement_id, reason, request_id)
        with self.db.session() as session:
            return loan_payments.approve_movement_reversal(session, self.manager, request)

    def request_reversal(self, movement_id: uuid.UUID, reason: str = "Salah input kasir", request_id=None) -> uuid.UUID:
        with self.db.session() as session:
            return loan_payments.request_movement_reversal(
                session, self.treasurer, movement_id, reason=reason, request_id=request_id or uuid.uuid4()
            )

    def loan(self, loan_id: uuid.UUID) -> Loan:
        """The loan row as stored now (detached)."""
        with self.db.session() as session:
            loan = session.get(Loan, loan_id)
            session.expunge(loan)
            return loan

    def second_fund_product(self, *, fund: str = "Dana CSR Sawit", product: str = "Modal Tani", capital: int = 50_000_000,
                            kind: LoanKind = LoanKind.INDIVIDUAL, frequency: Frequency = Frequency.MONTHLY,
                            admin_fee: int = 0) -> tuple[uuid.UUID, uuid.UUID]:
        with self.db.session() as session:
            fund_id = funds.create_fund(session, self.admin, name=fund, donor="PT Sawit Jambi")
            funds.receive_capital(session, self.admin, fund_id=fund_id, amount=capital, received_on=date(2024, 12, 1),
                                  note="CSR", request_id=uuid.uuid4())
            product_id = loan_products.create_product(
                session, self.admin,
                ProductInput(product, fund_id, kind, 500_000, 10_000_000, 3, 24, frequency, 1000, admin_fee),
            )
        return fund_id, product_id

    def group_with(self, name: str, member_ids: list[uuid.UUID]) -> uuid.UUID:
        with self.db.session() as session:
            group = groups.create_group(session, self.admin, name=name, kind=GroupKind.WOMEN_BUSINESS, desa_id=self.desa_id)
            for member_id in member_ids:
                groups.add_to_group(session, self.admin, group.id, member_id, joined_on=date(2024, 6, 1))
        return group.id


def loan_office(db: Database, admin: Actor, *, capital: int = 100_000_000, admin_fee: int = 10_000,
                frequency: Frequency = Frequency.MONTHLY, kind: LoanKind = LoanKind.INDIVIDUAL) -> LoanOffice:
    clerk = add_staff(db, admin, "petugas", Role.CLERK)
    manager = add_staff(db, admin, "ketua", Role.MANAGER)
    treasurer = add_staff(db, admin, "bendahara", Role.TREASURER)
    with db.session() as session:
        desa = regions.add_desa(session, admin, "15.03.09", name="Perdamaian")
        fund_id = funds.create_fund(session, admin, name="Dana Bergulir Pemkab", donor="Pemerintah Kabupaten Sarolangun")
        funds.receive_capital(session, admin, fund_id=fund_id, amount=capital, received_on=date(2024, 12, 1),
                              note="Tahap 1", request_id=uuid.uuid4())
        product_id = loan_products.create_product(
            session, admin,
            ProductInput("Modal Usaha Mikro", fund_id, kind, 500_000, 10_000_000, 3, 24, frequency, 1000, admin_fee),
        )
    return LoanOffice(db, admin, clerk, manager, treasurer, fund_id, product_id, desa.id)


def journal_entry_count(session) -> int:
    return session.scalar(select(func.count()).select_from(JournalEntry))


def movement_count(session) -> int:
    return session.scalar(select(func.count()).select_from(LoanMovement))


def account_balance(session, account: Account) -> int:
    """Balance on the account's normal side, all funds together."""
    return sum(row.balance for row in ledger.account_totals(session) if row.account is account)
