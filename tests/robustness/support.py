"""Shared by the crash and concurrency tests: an office to post into, workers to run, checks to make."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text

from koperasi.db.database import Database
from koperasi.db.models import LoanMovement, Member, Sale
from koperasi.domain.loans.rules import MovementKind
from koperasi.services import ledger
from koperasi.services.office import health
from koperasi.services.ledger_checks import ledger_problems
from tests.sales_support import sales_office

ROOT = Path(__file__).resolve().parents[2]
BIG_LOAN = 10_000_000  # the product's ceiling; Rp1-3 repayments never pay it off


def prepare(db: Database, admin, *, loans: int, sale: bool = False) -> dict:
    """An office with ``loans`` active loans of Rp10.000.000 (plus one shared), and optionally goods to sell."""
    shop = sales_office(db, admin)
    office = shop.office
    loan_ids = [str(office.active_loan(office.member(f"Peminjam {chr(65 + i)}"), BIG_LOAN)) for i in range(loans + 1)]
    plan = {"loans": loan_ids[:-1], "shared_loan": loan_ids[-1]}
    if sale:
        producer = shop.producer("Petani Beras")
        product = shop.product()
        shop.intake(producer, product, 100_000_000)
        plan["sale"] = {"channel": str(shop.channel()), "product": str(product), "producer": str(producer.member_id)}
    return plan


def start_worker(url: str, plan: dict, *, mode: str, count: int = 0, worker: int = 0, start_at: float = 0.0) -> subprocess.Popen:
    command = [sys.executable, "-m", "tests.robustness.worker", "--db", url, "--plan", json.dumps(plan), "--mode", mode,
               "--count", str(count), "--worker", str(worker), "--start-at", str(start_at)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH")]))})


@dataclass
class Reported:
    """What a worker printed: each line was written only after its service call returned (committed)."""

    repayments: list[tuple[uuid.UUID, uuid.UUID, str, int]] = field(default_factory=list)  # loan, request, receipt, amount
    members: list[str] = field(default_factory=list)
    sales: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    done: bool = False
    error: bool = False

    def read(self, output: str) -> Reported:
        for line in output.splitlines():
            kind, _, rest = line.partition(" ")
            if kind == "repay":
                loan, request, receipt, amount = rest.split()
                self.repayments.append((uuid.UUID(loan), uuid.UUID(request), receipt, int(amount)))
            elif kind == "member":
                self.members.append(rest)
            elif kind == "sale":
                request, number = rest.split()
                self.sales.append((uuid.UUID(request), number))
            elif kind == "refused":
                self.refused.append(rest)
            elif kind == "done":
                self.done = True
            elif kind == "error":
                self.error = True
        return self

    @property
    def postings(self) -> int:
        return len(self.repayments) + len(self.members) + len(self.sales)


def counts(db: Database) -> tuple[int, int, int]:
    """Repayments, members and sales stored now."""
    with db.session() as session:
        return (
            session.scalar(select(func.count()).select_from(LoanMovement).where(LoanMovement.kind == MovementKind.REPAYMENT.value)),
            session.scalar(select(func.count()).select_from(Member)),
            session.scalar(select(func.count()).select_from(Sale)),
        )


def assert_sound(db: Database) -> None:
    """File integrity (SQLite), the books, gapless numbers, an audit chain that did not fork."""
    with db.session() as session:
        if db.is_sqlite:
            assert [row[0] for row in session.execute(text("PRAGMA integrity_check"))] == ["ok"]
        assert ledger_problems(session) == []
        assert health.number_problems(session) == []
        chain = health.audit_chain(session)
        assert chain.ok, chain.detail


def assert_all_there(db: Database, reported: Reported) -> None:
    """Every posting the worker reported committed is stored, under the receipt / number it was told."""
    with db.session() as session:
        for _loan, request_id, receipt, amount in reported.repayments:
            entry = ledger.find_entry(session, request_id)
            assert entry is not None, f"repayment {request_id} ({receipt}) reported committed but missing"
            movement = session.scalar(select(LoanMovement).where(LoanMovement.journal_entry_id == entry.id))
            assert (movement.receipt_number, movement.amount) == (receipt, amount)
        for request_id, number in reported.sales:
            entry = ledger.find_entry(session, request_id)
            assert entry is not None, f"sale {request_id} ({number}) reported committed but missing"
            assert session.scalar(select(Sale.number).where(Sale.journal_entry_id == entry.id)) == number
        if reported.members:
            stored = set(session.scalars(select(Member.number).where(Member.number.in_(reported.members))))
            assert stored == set(reported.members)
