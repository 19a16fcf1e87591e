"""Demonstration members for Sarolangun: names, NIKs, households, categories and groups.

Generated from a seeded random source (the same data every time) and written in bulk:
100,000 members must load in seconds, so this bypasses the per-member service path
but produces only data that path would accept (valid NIK, adult members, real desa).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Collection
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, GroupMembership, HouseholdMember, Member, MemberCategory, MemberGroup, Office
from koperasi.domain.members.register import GroupKind, Relation, SchoolStatus, format_member_number, search_text
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.people import Sex
from koperasi.services.office.numbering import reserve_sequence
from koperasi import clock

MEN = ["Ahmad", "Muhammad", "Rudi", "Budi", "Hendra", "Syamsul", "Zulkifli", "Agus", "Darmawan", "Yusuf", "Ismail",
       "Hasan", "Abdul", "Rahmat", "Junaidi", "Arifin", "Syahrial", "Firdaus", "Samsudin", "Sulaiman", "Ilham", "Fauzi"]
WOMEN = ["Siti", "Nur", "Aisyah", "Rosmawati", "Yusnita", "Fatimah", "Halimah", "Nurhayati", "Sri", "Dewi", "Rahmawati",
         "Erni", "Maryam", "Zubaidah", "Asnah", "Rohani", "Mardiana", "Lela", "Salmah", "Juwita", "Yulianti", "Masitah"]
SECOND = ["Saputra", "Hidayat", "Wahyudi", "Kurniawan", "Pratama", "Santoso", "Lubis", "Nasution", "Harahap", "Rahman",
          "Hamid", "Yusuf", "Sari", "Wati", "Lestari", "Fitriani", "Handayani", "Susanti", "Efendi", "Syahputra", ""]
OCCUPATIONS = ["Petani karet", "Petani sawah", "Petani sayur", "Buruh harian lepas", "Buruh sawit", "Pedagang kecil",
               "Penganyam", "Ibu rumah tangga", "Nelayan sungai", "Tukang ojek", "Penjahit"]
BIRTH_PLACES = ["Sarolangun", "Jambi", "Bangko", "Muara Bungo", "Singkut", "Pauh", "Padang", "Palembang"]
GROUP_WORDS = ["Maju Bersama", "Sumber Rezeki", "Tunas Harapan", "Karya Mandiri", "Sepakat", "Berkah", "Mekar Sari",
               "Sinar Harapan", "Sejahtera", "Bina Usaha"]
CHUNK = 5_000


def fill_members(
    session: Session,
    count: int,
    *,
    today: date,
    progress: Callable[[int], None] | None = None,
    desa_ids: Collection[uuid.UUID] | None = None,
) -> int:
    """Add ``count`` members (inside the caller's write transaction), living in ``desa_ids`` (default: every active desa)."""
    if count <= 0:
        return 0
    rng = random.Random(1503)
    office = session.scalar(select(Office).order_by(Office.created_at).limit(1))
    assert office is not None
    query = select(Desa.id, Desa.kecamatan_code, Desa.name).where(Desa.active.is_(True)).order_by(Desa.kecamatan_code, Desa.name, Desa.code)
    if desa_ids is not None:
        query = query.where(Desa.id.in_(list(desa_ids)))
    rows = session.execute(query).all()
    desa = [(row.id, row.kecamatan_code) for row in rows]
    desa_names = {row.id: row.name for row in rows}
    if not desa:
        raise ValueError("demo members need desa")
    first = reserve_sequence(session, office_code=office.code, doc_type=DocumentType.MEMBER, year=0, count=count)
    niks: set[str] = set()
    now = clock.now()
    members, people, categories = [], [], []
    by_desa: dict[uuid.UUID, list[tuple[uuid.UUID, date]]] = {}  # active members and their join dates
    for index in range(count):
        sequence = first + index
        sex = Sex.FEMALE if rng.random() < 0.55 else Sex.MALE
        name = f"{rng.choice(WOMEN if sex is Sex.FEMALE else MEN)} {rng.choice(SECOND)}".strip()
        birth = today - timedelta(days=rng.randint(18 * 365, 70 * 365))
        desa_id, kecamatan_code = rng.choice(desa)
        nik = _nik(rng, kecamatan_code, birth, sex, niks) if rng.random() < 0.93 else ""
        number = format_member_number(office.code, sequence)
        member_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        members.append(
            {
                "id": member_id, "office_id": office.id, "number": number, "full_name": name, "nik": nik or None,
                "kk_number": f"1503{rng.randint(0, 10**12 - 1):012d}", "sex": sex.value,
                "birth_place": rng.choice(BIRTH_PLACES), "birth_date": birth,
                "address": f"RT {rng.randint(1, 12):02d} Dusun {rng.randint(1, 6)}", "desa_id": desa_id,
                "kecamatan_code": kecamatan_code, "phone": f"08{rng.choice('1235')}{rng.randint(10**8, 10**9 - 1)}",
                "occupation": rng.choice(OCCUPATIONS), "household_relation": Relation.HEAD.value,
                "join_date": today - timedelta(days=rng.randint(0, 6 * 365)), "status": "aktif" if rng.random() < 0.95 else "keluar",
                "left_on": None, "left_reason": None, "notes": "",
                "search_text": search_text(number=number, full_name=name, nik=nik), "created_at": now, "version": 1,
            }
        )
        if members[-1]["status"] == "keluar":
            joined = members[-1]["join_date"]
            members[-1]["left_on"] = joined + timedelta(days=rng.randint(0, (today - joined).days))
            members[-1]["left_reason"] = rng.choice(["Pindah domisili", "Mengundurkan diri", "Meninggal dunia"])
        if members[-1]["status"] == "aktif":  # groups are formed from active members only
            by_desa.setdefault(desa_id, []).append((member_id, members[-1]["join_date"]))
        has_dropout = False
        for position in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5])):
            child = position > 0 or rng.random() < 0.3
            child_birth = today - timedelta(days=rng.randint(2 * 365, 20 * 365)) if child else birth + timedelta(days=rng.randint(-1500, 1500))
            school = None
            if child and (today - child_birth).days > 6 * 365:
                school = rng.choices(list(SchoolStatus), weights=[80, 15, 5])[0]
                has_dropout = has_dropout or school is not SchoolStatus.IN_SCHOOL
            child_sex = rng.choice(list(Sex))
            people.append(
                {
                    "id": uuid.UUID(int=rng.getrandbits(128), version=4), "member_id": member_id, "position": position,
                    "full_name": f"{rng.choice(WOMEN if child_sex is Sex.FEMALE else MEN)} {rng.choice(SECOND)}".strip(),
                    "nik": None, "relation": (Relation.CHILD if child else Relation.SPOUSE).value, "sex": child_sex.value,
                    "birth_date": child_birth, "school_status": school.value if school else None,
                }
            )
        for code, chance in (("petani_kecil", 0.45), ("buruh_harian", 0.3)):
            if rng.random() < chance:
                categories.append({"member_id": member_id, "category_code": code})
        if sex is Sex.FEMALE and rng.random() < 0.25:
            categories.append({"member_id": member_id, "category_code": "perempuan_kepala_keluarga"})
        if has_dropout:
            categories.append({"member_id": member_id, "category_code": "keluarga_anak_putus_sekolah"})
        if len(members) >= CHUNK:
            _flush(session, members, people, categories)
            if progress:
                progress(index + 1)
    _flush(session, members, people, categories)
    _groups(session, rng, by_desa, desa_names, today, now)
    return count


def _flush(session: Session, members: list, people: list, categories: list) -> None:
    for model, rows in ((Member, members), (HouseholdMember, people), (MemberCategory, categories)):
        if rows:
            session.execute(model.__table__.insert(), rows)  # Core executemany: one statement a chunk
            rows.clear()


def _groups(session: Session, rng: random.Random, by_desa: dict, desa_names: dict, today: date, now: datetime) -> None:
    """About one group for every 25 members of a desa, each with a chair and members."""
    groups, memberships, names = [], [], set()
    for desa_id, member_ids in by_desa.items():
        for _ in range(max(1, len(member_ids) // 25)):
            kind = rng.choice(list(GroupKind)[:3])
            base = f"{kind.label} {rng.choice(GROUP_WORDS)} {desa_names[desa_id]}"
            name, count = base, 1
            while name in names:  # a second group of that name in the desa: "... II", "... III"
                count += 1
                name = f"{base} {_roman(count)}"
            names.add(name)
            if not member_ids:
                continue
            chosen = rng.sample(member_ids, min(len(member_ids), rng.randint(8, 20)))
            group_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            groups.append({"id": group_id, "name": name, "kind": kind.value, "desa_id": desa_id, "chair_member_id": chosen[0][0],
                           "active": True, "created_at": now, "version": 1})
            memberships += [
                {"id": uuid.UUID(int=rng.getrandbits(128), version=4), "group_id": group_id, "member_id": member_id,
                 "joined_on": joined + timedelta(days=rng.randint(0, (today - joined).days)), "left_on": None}
                for member_id, joined in chosen
            ]
    for model, rows in ((MemberGroup, groups), (GroupMembership, memberships)):
        for start in range(0, len(rows), CHUNK):
            session.execute(model.__table__.insert(), rows[start : start + CHUNK])


def _roman(number: int) -> str:
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    text = ""
    for value, numeral in numerals:
        while number >= value:
            text, number = text + numeral, number - value
    return text


def _nik(rng: random.Random, kecamatan_code: str, birth: date, sex: Sex, taken: set[str]) -> str:
    day = birth.day + (40 if sex is Sex.FEMALE else 0)
    stem = f"{kecamatan_code.replace('.', '')}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
    while True:
        nik = f"{stem}{rng.randint(1, 9999):04d}"
        if nik not in taken:
            taken.add(nik)
            return nik
