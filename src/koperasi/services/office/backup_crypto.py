"""Encrypted backup files: AES-256-GCM over the whole database file, key from scrypt.

Layout (all integers big-endian)::

    magic        16 bytes  b"KOPERASI-BACKUP\\n"
    version       1 byte   2 (1: no header digest; still read)
    log2(n), r, p 3 bytes  scrypt cost
    chunk size    4 bytes  plaintext bytes per chunk (the last chunk may be shorter, even empty)
    salt         16 bytes  random
    key check    16 bytes  scrypt output bytes 32..47: tells a wrong passphrase from a damaged file
    nonce prefix  8 bytes  random
    meta length   2 bytes, then that many bytes of JSON (office code and name, time, schema revision)
    digest       32 bytes  SHA-256 of everything above (version 2 on)
    chunks       ciphertext + 16-byte tag each

Each chunk is sealed with nonce = prefix || chunk index and associated data = the whole header ||
chunk index || last-chunk flag (the STREAM construction): a changed byte anywhere, including in the
header's description, reordered chunks or a file cut short all fail the tag check. The description
in the header is readable without the passphrase (so a folder of backups can be listed), but it is
only trusted once the file decrypts.

The digest is no protection against a forger (anyone can recompute it); it is there to tell a damaged
file from a wrong passphrase: a changed salt or key-check byte makes the key check fail exactly as a
wrong passphrase does, and the clerk would retype a right passphrase forever. A header whose digest
does not match is reported as damaged before any key is derived.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from koperasi.domain.errors import DomainError, ValidationError

MAGIC = b"KOPERASI-BACKUP\n"
FORMAT_VERSION = 2
_DIGEST_FROM_VERSION = 2
# OWASP's scrypt recommendation (FIELD-NOTES §9): N=2^17, r=8, p=1 — about half a second and 128 MiB.
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
CHUNK_SIZE = 1 << 20
MIN_PASSPHRASE = 8
_FIXED = struct.Struct(">16sBBBBI16s16s8sH")
_TAG = 16
_DIGEST = 32


class BackupRefused(DomainError):
    """The file cannot be used as a backup; ``message`` says why, in Indonesian."""


WRONG_PASSPHRASE = "Kata sandi cadangan salah. Periksa huruf besar/kecil lalu coba lagi; tanpa kata sandi yang benar cadangan ini tidak dapat dibuka."
TAMPERED = (
    "Berkas cadangan rusak atau diubah sejak dibuat (pemeriksaan keaslian gagal), "
    "sehingga tidak dapat dipakai. Pakai cadangan lain."
)
NEEDS_PASSPHRASE = "Cadangan ini dikunci dengan kata sandi. Masukkan kata sandi yang dipakai saat cadangan dibuat."
DAMAGED_HEADER = "Berkas cadangan rusak: bagian kepalanya tidak dapat dibaca. Pakai cadangan lain."


@dataclass(frozen=True, slots=True)
class Header:
    version: int
    log2_n: int
    r: int
    p: int
    chunk_size: int
    salt: bytes
    key_check: bytes
    nonce_prefix: bytes
    meta: dict[str, Any]
    raw: bytes  # the header exactly as stored: the associated data of every chunk


def check_passphrase(passphrase: str) -> str:
    """The passphrase as it is used (NFC, so the same words typed on another PC give the same key)."""
    text = unicodedata.normalize("NFC", passphrase)
    if len(text) < MIN_PASSPHRASE:
        raise ValidationError(f"Kata sandi cadangan paling sedikit {MIN_PASSPHRASE} karakter.", field="passphrase")
    return text


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(MAGIC)) == MAGIC


def read_header(file: BinaryIO) -> Header:
    fixed = file.read(_FIXED.size)
    if len(fixed) < _FIXED.size:
        raise BackupRefused(DAMAGED_HEADER)
    magic, version, log2_n, r, p, chunk_size, salt, key_check, prefix, meta_length = _FIXED.unpack(fixed)
    if magic != MAGIC:
        raise BackupRefused(DAMAGED_HEADER)
    if version > FORMAT_VERSION:
        raise BackupRefused(
            "Cadangan terenkripsi ini dibuat oleh versi Koperasi Berdaya yang lebih baru. Pasang versi program terbaru."
        )
    # Refuse costs no program of ours writes: a crafted header must not make us allocate gigabytes.
    if version < 1 or not (10 <= log2_n <= 20 and 1 <= r <= 32 and 1 <= p <= 4 and 1024 <= chunk_size <= 1 << 26):
        raise BackupRefused(DAMAGED_HEADER)
    meta_bytes = file.read(meta_length)
    if len(meta_bytes) < meta_length:
        raise BackupRefused(DAMAGED_HEADER)
    try:
        meta = json.loads(meta_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        meta = {}
    if not isinstance(meta, dict):
        meta = {}
    raw = fixed + meta_bytes
    if version >= _DIGEST_FROM_VERSION:
        digest = file.read(_DIGEST)
        if not hmac.compare_digest(digest, hashlib.sha256(raw).digest()):
            raise BackupRefused(TAMPERED)
        raw += digest
    return Header(version, log2_n, r, p, chunk_size, salt, key_check, prefix, meta, raw)


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    # cryptography's scrypt (the same bytes as hashlib's): one OpenSSL for all backup crypto, the one
    # `cryptography` carries, not the standard library's too.
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # at start-up only when a backup is read or made

    material = Scrypt(salt=salt, length=48, n=1 << log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return material[:32], material[32:]


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">IB", index, 1 if last else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def encrypt_file(
    plain: Path, target: Path, passphrase: str, meta: dict[str, Any], *, progress: Callable[[int], None] | None = None
) -> None:
    """Write ``plain`` encrypted to ``target`` (which the caller renames into place after)."""
    passphrase = check_passphrase(passphrase)
    salt, prefix = os.urandom(16), os.urandom(8)
    key, key_check = _derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    meta_bytes = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")
    header = _FIXED.pack(
        MAGIC, FORMAT_VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, CHUNK_SIZE, salt, key_check, prefix, len(meta_bytes)
    ) + meta_bytes
    if FORMAT_VERSION >= _DIGEST_FROM_VERSION:
        header += hashlib.sha256(header).digest()
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # only when a backup is made: not at start-up

    aes = AESGCM(key)
    done = 0
    with plain.open("rb") as source, target.open("wb") as out:
        out.write(header)
        index = 0
        chunk = source.read(CHUNK_SIZE)
        while True:
            following = source.read(CHUNK_SIZE) if len(chunk) == CHUNK_SIZE else b""
            last = not following
            out.write(aes.encrypt(_nonce(prefix, index), chunk, _aad(header, index, last)))
            done += len(chunk)
            if progress is not None:
                progress(done)
            if last:
                break
            chunk, index = following, index + 1
        out.flush()
        os.fsync(out.fileno())


def decrypt_file(
    source_path: Path, target: Path, passphrase: str | None, *, progress: Callable[[int], None] | None = None
) -> Header:
    """Decrypt ``source_path`` into ``target``; refuses a wrong passphrase or any changed byte."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise BackupRefused(NEEDS_PASSPHRASE)
    passphrase = unicodedata.normalize("NFC", passphrase)
    with source_path.open("rb") as source:
        header = read_header(source)
        key, key_check = _derive(passphrase, header.salt, header.log2_n, header.r, header.p)
        if not hmac.compare_digest(key_check, header.key_check):
            raise BackupRefused(WRONG_PASSPHRASE)
        aes = AESGCM(key)
        sealed_size = header.chunk_size + _TAG
        done = 0
        with target.open("wb") as out:
            index = 0
            sealed = source.read(sealed_size)
            while True:
                if len(sealed) < _TAG:
                    raise BackupRefused(TAMPERED)
                following = source.read(sealed_size) if len(sealed) == sealed_size else b""
                last = not following
                try:
                    chunk = aes.decrypt(_nonce(header.nonce_prefix, index), sealed, _aad(header.raw, index, last))
                except InvalidTag as error:
                    raise BackupRefused(TAMPERED) from error
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done)
                if last:
                    break
                sealed, index = following, index + 1
    return header


# ---- a verifier of a passphrase (automatic backups locked with a passphrase asked at start-up) ----------------
# "scrypt$log2_n$r$p$salt$key check" in hex: the same derivation and key-check bytes as a backup's header, so a
# copy of the database tells no more about the passphrase than any backup locked with it already does.
_VERIFIER_SCHEME = "scrypt"
DAMAGED_VERIFIER = (
    "Catatan kunci cadangan otomatis di basis data rusak. Admin perlu mengatur ulang kata sandi cadangan otomatis "
    "(Berkas → Kata sandi cadangan otomatis)."
)


def make_verifier(passphrase: str) -> str:
    """What the database keeps to recognise ``passphrase`` again: never the passphrase, nor the key itself."""
    passphrase = check_passphrase(passphrase)
    salt = os.urandom(16)
    _, key_check = _derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    return "$".join((_VERIFIER_SCHEME, str(SCRYPT_LOG2_N), str(SCRYPT_R), str(SCRYPT_P), salt.hex(), key_check.hex()))


def matches_verifier(passphrase: str, verifier: str) -> bool:
    """Whether ``passphrase`` is the one ``verifier`` was made from; a damaged verifier is refused in words."""
    parts = verifier.split("$")
    try:
        scheme, log2_n, r, p, salt, key_check = parts[0], *map(int, parts[1:4]), *map(bytes.fromhex, parts[4:6])
    except ValueError:
        raise DomainError(DAMAGED_VERIFIER) from None
    # The same bounds as a backup's header: a changed row must not make us allocate gigabytes.
    if scheme != _VERIFIER_SCHEME or not (10 <= log2_n <= 20 and 1 <= r <= 32 and 1 <= p <= 4) \
            or len(salt) != 16 or len(key_check) != 16:
        raise DomainError(DAMAGED_VERIFIER)
    try:
        _, derived = _derive(unicodedata.normalize("NFC", passphrase), salt, log2_n, r, p)
    except UnicodeEncodeError:  # a lone surrogate: no passphrase anyone set
        return False
    return hmac.compare_digest(derived, key_check)
