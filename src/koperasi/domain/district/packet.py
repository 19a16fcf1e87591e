"""The *paket laporan*: what one office sends its district, as a documented, versioned format.

A packet is a zip file (``<office code>-<as of>.paket-laporan``) holding:

- ``manifest.json``: the format name and version, the office (id, code, name, kecamatan, kabupaten), the moment
  the data is as of (UTC), whether personal data is included, the office's Ed25519 public key, and for each
  content file its SHA-256 and its number of rows;
- ``manifest.sig``: the Ed25519 signature of ``manifest.json``'s exact bytes by the office's key;
- ``figures.json``: the office's own Beranda figures as of that moment (the numbers its own screens show);
  from version 2 also its trainings and sales by kecamatan (``by_kecamatan``) and its impact indicators for the
  year to the day (``impact``: counts, and the followed-up households' income changes with nothing that says whose);
  from version 3 also the office's whole Beranda figures (``beranda``: the tiles' named lines, late loans without
  the members' names and numbers unless personal data is included);
- ``members.jsonl``, ``loans.jsonl``: one JSON object a line, personal data reduced (see ``MEMBER_FIELDS``).

The signature covers the manifest, the manifest covers every content file by its digest: a changed byte
anywhere fails one of the two checks. Nothing here reads a file or a database; the services do.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.office.profile import OfficeProfile

FORMAT = "koperasi-berdaya/paket-laporan"
# 2: figures.json gained the kecamatan lines and the impact indicators; 3: the office's whole Beranda figures.
VERSION = 3
READABLE = (1, 2, 3)  # the district still reads the older packets
SUFFIX = ".paket-laporan"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
FIGURES, MEMBERS, LOANS = "figures.json", "members.jsonl", "loans.jsonl"
CONTENT_FILES = (FIGURES, MEMBERS, LOANS)

# What the district always sees of a member, and what only a packet with personal data adds.
MEMBER_FIELDS = ("id", "kecamatan_code", "kecamatan", "sex", "join_date", "left_on")
PERSONAL_FIELDS = ("number", "full_name", "nik")
LOAN_FIELDS = ("id", "kecamatan", "outstanding", "arrears", "days_past_due", "at_risk")


class PacketRefused(DomainError):
    """A packet the district does not take in; ``message`` says why, in words for the district's clerk."""


# The reasons, one place: tests and screens compare against them.
NOT_A_PACKET = "Berkas ini bukan paket laporan Koperasi Berdaya, atau terpotong/rusak saat disalin."
WRONG_VERSION = "Paket ini dibuat dengan format versi {version}; program ini membaca versi {supported}. Perbarui program kabupaten."
UNKNOWN_KEY = ("Kunci paket ini (sidik {fingerprint}) tidak terdaftar. Daftarkan kantornya dulu dengan sidik kunci "
               "dari lembar pendaftaran kertas.")
BAD_SIGNATURE = "Tanda tangan paket tidak cocok: isi paket sudah diubah setelah ditandatangani kantor."
TAMPERED = "Isi paket ({name}) tidak sama dengan yang ditandatangani kantor: berkas diubah atau rusak."
OTHER_KABUPATEN = "Paket ini dari kabupaten {theirs}, bukan kabupaten ini ({ours})."
OTHER_OFFICE = "Kunci ini terdaftar untuk kantor {registered}, tetapi paket ini mengaku dari kantor {claimed}."
OLDER = "Paket ini per {theirs}, lebih lama daripada paket kantor ini yang sudah diterima (per {held})."


@dataclass(frozen=True, slots=True)
class OfficeIdentity:
    id: str  # the office's UUID as text
    code: str
    name: str
    kecamatan_code: str
    kecamatan: str
    kabupaten_code: str


@dataclass(frozen=True, slots=True)
class Manifest:
    office: OfficeIdentity
    as_of: datetime  # aware, UTC
    personal_data: bool
    public_key: bytes  # raw Ed25519, 32 bytes
    digests: dict[str, str]  # content file -> SHA-256 hex
    counts: dict[str, int]  # content file -> rows
    version: int = VERSION


@dataclass(frozen=True, slots=True)
class RegistrationSheet:
    """The paper an office signs and sends its district once: who it is, and its key's fingerprint."""

    office: OfficeProfile
    kecamatan: str
    kabupaten: str  # the name, e.g. "Kabupaten Sarolangun"
    fingerprint: str
    key_made_on: date
    printed_on: date


def fingerprint(public_key: bytes) -> str:
    """The key's fingerprint as printed on the registration sheet: SHA-256, first 20 bytes, in groups of four.

    Forty hex digits are enough that no forged key matches by chance, few enough to read aloud over the phone.
    """
    digest = hashlib.sha256(public_key).hexdigest()[:40].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 40, 4))


def normal_fingerprint(typed: str) -> str:
    """A fingerprint as typed from paper (any case, spaces or dashes) in its printed form, or a refusal."""
    digits = "".join(ch for ch in typed.upper() if ch not in " -:\t")
    if len(digits) != 40 or any(ch not in "0123456789ABCDEF" for ch in digits):
        raise ValidationError("Sidik kunci harus 40 angka/huruf heksadesimal (0-9, A-F), seperti di lembar pendaftaran.",
                              field="fingerprint")
    return " ".join(digits[i:i + 4] for i in range(0, 40, 4))


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def manifest_document(manifest: Manifest) -> dict:
    """The manifest as the JSON object written to ``manifest.json``."""
    office = manifest.office
    return {
        "format": FORMAT,
        "version": manifest.version,
        "office": {
            "id": office.id, "code": office.code, "name": office.name, "kecamatan_code": office.kecamatan_code,
            "kecamatan": office.kecamatan, "kabupaten_code": office.kabupaten_code,
        },
        "as_of": manifest.as_of.isoformat(),
        "personal_data": manifest.personal_data,
        "public_key": base64.b64encode(manifest.public_key).decode("ascii"),
        "files": {name: {"sha256": manifest.digests[name], "rows": manifest.counts[name]} for name in CONTENT_FILES},
    }


def read_manifest(document: object) -> Manifest:
    """The manifest from its parsed JSON, or ``PacketRefused`` for anything but a well-formed one of a version read here."""
    try:
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise PacketRefused(NOT_A_PACKET)
        version = document.get("version")
        if type(version) is not int or version not in READABLE:
            raise PacketRefused(WRONG_VERSION.format(version=version, supported=" atau ".join(map(str, READABLE))))
        office = document["office"]
        identity = OfficeIdentity(*(_text(office[key]) for key in (
            "id", "code", "name", "kecamatan_code", "kecamatan", "kabupaten_code")))
        as_of = datetime.fromisoformat(_text(document["as_of"]))
        if as_of.tzinfo is None:
            raise PacketRefused(NOT_A_PACKET)
        public_key = base64.b64decode(_text(document["public_key"]), validate=True)
        files = document["files"]
        digests = {name: _text(files[name]["sha256"]) for name in CONTENT_FILES}
        counts = {name: files[name]["rows"] for name in CONTENT_FILES}
        if len(public_key) != 32 or not all(type(n) is int and n >= 0 for n in counts.values()):
            raise PacketRefused(NOT_A_PACKET)
        if not isinstance(document["personal_data"], bool):
            raise PacketRefused(NOT_A_PACKET)
        return Manifest(identity, as_of, document["personal_data"], public_key, digests, counts, version)
    except (KeyError, TypeError, ValueError) as error:
        raise PacketRefused(NOT_A_PACKET) from error


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > 500:
        raise ValueError("not a short text")
    return value


def file_name(office_code: str, office_id: str, as_of_local: datetime) -> str:
    """``PAU-20261128-093000-1a2b3c4d.paket-laporan``: sorted by name, an office's packets come oldest first;
    the id's start keeps two offices of one code (or the demo's) apart on one stick."""
    return f"{office_code}-{as_of_local:%Y%m%d-%H%M%S}-{office_id[:8]}{SUFFIX}"
