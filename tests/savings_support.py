"""An office ready to take savings: staff, a desa, members joining on a given day, rates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from koperasi.db.database import Database
from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Role
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.savings import movements, rates
from koperasi.services.savings.book import Movement
from tests.support import add_staff


@dataclass
class SavingsOffice:
    db: Database
    admin: Actor
    clerk: Actor
    manager: Actor
    treasurer: Actor
    desa_id: uuid.UUID

    def session(self):
        return self.db.session()

    def member(self, name: str = "Siti Aminah", joined: date = date(2026, 1, 5), birth: date = date(1980, 1, 1)) -> uuid.UUID:
        with self.db.session() as session:
            return members.register_member(
                session, self.admin,
                MemberInput(full_name=name, sex=Sex.FEMALE, birth_date=birth, desa_id=str(self.desa_id), join_date=joined),
                accept_warnings=True,
            ).id

    def set_rate(self, kind: SavingsKind, effective_from: date, amount: int) -> None:
        with self.db.session() as session:
            rates.set_rate(session, self.manager, kind=kind, effective_from=effective_from, amount=amount)

    def deposit(self, member_id, kind: SavingsKind, amount: int, on: date = date(2026, 11, 2), request_id=None,
                actor: Actor | None = None) -> Movement:
        with self.db.session() as session:
            return movements.deposit(session, actor or self.clerk, member_id, kind=kind, amount=amount, occurred_on=on,
                                     request_id=request_id or uuid.uuid4())

    def withdraw(self, member_id, amount: int, on: date = date(2026, 11, 20), request_id=None,
                 kind: SavingsKind = SavingsKind.SUKARELA) -> Movement:
        with self.db.session() as session:
            return movements.withdraw(session, self.clerk, member_id, amount=amount, occurred_on=on,
                                      request_id=request_id or uuid.uuid4(), kind=kind)

    def reverse(self, movement_id, reason: str = "Salah ketik jumlah") -> uuid.UUID:
        """Asked for by the treasurer, approved by the chair."""
        with self.db.session() as session:
            request = movements.request_savings_reversal(session, self.treasurer, movement_id, reason=reason,
                                                         request_id=uuid.uuid4())
        with self.db.session() as session:
            return movements.approve_savings_reversal(session, self.manager, request)


def savings_office(db: Database, admin: Actor) -> SavingsOffice:
    clerk = add_staff(db, admin, "petugas", Role.CLERK)
    manager = add_staff(db, admin, "ketua", Role.MANAGER)
    treasurer = add_staff(db, admin, "bendahara", Role.TREASURER)
    with db.session() as session:
        desa = regions.add_desa(session, admin, "15.03.09", name="Perdamaian")
    return SavingsOffice(db, admin, clerk, manager, treasurer, desa.id)
