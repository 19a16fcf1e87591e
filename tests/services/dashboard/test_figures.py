"""Every Beranda tile agrees to the rupiah with the report it summarises, on one office with loans, sales and trainings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from koperasi import clock

from koperasi.domain.errors import ValidationError
from koperasi.domain.members.register import HouseholdPerson, Relation, SchoolStatus
from koperasi.domain.people import Sex
from koperasi.services.dashboard import checklist, figures, waiting
from koperasi.services.loans.arrears import arrears_report
from koperasi.services.loans.funds import list_funds
from koperasi.services.sales.papers import sales_report
from koperasi.services.trainings.papers import training_summary
from tests.loan_support import START
from tests.sales_support import SOLD_ON, SalesOffice, sales_office
from tests.training_support import DAY1, DAY2, DAY3, DAY4, TrainingOffice, training_office

LOANS_AS_OF = date(2025, 6, 30)  # two loans paid on time, one five months behind
SALES_AS_OF = date(2026, 3, 31)


@pytest.fixture
def office(db, admin) -> TrainingOffice:
    office = training_office(db, admin)
    loans = office.loans
    child = HouseholdPerson("Rudi", Relation.CHILD, Sex.MALE, date(2012, 5, 1), SchoolStatus.DROPPED_OUT)
    siti = office.member("Siti Aminah", categories=("petani_kecil",), household=(child,))
    budi = office.member("Budi Santoso", sex=Sex.MALE)
    rina = office.member("Rina Wati", categories=("perempuan_kepala_keluarga",))
    for member_id, repayments in ((siti, 6), (budi, 0), (rina, 5)):
        loan_id = loans.active_loan(member_id, 1_200_000, 12)
        for month in range(repayments):
            loans.repay(loan_id, 100_000, on=date(2025, 2 + month, 6))
    loans.apply(office.member("Dewi Lestari"), 600_000)  # waits for the chair
    _, batch_id, session_ids = _training(office)
    for member_id, attended in ((siti, 4), (budi, 2), (rina, 3)):
        participant = office.enrol(batch_id, member_id)
        for session_id in session_ids[:attended]:
            office.attend(session_id, {participant: True})
    # Siti's son joins for the last two sessions (both held since he enrolled: complete); Dewi leaves before any.
    son = office.enrol(batch_id, household_member_id=_household_of(office, siti), on=DAY3)
    for session_id in session_ids[2:]:
        office.attend(session_id, {son: True})
    office.withdraw(office.enrol(batch_id, office.member("Dewi Sartika")), on=DAY2)
    sales = SalesOffice(loans)
    producer = sales.producer("Sari Dewi")
    rice = sales.product()
    sales.intake(producer, rice, 100_000)
    sales.sell((producer, rice, 20_000, 15_000))
    sales.sell((producer, rice, 10_000, 15_000), on=date(2026, 1, 5), channel_id=sales.channel("Pasar lokal"))
    sales.pay(producer, 100_000)
    return office


def _household_of(office, member_id):
    from sqlalchemy import select

    from koperasi.db.models import HouseholdMember

    with office.loans.session() as session:
        return session.scalar(select(HouseholdMember.id).where(HouseholdMember.member_id == member_id))


def _training(office):
    from tests.training_support import batch_with_sessions

    return batch_with_sessions(office, (DAY1, DAY2, DAY3, DAY4))


def test_the_loan_tile_is_the_arrears_report_and_the_fund_list(office):
    with office.loans.session() as session:
        tile = figures.figures(session, office.admin, as_of=LOANS_AS_OF).loans
        report = arrears_report(session, office.admin, as_of=LOANS_AS_OF)
        funds = list_funds(session, office.admin)
    assert tile.book == report.total
    assert tile.book.outstanding == report.total.outstanding > 0
    assert tile.book.at_risk_30 == 1_200_000  # Budi never paid: 144 days late
    assert tile.buckets == report.buckets
    assert [line.loan_number for line in tile.oldest_arrears] == [line.loan_number for line in report.late_loans[:10]]
    assert tile.oldest_arrears[0].days_past_due == (LOANS_AS_OF - date(2025, 2, 6)).days
    assert [(f.name, f.capital, f.lent_out, f.available) for f in tile.funds] == [
        (f.name, f.capital, f.outstanding, f.available) for f in funds]
    assert tile.disbursed_in_year == 3 * 1_200_000 and tile.disbursed_in_month == 0
    assert tile.due_in_month == 3 * 100_000  # every schedule has its June installment
    assert tile.collected_in_month == 2 * 100_000  # Siti and Rina paid in June
    assert tile.collection_rate == pytest.approx(2 / 3)


def test_the_month_of_disbursement_counts_it(office):
    with office.loans.session() as session:
        tile = figures.figures(session, office.admin, as_of=date(2025, 1, 31)).loans
    assert tile.disbursed_in_month == tile.disbursed_in_year == 3 * 1_200_000 and START.month == 1


def test_the_sales_tile_is_the_sales_report_of_the_month_and_the_year(office):
    with office.loans.session() as session:
        tile = figures.figures(session, office.admin, as_of=SALES_AS_OF).sales
        month = sales_report(session, office.admin, period_from=date(2026, 3, 1), period_to=SALES_AS_OF)
        year = sales_report(session, office.admin, period_from=date(2026, 1, 1), period_to=SALES_AS_OF)
    assert tile.month == month.total and tile.year == year.total
    assert tile.month.total == 20 * 15_000 and tile.year.total == 30 * 15_000
    assert tile.month_by_channel == month.breakdowns["Saluran"] and tile.year_by_channel == year.breakdowns["Saluran"]
    assert tile.owed_to_producers == year.total.producer_share - 100_000 and tile.producers_owed == 1


def test_the_sales_tile_reads_the_year_once_and_still_is_the_report_at_its_edges(db, admin):
    """The tile filters the year's lines to the month in the same pass; the report reads each period
    on its own. A cancelled sale, the month's first and last day, the day before the month, the
    year's first day, last December, after the day, and a channel sold only in the month hold them together."""
    sales = sales_office(db, admin)
    producer, rice = sales.producer("Sari Dewi"), sales.product()
    sales.intake(producer, rice, 200_000, on=date(2025, 12, 1))
    shop, market = sales.channel("Toko"), sales.channel("Pasar lokal")
    as_of = date(2026, 11, 28)
    for day, channel in ((date(2025, 12, 31), shop), (date(2026, 1, 1), shop), (date(2026, 10, 31), market),
                         (date(2026, 11, 1), market), (date(2026, 11, 28), shop)):
        sales.sell((producer, rice, 3_000, 15_000), on=day, channel_id=channel)
    sales.reverse_sale(sales.sell((producer, rice, 7_000, 15_000), on=date(2026, 11, 2), channel_id=market).id)
    with sales.session() as session:
        tile = figures.figures(session, sales.admin, as_of=as_of).sales
        month = sales_report(session, sales.admin, period_from=date(2026, 11, 1), period_to=as_of)
        year = sales_report(session, sales.admin, period_from=date(2026, 1, 1), period_to=as_of)
    assert (tile.month, tile.year) == (month.total, year.total)
    assert (tile.month_by_channel, tile.year_by_channel) == (month.breakdowns["Saluran"], year.breakdowns["Saluran"])
    assert (tile.month.sales, tile.year.sales) == (2, 4) and tile.month.total == 2 * 3 * 15_000
    assert [line.name for line in tile.month_by_channel] == ["Pasar lokal", "Toko"]


def test_the_training_tile_is_the_training_summary_of_the_year(office):
    with office.loans.session() as session:
        tile = figures.figures(session, office.admin, as_of=date(2025, 12, 31)).trainings
        report = training_summary(session, office.admin, period_from=date(2025, 1, 1), period_to=date(2025, 12, 31))
    assert tile.year == report.total
    assert (tile.year.participants, tile.year.completed, tile.year.men) == (4, 3, 2)  # Siti, Rina and the son; Dewi left out
    assert tile.by_programme == report.breakdowns["Program"]
    assert tile.completion_rate == pytest.approx(3 / 4)


def test_upcoming_sessions_are_those_of_the_next_two_weeks(office):
    with office.loans.session() as session:
        assert figures.figures(session, office.admin, as_of=date(2025, 3, 9)).trainings.upcoming_sessions == 2
        assert figures.figures(session, office.admin, as_of=date(2025, 3, 31)).trainings.upcoming_sessions == 0


def test_the_members_tile_counts_the_roll_on_the_day(office):
    with office.loans.session() as session:
        tile = figures.figures(session, office.admin, as_of=date(2024, 1, 31)).members
        before = figures.figures(session, office.admin, as_of=date(2023, 12, 31)).members
    assert (tile.total, tile.women, tile.new_in_month, tile.left_in_month) == (6, 5, 6, 0)  # with Dewi L. (applicant), Dewi S. (left the training) and Sari (producer)
    assert tile.out_of_school_children == 1
    assert {c.name: c.count for c in tile.by_category} == {"Petani kecil": 1, "Perempuan kepala keluarga": 1}
    assert [c.count for c in tile.by_kecamatan] == [6]
    assert before.total == 0 and before.women_share == 0


def test_waiting_lines_follow_the_role(office):
    now = datetime(2026, 11, 28, 9, 30, tzinfo=timezone.utc)
    with office.loans.session() as session:
        chair = waiting.waiting(session, office.loans.manager, today=date(2026, 11, 28), now=now)
        clerk = waiting.waiting(session, office.loans.clerk, today=date(2026, 11, 28), now=now)
    chair_places = {line.place: line for line in chair.lines}
    assert chair_places[waiting.Place.LOANS_APPLIED].count == 1
    assert chair_places[waiting.Place.LOANS_APPLIED].amount == 600_000
    assert waiting.Place.LOANS_APPLIED not in {line.place for line in clerk.lines}


def test_a_reversal_waits_on_the_beranda_of_the_second_user_not_of_the_one_who_asked(office):
    loans = office.loans
    loan_id = loans.active_loan(loans.member("Rahmah"))
    payment = loans.repay(loan_id, 100_000)
    loans.request_reversal(payment.movement_id)  # asked by the treasurer
    now = datetime(2026, 11, 28, 9, 30, tzinfo=timezone.utc)
    with loans.session() as session:
        asker = waiting.waiting(session, loans.treasurer, today=date(2026, 11, 28), now=now)
        chair = waiting.waiting(session, loans.manager, today=date(2026, 11, 28), now=now)
    assert {line.place: (line.count, line.amount) for line in chair.lines}[waiting.Place.REVERSALS] == (1, 100_000)
    assert {line.place: line.count for line in asker.lines}[waiting.Place.REVERSALS] == 0


def test_a_fresh_office_has_only_its_regions_to_tick(db, admin):
    with db.session() as session:
        fresh = checklist.checklist(session, admin)
    assert fresh.fresh and not fresh.complete
    assert not any(done for step, done in fresh.done.items() if step is not checklist.Step.REGIONS)


def test_a_working_office_is_not_fresh(office):
    with office.loans.session() as session:
        done = checklist.checklist(session, office.admin)
    assert not done.fresh
    assert done.done[checklist.Step.FUND] and done.done[checklist.Step.LOAN_PRODUCT] and done.done[checklist.Step.CATALOGUE]


def test_a_running_month_stands_on_today_and_a_past_one_on_its_last_day():
    today = date(2026, 11, 28)
    assert figures.month_end_or_today(date(2026, 11, 1), today) == today
    assert figures.month_end_or_today(date(2026, 2, 1), today) == date(2026, 2, 28)
    assert figures.month_end_or_today(date(2024, 2, 1), today) == date(2024, 2, 29)


@pytest.mark.parametrize("day", [date.max, date(1, 1, 1), "2026-11-28", None])
def test_a_day_the_figures_cannot_stand_on_is_refused_in_words(db, admin, day):
    with db.session() as session, pytest.raises(ValidationError, match="Tanggal tidak sah"):
        figures.figures(session, admin, as_of=day)


def test_the_backup_line_ages_and_turns_red_after_a_week(db, admin, tmp_path, monkeypatch):
    from koperasi.services.dashboard import waiting as module
    from koperasi.services.office.backup import BackupInfo

    made = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    monkeypatch.setattr(module, "list_backups", lambda folder: [BackupInfo(tmp_path / "a.kbk", "PAU", "Pauh", made, "head")])
    with db.session() as session:
        week = module.waiting(session, admin, today=date(2026, 11, 27), now=datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc))
        later = module.waiting(session, admin, today=date(2026, 11, 28), now=datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc))
    if not db.is_sqlite:
        assert module.Place.BACKUP not in {line.place for line in week.lines}  # pg_dump's job on the server
        return
    line = {line.place: line for line in week.lines}[module.Place.BACKUP]
    assert (line.count, line.urgent) == (7, False)
    line = {line.place: line for line in later.lines}[module.Place.BACKUP]
    assert (line.count, line.urgent) == (8, True)


def test_accounts_made_in_the_audit_reports_window_wait_for_the_chair(db, admin):
    """A second account made to approve one's own work shows on Beranda the day it is made, not only once it approves."""
    from koperasi.domain.office.settings import NEW_ACCOUNT_DAYS
    from koperasi.domain.roles import Role
    from koperasi.services.office.settings import change_setting
    from tests.support import add_staff

    chair = add_staff(db, admin, "ketua", Role.MANAGER)
    clerk = add_staff(db, admin, "kasir", Role.CLERK)
    made = clock.now()

    def new_accounts(actor, days_later):
        with db.session() as session:
            found = waiting.waiting(session, actor, today=date(2026, 11, 28), now=made + timedelta(days=days_later))
        return {line.place: line for line in found.lines}.get(waiting.Place.NEW_ACCOUNTS)

    line = new_accounts(chair, 29)
    assert (line.count, line.days) == (3, 30)  # the admin set up with the office, the chair, the clerk
    assert new_accounts(clerk, 0) is None  # the clerk cannot read the audit log
    assert new_accounts(chair, 31) is None  # nothing new: no line at all
    with db.session() as session:
        change_setting(session, admin, NEW_ACCOUNT_DAYS, 60, expected_version=0)
    assert (new_accounts(chair, 31).count, new_accounts(chair, 31).days) == (3, 60)


def test_an_automatic_backup_skipped_for_want_of_its_passphrase_turns_the_backup_line_red(sqlite_db, tmp_path, monkeypatch):
    """Locked with a passphrase asked at start-up that nobody gave (issue 18 item 6): shown until a backup is made."""
    import keyring.core
    from keyring.backends import fail

    from koperasi.services.dashboard import waiting as module
    from koperasi.services.office import automatic_backup_lock, backup, backup_crypto
    from koperasi.services.office.backup import BackupInfo
    from tests.support import set_up_office

    monkeypatch.setattr(backup_crypto, "SCRYPT_LOG2_N", 12)
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    admin = set_up_office(sqlite_db)
    with sqlite_db.session() as session:
        automatic_backup_lock.lock_automatic_backups(session, admin, "kunci-otomatis-7")
    made = clock.now() - timedelta(days=1)
    monkeypatch.setattr(module, "list_backups", lambda folder: [BackupInfo(tmp_path / "a.kbk", "PAU", "Pauh", made, "head")])
    before = clock.now()
    with pytest.raises(automatic_backup_lock.AutomaticBackupSkipped):
        backup.automatic_backup(sqlite_db, folder=tmp_path / "cadangan", keep=5)
    now = clock.now() + timedelta(hours=1)
    with sqlite_db.session() as session:
        found = module.waiting(session, admin, today=now.date(), now=now)
    line = {line.place: line for line in found.lines}[module.Place.BACKUP]
    assert before <= found.backup_skipped <= clock.now() and (line.count, line.urgent) == (1, True)
    newer = clock.now() + timedelta(minutes=5)  # a backup made since (Cadangkan sekarang, or with the passphrase)
    monkeypatch.setattr(module, "list_backups", lambda folder: [BackupInfo(tmp_path / "b.kbk", "PAU", "Pauh", newer, "head")])
    with sqlite_db.session() as session:
        found = module.waiting(session, admin, today=now.date(), now=now)
    line = {line.place: line for line in found.lines}[module.Place.BACKUP]
    assert found.backup_skipped is None and not line.urgent


@pytest.mark.parametrize("as_of", [LOANS_AS_OF, SALES_AS_OF])
def test_each_area_read_alone_is_that_area_of_the_whole(office, as_of):
    with office.loans.session() as session:
        whole = figures.figures(session, office.admin, as_of=as_of)
        for area in figures.Area:
            alone = figures.area_figures(session, office.admin, as_of=as_of, area=area)
            assert alone == getattr(whole, area.value)
            assert whole.with_area(area, alone) == whole


def test_an_area_not_known_is_refused_in_words(db, admin):
    with db.session() as session, pytest.raises(ValidationError, match="Bagian Beranda"):
        figures.area_figures(session, admin, as_of=date(2026, 1, 1), area="sales")


def test_the_years_disbursements_read_day_by_day_are_the_plain_sum_of_the_standing_movements(db, admin):
    """The tile reads the year's disbursements one day at a time and the month's movements as a range; a plain
    sum over every standing movement gives the same at the edges: the day before the year, its first day, the
    month's first day, the day itself, the day after it, and a repayment reversed within the month."""
    from sqlalchemy import select

    from koperasi.db.models import LoanMovement
    from tests.loan_support import loan_office

    office = loan_office(db, admin)
    as_of = date(2026, 6, 18)
    days = (date(2025, 12, 31), date(2026, 1, 1), date(2026, 3, 15), date(2026, 6, 1), as_of, date(2026, 6, 19))
    loans = []
    for number, day in enumerate(days):
        loans.append(office.approved_loan(office.member(f"Anggota {number}"), 500_000 + number * 10_000))
        office.disburse(loans[-1], on=day, first_due=day + timedelta(days=30))
    mistaken = office.repay(loans[1], 50_000, on=date(2026, 6, 3))
    office.repay(loans[1], 40_000, on=date(2026, 6, 4))
    office.repay(loans[2], 30_000, on=date(2026, 5, 31))
    office.reverse(mistaken.movement_id)
    with office.session() as session:
        tile = figures.figures(session, office.admin, as_of=as_of).loans
        movements = session.execute(select(LoanMovement.id, LoanMovement.kind, LoanMovement.occurred_on, LoanMovement.amount,
                                           LoanMovement.reversal_of_id)).all()
    cancelled = {row.reversal_of_id for row in movements if row.reversal_of_id}

    def standing(kind: str, since: date) -> int:
        return sum(row.amount for row in movements
                   if row.id not in cancelled and row.kind == kind and since <= row.occurred_on <= as_of)

    plain = (standing("disbursement", date(2026, 6, 1)), standing("disbursement", date(2026, 1, 1)),
             standing("repayment", date(2026, 6, 1)))
    assert (tile.disbursed_in_month, tile.disbursed_in_year, tile.collected_in_month) == plain
    assert plain == (530_000 + 540_000, 510_000 + 520_000 + 530_000 + 540_000, 40_000)
