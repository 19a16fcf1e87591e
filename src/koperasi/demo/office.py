"""Realistic demonstration data for a Sarolangun office (training, screenshots, benchmarks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import uuid

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, FundSource, Loan, ReversalRequest, TrainingProgramme, User
from koperasi.domain.loans.products import LoanKind, ProductInput
from koperasi.domain.loans.rules import Frequency
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.office.settings import MAX_NEW_ACCOUNT_DAYS
from koperasi.domain.roles import Role
from koperasi.domain.office.regions import normalise_desa_name
from koperasi.services.loans import products as loan_products
from koperasi.services.office import profile as office
from koperasi.services.office import users
from koperasi.demo.books import close_past_years
from koperasi.demo.impact import fill_impact
from koperasi.demo.loans import FUNDS, fill_loans
from koperasi.demo.members import fill_members
from koperasi.demo.network import fill_network
from koperasi.demo.sales import fill_sales
from koperasi.demo.cashbook import fill_cash_book
from koperasi.demo.savings import fill_savings
from koperasi.demo.trainings import fill_trainings
from koperasi.services.transaction import write
from koperasi import clock

DEMO_PASSWORD = "demo12345"
DEMO_KABUPATEN = "15.03"  # Kabupaten Sarolangun
DEMO_ADMIN = "admin"

DEMO_OFFICE = OfficeProfile(
    name="Koperasi Berdaya Sarolangun",
    code="SRL",
    kecamatan_code="15.03.03",
    address="Jl. Lintas Sumatera Km 2, Sarolangun Kembang, Sarolangun, Jambi 37481",
    phone="0745-91234",
    chair_name="Hj. Rosmawati",
    treasurer_name="Ahmad Fauzi",
)

DEMO_STAFF = [
    ("ketua", "Hj. Rosmawati", Role.MANAGER),
    ("bendahara", "Ahmad Fauzi", Role.TREASURER),
    ("petugas", "Siti Aminah", Role.CLERK),
    ("petugas2", "Rudi Hartono", Role.CLERK),
]

# Where the demo's members live: a sample of each kecamatan's official desa and kelurahan (all 158 are loaded at
# set-up, as in a real install), so a desa has enough members for realistic groups.
DEMO_DESA: dict[str, list[tuple[str, str]]] = {
    "15.03.01": [("Pekan Gedang", "desa"), ("Muara Cuban", "desa"), ("Bukit Sulah", "desa"), ("Datuk Nan Duo", "desa")],
    "15.03.02": [("Pulau Pandan", "desa"), ("Meribung", "desa"), ("Temenggung", "desa"), ("Muara Limun", "desa")],
    "15.03.03": [
        ("Sarolangun Kembang", "kelurahan"),
        ("Dusun Sarolangun", "kelurahan"),
        ("Aur Gading", "kelurahan"),
        ("Sukasari", "kelurahan"),
        ("Bernai", "desa"),
        ("Lidung", "desa"),
        ("Ladang Panjang", "desa"),
        ("Tinting", "desa"),
    ],
    "15.03.04": [("Pauh", "kelurahan"), ("Lamban Sigatal", "desa"), ("Karang Mendapo", "desa"), ("Seko Besar", "desa")],
    "15.03.05": [("Pelawan Jaya", "desa"), ("Mekar Sari", "desa"), ("Batu Putih", "desa"), ("Lubuk Sepuh", "desa")],
    "15.03.06": [("Mandiangin Tuo", "desa"), ("Kertopati", "desa"), ("Taman Dewa", "desa"), ("Gurun Tuo", "desa")],
    "15.03.07": [("Desa Baru", "desa"), ("Lubuk Jering", "desa"), ("Pematang Kabau", "desa"), ("Semurung", "desa")],
    "15.03.08": [("Limbur Tembesi", "kelurahan"), ("Pulau Buayo", "desa"), ("Teluk Kecimbung", "desa"), ("Rantau Gedang", "desa")],
    "15.03.09": [("Sungai Benteng", "kelurahan"), ("Perdamaian", "desa"), ("Bukit Tigo", "desa"), ("Siliwangi", "desa")],
    "15.03.10": [("Lubuk Resam", "desa"), ("Teluk Tigo", "desa"), ("Pemuncak", "desa"), ("Teluk Rendah", "desa")],
    "15.03.11": [("Guruh Baru", "desa"), ("Petiduran Baru", "desa"), ("Suka Maju", "desa"), ("Meranti Jaya", "desa")],
}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    users: int
    desa: int
    members: int
    loans: int = 0
    movements: int = 0
    programmes: int = 0
    batches: int = 0
    participants: int = 0
    certificates: int = 0
    sales: int = 0
    sale_lines: int = 0
    intakes: int = 0
    payouts: int = 0
    meetings: int = 0
    opportunities: int = 0
    referrals: int = 0
    closed_years: tuple[int, ...] = ()
    shu: int = 0  # last year's, divided when above zero
    shu_paid: int = 0


# A product opened after the demo's history: only those who completed the organic rice training may apply.
# It has no demo loans, so no loan in the demo was ever given to someone who had not completed it.
TRAINED_PRODUCT = "Modal Tani Padi Organik (syarat pelatihan)"
TRAINED_PROGRAMME = "Pertanian organik padi sawah"


def fill(
    session: Session,
    *,
    members: int = 200,
    loans: int | None = None,
    sales: int | None = None,
    progress: Callable[[int], None] | None = None,
    loan_progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Set up a fresh database as a demo office; refuses a database already set up.

    ``loans`` defaults to one loan for every five members, with ~18 months of history;
    trainings (about one batch for every 500 members, at least six) cover the same months;
    ``sales`` defaults to one sale for every two members, over the last year (``loan_progress``
    also gets the notes on sales). Every year before this one is closed, last year's SHU divided.
    """
    with write(session):
        admin = office.set_up(
            session,
            DEMO_OFFICE,
            admin_username=DEMO_ADMIN,
            admin_full_name="Admin Kantor",
            admin_password=DEMO_PASSWORD,
            kabupaten_code=DEMO_KABUPATEN,
        )
        for username, full_name, role in DEMO_STAFF:
            users.add_user(session, username=username, full_name=full_name, role=role, password=DEMO_PASSWORD, actor=admin)
        desa = session.scalar(select(func.count()).select_from(Desa))
        today = clock.today()
        filled = fill_members(session, members, today=today, progress=progress, desa_ids=_sample_desa(session))
        training = fill_trainings(session, today=today)
        lending = fill_loans(session, members // 5 if loans is None else loans, today=today, progress=loan_progress)
        _trained_product(session, admin)
        trade = fill_sales(session, members // 2 if sales is None else sales, today=today, progress=loan_progress)
        network = fill_network(session, today=today)
        fill_impact(session, today=today)
        fill_savings(session, admin, today=today)
        fill_cash_book(session, admin, today=today)
        _staff_since_before_the_history(session)
        books = close_past_years(session, today=today)
    return DemoSummary(users=1 + len(DEMO_STAFF), desa=desa, members=filled, loans=lending.loans, movements=lending.movements,
                       programmes=training.programmes, batches=training.batches, participants=training.participants,
                       certificates=training.certificates, sales=trade.sales, sale_lines=trade.lines, intakes=trade.intakes,
                       payouts=trade.payouts, meetings=network.meetings, opportunities=network.opportunities,
                       referrals=network.referrals, closed_years=books.closed_years, shu=books.shu, shu_paid=books.paid)


def _staff_since_before_the_history(session: Session) -> None:
    """The accounts were made just now, but the office's history goes back 18 months: dated now, every
    approval in it would look like one by a brand-new account (the audit report's check), and Beranda would
    list five new accounts. So the staff's accounts are dated further back than the first application or
    reversal request by more than the longest setting of that check: a settled office, as in real life."""
    first = min(
        [moment for moment in (session.scalar(select(func.min(Loan.created_at))),
                               session.scalar(select(func.min(ReversalRequest.requested_at)))) if moment is not None],
        default=clock.now(),
    )
    # On the hour: two demos made on one day are the same (the demo is deterministic).
    since = (min(first, clock.now()) - timedelta(days=MAX_NEW_ACCOUNT_DAYS + 1)).replace(minute=0, second=0, microsecond=0)
    session.execute(update(User).values(created_at=since))


def _sample_desa(session: Session) -> list[uuid.UUID]:
    wanted = {(code, normalise_desa_name(name), kind) for code, names in DEMO_DESA.items() for name, kind in names}
    rows = session.execute(select(Desa.id, Desa.kecamatan_code, Desa.name, Desa.kind)).all()
    found = [row.id for row in rows if (row.kecamatan_code, normalise_desa_name(row.name), row.kind) in wanted]
    assert len(found) == len(wanted), "every demo desa is in the official list"
    return found


def _trained_product(session: Session, admin) -> None:
    fund_id = session.scalar(select(FundSource.id).where(FundSource.name == FUNDS[0][0]))
    programme_id = session.scalar(select(TrainingProgramme.id).where(TrainingProgramme.name == TRAINED_PROGRAMME))
    loan_products.create_product(
        session, admin,
        ProductInput(TRAINED_PRODUCT, fund_id, LoanKind.INDIVIDUAL, 1_000_000, 8_000_000, 6, 12, Frequency.MONTHLY,
                     1000, 10_000, required_programme_id=programme_id),
    )
