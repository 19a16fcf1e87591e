"""The indicators over the database, against a hand-worked example: three households, a fund, a training."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import ValidationError
from koperasi.domain.impact.household import BusinessStatus
from koperasi.domain.impact.indicators import Dimension
from koperasi.domain.people import Sex
from koperasi.services.impact import households, poverty
from koperasi.services.impact.indicators import impact_figures
from tests.services.impact.test_households import measured
from tests.training_support import training_office

YEAR_2025 = {"period_from": date(2025, 1, 1), "period_to": date(2025, 12, 31)}


@pytest.fixture
def office(db, admin):
    office = training_office(db, admin)
    siti = office.member("Siti Aminah")
    rahma = office.member("Rahmawati", desa_id=office.pauh_desa_id)
    budi = office.member("Budi Santoso", sex=Sex.MALE)
    office.loans.active_loan(siti)  # disbursed 6 January 2025 from the office's fund
    with db.session() as session:
        record = lambda member, day, income, **more: households.record_measurement(  # noqa: E731
            session, office.clerk, member, measured(day, income, **more), officer_id=office.clerk.user_id)
        record(siti, date(2024, 6, 1), 1_000_000)
        record(siti, date(2025, 4, 6), 1_300_000, business_status=BusinessStatus.STARTING)
        record(siti, date(2025, 10, 6), 1_600_000, business_status=BusinessStatus.STARTING, moneylender_debt=False,
               moneylender_amount=0)  # the latest in 2025: +600.000
        record(rahma, date(2024, 6, 1), 2_000_000)
        record(rahma, date(2025, 9, 1), 1_900_000)  # -100.000
        record(budi, date(2024, 6, 1), 500_000)  # baseline only
        record(budi, date(2026, 2, 1), 900_000)  # after the period: not counted in 2025
        poverty.set_poverty_line(session, office.manager, valid_from=date(2025, 3, 1), area="perdesaan", amount=350_000)
    office.siti, office.rahma, office.budi = siti, rahma, budi
    return office


def test_the_year_against_the_hand_worked_figures(db, office):
    with db.session() as session:
        figures = impact_figures(session, office.clerk, **YEAR_2025)
    total = figures.total
    assert (total.households, total.followed_up) == (3, 2)
    assert total.median_income_change == 250_000  # (600.000 + -100.000) / 2
    # 4 people x 350.000 = 1.400.000: Siti 1.000.000 -> 1.600.000 crosses it, Rahmawati stays above
    assert (total.above_poverty_before, total.above_poverty_after) == (1, 2)
    assert total.businesses_started_or_grown == 1 and total.moneylender_debt_ended == 1
    # reached in 2025: Siti (loan, visits), Rahmawati (visit); Budi was not visited in 2025
    assert figures.reached == 2
    assert figures.poverty_lines == {"perdesaan": 350_000}


def test_breakdown_by_sex_and_a_fund_report_holds_only_its_borrowers(db, office):
    with db.session() as session:
        by_sex = impact_figures(session, office.clerk, dimension=Dimension.SEX, **YEAR_2025)
        fund = impact_figures(session, office.clerk, fund_id=office.loans.fund_id, **YEAR_2025)
    groups = {group.label: group.figures for group in by_sex.groups}
    assert (groups["Perempuan"].households, groups["Laki-laki"].households) == (2, 1)
    assert groups["Laki-laki"].median_income_change is None
    assert (fund.total.households, fund.total.median_income_change, fund.reached) == (1, 600_000, 1)
    assert fund.scope.startswith("Sumber dana: ")


def test_loans_repaid_on_time_count_the_period_s_payoffs(db, office):
    loan = office.loans.active_loan(office.rahma, principal=600_000, term=3)
    office.loans.repay(loan, 600_000, on=date(2025, 2, 1))  # before its last due date
    late = office.loans.active_loan(office.budi, principal=600_000, term=3)  # last due 6 April 2025
    office.loans.repay(late, 600_000, on=date(2025, 5, 1))
    with db.session() as session:
        figures = impact_figures(session, office.clerk, **YEAR_2025)
    assert (figures.loans_paid_off, figures.loans_on_time) == (2, 1)


def test_a_reversed_period_is_refused(db, office):
    with db.session() as session, pytest.raises(ValidationError, match="Awal periode"):
        impact_figures(session, office.clerk, period_from=date(2025, 12, 31), period_to=date(2025, 1, 1))


def test_the_funder_report_counts_people_money_and_rows_without_names(db, office):
    from koperasi.services.impact.report import funder_report

    with db.session() as session:
        report = funder_report(session, office.manager, **YEAR_2025)
    assert report.reached_by["Jenis kelamin"] == {"Perempuan": 2}
    assert report.reached_by["Kelompok umur"] == {"40–54": 2}  # born 1 January 1980: 45 at the period's end
    assert {row.age_group for row in report.households} == {"40–54"}
    assert report.lent == 1_200_000 and report.loans_disbursed == 1  # Siti's loan, 6 January 2025
    assert [row.row for row in report.households] == [1, 2, 3]
    assert {row.baseline.monthly_income for row in report.households} == {1_000_000, 2_000_000, 500_000}
    text = repr(report.households)
    assert "Siti" not in text and "SRL" not in text and "1980" not in text  # no names, numbers or birth dates
    assert len(office.events("impact_reported")) == 1


def test_a_funds_report_follows_its_borrowers_from_their_first_loan(db, office):
    from koperasi.domain.impact.cohorts import CohortBasis
    from koperasi.services.impact.report import funder_report

    with db.session() as session:
        everyone = funder_report(session, office.manager, **YEAR_2025)
        fund = funder_report(session, office.manager, fund_id=office.loans.fund_id, **YEAR_2025)
    assert everyone.cohort_basis is CohortBasis.JOINED and everyone.cohorts == []  # all joined in 2024
    # Siti's loan, 6 January 2025: her 6 July visit would count; the 6 April and 6 October ones are outside the window
    assert fund.cohort_basis is CohortBasis.FIRST_LOAN
    assert [(r.cohort, r.milestone, r.measured, r.median_income) for r in fund.cohorts] == [
        ("2025", "Data awal", 1, 1_000_000), ("2025", "6 bulan", 0, None), ("2025", "12 bulan", 0, None)]


def test_the_sql_terms_give_the_domain_s_figures_over_varied_households(db, admin):
    """services/impact/indicators.py adds the indicators up in SQL; domain/impact/indicators.py defines them."""
    import random
    from dataclasses import replace

    from koperasi.domain.impact.indicators import HouseholdTrack, indicators
    from tests.loan_support import loan_office

    office = loan_office(db, admin)
    rng = random.Random(16)
    days = [date(2024, 3, 1), date(2024, 11, 5), date(2025, 4, 2), date(2025, 8, 9), date(2026, 1, 4)]

    def figures() -> dict:
        size = rng.randint(1, 6)
        children = rng.randint(0, size - 1)
        debt = rng.random() < 0.5
        return {"monthly_income": rng.randrange(0, 4_000_000, 50_000), "household_size": size,
                "business_status": rng.choice(list(BusinessStatus)), "moneylender_debt": debt,
                "moneylender_amount": rng.randint(1, 9) * 100_000 if debt else 0, "school_age_children": children,
                "children_in_school": rng.randint(0, children), "woman_business": rng.random() < 0.5}

    tracks = []
    with db.session() as session:
        poverty.set_poverty_line(session, office.manager, valid_from=date(2024, 1, 1), area="perdesaan", amount=300_000)
        for index in range(24):
            member = office.member(f"Anggota {index}")
            taken = [replace(measured(day), **figures()) for day in sorted(rng.sample(days, rng.randint(0, 4)))]
            for data in taken:
                households.record_measurement(session, office.clerk, member, data, officer_id=office.clerk.user_id)
            known = [m for m in taken if m.measured_on <= YEAR_2025["period_to"]]
            later = [m for m in known[1:] if m.measured_on >= YEAR_2025["period_from"]]
            if known:
                tracks.append(HouseholdTrack(member, known[0], later[-1] if later else None, 300_000))
        by_sex = impact_figures(session, office.clerk, dimension=Dimension.SEX, **YEAR_2025)
    assert by_sex.total == indicators(tracks)
    assert [(group.label, group.figures) for group in by_sex.groups] == [("Perempuan", indicators(tracks))]
    assert by_sex.total.followed_up > 5 and by_sex.total.moneylender_debt_ended and by_sex.total.businesses_started_or_grown


def test_every_breakdown_names_its_groups_and_puts_the_rest_in_a_fallback(db, office):
    with db.session() as session:
        groups = {dimension: {group.label: group.figures.households for group in
                              impact_figures(session, office.clerk, dimension=dimension, **YEAR_2025).groups}
                  for dimension in Dimension}
    assert groups[Dimension.FUND] == {"Dana Bergulir Pemkab": 1, "Tanpa pinjaman": 2}
    assert groups[Dimension.PROGRAMME] == {"Pinjaman: Modal Usaha Mikro": 1, "Belum ikut program": 2}
    assert groups[Dimension.COHORT] == {"Bergabung 2024": 3}
    assert groups[Dimension.CATEGORY] == {"Tanpa kategori": 3}
    assert sum(groups[Dimension.KECAMATAN].values()) == 3


def test_the_funder_report_carries_only_the_stories_with_consent_of_its_scope_and_period(db, office):
    import io
    from dataclasses import replace

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from koperasi.reports.impact.funder_report import write_funder_pdf, write_funder_xlsx
    from koperasi.services.impact import stories
    from koperasi.services.impact.report import funder_report
    from tests.services.impact.test_stories import DRAFT, png

    with db.session() as session:
        save = lambda member, title, **more: stories.save_story(session, office.clerk, member,  # noqa: E731
                                                                replace(DRAFT, title=title, **more))
        save(office.siti, "Kopi organik sampai ke Jambi", photo=png(1200, 900), consent_on=date(2025, 8, 1))
        save(office.rahma, "Belum disetujui Rahmawati")  # written, never agreed to: stays in the office
        save(office.rahma, "Warung Rahmawati", consent_on=date(2025, 12, 31))
        save(office.budi, "Disetujui sesudah periode", consent_on=date(2026, 1, 10))
        everyone = funder_report(session, office.manager, **YEAR_2025)
        fund = funder_report(session, office.manager, fund_id=office.loans.fund_id, **YEAR_2025)
    assert [story.title for story in everyone.stories] == ["Kopi organik sampai ke Jambi", "Warung Rahmawati"]
    assert [story.title for story in fund.stories] == ["Kopi organik sampai ke Jambi"]  # only the fund's borrower
    kopi = everyone.stories[0]
    assert (kopi.member_name, kopi.consent_on, kopi.consent_recorded_by) == ("Siti Aminah", date(2025, 8, 1), office.clerk.full_name)
    assert kopi.photo == png(1200, 900)
    assert office.events("impact_reported")[0].after["kisah sukses"] == ["Kopi organik sampai ke Jambi", "Warung Rahmawati"]
    pdf = io.BytesIO()
    write_funder_pdf(everyone, pdf)
    pages = PdfReader(io.BytesIO(pdf.getvalue())).pages
    text = " ".join(page.extract_text() for page in pages).replace("\n", " ")
    assert "Kopi organik sampai ke Jambi" in text and "Warung Rahmawati" in text and "Belum disetujui" not in text
    assert "persetujuan tertulis Siti Aminah tanggal 1 Agustus 2025" in text
    [photo] = [image for page in pages for image in page.images]
    assert max(photo.image.size) < 1200  # downscaled to what the page shows
    workbook = io.BytesIO()
    write_funder_xlsx(everyone, workbook)
    book = load_workbook(io.BytesIO(workbook.getvalue()))
    assert [row[0] for row in book["Kisah sukses"].iter_rows(min_row=6, values_only=True)] == [
        "Kopi organik sampai ke Jambi", "Warung Rahmawati"]
    cells = " ".join(str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row)
    assert "Belum disetujui" not in cells
