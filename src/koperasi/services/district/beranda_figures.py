"""An office's Beranda figures in its packet, and the kabupaten's: the offices' own Beranda figures added up.

The district's Beranda is the office's own screen (``gui/dashboard/tiles.py``), so it takes the same
``services.dashboard.figures.Figures``: every count and rupiah the sum of the offices', every rate worked out
from those sums by the same properties (never an average of the offices' rates), named lines (kecamatan,
categories, buckets, programmes, channels, funds) added up by name, and the worst late loans the worst of all.
Pure functions: the packet's sending and receiving call them, nothing here reads a database.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date

from koperasi.domain.district.figures import OfficeFigures
from koperasi.domain.district.monthly import UNNAMED
from koperasi.domain.errors import DomainError
from koperasi.domain.loans.papers import ArrearsLine, PortfolioShare
# The training and sales rows as Beranda holds them (the district area reads those areas through their services).
from koperasi.services.dashboard.figures import (
    Count, Figures, FundFigures, LoanFigures, MemberFigures, NetworkFigures, SalesFigures, SalesTotal, TrainedCount,
    TrainingFigures,
)

BERANDA = "beranda"  # figures.json's key for the office's whole Beranda figures (format version 3)
WORST_SHOWN = 10  # as many late loans as an office's Beranda lists
PERSONAL = ("member_number", "member_name")  # of a late loan: travel only when the office sends personal data
TOTAL = "Jumlah"


# ---- the packet's document -------------------------------------------------------------------------


def beranda_document(figures: Figures, *, personal: bool) -> dict:
    """The figures as plain JSON; the late loans' members' names and numbers left out unless ``personal``."""
    if not personal:
        figures = _unnamed(figures)
    return _plain(figures)


def beranda_from_document(document: object, *, personal: bool) -> Figures | None:
    """The Beranda part of a figures document; None when it has none (a packet before version 3), refused when
    malformed (a count that is not a whole number ≥ 0, a text too long, a field missing or too many)."""
    if not isinstance(document, dict) or BERANDA not in document:
        return None
    try:
        figures = _read(Figures, document[BERANDA])
    except (KeyError, TypeError, ValueError) as error:
        raise DomainError("Angka Beranda di paket tidak sah.") from error
    return figures if personal else _unnamed(figures)


def _unnamed(figures: Figures) -> Figures:
    loans = figures.loans
    late = tuple(dataclasses.replace(line, **dict.fromkeys(PERSONAL, UNNAMED)) for line in loans.oldest_arrears)
    return dataclasses.replace(figures, loans=dataclasses.replace(loans, oldest_arrears=late))


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _read(kind: object, value: object) -> object:
    """``value`` read back as ``kind`` (a dataclass of these figures, a tuple, a text, a count, a flag, a day)."""
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        names = [field.name for field in dataclasses.fields(kind)]
        if not isinstance(value, dict) or set(value) != set(names):
            raise ValueError(f"not a {kind.__name__}")
        return kind(**{name: _read(hints[name], value[name]) for name in names})
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):  # X | None
        return None if value is None else _read(next(a for a in arguments if a is not type(None)), value)
    if origin is tuple:
        if not isinstance(value, list) or len(value) > 10_000:
            raise ValueError("not a list")
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(_read(arguments[0], item) for item in value)
        if len(value) != len(arguments):
            raise ValueError("a pair of another length")
        return tuple(_read(part, item) for part, item in zip(arguments, value, strict=True))
    if kind is bool and isinstance(value, bool):
        return value
    if kind is int and type(value) is int and 0 <= value < 10**15:
        return value
    if kind is str and isinstance(value, str) and len(value) <= 200 and "\x00" not in value:
        return value
    if kind is date and isinstance(value, str):
        return date.fromisoformat(value)
    raise ValueError(f"not a {kind}")


@functools.cache
def _hints(kind: type) -> dict[str, object]:
    """A dataclass's field types, resolved once (they are strings under ``from __future__ import annotations``)."""
    return typing.get_type_hints(kind)


# ---- adding up -------------------------------------------------------------------------------------


def add_up(parts: list[Figures], as_of: date) -> Figures:
    """The offices' Beranda figures as one office's (``as_of`` is the day the district states for the whole)."""
    return Figures(
        as_of=as_of,
        members=MemberFigures(
            *(_sum(parts, lambda f, name=name: getattr(f.members, name))
              for name in ("total", "women", "new_in_month", "left_in_month")),
            by_category=_counts((f.members.by_category for f in parts), by_size=False),
            out_of_school_children=_sum(parts, lambda f: f.members.out_of_school_children),
            by_kecamatan=_counts((f.members.by_kecamatan for f in parts), by_size=True),
        ),
        loans=LoanFigures(
            book=_share(TOTAL, [f.loans.book for f in parts]),
            buckets=tuple(_share(name, shares) for name, shares in _by_name(f.loans.buckets for f in parts).items()),
            oldest_arrears=_worst(line for f in parts for line in f.loans.oldest_arrears),
            disbursed_in_month=_sum(parts, lambda f: f.loans.disbursed_in_month),
            disbursed_in_year=_sum(parts, lambda f: f.loans.disbursed_in_year),
            due_in_month=_sum(parts, lambda f: f.loans.due_in_month),
            collected_in_month=_sum(parts, lambda f: f.loans.collected_in_month),
            funds=tuple(FundFigures(name, *(sum(getattr(fund, part) for fund in funds)
                                            for part in ("capital", "lent_out", "available")))
                        for name, funds in _by_name(f.loans.funds for f in parts).items()),
        ),
        trainings=TrainingFigures(
            year=_trained(TOTAL, [f.trainings.year for f in parts]),
            by_programme=tuple(sorted((_trained(name, rows) for name, rows in
                                       _by_name(f.trainings.by_programme for f in parts).items()), key=lambda row: row.name)),
            upcoming_sessions=_sum(parts, lambda f: f.trainings.upcoming_sessions),
        ),
        sales=SalesFigures(
            month=_sold(TOTAL, [f.sales.month for f in parts]),
            year=_sold(TOTAL, [f.sales.year for f in parts]),
            month_by_channel=_channels(f.sales.month_by_channel for f in parts),
            year_by_channel=_channels(f.sales.year_by_channel for f in parts),
            owed_to_producers=_sum(parts, lambda f: f.sales.owed_to_producers),
            producers_owed=_sum(parts, lambda f: f.sales.producers_owed),
        ),
        network=_network([f.network for f in parts if f.network is not None]),
    )


def from_office_figures(figures: OfficeFigures) -> Figures:
    """What a packet before version 3 tells of an office's Beranda: its counts, without the named lines.

    Figures such a packet does not carry (the month's disbursements, the sale lines' count, the men trained,
    what is owed to producers) are 0; the district's Beranda names these offices."""
    return Figures(
        as_of=figures.as_of,
        members=MemberFigures(figures.members, figures.women, figures.new_in_month, figures.left_in_month, (), 0, ()),
        loans=LoanFigures(PortfolioShare(TOTAL, figures.loans, figures.outstanding, figures.at_risk_30), (), (), 0,
                          figures.disbursed_in_year, figures.due_in_month, figures.collected_in_month, ()),
        trainings=TrainingFigures(TrainedCount(TOTAL, figures.trained_in_year, figures.completed_in_year,
                                               figures.trained_women, 0), (), 0),
        sales=SalesFigures(SalesTotal(TOTAL, 0, figures.sales_in_month, 0),
                           SalesTotal(TOTAL, 0, figures.sales_in_year, figures.commission_in_year), (), (), 0, 0),
    )


def _sum(parts: list[Figures], value: Callable[[Figures], int]) -> int:
    return sum(value(part) for part in parts)


def _by_name(groups: Iterable[tuple]) -> dict[str, list]:
    """Rows of several offices by their name, in the order the names are first seen."""
    named: dict[str, list] = {}
    for rows in groups:
        for row in rows:
            named.setdefault(row.name, []).append(row)
    return named


def _counts(groups: Iterable[tuple[Count, ...]], *, by_size: bool) -> tuple[Count, ...]:
    """Counts added up by name: largest first then by name (as an office orders its kecamatan), or as first seen."""
    rows = [Count(name, sum(count.count for count in counts)) for name, counts in _by_name(groups).items()]
    return tuple(sorted(rows, key=lambda row: (-row.count, row.name)) if by_size else rows)


def _share(name: str, shares: list[PortfolioShare]) -> PortfolioShare:
    return PortfolioShare(name, *(sum(getattr(share, part) for share in shares) for part in ("loans", "outstanding", "at_risk_30")))


def _trained(name: str, rows: list[TrainedCount]) -> TrainedCount:
    return TrainedCount(name, *(sum(getattr(row, part) for row in rows) for part in ("participants", "completed", "women", "men")))


def _sold(name: str, rows: list[SalesTotal]) -> SalesTotal:
    return SalesTotal(name, *(sum(getattr(row, part) for row in rows) for part in ("sales", "total", "commission")))


def _channels(groups: Iterable[tuple[SalesTotal, ...]]) -> tuple[SalesTotal, ...]:
    return tuple(sorted((_sold(name, rows) for name, rows in _by_name(groups).items()), key=lambda row: row.name))


def _worst(lines: Iterable[ArrearsLine]) -> tuple[ArrearsLine, ...]:
    """The late loans of all offices, the longest late first (as an office's list), as many as one office shows."""
    return tuple(sorted(lines, key=lambda line: (-line.days_past_due, -line.arrears, line.loan_number))[:WORST_SHOWN])


def _network(parts: list[NetworkFigures]) -> NetworkFigures | None:
    if not parts:
        return None
    outcomes: dict[str, int] = {}
    for part in parts:
        for label, count in part.outcomes:
            outcomes[label] = outcomes.get(label, 0) + count
    return NetworkFigures(*(sum(getattr(part, name) for part in parts) for name in ("meetings", "attended", "referred")),
                          outcomes=tuple(outcomes.items()),
                          without_outcome=sum(part.without_outcome for part in parts))
