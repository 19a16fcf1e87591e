"""Registering and changing members, with their households and their vulnerability categories (the list of
categories itself: ``categories``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, delete, exists, func, select, update
from sqlalchemy.orm import Session

from koperasi.db.models import (
    AuditEvent,
    Category,
    Desa,
    GroupMembership,
    HouseholdMember,
    Kecamatan,
    Loan,
    Member,
    MemberCategory,
    MemberGroup,
    MemberPhoto,
    TrainingParticipant,
)
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.dates import format_date
from koperasi.domain.errors import ConflictError, DomainError, NotFound, ValidationError
from koperasi.domain.loans.rules import LoanStatus
from koperasi.domain.money import format_rupiah
from koperasi.domain.members.register import (
    HouseholdPerson,
    MemberInput,
    MemberStatus,
    Relation,
    SchoolStatus,
    clean_member,
    format_member_number,
    household_size,
    out_of_school_children,
    search_text,
)
from koperasi.domain.office.numbering import DocumentType
from koperasi.domain.people import Sex
from koperasi.domain.photos import check_photo
from koperasi.domain.roles import Actor, Permission
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.office.numbering import next_sequence, reserve_sequence
from koperasi.services.office.profile import the_office
from koperasi.services.transaction import write
from koperasi import clock


class DuplicateNik(ConflictError):
    """The NIK belongs to a member already; the form offers to open that member."""

    def __init__(self, member_id: uuid.UUID, number: str, full_name: str) -> None:
        super().__init__(f"NIK ini sudah terdaftar atas nama {full_name} ({number}). Buka data anggota itu?")
        self.member_id = member_id


class WarningsToConfirm(DomainError):
    """Nothing was saved: the user must confirm these warnings and save again."""

    def __init__(self, warnings: list[str]) -> None:
        super().__init__("\n".join(warnings))
        self.warnings = warnings


@dataclass(frozen=True, slots=True)
class MemberDetail:
    id: uuid.UUID
    number: str
    data: MemberInput
    status: MemberStatus
    left_on: date | None
    left_reason: str | None
    desa_name: str
    kecamatan_code: str
    kecamatan_name: str
    category_names: list[str]
    groups: list[tuple[str, date]]  # current groups: name, joined on
    household_size: int
    out_of_school_children: int
    has_photo: bool
    version: int


def register_member(session: Session, actor: Actor, data: MemberInput, *, accept_warnings: bool = False, today: date | None = None) -> MemberDetail:
    today = today or clock.today()
    with write(session):
        authorize(session, actor, Permission.EDIT_MEMBERS)
        member = _add_member(session, actor, data, accept_warnings=accept_warnings, today=today)
        return detail(session, member)


def _add_member(session: Session, actor: Actor, data: MemberInput, *, accept_warnings: bool, today: date) -> Member:
    clean, warnings = clean_member(data, today=today)
    desa = _desa(session, clean.desa_id)
    _refuse_duplicate_nik(session, clean.nik, exclude=None)
    warnings += _same_name_and_birth(session, clean, exclude=None)
    if warnings and not accept_warnings:
        raise WarningsToConfirm(warnings)
    categories = _categories(session, clean.categories, kept=frozenset())
    office = the_office(session)
    assert office is not None, "members are registered after first-run setup"
    sequence = next_sequence(session, office_code=office.code, doc_type=DocumentType.MEMBER, year=0)
    number = format_member_number(office.code, sequence)
    member = Member(
        office_id=office.id,
        number=number,
        status=MemberStatus.ACTIVE.value,
        created_at=clock.now(),
        **_columns(clean, desa, number),
    )
    session.add(member)
    session.flush()
    _replace_categories(session, member, categories)
    _replace_household(session, member, clean.household)
    audit.record(session, actor, action=AuditAction.MEMBER_REGISTERED, entity="member", entity_id=member.id, after=_snapshot(clean, number))
    return member


class BulkRowError(DomainError):
    """One row of a bulk add failed; ``index`` is its position in the list given."""

    def __init__(self, index: int, error: DomainError) -> None:
        super().__init__(error.message)
        self.index = index


def add_members(session: Session, actor: Actor, rows: Sequence[MemberInput], *, today: date) -> list[str]:
    """Add many members at once inside the caller's transaction (Excel import); their numbers.

    The same rules as ``register_member`` (warnings accepted), but each lookup is one query for
    all rows and the rows are written in bulk: 10,000 members in seconds, not minutes.
    Each member still gets its own audit event.
    """
    office = the_office(session)
    assert office is not None, "members are registered after first-run setup"
    cleaned = []
    for index, data in enumerate(rows):
        try:
            cleaned.append(clean_member(data, today=today)[0])
        except DomainError as error:
            raise BulkRowError(index, error) from error
    desa = _desa_by_id(session, {clean.desa_id for clean in cleaned})
    known_categories = set(session.scalars(select(Category.code).where(Category.active.is_(True))))
    niks = [clean.nik for clean in cleaned if clean.nik]
    taken = _registered_niks(session, niks)
    seen: set[str] = set()
    for index, clean in enumerate(cleaned):
        if clean.desa_id not in desa:
            raise BulkRowError(index, ValidationError("Pilih desa tempat tinggal anggota.", field="desa_id"))
        if unknown := set(clean.categories) - known_categories:
            raise BulkRowError(index, ValidationError(f"Kategori tidak dikenal: {', '.join(sorted(unknown))}."))
        if clean.nik and (clean.nik in taken or clean.nik in seen):
            owner = taken.get(clean.nik)
            message = f"NIK {clean.nik} sudah terdaftar ({owner})." if owner else f"NIK {clean.nik} muncul dua kali."
            raise BulkRowError(index, ConflictError(message))
        seen.add(clean.nik)
    first = reserve_sequence(session, office_code=office.code, doc_type=DocumentType.MEMBER, year=0, count=len(cleaned))
    now = clock.now()
    member_rows, people, categories, events, numbers = [], [], [], [], []
    for offset, clean in enumerate(cleaned):
        number = format_member_number(office.code, first + offset)
        member_id = uuid.uuid4()
        numbers.append(number)
        member_rows.append(
            {"id": member_id, "office_id": office.id, "number": number, "status": MemberStatus.ACTIVE.value,
             "left_on": None, "left_reason": None, "created_at": now, "version": 1,
             **_columns(clean, desa[clean.desa_id], number)}
        )
        categories += [{"member_id": member_id, "category_code": code} for code in sorted(clean.categories)]
        people += [_household_row(member_id, position, person) for position, person in enumerate(clean.household)]
        events.append(
            {"occurred_at": now, "user_id": actor.user_id, "username": actor.username,
             "action": AuditAction.MEMBER_REGISTERED.value, "entity": "member", "entity_id": str(member_id),
             "before": None, "after": _snapshot(clean, number), "reason": None}
        )
    audit.chain_rows(session, events)
    for model, values in ((Member, member_rows), (MemberCategory, categories), (HouseholdMember, people), (AuditEvent, events)):
        if values:
            session.execute(model.__table__.insert(), values)  # Core executemany: one statement for all rows
    return numbers


def update_member(
    session: Session,
    actor: Actor,
    member_id: uuid.UUID,
    data: MemberInput,
    *,
    expected_version: int,
    accept_warnings: bool = False,
    today: date | None = None,
) -> MemberDetail:
    today = today or clock.today()
    with write(session):
        authorize(session, actor, Permission.EDIT_MEMBERS)
        member = _current(session, member_id, expected_version)
        clean, warnings = clean_member(data, today=today)
        desa = _desa(session, clean.desa_id)
        _refuse_duplicate_nik(session, clean.nik, exclude=member.id)
        warnings += _same_name_and_birth(session, clean, exclude=member.id)
        if warnings and not accept_warnings:
            raise WarningsToConfirm(warnings)
        before = _snapshot(_input_of(session, member), member.number)
        for column, value in _columns(clean, desa, member.number).items():
            setattr(member, column, value)
        # Household and categories live in other tables: bump the version ourselves, or an
        # edit of only those would not stop a second clerk's stale save.
        member.version += 1
        had = frozenset(session.scalars(select(MemberCategory.category_code).where(MemberCategory.member_id == member.id)))
        _replace_categories(session, member, _categories(session, clean.categories, kept=had))
        _replace_household(session, member, clean.household)
        session.flush()
        audit.record(
            session, actor, action=AuditAction.MEMBER_UPDATED, entity="member", entity_id=member.id,
            before=before, after=_snapshot(clean, member.number),
        )
        return detail(session, member)


def record_leaving(
    session: Session, actor: Actor, member_id: uuid.UUID, *, left_on: date, reason: str, expected_version: int
) -> MemberDetail:
    """A member leaves (keluar): kept, never deleted, and can rejoin later."""
    with write(session):
        authorize(session, actor, Permission.EDIT_MEMBERS)
        member = _current(session, member_id, expected_version)
        reason = " ".join(reason.split())
        if member.status == MemberStatus.LEFT:
            raise ValidationError("Anggota ini sudah tercatat keluar.")
        if not reason:
            raise ValidationError("Alasan keluar wajib diisi.", field="left_reason")
        if len(reason) > 250:
            raise ValidationError("Alasan keluar paling banyak 250 karakter.", field="left_reason")
        if left_on < member.join_date or left_on > clock.today():
            raise ValidationError("Tanggal keluar harus antara tanggal bergabung dan hari ini.", field="left_on")
        chaired = session.scalar(select(MemberGroup.name).where(MemberGroup.chair_member_id == member.id, MemberGroup.active.is_(True)))
        if chaired:
            raise ValidationError(f"{member.full_name} adalah ketua {chaired}. Tunjuk ketua lain di tab Kelompok dahulu.")
        _refuse_while_loan_runs(session, member)
        member.status, member.left_on, member.left_reason = MemberStatus.LEFT.value, left_on, reason
        session.execute(
            update(GroupMembership)
            .where(GroupMembership.member_id == member.id, GroupMembership.left_on.is_(None))
            # A back-dated leaving never ends a group membership before it began.
            .values(left_on=case((GroupMembership.joined_on > left_on, GroupMembership.joined_on), else_=left_on))
        )
        session.flush()
        audit.record(
            session, actor, action=AuditAction.MEMBER_LEFT, entity="member", entity_id=member.id,
            after={"status": "keluar", "left_on": left_on.isoformat()}, reason=reason,
        )
        return detail(session, member)


def _refuse_while_loan_runs(session: Session, member: Member) -> None:
    """A member does not leave owing the cooperative: a running loan is paid first, by the member or from
    their savings (services/savings/leaving.leave_with_savings pays it, then records the leaving here)."""
    loan = session.scalar(
        select(Loan).where(Loan.member_id == member.id, Loan.status.in_((LoanStatus.ACTIVE.value, LoanStatus.APPROVED.value)))
        .order_by(Loan.number).limit(1)
    )
    if loan is None:
        return
    if loan.status == LoanStatus.APPROVED.value:
        raise ValidationError(
            f"Pinjaman {loan.number} untuk {member.full_name} sudah disetujui tetapi belum dicairkan. "
            "Di tab Pinjaman, cairkan pinjaman itu atau batalkan lewat Tindakan lain → Batalkan persetujuan."
        )
    owed = loan.disbursed - loan.principal_paid - loan.written_off
    raise ValidationError(
        f"{member.full_name} masih berutang {format_rupiah(owed)} pada pinjaman {loan.number}. "
        "Lunasi dahulu, atau perhitungkan dengan simpanannya ketika mencatat keluar."
    )


def record_rejoining(session: Session, actor: Actor, member_id: uuid.UUID, *, expected_version: int) -> MemberDetail:
    with write(session):
        authorize(session, actor, Permission.EDIT_MEMBERS)
        member = _current(session, member_id, expected_version)
        if member.status == MemberStatus.ACTIVE:
            raise ValidationError("Anggota ini masih aktif.")
        before = {"status": member.status, "left_on": member.left_on.isoformat() if member.left_on else None}
        member.status, member.left_on, member.left_reason = MemberStatus.ACTIVE.value, None, None
        session.flush()
        audit.record(
            session, actor, action=AuditAction.MEMBER_REJOINED, entity="member", entity_id=member.id,
            before=before, after={"status": "aktif", "left_on": None},
        )
        return detail(session, member)


def set_photo(
    session: Session, actor: Actor, member_id: uuid.UUID, photo: bytes | None, *, expected_version: int
) -> MemberDetail:
    """Store (or with None remove) a member's pas foto (the rules: domain/photos.py)."""
    photo = check_photo(photo)
    with write(session):
        authorize(session, actor, Permission.EDIT_MEMBERS)
        member = _current(session, member_id, expected_version)
        session.execute(delete(MemberPhoto).where(MemberPhoto.member_id == member.id))
        if photo is not None:
            session.add(MemberPhoto(member_id=member.id, photo=photo))
        member.version += 1  # the photo is another table's row: make the change visible to other clerks' stale saves
        session.flush()
        audit.record(
            session, actor, action=AuditAction.MEMBER_PHOTO_CHANGED, entity="member", entity_id=member.id,
            after={"photo": f"{len(photo) // 1000} KB" if photo else None},
        )
        return detail(session, member)


def get_photo(session: Session, actor: Actor, member_id: uuid.UUID) -> bytes | None:
    authorize(session, actor, Permission.USE_APP)
    return session.scalar(select(MemberPhoto.photo).where(MemberPhoto.member_id == member_id))


def get_member(session: Session, actor: Actor, member_id: uuid.UUID) -> MemberDetail:
    authorize(session, actor, Permission.USE_APP)
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("Anggota tidak ditemukan.")
    return detail(session, member)


def detail(session: Session, member: Member) -> MemberDetail:
    data = _input_of(session, member)
    desa = session.get(Desa, member.desa_id)
    kecamatan = session.get(Kecamatan, member.kecamatan_code)
    assert desa is not None and kecamatan is not None
    names = list(
        session.scalars(
            select(Category.name).join(MemberCategory).where(MemberCategory.member_id == member.id).order_by(Category.position)
        )
    )
    groups = [
        (row.name, row.joined_on)
        for row in session.execute(
            select(MemberGroup.name, GroupMembership.joined_on)
            .join(GroupMembership, GroupMembership.group_id == MemberGroup.id)
            .where(GroupMembership.member_id == member.id, GroupMembership.left_on.is_(None), MemberGroup.active.is_(True))
            .order_by(MemberGroup.name)
        )
    ]
    return MemberDetail(
        id=member.id,
        number=member.number,
        data=data,
        status=MemberStatus(member.status),
        left_on=member.left_on,
        left_reason=member.left_reason,
        desa_name=desa.name,
        kecamatan_code=member.kecamatan_code,
        kecamatan_name=kecamatan.name,
        category_names=names,
        groups=groups,
        household_size=household_size(data.household),
        out_of_school_children=out_of_school_children(data.household, today=clock.today()),
        has_photo=session.scalar(select(exists().where(MemberPhoto.member_id == member.id))),
        version=member.version,
    )


def _columns(clean: MemberInput, desa: Desa, number: str) -> dict[str, object]:
    return {
        "full_name": clean.full_name,
        "nik": clean.nik or None,
        "kk_number": clean.kk_number,
        "sex": clean.sex.value,
        "birth_place": clean.birth_place,
        "birth_date": clean.birth_date,
        "address": clean.address,
        "desa_id": desa.id,
        "kecamatan_code": desa.kecamatan_code,
        "phone": clean.phone,
        "occupation": clean.occupation,
        "household_relation": clean.household_relation.value,
        "join_date": clean.join_date,
        "notes": clean.notes,
        "search_text": search_text(number=number, full_name=clean.full_name, nik=clean.nik),
    }


def _input_of(session: Session, member: Member) -> MemberInput:
    people = session.scalars(
        select(HouseholdMember).where(HouseholdMember.member_id == member.id).order_by(HouseholdMember.position)
    )
    codes = session.scalars(select(MemberCategory.category_code).where(MemberCategory.member_id == member.id))
    return MemberInput(
        full_name=member.full_name,
        sex=Sex(member.sex),
        birth_date=member.birth_date,
        desa_id=str(member.desa_id),
        nik=member.nik or "",
        kk_number=member.kk_number,
        birth_place=member.birth_place,
        address=member.address,
        phone=member.phone,
        occupation=member.occupation,
        household_relation=Relation(member.household_relation),
        categories=frozenset(codes),
        join_date=member.join_date,
        notes=member.notes,
        household=tuple(
            HouseholdPerson(
                full_name=p.full_name,
                relation=Relation(p.relation),
                sex=Sex(p.sex),
                birth_date=p.birth_date,
                school_status=SchoolStatus(p.school_status) if p.school_status else None,
                nik=p.nik or "",
            )
            for p in people
        ),
    )


def _snapshot(data: MemberInput, number: str) -> dict[str, object]:
    return {
        "number": number,
        "full_name": data.full_name,
        "nik": data.nik,
        "kk_number": data.kk_number,
        "sex": data.sex.value,
        "birth_date": data.birth_date.isoformat(),
        "birth_place": data.birth_place,
        "address": data.address,
        "desa_id": data.desa_id,
        "phone": data.phone,
        "occupation": data.occupation,
        "household_relation": data.household_relation.value,
        "join_date": data.join_date.isoformat() if data.join_date else None,
        "categories": sorted(data.categories),
        "household": [
            f"{p.full_name} ({p.relation.label}, {p.school_status.label if p.school_status else '—'})" for p in data.household
        ],
        "notes": data.notes,
    }


def _desa(session: Session, desa_id: str) -> Desa:
    try:
        desa = session.get(Desa, uuid.UUID(str(desa_id)))
    except ValueError:
        desa = None
    if desa is None:
        raise ValidationError("Pilih desa tempat tinggal anggota.", field="desa_id")
    return desa


def _categories(session: Session, codes: frozenset[str], *, kept: frozenset[str]) -> list[str]:
    """The codes chosen; a retired category only if the member had it already (``kept``)."""
    found = dict(session.execute(select(Category.code, Category.active).where(Category.code.in_(codes))).all()) if codes else {}
    unknown = set(codes) - set(found)
    if unknown:
        raise ValidationError(f"Kategori tidak dikenal: {', '.join(sorted(unknown))}.", field="categories")
    if retired := sorted(code for code, active in found.items() if not active and code not in kept):
        names = session.scalars(select(Category.name).where(Category.code.in_(retired)).order_by(Category.position))
        raise ValidationError(f"Kategori sudah tidak dipakai untuk pilihan baru: {', '.join(names)}.", field="categories")
    return sorted(found)


def _refuse_duplicate_nik(session: Session, nik: str, *, exclude: uuid.UUID | None) -> None:
    if not nik:
        return
    query = select(Member.id, Member.number, Member.full_name).where(Member.nik == nik)
    if exclude is not None:
        query = query.where(Member.id != exclude)
    existing = session.execute(query).first()
    if existing is not None:
        raise DuplicateNik(existing.id, existing.number, existing.full_name)


def _same_name_and_birth(session: Session, clean: MemberInput, *, exclude: uuid.UUID | None) -> list[str]:
    query = select(Member.number).where(
        func.lower(Member.full_name) == clean.full_name.lower(), Member.birth_date == clean.birth_date
    )
    if exclude is not None:
        query = query.where(Member.id != exclude)
    return [
        f"Sudah ada anggota bernama {clean.full_name} lahir {format_date(clean.birth_date)} ({number}). "
        "Pastikan ini bukan orang yang sama."
        for number in session.scalars(query.limit(3))
    ]


def _replace_categories(session: Session, member: Member, codes: list[str]) -> None:
    session.execute(delete(MemberCategory).where(MemberCategory.member_id == member.id))
    session.add_all(MemberCategory(member_id=member.id, category_code=code) for code in codes)


def _replace_household(session: Session, member: Member, people: tuple[HouseholdPerson, ...]) -> None:
    """Make the household rows match ``people`` while keeping each person's row (and id).

    Other records point at a household person (a child enrolled in a training), so a row is
    updated in place: first the same name, then, for renamed people, the same place in the
    list. Only people really gone from the list are deleted, and not while a record uses them.
    """
    rows = list(session.scalars(select(HouseholdMember).where(HouseholdMember.member_id == member.id)
                                .order_by(HouseholdMember.position)))
    matched: dict[int, HouseholdMember] = {}
    free = list(rows)
    for index, person in enumerate(people):
        same = next((row for row in free if _same_name(row.full_name, person.full_name)), None)
        if same is not None:
            matched[index] = same
            free.remove(same)
    for index in range(len(people)):
        if index not in matched and free:
            matched[index] = free.pop(0)
    for row in free:
        if session.scalar(select(TrainingParticipant.id).where(TrainingParticipant.household_member_id == row.id).limit(1)):
            raise ValidationError(
                f"{row.full_name} tercatat sebagai peserta pelatihan, jadi tidak dapat dihapus dari daftar keluarga."
            )
        session.delete(row)
    for index, person in enumerate(people):
        values = _household_row(member.id, index, person)
        row = matched.get(index)
        if row is None:
            session.add(HouseholdMember(**values))
            continue
        for key, value in values.items():
            if key != "id":
                setattr(row, key, value)


def _same_name(left: str, right: str) -> bool:
    return " ".join(left.lower().split()) == " ".join(right.lower().split())


def _household_row(member_id: uuid.UUID, position: int, person: HouseholdPerson) -> dict[str, object]:
    return {
        "id": uuid.uuid4(),
        "member_id": member_id,
        "position": position,
        "full_name": person.full_name,
        "nik": person.nik or None,
        "relation": person.relation.value,
        "sex": person.sex.value,
        "birth_date": person.birth_date,
        "school_status": person.school_status.value if person.school_status else None,
    }


def _desa_by_id(session: Session, ids: set[str]) -> dict[str, Desa]:
    """The desa named by each id text (as written in the inputs) that exists."""
    parsed: dict[uuid.UUID, str] = {}
    for text in ids:
        try:
            parsed[uuid.UUID(str(text))] = text
        except ValueError:
            continue
    found = session.scalars(select(Desa).where(Desa.id.in_(list(parsed)))) if parsed else []
    return {parsed[desa.id]: desa for desa in found}


def _registered_niks(session: Session, niks: list[str]) -> dict[str, str]:
    """NIK -> "name (number)" of those already registered; asked in chunks of 500."""
    found: dict[str, str] = {}
    for start in range(0, len(niks), 500):
        chunk = niks[start : start + 500]
        for row in session.execute(select(Member.nik, Member.number, Member.full_name).where(Member.nik.in_(chunk))):
            found[row.nik] = f"{row.full_name}, {row.number}"
    return found


def _current(session: Session, member_id: uuid.UUID, expected_version: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("Anggota tidak ditemukan.")
    if member.version != expected_version:
        raise ConflictError(
            f"Data anggota {member.number} sudah diubah oleh petugas lain sejak Anda membukanya. "
            "Muat ulang lalu ulangi perubahan Anda."
        )
    return member
