from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from koperasi.db.engine import SOFT_HEAP_LIMIT_BYTES
from koperasi.db.location import is_network_path, resolve_database_url


def test_sqlite_connections_use_wal_full_sync_foreign_keys_and_busy_timeout(sqlite_db):
    with sqlite_db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000
        assert pragma("soft_heap_limit") == SOFT_HEAP_LIMIT_BYTES  # SQLite's memory kept in bounds (db/engine.py)


def test_write_transactions_wait_for_each_other_instead_of_failing(sqlite_db):
    """Two read-then-write transactions: with deferred BEGIN the second fails at once."""
    from koperasi.services.transaction import write

    with sqlite_db.session() as first:
        with write(first):
            first.execute(text("SELECT count(*) FROM users")).scalar()
            outcome: list[str] = []

            def second_writer() -> None:
                with sqlite_db.session() as second:
                    with write(second):
                        second.execute(text("SELECT count(*) FROM users")).scalar()
                        second.execute(text("INSERT INTO document_counters VALUES ('B', 'KW', 2026, 1)"))
                outcome.append("committed")

            thread = threading.Thread(target=second_writer)
            thread.start()
            first.execute(text("INSERT INTO document_counters VALUES ('A', 'KW', 2026, 1)"))
            thread.join(0.3)
            assert outcome == []  # still waiting for our lock
        thread.join(10)
    assert outcome == ["committed"]


def test_network_paths_are_recognised():
    mounts = [("/", "ext4"), ("/mnt/kantor", "cifs"), ("/mnt/kantor/lokal", "ext4"), ("/srv/nfs", "nfs4")]
    assert is_network_path(Path(r"\\server\data\koperasi.db"))
    assert is_network_path(Path("//server/data/koperasi.db"))
    assert is_network_path(Path("/mnt/kantor/koperasi.db"), mounts)
    assert is_network_path(Path("/srv/nfs/a/b.db"), mounts)
    assert not is_network_path(Path("/mnt/kantor/lokal/koperasi.db"), mounts)
    assert not is_network_path(Path("/home/siti/koperasi.db"), mounts)
    assert not is_network_path(Path("/mnt/kantorlain/koperasi.db"), mounts)


@pytest.mark.parametrize("fstype", ["fuse.sshfs", "fuse.rclone", "fuse.gvfsd-fuse", "ceph", "glusterfs", "fuse.glusterfs", "NFS4"])
def test_network_filesystems_of_every_kind_are_recognised(fstype):
    mounts = [("/", "ext4"), ("/mnt/jauh", fstype)]
    assert is_network_path(Path("/mnt/jauh/koperasi.db"), mounts)


@pytest.mark.parametrize("fstype", ["ext4", "fuseblk", "fuse.ntfs-3g", "fuse.lxcfs", "tmpfs", "btrfs"])
def test_local_filesystems_stay_allowed(fstype):
    assert not is_network_path(Path("/media/flashdisk/koperasi.db"), [("/", "ext4"), ("/media/flashdisk", fstype)])


def test_a_symlink_into_a_network_mount_is_followed(tmp_path):
    share = tmp_path / "nfs-share"
    share.mkdir()
    (tmp_path / "lokal").mkdir()
    link = tmp_path / "lokal" / "data"
    link.symlink_to(share, target_is_directory=True)
    mounts = [("/", "ext4"), (str(share.resolve()), "nfs4")]
    assert is_network_path(link / "koperasi.db", mounts)
    assert not is_network_path(tmp_path / "lokal" / "koperasi.db", mounts)


def test_mount_points_with_escaped_characters_are_read(monkeypatch, tmp_path):
    from koperasi.db import location

    table = tmp_path / "mounts"
    table.write_text(r"server:/data /mnt/data\040kantor nfs4 rw 0 0" + "\n/dev/sda1 / ext4 rw 0 0\n", encoding="utf-8")
    real_open = open
    monkeypatch.setattr("builtins.open", lambda name, *a, **k: real_open(table if name == "/proc/self/mounts" else name, *a, **k))
    assert ("/mnt/data kantor", "nfs4") in location._read_mounts()


def test_open_refuses_sqlite_on_a_network_share(monkeypatch, tmp_path):
    import pytest

    from koperasi.db import location
    from koperasi.db.database import open_database

    monkeypatch.setattr(location, "_read_mounts", lambda: [("/", "ext4"), (str(tmp_path), "cifs")])
    url = resolve_database_url(str(tmp_path / "koperasi.db"), tmp_path / "unused.db")
    with pytest.raises(location.NetworkPathRefused, match="folder jaringan"):
        open_database(url)
    assert not (tmp_path / "koperasi.db").exists()


def test_database_url_resolution_order(monkeypatch, tmp_path):
    default = tmp_path / "default.db"
    assert resolve_database_url(None, default).database == str(default)
    monkeypatch.setenv("KOPERASI_DATABASE_URL", "postgresql://kantor@server/koperasi")
    from_env = resolve_database_url(None, default)
    assert from_env.drivername == "postgresql+psycopg" and from_env.host == "server"
    assert resolve_database_url(str(tmp_path / "x.db"), default).database == str(tmp_path / "x.db")


def test_database_url_accepts_postgres_scheme_and_refuses_unknown_ones(tmp_path):
    import pytest

    from koperasi.domain.errors import DomainError

    assert resolve_database_url("postgres://kantor@server/koperasi", tmp_path).drivername == "postgresql+psycopg"
    with pytest.raises(DomainError, match="hanya berkas SQLite atau server PostgreSQL"):
        resolve_database_url("mysql://kantor@server/koperasi", tmp_path)
    with pytest.raises(DomainError, match="tidak dapat dibaca"):
        resolve_database_url("postgresql://kantor@server:notaport/koperasi", tmp_path)


@pytest.mark.skipif(__import__("os").name != "posix", reason="POSIX permissions")
def test_the_database_and_its_wal_and_shm_are_readable_by_their_owner_only(tmp_path):
    import os
    import sqlite3

    from koperasi.db.database import open_database

    previous = os.umask(0o022)
    try:
        old = tmp_path / "lama.db"
        sqlite3.connect(old).close()  # an empty file left world-readable by an older version
        assert old.stat().st_mode & 0o777 == 0o644
        for path in (tmp_path / "baru.db", old):
            database = open_database(resolve_database_url(str(path), path))
            with database.engine.connect() as connection:
                connection.execute(text("SELECT count(*) FROM users"))
                files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
                assert [(f.name, f.stat().st_mode & 0o777) for f in files] == [(f.name, 0o600) for f in files]
            database.dispose()
    finally:
        os.umask(previous)


def test_an_existing_file_named_by_a_relative_url_opens(tmp_path, monkeypatch):
    """`--db sqlite:///koperasi.db` from the office folder: the look at an existing file before the engine
    touches it needs an absolute path for its file: URI (it raised ValueError, and every start crashed)."""
    from sqlalchemy.engine import make_url

    from koperasi.db.database import open_database

    monkeypatch.chdir(tmp_path)
    open_database(make_url("sqlite:///koperasi.db")).dispose()
    database = open_database(make_url("sqlite:///koperasi.db"))
    with database.session() as session:
        assert session.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    database.dispose()
