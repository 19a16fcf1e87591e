"""A fresh office's first steps: what Beranda shows until the office has members and loans.

Each step is done or not, counted in the database; the tab opens the place to do it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, FundCapitalReceipt, LoanProduct, Member, SalesProduct, TrainingProgramme
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize


class Step(StrEnum):
    REGIONS = "regions"
    FUND = "fund"
    LOAN_PRODUCT = "loan_product"
    MEMBER = "member"
    PROGRAMME = "programme"
    CATALOGUE = "catalogue"


@dataclass(frozen=True, slots=True)
class Checklist:
    done: dict[Step, bool]

    @property
    def fresh(self) -> bool:
        """No member yet: Beranda shows the checklist instead of empty tiles."""
        return not self.done[Step.MEMBER]

    @property
    def complete(self) -> bool:
        return all(self.done.values())


def checklist(session: Session, actor: Actor) -> Checklist:
    authorize(session, actor, Permission.USE_APP)
    row = session.execute(
        select(
            exists().where(Desa.active.is_(True)),
            exists().where(FundCapitalReceipt.id.is_not(None)),
            exists().where(LoanProduct.id.is_not(None)),
            exists().where(Member.id.is_not(None)),
            exists().where(TrainingProgramme.id.is_not(None)),
            exists().where(SalesProduct.id.is_not(None)),
        )
    ).one()
    regions, fund, product, member, programme, catalogue = (bool(value) for value in row)
    return Checklist({
        Step.REGIONS: regions, Step.FUND: fund, Step.LOAN_PRODUCT: product, Step.MEMBER: member,
        Step.PROGRAMME: programme, Step.CATALOGUE: catalogue,
    })
