"""Running figures of sales, kept in the same transaction as the rows they sum, for Beranda:

- ``sales_days``: per day and channel, the standing sale lines (how many, their total, the commission), so
  the sales tile sums a month and a year of a few hundred rows instead of every line;
- ``producer_balances``: per producer (a member or a group, keyed by its id), what the office owes them:
  their shares of standing sales less their standing payouts, so "owed to producers" is one short read.

A sale adds its lines, its cancellation takes them off again (a cancelled sale's lines no longer stand); a
payout takes its amount off its producer, its cancellation gives it back. ``koperasi doctor`` holds both
tables to the rows (``mismatches``); the demo office, written in bulk, is counted afresh (``recount``).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from sqlalchemy import delete, func, insert, select, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from koperasi.db.models import ProducerBalance, Sale, SaleLine, SalesDay
from koperasi.domain.money import format_rupiah
from koperasi.services.sales.book import standing_payouts, standing_sale_lines

_DAY_FIGURES = ("lines", "total", "commission")


class LineFigures(NamedTuple):
    """What one sale line adds: to its producer (a member or a group) and to its day."""

    producer_id: uuid.UUID
    total: int
    commission: int
    producer_share: int


def count_sale(session: Session, *, sold_on: date, channel_id: uuid.UUID, lines: Iterable[LineFigures], sign: int = 1) -> None:
    """A sale's lines added to its day and channel and to its producers (``sign`` -1: taken off, for its
    cancellation). Two statements, whatever the number of lines and producers: the sale's own figures, not
    its lines read back."""
    count = total = commission = 0
    owed: dict[uuid.UUID, int] = defaultdict(int)
    for line in lines:
        count, total, commission = count + 1, total + line.total, commission + line.commission
        owed[line.producer_id] += line.producer_share
    if not count:
        return
    _add(session, SalesDay, ("sold_on", "channel_id"), ("lines", "total", "commission"),
         [{"sold_on": sold_on, "channel_id": channel_id, "lines": sign * count, "total": sign * total,
           "commission": sign * commission}])
    _add(session, ProducerBalance, ("producer_id",), ("owed",),
         [{"producer_id": producer_id, "owed": sign * share} for producer_id, share in owed.items()])


def uncount_sale(session: Session, sale_id: uuid.UUID, *, sold_on: date, channel_id: uuid.UUID) -> None:
    """A cancelled sale's lines, as they were recorded, taken off its day, channel and producers."""
    lines = session.execute(
        select(func.coalesce(SaleLine.member_id, SaleLine.group_id), SaleLine.total, SaleLine.commission,
               SaleLine.producer_share).where(SaleLine.sale_id == sale_id)
    )
    count_sale(session, sold_on=sold_on, channel_id=channel_id, lines=(LineFigures(*row) for row in lines), sign=-1)


def count_payout(session: Session, producer_id: uuid.UUID, amount: int) -> None:
    """A payout taken off what its producer is owed (a negative ``amount`` gives a cancelled one back)."""
    _add(session, ProducerBalance, ("producer_id",), ("owed",), [{"producer_id": producer_id, "owed": -amount}])


def _add(session: Session, table, key: tuple[str, ...], figures: tuple[str, ...], rows: list[dict[str, object]]) -> None:
    """Each row's figures added to the row of its ``key``, made if it is not there yet: one statement for all
    rows (an executemany), no read first. The rows' keys must differ (one producer, one row)."""
    upsert = (postgresql.insert if session.connection().dialect.name == "postgresql" else sqlite.insert)(table)
    session.execute(upsert.on_conflict_do_update(
        index_elements=[getattr(table, name) for name in key],
        set_={name: getattr(table, name) + upsert.excluded[name] for name in figures},
    ), rows)


def _days_from_rows():
    return (
        standing_sale_lines()
        .with_only_columns(Sale.sold_on, Sale.channel_id, func.count(), func.sum(SaleLine.total), func.sum(SaleLine.commission))
        .group_by(Sale.sold_on, Sale.channel_id)
    )


def _balances_from_rows():
    lines = standing_sale_lines().with_only_columns(
        func.coalesce(SaleLine.member_id, SaleLine.group_id).label("producer_id"), SaleLine.producer_share.label("amount"))
    payouts = standing_payouts().subquery()
    paid = select(func.coalesce(payouts.c.member_id, payouts.c.group_id), -payouts.c.amount)
    movements = union_all(lines, paid).subquery("movements")
    return select(movements.c.producer_id, func.sum(movements.c.amount)).group_by(movements.c.producer_id)


def recount(session: Session) -> None:
    """Both tables counted afresh from the rows (after sales and payouts written in bulk, as the demo office's)."""
    session.execute(delete(SalesDay))
    session.execute(insert(SalesDay).from_select(["sold_on", "channel_id", *_DAY_FIGURES], _days_from_rows()))
    session.execute(delete(ProducerBalance))
    session.execute(insert(ProducerBalance).from_select(["producer_id", "owed"], _balances_from_rows()))


def mismatches(session: Session) -> list[str]:
    """Where the running figures differ from the rows they sum (a row that is not there counts as zeros)."""
    problems = []
    kept = _read(session, select(SalesDay.sold_on, SalesDay.channel_id, SalesDay.lines, SalesDay.total, SalesDay.commission), 2)
    counted = _read(session, _days_from_rows(), 2)
    for day, channel in sorted(set(kept) | set(counted), key=lambda key: (key[0], str(key[1]))):
        have, want = kept.get((day, channel), (0, 0, 0)), counted.get((day, channel), (0, 0, 0))
        if have != want:
            problems.append(f"ringkasan penjualan {day.isoformat()} berbeda dari baris nota: {have[0]} baris "
                            f"{format_rupiah(have[1])}, seharusnya {want[0]} baris {format_rupiah(want[1])}")
    kept = _read(session, select(ProducerBalance.producer_id, ProducerBalance.owed), 1)
    counted = _read(session, _balances_from_rows(), 1)
    wrong = [key for key in set(kept) | set(counted) if kept.get(key, (0,)) != counted.get(key, (0,))]
    if wrong:
        problems.append(f"utang kepada {len(wrong)} penitip di ringkasan berbeda dari penjualan dan pembayarannya")
    return problems


def _read(session: Session, statement, keys: int) -> dict[tuple, tuple[int, ...]]:
    """Rows as {their first ``keys`` columns: the figures after them}, rows of zeros left out."""
    rows = {tuple(row[:keys]): tuple(int(value or 0) for value in row[keys:]) for row in session.execute(statement)}
    return {key: figures for key, figures in rows.items() if any(figures)}
