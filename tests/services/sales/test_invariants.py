"""Whatever the counter does, in any order, the consignment books stay sound.

Hypothesis generates sequences of intakes, sales (some over stock), sale returns (some refused because the
money was already paid out), payouts (some over what is owed), paying everyone at once, and reversals of
payouts and intakes; after every step the journal, the sales records and a simple model must agree: no
problem from ledger_checks, the trial balance balances, each producer's payable is their standing shares
minus standing payouts and never negative, no stock below zero, and every sale's lines split exactly.
One SQLite database serves every example; each example sells its own new products, and a producer's
payable is compared as the change from what earlier examples left.

``KOPERASI_SALES_EXAMPLES=300 pytest tests/services/sales/test_invariants.py`` runs a longer search.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from koperasi.db.models import AuditEvent, Sale, SaleLine
from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.sales.rules import effective_commission, format_quantity, line_total, split_line
from koperasi.services import ledger, ledger_checks
from koperasi.services.transaction import write
from tests.sales_support import sales_office
from tests.support import set_up_office

EXAMPLES = int(os.environ.get("KOPERASI_SALES_EXAMPLES", "12"))
DEFAULT_BP, SHOP_BP = 1000, 1500
PRODUCT_RATES = (None, 750)  # the first product takes the channel's or office's rate, the second its own


@dataclass
class ModelSale:
    id: uuid.UUID
    lines: list[tuple[int, int, int, int]]  # producer, product, quantity, share
    reversed: bool = False
    total: int = 0


@dataclass
class ModelPayout:
    id: uuid.UUID
    producer: int
    amount: int
    reversed: bool = False


@dataclass
class ModelIntake:
    id: uuid.UUID
    producer: int
    product: int
    quantity: int
    reversed: bool = False


@dataclass
class Model:
    payable: list[int]
    stock: dict[tuple[int, int], int] = field(default_factory=dict)
    sales: list[ModelSale] = field(default_factory=list)
    payouts: list[ModelPayout] = field(default_factory=list)
    intakes: list[ModelIntake] = field(default_factory=list)

    def audit_trail(self) -> Counter:
        """The events the audit log must hold for these records: (action, record, amount), one each,
        one more for each reversal (an intake's cancellation names only its number)."""
        events: Counter = Counter()
        for sale in self.sales:
            events[(AuditAction.SALE_RECORDED.value, str(sale.id), format_rupiah(sale.total))] += 1
            if sale.reversed:
                events[(AuditAction.SALE_REVERSED.value, str(sale.id), format_rupiah(sale.total))] += 1
        for payout in self.payouts:
            events[(AuditAction.PAYOUT_MADE.value, str(payout.id), format_rupiah(payout.amount))] += 1
            if payout.reversed:
                events[(AuditAction.PAYOUT_REVERSED.value, str(payout.id), format_rupiah(payout.amount))] += 1
        for intake in self.intakes:
            events[(AuditAction.INTAKE_RECORDED.value, str(intake.id), format_quantity(intake.quantity, "kg"))] += 1
            if intake.reversed:
                events[(AuditAction.INTAKE_REVERSED.value, str(intake.id), None)] += 1
        return events


producer_index = st.integers(0, 2)
product_index = st.integers(0, 1)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("intake"), producer_index, product_index, st.integers(1, 20_000)),
        st.tuples(st.just("sell"), st.booleans(),
                  st.lists(st.tuples(producer_index, product_index, st.integers(1, 8_000), st.integers(1, 60_000)),
                           min_size=1, max_size=3)),
        st.tuples(st.just("reverse_sale"), st.integers(0, 50)),
        st.tuples(st.just("pay"), producer_index, st.sampled_from(["part", "all", "too_much"]), st.integers(1, 10**6), st.booleans()),
        st.tuples(st.just("pay_all")),
        st.tuples(st.just("reverse_payout"), st.integers(0, 50)),
        st.tuples(st.just("reverse_intake"), st.integers(0, 50)),
    ),
    min_size=1,
    max_size=10,
)


@pytest.fixture
def books(sqlite_db):
    office = sales_office(sqlite_db, set_up_office(sqlite_db))
    siti, ani = office.producer("Siti Aminah"), office.producer("Ani Rahmawati")
    group = office.group_producer("KUP Mawar", [siti.member_id, ani.member_id])
    shop = office.channel("Toko")
    office.set_channel_rate(shop, SHOP_BP)
    return office, (siti, ani, group), {False: office.channel("Pasar lokal"), True: shop}


RECORDED = (AuditAction.SALE_RECORDED.value, AuditAction.PAYOUT_MADE.value, AuditAction.INTAKE_RECORDED.value)
REVERSED = (AuditAction.SALE_REVERSED.value, AuditAction.PAYOUT_REVERSED.value, AuditAction.INTAKE_REVERSED.value)


def _every_movement_audited(session, model: Model) -> None:
    """Each sale, payout and intake of this example, and each of their reversals, has its audit event with its amount."""
    ids = [str(row.id) for row in (*model.sales, *model.payouts, *model.intakes)]
    logged = session.scalars(select(AuditEvent).where(AuditEvent.entity_id.in_(ids), AuditEvent.action.in_(RECORDED + REVERSED)))
    assert Counter(
        (e.action, e.entity_id, (e.after if e.action in RECORDED else e.before).get("amount")) for e in logged
    ) == model.audit_trail()


def _sales_split_exactly(session) -> None:
    per_line = session.scalar(select(func.count()).select_from(SaleLine).where(SaleLine.producer_share + SaleLine.commission != SaleLine.total))
    assert per_line == 0
    assert session.scalar(select(func.count()).select_from(SaleLine).where(SaleLine.producer_share < 0)) == 0
    sums = select(SaleLine.sale_id, func.sum(SaleLine.total).label("total"), func.sum(SaleLine.commission).label("commission")).group_by(
        SaleLine.sale_id
    ).subquery()
    wrong = session.scalar(
        select(func.count()).select_from(Sale).join(sums, sums.c.sale_id == Sale.id)
        .where((Sale.total != sums.c.total) | (Sale.commission != sums.c.commission))
    )
    assert wrong == 0


# Random sequences seldom sell what was taken in (same producer, same product, enough of it), so one
# sequence that moves money through every service always runs too: a missing audit event fails it.
EVERY_MONEY_SERVICE = [
    ("intake", 0, 0, 10_000), ("intake", 1, 1, 5_000), ("intake", 2, 0, 3_000),
    ("sell", False, [(0, 0, 2_000, 15_000), (1, 1, 1_000, 20_000)]), ("sell", True, [(0, 0, 1_000, 15_000)]),
    ("pay", 0, "part", 5_000, True), ("reverse_payout", 0), ("reverse_sale", 1), ("pay_all",), ("reverse_payout", 1),
    ("reverse_intake", 2),
]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=operations)
@example(steps=EVERY_MONEY_SERVICE)
def test_any_sequence_of_consignment_operations_keeps_the_books_sound(books, steps):
    office, producers, channels = books
    tag = uuid.uuid4().hex[:8]
    products = [office.product(f"Barang {tag} {i}", "kg", 10_000, commission_bp=rate) for i, rate in enumerate(PRODUCT_RATES)]
    model = Model(payable=[office.payable(producer) for producer in producers])

    def check() -> None:
        with office.session() as session:
            assert ledger_checks.ledger_problems(session) == []
            totals = ledger.trial_balance(session, office.admin)
            assert sum(row.debit for row in totals) == sum(row.credit for row in totals)
            _sales_split_exactly(session)
            _every_movement_audited(session, model)
        for index, producer in enumerate(producers):
            assert model.payable[index] >= 0
            assert office.payable(producer) == model.payable[index]
            for product in range(len(products)):
                assert model.stock.get((index, product), 0) >= 0
                assert office.stock(producer, products[product]) == model.stock.get((index, product), 0)

    for step in steps:
        kind = step[0]
        if kind == "intake":
            _, who, what, quantity = step
            number = office.intake(producers[who], products[what], quantity)
            model.intakes.append(ModelIntake(office.intake_id(number), who, what, quantity))
            model.stock[(who, what)] = model.stock.get((who, what), 0) + quantity
        elif kind == "sell":
            _, in_shop, lines = step
            wanted: dict[tuple[int, int], int] = {}
            for who, what, quantity, _ in lines:
                wanted[(who, what)] = wanted.get((who, what), 0) + quantity
            def call(lines=lines, in_shop=in_shop):
                return office.sell(*[(producers[who], products[what], quantity, price) for who, what, quantity, price in lines],
                                   channel_id=channels[in_shop])

            if any(line_total(quantity, price) < 1 for _, _, quantity, price in lines):  # goods for Rp0: refused first
                before = office.counts()
                with pytest.raises(ValidationError, match="kurang dari Rp1"):
                    call()
                assert office.counts() == before
            elif any(quantity > model.stock.get(key, 0) for key, quantity in wanted.items()):
                before = office.counts()
                with pytest.raises(ValidationError, match="tidak cukup"):
                    call()
                assert office.counts() == before
            else:
                recorded = call()
                rows, total, commission = [], 0, 0
                for who, what, quantity, price in lines:
                    rate = effective_commission(DEFAULT_BP, PRODUCT_RATES[what], SHOP_BP if in_shop else None)
                    split = split_line(quantity, price, rate)
                    rows.append((who, what, quantity, split.producer_share))
                    total, commission = total + split.total, commission + split.commission
                    model.payable[who] += split.producer_share
                    model.stock[(who, what)] -= quantity
                assert (recorded.total, recorded.commission) == (total, commission)
                model.sales.append(ModelSale(recorded.id, rows, total=recorded.total))
        elif kind == "reverse_sale" and model.sales:
            sale = model.sales[step[1] % len(model.sales)]
            shares: dict[int, int] = {}
            for who, _, _, share in sale.lines:
                shares[who] = shares.get(who, 0) + share
            if sale.reversed:
                with pytest.raises(ValidationError, match="sudah dibatalkan"):
                    office.reverse_sale(sale.id)
            elif any(model.payable[who] < share for who, share in shares.items()):
                with pytest.raises(ValidationError, match="batalkan pembayarannya dahulu"):
                    office.reverse_sale(sale.id)
            else:
                office.reverse_sale(sale.id)
                sale.reversed = True
                for who, what, quantity, share in sale.lines:
                    model.payable[who] -= share
                    model.stock[(who, what)] += quantity
        elif kind == "pay":
            _, who, how, extra, retry = step
            owed = model.payable[who]
            amount = {"part": min(extra, owed) or extra, "all": owed or extra, "too_much": owed + extra}[how]
            request = uuid.uuid4()
            if amount > owed:
                with pytest.raises(ValidationError, match="hanya berhak"):
                    office.pay(producers[who], amount, request_id=request)
            else:
                paid = office.pay(producers[who], amount, request_id=request)
                if retry:
                    counts = office.counts()
                    assert office.pay(producers[who], amount, request_id=request) == paid
                    assert office.counts() == counts
                model.payable[who] -= amount
                model.payouts.append(ModelPayout(paid.id, who, amount))
        elif kind == "pay_all":
            if not any(model.payable):
                with pytest.raises(ValidationError, match="Tidak ada penitip"):
                    office.pay_all()
            else:
                for paid in office.pay_all():
                    if paid.producer in producers:  # earlier examples' producers are not in the model
                        who = producers.index(paid.producer)
                        assert paid.amount == model.payable[who]
                        model.payable[who] = 0
                        model.payouts.append(ModelPayout(paid.id, who, paid.amount))
                assert not any(model.payable)
        elif kind == "reverse_payout" and model.payouts:
            payout = model.payouts[step[1] % len(model.payouts)]
            if payout.reversed:
                with pytest.raises(ValidationError, match="sudah dibatalkan"):
                    office.reverse_payout(payout.id)
            else:
                office.reverse_payout(payout.id)
                payout.reversed = True
                model.payable[payout.producer] += payout.amount
        elif kind == "reverse_intake" and model.intakes:
            intake = model.intakes[step[1] % len(model.intakes)]
            key = (intake.producer, intake.product)
            if intake.reversed:
                with pytest.raises(ValidationError, match="sudah dibatalkan"):
                    office.reverse_intake(intake.id)
            elif model.stock[key] < intake.quantity:
                with pytest.raises(ValidationError, match="sudah terjual"):
                    office.reverse_intake(intake.id)
            else:
                office.reverse_intake(intake.id)
                intake.reversed = True
                model.stock[key] -= intake.quantity
        check()


def test_the_model_check_can_fail(books):
    """The invariant test compares real numbers: a payable nudged behind the services' back is seen."""
    office, producers, _ = books
    product = office.product("Barang uji", "kg", 10_000)
    office.intake(producers[0], product, 5_000)
    office.sell((producers[0], product, 1_000, 10_000))
    assert office.payable(producers[0]) == 9_000
    with office.session() as session:
        assert ledger_checks.ledger_problems(session) == []
        # A journal entry that pays nobody: the payable account no longer matches the sales records.
        with write(session):
            ledger.post(session, office.admin, key=uuid.uuid4(), entry_date=date(2026, 3, 10), kind="payout", description="uji",
                        lines=[debit(Account.PRODUCER_PAYABLE, 1), credit(Account.CASH, 1)])
    with office.session() as session:
        assert [p for p in ledger_checks.ledger_problems(session) if "hutang hasil penjualan" in p]
