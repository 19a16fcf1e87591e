"""The visit sheet prints each household's baseline and last figures beside empty boxes, two to a page."""

from __future__ import annotations

import io
import uuid
from datetime import date

from pypdf import PdfReader

from koperasi.domain.impact.household import BusinessStatus
from koperasi.domain.impact.papers import DueVisit, HouseholdHistory, RecordedMeasurement, SheetHousehold, VisitSheets
from koperasi.domain.impact.visits import VisitReason
from koperasi.domain.office.profile import OfficeProfile
from koperasi.reports.impact.visit_sheet import write_visit_sheets
from tests.services.impact.test_households import measured

OFFICE = OfficeProfile(name="Koperasi Berdaya Pauh", code="PAU", address="Jl. Lintas Sumatera", phone="081234567890")


def sheets(count: int) -> VisitSheets:
    households = []
    for index in range(count):
        member_id = uuid.uuid4()
        history = HouseholdHistory(
            member_id, f"PAU-{index:06d}", f"Siti Aminah {index}", date(2024, 1, 2), 4,
            [RecordedMeasurement(uuid.uuid4(), measured(date(2024, 1, 10)), "Budi"),
             RecordedMeasurement(uuid.uuid4(), measured(date(2025, 4, 6), 2_250_000, business_status=BusinessStatus.STARTING,
                                                        moneylender_debt=False, moneylender_amount=0), "Budi")] if index else [],
        )
        due = DueVisit(member_id, history.number, history.full_name, "Perdamaian", "Singkut", date(2025, 7, 6),
                       VisitReason.LOAN if index else VisitReason.BASELINE, None, "Budi")
        households.append(SheetHousehold(history, "Perdamaian", due))
    return VisitSheets(OFFICE, date(2026, 11, 28), "Budi Santoso", households)


def test_each_household_shows_its_figures_and_two_fit_a_page(tmp_path):
    target = io.BytesIO()
    write_visit_sheets(sheets(4), target)
    reader = PdfReader(io.BytesIO(target.getvalue()))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 2
    assert "Rp1.500.000 (perkiraan)" in text and "Rp2.250.000" in text and "Baru mulai" in text
    assert "Data awal, jatuh 06/07/2025" in text.replace("\n", " ") or "Data awal" in text
    assert "Siti Aminah 3" in text and "Petugas: Budi Santoso" in text
