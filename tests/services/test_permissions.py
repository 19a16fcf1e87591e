"""Every service function that acts for a user checks that user's role — in the service,
not only in the GUI. A new public function without an entry here fails the first test."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import uuid
from pathlib import Path
from datetime import date, datetime, time, timezone

import pytest

import koperasi.services
from koperasi.domain.errors import DomainError, PermissionDenied
from koperasi.domain.impact.household import BusinessStatus, Measurement
from koperasi.domain.impact.stories import StoryDraft
from koperasi.domain.members.register import GroupKind, MemberInput
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.office.regions import Region
from koperasi.domain.people import Sex
from koperasi.domain.roles import Role
from koperasi.domain.sales.rules import Producer, SaleLineInput
from koperasi.domain.office.settings import SALES_COMMISSION
from koperasi.domain.loans.products import LoanKind, ProductInput
from koperasi.domain.loans.rules import Frequency
from koperasi.domain.trainings.rules import ProgrammeInput, SessionInput, Topic
from koperasi.domain.network.meetings import FollowUpInput, Guests, MeetingInput
from koperasi.services import access, ledger, reversals
from koperasi.services import accounts as chart_accounts
from koperasi.services.cashbook import entries as cash_entries
from koperasi.services.cashbook import papers as cash_papers
from koperasi.services.cashbook import queries as cash_queries
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.ledger import AccountGroup
from koperasi.services.dashboard import changes as dashboard_changes
from koperasi.services.dashboard import checklist as dashboard_checklist
from koperasi.services.dashboard import figures as dashboard_figures
from koperasi.services.dashboard import waiting as dashboard_waiting
from koperasi.services.impact import households as impact_households
from koperasi.services.impact import indicators as impact_indicators
from koperasi.services.impact import poverty as impact_poverty
from koperasi.services.impact import report as impact_report
from koperasi.services.impact import stories as impact_stories
from koperasi.services.impact import visits as impact_visits
from koperasi.services.district import beranda as district_beranda
from koperasi.services.district import consolidated as district_view
from koperasi.services.district import monthly as district_monthly
from koperasi.services.district import mode as district_mode
from koperasi.services.district import district_key, office_key, receiving as district_receiving, sending as district_sending
from koperasi.services.loans import arrears
from koperasi.services.trainings import attendance
from koperasi.services.monthly import history as monthly_history
from koperasi.services.monthly import report as monthly_report
from koperasi.services.office import audit
from koperasi.services.office import auth
from koperasi.services.office import automatic_backup_lock
from koperasi.services.office import backup
from koperasi.services.trainings import certificates
from koperasi.services.sales import consignment
from koperasi.services.loans import funds
from koperasi.services.members import categories as member_categories
from koperasi.services.members import groups
from koperasi.services.loans import book as loan_book
from koperasi.services.loans import papers as loan_papers
from koperasi.services.loans import payments as loan_payments
from koperasi.services.loans import products as loan_products
from koperasi.services.loans import queries as loan_queries
from koperasi.services.loans import lifecycle as loans
from koperasi.services.members import export as member_export
from koperasi.services.members import importing as member_import
from koperasi.services.sales import member_consignment as member_sales
from koperasi.services.members import search as member_search
from koperasi.services.trainings import member_history as member_trainings
from koperasi.services.members import register as members
from koperasi.services.office import new_account_approvals
from koperasi.services.office import profile as office
from koperasi.services.sales import payouts
from koperasi.services.office import regions
from koperasi.services.sales import selling as sales
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales import papers as sales_papers
from koperasi.services.office import settings
from koperasi.services.trainings import papers as training_papers
from koperasi.services.trainings import participants as training_participants
from koperasi.services.trainings import programmes as trainings
from koperasi.services.office import users
from koperasi.services.network import follow_ups as meeting_follow_ups
from koperasi.services.network import meeting_attendance
from koperasi.services.network import meetings as community_meetings
from koperasi.services.network import member_history as member_meetings
from koperasi.services.network import papers as meeting_papers
from koperasi.services.network import eligibility, opportunities, referrals
from koperasi.services.network import report as network_report
from koperasi.services.network import exports as network_exports
from koperasi.domain.network.opportunities import Conditions, OpportunityInput, OpportunityKind, Outcome
from koperasi.services.books import closing as books_closing
from koperasi.services.books import shu as books_shu
from koperasi.services.books import shu_reversals
from koperasi.services.books import rat_pack as books_rat_pack
from koperasi.domain.books.rules import SHU_SHARES, BusinessSource, CapitalBasis, PaymentMethod
from koperasi.services.savings import book as savings_book
from koperasi.services.savings import leaving as savings_leaving
from koperasi.services.savings import movements as savings
from koperasi.services.savings import papers as savings_papers
from koperasi.services.savings import opening as savings_opening
from koperasi.services.savings import passbook as savings_passbook
from koperasi.services.savings import queries as savings_queries
from koperasi.services.savings import rates as savings_rates
from koperasi.domain.savings.papers import PassbookLayout
from koperasi.domain.savings.rules import SavingsKind
from tests.support import add_staff, set_up_office

ALL = set(Role)
EDITORS = {Role.ADMIN, Role.MANAGER, Role.TREASURER, Role.CLERK}
GROUP_KEEPERS = {Role.ADMIN, Role.MANAGER, Role.CLERK}
ANYONE_LOGGED_IN = ALL
UNKNOWN = uuid.uuid4()
FUND_KEEPERS = {Role.ADMIN, Role.MANAGER}  # sumber dana and loan products
DECIDERS = {Role.ADMIN, Role.MANAGER}  # approve, reject, reschedule, write off
CASHIERS = {Role.ADMIN, Role.TREASURER, Role.CLERK}  # take repayments
TRAINERS = {Role.ADMIN, Role.MANAGER, Role.CLERK}  # programmes, batches, sessions, participants, attendance
CERTIFIERS = {Role.ADMIN, Role.MANAGER}  # issue certificates
CATALOGUE_KEEPERS = {Role.ADMIN, Role.MANAGER}  # products, channels, the commission setting
SELLERS = {Role.ADMIN, Role.MANAGER, Role.TREASURER, Role.CLERK}  # intakes, sales, buyers
PRODUCER_PAYERS = {Role.ADMIN, Role.TREASURER}  # pay producers
SALES_REVERSERS = {Role.ADMIN, Role.MANAGER, Role.TREASURER}  # cancel intakes; ask for and approve sale/payout reversals
LOAN_REVERSERS = {Role.ADMIN, Role.MANAGER, Role.TREASURER}  # ask for and approve loan movement reversals
PUBLISHERS = {Role.ADMIN, Role.MANAGER, Role.CLERK}  # the opportunity board
REFERRERS = {Role.ADMIN, Role.MANAGER, Role.CLERK}  # referrals, their letters and outcomes
MEETING_KEEPERS = {Role.ADMIN, Role.MANAGER, Role.CLERK}  # community meetings, their attendance and follow-ups
SAVINGS_CASHIERS = {Role.ADMIN, Role.TREASURER, Role.CLERK}  # take deposits, pay withdrawals
SAVINGS_REVERSERS = {Role.ADMIN, Role.MANAGER, Role.TREASURER}  # ask for and approve savings reversals
BOOK_CLOSERS = {Role.ADMIN, Role.TREASURER}  # ask for the year's close, divide and pay the SHU
SHU_REVERSERS = {Role.ADMIN, Role.MANAGER, Role.TREASURER}  # ask for and approve SHU payment reversals
CLOSING_APPROVERS = {Role.ADMIN, Role.MANAGER}  # approve (or turn down) the close: four eyes
RATE_KEEPERS = {Role.ADMIN, Role.MANAGER}  # pokok and wajib amounts (AD/ART)
CASH_KEEPERS = {Role.ADMIN, Role.TREASURER}  # the office's own income and expenses (the treasurer holds the cash)
CASH_REVERSERS = {Role.ADMIN, Role.MANAGER, Role.TREASURER}  # ask for and approve cash-book reversals
CHART_KEEPERS = {Role.ADMIN, Role.MANAGER, Role.TREASURER}  # add, rename or retire income and expense accounts
BACKUP_MAKERS = {Role.ADMIN, Role.MANAGER, Role.TREASURER}  # "Cadangkan sekarang" (restoring: admin, checked in restore_backup)
HOUSEHOLD_VIEWERS = {Role.ADMIN, Role.MANAGER, Role.CLERK}  # household figures are personal: not the treasurer
VISIT_RECORDERS = {Role.ADMIN, Role.MANAGER, Role.CLERK}  # baselines and follow-up visits
IMPACT_KEEPERS = {Role.ADMIN, Role.MANAGER}  # the poverty line
REPORTERS = {Role.ADMIN, Role.MANAGER}  # send the district packet; in district mode register offices and import packets
RESTORERS = {Role.ADMIN}  # restore, and set the automatic backups' passphrase

# function -> (roles allowed, call with a session and an actor)
CALLS = {
    dashboard_figures.figures: (ANYONE_LOGGED_IN, lambda s, a: dashboard_figures.figures(s, a, as_of=date(2026, 1, 1))),
    dashboard_waiting.waiting: (ANYONE_LOGGED_IN, lambda s, a: dashboard_waiting.waiting(
        s, a, today=date(2026, 1, 1), now=datetime(2026, 1, 1, tzinfo=timezone.utc))),
    dashboard_checklist.checklist: (ANYONE_LOGGED_IN, lambda s, a: dashboard_checklist.checklist(s, a)),
    dashboard_figures.area_figures: (ANYONE_LOGGED_IN, lambda s, a: dashboard_figures.area_figures(
        s, a, as_of=date(2026, 1, 1), area=dashboard_figures.Area.SALES)),
    dashboard_changes.changes_since: (ANYONE_LOGGED_IN, lambda s, a: dashboard_changes.changes_since(s, a, mark=0)),
    members.register_member: (EDITORS, lambda s, a: members.register_member(s, a, _member_input())),
    members.update_member: (EDITORS, lambda s, a: members.update_member(s, a, UNKNOWN, _member_input(), expected_version=1)),
    members.record_leaving: (EDITORS, lambda s, a: members.record_leaving(s, a, UNKNOWN, left_on=date(2026, 1, 1), reason="x", expected_version=1)),
    members.record_rejoining: (EDITORS, lambda s, a: members.record_rejoining(s, a, UNKNOWN, expected_version=1)),
    members.get_member: (ANYONE_LOGGED_IN, lambda s, a: members.get_member(s, a, UNKNOWN)),
    members.get_photo: (ANYONE_LOGGED_IN, lambda s, a: members.get_photo(s, a, UNKNOWN)),
    members.set_photo: (EDITORS, lambda s, a: members.set_photo(s, a, UNKNOWN, None, expected_version=1)),
    member_categories.add_category: ({Role.ADMIN, Role.MANAGER}, lambda s, a: member_categories.add_category(s, a, name="Disabilitas")),
    member_categories.rename_category: ({Role.ADMIN, Role.MANAGER}, lambda s, a: member_categories.rename_category(s, a, "tidak_ada", name="Disabilitas")),
    member_categories.set_category_active: ({Role.ADMIN, Role.MANAGER}, lambda s, a: member_categories.set_category_active(s, a, "tidak_ada", active=False)),
    groups.list_groups: (ANYONE_LOGGED_IN, lambda s, a: groups.list_groups(s, a)),
    groups.group_choices: (ANYONE_LOGGED_IN, lambda s, a: groups.group_choices(s, a)),
    groups.group_members: (ANYONE_LOGGED_IN, lambda s, a: groups.group_members(s, a, UNKNOWN)),
    groups.create_group: (GROUP_KEEPERS, lambda s, a: groups.create_group(s, a, name="", kind=GroupKind.FARMERS, desa_id=None)),
    groups.add_to_group: (GROUP_KEEPERS, lambda s, a: groups.add_to_group(s, a, UNKNOWN, UNKNOWN, joined_on=date(2026, 1, 1))),
    groups.remove_from_group: (GROUP_KEEPERS, lambda s, a: groups.remove_from_group(s, a, UNKNOWN, UNKNOWN, left_on=date(2026, 1, 1))),
    groups.update_group: (
        GROUP_KEEPERS,
        lambda s, a: groups.update_group(s, a, UNKNOWN, name="X", kind=GroupKind.FARMERS, desa_id=None, active=True, expected_version=1),
    ),
    groups.set_chair: (GROUP_KEEPERS, lambda s, a: groups.set_chair(s, a, UNKNOWN, UNKNOWN, expected_version=1)),
    member_import.preview_import: (EDITORS, lambda s, a: member_import.preview_import(s, a, b"bukan excel", today=date(2026, 1, 1))),
    member_import.commit_import: (
        EDITORS, lambda s, a: member_import.commit_import(s, a, member_import.ImportPreview((), ()), today=date(2026, 1, 1))
    ),
    member_export.export_members: (ANYONE_LOGGED_IN, lambda s, a: member_export.export_members(s, a, member_search.MemberFilter())),
    member_search.matching_ids: (ANYONE_LOGGED_IN, lambda s, a: member_search.matching_ids(s, a, member_search.MemberFilter())),
    member_search.count_members: (ANYONE_LOGGED_IN, lambda s, a: member_search.count_members(s, a, member_search.MemberFilter())),
    member_search.member_page: (ANYONE_LOGGED_IN, lambda s, a: member_search.member_page(s, a, member_search.MemberFilter())),
    audit.recent_events: ({Role.ADMIN, Role.MANAGER}, lambda s, a: audit.recent_events(s, a)),
    new_account_approvals.approvals_by_new_accounts: (
        {Role.ADMIN, Role.MANAGER}, lambda s, a: new_account_approvals.approvals_by_new_accounts(s, a),
    ),
    auth.change_own_password: (ANYONE_LOGGED_IN, lambda s, a: auth.change_own_password(s, a, old_password="x", new_password="y")),
    users.list_users: ({Role.ADMIN}, lambda s, a: users.list_users(s, a)),
    users.create_user: ({Role.ADMIN}, lambda s, a: users.create_user(s, a, username="baru", full_name="Baru", role=Role.CLERK, password="x")),
    users.update_user: ({Role.ADMIN}, lambda s, a: users.update_user(s, a, UNKNOWN, full_name="X", role=Role.CLERK, expected_version=1)),
    users.reset_password: ({Role.ADMIN}, lambda s, a: users.reset_password(s, a, UNKNOWN, new_password="x")),
    users.set_active: ({Role.ADMIN}, lambda s, a: users.set_active(s, a, UNKNOWN, active=False, expected_version=1)),
    office.update_office: ({Role.ADMIN}, lambda s, a: office.update_office(s, a, OfficeProfile(name="X", code="XX"), expected_version=1)),
    regions.list_desa: (ANYONE_LOGGED_IN, lambda s, a: regions.list_desa(s, a, "15.03.01")),
    regions.add_desa: ({Role.ADMIN, Role.MANAGER}, lambda s, a: regions.add_desa(s, a, "15.03.01", name="Baru")),
    regions.update_desa: (
        {Role.ADMIN, Role.MANAGER},
        lambda s, a: regions.update_desa(s, a, UNKNOWN, name="X", kind="desa", active=True, expected_version=1),
    ),
    regions.add_official_desa: ({Role.ADMIN, Role.MANAGER}, lambda s, a: regions.add_official_desa(s, a, "15.02.02.1010")),
    regions.add_official_kecamatan: ({Role.ADMIN, Role.MANAGER}, lambda s, a: regions.add_official_kecamatan(s, a, "15.02.02")),
    regions.apply_name_update: (
        {Role.ADMIN, Role.MANAGER},
        lambda s, a: regions.apply_name_update(s, a, [Region("15.03.01", "Batang Asai Baru")], add_new=False, source="x.csv"),
    ),
    # Loans (issue 5): the permission each needs is in domain/roles.py.
    funds.list_funds: (ANYONE_LOGGED_IN, lambda s, a: funds.list_funds(s, a)),
    funds.fund_positions: (ANYONE_LOGGED_IN, lambda s, a: funds.fund_positions(s, a)),
    funds.create_fund: (FUND_KEEPERS, lambda s, a: funds.create_fund(s, a, name="", donor="")),
    funds.update_fund: (
        FUND_KEEPERS, lambda s, a: funds.update_fund(s, a, UNKNOWN, name="X", donor="Y", notes="", active=True, expected_version=1)
    ),
    funds.receive_capital: (
        FUND_KEEPERS,
        lambda s, a: funds.receive_capital(s, a, fund_id=UNKNOWN, amount=1, received_on=date(2026, 1, 1), note="", request_id=uuid.uuid4()),
    ),
    loan_products.list_products: (ANYONE_LOGGED_IN, lambda s, a: loan_products.list_products(s, a)),
    loan_products.get_product: (ANYONE_LOGGED_IN, lambda s, a: loan_products.get_product(s, a, UNKNOWN)),
    loan_products.create_product: (FUND_KEEPERS, lambda s, a: loan_products.create_product(s, a, _product_input())),
    loan_products.update_product: (
        FUND_KEEPERS, lambda s, a: loan_products.update_product(s, a, UNKNOWN, _product_input(), active=True, expected_version=1)
    ),
    ledger.trial_balance: (ANYONE_LOGGED_IN, lambda s, a: ledger.trial_balance(s, a)),
    loans.apply_for_loan: (
        {Role.ADMIN, Role.MANAGER, Role.CLERK},
        lambda s, a: loans.apply_for_loan(
            s, a, loans.LoanApplication(UNKNOWN, UNKNOWN, 1_000_000, 10, "Modal", date(2026, 1, 1)), request_id=uuid.uuid4()
        ),
    ),
    loans.approve_loan: (DECIDERS, lambda s, a: loans.approve_loan(s, a, UNKNOWN, expected_version=1)),
    loans.reject_loan: (DECIDERS, lambda s, a: loans.reject_loan(s, a, UNKNOWN, expected_version=1, reason="Tidak layak")),
    loans.reschedule_loan: (
        DECIDERS,
        lambda s, a: loans.reschedule_loan(s, a, UNKNOWN, term=3, frequency=Frequency.MONTHLY, first_due_on=date(2099, 1, 1),
                                           reason="Gagal panen", expected_version=1),
    ),
    loans.disburse_loan: (
        {Role.ADMIN, Role.TREASURER},
        lambda s, a: loans.disburse_loan(s, a, UNKNOWN, disbursed_on=date(2026, 1, 1), first_due_on=date(2026, 2, 1),
                                         request_id=uuid.uuid4()),
    ),
    loans.write_off_loan: (
        DECIDERS,
        lambda s, a: loans.write_off_loan(s, a, UNKNOWN, written_off_on=date(2026, 1, 1), reason="Meninggal", request_id=uuid.uuid4()),
    ),
    loan_payments.repay: (
        CASHIERS, lambda s, a: loan_payments.repay(s, a, UNKNOWN, amount=1, paid_on=date(2026, 1, 1), request_id=uuid.uuid4())
    ),
    loan_payments.post_group_collection: (
        CASHIERS,
        lambda s, a: loan_payments.post_group_collection(
            s, a, UNKNOWN, paid_on=date(2026, 1, 1), payments=[loan_payments.GroupPayment(UNKNOWN, 1)], request_id=uuid.uuid4()
        ),
    ),
    loan_payments.request_movement_reversal: (
        LOAN_REVERSERS,
        lambda s, a: loan_payments.request_movement_reversal(s, a, UNKNOWN, reason="Salah ketik", request_id=uuid.uuid4()),
    ),
    loan_payments.approve_movement_reversal: (
        LOAN_REVERSERS, lambda s, a: loan_payments.approve_movement_reversal(s, a, UNKNOWN),
    ),
    reversals.reject_reversal: (
        LOAN_REVERSERS | SALES_REVERSERS, lambda s, a: reversals.reject_reversal(s, a, UNKNOWN, reason="Bukan salah ketik"),
    ),
    reversals.pending_reversals: (ANYONE_LOGGED_IN, lambda s, a: reversals.pending_reversals(s, a)),
    loan_queries.loan_page: (ANYONE_LOGGED_IN, lambda s, a: loan_queries.loan_page(s, a, loan_queries.LoanFilter())),
    loan_queries.loan_detail: (ANYONE_LOGGED_IN, lambda s, a: loan_queries.loan_detail(s, a, UNKNOWN)),
    loan_queries.member_loans: (ANYONE_LOGGED_IN, lambda s, a: loan_queries.member_loans(s, a, UNKNOWN)),
    arrears.positions: (ANYONE_LOGGED_IN, lambda s, a: arrears.positions(s, a, as_of=date(2026, 1, 1))),
    arrears.arrears_report: (ANYONE_LOGGED_IN, lambda s, a: arrears.arrears_report(s, a, as_of=date(2026, 1, 1))),
    arrears.book_summary: (ANYONE_LOGGED_IN, lambda s, a: arrears.book_summary(s, a, as_of=date(2026, 1, 1))),
    monthly_history.history: (ANYONE_LOGGED_IN, lambda s, a: monthly_history.history(s, a, last=(2026, 10))),
    monthly_report.monthly_report: (ANYONE_LOGGED_IN, lambda s, a: monthly_report.monthly_report(s, a, month=(2026, 10))),
    loan_papers.receipt_for: (ANYONE_LOGGED_IN, lambda s, a: loan_papers.receipt_for(s, a, UNKNOWN)),
    loan_papers.loan_card: (ANYONE_LOGGED_IN, lambda s, a: loan_papers.loan_card(s, a, UNKNOWN, as_of=date(2026, 1, 1))),
    loan_papers.collection_sheet: (
        ANYONE_LOGGED_IN, lambda s, a: loan_papers.collection_sheet(s, a, UNKNOWN, meeting_on=date(2026, 1, 1))
    ),
    # Trainings (issue 6): MANAGE_TRAININGS for admin, manager and clerk; certificates for admin and manager.
    trainings.list_programmes: (ANYONE_LOGGED_IN, lambda s, a: trainings.list_programmes(s, a)),
    trainings.create_programme: (TRAINERS, lambda s, a: trainings.create_programme(s, a, ProgrammeInput("", Topic.OTHER))),
    trainings.update_programme: (
        TRAINERS,
        lambda s, a: trainings.update_programme(s, a, UNKNOWN, ProgrammeInput("Program X", Topic.OTHER), active=True, expected_version=1),
    ),
    trainings.list_batches: (ANYONE_LOGGED_IN, lambda s, a: trainings.list_batches(s, a)),
    trainings.get_batch: (ANYONE_LOGGED_IN, lambda s, a: trainings.get_batch(s, a, UNKNOWN)),
    trainings.create_batch: (
        TRAINERS, lambda s, a: trainings.create_batch(s, a, programme_id=UNKNOWN, name="Angkatan 1", kecamatan_code=None)
    ),
    trainings.update_batch: (
        TRAINERS,
        lambda s, a: trainings.update_batch(s, a, UNKNOWN, name="Angkatan 1", kecamatan_code=None, notes="", closed=False,
                                            expected_version=1),
    ),
    trainings.list_sessions: (ANYONE_LOGGED_IN, lambda s, a: trainings.list_sessions(s, a, UNKNOWN)),
    trainings.add_session: (TRAINERS, lambda s, a: trainings.add_session(s, a, UNKNOWN, _session_input())),
    trainings.update_session: (
        TRAINERS, lambda s, a: trainings.update_session(s, a, UNKNOWN, _session_input(), cancelled=False, expected_version=1)
    ),
    training_participants.list_participants: (
        ANYONE_LOGGED_IN, lambda s, a: training_participants.list_participants(s, a, UNKNOWN)
    ),
    training_participants.enrol: (
        TRAINERS, lambda s, a: training_participants.enrol(s, a, UNKNOWN, member_id=UNKNOWN, enrolled_on=date(2026, 1, 1))
    ),
    training_participants.withdraw: (
        TRAINERS,
        lambda s, a: training_participants.withdraw(s, a, UNKNOWN, withdrawn_on=date(2026, 1, 1), reason="Sakit", expected_version=1),
    ),
    training_participants.household_candidates: (
        ANYONE_LOGGED_IN, lambda s, a: training_participants.household_candidates(s, a, UNKNOWN)
    ),
    training_participants.member_meets_requirement: (
        ANYONE_LOGGED_IN, lambda s, a: training_participants.member_meets_requirement(s, a, UNKNOWN, UNKNOWN)
    ),
    attendance.attendance_list: (ANYONE_LOGGED_IN, lambda s, a: attendance.attendance_list(s, a, UNKNOWN)),
    attendance.record_attendance: (TRAINERS, lambda s, a: attendance.record_attendance(s, a, UNKNOWN, {UNKNOWN: True})),
    certificates.issue_certificate: (
        CERTIFIERS, lambda s, a: certificates.issue_certificate(s, a, UNKNOWN, issued_on=date(2026, 1, 1))
    ),
    certificates.issue_all: (CERTIFIERS, lambda s, a: certificates.issue_all(s, a, UNKNOWN, issued_on=date(2026, 1, 1))),
    training_papers.attendance_sheet: (ANYONE_LOGGED_IN, lambda s, a: training_papers.attendance_sheet(s, a, UNKNOWN)),
    training_papers.certificates: (ANYONE_LOGGED_IN, lambda s, a: training_papers.certificates(s, a, UNKNOWN)),
    training_papers.batch_report: (ANYONE_LOGGED_IN, lambda s, a: training_papers.batch_report(s, a, UNKNOWN)),
    training_papers.training_summary: (
        ANYONE_LOGGED_IN,
        lambda s, a: training_papers.training_summary(s, a, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31)),
    ),
    member_trainings.member_trainings: (ANYONE_LOGGED_IN, lambda s, a: member_trainings.member_trainings(s, a, UNKNOWN)),
    # Community network (issue 15).
    community_meetings.record_meeting: (MEETING_KEEPERS, lambda s, a: community_meetings.record_meeting(s, a, _meeting_input())),
    community_meetings.update_meeting: (
        MEETING_KEEPERS, lambda s, a: community_meetings.update_meeting(s, a, UNKNOWN, _meeting_input(), expected_version=1)),
    community_meetings.list_meetings: (ANYONE_LOGGED_IN, lambda s, a: community_meetings.list_meetings(s, a)),
    community_meetings.get_meeting: (ANYONE_LOGGED_IN, lambda s, a: community_meetings.get_meeting(s, a, UNKNOWN)),
    meeting_attendance.attendance_checklist: (ANYONE_LOGGED_IN, lambda s, a: meeting_attendance.attendance_checklist(s, a, UNKNOWN)),
    meeting_attendance.record_attendance: (
        MEETING_KEEPERS, lambda s, a: meeting_attendance.record_attendance(s, a, UNKNOWN, {UNKNOWN}, Guests(), expected_version=1)),
    meeting_follow_ups.add_follow_up: (
        MEETING_KEEPERS, lambda s, a: meeting_follow_ups.add_follow_up(s, a, UNKNOWN, FollowUpInput("Cek", "Siti", date(2026, 1, 1)))),
    meeting_follow_ups.complete_follow_up: (
        MEETING_KEEPERS, lambda s, a: meeting_follow_ups.complete_follow_up(s, a, UNKNOWN, done_on=date(2026, 1, 1), expected_version=1)),
    meeting_follow_ups.follow_ups: (ANYONE_LOGGED_IN, lambda s, a: meeting_follow_ups.follow_ups(s, a)),
    member_meetings.member_meetings: (ANYONE_LOGGED_IN, lambda s, a: member_meetings.member_meetings(s, a, UNKNOWN)),
    meeting_papers.attendance_sheet: (ANYONE_LOGGED_IN, lambda s, a: meeting_papers.attendance_sheet(s, a, UNKNOWN)),
    meeting_papers.minutes: (ANYONE_LOGGED_IN, lambda s, a: meeting_papers.minutes(s, a, UNKNOWN)),
    meeting_papers.opportunity_notice: (ANYONE_LOGGED_IN, lambda s, a: meeting_papers.opportunity_notice(s, a, UNKNOWN)),
    meeting_papers.eligible_sheet: (ANYONE_LOGGED_IN, lambda s, a: meeting_papers.eligible_sheet(s, a, UNKNOWN)),
    meeting_papers.referral_letter: (REFERRERS, lambda s, a: meeting_papers.referral_letter(s, a, UNKNOWN)),
    opportunities.publish_opportunity: (PUBLISHERS, lambda s, a: opportunities.publish_opportunity(s, a, _opportunity_input())),
    opportunities.update_opportunity: (PUBLISHERS, lambda s, a: opportunities.update_opportunity(
        s, a, UNKNOWN, _opportunity_input(), closed=False, expected_version=1)),
    opportunities.list_opportunities: (ANYONE_LOGGED_IN, lambda s, a: opportunities.list_opportunities(s, a)),
    opportunities.get_opportunity: (ANYONE_LOGGED_IN, lambda s, a: opportunities.get_opportunity(s, a, UNKNOWN)),
    opportunities.condition_choices: (ANYONE_LOGGED_IN, lambda s, a: opportunities.condition_choices(s, a)),
    opportunities.share_text: (ANYONE_LOGGED_IN, lambda s, a: opportunities.share_text(s, a, UNKNOWN)),
    eligibility.eligible_people: (ANYONE_LOGGED_IN, lambda s, a: eligibility.eligible_people(s, a, UNKNOWN)),
    eligibility.opportunities_for_member: (ANYONE_LOGGED_IN, lambda s, a: eligibility.opportunities_for_member(s, a, UNKNOWN)),
    referrals.refer: (REFERRERS, lambda s, a: referrals.refer(s, a, UNKNOWN, UNKNOWN, referred_on=date(2026, 1, 1))),
    referrals.issue_letter: (REFERRERS, lambda s, a: referrals.issue_letter(s, a, UNKNOWN)),
    referrals.record_outcome: (REFERRERS, lambda s, a: referrals.record_outcome(
        s, a, UNKNOWN, Outcome.ACCEPTED, on=date(2026, 1, 1), expected_version=1)),
    referrals.referrals: (ANYONE_LOGGED_IN, lambda s, a: referrals.referrals(s, a)),
    referrals.waiting_since: (ANYONE_LOGGED_IN, lambda s, a: referrals.waiting_since(s, a)),
    network_report.network_report: (ANYONE_LOGGED_IN, lambda s, a: network_report.network_report(
        s, a, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31))),
    referrals.outcome_counts: (ANYONE_LOGGED_IN, lambda s, a: referrals.outcome_counts(s, a, year=2026)),
    network_exports.meetings_xlsx: (ANYONE_LOGGED_IN, lambda s, a: network_exports.meetings_xlsx(s, a)),
    network_exports.follow_ups_xlsx: (ANYONE_LOGGED_IN, lambda s, a: network_exports.follow_ups_xlsx(s, a)),
    network_exports.opportunities_xlsx: (ANYONE_LOGGED_IN, lambda s, a: network_exports.opportunities_xlsx(s, a)),
    network_exports.referrals_xlsx: (ANYONE_LOGGED_IN, lambda s, a: network_exports.referrals_xlsx(s, a)),
    network_exports.eligible_xlsx: (ANYONE_LOGGED_IN, lambda s, a: network_exports.eligible_xlsx(s, a, UNKNOWN)),
    # Market sales (issue 7): MANAGE_CATALOGUE, RECORD_SALES, PAY_PRODUCERS and REVERSE_SALES in domain/roles.py.
    settings.read_setting: (ANYONE_LOGGED_IN, lambda s, a: settings.read_setting(s, a, SALES_COMMISSION)),
    settings.change_setting: (
        CATALOGUE_KEEPERS, lambda s, a: settings.change_setting(s, a, SALES_COMMISSION, 10_001, expected_version=0)
    ),
    sales_catalogue.list_products: (ANYONE_LOGGED_IN, lambda s, a: sales_catalogue.list_products(s, a)),
    sales_catalogue.create_product: (
        CATALOGUE_KEEPERS, lambda s, a: sales_catalogue.create_product(s, a, sales_catalogue.ProductInput("", "kg", 1000))
    ),
    sales_catalogue.update_product: (
        CATALOGUE_KEEPERS,
        lambda s, a: sales_catalogue.update_product(s, a, UNKNOWN, sales_catalogue.ProductInput("Beras", "kg", 1000), active=True,
                                                    expected_version=1),
    ),
    sales_catalogue.list_channels: (ANYONE_LOGGED_IN, lambda s, a: sales_catalogue.list_channels(s, a)),
    sales_catalogue.update_channel: (
        CATALOGUE_KEEPERS,
        lambda s, a: sales_catalogue.update_channel(s, a, UNKNOWN, commission_bp=None, active=True, expected_version=1),
    ),
    sales_catalogue.list_buyers: (ANYONE_LOGGED_IN, lambda s, a: sales_catalogue.list_buyers(s, a)),
    sales_catalogue.create_buyer: (SELLERS, lambda s, a: sales_catalogue.create_buyer(s, a, name="")),
    sales_catalogue.update_buyer: (
        SELLERS,
        lambda s, a: sales_catalogue.update_buyer(s, a, UNKNOWN, name="X", phone="", address="", active=True, expected_version=1),
    ),
    consignment.record_intake: (
        SELLERS,
        lambda s, a: consignment.record_intake(s, a, producer=Producer(member_id=UNKNOWN), product_id=UNKNOWN, quantity_milli=1000,
                                               received_on=date(2026, 1, 1)),
    ),
    consignment.reverse_intake: (SALES_REVERSERS, lambda s, a: consignment.reverse_intake(s, a, UNKNOWN, reason="Salah catat")),
    consignment.stock: (ANYONE_LOGGED_IN, lambda s, a: consignment.stock(s, a)),
    consignment.recent_intakes: (ANYONE_LOGGED_IN, lambda s, a: consignment.recent_intakes(s, a)),
    sales.record_sale: (
        SELLERS,
        lambda s, a: sales.record_sale(
            s, a,
            sales.SaleInput(date(2026, 1, 1), UNKNOWN, (SaleLineInput(UNKNOWN, Producer(member_id=UNKNOWN), 1000, 1000),),
                            buyer_name="Toko"),
            request_id=uuid.uuid4(),
        ),
    ),
    sales.request_sale_reversal: (
        SALES_REVERSERS,
        lambda s, a: sales.request_sale_reversal(s, a, UNKNOWN, reason="Barang kembali", request_id=uuid.uuid4()),
    ),
    sales.approve_sale_reversal: (SALES_REVERSERS, lambda s, a: sales.approve_sale_reversal(s, a, UNKNOWN)),
    sales.sale_page: (ANYONE_LOGGED_IN, lambda s, a: sales.sale_page(s, a)),
    sales.sale_detail: (ANYONE_LOGGED_IN, lambda s, a: sales.sale_detail(s, a, UNKNOWN)),
    sales.rate_for: (ANYONE_LOGGED_IN, lambda s, a: sales.rate_for(s, a, product_id=UNKNOWN, channel_id=UNKNOWN)),
    payouts.payables: (ANYONE_LOGGED_IN, lambda s, a: payouts.payables(s, a)),
    payouts.pay_producer: (
        PRODUCER_PAYERS,
        lambda s, a: payouts.pay_producer(s, a, Producer(member_id=UNKNOWN), amount=1, paid_on=date(2026, 1, 1),
                                          request_id=uuid.uuid4()),
    ),
    payouts.pay_all: (PRODUCER_PAYERS, lambda s, a: payouts.pay_all(s, a, paid_on=date(2026, 1, 1), request_id=uuid.uuid4())),
    payouts.request_payout_reversal: (
        SALES_REVERSERS,
        lambda s, a: payouts.request_payout_reversal(s, a, UNKNOWN, reason="Salah bayar", request_id=uuid.uuid4()),
    ),
    payouts.approve_payout_reversal: (SALES_REVERSERS, lambda s, a: payouts.approve_payout_reversal(s, a, UNKNOWN)),
    payouts.recent_payouts: (ANYONE_LOGGED_IN, lambda s, a: payouts.recent_payouts(s, a)),
    member_sales.member_sales: (ANYONE_LOGGED_IN, lambda s, a: member_sales.member_sales(s, a, UNKNOWN)),
    sales_papers.sales_note: (ANYONE_LOGGED_IN, lambda s, a: sales_papers.sales_note(s, a, UNKNOWN)),
    sales_papers.payout_slip: (ANYONE_LOGGED_IN, lambda s, a: sales_papers.payout_slip(s, a, UNKNOWN)),
    sales_papers.producer_statement: (
        ANYONE_LOGGED_IN,
        lambda s, a: sales_papers.producer_statement(s, a, Producer(member_id=UNKNOWN), period_from=date(2026, 1, 1),
                                                     period_to=date(2026, 1, 31)),
    ),
    sales_papers.sales_report: (
        ANYONE_LOGGED_IN,
        lambda s, a: sales_papers.sales_report(s, a, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31)),
    ),
    # Savings (issue 20).
    savings.deposit: (SAVINGS_CASHIERS, lambda s, a: savings.deposit(
        s, a, UNKNOWN, kind=SavingsKind.SUKARELA, amount=1, occurred_on=date(2026, 1, 1), request_id=uuid.uuid4())),
    savings.withdraw: (SAVINGS_CASHIERS, lambda s, a: savings.withdraw(
        s, a, UNKNOWN, amount=1, occurred_on=date(2026, 1, 1), request_id=uuid.uuid4())),
    savings.request_savings_reversal: (SAVINGS_REVERSERS, lambda s, a: savings.request_savings_reversal(
        s, a, UNKNOWN, reason="Salah ketik", request_id=uuid.uuid4())),
    savings.approve_savings_reversal: (SAVINGS_REVERSERS, lambda s, a: savings.approve_savings_reversal(s, a, UNKNOWN)),
    savings_leaving.return_savings: (SAVINGS_CASHIERS, lambda s, a: savings_leaving.return_savings(
        s, a, UNKNOWN, occurred_on=date(2026, 1, 1), request_id=uuid.uuid4())),
    savings_leaving.leave_with_savings: (SAVINGS_CASHIERS, lambda s, a: savings_leaving.leave_with_savings(
        s, a, UNKNOWN, left_on=date(2026, 1, 1), reason="Pindah", expected_version=1, offset=True, request_id=uuid.uuid4())),
    savings_leaving.leaving_position: (ANYONE_LOGGED_IN, lambda s, a: savings_leaving.leaving_position(s, a, UNKNOWN)),
    savings_rates.savings_rates: (ANYONE_LOGGED_IN, lambda s, a: savings_rates.savings_rates(s, a)),
    savings_rates.set_rate: (RATE_KEEPERS, lambda s, a: savings_rates.set_rate(
        s, a, kind=SavingsKind.WAJIB, effective_from=date(2026, 1, 1), amount=-1)),
    savings_queries.member_savings: (ANYONE_LOGGED_IN, lambda s, a: savings_queries.member_savings(
        s, a, UNKNOWN, as_of=date(2026, 1, 1))),
    savings_queries.member_balances: (ANYONE_LOGGED_IN, lambda s, a: savings_queries.member_balances(
        s, a, UNKNOWN, as_of=date(2026, 1, 1))),
    savings_queries.group_balances: (ANYONE_LOGGED_IN, lambda s, a: savings_queries.group_balances(s, a, as_of=date(2026, 1, 1))),
    savings_queries.members_behind: (ANYONE_LOGGED_IN, lambda s, a: savings_queries.members_behind(s, a, as_of=date(2026, 1, 1))),
    savings_queries.savings_totals: (ANYONE_LOGGED_IN, lambda s, a: savings_queries.savings_totals(s, a)),
    savings_papers.receipt_for: (ANYONE_LOGGED_IN, lambda s, a: savings_papers.receipt_for(s, a, UNKNOWN)),
    savings_passbook.passbook_print: (ANYONE_LOGGED_IN, lambda s, a: savings_passbook.passbook_print(s, a, UNKNOWN)),
    savings_passbook.record_passbook_printed: (SAVINGS_CASHIERS, lambda s, a: savings_passbook.record_passbook_printed(
        s, a, UNKNOWN, printed=1, expected_version=0)),
    savings_passbook.start_new_passbook: (RATE_KEEPERS, lambda s, a: savings_passbook.start_new_passbook(
        s, a, UNKNOWN, expected_version=0)),
    savings_opening.preview_opening_balances: (RATE_KEEPERS, lambda s, a: savings_opening.preview_opening_balances(
        s, a, b"bukan excel", as_of=date(2026, 1, 1))),
    savings_opening.commit_opening_balances: (RATE_KEEPERS, lambda s, a: savings_opening.commit_opening_balances(
        s, a, savings_opening.OpeningPreview(date(2026, 1, 1), (), ()))),
    savings_passbook.passbook_paper: (ANYONE_LOGGED_IN, lambda s, a: savings_passbook.passbook_paper(s, a)),
    savings_passbook.change_passbook_paper: (RATE_KEEPERS, lambda s, a: savings_passbook.change_passbook_paper(
        s, a, PassbookLayout(1, 0, 20), expected_versions=(0, 0, 0))),
    savings_papers.savings_statement: (ANYONE_LOGGED_IN, lambda s, a: savings_papers.savings_statement(
        s, a, UNKNOWN, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31))),
    # The office cash book and its chart of accounts (issue 20).
    cash_entries.record: (CASH_KEEPERS, lambda s, a: cash_entries.record(
        s, a, direction=CashDirection.EXPENSE, account="5101", amount=-1, occurred_on=date(2026, 1, 1), description="x",
        request_id=uuid.uuid4())),
    cash_entries.request_cash_reversal: (CASH_REVERSERS, lambda s, a: cash_entries.request_cash_reversal(
        s, a, UNKNOWN, reason="Salah ketik", request_id=uuid.uuid4())),
    cash_entries.approve_cash_reversal: (CASH_REVERSERS, lambda s, a: cash_entries.approve_cash_reversal(s, a, UNKNOWN)),
    cash_queries.cash_book: (ANYONE_LOGGED_IN, lambda s, a: cash_queries.cash_book(s, a, month=(2026, 1))),
    cash_queries.cash_book_export: (ANYONE_LOGGED_IN, lambda s, a: cash_queries.cash_book_export(s, a, month=(2026, 1))),
    cash_papers.voucher_for: (ANYONE_LOGGED_IN, lambda s, a: cash_papers.voucher_for(s, a, UNKNOWN)),
    chart_accounts.chart: (ANYONE_LOGGED_IN, lambda s, a: chart_accounts.chart(s, a)),
    chart_accounts.proposed_code: (ANYONE_LOGGED_IN, lambda s, a: chart_accounts.proposed_code(s, a, AccountGroup.EXPENSE)),
    chart_accounts.add_account: (CHART_KEEPERS, lambda s, a: chart_accounts.add_account(
        s, a, group=AccountGroup.EXPENSE, code="x", name="")),
    chart_accounts.change_account: (CHART_KEEPERS, lambda s, a: chart_accounts.change_account(
        s, a, "5999", name="", retired=False, expected_version=1)),
    # Tutup buku and SHU (issue 20): CLOSE_BOOKS, APPROVE_BOOK_CLOSING in domain/roles.py.
    books_closing.year_figures: (ANYONE_LOGGED_IN, lambda s, a: books_closing.year_figures(s, a, 2025)),
    books_closing.request_closing: (BOOK_CLOSERS, lambda s, a: books_closing.request_closing(s, a, 2025, request_id=uuid.uuid4())),
    books_closing.approve_closing: (CLOSING_APPROVERS, lambda s, a: books_closing.approve_closing(s, a, UNKNOWN)),
    books_closing.reject_closing: (CLOSING_APPROVERS, lambda s, a: books_closing.reject_closing(s, a, UNKNOWN, reason="Belum cocok")),
    books_closing.closings: (ANYONE_LOGGED_IN, lambda s, a: books_closing.closings(s, a)),
    # The RAT pack is the members' own report, read at their meeting: anyone logged in makes it (audited).
    books_rat_pack.rat_pack: (ANYONE_LOGGED_IN, lambda s, a: books_rat_pack.rat_pack(s, a, 2025)),
    books_rat_pack.balance_sheet: (ANYONE_LOGGED_IN, lambda s, a: books_rat_pack.balance_sheet(s, a, 2025)),
    books_shu.shu_plan: (ANYONE_LOGGED_IN, lambda s, a: books_shu.shu_plan(s, a, 2025)),
    books_shu.shu_rules: (ANYONE_LOGGED_IN, lambda s, a: books_shu.shu_rules(s, a)),
    books_shu.change_shu_rules: ({Role.ADMIN, Role.MANAGER}, lambda s, a: books_shu.change_shu_rules(
        s, a, shares=SHU_SHARES.default, capital_basis=CapitalBasis.YEAR_END, sources=frozenset(BusinessSource),
        expected_versions=(0, 0, 0))),
    books_shu.shu_paper: (ANYONE_LOGGED_IN, lambda s, a: books_shu.shu_paper(s, a, 2025)),
    books_shu.shu_receipt: (ANYONE_LOGGED_IN, lambda s, a: books_shu.shu_receipt(s, a, 2025, UNKNOWN)),
    books_shu.divide_shu: (BOOK_CLOSERS, lambda s, a: books_shu.divide_shu(
        s, a, 2025, divided_on=date(2026, 3, 1), request_id=uuid.uuid4())),
    books_shu.pay_shu: (BOOK_CLOSERS, lambda s, a: books_shu.pay_shu(
        s, a, 2025, UNKNOWN, method=PaymentMethod.CASH, paid_on=date(2026, 3, 1), request_id=uuid.uuid4())),
    shu_reversals.request_shu_payment_reversal: (SHU_REVERSERS, lambda s, a: shu_reversals.request_shu_payment_reversal(
        s, a, 2025, UNKNOWN, reason="Salah cara bayar", request_id=uuid.uuid4())),
    shu_reversals.approve_shu_payment_reversal: (SHU_REVERSERS, lambda s, a: shu_reversals.approve_shu_payment_reversal(
        s, a, UNKNOWN)),
    # Backups (issue 8): MAKE_BACKUPS in domain/roles.py.
    backup.make_backup: (BACKUP_MAKERS, lambda s, a: backup.make_backup(s, a, _database_of(s))),
    # Dampak (issue 16): VIEW_HOUSEHOLDS and RECORD_VISITS in domain/roles.py.
    impact_households.record_measurement: (
        VISIT_RECORDERS,
        lambda s, a: impact_households.record_measurement(s, a, UNKNOWN, _measurement(), officer_id=a.user_id),
    ),
    impact_households.household_history: (HOUSEHOLD_VIEWERS, lambda s, a: impact_households.household_history(s, a, UNKNOWN)),
    impact_visits.field_officers: (ANYONE_LOGGED_IN, lambda s, a: impact_visits.field_officers(s, a)),
    impact_visits.visits_due: (HOUSEHOLD_VIEWERS, lambda s, a: impact_visits.visits_due(s, a, until=date(2026, 1, 1))),
    impact_visits.visit_sheets: (HOUSEHOLD_VIEWERS, lambda s, a: impact_visits.visit_sheets(s, a, [UNKNOWN])),
    impact_indicators.impact_figures: (
        HOUSEHOLD_VIEWERS,
        lambda s, a: impact_indicators.impact_figures(s, a, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31)),
    ),
    impact_indicators.report_scopes: (HOUSEHOLD_VIEWERS, lambda s, a: impact_indicators.report_scopes(s, a)),
    impact_indicators.cohort_figures: (
        HOUSEHOLD_VIEWERS,
        lambda s, a: impact_indicators.cohort_figures(s, a, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31)),
    ),
    impact_stories.save_story: (VISIT_RECORDERS, lambda s, a: impact_stories.save_story(
        s, a, UNKNOWN, StoryDraft("Panen organik", "Ceritanya.", None, None))),
    impact_stories.list_stories: (HOUSEHOLD_VIEWERS, lambda s, a: impact_stories.list_stories(s, a)),
    impact_stories.story_draft: (HOUSEHOLD_VIEWERS, lambda s, a: impact_stories.story_draft(s, a, UNKNOWN)),
    impact_stories.story_paper: (HOUSEHOLD_VIEWERS, lambda s, a: impact_stories.story_paper(s, a, UNKNOWN)),
    impact_report.funder_report: (
        HOUSEHOLD_VIEWERS,
        lambda s, a: impact_report.funder_report(s, a, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31)),
    ),
    impact_poverty.poverty_lines: (ANYONE_LOGGED_IN, lambda s, a: impact_poverty.poverty_lines(s, a)),
    impact_poverty.set_poverty_line: (
        IMPACT_KEEPERS,
        lambda s, a: impact_poverty.set_poverty_line(s, a, valid_from=date(2026, 3, 1), area="perdesaan", amount=0),
    ),
    # District consolidation (issue 21): EXCHANGE_REPORTS; the mode is the office profile's (EDIT_OFFICE).
    office_key.office_fingerprint: (REPORTERS, lambda s, a: office_key.office_fingerprint(s, a)),
    office_key.registration_sheet: (REPORTERS, lambda s, a: office_key.registration_sheet(s, a)),
    district_monthly.months_held: (ANYONE_LOGGED_IN, lambda s, a: district_monthly.months_held(s, a)),
    district_monthly.district_monthly: (ANYONE_LOGGED_IN, lambda s, a: district_monthly.district_monthly(s, a, month=(2026, 10))),
    district_sending.send_report: (REPORTERS, lambda s, a: district_sending.send_report(s, a, Path("/tidak/ada"))),
    district_receiving.register_office: (
        REPORTERS, lambda s, a: district_receiving.register_office(s, a, fingerprint="AB" * 20, label="Kantor Pauh")),
    district_receiving.list_offices: (ANYONE_LOGGED_IN, lambda s, a: district_receiving.list_offices(s, a)),
    district_receiving.import_packets: (REPORTERS, lambda s, a: district_receiving.import_packets(s, a, [])),
    district_view.consolidated: (ANYONE_LOGGED_IN, lambda s, a: district_view.consolidated(s, a)),
    district_beranda.district_beranda: (ANYONE_LOGGED_IN, lambda s, a: district_beranda.district_beranda(s, a)),
    district_key.district_public_key: (REPORTERS, lambda s, a: district_key.district_public_key(s, a)),
    district_mode.set_program_mode: ({Role.ADMIN}, lambda s, a: district_mode.set_program_mode(s, a, "lain")),
    # The automatic backups' passphrase: whoever restores (the admin) must know it.
    automatic_backup_lock.lock_automatic_backups: (
        RESTORERS, lambda s, a: automatic_backup_lock.lock_automatic_backups(s, a, "sandi-otomatis-1")),
    automatic_backup_lock.unlock_automatic_backups: (RESTORERS, lambda s, a: automatic_backup_lock.unlock_automatic_backups(s, a)),
    # On a PC without a credential store it is typed at start-up by whoever may make backups.
    automatic_backup_lock.check_asked_passphrase: (
        BACKUP_MAKERS, lambda s, a: automatic_backup_lock.check_asked_passphrase(s, a, "sandi-otomatis-1")),
}
# Called inside other services' transactions, after those have checked the role.
BUILDING_BLOCKS = {
    audit.record, access.authorize, members.add_members,
    ledger.post, ledger.post_reversal, loan_book.add_movement, loan_book.add_schedule, savings_book.add_movement,
    savings.deposit_from,  # inside pay_shu, which checks CLOSE_BOOKS first
    savings.reverse_within,  # inside approve_shu_payment_reversal, which checks REVERSE_SHU_PAYMENTS first
    # inside the areas' request and approve functions, which check the right first
    reversals.open_request, reversals.claim, reversals.settle,
    # the office's key, made inside send_report and office_fingerprint after their check
    office_key.signing_key,
}


def _database_of(session):
    """The Database a session belongs to (make_backup copies it to the test's own data folder)."""
    from sqlalchemy.orm import sessionmaker

    from koperasi.db.database import Database

    engine = session.get_bind()
    return Database(url=engine.url, engine=engine, sessions=sessionmaker(engine))


def _product_input() -> ProductInput:
    return ProductInput("Modal Usaha", UNKNOWN, LoanKind.INDIVIDUAL, 500_000, 5_000_000, 3, 12, Frequency.MONTHLY)


def _measurement() -> Measurement:
    return Measurement(date(2026, 1, 1), "Petani karet", 1_000_000, True, 4, BusinessStatus.NONE, None, False, 0, 2, 2, False)


def _member_input() -> MemberInput:
    return MemberInput(full_name="Siti Aminah", sex=Sex.FEMALE, birth_date=date(1980, 5, 1), desa_id=str(UNKNOWN))


def _session_input() -> SessionInput:
    return SessionInput(date(2026, 1, 1), time(8, 0), time(12, 0), "Balai Desa", None, None, "Ir. Hendra")


def _meeting_input() -> MeetingInput:
    return MeetingInput(date(2026, 1, 1), time(14, 0), time(16, 0), UNKNOWN, "KUP Mawar", "Ibu Rahma", "Informasi KUR")


def _opportunity_input() -> OpportunityInput:
    return OpportunityInput(OpportunityKind.JOB, "Lowongan", "PT Sawit", "", Conditions(kecamatan_code="15.03.01"))


def _functions_acting_for_a_user():
    for info in pkgutil.walk_packages(koperasi.services.__path__, "koperasi.services."):
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(function).parameters)
            if parameters[:2] == ["session", "actor"]:
                yield function


def test_every_service_function_acting_for_a_user_is_checked_here():
    found = set(_functions_acting_for_a_user()) - BUILDING_BLOCKS
    assert found == set(CALLS), "add the new function to CALLS with the roles that may call it"


@pytest.fixture
def staff(sqlite_db):
    """One active account per role, as the permission check reads the role from the database."""
    return _staff(sqlite_db)


def _staff(database):
    admin = set_up_office(database)
    accounts = {Role.ADMIN: admin}
    for role in (Role.MANAGER, Role.TREASURER, Role.CLERK):
        accounts[role] = add_staff(database, admin, f"uji{role.value}", role)
    return accounts


@pytest.fixture(scope="module")
def shared_office(tmp_path_factory):
    """One database for the whole role matrix: a refusal changes nothing, and an allowed call
    that succeeds or is refused for another reason does not affect the next role's answer."""
    from sqlalchemy.engine import URL

    from koperasi.db.database import open_database

    database = open_database(URL.create("sqlite+pysqlite", database=str(tmp_path_factory.mktemp("roles") / "k.db")))
    yield database, _staff(database)
    database.dispose()


@pytest.mark.parametrize("function", list(CALLS), ids=lambda f: f"{f.__module__.rsplit('.', 1)[1]}.{f.__name__}")
@pytest.mark.parametrize("role", list(Role))
def test_service_function_refuses_roles_without_permission(shared_office, function, role):
    database, staff = shared_office
    allowed, call = CALLS[function]
    with database.session() as session:
        if role in allowed:
            try:
                call(session, staff[role])
            except PermissionDenied:  # pragma: no cover - the failure we look for
                pytest.fail(f"{role} should be allowed to call {function.__name__}")
            except DomainError:
                pass  # other refusals (unknown record, bad input) are not about the role
        else:
            with pytest.raises(PermissionDenied, match="tidak berwenang"):
                call(session, staff[role])


def test_a_deactivated_user_still_logged_in_elsewhere_is_refused_at_once(sqlite_db, staff):
    admin, manager = staff[Role.ADMIN], staff[Role.MANAGER]
    with sqlite_db.session() as session:
        view = next(u for u in users.list_users(session, admin) if u.id == manager.user_id)
        users.set_active(session, admin, manager.user_id, active=False, expected_version=view.version)
    with sqlite_db.session() as session, pytest.raises(PermissionDenied, match="dinonaktifkan"):
        regions.add_desa(session, manager, "15.03.01", name="Muara Cuban")


def test_a_demoted_admin_loses_admin_rights_before_logging_out(sqlite_db, staff):
    admin = staff[Role.ADMIN]
    second = add_staff(sqlite_db, admin, "admindua", Role.ADMIN)
    with sqlite_db.session() as session:
        view = next(u for u in users.list_users(session, admin) if u.id == second.user_id)
        users.update_user(session, admin, second.user_id, full_name="Admin Dua", role=Role.CLERK, expected_version=view.version)
    with sqlite_db.session() as session, pytest.raises(PermissionDenied, match="Petugas"):
        users.create_user(session, second, username="baru", full_name="Baru", role=Role.ADMIN, password="sandi-baru-1")
