"""District mode: the register of offices, and Terima paket.

An office is registered by the fingerprint printed on its paper registration sheet; its first packet then
tells the district its id, code and name. A packet is taken in only when it is whole, signed by a
registered key, of this kabupaten and newer than what the district holds from that office; it then
makes that office's rows the packet's in one transaction, writing only the rows that differ. The same packet
twice changes nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from koperasi.db.models import DistrictLoan, DistrictMember, DistrictOffice
from koperasi.domain.district import packet
from koperasi.domain.district.figures import (
    BY_KECAMATAN, IMPACT, OfficeFigures, activity_document, activity_from_document, as_document, from_document,
    impact_document, impact_from_document,
)
from koperasi.domain.district.monthly import MONTHLY, monthly_document, monthly_from_document
from koperasi.domain.district.packet import PacketRefused
from koperasi.domain.errors import ConflictError, DomainError, ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.settings import HOME_KABUPATEN
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.district.beranda_figures import BERANDA, beranda_document, beranda_from_document
from koperasi.services.district.district_key import held_key
from koperasi.services.district.mode import require_district_mode
from koperasi.services.district.packet_file import PacketContent, read_packet
from koperasi.services.office import audit
from koperasi.services.office.settings import value_of
from koperasi.services.transaction import write
from koperasi import clock

BATCH = 2000


class Outcome(StrEnum):
    ACCEPTED = "diterima"
    UNCHANGED = "sudah ada"
    REFUSED = "ditolak"


@dataclass(frozen=True, slots=True)
class ImportResult:
    file: str
    outcome: Outcome
    reason: str  # why refused, or what was taken in
    office: str = ""


@dataclass(frozen=True, slots=True)
class RegisteredOffice:
    id: uuid.UUID
    fingerprint: str
    label: str
    office_code: str
    office_name: str
    kecamatan: str
    as_of: datetime | None
    received_at: datetime | None


def register_office(session: Session, actor: Actor, *, fingerprint: str, label: str) -> RegisteredOffice:
    """Add an office to the register by the fingerprint on its paper sheet."""
    with write(session):
        authorize(session, actor, Permission.EXCHANGE_REPORTS)
        require_district_mode(session)
        printed = packet.normal_fingerprint(fingerprint) if isinstance(fingerprint, str) else packet.normal_fingerprint("")
        label = " ".join(label.split()) if isinstance(label, str) else ""
        if not 1 <= len(label) <= 120 or "\x00" in label:
            raise ValidationError("Nama kantor wajib diisi (paling banyak 120 karakter).", field="label")
        if session.scalar(select(DistrictOffice.id).where(DistrictOffice.fingerprint == printed)) is not None:
            raise ConflictError("Sidik kunci ini sudah terdaftar.")
        row = DistrictOffice(fingerprint=printed, label=label, registered_at=clock.now(), personal_data=False)
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.DISTRICT_OFFICE_REGISTERED, entity="district_office",
                     entity_id=row.id, after={"name": label, "sidik kunci": printed})
        return _registered(row)


def list_offices(session: Session, actor: Actor) -> list[RegisteredOffice]:
    authorize(session, actor, Permission.USE_APP)
    return [_registered(row) for row in session.scalars(select(DistrictOffice).order_by(DistrictOffice.label))]


def _registered(row: DistrictOffice) -> RegisteredOffice:
    return RegisteredOffice(row.id, row.fingerprint, row.label, row.office_code, row.office_name, row.kecamatan,
                            row.as_of, row.received_at)


def packet_files(folder: Path) -> list[Path]:
    """The packets in a folder (a USB stick), oldest name first so an office's packets arrive in order."""
    if not folder.is_dir():
        raise DomainError(f"Folder tidak ada: {folder}.")
    return sorted(path for path in folder.iterdir() if path.name.endswith(packet.SUFFIX) and path.is_file())


def import_packets(
    session: Session, actor: Actor, files: list[Path], *, progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Take in each packet on its own (one refused packet does not stop the others); a result for every file.

    Each packet is its own transaction, so ``stop`` (Batal) ends the run between two packets, and the packets
    taken in so far stay taken in; the files not reached get no result."""
    authorize(session, actor, Permission.EXCHANGE_REPORTS)
    require_district_mode(session)
    if not isinstance(files, (list, tuple)) or not all(isinstance(path, Path) for path in files):
        raise ValidationError("Pilih berkas paket laporan yang akan diterima.", field="files")
    paths = list(files)
    results = []
    for done, path in enumerate(paths):
        if stop is not None and stop():
            break
        results.append(_import_one(session, actor, path))
        if progress is not None:
            progress(done + 1, len(paths))
    return results


def _import_one(session: Session, actor: Actor, path: Path) -> ImportResult:
    try:
        content = read_packet(path, held_key(session))
        with write(session):
            return _take_in(session, actor, path.name, content)
    except DomainError as refusal:
        # A packet's own fault (PacketRefused), or one the database refused (two rows of one member: ConflictError).
        return ImportResult(path.name, Outcome.REFUSED, refusal.message)


def _take_in(session: Session, actor: Actor, file: str, content: PacketContent) -> ImportResult:
    manifest = content.manifest
    printed = packet.fingerprint(manifest.public_key)
    office = session.scalar(select(DistrictOffice).where(DistrictOffice.fingerprint == printed))
    if office is None:
        raise PacketRefused(packet.UNKNOWN_KEY.format(fingerprint=printed))
    ours = value_of(session, HOME_KABUPATEN)
    if manifest.office.kabupaten_code != ours:
        raise PacketRefused(packet.OTHER_KABUPATEN.format(theirs=manifest.office.kabupaten_code, ours=ours))
    if office.office_id is not None and str(office.office_id) != manifest.office.id:
        raise PacketRefused(packet.OTHER_OFFICE.format(registered=office.office_code, claimed=manifest.office.code))
    name = f"{manifest.office.name} ({manifest.office.code})"
    if office.packet_digest == content.digest:
        return ImportResult(file, Outcome.UNCHANGED, "Paket ini sudah diterima sebelumnya; tidak ada yang berubah.", name)
    if office.as_of is not None and manifest.as_of <= office.as_of:
        raise PacketRefused(packet.OLDER.format(theirs=_shown(manifest.as_of), held=_shown(office.as_of)))
    figures, extra = _figures(content.files[packet.FIGURES], manifest.version, manifest.personal_data)
    members = _members(content.files[packet.MEMBERS], manifest.personal_data)
    loans = _loans(content.files[packet.LOANS])
    try:
        office_id = uuid.UUID(manifest.office.id)
    except ValueError as error:
        raise PacketRefused(packet.NOT_A_PACKET) from error
    if session.scalar(select(DistrictOffice.id).where(DistrictOffice.office_id == office_id,
                                                      DistrictOffice.id != office.id)) is not None:
        raise PacketRefused("Kantor paket ini sudah terdaftar dengan kunci lain.")
    previous = office.as_of
    changed = {"anggota": _replace_changed(session, office.id, DistrictMember, "member_id", members),
               "pinjaman": _replace_changed(session, office.id, DistrictLoan, "loan_id", loans)}
    office.office_id, office.office_code, office.office_name = office_id, manifest.office.code, manifest.office.name
    office.kecamatan_code, office.kecamatan = manifest.office.kecamatan_code, manifest.office.kecamatan
    office.as_of, office.packet_digest, office.received_at = manifest.as_of, content.digest, clock.now()
    office.personal_data, office.figures = manifest.personal_data, as_document(figures) | extra
    session.flush()
    audit.record(session, actor, action=AuditAction.DISTRICT_PACKET_IMPORTED, entity="district_office",
                 entity_id=office.id, before={"per": _shown(previous)} if previous else None,
                 after={"file": file, "per": _shown(manifest.as_of), "anggota": len(members), "pinjaman": len(loans),
                        "berubah": {kind: change.as_dict() for kind, change in changed.items()}})
    taken = f"{len(members)} anggota, {len(loans)} pinjaman, per {_shown(manifest.as_of)}."
    if previous is not None:
        taken += " Dibanding paket sebelumnya: " + "; ".join(
            f"{change.added} {kind} baru, {change.changed} berubah, {change.removed} tidak ada lagi"
            for kind, change in changed.items()) + "."
    return ImportResult(file, Outcome.ACCEPTED, taken, name)


@dataclass(frozen=True, slots=True)
class Changed:
    """What a packet changed of one office's rows of one kind."""

    added: int
    changed: int
    removed: int

    def as_dict(self) -> dict[str, int]:
        return {"baru": self.added, "berubah": self.changed, "hilang": self.removed}


def _replace_changed(session: Session, office_id: uuid.UUID, model: type, key: str, rows: list[dict]) -> Changed:
    """Make the office's rows of ``model`` those of the packet, writing only what differs: rows by their id (a
    UUID the office gave), inserted when new, updated when a value changed, deleted when gone. An office's next
    packet differs from the last by the month's payments and members, so most rows are left as they are."""
    columns = [key, *(column for column in model.__table__.columns.keys() if column not in (key, "district_office_id"))]
    held = {
        values[0]: tuple(values)
        for values in session.execute(
            select(*(getattr(model, column) for column in columns)).where(model.district_office_id == office_id))
    }
    incoming = {row[key]: row for row in rows}
    if len(incoming) != len(rows):  # one member or loan twice: not what an office's program writes
        raise PacketRefused(packet.NOT_A_PACKET)
    added = [row for row_id, row in incoming.items() if row_id not in held]
    changed = [row for row_id, row in incoming.items()
               if row_id in held and tuple(row[column] for column in columns) != held[row_id]]
    removed = [row_id for row_id in held if row_id not in incoming]
    for start in range(0, len(removed), BATCH):
        session.execute(delete(model).where(model.district_office_id == office_id,
                                            getattr(model, key).in_(removed[start:start + BATCH])))
    for start in range(0, len(changed), BATCH):
        session.execute(update(model), [row | {"district_office_id": office_id} for row in changed[start:start + BATCH]])
    for start in range(0, len(added), BATCH):
        session.execute(insert(model), [row | {"district_office_id": office_id} for row in added[start:start + BATCH]])
    return Changed(len(added), len(changed), len(removed))


def _shown(moment: datetime) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def _figures(content: bytes, version: int, personal: bool) -> tuple[OfficeFigures, dict]:
    """The office's figures, and what a newer format adds to them (kept as checked, to be read back the same way)."""
    try:
        document = json.loads(content)
        figures, activity, impact = from_document(document), activity_from_document(document), impact_from_document(document)
        month = monthly_from_document(document, personal=personal)
        beranda = beranda_from_document(document, personal=personal)
    except (ValueError, UnicodeDecodeError, DomainError) as error:
        raise PacketRefused(packet.NOT_A_PACKET) from error
    if version == 1:
        return figures, {}
    if activity is None or impact is None or month is None or (version >= 3) != (beranda is not None):
        raise PacketRefused(packet.NOT_A_PACKET)
    extra = {BY_KECAMATAN: activity_document(activity), IMPACT: impact_document(impact),
             MONTHLY: monthly_document(month, personal=personal)}
    return figures, extra | ({BERANDA: beranda_document(beranda, personal=personal)} if beranda is not None else {})


def _lines(content: bytes) -> list[dict]:
    try:
        rows = [json.loads(line) for line in content.decode().splitlines() if line]
    except (ValueError, UnicodeDecodeError) as error:
        raise PacketRefused(packet.NOT_A_PACKET) from error
    if not all(isinstance(row, dict) for row in rows):
        raise PacketRefused(packet.NOT_A_PACKET)
    return rows


def _members(content: bytes, personal: bool) -> list[dict]:
    try:
        return [
            {
                "member_id": uuid.UUID(row["id"]), "kecamatan_code": _short(row["kecamatan_code"], 8),
                "kecamatan": _short(row["kecamatan"], 80), "sex": row["sex"] if row["sex"] in ("L", "P") else _bad(),
                "join_date": date.fromisoformat(row["join_date"]),
                "left_on": date.fromisoformat(row["left_on"]) if row["left_on"] is not None else None,
                "number": _short(row["number"], 16) if personal else None,
                "full_name": _short(row["full_name"], 120) if personal else None,
                "nik": _short(row["nik"], 16) if personal and row["nik"] is not None else None,
            }
            for row in _lines(content)
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise PacketRefused(packet.NOT_A_PACKET) from error


def _loans(content: bytes) -> list[dict]:
    try:
        return [
            {
                "loan_id": uuid.UUID(row["id"]), "kecamatan": _short(row["kecamatan"], 80),
                "outstanding": _count(row["outstanding"]), "arrears": _count(row["arrears"]),
                "days_past_due": _count(row["days_past_due"]),
                "at_risk": row["at_risk"] if isinstance(row["at_risk"], bool) else _bad(),
            }
            for row in _lines(content)
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise PacketRefused(packet.NOT_A_PACKET) from error


def _short(value: object, most: int) -> str:
    if not isinstance(value, str) or len(value) > most or "\x00" in value:
        raise ValueError("not a short text")
    return value


def _count(value: object) -> int:
    if type(value) is not int or not 0 <= value < 10**15:
        raise ValueError("not a count")
    return value


def _bad():
    raise ValueError("a value outside its choices")
