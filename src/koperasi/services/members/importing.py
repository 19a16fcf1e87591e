"""Importing a member roster from Excel: every row checked first, then all saved or none.

A clerk brings the roster of a whole desa at once, often typed by someone else. The
preview says row by row what will come in and why a row cannot, without writing; the
commit then adds every valid row in one transaction, so a failure never leaves half
a roster behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, Kecamatan, Member
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.dates import format_date
from koperasi.domain.errors import ConflictError, DomainError, ValidationError
from koperasi.domain.members.register import MemberInput, clean_member
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Permission
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.members.excel import COLUMNS, ROSTER, read_roster
from koperasi.services.members.categories import all_categories
from koperasi.services.members.register import BulkRowError, add_members
from koperasi.services.sheet_import import PROGRESS_STEP, Cancelled, Progress, cell_text, rejected_workbook, step
from koperasi.services.transaction import write

COMMIT_CHUNK = PROGRESS_STEP  # rows written per bulk insert; progress and cancel between chunks
_CHUNK = 500  # values per IN (...) query, well below SQLite's limit on parameters
_DATE = re.compile(r"(\d{1,2})([-/])(\d{1,2})\2(\d{4})")
_NIK_SEPARATORS = re.compile(r"[\s.\-]")
_SEXES = {"l": Sex.MALE, "lakilaki": Sex.MALE, "p": Sex.FEMALE, "perempuan": Sex.FEMALE}


@dataclass(frozen=True, slots=True)
class ValidRow:
    row: int  # the row number the clerk sees in Excel
    data: MemberInput  # already tidied by the member rules
    warnings: tuple[str, ...]  # shown in the preview; importing accepts them


@dataclass(frozen=True, slots=True)
class RejectedRow:
    row: int
    cells: tuple[object, ...]  # as found in the file, in the order of member_excel.COLUMNS
    reason: str


@dataclass(frozen=True, slots=True)
class ImportPreview:
    valid: tuple[ValidRow, ...]
    rejected: tuple[RejectedRow, ...]


def preview_import(
    session: Session,
    actor: Actor,
    data: bytes,
    *,
    today: date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """Check every row of a roster against the member rules and the register; writes nothing."""
    authorize(session, actor, Permission.EDIT_MEMBERS)
    rows = read_roster(data)
    checker = _RowChecker(session, [cells for _, cells in rows], today=today)
    valid: list[ValidRow] = []
    rejected: list[RejectedRow] = []
    for done, (number, cells) in enumerate(rows, start=1):
        result = checker.check(number, cells)
        (valid if isinstance(result, ValidRow) else rejected).append(result)
        step(done, len(rows), progress, cancelled)
    return ImportPreview(tuple(valid), tuple(rejected))


def commit_import(
    session: Session,
    actor: Actor,
    preview: ImportPreview,
    *,
    today: date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Add every valid row of the preview in one transaction; returns how many were added."""
    if not preview.valid:
        raise ValidationError("Tidak ada baris yang dapat diimpor.")
    total = len(preview.valid)
    with write(session):
        authorize(session, actor, Permission.EDIT_MEMBERS)
        _refuse_registered_since_preview(session, preview.valid)
        numbers: list[str] = []
        for start in range(0, total, COMMIT_CHUNK):
            chunk = preview.valid[start : start + COMMIT_CHUNK]
            try:
                numbers += add_members(session, actor, [row.data for row in chunk], today=today)
            except BulkRowError as error:
                raise DomainError(f"Baris {chunk[error.index].row}: {error.message}") from error
            step(start + len(chunk), total, progress, cancelled)
        audit.record(
            session, actor, action=AuditAction.MEMBERS_IMPORTED, entity="member",
            entity_id=f"{numbers[0]}–{numbers[-1]}", after={"rows": total},
        )
    return total


def rejected_rows_workbook(preview: ImportPreview) -> bytes:
    """The rejected rows in the template's columns and the reason, to fix and import again."""
    return rejected_workbook(ROSTER, ((row.cells, row.reason) for row in preview.rejected))


class _RowChecker:
    """Checks rows against the regions, the categories, the register and the rows above them."""

    def __init__(self, session: Session, rows: list[dict[str, object]], *, today: date) -> None:
        self.today = today
        self.kecamatan = {_fold(name): (code, name) for code, name in session.execute(select(Kecamatan.code, Kecamatan.name))}
        self.desa = {
            (row.kecamatan_code, _fold(row.name)): row
            for row in session.execute(select(Desa.id, Desa.kecamatan_code, Desa.name, Desa.active))
        }
        self.categories = {_fold(c.name): c.code for c in all_categories(session) if c.active}
        self.retired_categories = {_fold(c.name): c.name for c in all_categories(session) if not c.active}
        self.registered = _registered(session, {_nik_key(row["nik"]) for row in rows} - {""})
        self.namesakes = _namesakes(session, {_name_key(cell_text(row["full_name"])) for row in rows})
        self.nik_rows: dict[str, int] = {}
        self.person_rows: dict[tuple[str, date], int] = {}

    def check(self, number: int, cells: dict[str, object]) -> ValidRow | RejectedRow:
        errors: list[str] = []
        name = cell_text(cells["full_name"])
        if not name:
            errors.append("Nama lengkap wajib diisi.")
        sex = _sex(cells["sex"], errors)
        birth = _date(cells["birth_date"], "Tanggal lahir", errors, required=True)
        join = _date(cells["join_date"], "Tanggal bergabung", errors, required=False)
        desa_id = self._desa(cell_text(cells["kecamatan"]), cell_text(cells["desa"]), errors)
        categories = self._categories(cell_text(cells["categories"]), errors)
        nik = _number_text(cells["nik"], "NIK", errors)
        kk = _number_text(cells["kk_number"], "Nomor KK", errors)
        self._first_with_nik(_nik_key(cells["nik"]), number, errors)
        original = tuple(cells[c.key] for c in COLUMNS)
        if errors or sex is None or birth is None:
            return RejectedRow(number, original, " ".join(errors))
        entered = MemberInput(
            full_name=name, sex=sex, birth_date=birth, desa_id=desa_id, nik=nik, kk_number=kk,
            birth_place=cell_text(cells["birth_place"]), address=cell_text(cells["address"]), phone=_phone(cells["phone"]),
            occupation=cell_text(cells["occupation"]), categories=categories, join_date=join,
        )
        try:
            clean, warnings = clean_member(entered, today=self.today)
        except ValidationError as error:
            return RejectedRow(number, original, error.message)
        if clean.nik in self.registered:
            member_number, member_name = self.registered[clean.nik]
            return RejectedRow(number, original, f"NIK ini sudah terdaftar atas nama {member_name} ({member_number}).")
        return ValidRow(number, clean, (*warnings, *self._same_person_warnings(number, clean)))

    def _desa(self, kecamatan_name: str, desa_name: str, errors: list[str]) -> str:
        if not kecamatan_name:
            errors.append("Kecamatan wajib diisi.")
        if not desa_name:
            errors.append("Desa wajib diisi.")
        if not kecamatan_name or not desa_name:
            return ""
        kecamatan = self.kecamatan.get(_fold(kecamatan_name))
        if kecamatan is None:
            errors.append(f"Kecamatan '{kecamatan_name}' tidak dikenal; lihat daftar di lembar Petunjuk templat.")
            return ""
        code, proper_name = kecamatan
        desa = self.desa.get((code, _fold(desa_name)))
        if desa is None:
            errors.append(f"Desa '{desa_name}' tidak ada di kecamatan {proper_name}.")
            return ""
        if not desa.active:
            errors.append(f"Desa '{desa.name}' di kecamatan {proper_name} sudah tidak aktif.")
        return str(desa.id)

    def _categories(self, text: str, errors: list[str]) -> frozenset[str]:
        names = [" ".join(part.split()) for part in text.split(";") if part.strip()]
        unknown = [name for name in names if _fold(name) not in self.categories]
        if retired := [self.retired_categories[_fold(name)] for name in unknown if _fold(name) in self.retired_categories]:
            errors.append(f"Kategori sudah tidak dipakai: {', '.join(retired)}.")
        if others := [name for name in unknown if _fold(name) not in self.retired_categories]:
            errors.append(f"Kategori tidak dikenal: {', '.join(others)}.")
        return frozenset(self.categories[_fold(name)] for name in names if name not in unknown)

    def _first_with_nik(self, key: str, number: int, errors: list[str]) -> None:
        # The first row with a NIK keeps it even if that row fails for another reason:
        # two rows with one NIK need a person to decide which is right.
        if not key:
            return
        first = self.nik_rows.setdefault(key, number)
        if first != number:
            errors.append(f"NIK ini sama dengan baris {first} di berkas ini.")

    def _same_person_warnings(self, number: int, clean: MemberInput) -> list[str]:
        person = (_name_key(clean.full_name), clean.birth_date)
        warnings = [
            f"Sudah ada anggota bernama {clean.full_name} lahir {format_date(clean.birth_date)} ({member_number}). "
            "Pastikan ini bukan orang yang sama."
            for member_number in self.namesakes.get(person, [])[:3]
        ]
        first = self.person_rows.setdefault(person, number)
        if first != number:
            warnings.append(f"Nama dan tanggal lahir sama dengan baris {first}. Pastikan ini bukan orang yang sama.")
        return warnings


def _registered(session: Session, niks: set[str]) -> dict[str, tuple[str, str]]:
    """NIK -> (member number, name) of the members who already hold one of these NIKs."""
    found: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(sorted(niks)):
        query = select(Member.nik, Member.number, Member.full_name).where(Member.nik.in_(chunk))
        found.update({row.nik: (row.number, row.full_name) for row in session.execute(query)})
    return found


def _namesakes(session: Session, names: set[str]) -> dict[tuple[str, date], list[str]]:
    """(lower-case name, birth date) -> numbers of members already registered so."""
    found: dict[tuple[str, date], list[str]] = {}
    lowered = func.lower(Member.full_name)
    for chunk in _chunks(sorted(names - {""})):
        query = select(lowered.label("name"), Member.birth_date, Member.number).where(lowered.in_(chunk)).order_by(Member.number)
        for row in session.execute(query):
            found.setdefault((row.name, row.birth_date), []).append(row.number)
    return found


def _refuse_registered_since_preview(session: Session, rows: tuple[ValidRow, ...]) -> None:
    """Another PC may have registered one of these people since the preview."""
    registered = _registered(session, {row.data.nik for row in rows} - {""})
    for row in rows:
        if row.data.nik in registered:
            member_number, member_name = registered[row.data.nik]
            raise ConflictError(
                f"Baris {row.row}: NIK {row.data.nik} baru saja didaftarkan atas nama {member_name} ({member_number}). "
                "Buka berkasnya lagi untuk pratinjau baru."
            )


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _fold(text: str) -> str:
    """Names of kecamatan, desa and categories match whatever the case and spacing."""
    return "".join(text.split()).casefold()


def _name_key(name: str) -> str:
    return name.lower()  # as the database's lower() compares the names already registered


def _nik_key(value: object) -> str:
    return _NIK_SEPARATORS.sub("", cell_text(value))


def _number_text(value: object, label: str, errors: list[str]) -> str:
    if isinstance(value, int | float):
        errors.append(
            f"{label} tersimpan sebagai angka, sehingga Excel dapat mengubah digit terakhirnya. "
            f"Ubah format kolom {label} menjadi Teks lalu ketik ulang."
        )
        return ""
    return cell_text(value)


def _phone(value: object) -> str:
    # A phone typed into a number cell loses its leading 0; every Indonesian number has one.
    if isinstance(value, int) and not str(value).startswith("62"):
        return f"0{value}"
    return cell_text(value)


def _sex(value: object, errors: list[str]) -> Sex | None:
    text = cell_text(value)
    sex = _SEXES.get(re.sub(r"[\s\-]", "", text).casefold())
    if sex is None:
        errors.append(f"Jenis kelamin harus L atau P (tertulis '{text}')." if text else "Jenis kelamin wajib diisi.")
    return sex


def _date(value: object, label: str, errors: list[str], *, required: bool) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        if required:
            errors.append(f"{label} wajib diisi.")
        return None
    match = _DATE.fullmatch(text) if isinstance(value, str) else None
    if match is None:
        errors.append(f"{label} '{text}' tidak terbaca; tulis HH-BB-TTTT, misalnya 12-05-1985.")
        return None
    day, _, month, year = match.groups()
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        errors.append(f"{label} {text} tidak ada di kalender.")
        return None
