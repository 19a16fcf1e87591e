"""Whatever the clerks do, in any order, the books stay sound.

Hypothesis generates sequences of disbursements, repayments (some too large), reversals
of random movements (some not allowed), write-offs and their reversals, and after every
step the journal, the loans' sub-ledger, the audit log (one event per movement, with its
amount) and a simple model of what should be true must all agree. One SQLite database serves every example; each example opens its own fund
and product, so the per-fund figures and the change in cash belong to that example alone.

``KOPERASI_LEDGER_EXAMPLES=500 pytest tests/services/loans/test_invariants.py`` runs a longer search.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.loans.products import LoanKind, ProductInput
from koperasi.domain.loans.rules import Frequency, LoanStatus, MovementKind
from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.db.models import AuditEvent, Loan
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.services import ledger, ledger_checks
from koperasi.services.loans import funds
from koperasi.services.loans import products as loan_products
from koperasi.services.loans import lifecycle as loans
from koperasi.services.members import register as members
from tests.loan_support import START, account_balance, journal_entry_count, loan_office
from tests.support import set_up_office

EXAMPLES = int(os.environ.get("KOPERASI_LEDGER_EXAMPLES", "30"))
MONEY_EVENTS = {
    MovementKind.DISBURSEMENT: AuditAction.LOAN_DISBURSED.value,
    MovementKind.REPAYMENT: AuditAction.LOAN_REPAID.value,
    MovementKind.WRITE_OFF: AuditAction.LOAN_WRITTEN_OFF.value,
}
CAPITAL = 4_000_000
FEE = 15_000


@dataclass
class ModelMovement:
    id: uuid.UUID
    loan: ModelLoan
    kind: MovementKind
    amount: int
    reversed: bool = False


@dataclass
class ModelLoan:
    id: uuid.UUID
    principal: int
    status: LoanStatus = LoanStatus.APPROVED
    disbursed: int = 0
    paid: int = 0
    written_off: int = 0
    fee: ModelMovement | None = None  # the admin fee taken with the standing disbursement

    @property
    def outstanding(self) -> int:
        return self.disbursed - self.paid - self.written_off


@dataclass
class Model:
    loans: list[ModelLoan] = field(default_factory=list)
    movements: list[ModelMovement] = field(default_factory=list)
    fees: int = 0
    approved_reversals: list[uuid.UUID] = field(default_factory=list)  # the movements a second user cancelled

    def audit_trail(self) -> Counter:
        """The money events the audit log must hold for these loans: one per movement, one per reversal
        (a disbursement's fee is in the disbursement's event; its reversal has its own)."""
        events: Counter = Counter()
        for movement in self.movements:
            if movement.kind in MONEY_EVENTS:
                events[(MONEY_EVENTS[movement.kind], str(movement.loan.id), format_rupiah(movement.amount))] += 1
            if movement.reversed:
                events[(AuditAction.LOAN_MOVEMENT_REVERSED.value, str(movement.loan.id), format_rupiah(movement.amount))] += 1
        return events

    def outstanding(self) -> int:
        return sum(loan.outstanding for loan in self.loans)

    def written_off(self) -> int:
        return sum(loan.written_off for loan in self.loans)

    def cash_change(self) -> int:
        # Cash pays out the disbursements that stand and takes in repayments and fees that stand;
        # a write-off moves nothing through cash.
        return sum(loan.paid - loan.disbursed for loan in self.loans) + self.fees


operations = st.lists(
    st.one_of(
        st.tuples(st.just("new_loan"), st.integers(500, 3_000).map(lambda k: k * 1_000)),
        st.tuples(st.just("disburse_again"), st.integers(0, 50)),
        st.tuples(st.just("repay"), st.integers(0, 50), st.sampled_from(["part", "all", "too_much"]),
                  st.integers(1, 10**6), st.booleans()),
        st.tuples(st.just("reverse"), st.integers(0, 200)),
        st.tuples(st.just("write_off"), st.integers(0, 50)),
    ),
    min_size=1,
    max_size=14,
)


@pytest.fixture
def books(sqlite_db):
    return loan_office(sqlite_db, set_up_office(sqlite_db), capital=1_000)


# One sequence through every loan money service (a retried repayment, the reversal of a repayment, of a
# write-off and of a disbursement with its fee) always runs, whatever the random search draws.
EVERY_MONEY_SERVICE = [
    ("new_loan", 1_000_000), ("repay", 0, "part", 100_000, True), ("reverse", 2), ("repay", 0, "part", 50_000, False),
    ("write_off", 0), ("reverse", 5), ("new_loan", 500_000), ("reverse", 7),
]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=operations)
@example(steps=EVERY_MONEY_SERVICE)
def test_any_sequence_of_loan_operations_keeps_the_books_sound(books, steps):
    office = books
    tag = uuid.uuid4().hex[:8]
    with office.session() as session:
        fund_id = funds.create_fund(session, office.admin, name=f"Dana {tag}", donor="Uji")
        funds.receive_capital(session, office.admin, fund_id=fund_id, amount=CAPITAL, received_on=date(2024, 12, 1),
                              note="", request_id=uuid.uuid4())
        product_id = loan_products.create_product(
            session, office.admin,
            ProductInput(f"Produk {tag}", fund_id, LoanKind.INDIVIDUAL, 500_000, 10_000_000, 3, 12, Frequency.MONTHLY, 1000, FEE),
        )
        cash_before = account_balance(session, Account.CASH)
    model = Model()

    def check() -> None:
        with office.session() as session:
            assert ledger_checks.ledger_problems(session) == []
            totals = ledger.trial_balance(session, office.admin)
            assert sum(row.debit for row in totals) == sum(row.credit for row in totals)
            for loan in model.loans:
                row = session.get(Loan, loan.id, populate_existing=True)
                assert (LoanStatus(row.status), row.disbursed, row.principal_paid, row.written_off) == (
                    loan.status, loan.disbursed, loan.paid, loan.written_off
                )
                assert loan.outstanding >= 0
                assert (loan.outstanding == 0) == (loan.status is not LoanStatus.ACTIVE)
            (fund,) = [f for f in funds.list_funds(session, office.admin) if f.id == fund_id]
            assert (fund.capital, fund.outstanding, fund.written_off) == (CAPITAL, model.outstanding(), model.written_off())
            # Not necessarily >= 0: reversing a repayment whose money was lent again puts the fund under water
            # (the books must say so rather than refuse the correction); a new disbursement is then refused.
            assert fund.available == CAPITAL - model.outstanding() - model.written_off()
            assert fund.repaid == sum(loan.paid for loan in model.loans)
            assert account_balance(session, Account.CASH) - cash_before == model.cash_change()
            # Every movement has its audit event, with its amount, and a retried save adds none.
            logged = session.scalars(select(AuditEvent).where(
                AuditEvent.entity == "loan", AuditEvent.entity_id.in_([str(loan.id) for loan in model.loans]),
                AuditEvent.action.in_([*MONEY_EVENTS.values(), AuditAction.LOAN_MOVEMENT_REVERSED.value]),
            ))
            assert Counter(
                (e.action, e.entity_id, (e.before if e.action == AuditAction.LOAN_MOVEMENT_REVERSED else e.after)["amount"])
                for e in logged
            ) == model.audit_trail()
            approved = session.scalars(select(AuditEvent.entity_id).where(
                AuditEvent.action == AuditAction.REVERSAL_APPROVED.value,
                AuditEvent.entity_id.in_([str(m.id) for m in model.movements]),
            ))
            assert sorted(approved) == sorted(str(movement_id) for movement_id in model.approved_reversals)

    def disburse(loan: ModelLoan) -> None:
        available = CAPITAL - model.outstanding() - model.written_off()
        with office.session() as session:
            if loan.principal > available:
                with pytest.raises(ValidationError, match=f"Dana tersedia di Dana {tag}"):
                    loans.disburse_loan(session, office.treasurer, loan.id, disbursed_on=START,
                                        first_due_on=START + timedelta(days=31), request_id=uuid.uuid4())
                return
            result = loans.disburse_loan(session, office.treasurer, loan.id, disbursed_on=START,
                                         first_due_on=START + timedelta(days=31), request_id=uuid.uuid4())
        loan.status, loan.disbursed = LoanStatus.ACTIVE, loan.principal
        model.movements.append(ModelMovement(result.movement_id, loan, MovementKind.DISBURSEMENT, loan.principal))
        loan.fee = ModelMovement(result.fee_movement_id, loan, MovementKind.ADMIN_FEE, FEE)
        model.movements.append(loan.fee)
        model.fees += FEE

    for number, step in enumerate(steps):
        kind = step[0]
        if kind == "new_loan":
            with office.session() as session:
                member_id = members.register_member(
                    session, office.admin,
                    MemberInput(full_name=f"Anggota {tag} {number}", sex=Sex.FEMALE, birth_date=date(1985, 3, 3),
                                desa_id=str(office.desa_id), join_date=date(2024, 1, 2)),
                    accept_warnings=True,
                ).id
                loan_id = loans.apply_for_loan(
                    session, office.clerk, loans.LoanApplication(member_id, product_id, step[1], 6, "Modal usaha", START),
                    request_id=uuid.uuid4(),
                )
                loans.approve_loan(session, office.manager, loan_id, expected_version=1)
            loan = ModelLoan(loan_id, step[1])
            model.loans.append(loan)
            disburse(loan)
        elif kind == "disburse_again":
            waiting = [loan for loan in model.loans if loan.status is LoanStatus.APPROVED]
            if waiting:
                disburse(waiting[step[1] % len(waiting)])
        elif kind == "repay" and model.loans:
            loan = model.loans[step[1] % len(model.loans)]
            owed = loan.outstanding
            amount = {"part": min(step[3], owed) or step[3], "all": owed or step[3], "too_much": owed + step[3]}[step[2]]
            request = uuid.uuid4()
            call = lambda: office.repay(loan.id, amount, on=START + timedelta(days=30), request_id=request)  # noqa: E731
            if loan.status is not LoanStatus.ACTIVE or amount > owed:
                with pytest.raises(ValidationError):
                    call()
            else:
                payment = call()
                assert payment.remaining == owed - amount
                assert sum(a.amount for a in payment.allocations) == amount
                if step[4]:  # the network dropped the answer: the clerk saves again
                    with office.session() as session:
                        entries = journal_entry_count(session)
                    assert call() == payment
                    with office.session() as session:
                        assert journal_entry_count(session) == entries
                loan.paid += amount
                loan.status = LoanStatus.PAID_OFF if loan.outstanding == 0 else LoanStatus.ACTIVE
                model.movements.append(ModelMovement(payment.movement_id, loan, MovementKind.REPAYMENT, amount))
        elif kind == "reverse" and model.movements:
            target = model.movements[step[1] % len(model.movements)]
            loan = target.loan
            allowed = not target.reversed and target.kind is not MovementKind.REVERSAL
            if target.kind is MovementKind.DISBURSEMENT:  # only before anything was paid or written off
                allowed = allowed and loan.status is LoanStatus.ACTIVE and loan.paid == 0 and loan.written_off == 0
            if target.kind is MovementKind.REPAYMENT:  # a written-off loan: the write-off is reversed first
                allowed = allowed and loan.status is not LoanStatus.WRITTEN_OFF
            if not allowed:
                with pytest.raises(ValidationError):
                    office.reverse(target.id)
            else:
                reversal_id = office.reverse(target.id)
                target.reversed = True
                model.approved_reversals.append(target.id)
                model.movements.append(ModelMovement(reversal_id, loan, MovementKind.REVERSAL, target.amount))
                if target.kind is MovementKind.DISBURSEMENT:
                    loan.status, loan.disbursed = LoanStatus.APPROVED, 0
                    if loan.fee is not None and not loan.fee.reversed:
                        loan.fee.reversed = True
                        model.fees -= FEE
                elif target.kind is MovementKind.ADMIN_FEE:
                    model.fees -= target.amount
                elif target.kind is MovementKind.REPAYMENT:
                    loan.paid -= target.amount
                    loan.status = LoanStatus.ACTIVE
                elif target.kind is MovementKind.WRITE_OFF:
                    loan.written_off -= target.amount
                    loan.status = LoanStatus.ACTIVE
        elif kind == "write_off" and model.loans:
            loan = model.loans[step[1] % len(model.loans)]
            with office.session() as session:
                call = lambda: loans.write_off_loan(  # noqa: E731
                    session, office.manager, loan.id, written_off_on=START + timedelta(days=200),
                    reason="Usaha bangkrut total", request_id=uuid.uuid4(),
                )
                if loan.status is not LoanStatus.ACTIVE:
                    with pytest.raises(ValidationError):
                        call()
                else:
                    movement_id = call()
                    model.movements.append(ModelMovement(movement_id, loan, MovementKind.WRITE_OFF, loan.outstanding))
                    loan.written_off += loan.outstanding
                    loan.status = LoanStatus.WRITTEN_OFF
        check()
