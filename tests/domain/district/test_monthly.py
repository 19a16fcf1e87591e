"""The Laporan bulanan in a packet: read back as written, names only when sent, anything malformed refused."""

from __future__ import annotations

import json
from datetime import date

import pytest

from koperasi.domain.district.monthly import (
    MONTHLY, MOVEMENTS, UNNAMED, OfficeMonth, consolidated_monthly, monthly_document, monthly_from_document,
    previous_month,
)
from koperasi.domain.errors import DomainError
from koperasi.domain.loans.papers import ArrearsLine, PortfolioShare
from koperasi.domain.monthly.figures import CollectionPoint, Count, History, MonthMovements, PortfolioPoint
from koperasi.domain.office.profile import OfficeProfile

MONTHS = ((2026, 9), (2026, 10))
PART = OfficeMonth(
    month=(2026, 10),
    movements=MonthMovements(**dict.fromkeys(MOVEMENTS, 2)),
    history=History(MONTHS, tuple(PortfolioPoint(m, 1000, 100) for m in MONTHS), tuple(CollectionPoint(m, 50, 40) for m in MONTHS),
                    ("Pasar",), {"Pasar": (7, 8)}, (Count("Pauh", 3),), (Count("Janda", 1),)),
    buckets=(PortfolioShare("Lancar", 1, 1000, 0),),
    total=PortfolioShare("Jumlah", 1, 1000, 100),
    late_loans=(ArrearsLine("PJ-1", "A-1", "Siti", "Desa", "Pauh", "", "Modal", "Dana", 1000, 50, 40, "31-60 hari",
                            "Kurang lancar"),),
)


def _round_trip(part: OfficeMonth, personal: bool) -> OfficeMonth | None:
    document = json.loads(json.dumps({MONTHLY: monthly_document(part, personal=personal)}))
    return monthly_from_document(document, personal=personal)


def test_the_monthly_part_reads_back_as_written_and_names_travel_only_when_sent():
    assert _round_trip(PART, True) == PART
    reduced = _round_trip(PART, False).late_loans[0]
    assert (reduced.member_name, reduced.member_number, reduced.loan_number) == (UNNAMED, UNNAMED, "PJ-1")
    assert "Siti" not in json.dumps(monthly_document(PART, personal=False))
    assert monthly_from_document({}, personal=False) is None


@pytest.mark.parametrize("change", [
    lambda d: d.update(month=[2026, 13]),
    lambda d: d["movements"].update(repaid=-1),
    lambda d: d["history"]["portfolio"].pop(),
    lambda d: d["history"].update(months=[[2026, 10], [2026, 9]]),
    lambda d: d["history"]["sales"].update(Lain=[1, 2]),
    lambda d: d["late_loans"][0].update(restructured="ya"),
    lambda d: d.update(total=["Jumlah", 1, 2]),
])
def test_a_malformed_monthly_part_is_refused(change):
    document = json.loads(json.dumps(monthly_document(PART, personal=True)))
    change(document)
    with pytest.raises(DomainError, match="Laporan bulanan di paket tidak sah"):
        monthly_from_document({MONTHLY: document}, personal=True)


def test_the_kabupaten_s_month_adds_up_the_offices_of_that_month():
    header = OfficeProfile(name="Konsolidasi", code="15.03")
    whole = consolidated_monthly([PART, PART], (2026, 10), header)
    assert whole.movements.repaid == 4 and whole.history.portfolio[-1].par30 == 0.1
    assert whole.history.sales == {"Pasar": (14, 16)} and len(whole.arrears.late_loans) == 2
    assert whole.arrears.total == PortfolioShare("Jumlah", 2, 2000, 200) and whole.office is header
    with pytest.raises(DomainError, match="Belum ada paket"):
        consolidated_monthly([PART], (2026, 11), header)


def test_the_month_an_office_reports_is_the_one_just_ended():
    assert previous_month(date(2026, 11, 28)) == (2026, 10) and previous_month(date(2027, 1, 3)) == (2026, 12)
