"""Turn database driver failures into messages a clerk can act on.

Only failures of the storage itself are translated (full disk, read-only file,
corrupt file, unreachable server, lock wait exhausted); anything else is a bug and
stays an exception for the crash handler.
"""

from __future__ import annotations

from sqlalchemy import exc

from koperasi.domain.errors import DomainError


class StorageError(DomainError):
    """The database could not be read or written; nothing was saved."""


_SQLITE_MESSAGES = [
    ("database or disk is full", "Disk penuh: data tidak tersimpan. Kosongkan ruang disk lalu coba lagi."),
    (
        "attempt to write a readonly database",
        "Basis data hanya bisa dibaca (read-only): data tidak tersimpan. "
        "Periksa izin folder data atau apakah disk terkunci.",
    ),
    (
        "file is not a database",
        "Berkas basis data rusak atau bukan basis data Koperasi Berdaya. "
        "Pulihkan dari cadangan terakhir.",
    ),
    (
        "database disk image is malformed",
        "Berkas basis data rusak. Pulihkan dari cadangan terakhir.",
    ),
    (
        "unable to open database file",
        "Berkas basis data tidak dapat dibuka. Periksa apakah foldernya ada dan boleh ditulisi.",
    ),
    (
        "database is locked",
        "Basis data sedang dipakai proses lain terlalu lama. Tunggu sebentar lalu coba lagi.",
    ),
    ("disk i/o error", "Gagal membaca atau menulis disk: data tidak tersimpan. Periksa disk komputer ini."),
]


def translate(error: exc.DBAPIError) -> StorageError | None:
    """The user-facing error for a storage failure, or None when it is not one."""
    text = str(error.orig).lower() if error.orig is not None else str(error).lower()
    for needle, message in _SQLITE_MESSAGES:
        if needle in text:
            return StorageError(message)
    if isinstance(error, exc.OperationalError) and "password authentication failed" in text:
        return StorageError("Server PostgreSQL menolak nama pengguna atau kata sandi basis data. Periksa alamat --db.")
    if isinstance(error, exc.OperationalError) and "database" in text and "does not exist" in text:
        return StorageError("Basis data dengan nama itu tidak ada di server PostgreSQL. Periksa alamat --db.")
    if isinstance(error, exc.OperationalError) and _looks_like_connection_failure(text):
        return StorageError(
            "Server basis data (PostgreSQL) tidak dapat dihubungi. Periksa apakah komputer server "
            "menyala dan terhubung ke jaringan kantor, lalu coba lagi."
        )
    return None


def _looks_like_connection_failure(text: str) -> bool:
    return any(
        needle in text
        for needle in (
            "connection refused",
            "could not connect",
            "connection failed",
            "timeout expired",
            "server closed the connection",
            "no route to host",
            "could not translate host name",
        )
    )
