"""Demonstration trainings for Sarolangun: programmes, ~18 months of batches, sessions,
participants, attendance and certificates.

Generated from a seeded random source (the same data every time) and written in bulk
inside the caller's transaction, like the demo loans. Every row is what the training
services would have written for the same history: participants are active members (or
out-of-school youth of their households) enrolled once per batch; attendance only for
sessions on or after enrolment and before withdrawal, never for planned or cancelled
sessions; certificates only to those who met the programme's rule, numbered from the
gapless counter per year in the order they were issued; and the audit events of each step.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    AuditEvent,
    Desa,
    HouseholdMember,
    Kecamatan,
    Member,
    MemberCategory,
    Office,
    TrainingAttendance,
    TrainingBatch,
    TrainingCertificate,
    TrainingParticipant,
    TrainingProgramme,
    TrainingSession,
)
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.members.register import SchoolStatus, age_on
from koperasi.domain.office.numbering import DocumentType, format_document_number
from koperasi.domain.roles import Actor
from koperasi.domain.trainings.rules import (
    CompletionRule,
    ProgrammeInput,
    RuleKind,
    SessionInput,
    Topic,
    check_batch_name,
    clean_programme,
    clean_session,
)
from koperasi.demo.writing import bulk_insert, load_staff
from koperasi.services.office.numbering import reserve_sequence

HISTORY_DAYS = 540  # about 18 months of trainings
MEMBERS_PER_BATCH = 500
WIB = timedelta(hours=7)

# Who a programme is for: farmers, women (crafts), traders, or the out-of-school youth of members' households.
RICE, VEGETABLES, CRAFTS, LITERACY, MARKETING, YOUTH = "rice", "vegetables", "crafts", "literacy", "marketing", "youth"


@dataclass(frozen=True, slots=True)
class _Programme:
    data: ProgrammeInput
    audience: str
    sessions: tuple[int, int]  # held sessions per batch, at least ...
    every: tuple[int, ...]  # days between sessions
    morning: float  # chance a batch meets 08.00-12.00 rather than 13.00-16.00
    facilitators: tuple[str, ...]
    subjects: tuple[str, ...]
    practice: str  # place of practice sessions, "{desa}" filled in; "" for none


PROGRAMMES = [
    _Programme(
        ProgrammeInput(
            "Pertanian organik padi sawah", Topic.ORGANIC_FARMING,
            "Budidaya padi sawah tanpa pupuk dan pestisida kimia: kompos, pupuk organik cair, pengendalian hama terpadu "
            "dan pengelolaan air, dengan praktik di sawah percontohan kelompok tani.",
            "Petani kecil, kelompok tani", CompletionRule(RuleKind.SHARE, 75), "Dinas Pertanian Kabupaten Sarolangun",
        ),
        RICE, (6, 8), (7,), 1.0,
        ("Ir. Syafrudin (PPL Dinas Pertanian)", "Nurlela, S.P. (PPL Dinas Pertanian)", "Hendri Gunawan, S.P."),
        ("Pengenalan pertanian organik dan metode SRI", "Membuat kompos dan pupuk organik cair", "Pemilihan benih dan persemaian",
         "Pengendalian hama terpadu tanpa pestisida kimia", "Pengelolaan air sawah", "Praktik di sawah percontohan",
         "Panen dan pascapanen", "Sertifikasi dan pemasaran beras organik"),
        "Sawah percontohan Desa {desa}",
    ),
    _Programme(
        ProgrammeInput(
            "Budidaya sayur organik", Topic.ORGANIC_FARMING,
            "Kebun sayur pekarangan dan kelompok: bedengan, bokashi, pestisida nabati, pembibitan cabai, kangkung dan sawi, "
            "panen dan pengemasan untuk pasar.",
            "Petani kecil, perempuan kepala keluarga", CompletionRule(RuleKind.MIN_SESSIONS, 4), "Yayasan Tani Lestari Jambi",
        ),
        VEGETABLES, (6, 8), (7,), 0.7,
        ("Rahmawati, S.P.", "Joko Susilo (petani pelopor)", "Dra. Yusnidar"),
        ("Menyiapkan lahan dan bedengan", "Membuat bokashi dan kompos", "Pembibitan cabai, kangkung dan sawi",
         "Membuat pestisida nabati", "Penyiraman dan mulsa", "Panen dan pengemasan sayur", "Menghitung untung rugi kebun sayur",
         "Kunjungan kebun anggota"),
        "Kebun sayur kelompok, Desa {desa}",
    ),
    _Programme(
        ProgrammeInput(
            "Anyaman pandan dan rotan", Topic.CRAFTS,
            "Mengolah daun pandan dan rotan menjadi tikar, tas dan keranjang: pewarnaan alami, teknik anyaman, mutu "
            "dan harga pokok, untuk dijual titip di koperasi dan pameran.",
            "Perempuan kepala keluarga, kelompok usaha perempuan", CompletionRule(RuleKind.MIN_SESSIONS, 4),
            "Dekranasda Kabupaten Sarolangun",
        ),
        CRAFTS, (5, 8), (3, 4), 0.3,
        ("Hj. Mariana (perajin anyaman)", "Salmah Harahap", "Nurhasanah, S.Sn."),
        ("Memilih dan mengolah daun pandan", "Pewarnaan alami", "Teknik anyaman dasar", "Anyaman tikar dan tas",
         "Mengolah rotan", "Finishing dan kendali mutu", "Menghitung harga pokok kerajinan", "Pameran hasil karya"),
        "",
    ),
    _Programme(
        ProgrammeInput(
            "Literasi keuangan keluarga", Topic.FINANCIAL_LITERACY,
            "Mencatat pemasukan dan pengeluaran, anggaran rumah tangga, menabung, memahami pinjaman tanpa bunga dan "
            "kewajiban angsuran, memisahkan uang usaha dan keluarga, waspada rentenir dan pinjaman online.",
            "Perempuan kepala keluarga, buruh harian", CompletionRule(RuleKind.SHARE, 75), "Yayasan Perempuan Mandiri Jambi",
        ),
        LITERACY, (4, 6), (7,), 0.5,
        ("Dewi Kartika, S.E.", "Ahmad Fauzi (Bendahara Koperasi)", "Fitri Handayani, S.E., M.M."),
        ("Mengenal pemasukan dan pengeluaran", "Membuat anggaran rumah tangga", "Menabung dan simpanan koperasi",
         "Pinjaman tanpa bunga dan kewajiban angsuran", "Memisahkan uang usaha dan uang keluarga",
         "Waspada pinjaman online dan rentenir"),
        "",
    ),
    _Programme(
        ProgrammeInput(
            "Pemasaran produk lokal", Topic.MARKETING,
            "Mengenal pembeli dan pasar, kemasan dan label, menentukan harga jual, foto produk dan pemasaran lewat "
            "WhatsApp, titip jual di koperasi dan toko, persiapan pameran.",
            "Pedagang kecil, perajin, petani sayur", CompletionRule(RuleKind.SHARE, 75),
            "Dinas Koperasi dan UKM Kabupaten Sarolangun",
        ),
        MARKETING, (4, 6), (7,), 0.4,
        ("Rizki Pratama, S.E.", "Lestari Wulandari (pendamping UMKM)", "Budi Santoso, S.Kom."),
        ("Mengenal pasar dan pembeli", "Kemasan dan label produk", "Menentukan harga jual",
         "Foto produk dan pemasaran lewat WhatsApp", "Titip jual di koperasi dan toko", "Persiapan pameran"),
        "",
    ),
    _Programme(
        ProgrammeInput(
            "Keterampilan menjahit untuk pemuda putus sekolah", Topic.VOCATIONAL,
            "Pelatihan kerja bagi anak dan pemuda dari keluarga anggota yang tidak bersekolah: mesin jahit, pola, "
            "menjahit pakaian dan seragam, permak, dan menghitung ongkos untuk membuka usaha jahit.",
            "Anak dan pemuda putus sekolah (15-24 tahun) dari keluarga anggota", CompletionRule(RuleKind.MIN_SESSIONS, 6),
            "Yayasan Pemuda Berkarya Sarolangun",
        ),
        YOUTH, (8, 8), (3, 4), 0.0,
        ("Yulianti (penjahit, instruktur BLK)", "Mardiana Lubis", "Rohani Nasution"),
        ("Mengenal mesin jahit dan perawatannya", "Mengukur badan dan membuat pola", "Menjahit lurus dan obras",
         "Menjahit rok dan celana", "Menjahit kemeja", "Memperbaiki pakaian (permak)", "Menjahit seragam sekolah",
         "Menghitung ongkos jahit dan membuka usaha"),
        "",
    ),
]

WITHDRAW_REASONS = ["Pindah ke luar daerah", "Sakit dan dirawat di rumah", "Mengurus keluarga yang sakit",
                    "Bekerja di kebun sawit di luar desa", "Melahirkan", "Bentrok dengan musim panen"]
YOUTH_WITHDRAW_REASONS = ["Merantau bekerja ke Jambi", "Bekerja di kebun sawit", "Ikut orang tua pindah", "Menikah"]
CANCEL_REASONS = ["banjir, jalan ke balai desa terputus", "fasilitator sakit", "bertepatan dengan kenduri desa"]


@dataclass(frozen=True, slots=True)
class TrainingDemoSummary:
    programmes: int
    batches: int
    sessions: int
    participants: int
    attendance: int
    certificates: int


@dataclass(slots=True)
class _Person:
    member_id: uuid.UUID | None
    household_member_id: uuid.UUID | None
    name: str
    ready_on: date  # the member's (or household head's) join date
    weights: dict[str, float]  # how well each audience fits this person
    kecamatan: str
    birth: date | None = None


@dataclass(slots=True)
class _Session:
    id: uuid.UUID
    data: SessionInput
    cancelled: bool = False
    marks: dict[uuid.UUID, bool] = field(default_factory=dict)


@dataclass(slots=True)
class _Participant:
    id: uuid.UUID
    person: _Person
    enrolled_on: date
    withdrawn_on: date | None = None
    reason: str = ""
    attended: int = 0


def fill_trainings(session: Session, *, today: date) -> TrainingDemoSummary:
    """Add programmes and, when there are members, ~18 months of batches (inside the caller's write transaction)."""
    rng = random.Random(1503_0003)  # not the members' or the loans' seed
    office = session.scalar(select(Office).order_by(Office.created_at).limit(1))
    assert office is not None
    staff = load_staff(session)
    clerk, manager, admin = staff.clerks[0], staff.manager, staff.admin
    audits: list[dict] = []

    def audit(stamp, actor: Actor, action: AuditAction, entity: str, entity_id, *, before=None, after=None, reason=None):
        audits.append({"occurred_at": stamp, "user_id": actor.user_id, "username": actor.username, "action": action.value,
                       "entity": entity, "entity_id": str(entity_id), "before": before, "after": after, "reason": reason})

    members, youth = _people(session, today)
    pools = {audience: _by_kecamatan(members) for audience in (RICE, VEGETABLES, CRAFTS, LITERACY, MARKETING)}
    pools[YOUTH] = _by_kecamatan(youth)
    count = max(6, len(members) // MEMBERS_PER_BATCH) if members else 0
    plans = _plan(rng, today, count, members)

    first_created = min((created for _, _, created, _ in plans), default=today - timedelta(days=30))
    programme_ids = []
    programme_rows = []
    for index, programme in enumerate(PROGRAMMES):
        data = clean_programme(programme.data)
        programme_id = _uuid(rng)
        programme_ids.append(programme_id)
        stamp = _wib(first_created - timedelta(days=14), 9, index)
        programme_rows.append({
            "id": programme_id, "name": data.name, "topic": data.topic.value, "description": data.description,
            "target_groups": data.target_groups, "rule_kind": data.rule.kind.value, "rule_value": data.rule.value,
            "partner": data.partner, "active": True, "created_at": stamp, "version": 1,
        })
        audit(stamp, admin, AuditAction.PROGRAMME_CREATED, "programme", programme_id, after={
            "name": data.name, "topic": data.topic.label, "rule": data.rule.label, "partner": data.partner,
            "target_groups": data.target_groups})

    places = _places(session)
    batch_rows, session_rows, participant_rows, attendance_rows = [], [], [], []
    certificates: list[tuple[date, int, str, uuid.UUID, uuid.UUID]] = []  # issued_on, batch no, name, participant, batch
    closing: list[tuple[uuid.UUID, date, dict]] = []
    numbers: dict[int, int] = defaultdict(int)
    taken: dict[int, set] = defaultdict(set)  # people already trained in a programme: nobody takes one twice
    for batch_no, (which, kecamatan, created_on, first_day) in enumerate(plans):
        programme, programme_id = PROGRAMMES[which], programme_ids[which]
        rule = programme.data.rule
        kecamatan_name, desa_list = places[kecamatan]
        numbers[which] += 1
        name = check_batch_name(f"Angkatan {numbers[which]} {kecamatan_name} {first_day.year}")
        batch_id = _uuid(rng)
        created = _wib(created_on, 10, batch_no % 50)
        organiser = rng.choice([manager, clerk])
        audit(created, organiser, AuditAction.BATCH_CREATED, "batch", batch_id,
              after={"name": name, "programme": programme.data.name})

        # Sessions: one meeting place in a desa of the kecamatan, practice in the field for farmers.
        held = rng.randint(*programme.sessions)
        cancel_at = rng.randint(1, held - 1) if rng.random() < 0.12 else None
        days, day = [], first_day
        for _ in range(held + (cancel_at is not None)):
            days.append(day)
            day = _not_sunday(day + timedelta(days=rng.choice(programme.every)))
        morning = rng.random() < programme.morning
        starts, ends = (time(8), time(12)) if morning else (time(13), time(16))
        desa_id, desa_name, desa_kind = rng.choice(desa_list)
        hall = f"{'Kantor Lurah' if desa_kind == 'kelurahan' else 'Balai Desa'} {desa_name}"
        if kecamatan == office.kecamatan_code and rng.random() < 0.4:
            hall = f"Aula {office.name}"
        elif rng.random() < 0.15:
            hall = f"Aula Kantor Camat {kecamatan_name}"
        facilitator = rng.choice(programme.facilitators)
        sessions: list[_Session] = []
        subject_at = 0
        for position, held_on in enumerate(days):
            cancelled = position == cancel_at
            subject = programme.subjects[min(subject_at, len(programme.subjects) - 1)]
            if not cancelled:
                subject_at += 1
            practice = programme.practice and ("Praktik" in subject or position in (2, 4))
            place = programme.practice.format(desa=desa_name) if practice else hall
            data = clean_session(SessionInput(held_on, starts, ends, place, kecamatan, desa_id,
                                              facilitator if position % 3 else rng.choice(programme.facilitators), subject))
            sessions.append(_Session(_uuid(rng), data, cancelled))
        for position, item in enumerate(sessions):
            d = item.data
            session_rows.append({
                "id": item.id, "batch_id": batch_id, "held_on": d.held_on, "starts_at": d.starts_at, "ends_at": d.ends_at,
                "place": d.place, "kecamatan_code": d.kecamatan_code, "desa_id": d.desa_id, "facilitator": d.facilitator,
                "subject": d.subject, "cancelled": item.cancelled, "created_at": created + timedelta(minutes=1 + position),
                "version": 2 if item.cancelled else 1,
            })
            snapshot = {"held_on": d.held_on.isoformat(), "place": d.place, "facilitator": d.facilitator, "subject": d.subject}
            audit(created + timedelta(minutes=1 + position), organiser, AuditAction.SESSION_ADDED, "session", item.id,
                  after=snapshot)
            if item.cancelled:
                audit(_wib(d.held_on - timedelta(days=1), 16), manager, AuditAction.SESSION_UPDATED, "session", item.id,
                      before={**snapshot, "cancelled": False}, after={**snapshot, "cancelled": True},
                      reason=f"Dibatalkan: {rng.choice(CANCEL_REASONS)}")
        live = [item for item in sessions if not item.cancelled]
        past = [item for item in live if item.data.held_on < today]
        finished = len(past) == len(live)

        # Participants: mostly from the batch's kecamatan, chosen by who the programme is for.
        wanted = rng.randint(15, 30)
        people = _choose(rng, pools[programme.audience], programme.audience, kecamatan, first_day, wanted, taken[which])
        participants: list[_Participant] = []
        for person in people:
            enrolled_on = created_on + timedelta(days=rng.randint(0, max(0, (first_day - created_on).days)))
            enrolled_on = max(enrolled_on, person.ready_on)
            if len(live) > 2 and rng.random() < 0.06:  # joined at the second meeting
                enrolled_on = live[1].data.held_on
            if enrolled_on > today or enrolled_on > live[-1].data.held_on:
                continue
            participant = _Participant(_uuid(rng), person, enrolled_on)
            if rng.random() < 0.06:
                after = [item.data.held_on for item in live if item.data.held_on > enrolled_on]
                if len(after) >= 2:
                    left = rng.randint(1, len(after) - 1)  # after at least one meeting, before the last
                    withdrawn_on = after[left - 1] + timedelta(days=rng.randint(1, (after[left] - after[left - 1]).days))
                    if withdrawn_on < today:
                        participant.withdrawn_on = withdrawn_on
                        participant.reason = rng.choice(YOUTH_WITHDRAW_REASONS if programme.audience == YOUTH
                                                        else WITHDRAW_REASONS)
            participants.append(participant)
            taken[which].add(person.member_id or person.household_member_id)
        participants.sort(key=lambda p: (p.enrolled_on, p.person.name))
        for index, participant in enumerate(participants):
            participant_rows.append({
                "id": participant.id, "batch_id": batch_id, "member_id": participant.person.member_id,
                "household_member_id": participant.person.household_member_id, "enrolled_on": participant.enrolled_on,
                "withdrawn_on": participant.withdrawn_on, "withdraw_reason": participant.reason,
                "version": 2 if participant.withdrawn_on else 1,
            })
            audit(_wib(participant.enrolled_on, 9, index), rng.choice(staff.clerks), AuditAction.PARTICIPANT_ENROLLED,
                  "batch", batch_id, after={"participant": participant.person.name,
                                            "enrolled_on": participant.enrolled_on.isoformat()})
            if participant.withdrawn_on:
                audit(_wib(participant.withdrawn_on, 10, index), clerk, AuditAction.PARTICIPANT_WITHDRAWN, "batch", batch_id,
                      after={"participant": str(participant.id), "left_on": participant.withdrawn_on.isoformat()},
                      reason=participant.reason)

        # Attendance for the sessions already held: most come, some miss a meeting or two.
        keen = {p.id: rng.choice([0.98, 0.97, 0.95, 0.95, 0.92, 0.9, 0.85, 0.75, 0.6]) for p in participants}
        for item in past:
            held_on = item.data.held_on
            expected = [p for p in participants
                        if p.enrolled_on <= held_on and (p.withdrawn_on is None or p.withdrawn_on > held_on)]
            if not expected:
                continue
            late = held_on + timedelta(days=1) < today and rng.random() < 0.1  # the sheet typed in the next day
            stamp = _wib(held_on + timedelta(days=1), 9) if late else _wib(held_on, item.data.ends_at.hour, 15)
            taker = rng.choice(staff.clerks)
            marks = {p.id: rng.random() < keen[p.id] for p in expected}
            audit(stamp, taker, AuditAction.ATTENDANCE_RECORDED, "session", item.id,
                  after={"present": sum(marks.values()), "absent": len(marks) - sum(marks.values())})
            corrected = None
            absent = [pid for pid, present in marks.items() if not present]
            if absent and rng.random() < 0.08:  # came late and signed the sheet: corrected the next day
                corrected = rng.choice(absent)
                marks[corrected] = True
                fixed = _wib(held_on + timedelta(days=1), 11) if held_on + timedelta(days=1) < today else stamp
                audit(fixed, taker, AuditAction.ATTENDANCE_CORRECTED, "session", item.id,
                      before={"participant": str(corrected), "present": False},
                      after={"participant": str(corrected), "present": True})
            for participant in expected:
                present = marks[participant.id]
                participant.attended += present
                attendance_rows.append({
                    "session_id": item.id, "participant_id": participant.id, "present": present,
                    "recorded_by": taker.user_id,
                    "recorded_at": fixed if participant.id == corrected else stamp,
                })
            item.marks = marks

        # A finished batch: certificates for those who completed, then the batch is closed a few weeks later.
        sessions_held = sum(1 for item in past if item.marks)
        batch_version = 1
        if finished and participants:
            issued_on = min(today - timedelta(days=1), live[-1].data.held_on + timedelta(days=rng.randint(1, 10)))
            completers = [p for p in participants if p.withdrawn_on is None and rule.met(p.attended, sessions_held)]
            for participant in sorted(completers, key=lambda p: p.person.name.lower()):
                certificates.append((issued_on, batch_no, participant.person.name, participant.id, batch_id))
            closed_on = issued_on + timedelta(days=rng.randint(14, 45))
            if closed_on < today:
                batch_version = 2
                closing.append((batch_id, closed_on, {"name": name, "kecamatan_code": kecamatan}))
        batch_rows.append({
            "id": batch_id, "programme_id": programme_id, "name": name, "kecamatan_code": kecamatan,
            "notes": f"Kerja sama dengan {programme.data.partner}." if programme.data.partner else "",
            "closed": batch_version == 2, "created_at": created, "version": batch_version,
        })

    certificate_rows = _certificates(session, office.code, certificates, manager, audit)
    for batch_id, closed_on, before in closing:
        row = next(r for r in batch_rows if r["id"] == batch_id)
        audit(_wib(closed_on, 14), manager, AuditAction.BATCH_UPDATED, "batch", batch_id,
              before={**before, "notes": row["notes"], "closed": False},
              after={**before, "notes": row["notes"], "closed": True})

    bulk_insert(session, TrainingProgramme, programme_rows)
    bulk_insert(session, TrainingBatch, batch_rows)
    bulk_insert(session, TrainingSession, session_rows)
    bulk_insert(session, TrainingParticipant, participant_rows)
    bulk_insert(session, TrainingAttendance, attendance_rows)
    bulk_insert(session, TrainingCertificate, certificate_rows)
    audits.sort(key=lambda row: row["occurred_at"])
    bulk_insert(session, AuditEvent, audits)
    return TrainingDemoSummary(
        programmes=len(programme_rows), batches=len(batch_rows), sessions=len(session_rows),
        participants=len(participant_rows), attendance=len(attendance_rows), certificates=len(certificate_rows),
    )


# ---------------------------------------------------------------- planning


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _wib(day: date, hour: int, index: int = 0) -> datetime:
    """``hour`` o'clock Western Indonesian Time on ``day``, in UTC, one event a minute after the other."""
    return datetime.combine(day, time(hour), UTC) - WIB + timedelta(minutes=index)


def _not_sunday(day: date) -> date:
    return day + timedelta(days=1) if day.weekday() == 6 else day


def _plan(rng: random.Random, today: date, count: int, members: Sequence[_Person]) -> list[tuple[int, str, date, date]]:
    """(programme, kecamatan, created on, first session) for each batch, oldest first.

    Every programme runs at least once; the newest one or two batches are still running,
    with sessions ahead of them. Kecamatan are chosen in proportion to their members.
    """
    if count <= 0:
        return []
    by_kecamatan: dict[str, int] = defaultdict(int)
    for person in members:
        by_kecamatan[person.kecamatan] += 1
    kecamatan = sorted(by_kecamatan)
    weights = [by_kecamatan[code] for code in kecamatan]
    which = list(range(len(PROGRAMMES)))
    rng.shuffle(which)
    which += rng.choices(range(len(PROGRAMMES)), weights=[24, 18, 18, 20, 12, 8], k=max(0, count - len(which)))
    which = which[:count]
    running = 1 if count < 10 else 2
    done = count - running
    plans = []
    earliest, latest = today - timedelta(days=HISTORY_DAYS), today - timedelta(days=75)
    span = (latest - earliest).days
    for index in range(count):
        if index < done:
            first = earliest + timedelta(days=index * span // max(1, done) + rng.randint(0, max(0, span // max(1, done) - 1)))
        else:
            first = today - timedelta(days=rng.randint(8, 20))  # half way through
        first = _not_sunday(first)
        created = first - timedelta(days=rng.randint(14, 30))
        plans.append((which[index], rng.choices(kecamatan, weights=weights)[0], created, first))
    return plans


def _people(session: Session, today: date) -> tuple[list[_Person], list[_Person]]:
    """Active members with how much each programme suits them, and the out-of-school youth of their households."""
    categories: dict[uuid.UUID, set[str]] = defaultdict(set)
    for member_id, code in session.execute(
        select(MemberCategory.member_id, MemberCategory.category_code)
        .where(MemberCategory.category_code.in_(["petani_kecil", "buruh_harian", "perempuan_kepala_keluarga"]))
    ):
        categories[member_id].add(code)
    members = []
    for row in session.execute(
        select(Member.id, Member.full_name, Member.sex, Member.occupation, Member.join_date, Member.kecamatan_code)
        .where(Member.status == "aktif", Member.kecamatan_code.is_not(None)).order_by(Member.number)
    ):
        weights = _suits(row.sex, row.occupation or "", categories.get(row.id, set()))
        members.append(_Person(row.id, None, row.full_name, row.join_date, weights, row.kecamatan_code))
    youth = [
        _Person(None, row.id, row.full_name, row.join_date, {YOUTH: 1.0}, row.kecamatan_code, row.birth_date)
        for row in session.execute(
            select(HouseholdMember.id, HouseholdMember.full_name, HouseholdMember.birth_date, Member.join_date,
                   Member.kecamatan_code)
            .join(Member, Member.id == HouseholdMember.member_id)
            .where(Member.status == "aktif", Member.kecamatan_code.is_not(None), HouseholdMember.birth_date.is_not(None),
                   HouseholdMember.school_status.in_([SchoolStatus.DROPPED_OUT.value, SchoolStatus.NEVER.value]))
            .order_by(Member.number, HouseholdMember.position)
        )
        if 14 <= age_on(row.birth_date, today) <= 26
    ]
    return members, youth


def _suits(sex: str, occupation: str, categories: set[str]) -> dict[str, float]:
    woman = sex == "P"
    farmer = occupation.startswith("Petani") or "petani_kecil" in categories
    return {
        RICE: 10.0 if occupation == "Petani sawah" else 4.0 if farmer else 0.2,
        VEGETABLES: (10.0 if occupation == "Petani sayur" else 3.0 if farmer else 0.4) * (1.5 if woman else 1.0),
        CRAFTS: (12.0 if occupation in ("Penganyam", "Penjahit") else 4.0) if woman else 0.3,
        LITERACY: (3.0 if woman else 1.0) * (2.0 if "perempuan_kepala_keluarga" in categories else 1.0)
        * (1.5 if "buruh_harian" in categories else 1.0),
        MARKETING: 6.0 if occupation in ("Pedagang kecil", "Penganyam", "Penjahit", "Petani sayur") else 1.0,
    }


def _by_kecamatan(people: Sequence[_Person]) -> dict[str, list[_Person]]:
    grouped: dict[str, list[_Person]] = defaultdict(list)
    for person in people:
        grouped[person.kecamatan].append(person)
    return dict(sorted(grouped.items()))


def _choose(rng: random.Random, pool: dict[str, list[_Person]], audience: str, kecamatan: str, first_day: date, wanted: int,
            taken: set) -> list[_Person]:
    """``wanted`` people for a batch, weighted by how the programme suits them; from the kecamatan first."""

    def fits(person: _Person) -> bool:
        if (person.member_id or person.household_member_id) in taken or person.ready_on > first_day:
            return False
        return person.birth is None or 15 <= age_on(person.birth, first_day) <= 24

    chosen: list[_Person] = []
    for local in (True, False):
        people = pool.get(kecamatan, []) if local else [p for code, group in pool.items() if code != kecamatan for p in group]
        if len(people) > 40 * wanted:
            people = rng.sample(people, 40 * wanted)
        candidates = [p for p in people if fits(p)]
        # Weighted sampling without replacement (Efraimidis-Spirakis): the largest u^(1/w).
        ranked = sorted(candidates, key=lambda p: rng.random() ** (1.0 / p.weights[audience]), reverse=True)
        chosen += ranked[: wanted - len(chosen)]
        if len(chosen) >= wanted:
            break
    return chosen


def _places(session: Session) -> dict[str, tuple[str, list[tuple[uuid.UUID | None, str, str]]]]:
    names = dict(session.execute(select(Kecamatan.code, Kecamatan.name)).all())
    desa: dict[str, list] = defaultdict(list)
    for row in session.execute(
        select(Desa.id, Desa.kecamatan_code, Desa.name, Desa.kind).where(Desa.active.is_(True)).order_by(Desa.name)
    ):
        desa[row.kecamatan_code].append((row.id, row.name, row.kind))
    return {code: (name, desa.get(code) or [(None, name, "desa")]) for code, name in names.items()}


def _certificates(session, office_code, certificates, actor: Actor, audit) -> list[dict]:
    """Numbers per year in the order the certificates were issued (a batch's by name, as ``issue_all`` does)."""
    certificates.sort(key=lambda c: (c[0], c[1], c[2].lower()))
    by_year: dict[int, list] = defaultdict(list)
    for item in certificates:
        by_year[item[0].year].append(item)
    rows = []
    for year, batch in sorted(by_year.items()):
        first = reserve_sequence(session, office_code=office_code, doc_type=DocumentType.CERTIFICATE, year=year, count=len(batch))
        for offset, (issued_on, _, name, participant_id, batch_id) in enumerate(batch):
            number = format_document_number(DocumentType.CERTIFICATE, office_code, year, first + offset)
            stamp = _wib(issued_on, 10) + timedelta(seconds=5 * offset)
            rows.append({"id": uuid.uuid5(participant_id, "certificate"), "number": number, "participant_id": participant_id,
                         "issued_on": issued_on, "issued_by": actor.user_id, "created_at": stamp})
            audit(stamp, actor, AuditAction.CERTIFICATE_ISSUED, "batch", batch_id, after={"participant": name, "number": number})
    return rows
