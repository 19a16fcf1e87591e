"""Demo households: baselines and two years of follow-up visits, with change that depends on the programme.

Borrowers' incomes grow a few percent a visit, trained members' businesses start or grow more often,
members in neither drift; a fifth of the members registered before any visit have no baseline yet and a
tenth of the planned visits were missed, so the visits-due list has work in it. Visits follow the same
schedule the program computes (domain/impact/visits.py), taken by the two demo field officers.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi import clock
from koperasi.db.models import (
    HouseholdMeasurement,
    HouseholdMember,
    Loan,
    Member,
    PovertyLine,
    SuccessStory,
    TrainingCertificate,
    TrainingParticipant,
    User,
)
from koperasi.domain.impact.household import BusinessStatus
from koperasi.domain.impact.settings import VISIT_EVERY_MONTHS_DURING_LOAN, VISIT_MONTHS_AFTER_TRAINING
from koperasi.domain.impact.visits import parse_months, planned_visits

LIVELIHOODS = ["Petani karet", "Petani sawit", "Petani padi", "Buruh harian", "Pedagang kecil", "Penganyam tikar pandan",
               "Peternak ayam", "Nelayan sungai", "Tukang ojek", "Warung makan"]
# BPS-style garis kemiskinan per capita for Jambi (demo figures, to be replaced by the office's own entry).
POVERTY_LINES = [(date(2024, 3, 1), "perdesaan", 610_000), (date(2024, 3, 1), "perkotaan", 690_000),
                 (date(2025, 3, 1), "perdesaan", 640_000), (date(2025, 3, 1), "perkotaan", 720_000)]
HISTORY_DAYS = 2 * 365
STORIES = [  # (title, text, the member's written consent recorded)
    ("Dari rentenir ke warung sendiri",
     "Dulu setiap musim tanam Ibu meminjam ke rentenir dengan bunga sepuluh persen sebulan. Hasil karet habis untuk "
     "membayar bunga.\n\nDengan pinjaman modal usaha dari koperasi, Ibu membuka warung kecil di depan rumah. Setahun "
     "kemudian utang ke rentenir lunas, dan dua anaknya kembali bersekolah.", True),
    ("Tikar pandan sampai ke Jambi",
     "Kelompok penganyam di desa dulu menjual tikar ke pengepul dengan harga rendah. Setelah pelatihan pemasaran, "
     "kelompok menjual lewat koperasi ke toko di Kota Jambi.\n\nPendapatan rumah tangga naik hampir separuh, dan "
     "kelompok kini melatih ibu-ibu dari desa tetangga.", True),
    ("Kebun sayur organik", "Catatan awal: kisah ini masih menunggu persetujuan tertulis anggota.", False),
]
CHUNK = 5000


def fill_impact(session: Session, *, today: date) -> int:
    """Add the measurements (inside the caller's write transaction); returns how many."""
    rng = random.Random(16)
    officers = list(session.scalars(select(User.id).where(User.username.in_(["petugas", "petugas2"])).order_by(User.username)))
    creator = officers[0] if officers else session.scalar(select(User.id).order_by(User.created_at).limit(1))
    officers = officers or [creator]
    members = session.execute(select(Member.id, Member.join_date, Member.kecamatan_code)
                              .where(Member.status == "aktif").order_by(Member.number)).all()
    sizes: dict[uuid.UUID, int] = defaultdict(lambda: 1)
    children: dict[uuid.UUID, int] = defaultdict(int)
    for member_id, birth in session.execute(select(HouseholdMember.member_id, HouseholdMember.birth_date)):
        sizes[member_id] += 1
        if birth is not None and 7 * 365 <= (today - birth).days < 19 * 365:
            children[member_id] += 1
    loans: dict[uuid.UUID, list[tuple[date, date | None]]] = defaultdict(list)
    for member_id, start, end in session.execute(select(Loan.member_id, Loan.disbursed_on, Loan.closed_on)
                                                 .where(Loan.disbursed_on.is_not(None))):
        loans[member_id].append((start, end))
    trained: dict[uuid.UUID, list[date]] = defaultdict(list)
    for member_id, issued_on in session.execute(
        select(TrainingParticipant.member_id, TrainingCertificate.issued_on)
        .join(TrainingCertificate, TrainingCertificate.participant_id == TrainingParticipant.id)
        .where(TrainingParticipant.member_id.is_not(None))
    ):
        trained[member_id].append(issued_on)
    every = VISIT_EVERY_MONTHS_DURING_LOAN.default
    after = parse_months(VISIT_MONTHS_AFTER_TRAINING.default)
    kecamatan = sorted({row.kecamatan_code for row in members})
    now = clock.now()
    rows: list[dict] = []
    written = 0
    for member_id, joined_on, kecamatan_code in members:
        history_from = max(joined_on, today - timedelta(days=HISTORY_DAYS))
        if joined_on < history_from and rng.random() < 0.2:
            continue  # registered before the programme measured anyone, not visited since
        officer = officers[kecamatan.index(kecamatan_code) % len(officers)]
        baseline_on = min(today, history_from + timedelta(days=rng.randint(0, 20)))
        days = [baseline_on] + [
            visit.on + timedelta(days=rng.randint(-5, 10))
            for visit in planned_visits(loans[member_id], trained[member_id], loan_every=every, training_after=after, until=today)
            if visit.on > baseline_on + timedelta(days=40) and rng.random() < 0.9
        ]
        days = sorted({day for day in days if day <= today})
        growth = 0.05 if loans[member_id] else 0.03 if trained[member_id] else 0.005
        state = _baseline(rng, sizes[member_id], children[member_id])
        for day in days:
            rows.append({"id": uuid.UUID(int=rng.getrandbits(128), version=4), "member_id": member_id, "measured_on": day,
                         **state, "notes": "", "officer_id": officer, "created_by": creator, "created_at": now})
            state = _next(rng, state, growth, promote=0.25 if trained[member_id] else 0.12)
        if len(rows) >= CHUNK:
            written += _flush(session, rows)
    written += _flush(session, rows)
    session.execute(PovertyLine.__table__.insert(), [{"valid_from": day, "area": area, "amount": amount, "version": 1}
                                                     for day, area, amount in POVERTY_LINES])
    borrowers = [member for member in members if loans[member.id] and member.join_date <= today - timedelta(days=60)]
    stories = [
        {"id": uuid.UUID(int=rng.getrandbits(128), version=4), "member_id": member.id, "title": title, "text": text, "photo": None,
         "consent_on": today - timedelta(days=20) if consent else None, "consent_recorded_by": creator if consent else None,
         "created_by": creator, "created_at": now, "version": 1}
        for member, (title, text, consent) in zip(rng.sample(borrowers, min(len(borrowers), len(STORIES))), STORIES)
    ]
    if stories:  # a demo without borrowers has none (an empty list would be one INSERT of nothing)
        session.execute(SuccessStory.__table__.insert(), stories)
    return written


def _baseline(rng: random.Random, size: int, children: int) -> dict:
    debt = rng.random() < 0.35
    farmer = rng.random() < 0.55
    in_school = sum(rng.random() < 0.8 for _ in range(children))
    return {
        "livelihoods": rng.choice(LIVELIHOODS), "monthly_income": rng.randint(8, 40) * 100_000,
        "income_estimated": rng.random() < 0.6, "household_size": size,
        "business_status": rng.choices(list(BusinessStatus), weights=[45, 25, 25, 5])[0].value,
        "land_m2": rng.randint(2, 40) * 500 if farmer else None, "moneylender_debt": debt,
        "moneylender_amount": rng.randint(5, 60) * 100_000 if debt else 0,
        "school_age_children": min(children, size - 1), "children_in_school": min(in_school, children, size - 1),
        "woman_business": rng.random() < 0.3,
    }


def _next(rng: random.Random, state: dict, growth: float, promote: float) -> dict:
    income = int(state["monthly_income"] * (1 + rng.gauss(growth, 0.06)))
    business = BusinessStatus(state["business_status"])
    if business.rank < 3 and rng.random() < promote:
        business = list(BusinessStatus)[business.rank + 1]
    debt = state["moneylender_debt"] and rng.random() > 0.2
    return {
        **state, "monthly_income": max(0, income // 10_000 * 10_000), "business_status": business.value,
        "moneylender_debt": debt, "moneylender_amount": state["moneylender_amount"] if debt else 0,
        "children_in_school": min(state["school_age_children"], state["children_in_school"] + (rng.random() < 0.1)),
        "woman_business": state["woman_business"] or rng.random() < 0.05,
    }


def _flush(session: Session, rows: list[dict]) -> int:
    count = len(rows)
    if rows:
        session.execute(HouseholdMeasurement.__table__.insert(), rows)
        rows.clear()
    return count
