"""The funder's report: the figures of a hand-worked report in the PDF and the workbook, and no names."""

from __future__ import annotations

import io
import uuid
from dataclasses import replace
from datetime import date, datetime

from openpyxl import load_workbook
from pypdf import PdfReader

from koperasi.domain.impact.cohorts import CohortBasis, CohortHousehold, CohortSpan, cohort_rows
from koperasi.domain.impact.household import BusinessStatus
from koperasi.domain.impact.indicators import Dimension, HouseholdTrack, indicators
from koperasi.domain.impact.papers import AnonymousHousehold, AnonymousMeasurement, FunderReport, GroupFigures, ImpactFigures
from koperasi.reports.impact.funder_report import write_funder_pdf, write_funder_xlsx
from tests.reports.impact.test_story import paper as story_paper
from tests.reports.impact.test_visit_sheet import OFFICE
from tests.services.impact.test_stories import png
from tests.services.impact.test_households import measured


def shown(measurement) -> AnonymousMeasurement:
    return AnonymousMeasurement(*(getattr(measurement, name) for name in AnonymousMeasurement._fields))


def report() -> FunderReport:
    siti = (measured(date(2025, 1, 10), 1_000_000), measured(date(2025, 10, 6), 1_600_000, business_status=BusinessStatus.STARTING))
    rahma = (measured(date(2025, 1, 10), 2_000_000), measured(date(2025, 9, 1), 1_900_000))
    tracks = [HouseholdTrack(uuid.uuid4(), *siti, 350_000), HouseholdTrack(uuid.uuid4(), *rahma, 350_000)]
    total = indicators(tracks)
    figures = ImpactFigures(date(2025, 1, 1), date(2025, 12, 31), "Sumber dana: Dana Desa (Pemkab)", None, 2, total, [], 3, 2,
                            {"perdesaan": 350_000})
    households = [AnonymousHousehold(1, "Perempuan", "40–54", "Singkut", "Petani kecil", *map(shown, siti)),
                  AnonymousHousehold(2, "Perempuan", "25–39", "Pauh", "", *map(shown, rahma))]
    return FunderReport(OFFICE, date(2026, 11, 28), figures, {Dimension.SEX: [GroupFigures("Perempuan", total)]},
                        {"Jenis kelamin": {"Perempuan": 2}}, 2_400_000, 700_000, 2, 5, 1_250_000, households, CohortBasis.FIRST_LOAN,
                        cohort_rows([CohortHousehold("siti", date(2025, 1, 10), siti, 350_000),
                                     CohortHousehold("rahma", date(2025, 3, 1), rahma, 350_000)], CohortSpan.YEAR),
                        [story_paper("Dulu meminjam ke rentenir.\n\nKini warungnya berkembang.", png(600, 800))])


def test_the_pdf_carries_the_figures_and_how_they_are_computed():
    target = io.BytesIO()
    write_funder_pdf(report(), target)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(target.getvalue())).pages).replace("\n", " ")
    for expected in ("LAPORAN DAMPAK PROGRAM", "Sumber dana: Dana Desa", "+Rp250.000", "1 → 2 dari 2", "2 pinjaman, Rp2.400.000",
                     "2 dari 3", "Rp1.250.000", "Catatan: cara menghitung", "perdesaan Rp350.000", "Indikator menurut jenis kelamin",
                     "Kohor menurut tahun pinjaman pertama", "2025 6 bulan 1 Rp1.900.000 \u2212Rp100.000",
                     "Kisah sukses Kopi organik sampai ke Jambi", "Kini warungnya berkembang",
                     "persetujuan tertulis Siti Aminah tanggal 20 November 2026"):
        assert expected in text, expected


def test_the_workbook_has_numbers_and_anonymous_rows():
    target = io.BytesIO()
    write_funder_xlsx(report(), target)
    book = load_workbook(io.BytesIO(target.getvalue()))
    assert book.sheetnames == ["Ringkasan", "Indikator", "Kohor", "Jangkauan", "Data anonim", "Kisah sukses", "Catatan"]
    assert [c.value for c in next(book["Kisah sukses"].iter_rows(min_row=6))][:6] == [
        "Kopi organik sampai ke Jambi", "Siti Aminah", "Perdamaian", "Singkut", datetime(2026, 11, 20), "ada"]
    cohort_rows_ = [[c.value for c in r][:7] for r in book["Kohor"].iter_rows(min_row=6)]
    # 12 months after 10 January: Siti's 6 October visit is outside the two-month window, Rahmawati's 1 September is not
    # 6 months: Rahmawati (1 March + 6 = 1 September) only
    assert cohort_rows_ == [["2025", "Data awal", 2, 1_500_000, 2, 0, None], ["2025", "6 bulan", 1, 1_900_000, 2, 1, -100_000],
                            ["2025", "12 bulan", 0, None, 2, 0, None]]
    indicator_rows = [[c.value for c in r] for r in book["Indikator"].iter_rows(min_row=6)]
    assert indicator_rows[0][:5] == ["Seluruhnya", None, 2, 2, 250_000]
    rows = [[c.value for c in r] for r in book["Data anonim"].iter_rows(min_row=6)]
    assert [r[0] for r in rows] == [1, 2] and rows[0][6] == 1_000_000 and rows[0][15] == 1_600_000
    header = [c.value for c in next(book["Data anonim"].iter_rows(min_row=5, max_row=5))]
    assert not any(word in " ".join(header).lower() for word in ("nama", "nik", "nomor anggota", "lahir"))


def test_a_long_category_name_is_read_whole_on_two_lines():
    long_name = "Keluarga dengan anak tidak bersekolah"
    base = report()
    target = io.BytesIO()
    write_funder_pdf(replace(base, reached_by={**base.reached_by, "Kategori kerentanan": {long_name: 3}}), target)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(target.getvalue())).pages).replace("\n", " ")
    assert "anak tidak bersekolah" in text and "\u2026" not in text
