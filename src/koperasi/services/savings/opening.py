"""Opening balances of savings for an office moving from paper: each member's simpanan pokok, wajib and sukarela
as the old books show them on one day, imported from Excel like the member roster (services/sheet_import).

Every row is checked first (the preview writes nothing) and the rejected rows go back to the clerk in a workbook
with their reason. The commit posts, in one transaction, a movement per member and kind with its balanced journal
entry against Ekuitas saldo awal (no cash moves: the money is already in the office) and an audit event per member.
An opening balance is keyed by the member and the kind, so the same file imported twice posts nothing the second
time: its rows come back as already imported (a reversed opening balance may be imported again).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import JournalEntry, Member, SavingsMovement
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.ledger import Account, credit, debit
from koperasi.domain.members.register import MemberStatus
from koperasi.domain.money import format_rupiah, parse_rupiah
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.savings.rules import SavingsAction, SavingsKind
from koperasi.services import ledger
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.savings import book
from koperasi.services.sheet_import import (
    EXAMPLE,
    Cancelled,
    Progress,
    SheetColumn,
    SheetForm,
    cell,
    cell_text,
    form_sheet,
    read_sheet,
    rejected_workbook,
    step,
    workbook_bytes,
    write_help,
)
from koperasi.services.transaction import write
from koperasi import clock

ENTRY_KIND = "savings_opening"
_KEYS = uuid.UUID("6f1d3c2a-7b1e-4f0a-9c55-2d8e1a0b5c31")  # the namespace of the opening balances' entry keys
_CHUNK = 500  # values per IN (...) query, well below SQLite's limit on parameters
_AMOUNT_HELP = ("Saldo di buku lama pada tanggal saldo awal, rupiah bulat: 1500000 atau 1.500.000; kosong berarti "
                "tidak ada saldo.")

FORM = SheetForm(
    "Saldo awal",
    (
        SheetColumn("number", "Nomor anggota*", 18, "Nomor anggota seperti tercatat di program, misalnya PAU-000123.",
                    required=True),
        SheetColumn("name", "Nama", 28, "Nama anggota, untuk memeriksa: bila berbeda dari nama di program, baris "
                                        "diberi peringatan."),
        SheetColumn("pokok", "Simpanan pokok (Rp)", 18, _AMOUNT_HELP),
        SheetColumn("wajib", "Simpanan wajib (Rp)", 18, _AMOUNT_HELP),
        SheetColumn("sukarela", "Simpanan sukarela (Rp)", 18, _AMOUNT_HELP),
    ),
    template="templat saldo awal simpanan",
    split_hint="Bagi daftar saldo menjadi beberapa berkas, misalnya per desa.",
)
_NOTES = (
    "Kolom bertanda * wajib diisi. Satu baris untuk satu anggota.",
    "Baris contoh (nomornya diawali 'Contoh:') tidak ikut diimpor; boleh dihapus atau ditimpa.",
    "Tanggal saldo awal dipilih di program saat mengimpor (hari terakhir pembukuan di buku lama).",
    "Sebelum menyimpan, program menampilkan pratinjau. Baris yang ditolak beserta alasannya dapat disimpan "
    "sebagai berkas Excel, diperbaiki, lalu diimpor lagi.",
    "Saldo awal seorang anggota diimpor sekali: mengimpor berkas yang sama lagi tidak menggandakannya.",
)


@dataclass(frozen=True, slots=True)
class OpeningRow:
    row: int  # the row number the clerk sees in Excel
    member_id: uuid.UUID
    number: str
    name: str
    amounts: tuple[tuple[SavingsKind, int], ...]  # the kinds with a balance, in SavingsKind order
    warnings: tuple[str, ...]

    @property
    def total(self) -> int:
        return sum(amount for _, amount in self.amounts)


@dataclass(frozen=True, slots=True)
class RejectedOpening:
    row: int
    cells: tuple[object, ...]  # as found in the file, in FORM's column order
    reason: str


@dataclass(frozen=True, slots=True)
class OpeningPreview:
    as_of: date
    valid: tuple[OpeningRow, ...]
    rejected: tuple[RejectedOpening, ...]

    @property
    def totals(self) -> dict[SavingsKind, int]:
        found = {kind: 0 for kind in SavingsKind}
        for row in self.valid:
            for kind, amount in row.amounts:
                found[kind] += amount
        return found


def opening_template() -> bytes:
    """A blank sheet of opening balances with one example row, and a Petunjuk sheet."""
    workbook = Workbook(write_only=True)
    sheet = form_sheet(workbook, FORM)
    write_help(workbook, FORM, title="Petunjuk pengisian saldo awal simpanan", notes=_NOTES)
    example = ("Contoh: PAU-000001", "Siti Aminah", 100_000, 240_000, 55_000)
    sheet.append([cell(sheet, value, font=EXAMPLE) for value in example])
    return workbook_bytes(workbook)


def preview_opening_balances(
    session: Session, actor: Actor, data: bytes, *, as_of: date, progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> OpeningPreview:
    """Check every row against the register and the balances already imported; writes nothing."""
    authorize(session, actor, Permission.MANAGE_SAVINGS_RATES)
    _check_day(as_of)
    rows = read_sheet(data, FORM)
    checker = _RowChecker(session, [cells for _, cells in rows], as_of=as_of)
    valid: list[OpeningRow] = []
    rejected: list[RejectedOpening] = []
    for done, (number, cells) in enumerate(rows, start=1):
        result = checker.check(number, cells)
        (valid if isinstance(result, OpeningRow) else rejected).append(result)
        step(done, len(rows), progress, cancelled)
    return OpeningPreview(as_of, tuple(valid), tuple(rejected))


def commit_opening_balances(
    session: Session, actor: Actor, preview: OpeningPreview, *, progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Post every valid row of the preview in one transaction; returns how many members got their balances."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_SAVINGS_RATES)
        if not isinstance(preview, OpeningPreview) or not preview.valid:
            raise ValidationError("Tidak ada baris yang dapat diimpor.")
        _check_day(preview.as_of)
        imported = _imported(session, {row.member_id for row in preview.valid})
        for done, row in enumerate(preview.valid, start=1):
            member = book.member_of(session, row.member_id)
            if again := [kind for kind, _ in row.amounts if (member.id, kind) in imported.standing]:
                raise ConflictError(
                    f"Baris {row.row}: saldo awal {_kinds(again)} {member.number} {member.full_name} baru saja diimpor. "
                    "Buka berkasnya lagi untuk pratinjau baru.")
            book.require_active(member)
            book.check_day(preview.as_of, member)
            for kind, amount in row.amounts:
                _post(session, actor, member, kind, amount, preview.as_of, imported.reversed.get((member.id, kind), 0))
            audit.record(
                session, actor, action=AuditAction.SAVINGS_OPENING_IMPORTED, entity="member", entity_id=member.id,
                after={"as_of": preview.as_of.isoformat(), "row": row.row,
                       **{kind.label: format_rupiah(amount) for kind, amount in row.amounts}},
            )
            step(done, len(preview.valid), progress, cancelled)
    return len(preview.valid)


def rejected_rows_workbook(preview: OpeningPreview) -> bytes:
    """The rejected rows in the template's columns and the reason, to fix and import again."""
    return rejected_workbook(FORM, ((row.cells, row.reason) for row in preview.rejected))


def _post(session: Session, actor: Actor, member: Member, kind: SavingsKind, amount: int, as_of: date,
          reversed_before: int) -> None:
    # Keyed by member, kind and how many of their opening balances were reversed: a second import of the same
    # balance finds the unique key taken, while one corrected after a reversal gets a key of its own.
    key = uuid.uuid5(_KEYS, f"{member.id}:{kind.value}:{reversed_before}")
    request = {"member": member.id, "kind": kind, "amount": amount, "as_of": as_of}
    entry = ledger.post(
        session, actor, key=key, entry_date=as_of, kind=ENTRY_KIND,
        description=f"Saldo awal {kind.label.lower()} {member.number} {member.full_name}",
        lines=[debit(Account.OPENING_BALANCE, amount), credit(kind.account, amount)], request=request,
    )
    book.add_movement(session, actor, member, kind=kind, action=SavingsAction.DEPOSIT, amount=amount, change=amount,
                      occurred_on=as_of, journal_entry_id=entry.id, receipt=None)


def _check_day(as_of: object) -> None:
    if not isinstance(as_of, date) or isinstance(as_of, datetime):
        raise ValidationError("Isi tanggal saldo awal.", field="as_of")
    if as_of > clock.today():
        raise ValidationError("Tanggal saldo awal tidak boleh di masa depan.", field="as_of")


@dataclass(frozen=True, slots=True)
class _Imported:
    standing: set[tuple[uuid.UUID, SavingsKind]]  # opening balances in force
    reversed: dict[tuple[uuid.UUID, SavingsKind], int]  # how many were reversed


def _imported(session: Session, member_ids: set[uuid.UUID]) -> _Imported:
    reversal = aliased(SavingsMovement)
    standing: set[tuple[uuid.UUID, SavingsKind]] = set()
    reversed_counts: dict[tuple[uuid.UUID, SavingsKind], int] = {}
    for chunk in _chunks(sorted(member_ids)):
        rows = session.execute(
            select(SavingsMovement.member_id, SavingsMovement.kind, reversal.id.is_not(None), func.count())
            .join(JournalEntry, JournalEntry.id == SavingsMovement.journal_entry_id)
            .outerjoin(reversal, reversal.reversal_of_id == SavingsMovement.id)
            .where(JournalEntry.kind == ENTRY_KIND, SavingsMovement.member_id.in_(chunk))
            .group_by(SavingsMovement.member_id, SavingsMovement.kind, reversal.id.is_not(None))
        )
        for member_id, kind, was_reversed, count in rows:
            if was_reversed:
                reversed_counts[(member_id, SavingsKind(kind))] = count
            else:
                standing.add((member_id, SavingsKind(kind)))
    return _Imported(standing, reversed_counts)


class _RowChecker:
    """Checks rows against the register, the balances already imported and the rows above them."""

    def __init__(self, session: Session, rows: list[dict[str, object]], *, as_of: date) -> None:
        self.as_of = as_of
        numbers = {cell_text(row["number"]).upper() for row in rows} - {""}
        self.members = {}
        for chunk in _chunks(sorted(numbers)):
            query = select(Member.id, Member.number, Member.full_name, Member.status, Member.join_date).where(
                Member.number.in_(chunk))  # numbers are written in capitals (PAU-000123)
            self.members.update({row.number.upper(): row for row in session.execute(query)})
        self.imported = _imported(session, {row.id for row in self.members.values()})
        self.first_rows: dict[str, int] = {}

    def check(self, number: int, cells: dict[str, object]) -> OpeningRow | RejectedOpening:
        original = tuple(cells[c.key] for c in FORM.columns)
        errors: list[str] = []
        text = cell_text(cells["number"])
        member = self.members.get(text.upper())
        if not text:
            errors.append("Nomor anggota wajib diisi.")
        elif member is None:
            errors.append(f"Nomor anggota '{text}' tidak terdaftar di program.")
        elif (first := self.first_rows.setdefault(member.number, number)) != number:
            errors.append(f"Anggota ini sudah ada di baris {first} berkas ini.")
        amounts = [(kind, _amount(cells[kind.value], kind, errors)) for kind in SavingsKind]
        amounts = [(kind, amount) for kind, amount in amounts if amount]
        if not errors and not amounts:
            errors.append("Tidak ada saldo yang diisi.")
        if member is not None and not errors:
            errors += self._member_problems(member, [kind for kind, _ in amounts])
        if errors:
            return RejectedOpening(number, original, " ".join(errors))
        name = cell_text(cells["name"])
        warnings = () if not name or name.casefold() == member.full_name.casefold() else (
            f"Nama di berkas '{name}' berbeda dari nama di program '{member.full_name}'.",)
        return OpeningRow(number, member.id, member.number, member.full_name, tuple(amounts), warnings)

    def _member_problems(self, member, kinds: list[SavingsKind]) -> list[str]:
        if member.status != MemberStatus.ACTIVE.value:
            return [f"{member.full_name} sudah keluar dari koperasi."]
        if self.as_of < member.join_date:
            return [f"{member.full_name} baru menjadi anggota {member.join_date:%d-%m-%Y}, sesudah tanggal saldo awal."]
        if again := [kind for kind in kinds if (member.id, kind) in self.imported.standing]:
            return [f"Saldo awal {_kinds(again)} anggota ini sudah diimpor."]
        return []


def _amount(value: object, kind: SavingsKind, errors: list[str]) -> int:
    label = kind.label
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        errors.append(f"{label} tidak terbaca sebagai jumlah rupiah.")
        return 0
    if isinstance(value, float):
        if not value.is_integer():
            errors.append(f"{label} harus rupiah bulat (tertulis {value}).")
            return 0
        value = int(value)
    if isinstance(value, str):
        try:
            value = parse_rupiah(value)
        except ValidationError:
            errors.append(f"{label} '{cell_text(value)}' tidak terbaca; tulis rupiah bulat, misalnya 1.500.000.")
            return 0
    if value < 0:
        errors.append(f"{label} tidak boleh negatif.")
        return 0
    return value


def _kinds(kinds: Iterable[SavingsKind]) -> str:
    return ", ".join(kind.label.lower() for kind in kinds)


def _chunks(values: list) -> Iterable[list]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
