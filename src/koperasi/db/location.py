"""Where the database lives, and refusing places where SQLite would corrupt it.

SQLite's locking is unreliable on network file systems (sqlite.org/whentouse.html):
an office with several PCs must use PostgreSQL instead of a shared ``.db`` file.

SQLAlchemy is imported by the functions that need it, not with the module: start-up finds the SQLite file
and checks where it lies before SQLAlchemy is loaded (app.run_gui).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from koperasi.domain.errors import DomainError
from koperasi.logs import mask_credentials

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ENV_DATABASE_URL = "KOPERASI_DATABASE_URL"
_NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smbfs", "smb3", "afs", "ncpfs", "9p", "davfs", "coda",
     "ceph", "glusterfs", "lustre", "gpfs", "beegfs", "ocfs2", "gfs2", "orangefs"}
)
# FUSE file systems show as "fuse.<program>"; these programs reach their files over the network
# (GNOME's gvfsd-fuse holds the SMB, SFTP and WebDAV shares opened in the file manager).
_NETWORK_FUSE = frozenset(
    {"sshfs", "rclone", "s3fs", "gcsfuse", "goofys", "davfs2", "curlftpfs", "smbnetfs", "gvfsd-fuse", "glusterfs",
     "ceph", "ceph-fuse", "cephfs", "juicefs", "blobfuse", "blobfuse2", "seaweedfs", "moosefs", "mfs", "lizardfs",
     "sshfs-win", "keybase", "onedriver", "google-drive-ocamlfuse"}
)
_MOUNT_ESCAPE = re.compile(r"\\([0-7]{3})")
_DRIVE_REMOTE = 4  # GetDriveTypeW
_SUPPORTED_DRIVERS = frozenset({"sqlite", "sqlite+pysqlite", "postgresql+psycopg"})
# An SQLite URL with nothing in it but the file (no host, no options): its file is plain to see without SQLAlchemy.
_PLAIN_SQLITE_URL = re.compile(r"sqlite(?:\+pysqlite)?:///(?P<database>[^?]+)")


class NetworkPathRefused(DomainError):
    pass


def resolve_database_url(arg: str | None, default_path: Path) -> URL:
    """``--db`` wins, then the environment, then the file in the user data folder.

    ``--db`` may be a URL (``postgresql+psycopg://...``) or a plain file path.
    """
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    value = _chosen(arg, default_path)
    if "://" in value:
        try:
            url = make_url(value)
        except (ArgumentError, ValueError) as error:  # ValueError: a port that is not a number
            raise DomainError(f"Alamat basis data tidak dapat dibaca: {mask_credentials(value)}") from error
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        if url.drivername not in _SUPPORTED_DRIVERS:
            raise DomainError(
                "Basis data yang didukung hanya berkas SQLite atau server PostgreSQL "
                f"(postgresql://pengguna@server/nama), bukan '{url.drivername}'."
            )
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(value).expanduser().absolute()))


def plain_sqlite_file(arg: str | None, default_path: Path) -> Path | None:
    """The SQLite file ``resolve_database_url`` names, found without SQLAlchemy; None for anything else
    (PostgreSQL, or an SQLite URL with more in it than the file): only ``resolve_database_url`` may say then."""
    value = _chosen(arg, default_path)
    if "://" not in value:
        return Path(value).expanduser().absolute()
    plain = _PLAIN_SQLITE_URL.fullmatch(value)
    return Path(unquote(plain["database"])) if plain else None


def _chosen(arg: str | None, default_path: Path) -> str:
    return arg or os.environ.get(ENV_DATABASE_URL) or str(default_path)


def shown(arg: str | None) -> str:
    """``--db`` as it may be logged or shown: a URL with its password hidden."""
    if arg is None:
        return "(bawaan)"
    if "://" not in arg:
        return arg
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(arg).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return mask_credentials(arg)


def is_network_path(path: Path, mounts: list[tuple[str, str]] | None = None) -> bool:
    """True for UNC paths, mapped network drives (Windows) and network mounts (POSIX).

    ``mounts`` (mount point, file system type) is injectable for tests; by default it
    is read from ``/proc/self/mounts``.
    """
    # Where the file really is: a symlink (or a Windows mapped drive, which resolves to its UNC path)
    # must not smuggle a network share past the checks below.
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop, an unreachable drive
        real = path.absolute()
    if any(str(place).startswith(("\\\\", "//")) for place in (path, real)):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(path) or _windows_drive_is_remote(real)
    if mounts is None:
        mounts = _read_mounts()
    resolved = str(real)
    best = ""
    fstype = ""
    for mount_point, kind in mounts:
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, kind
    return is_network_filesystem(fstype)


def is_network_filesystem(fstype: str) -> bool:
    """A file system type as /proc/self/mounts names it (``nfs4``, ``fuse.sshfs`` ...)."""
    kind = fstype.lower()
    if kind.startswith("fuse."):
        return kind.removeprefix("fuse.") in _NETWORK_FUSE
    return kind in _NETWORK_FILESYSTEMS


def check_local_file(path: Path) -> None:
    if is_network_path(path):
        raise NetworkPathRefused(
            f"Basis data SQLite tidak boleh berada di folder jaringan ({path}): datanya bisa rusak. "
            "Simpan di disk komputer ini, atau pakai server PostgreSQL untuk kantor dengan beberapa PC."
        )


def _read_mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/self/mounts", encoding="utf-8") as mounts:
            return [
                (_MOUNT_ESCAPE.sub(lambda m: chr(int(m[1], 8)), fields[1]), fields[2])
                for fields in (line.split() for line in mounts)
                if len(fields) >= 3
            ]
    except OSError:
        return []


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = path.absolute().drive
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE
