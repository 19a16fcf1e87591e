from __future__ import annotations

import re

import pytest

from koperasi import __version__
from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.db.location import resolve_database_url
from koperasi.services.office import auth
from koperasi.demo import office as demo


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and __version__ in capsys.readouterr().out


def test_demo_then_doctor_passes_and_the_named_login_works(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "admin" in out
    line = next(text for text in out.split("\n") if "Data contoh dibuat" in text)
    assert re.search(r"200 anggota, \d+ program pelatihan \(\d+ angkatan, \d+ peserta, \d+ sertifikat\), 40 pinjaman \(\d+ transaksi\)\.$",
                     line), line
    assert main(["doctor", "--db", str(path)]) == 0
    report = capsys.readouterr().out
    assert "[GAGAL]" not in report and "Semua pemeriksaan lulus." in report
    database = open_database(resolve_database_url(str(path), path))
    with database.session() as session:
        assert auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD).username == "admin"
    database.dispose()


def test_demo_refuses_a_database_already_in_use(tmp_path, capsys):
    path = tmp_path / "demo.db"
    main(["demo", "--db", str(path)])
    assert main(["demo", "--db", str(path)]) == 1
    assert "sudah berisi kantor" in capsys.readouterr().err


def test_doctor_fails_on_a_missing_or_corrupt_file_without_a_traceback(tmp_path, capsys):
    assert main(["doctor", "--db", str(tmp_path / "tidak-ada.db")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    corrupt = tmp_path / "rusak.db"
    corrupt.write_bytes(b"garbage" * 1000)
    assert main(["doctor", "--db", str(corrupt)]) == 1
    err = capsys.readouterr().err
    assert "rusak" in err and "Traceback" not in err


def test_doctor_fails_on_an_old_schema(tmp_path, capsys):
    from koperasi.db import migrate
    from koperasi.db.engine import create_database_engine

    path = tmp_path / "lama.db"
    engine = create_database_engine(resolve_database_url(str(path), path))
    migrate.upgrade(engine, "0001")
    engine.dispose()
    assert main(["doctor", "--db", str(path)]) == 1
    assert "program ini memakai" in capsys.readouterr().out


def test_a_bad_database_url_gets_one_clear_line_and_no_traceback(capsys):
    assert main(["doctor", "--db", "mysql://kantor@server/koperasi"]) == 1
    err = capsys.readouterr().err
    assert "hanya berkas SQLite atau server PostgreSQL" in err and "Traceback" not in err


def test_an_unexpected_error_is_logged_with_its_traceback_but_the_terminal_gets_one_line(tmp_path, capsys, monkeypatch):
    from koperasi import cli
    from koperasi.logs import LOG_FILE_NAME
    from koperasi.paths import log_dir

    def broken(_db_arg):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(cli, "_doctor", broken)
    assert main(["doctor", "--db", str(tmp_path / "x.db")]) == cli.EXIT_CRASH
    err = capsys.readouterr().err
    assert "Terjadi kesalahan tak terduga" in err and "Traceback" not in err
    assert "ZeroDivisionError" in (log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_backup_and_restore_round_trip_on_the_command_line(tmp_path, capsys, monkeypatch):
    import sqlite3
    from contextlib import closing

    from koperasi.services.office import backup_crypto

    monkeypatch.setattr(backup_crypto, "SCRYPT_LOG2_N", 12)
    path = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(path), "--members", "20", "--loans", "4", "--sales", "6"]) == 0
    secret = tmp_path / "sandi.txt"
    secret.write_text("kunci rahasia kantor\n", encoding="utf-8")
    capsys.readouterr()

    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "usb"), "--passphrase-file", str(secret)]) == 0
    out = capsys.readouterr().out
    made = next((tmp_path / "usb").iterdir())
    assert str(made) in out and "integrity_check: ok" in out and "Anggota" in out and "terkunci" in out.lower()

    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DELETE FROM member_categories")  # a mistake the office wants undone
        connection.commit()

    # Without --yes it asks; anything but "ya" changes nothing.
    monkeypatch.setattr("builtins.input", lambda prompt: "tidak")
    assert main(["restore", "--db", str(path), str(made), "--passphrase-file", str(secret)]) == 1
    captured = capsys.readouterr()
    assert "Kantor" in captured.out and "Dibatalkan" in captured.err
    monkeypatch.setattr("builtins.input", lambda prompt: "ya")
    assert main(["restore", "--db", str(path), str(made), "--passphrase-file", str(secret)]) == 0
    out = capsys.readouterr().out
    assert "Data dipulihkan" in out and "sebelum-pemulihan" in out
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT count(*) FROM member_categories").fetchone()[0] > 0
    assert main(["doctor", "--db", str(path)]) == 0


def test_backup_and_restore_refusals_exit_1_with_the_reason_on_stderr(tmp_path, capsys):
    path = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(path), "--members", "5", "--loans", "1", "--sales", "1"]) == 0
    capsys.readouterr()
    junk = tmp_path / "x.koperasi-backup"
    junk.write_bytes(b"bukan cadangan" * 100)
    assert main(["restore", "--db", str(path), str(junk), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "bukan cadangan Koperasi Berdaya" in err and "Traceback" not in err
    short = tmp_path / "pendek.txt"
    short.write_text("pendek", encoding="utf-8")
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "usb"), "--passphrase-file", str(short)]) == 1
    assert "paling sedikit 8" in capsys.readouterr().err
    assert main(["backup", "--db", str(tmp_path / "tidak-ada.db")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    assert main(["backup", "--db", "postgresql://kantor@127.0.0.1:1/koperasi"]) == 1
    assert capsys.readouterr().err.startswith("Gagal:")


def test_scheduled_backups_keep_the_newest_n(tmp_path, capsys):
    path = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(path), "--members", "5", "--loans", "1", "--sales", "1"]) == 0
    for _ in range(3):
        assert main(["backup", "--db", str(path), "--keep", "2"]) == 0
    from koperasi.paths import backups_dir

    assert len(list(backups_dir().iterdir())) == 2
    assert "1 cadangan lama dihapus" in capsys.readouterr().out



@pytest.mark.parametrize("command", ["doctor", "backup"])
def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly_not_as_a_crash(tmp_path, command):
    """``koperasi doctor --db X | head``: the reader is gone before the output is written."""
    import os
    import subprocess
    import sys

    from tests.support import PINNED_MOMENT, set_up_office

    path = tmp_path / "kantor.db"
    database = open_database(resolve_database_url(str(path), path))
    set_up_office(database)
    database.dispose()
    arguments = [command, "--db", str(path)] + (["--to", str(tmp_path / "cadangan")] if command == "backup" else [])
    # The child runs on the suite's pinned day, like every test.
    script = (f"import sys; from datetime import datetime; from koperasi import clock; clock.pin(datetime.fromisoformat("
              f"{PINNED_MOMENT.isoformat()!r})); from koperasi.cli import main; sys.exit(main(sys.argv[1:]))")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already gone, as `head` has after its lines
    try:
        result = subprocess.run([sys.executable, "-c", script, *arguments],
                                stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    # Exit 1 as Python itself does on EPIPE; not 70 (a crash) and not a word on stderr.
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""


def test_a_passphrase_file_that_is_not_utf8_gets_a_message_not_a_traceback(tmp_path, capsys):
    path = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(path), "--members", "5", "--loans", "1", "--sales", "1"]) == 0
    capsys.readouterr()
    secret = tmp_path / "sandi.txt"
    secret.write_bytes("kata sandi rahasia é".encode("latin-1"))  # saved by an old editor in ANSI
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "usb"), "--passphrase-file", str(secret)]) == 1
    err = capsys.readouterr().err
    assert "bukan teks UTF-8" in err and "Traceback" not in err
    assert not (tmp_path / "usb").exists()


@pytest.mark.parametrize("keep", ["0", "-1"])
def test_backup_keep_below_one_is_refused_and_deletes_nothing(tmp_path, capsys, keep):
    path = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(path), "--members", "5", "--loans", "1", "--sales", "1"]) == 0
    usb = tmp_path / "usb"
    for _ in range(2):
        assert main(["backup", "--db", str(path), "--to", str(usb)]) == 0
    capsys.readouterr()
    assert main(["backup", "--db", str(path), "--to", str(usb), "--keep", keep]) == 1
    assert "--keep harus 1 atau lebih" in capsys.readouterr().err
    assert len(list(usb.iterdir())) == 2


def test_demo_members_has_an_upper_bound(tmp_path, capsys):
    from koperasi.cli import MAX_DEMO_MEMBERS

    path = tmp_path / "demo.db"
    for members in (MAX_DEMO_MEMBERS + 1, 100_000_000, -5):
        assert main(["demo", "--db", str(path), "--members", str(members)]) == 1
        err = capsys.readouterr().err
        assert "antara 0 dan 200.000" in err and "Traceback" not in err
    assert not path.exists()


@pytest.mark.parametrize("url", [
    "postgresql://kantor:RahasiaSekali@127.0.0.1:1/koperasi",  # nobody answers
    "postgresql://kantor:RahasiaSekali@127.0.0.1:bukan-port/koperasi",  # unreadable
    "postgresql://kantor:RahasiaSekali@127.0.0.1:5432/koperasi?sslmode=ngawur",  # a driver error: logged with its traceback
    "mysql://kantor:RahasiaSekali@server/koperasi",  # unsupported
])
def test_a_database_password_never_reaches_the_log_or_the_terminal(capsys, url):
    from koperasi.logs import LOG_FILE_NAME
    from koperasi.paths import log_dir

    assert main(["doctor", "--db", url]) != 0
    captured = capsys.readouterr()
    log_text = (log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8") if (log_dir() / LOG_FILE_NAME).exists() else ""
    assert captured.err.strip() and "Traceback" not in captured.err
    for text in (captured.out, captured.err, log_text):
        assert "RahasiaSekali" not in text


def test_the_log_masks_a_password_a_driver_echoes(caplog):
    """The safety net: whatever a library logs, a URL or key=value password is hidden in the file."""
    import logging

    from koperasi.logs import LOG_FILE_NAME, configure_logging
    from koperasi.paths import log_dir

    configure_logging()
    try:
        raise RuntimeError("connection to postgresql+psycopg://kantor:Sandi%40DB@server/koperasi failed")
    except RuntimeError:
        logging.getLogger("psycopg").exception("dsn host=server password='Sandi DB' user=kantor refused")
    logging.getLogger("koperasi").warning("opening %s", "postgresql://kantor:Sandi@DB@server/koperasi")
    text = (log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Sandi" not in text and "DB@" not in text
    assert "password=***" in text and "postgresql+psycopg://kantor:***@server/koperasi" in text


def test_restore_refuses_a_plain_backup_with_one_changed_journal_byte_and_does_not_call_it_sound(tmp_path, capsys):
    from tests.backup_support import change_one_byte_of_a_journal_amount

    path = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(path), "--members", "5", "--loans", "3", "--sales", "1"]) == 0
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "usb")]) == 0
    made = next((tmp_path / "usb").iterdir())
    change_one_byte_of_a_journal_amount(made)
    capsys.readouterr()

    assert main(["restore", "--db", str(path), str(made), "--yes"]) == 1
    captured = capsys.readouterr()
    assert "utuh" not in captured.out
    assert "rusak atau diubah sejak dibuat" in captured.err and "Traceback" not in captured.err
    assert not list(tmp_path.glob("*sebelum-pemulihan*"))
    assert main(["doctor", "--db", str(path)]) == 0
