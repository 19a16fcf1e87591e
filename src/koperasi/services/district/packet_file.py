"""The packet as a file: written atomically, read back whole and checked against its signature and digests.

The format itself (what the manifest says, the file names, the refusals) is ``domain/district/packet.py``.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from koperasi.domain.district import packet
from koperasi.domain.district.packet import PacketRefused
from koperasi.domain.errors import DomainError
from koperasi.services.district.encryption import is_sealed, open_sealed, seal

# A real packet of 10,000 members is ~1 MB; anything far larger is not one (and must not fill the memory).
MAX_PACKET_BYTES = 200 * 1024 * 1024
MAX_CONTENT_BYTES = 400 * 1024 * 1024  # uncompressed, against a zip bomb


def write_packet(path: Path, manifest: packet.Manifest, key: Ed25519PrivateKey, contents: dict[str, bytes], *,
                 seal_for: bytes | None = None) -> int:
    """Write the packet (sealed for the district's public key ``seal_for`` when given) beside its final name and
    rename it into place: a pulled USB stick leaves no half packet under the real name."""
    manifest_bytes = json.dumps(packet.manifest_document(manifest), sort_keys=True, indent=1).encode()
    files = {packet.MANIFEST: manifest_bytes, packet.SIGNATURE: key.sign(manifest_bytes), **contents}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content,
                             compress_type=zipfile.ZIP_DEFLATED)
    written = seal(buffer.getvalue(), seal_for) if seal_for else buffer.getvalue()
    partial = path.with_name(path.name + ".sebagian")
    try:
        with open(partial, "wb") as file:
            file.write(written)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DomainError(f"Paket tidak dapat ditulis ke {path.parent}: {error.strerror or error}.") from error
    return len(written)


@dataclass(frozen=True, slots=True)
class PacketContent:
    manifest: packet.Manifest
    digest: str  # of the whole file: the same packet twice is the same file
    files: dict[str, bytes]


def read_packet(path: Path, district_key: X25519PrivateKey | None = None) -> PacketContent:
    """The packet's parts (opened with ``district_key`` when sealed), checked against its signature and digests;
    refused with a reason otherwise."""
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_PACKET_BYTES else b""
    except OSError as error:
        raise PacketRefused(f"Berkas tidak dapat dibaca: {error.strerror or error}.") from error
    try:
        with zipfile.ZipFile(io.BytesIO(open_sealed(raw, district_key) if is_sealed(raw) else raw)) as archive:
            names = {info.filename: info for info in archive.infolist()}
            wanted = (packet.MANIFEST, packet.SIGNATURE, *packet.CONTENT_FILES)
            if set(names) != set(wanted) or sum(names[name].file_size for name in wanted) > MAX_CONTENT_BYTES:
                raise PacketRefused(packet.NOT_A_PACKET)
            parts = {name: archive.read(name) for name in wanted}
    # A damaged stick shows up as any of these, from the zip directory to the deflate stream (zlib.error).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise PacketRefused(packet.NOT_A_PACKET) from error
    try:
        document = json.loads(parts[packet.MANIFEST])
    except (ValueError, UnicodeDecodeError) as error:
        raise PacketRefused(packet.NOT_A_PACKET) from error
    manifest = packet.read_manifest(document)
    try:
        Ed25519PublicKey.from_public_bytes(manifest.public_key).verify(parts[packet.SIGNATURE], parts[packet.MANIFEST])
    except (InvalidSignature, ValueError) as error:
        raise PacketRefused(packet.BAD_SIGNATURE) from error
    for name in packet.CONTENT_FILES:
        if packet.digest(parts[name]) != manifest.digests[name]:
            raise PacketRefused(packet.TAMPERED.format(name=name))
    return PacketContent(manifest, packet.digest(raw), {name: parts[name] for name in packet.CONTENT_FILES})
