"""Demonstration community network for Sarolangun: a year of meetings with attendance, guests and
follow-ups; an opportunity board (jobs, trainings elsewhere, buyers, government programmes, public
services); and referrals with their letters and outcomes.

Seeded (the same data every time) and written in bulk inside the caller's transaction, like the demo
trainings. Every row is what the services would have written: attendance only of members who had
joined and not left by the meeting's day, follow-ups done on or after their meeting and not in the
future, referrals only of people who meet the opportunity's conditions (``fits``), outcomes on or
after the referral, letter numbers from the gapless counter, and the audit event of each step.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import (
    AuditEvent,
    CommunityMeeting,
    CommunityMeetingAttendance,
    CommunityMeetingAudience,
    Desa,
    HouseholdMember,
    MeetingFollowUp,
    Member,
    MemberCategory,
    Office,
    Opportunity,
    OpportunityCategory,
    Referral,
)
from koperasi.demo.writing import bulk_insert, load_staff
from koperasi.domain.members.register import MemberStatus, SchoolStatus
from koperasi.domain.network.opportunities import Conditions, OpportunityKind, Outcome, Person, fits
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.numbering import DocumentType, format_document_number
from koperasi.domain.people import Sex
from koperasi.services.office.numbering import reserve_sequence

MEETINGS_PER_MONTH = 4
WIB = timedelta(hours=7)

TOPICS = [
    ("Informasi pelatihan menjahit di BLK Sarolangun",
     "BLK membuka kelas menjahit 3 bulan, gratis, 20 kursi. Pendaftaran di kantor desa sampai akhir bulan.",
     "Ibu-ibu KUP mendaftarkan 5 orang; ketua kelompok mengumpulkan fotokopi KTP dan KK."),
    ("Pendaftaran PKH dan BPNT lewat DTKS",
     "Pendamping PKH menjelaskan cara mengecek DTKS di kantor desa dan syarat penerima.",
     "Anggota yang belum terdata dicatat dan diusulkan lewat musyawarah desa."),
    ("Anak putus sekolah: PIP/KIP dan Paket A/B/C",
     "Dinas Pendidikan membuka Paket B dan C di PKBM kecamatan; PIP membantu biaya sekolah anak.",
     "Setiap kelompok mendata anak tidak bersekolah di keluarga anggota."),
    ("Harga karet dan pembeli baru di Singkut",
     "Pengepul baru di pasar Singkut membeli karet di atas harga rata-rata bila kadar air rendah.",
     "Kelompok tani menjual bersama setiap dua minggu."),
    ("KTP-el, KK dan akta kelahiran (adminduk)",
     "Disdukcapil jemput bola ke desa bulan depan; bawa KK lama dan surat pengantar RT.",
     "Kader desa mendata warga yang belum punya akta kelahiran."),
    ("BPJS Ketenagakerjaan untuk pekerja bukan penerima upah",
     "Iuran mulai Rp16.800 sebulan untuk jaminan kecelakaan kerja dan kematian.",
     "Anggota yang berminat mendaftar lewat kantor koperasi."),
    ("Kredit Usaha Rakyat (KUR) mikro",
     "Bank penyalur menjelaskan syarat KUR mikro sampai Rp10 juta tanpa agunan tambahan.",
     "Anggota yang usahanya sudah berjalan 6 bulan dibantu menyusun permohonan."),
]
FOLLOW_UPS = [("Kumpulkan fotokopi KTP dan KK peserta", 7), ("Antar berkas ke kantor desa", 10),
              ("Undang petugas dinas ke pertemuan berikut", 21), ("Data anak tidak bersekolah", 14),
              ("Cek DTKS anggota yang belum terdata", 14)]


@dataclass(frozen=True)
class _Offer:
    kind: OpportunityKind
    title: str
    provider: str
    contact: str
    cost: int
    how: str
    conditions: Conditions
    days_open: int | None  # from publishing to the deadline; None: no deadline


OFFERS = [
    _Offer(OpportunityKind.TRAINING, "Kelas menjahit gratis di BLK Sarolangun", "BLK Sarolangun", "Pak Budi 0812-7411-2301", 0,
           "Daftar di kantor desa dengan fotokopi KTP dan KK", Conditions(sex=Sex.FEMALE, min_age=18, max_age=45), 30),
    _Offer(OpportunityKind.GOVERNMENT, "Program Indonesia Pintar (KIP) untuk anak tidak bersekolah", "Dinas Pendidikan", "PKBM Pauh", 0,
           "Bawa KK dan akta kelahiran anak ke PKBM", Conditions(for_children=True, min_age=6, max_age=18), None),
    _Offer(OpportunityKind.GOVERNMENT, "KUR mikro tanpa agunan tambahan", "Bank penyalur KUR", "Kantor cabang Sarolangun", 0,
           "Ajukan lewat kantor koperasi", Conditions(min_age=21, max_age=60, livelihood="dagang"), 60),
    _Offer(OpportunityKind.JOB, "Pemanen sawit harian", "PT Sawit Makmur", "Mandor Yusuf 0813-6612-0045", 0,
           "Datang ke kantor kebun hari Senin", Conditions(kecamatan_code="15.03.09", sex=Sex.MALE, min_age=18, max_age=50), 21),
    _Offer(OpportunityKind.MARKET, "Pembeli karet kadar air rendah", "Pengepul Singkut", "Haji Rahman 0812-7000-1122", 0,
           "Bawa contoh karet ke gudang", Conditions(livelihood="tani"), 90),
    _Offer(OpportunityKind.PUBLIC_SERVICE, "Jemput bola KTP-el dan akta kelahiran", "Disdukcapil Sarolangun", "Kantor desa", 0,
           "Bawa KK lama dan surat pengantar RT", Conditions(kecamatan_code="15.03.04"), 14),
    _Offer(OpportunityKind.GOVERNMENT, "BPJS Ketenagakerjaan bukan penerima upah", "BPJS Ketenagakerjaan", "Kantor koperasi", 16_800,
           "Isi formulir di kantor koperasi", Conditions(categories=frozenset({"buruh_harian", "petani_kecil"})), None),
    _Offer(OpportunityKind.GOVERNMENT, "Pendataan PKH perempuan kepala keluarga", "Dinas Sosial", "Pendamping PKH", 0,
           "Lapor ke pendamping PKH desa", Conditions(categories=frozenset({"perempuan_kepala_keluarga"})), 45),
]


@dataclass
class NetworkDemoSummary:
    meetings: int
    attendance: int
    follow_ups: int
    opportunities: int
    referrals: int


def fill_network(session: Session, *, today: date) -> NetworkDemoSummary:
    rng = random.Random(1503_0015)  # not another demo module's seed
    office = session.scalar(select(Office).order_by(Office.created_at).limit(1))
    assert office is not None
    staff = load_staff(session)
    clerk, manager = staff.clerks[0], staff.manager
    audits: list[dict] = []

    def audit(stamp, actor, action: AuditAction, entity: str, entity_id, *, before=None, after=None):
        audits.append({"occurred_at": stamp, "user_id": actor.user_id, "username": actor.username, "action": action.value,
                       "entity": entity, "entity_id": str(entity_id), "before": before, "after": after, "reason": None})

    people = _people(session)
    by_desa: dict[uuid.UUID, list[tuple]] = defaultdict(list)
    for row in people:
        by_desa[row[1]].append(row)
    desa_kecamatan = dict(session.execute(select(Desa.id, Desa.kecamatan_code)).all())
    # By the official code, not the id: ids are new on every run, and a demo must come out the same each time.
    desa_order = {row.id: (row.code or "", row.name) for row in session.execute(select(Desa.id, Desa.code, Desa.name))}
    busy_desa = sorted((d for d in by_desa if len(by_desa[d]) >= 5), key=desa_order.__getitem__)
    meetings, audience, attendance, follow_ups = [], [], [], []
    if busy_desa:
        for month_back in range(12, 0, -1):
            for index in range(MEETINGS_PER_MONTH):
                held_on = today - timedelta(days=month_back * 30 - index * 7 - rng.randint(0, 3))
                if held_on > today:
                    continue
                desa_id = rng.choice(busy_desa)
                topic, information, decisions = rng.choice(TOPICS)
                meeting_id = _uuid(rng)
                present = [m for m in by_desa[desa_id] if m[5] <= held_on and (m[6] is None or m[6] > held_on)]
                present = rng.sample(present, min(len(present), rng.randint(5, 40)))
                guests = [rng.choice([0, 0, 1, 2]) for _ in range(6)]
                created = _wib(held_on - timedelta(days=rng.randint(3, 10)), 9, index)
                taken = _wib(held_on, 17, index)
                meetings.append({
                    "id": meeting_id, "held_on": held_on, "starts_at": time(14), "ends_at": time(16), "desa_id": desa_id,
                    "kecamatan_code": desa_kecamatan[desa_id], "place": "Balai desa", "organiser": "Kantor koperasi",
                    "facilitator": rng.choice(["Ibu Rahmawati", "Pak Hendra Gunawan", "Ibu Nurhasanah"]), "topics": topic,
                    "information": information, "decisions": decisions,
                    **{f"guests_{name}": count for name, count in zip(
                        ("male_child", "female_child", "male_adult", "female_adult", "male_elder", "female_elder"), guests, strict=True)},
                    "attendance_taken_at": taken, "created_by": clerk.user_id, "created_at": created, "version": 2,
                })
                audience.append({"id": _uuid(rng), "meeting_id": meeting_id, "group_id": None, "desa_id": desa_id})
                audit(created, clerk, AuditAction.MEETING_RECORDED, "meeting", meeting_id, after={"topics": topic, "held_on": held_on.isoformat()})
                attendance += [{"meeting_id": meeting_id, "member_id": m[0], "recorded_by": clerk.user_id, "recorded_at": taken}
                               for m in present]
                audit(taken, clerk, AuditAction.MEETING_ATTENDANCE_RECORDED, "meeting", meeting_id,
                      after={"members": len(present), "guests": sum(guests)})
                for number, (action, days) in enumerate(rng.sample(FOLLOW_UPS, rng.randint(0, 2))):
                    due_on = held_on + timedelta(days=days)
                    done_on = due_on - timedelta(days=rng.randint(0, 3)) if due_on < today and rng.random() < 0.85 else None
                    follow_id = _uuid(rng)
                    follow_ups.append({"id": follow_id, "meeting_id": meeting_id, "action": action, "responsible": "Ketua kelompok",
                                       "due_on": due_on, "done_on": max(done_on, held_on) if done_on else None,
                                       "done_by": clerk.user_id if done_on else None, "created_at": taken + timedelta(minutes=number + 1),
                                       "version": 2 if done_on else 1})
                    audit(taken + timedelta(minutes=number + 1), clerk, AuditAction.FOLLOW_UP_ADDED, "follow_up", follow_id,
                          after={"action": action, "due_on": due_on.isoformat()})
                    if done_on:
                        audit(_wib(max(done_on, held_on), 15), clerk, AuditAction.FOLLOW_UP_DONE, "follow_up", follow_id,
                              after={"done_on": max(done_on, held_on).isoformat()})
    opportunities, categories, referrals = [], [], []
    outcomes = list(Outcome)
    letters: list[dict] = []
    for index, offer in enumerate(OFFERS):
        published = today - timedelta(days=330 - index * 40)
        opportunity_id = _uuid(rng)
        c = offer.conditions
        opportunities.append({
            "id": opportunity_id, "kind": offer.kind.value, "title": offer.title, "provider": offer.provider, "contact": offer.contact,
            "kecamatan_code": c.kecamatan_code, "desa_id": c.desa_id, "sex": c.sex.value if c.sex else None, "min_age": c.min_age,
            "max_age": c.max_age, "livelihood": c.livelihood, "for_children": c.for_children, "cost": offer.cost,
            "deadline": published + timedelta(days=offer.days_open) if offer.days_open else None, "how_to_apply": offer.how,
            "source": "Pertemuan komunitas", "description": "", "closed": False, "created_by": clerk.user_id,
            "created_at": _wib(published, 10, index), "version": 1,
        })
        categories += [{"opportunity_id": opportunity_id, "category_code": code} for code in sorted(c.categories)]
        audit(_wib(published, 10, index), clerk, AuditAction.OPPORTUNITY_PUBLISHED, "opportunity", opportunity_id,
              after={"title": offer.title, "kind": offer.kind.value})
        eligible = [p for p in people if p[6] is None and fits(c, p[7], published)]
        if c.for_children:
            eligible = [p for p in _children(session, people) if fits(c, p[7], published)]
        for person in rng.sample(eligible, min(len(eligible), rng.randint(4, 15))):
            referred_on = min(today, published + timedelta(days=rng.randint(0, 20)))
            referral_id = _uuid(rng)
            outcome = outcome_on = None
            if (today - referred_on).days > 14 and rng.random() < 0.8:
                choices = [o for o in outcomes if o.for_children_only == c.for_children or o is Outcome.DROPPED]
                outcome = rng.choice(choices)
                outcome_on = min(today, referred_on + timedelta(days=rng.randint(3, 30)))
            stamp = _wib(referred_on, 11, len(referrals) % 50)
            row = {"id": referral_id, "opportunity_id": opportunity_id, "member_id": person[0], "household_member_id": person[8],
                   "referred_on": referred_on, "referred_by": clerk.user_id, "note": "", "letter_number": None,
                   "letter_issued_on": None, "outcome": outcome.value if outcome else None, "outcome_on": outcome_on,
                   "created_at": stamp, "version": 1 + (outcome is not None)}
            referrals.append(row)
            audit(stamp, clerk, AuditAction.REFERRAL_RECORDED, "referral", referral_id, after={"opportunity": offer.title})
            if offer.kind in (OpportunityKind.TRAINING, OpportunityKind.GOVERNMENT) and rng.random() < 0.5:
                letters.append(row)
            if outcome:
                audit(_wib(outcome_on, 13, len(referrals) % 50), clerk, AuditAction.REFERRAL_OUTCOME_RECORDED, "referral", referral_id,
                      after={"outcome": outcome.value, "outcome_on": outcome_on.isoformat()})
    _number_letters(session, office.code, letters, manager, audit)
    bulk_insert(session, CommunityMeeting, meetings)
    bulk_insert(session, CommunityMeetingAudience, audience)
    bulk_insert(session, CommunityMeetingAttendance, attendance)
    bulk_insert(session, MeetingFollowUp, follow_ups)
    bulk_insert(session, Opportunity, opportunities)
    bulk_insert(session, OpportunityCategory, categories)
    bulk_insert(session, Referral, referrals)
    audits.sort(key=lambda row: row["occurred_at"])
    bulk_insert(session, AuditEvent, audits)
    return NetworkDemoSummary(len(meetings), len(attendance), len(follow_ups), len(opportunities), len(referrals))


def _number_letters(session: Session, office_code: str, letters: list[dict], actor, audit) -> None:
    """Letters numbered per year in the order they were written, from the referral letters' own counter."""
    letters.sort(key=lambda row: row["created_at"])
    by_year: dict[int, list[dict]] = defaultdict(list)
    for row in letters:
        by_year[row["referred_on"].year].append(row)
    for year, rows in by_year.items():
        first = reserve_sequence(session, office_code=office_code, doc_type=DocumentType.REFERRAL, year=year, count=len(rows))
        for offset, row in enumerate(rows):
            row["letter_number"] = format_document_number(DocumentType.REFERRAL, office_code, year, first + offset)
            row["letter_issued_on"] = row["referred_on"]
            audit(row["created_at"] + timedelta(seconds=30), actor, AuditAction.REFERRAL_LETTER_ISSUED, "referral", row["id"],
                  after={"letter_number": row["letter_number"]})


def _people(session: Session) -> list[tuple]:
    """(id, desa, kecamatan, sex, birth, joined, left, Person, None) of every member, by number."""
    categories: dict[uuid.UUID, set[str]] = defaultdict(set)
    for member_id, code in session.execute(select(MemberCategory.member_id, MemberCategory.category_code)):
        categories[member_id].add(code)
    rows = session.execute(select(Member.id, Member.desa_id, Member.kecamatan_code, Member.sex, Member.birth_date, Member.join_date,
                                  Member.left_on, Member.occupation, Member.status).order_by(Member.number))
    return [(m.id, m.desa_id, m.kecamatan_code, m.sex, m.birth_date, m.join_date,
             m.left_on if m.status == MemberStatus.LEFT.value else None,
             Person(m.kecamatan_code, m.desa_id, frozenset(categories[m.id]), Sex(m.sex), m.birth_date, frozenset(), m.occupation),
             None) for m in rows]


def _children(session: Session, people: list[tuple]) -> list[tuple]:
    """The out-of-school children of active members, shaped as ``_people``'s rows (the last field: the child's id)."""
    parents = {p[0]: p for p in people if p[6] is None}
    found = []
    for child in session.scalars(select(HouseholdMember).where(
            HouseholdMember.school_status.in_([SchoolStatus.DROPPED_OUT.value, SchoolStatus.NEVER.value]))
            .order_by(HouseholdMember.member_id, HouseholdMember.position)):
        parent = parents.get(child.member_id)
        if parent is not None:
            person = parent[7]
            found.append((parent[0], *parent[1:7], Person(person.kecamatan_code, person.desa_id, person.categories, Sex(child.sex),
                                                          child.birth_date, frozenset(), person.occupation, out_of_school_child=True),
                          child.id))
    return found


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _wib(day: date, hour: int, index: int = 0) -> datetime:
    return datetime.combine(day, time(hour), UTC) - WIB + timedelta(minutes=index)
