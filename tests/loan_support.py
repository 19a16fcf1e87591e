"""Builders for loan tests: a fund with capital, a product, members, staff for each role."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from koperasi.db.database import Database
from koperasi.domain.loan_products import LoanKind, ProductInput
from koperasi.domain.loans import Frequency
from koperasi.domain.members import MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Role
from koperasi.services import funds, loan_products, loans, members, regions
from tests.support import add_staff

START = date(2025, 1, 6)


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

    def approved_loan(self, member_id: uuid.UUID, principal: int = 1_200_000, term: int = 12, product_id=None, group_id=None) -> uuid.UUID:
        with self.db.session() as session:
            loan_id = loans.apply_for_loan(
                session, self.clerk,
                loans.LoanApplication(member_id, product_id or self.product_id, principal, term, "Modal warung", START, group_id),
                request_id=uuid.uuid4(),
            )
            loans.approve_loan(session, self.manager, loan_id, expected_version=1)
        return loan_id

    def active_loan(self, member_id: uuid.UUID, principal: int = 1_200_000, term: int = 12, **kwargs) -> uuid.UUID:
        loan_id = self.approved_loan(member_id, principal, term, **kwargs)
        with self.db.session() as session:
            loans.disburse_loan(
                session, self.treasurer, loan_id, disbursed_on=START, first_due_on=date(2025, 2, 6), request_id=uuid.uuid4()
            )
        return loan_id


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
