"""The Laporan bulanan in a packet, and the kabupaten's: the offices' own monthly reports added up.

An office sends the monthly report of the month just ended (its own ``services/monthly`` figures: the month's
movements, twelve months of history, the arrears report as of the month's end), so the district never
re-derives a PAR or a collection from partial records. The kabupaten's report is the same ``MonthlyReport``
the office's paper prints (``reports/monthly``): every count and rupiah the sum of the offices', the ratios of
the sums, the lists joined. Members' names and numbers on the arrears list travel only when the office's
setting ``district_personal_data`` says so.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date

from koperasi.domain.errors import DomainError
from koperasi.domain.loans.papers import ArrearsLine, ArrearsReport, PortfolioShare
from koperasi.domain.monthly.figures import CollectionPoint, Count, History, MonthlyReport, MonthMovements, PortfolioPoint
from koperasi.domain.months import Month, month_end
from koperasi.domain.office.profile import OfficeProfile

MONTHLY = "monthly"  # figures.json's key for the month just ended's report (format version 2)
MOVEMENTS = tuple(field.name for field in fields(MonthMovements))
ARREARS_TEXTS = ("loan_number", "member_number", "member_name", "desa", "kecamatan", "group", "product", "fund", "bucket",
                 "collectibility")
ARREARS_COUNTS = ("outstanding", "arrears", "days_past_due")
PERSONAL = ("member_number", "member_name")
UNNAMED = "—"  # the arrears list's member of a packet sent without personal data


@dataclass(frozen=True, slots=True)
class OfficeMonth:
    """One office's monthly report as its packet carries it."""

    month: Month
    movements: MonthMovements
    history: History
    buckets: tuple[PortfolioShare, ...]
    total: PortfolioShare
    late_loans: tuple[ArrearsLine, ...]


def previous_month(day: date) -> Month:
    """The month just ended on ``day``: the one an office's Laporan bulanan is made for."""
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


def office_month(report: MonthlyReport) -> OfficeMonth:
    """What a packet carries of an office's own report (its header is the district's to write)."""
    arrears = report.arrears
    return OfficeMonth(report.month, report.movements, report.history, arrears.buckets, arrears.total, arrears.late_loans)


def monthly_document(part: OfficeMonth, *, personal: bool) -> dict:
    """The report as figures.json's ``monthly``: plain JSON, members' names and numbers left out unless ``personal``."""
    history = part.history
    return {
        "month": list(part.month),
        "movements": asdict(part.movements),
        "history": {
            "months": [list(month) for month in history.months],
            "portfolio": [[point.outstanding, point.at_risk] for point in history.portfolio],
            "collections": [[point.due, point.collected] for point in history.collections],
            "channels": list(history.channels),
            "sales": {name: list(history.sales[name]) for name in history.channels},
            "members_by_kecamatan": [[count.name, count.count] for count in history.members_by_kecamatan],
            "members_by_category": [[count.name, count.count] for count in history.members_by_category],
        },
        "buckets": [_share(share) for share in part.buckets],
        "total": _share(part.total),
        "late_loans": [
            {name: ("" if name in PERSONAL and not personal else getattr(line, name)) for name in ARREARS_TEXTS}
            | {name: getattr(line, name) for name in ARREARS_COUNTS} | {"restructured": line.restructured}
            for line in part.late_loans
        ],
    }


def _share(share: PortfolioShare) -> list:
    return [share.name, share.loans, share.outstanding, share.at_risk_30]


def monthly_from_document(document: object, *, personal: bool) -> OfficeMonth | None:
    """The monthly part of a figures document; None when it has none (a version 1 packet), refused when malformed."""
    if not isinstance(document, dict) or MONTHLY not in document:
        return None
    try:
        return _read(document[MONTHLY], personal)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DomainError("Laporan bulanan di paket tidak sah.") from error


def _read(part: dict, personal: bool) -> OfficeMonth:
    month = _month(part["month"])
    movements = MonthMovements(**{name: _count(part["movements"][name]) for name in MOVEMENTS})
    history = part["history"]
    months = tuple(_month(value) for value in history["months"])
    if not months or months[-1] != month or len(set(months)) != len(months) or list(months) != sorted(months):
        raise ValueError("months")
    portfolio = tuple(PortfolioPoint(m, _count(out), _count(risk)) for m, (out, risk) in _aligned(months, history["portfolio"]))
    collections = tuple(CollectionPoint(m, _count(due), _count(got)) for m, (due, got) in _aligned(months, history["collections"]))
    channels = tuple(_text(name) for name in history["channels"])
    if set(history["sales"]) != set(channels) or len(set(channels)) != len(channels):
        raise ValueError("channels")
    sales = {name: tuple(_count(value) for _, value in _aligned(months, history["sales"][name])) for name in channels}
    counts = [tuple(Count(_text(name), _count(n)) for name, n in history[key])
              for key in ("members_by_kecamatan", "members_by_category")]
    late = tuple(
        ArrearsLine(**{name: _text(line[name]) if personal or name not in PERSONAL else UNNAMED for name in ARREARS_TEXTS},
                    **{name: _count(line[name]) for name in ARREARS_COUNTS}, restructured=_flag(line["restructured"]))
        for line in part["late_loans"]
    )
    return OfficeMonth(month, movements, History(months, portfolio, collections, channels, sales, *counts),
                       tuple(_share_of(share) for share in part["buckets"]), _share_of(part["total"]), late)


def _aligned(months: tuple[Month, ...], values: list) -> zip:
    if not isinstance(values, list) or len(values) != len(months):
        raise ValueError("a series of another length")
    return zip(months, values, strict=True)


def _share_of(value: list) -> PortfolioShare:
    name, loans, outstanding, at_risk = value
    return PortfolioShare(_text(name), _count(loans), _count(outstanding), _count(at_risk))


def _month(value: object) -> Month:
    if not isinstance(value, list) or len(value) != 2 or not all(type(part) is int for part in value):
        raise ValueError("not a month")
    if not 2000 <= value[0] <= 2200 or not 1 <= value[1] <= 12:
        raise ValueError("not a month")
    return value[0], value[1]


def _count(value: object) -> int:
    if type(value) is not int or not 0 <= value < 10**15:
        raise ValueError("not a count")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > 200 or "\x00" in value:
        raise ValueError("not a short text")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("not a flag")
    return value


def consolidated_monthly(parts: list[OfficeMonth], month: Month, header: OfficeProfile) -> MonthlyReport:
    """The kabupaten's (or a filter's) Laporan bulanan for ``month``: the offices' reports of that month added up.

    ``header`` names the whole on the paper (the kabupaten and the filter) where an office's report names the office."""
    chosen = [part for part in parts if part.month == month]
    if not chosen:
        raise DomainError("Belum ada paket kantor yang membawa laporan bulan ini.")
    months = chosen[0].history.months
    if any(part.history.months != months for part in chosen):
        raise DomainError("Laporan bulanan kantor tidak sama panjangnya.")
    indexes = range(len(months))
    history = History(
        months=months,
        portfolio=tuple(PortfolioPoint(months[i], sum(p.history.portfolio[i].outstanding for p in chosen),
                                       sum(p.history.portfolio[i].at_risk for p in chosen)) for i in indexes),
        collections=tuple(CollectionPoint(months[i], sum(p.history.collections[i].due for p in chosen),
                                          sum(p.history.collections[i].collected for p in chosen)) for i in indexes),
        channels=(channels := tuple(dict.fromkeys(name for p in chosen for name in p.history.channels))),
        sales={name: tuple(sum(p.history.sales[name][i] for p in chosen if name in p.history.sales) for i in indexes)
               for name in channels},
        members_by_kecamatan=_counted(chosen, "members_by_kecamatan", by_size=True),
        members_by_category=_counted(chosen, "members_by_category", by_size=False),
    )
    movements = MonthMovements(**{name: sum(getattr(p.movements, name) for p in chosen) for name in MOVEMENTS})
    buckets: dict[str, list[int]] = {}
    for part in chosen:
        for share in part.buckets:
            sums = buckets.setdefault(share.name, [0, 0, 0])
            for index, value in enumerate((share.loans, share.outstanding, share.at_risk_30)):
                sums[index] += value
    as_of = month_end(month)
    arrears = ArrearsReport(
        office=header, as_of=as_of, buckets=tuple(PortfolioShare(name, *sums) for name, sums in buckets.items()),
        total=PortfolioShare("Jumlah", *(sum(getattr(p.total, name) for p in chosen)
                                         for name in ("loans", "outstanding", "at_risk_30"))),
        late_loans=tuple(line for part in chosen for line in part.late_loans),
    )
    return MonthlyReport(office=header, month=month, as_of=as_of, movements=movements, history=history, arrears=arrears)


def _counted(parts: list[OfficeMonth], key: str, *, by_size: bool) -> tuple[Count, ...]:
    """Counts by name added up: by kecamatan largest first (as an office orders them), categories in first-seen order."""
    sums: dict[str, int] = {}
    for part in parts:
        for count in getattr(part.history, key):
            sums[count.name] = sums.get(count.name, 0) + count.count
    ordered = sorted(sums.items(), key=lambda item: (-item[1], item[0])) if by_size else list(sums.items())
    return tuple(Count(name, count) for name, count in ordered)
