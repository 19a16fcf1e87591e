"""Demonstration market sales for Sarolangun: a catalogue, buyers and a year of consignment trade.

The catalogue, the channels' rates and the buyers go through their services (a handful of
calls). The trade itself is simulated day by day from a seeded random source (the same data
every time) and written in bulk inside the caller's transaction, like the demo loans: 50,000
sales with their lines, intakes, payouts and journal are far too many for one service
transaction each. Every row is what the services would have written for the same history:

- goods are sold only from what their producer had handed over and not yet sold: the stock
  of every producer and product is never negative at any moment (intakes come first);
- each line is split by ``domain.sales.split_line`` at the rate the service would take
  (product, else channel, else the office default), so shares + commission == total;
- a return cancels a whole sale only while its producers are still owed at least their
  share, and a payout never pays more than is owed: no payable is ever negative;
- every sale, payout and cancellation posts the services' balanced journal entry (cash,
  payable, commission; payable, cash; the mirror for a reversal);
- nota (NJ), payout (BYR) and intake (TTP) numbers come from the gapless counters per
  year, in the order the documents were made; and each step has the services' audit event.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    AuditEvent,
    ConsignmentIntake,
    GroupMembership,
    JournalEntry,
    JournalLine,
    Member,
    MemberGroup,
    Office,
    Payout,
    Sale,
    SaleLine,
    SalesChannel,
)
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.ledger import Account, Line, check_balanced, credit, debit
from koperasi.domain.members.register import GroupKind
from koperasi.domain.money import format_rupiah
from koperasi.domain.office.numbering import DocumentType, format_document_number
from koperasi.domain.roles import Actor
from koperasi.domain.sales.rules import (
    MILLI,
    effective_commission,
    format_quantity,
    split_line,
)
from koperasi.domain.office.settings import SALES_COMMISSION
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales import running as sales_running
from koperasi.demo.writing import bulk_insert, load_staff
from koperasi.services.office.numbering import reserve_sequence
from koperasi.services.office.settings import value_of

HISTORY_DAYS = 365  # a year of trade, today included
CHUNK = 20_000

# Producer kinds: who brings a product to the cooperative.
FARMERS, WOMEN, CRAFTERS = GroupKind.FARMERS.value, GroupKind.WOMEN_BUSINESS.value, GroupKind.CRAFTS.value


@dataclass(frozen=True, slots=True)
class _Item:
    name: str
    unit: str
    price: int
    category: str
    commission_bp: int | None
    step: int  # quantities are multiples of this (thousandths)
    small: tuple[float, float]  # a line at a market stall, in units
    large: tuple[float, float]  # a line to a shop or a big buyer
    lot: tuple[float, float]  # what a producer hands over at once
    groups: tuple[str, ...]  # kinds of group that bring it
    group_share: float  # of the lots, how many come from a group
    occupations: tuple[str, ...]  # members who bring it (any member when empty)
    women_only: bool = False
    months: tuple[float, ...] = (1.0,) * 12  # demand by month, January first
    price_months: tuple[float, ...] = (1.0,) * 12
    keep: float = 1.0  # how many producers' lots wait on the shelf, relative to others (fresh goods: few)


#                     Jan  Feb  Mar  Apr  Mei  Jun  Jul  Agu  Sep  Okt  Nov  Des
RICE_HARVEST = (0.8, 0.9, 1.3, 1.4, 1.1, 0.9, 0.8, 1.2, 1.3, 1.0, 0.8, 0.8)
RUBBER_YIELD = (1.1, 1.0, 0.9, 1.0, 1.0, 0.9, 0.6, 0.5, 0.7, 1.0, 1.2, 1.2)  # leaves fall mid-year (musim trek)
RUBBER_PRICE = (1.00, 1.02, 1.04, 1.03, 0.98, 0.96, 0.97, 1.00, 1.02, 1.05, 1.04, 1.01)
CHILI_PRICE = (1.3, 1.2, 1.1, 0.9, 0.8, 0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.5)  # wet season and year's end: dear
FESTIVE = (1.0, 1.0, 1.6, 1.3, 0.9, 0.9, 0.9, 1.3, 0.9, 0.9, 1.0, 1.4)  # Lebaran, HUT RI, year's end
HONEY_HARVEST = (0.7, 0.7, 0.8, 1.0, 1.2, 1.4, 1.4, 1.2, 1.0, 0.8, 0.7, 0.7)

CATALOGUE = [
    _Item("Beras organik", "kg", 16_000, "Pangan", None, 500, (2, 20), (25, 250), (100, 600), (FARMERS,), 0.7,
          ("Petani sawah",), months=RICE_HARVEST),
    _Item("Beras merah organik", "kg", 22_000, "Pangan", None, 500, (1, 10), (10, 100), (50, 300), (FARMERS,), 0.7,
          ("Petani sawah",), months=RICE_HARVEST),
    _Item("Sayur organik (kangkung, bayam, sawi)", "ikat", 4_000, "Sayur", None, 1000, (2, 15), (20, 80), (40, 150),
          (FARMERS,), 0.4, ("Petani sayur",), keep=0.2),
    _Item("Cabai merah keriting", "kg", 45_000, "Sayur", None, 250, (0.25, 3), (5, 30), (15, 60), (FARMERS,), 0.3,
          ("Petani sayur",), price_months=CHILI_PRICE, keep=0.3),
    _Item("Karet (getah beku)", "kg", 11_500, "Hasil kebun", 500, 100, (50, 200), (150, 1500), (100, 800), (), 0.0,
          ("Petani karet",), months=RUBBER_YIELD, price_months=RUBBER_PRICE),
    _Item("Madu hutan Sarolangun (botol 500 ml)", "botol", 120_000, "Hasil hutan", 1500, 1000, (1, 3), (4, 15), (10, 40),
          (), 0.0, ("Petani karet", "Buruh harian lepas"), months=HONEY_HARVEST),
    _Item("Tikar pandan", "lembar", 150_000, "Kerajinan", None, 1000, (1, 2), (2, 8), (5, 20), (WOMEN, CRAFTERS), 0.7,
          ("Penganyam",), women_only=True, months=FESTIVE),
    _Item("Anyaman rotan (keranjang)", "buah", 85_000, "Kerajinan", None, 1000, (1, 3), (3, 12), (8, 30), (CRAFTERS, WOMEN),
          0.6, ("Penganyam",), months=FESTIVE),
    _Item("Tas anyaman pandan", "buah", 65_000, "Kerajinan", None, 1000, (1, 3), (4, 15), (10, 40), (WOMEN, CRAFTERS), 0.7,
          ("Penganyam", "Penjahit"), women_only=True, months=FESTIVE),
    _Item("Keripik pisang", "bungkus", 15_000, "Olahan", None, 1000, (2, 10), (20, 80), (50, 200), (WOMEN,), 0.6,
          ("Ibu rumah tangga", "Pedagang kecil"), women_only=True, months=FESTIVE),
    _Item("Ikan salai patin", "kg", 120_000, "Olahan", None, 250, (0.5, 3), (3, 15), (10, 40), (), 0.0, ("Nelayan sungai",)),
    _Item("Gula aren", "kg", 25_000, "Olahan", None, 500, (1, 5), (10, 50), (20, 100), (WOMEN,), 0.3,
          ("Ibu rumah tangga", "Petani karet")),
]

# The six channels seeded by migration 0007, by name: a share of the sales, a price level, lines per nota,
# what sells there (catalogue indexes) and whether lines are a stall's or a shop's/big buyer's.
CHANNELS = {
    "Pasar lokal": (40, 1.00, (1, 3), (0, 1, 2, 3, 9, 10, 11), False),
    "Pasar kabupaten": (18, 1.02, (1, 4), (0, 1, 2, 3, 5, 9, 10, 11), False),
    "Toko": (14, 0.95, (2, 6), (0, 1, 5, 6, 7, 8, 9, 11), True),
    "Pembeli besar": (9, 0.92, (1, 3), (0, 1, 2, 3, 4, 10), True),
    "Pameran": (7, 1.10, (1, 4), (1, 5, 6, 7, 8, 9, 10), False),
    "Online": (12, 1.05, (1, 2), (0, 1, 5, 6, 7, 8, 9), False),
}
# Rates agreed per channel (the office default, 10 %, applies elsewhere): an exhibition stall costs more.
CHANNEL_RATES = {"Pameran": 1500, "Pembeli besar": 750}
# Exhibitions: (month, first day, days) — the sales at "Pameran" fall in these weeks.
EXHIBITIONS = [(3, 10, 6), (5, 20, 4), (8, 12, 8), (10, 25, 5), (12, 15, 7)]

BUYERS = [
    # name, phone, address, channel, what they buy (catalogue indexes)
    ("Toko Sembako Berkah", "0745-91120", "Jl. Lintas Sumatera, Sarolangun Kembang, Sarolangun", "Toko", (0, 1, 9, 11)),
    ("Toko Oleh-oleh Khas Jambi Serumpun", "0741-7551234", "Jl. Gatot Subroto No. 21, Kota Jambi", "Toko", (5, 6, 7, 8, 9)),
    ("Minimarket Koperasi Pegawai Pemkab", "0745-91455", "Komplek Perkantoran Gunung Kembang, Sarolangun", "Toko",
     (0, 1, 5, 9, 11)),
    ("Galeri Dekranasda Sarolangun", "0745-91300", "Jl. Lintas Sumatera Km 3, Sarolangun", "Toko", (6, 7, 8)),
    ("UD Karet Maju Jaya (pedagang pengumpul)", "0812-7400-1122", "Pasar Pauh, Kec. Pauh", "Pembeli besar", (4,)),
    ("PT Batanghari Karet Lestari", "0741-570900", "Kawasan Industri Talang Duku, Muaro Jambi", "Pembeli besar", (4,)),
    ("Hotel Abadi Sarolangun", "0745-91800", "Jl. Prof. M. Yamin, Sarolangun", "Pembeli besar", (0, 1, 2, 3, 10)),
    ("Rumah Makan Pondok Selera Jambi", "0741-60123", "Jl. Sultan Agung No. 8, Kota Jambi", "Pembeli besar", (0, 2, 3, 10)),
    ("CV Pangan Sehat Jambi (distributor beras organik)", "0813-6600-7788", "Jl. Kol. Abunjani, Kota Jambi",
     "Pembeli besar", (0, 1)),
]
WALK_INS = ["Ibu Ani", "Ibu Rahmah", "Pak Darmin", "Ibu Yuli", "Pak Samsul", "Ibu Wati", "Ibu Nurhasanah", "Pak Herman",
            "Ibu Sri", "Pembeli umum", "Pembeli umum", "Pembeli umum", "Warung Bu Ida", "Warung Makan Pak Ujang"]
ONLINE = ["Pesanan WhatsApp: Ibu Rina (Jambi)", "Pesanan WhatsApp: Pak Agus (Bangko)", "Pesanan WhatsApp: Ibu Lestari (Jambi)",
          "Pesanan Facebook: Ibu Desi (Muara Bungo)", "Pesanan WhatsApp: Pak Hendra (Palembang)", "Pesanan WhatsApp: Ibu Maya"]
EXHIBITION_BUYERS = ["Pengunjung pameran", "Pengunjung pameran", "Dinas Koperasi dan UKM (cendera mata)",
                     "Pengunjung pameran (rombongan PKK)"]
RETURNS = ["Barang dikembalikan pembeli: beras lembap", "Sayur layu, dikembalikan toko esok harinya",
           "Pembeli membatalkan pesanan sebelum barang diambil", "Salah catat barang dan jumlah; dicatat ulang dengan nota baru",
           "Anyaman rusak dalam pengiriman, dikembalikan pembeli"]
PAYOUT_MISTAKES = ["Uang belum diambil penitip; pembayaran dicatat terlalu awal", "Salah pilih penitip saat mencatat pembayaran",
                   "Jumlah salah ketik; dibayar ulang dengan jumlah yang benar"]
DUPLICATE_INTAKE = "Titipan yang sama tercatat dua kali"


@dataclass(frozen=True, slots=True)
class SalesDemoSummary:
    products: int
    buyers: int
    intakes: int
    sales: int
    lines: int
    payouts: int
    returns: int


@dataclass(slots=True)
class _Producer:
    member_id: uuid.UUID | None
    group_id: uuid.UUID | None
    name: str
    since: date  # may hand over goods from this day
    owed: int = 0


@dataclass(slots=True)
class _Lot:
    producer: _Producer
    item: int
    quantity: int  # thousandths still unsold
    queued: bool = True


@dataclass(slots=True)
class _Event:
    day: date
    seq: int
    kind: str  # intake, intake_cancel, sale, sale_return, payout, payout_cancel
    actor: Actor
    producer: _Producer | None = None
    item: int = 0
    quantity: int = 0
    amount: int = 0
    channel: int = 0
    buyer_id: uuid.UUID | None = None
    buyer_name: str = ""
    lines: list = field(default_factory=list)  # (producer, item, quantity, price, rate, split)
    total: int = 0
    commission: int = 0
    reason: str = ""
    target: _Event | None = None
    period: tuple[date | None, date | None] = (None, None)
    # filled while writing
    id: uuid.UUID | None = None
    number: str | None = None
    entry_id: uuid.UUID | None = None
    journal: list[Line] = field(default_factory=list)


@cache
def _rp(amount: int) -> str:
    return format_rupiah(amount)


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def fill_sales(session: Session, count: int, *, today: date, progress: Callable[[str], None] | None = None) -> SalesDemoSummary:
    """Add the catalogue, buyers and about ``count`` sales over the last year (inside the caller's write transaction)."""
    rng = random.Random(1503_0007)  # not the members' or the loans' seed
    office = session.scalar(select(Office).order_by(Office.created_at).limit(1))
    assert office is not None
    staff = load_staff(session)
    product_ids = [
        sales_catalogue.create_product(session, staff.admin, sales_catalogue.ProductInput(
            item.name, item.unit, item.price, item.category, item.commission_bp))
        for item in CATALOGUE
    ]
    channels = {row.name: row for row in session.scalars(select(SalesChannel).order_by(SalesChannel.position))}
    for name, rate in CHANNEL_RATES.items():
        row = channels[name]
        sales_catalogue.update_channel(session, staff.admin, row.id, commission_bp=rate, active=True, expected_version=row.version)
    buyer_ids = [
        sales_catalogue.create_buyer(session, staff.admin, name=name, phone=phone, address=address)
        for name, phone, address, *_ in BUYERS
    ]
    if count <= 0 or session.scalar(select(Member.id).where(Member.status == "aktif").limit(1)) is None:
        return SalesDemoSummary(len(product_ids), len(buyer_ids), 0, 0, 0, 0, 0)
    default_bp = value_of(session, SALES_COMMISSION)
    channel_list = [(name, channels[name].id, effective_rate) for name, effective_rate in
                    ((name, channels[name].commission_bp) for name in CHANNELS)]
    rates = [[effective_commission(default_bp, item.commission_bp, rate) for _, _, rate in channel_list] for item in CATALOGUE]
    events = _simulate(session, rng, staff, today, count, channel_list, rates, buyer_ids)
    if progress:
        progress(f"{sum(1 for e in events if e.kind == 'sale')} penjualan disimulasikan")
    summary = _write(session, rng, office.code, events, product_ids, [cid for _, cid, _ in channel_list])
    sales_running.recount(session)  # written in bulk, past the services: Beranda's running figures counted once
    if progress:
        progress(f"{summary[1]} penjualan ditulis")
    intakes, sales, lines, payouts, returns = summary
    return SalesDemoSummary(len(product_ids), len(buyer_ids), intakes, sales, lines, payouts, returns)


# ---------------------------------------------------------------- simulation


def _producers(session: Session, rng: random.Random, start: date) -> tuple[list[list[_Producer]], list[list[_Producer]]]:
    """Per catalogue item: the groups and the members who may bring it, regulars first."""
    members = session.execute(
        select(Member.id, Member.full_name, Member.occupation, Member.sex, Member.join_date)
        .where(Member.status == "aktif").order_by(Member.number)
    ).all()
    by_occupation: dict[str, list] = defaultdict(list)
    for row in members:
        by_occupation[row.occupation].append(row)
    first_joined = dict(
        session.execute(select(GroupMembership.group_id, GroupMembership.joined_on).order_by(GroupMembership.joined_on)).all()[::-1]
    )
    groups = session.execute(
        select(MemberGroup.id, MemberGroup.name, MemberGroup.kind).where(MemberGroup.active.is_(True)).order_by(MemberGroup.name)
    ).all()
    group_producers = {row.id: _Producer(None, row.id, row.name, max(start, first_joined.get(row.id, start))) for row in groups}
    member_producers: dict[uuid.UUID, _Producer] = {}
    by_group_kind: dict[str, list[_Producer]] = defaultdict(list)
    for row in groups:
        by_group_kind[row.kind].append(group_producers[row.id])
    group_pools, member_pools = [], []
    for item in CATALOGUE:
        pool = [g for kind in item.groups for g in by_group_kind[kind]]
        rng.shuffle(pool)
        group_pools.append(pool)
        people = [row for occupation in item.occupations for row in by_occupation[occupation]] or list(members)
        if item.women_only:
            people = [row for row in people if row.sex == "P"] or people
        people = sorted(people, key=lambda row: row.id)
        rng.shuffle(people)
        # Not everyone with the occupation consigns: a product's regular suppliers are a part of them.
        people = people[: max(5, len(people) // 2)]
        member_pools.append([
            member_producers.setdefault(row.id, _Producer(row.id, None, row.full_name, max(start, row.join_date)))
            for row in people
        ])
    return group_pools, member_pools


def _simulate(session, rng, staff, today, count, channel_list, rates, buyer_ids) -> list[_Event]:
    start = today - timedelta(days=HISTORY_DAYS - 1)
    group_pools, member_pools = _producers(session, rng, start)
    days = [start + timedelta(days=offset) for offset in range(HISTORY_DAYS)]
    exhibition_days = {date(day.year, month, first) + timedelta(days=k)
                       for day in (start, today) for month, first, length in EXHIBITIONS for k in range(length)}
    weights = []
    for day in days:
        weekday = (0.35 if day.weekday() == 6 else 1.0) * (1.0 + 0.3 * (day.weekday() in (1, 4)))  # pasar kalangan Tue/Fri
        weights.append(weekday * sum(item.months[day.month - 1] for item in CATALOGUE) / len(CATALOGUE))
    scale = count / sum(weights)
    per_day, carry = [], 0.0
    for weight in weights:  # whole sales per day, summing exactly to ``count``
        carry += weight * scale
        per_day.append(int(carry))
        carry -= int(carry)
    per_day[-1] += count - sum(per_day)

    seq = iter(range(10**9))
    events: list[_Event] = []
    queues: list[deque[_Lot]] = [deque() for _ in CATALOGUE]
    lots: dict[tuple[int, int], _Lot] = {}  # (id(producer), item) -> its lot while queued
    pending: dict[date, list[_Event]] = defaultdict(list)  # returns and payout mistakes to cancel on that day
    buyers_by_channel: dict[str, list[tuple[uuid.UUID, str, tuple[int, ...]]]] = defaultdict(list)
    for buyer_id, (name, _, _, channel, items) in zip(buyer_ids, BUYERS, strict=True):
        buyers_by_channel[channel].append((buyer_id, name, items))
    producers_seen: dict[int, _Producer] = {}
    channel_names = list(CHANNELS)
    # Each kind of mistake happens at least once, however small the demo: a screen to show, a path to test.
    mistakes = {"intake": 0, "return": 0, "payout": 0}
    # Goods of several producers wait on the shelf at once, more in a bigger office; sales take the oldest first.
    shelf = [max(1, round(max(3, min(30, count // 1500)) * item.keep)) for item in CATALOGUE]

    def add(day: date, kind: str, actor: Actor, **values) -> _Event:
        event = _Event(day, next(seq), kind, actor, **values)
        events.append(event)
        return event

    def new_lot(item_index: int, day: date) -> _Lot:
        item = CATALOGUE[item_index]
        pools = group_pools[item_index] if rng.random() < item.group_share else []
        pool = pools or member_pools[item_index]
        for _ in range(20):  # regulars bring goods more often than the rest
            producer = pool[int(len(pool) * rng.random() ** 2)]
            if producer.since <= day:
                break
        else:
            producer = next((p for p in pool if p.since <= day), None)
            if producer is None:
                producer = next(p for pools in member_pools for p in pools if p.since <= day)
        producers_seen[id(producer)] = producer
        low, high = item.lot
        received = max(producer.since, start, day - timedelta(days=rng.randint(0, 4)))
        quantity = _quantity(rng, low, high, item.step) * (2 if producer.group_id else 1)
        clerk = rng.choice(staff.clerks)
        add(received, "intake", clerk, producer=producer, item=item_index, quantity=quantity)
        if rng.random() < 0.005 or (not mistakes["intake"] and day >= start + timedelta(days=30)):
            # Handed over once, typed in twice: the copy is cancelled the same day.
            mistakes["intake"] += 1
            copy = add(received, "intake", clerk, producer=producer, item=item_index, quantity=quantity)
            add(received, "intake_cancel", staff.treasurer, target=copy, reason=DUPLICATE_INTAKE)
        lot = lots.get((id(producer), item_index))
        if lot is not None:
            lot.quantity += quantity
            return lot
        lot = lots[(id(producer), item_index)] = _Lot(producer, item_index, quantity)
        queues[item_index].append(lot)
        return lot

    def restock(producer: _Producer, item_index: int, quantity: int) -> None:
        lot = lots.get((id(producer), item_index))
        if lot is not None:
            lot.quantity += quantity
        else:
            lots[(id(producer), item_index)] = lot = _Lot(producer, item_index, quantity)
            queues[item_index].append(lot)

    for day, sales_today in zip(days, per_day, strict=True):
        month = day.month - 1
        payday = day.day == 5 or (day.day == 6 and (day - timedelta(days=1)).weekday() == 6)  # not on a Sunday
        if payday and day.weekday() != 6:
            _payout_run(rng, staff, today, day, producers_seen, add, pending, mistakes)
        for event in pending.pop(day, []):
            if event.kind == "sale_return":
                shares: dict[int, int] = defaultdict(int)
                for producer, _, _, _, _, split in event.target.lines:
                    shares[id(producer)] += split.producer_share
                mistakes["return"] -= 1  # counted again below when it stands
                if any(producers_seen[key].owed < share for key, share in shares.items()):
                    continue  # already paid out: the service would refuse (reverse the payout first)
                mistakes["return"] += 1
                for key, share in shares.items():
                    producers_seen[key].owed -= share
                for producer, item_index, quantity, *_ in event.target.lines:
                    restock(producer, item_index, quantity)
                add(day, "sale_return", event.actor, target=event.target, reason=event.reason)
            else:
                event.target.producer.owed += event.target.amount
                add(day, "payout_cancel", event.actor, target=event.target, reason=event.reason)
        at_exhibition = day in exhibition_days
        for _ in range(sales_today):
            channel = _channel(rng, at_exhibition)
            name = channel_names[channel]
            _, price_level, (few, many), offered, large = CHANNELS[name]
            buyer_id, buyer_name, wanted_items = None, "", offered
            if name in buyers_by_channel and (name == "Pembeli besar" or rng.random() < 0.8):
                buyer_id, buyer_name, wanted_items = rng.choice(buyers_by_channel[name])
            elif name == "Online":
                buyer_name = rng.choice(ONLINE)
            elif name == "Pameran":
                buyer_name = rng.choice(EXHIBITION_BUYERS)
            else:
                buyer_name = rng.choice(WALK_INS)
            item_weights = [CATALOGUE[i].months[month] for i in wanted_items]
            chosen = rng.choices(wanted_items, weights=item_weights, k=rng.randint(few, many))
            merged: dict[tuple[int, int, int], list] = {}
            for item_index in dict.fromkeys(chosen):
                item = CATALOGUE[item_index]
                low, high = item.large if large else item.small
                need = _quantity(rng, low, high, item.step)
                price = _price(rng, item, month, price_level)
                queue = queues[item_index]
                while need > 0:
                    for _ in range(shelf[item_index] - len(queue)):
                        new_lot(item_index, day)
                    if not queue:
                        new_lot(item_index, day)
                    lot = queue[0]
                    take = min(need, lot.quantity)
                    key = (id(lot.producer), item_index, price)
                    if key in merged:
                        merged[key][2] += take
                    else:
                        merged[key] = [lot.producer, item_index, take, price]
                    lot.quantity -= take
                    need -= take
                    if lot.quantity == 0:
                        queue.popleft()
                        del lots[(id(lot.producer), item_index)]
            lines = []
            for producer, item_index, quantity, price in merged.values():
                rate = rates[item_index][channel]
                split = split_line(quantity, price, rate)
                producer.owed += split.producer_share
                lines.append((producer, item_index, quantity, price, rate, split))
            sale = add(day, "sale", rng.choice([*staff.clerks, staff.treasurer]), channel=channel, buyer_id=buyer_id,
                       buyer_name=buyer_name, lines=lines, total=sum(line[5].total for line in lines),
                       commission=sum(line[5].commission for line in lines))
            if rng.random() < 0.004 or (not mistakes["return"] and day >= start + timedelta(days=60)):
                returned_on = day + timedelta(days=rng.randint(1, 3))  # after today's queue was read
                if returned_on <= today:
                    mistakes["return"] += 1
                    pending[returned_on].append(_Event(returned_on, 0, "sale_return", staff.treasurer, target=sale,
                                                       reason=rng.choice(RETURNS)))
    return events


def _payout_run(rng, staff, today, day, producers, add, pending, mistakes) -> None:
    """The monthly payout: most producers owed something collect it, for last month's sales."""
    last_month_end = day.replace(day=1) - timedelta(days=1)
    period = (last_month_end.replace(day=1), last_month_end)
    for producer in sorted(producers.values(), key=lambda p: p.name):
        if producer.owed <= 0 or rng.random() > (0.95 if producer.group_id else 0.8):
            continue
        amount = producer.owed
        if rng.random() < 0.06 and amount >= 20_000:  # takes part now, the rest later
            amount = amount // 2 - amount // 2 % 1000
        producer.owed -= amount
        payout = add(day, "payout", staff.treasurer, producer=producer, amount=amount, period=period)
        if rng.random() < 0.005 or (not mistakes["payout"] and day.month != today.month):
            cancelled_on = day + timedelta(days=rng.randint(0, 2))
            if cancelled_on <= today:
                mistakes["payout"] += 1
                pending[cancelled_on].append(_Event(cancelled_on, 0, "payout_cancel", staff.treasurer, target=payout,
                                                    reason=rng.choice(PAYOUT_MISTAKES)))


def _channel(rng: random.Random, at_exhibition: bool) -> int:
    weights = [share if name != "Pameran" else (share * 8 if at_exhibition else 0) for name, (share, *_) in CHANNELS.items()]
    return rng.choices(range(len(CHANNELS)), weights=weights)[0]


def _quantity(rng: random.Random, low: float, high: float, step: int) -> int:
    """Thousandths of a unit between ``low`` and ``high`` units, a multiple of ``step``, small amounts likelier."""
    value = rng.triangular(low, high, low + (high - low) * 0.2) * MILLI
    return max(step, int(value) // step * step)


def _price(rng: random.Random, item: _Item, month: int, level: float) -> int:
    price = item.price * item.price_months[month] * level * rng.uniform(0.96, 1.04)
    unit = 500 if price >= 20_000 else 100
    return max(unit, round(price / unit) * unit)


# ---------------------------------------------------------------- writing


def _at(day: date, index: int, spacing: int) -> datetime:
    """Office hours on that day (07:30 WIB = 00:30 UTC), one document after the other."""
    return datetime.combine(day, time(0, 30), UTC) + timedelta(seconds=index * spacing)


def _number(session, office_code: str, doc_type: DocumentType, events: list[_Event]) -> None:
    by_year: dict[int, list[_Event]] = defaultdict(list)
    for event in events:
        by_year[event.day.year].append(event)
    for year, batch in sorted(by_year.items()):
        first = reserve_sequence(session, office_code=office_code, doc_type=doc_type, year=year, count=len(batch))
        for offset, event in enumerate(batch):
            event.number = format_document_number(doc_type, office_code, year, first + offset)


def _write(session, rng, office_code, events: list[_Event], product_ids, channel_ids) -> tuple[int, int, int, int, int]:
    events.sort(key=lambda e: (e.day, e.seq))
    _number(session, office_code, DocumentType.INTAKE, [e for e in events if e.kind == "intake"])
    _number(session, office_code, DocumentType.SALES_NOTE, [e for e in events if e.kind == "sale"])
    _number(session, office_code, DocumentType.PAYOUT, [e for e in events if e.kind == "payout"])
    per_day: dict[date, int] = defaultdict(int)
    for event in events:
        per_day[event.day] += 1
    units = [item.unit for item in CATALOGUE]
    names = [item.name for item in CATALOGUE]
    entries, journal_lines, intakes, intake_cancels, sales, sale_lines, sale_returns, payouts, payout_cancels, audits = (
        [] for _ in range(10))
    counts = defaultdict(int)
    day, index, spacing = None, 0, 1

    def entry(event: _Event, stamp: datetime, kind: str, description: str, lines: list[Line], reversal_of=None) -> uuid.UUID:
        check_balanced(lines)
        entry_id = _uuid(rng)
        entries.append({
            "id": entry_id, "idempotency_key": _uuid(rng), "entry_date": event.day, "kind": kind,
            "description": description[:250], "reversal_of_id": reversal_of, "created_by": event.actor.user_id,
            "created_at": stamp,
        })
        journal_lines.extend(
            {"entry_id": entry_id, "account": line.account.value, "fund_source_id": None, "debit": line.debit,
             "credit": line.credit}
            for line in lines
        )
        return entry_id

    def audit(stamp, actor: Actor, action: AuditAction, entity: str, entity_id, *, before=None, after=None, reason=None):
        audits.append({"occurred_at": stamp, "user_id": actor.user_id, "username": actor.username, "action": action.value,
                       "entity": entity, "entity_id": str(entity_id), "before": before, "after": after, "reason": reason})

    def flush() -> None:
        for model, rows in ((JournalEntry, entries), (JournalLine, journal_lines), (ConsignmentIntake, intakes),
                            (ConsignmentIntake, intake_cancels), (Sale, sales), (SaleLine, sale_lines),
                            (Sale, sale_returns), (Payout, payouts), (Payout, payout_cancels), (AuditEvent, audits)):
            bulk_insert(session, model, rows)
            rows.clear()

    for event in events:
        if event.day != day:
            day, index = event.day, 0
            spacing = max(1, min(20, 36_000 // per_day[day]))
        stamp = _at(day, index, spacing)
        index += 1
        actor = event.actor
        kind = event.kind
        if kind == "sale":
            lines = [debit(Account.CASH, event.total)]
            if event.total - event.commission:
                lines.append(credit(Account.PRODUCER_PAYABLE, event.total - event.commission))
            if event.commission:
                lines.append(credit(Account.COMMISSION_INCOME, event.commission))
            event.journal = lines
            event.entry_id = entry(event, stamp, "sale", f"Penjualan {event.number} kepada {event.buyer_name}", lines)
            event.id = _uuid(rng)
            sales.append({
                "id": event.id, "number": event.number, "sold_on": event.day, "channel_id": channel_ids[event.channel],
                "buyer_id": event.buyer_id, "buyer_name": event.buyer_name, "total": event.total,
                "commission": event.commission, "reversal_of_id": None, "reason": "", "journal_entry_id": event.entry_id,
                "created_by": actor.user_id, "created_at": stamp,
            })
            sale_lines.extend(
                {"sale_id": event.id, "product_id": product_ids[item_index], "member_id": producer.member_id,
                 "group_id": producer.group_id, "quantity_milli": quantity, "unit_price": price, "total": split.total,
                 "commission_bp": rate, "commission": split.commission, "producer_share": split.producer_share}
                for producer, item_index, quantity, price, rate, split in event.lines
            )
            counts["sales"] += 1
            counts["lines"] += len(event.lines)
            audit(stamp, actor, AuditAction.SALE_RECORDED, "sale", event.id, after={
                "number": event.number, "amount": _rp(event.total), "rows": len(event.lines), "name": event.buyer_name})
        elif kind == "intake":
            event.id = _uuid(rng)
            producer = event.producer
            intakes.append({
                "id": event.id, "number": event.number, "member_id": producer.member_id, "group_id": producer.group_id,
                "product_id": product_ids[event.item], "quantity_milli": event.quantity, "received_on": event.day, "note": "",
                "reversal_of_id": None, "created_by": actor.user_id, "created_at": stamp,
            })
            counts["intakes"] += 1
            audit(stamp, actor, AuditAction.INTAKE_RECORDED, "intake", event.id, after={
                "number": event.number, "producer": producer.name, "name": names[event.item],
                "amount": format_quantity(event.quantity, units[event.item])})
        elif kind == "intake_cancel":
            original = event.target
            producer = original.producer
            intake_cancels.append({
                "id": _uuid(rng), "number": f"{original.number}-BATAL", "member_id": producer.member_id,
                "group_id": producer.group_id, "product_id": product_ids[original.item], "quantity_milli": original.quantity,
                "received_on": event.day, "note": event.reason, "reversal_of_id": original.id, "created_by": actor.user_id,
                "created_at": stamp,
            })
            audit(stamp, actor, AuditAction.INTAKE_REVERSED, "intake", original.id, before={"number": original.number},
                  reason=event.reason)
        elif kind == "payout":
            producer = event.producer
            lines = [debit(Account.PRODUCER_PAYABLE, event.amount), credit(Account.CASH, event.amount)]
            event.journal = lines
            event.entry_id = entry(event, stamp, "payout", f"Pembayaran hasil penjualan {event.number} kepada {producer.name}",
                                   lines)
            event.id = _uuid(rng)
            payouts.append({
                "id": event.id, "number": event.number, "member_id": producer.member_id, "group_id": producer.group_id,
                "amount": event.amount, "paid_on": event.day, "period_from": event.period[0], "period_to": event.period[1],
                "reversal_of_id": None, "reason": "", "journal_entry_id": event.entry_id, "created_by": actor.user_id,
                "created_at": stamp,
            })
            counts["payouts"] += 1
            audit(stamp, actor, AuditAction.PAYOUT_MADE, "payout", event.id, after={
                "number": event.number, "producer": producer.name, "amount": _rp(event.amount)})
        elif kind == "sale_return":
            original = event.target
            entry_id = entry(event, stamp, "reversal", f"Pembatalan penjualan {original.number}: {event.reason}",
                             [line.reversed() for line in original.journal], reversal_of=original.entry_id)
            sale_returns.append({
                "id": _uuid(rng), "number": None, "sold_on": event.day, "channel_id": channel_ids[original.channel],
                "buyer_id": original.buyer_id, "buyer_name": original.buyer_name, "total": original.total,
                "commission": original.commission, "reversal_of_id": original.id, "reason": event.reason,
                "journal_entry_id": entry_id, "created_by": actor.user_id, "created_at": stamp,
            })
            counts["returns"] += 1
            audit(stamp, actor, AuditAction.SALE_REVERSED, "sale", original.id,
                  before={"number": original.number, "amount": _rp(original.total)}, reason=event.reason)
        elif kind == "payout_cancel":
            original = event.target
            producer = original.producer
            entry_id = entry(event, stamp, "reversal", f"Pembatalan pembayaran {original.number}: {event.reason}",
                             [line.reversed() for line in original.journal], reversal_of=original.entry_id)
            payout_cancels.append({
                "id": _uuid(rng), "number": None, "member_id": producer.member_id, "group_id": producer.group_id,
                "amount": original.amount, "paid_on": event.day, "period_from": None, "period_to": None,
                "reversal_of_id": original.id, "reason": event.reason, "journal_entry_id": entry_id,
                "created_by": actor.user_id, "created_at": stamp,
            })
            audit(stamp, actor, AuditAction.PAYOUT_REVERSED, "payout", original.id,
                  before={"number": original.number, "amount": _rp(original.amount)}, reason=event.reason)
        if len(journal_lines) >= CHUNK:
            flush()
    flush()
    return counts["intakes"], counts["sales"], counts["lines"], counts["payouts"], counts["returns"]
