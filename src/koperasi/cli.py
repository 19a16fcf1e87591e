"""The ``koperasi`` command: the GUI by default, plus ``demo``, ``doctor``, ``backup`` and ``restore`` for administrators."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from koperasi import __version__, cli_district, running_marker
from koperasi.domain.errors import DomainError
from koperasi.logs import configure_logging

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_CRASH = 70
# More demo members than any real office has: a typo (an extra zero or two) would fill the disk for hours.
MAX_DEMO_MEMBERS = 200_000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="koperasi",
        description="Koperasi Berdaya: program kantor koperasi (anggota, pelatihan, pinjaman, penjualan).",
    )
    parser.add_argument("--version", action="version", version=f"Koperasi Berdaya {__version__}")
    db_help = "berkas SQLite atau URL PostgreSQL (bawaan: KOPERASI_DATABASE_URL, lalu berkas di folder data)"
    parser.add_argument("--db", metavar="PATH|URL", help=db_help)
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH")
    demo = commands.add_parser("demo", help="isi basis data baru dengan data contoh Sarolangun")
    demo.add_argument("--db", metavar="PATH|URL", help=db_help, dest="sub_db")
    demo.add_argument("--members", type=int, default=200, metavar="N",
                      help=f"jumlah anggota contoh (bawaan 200, paling banyak {MAX_DEMO_MEMBERS:,})".replace(",", "."))
    demo.add_argument("--loans", type=int, default=None, metavar="N",
                      help="jumlah pinjaman contoh dengan riwayat ~18 bulan (bawaan: satu per lima anggota)")
    demo.add_argument("--sales", type=int, default=None, metavar="N",
                      help="jumlah penjualan contoh selama setahun terakhir (bawaan: satu per dua anggota)")
    doctor = commands.add_parser("doctor", help="periksa basis data; kode keluar 0 hanya bila semuanya baik")
    doctor.add_argument("--db", metavar="PATH|URL", help=db_help, dest="sub_db")
    commands.add_parser("self-test", help="uji mandiri program ini (juga versi terpasang) pada basis data sementara")
    no_login = ("Untuk admin dan tugas terjadwal: tanpa masuk (login); tercatat di audit sebagai pengguna 'sistem'. "
                "Hanya berkas SQLite; server PostgreSQL dicadangkan dengan pg_dump.")
    backup = commands.add_parser(
        "backup", help="buat cadangan basis data yang sudah diperiksa (aman walau program sedang dipakai)",
        description="Membuat cadangan <kode kantor>-<tanggal-jam>.koperasi-backup dengan backup API SQLite, "
                    "lalu memeriksanya dengan integrity_check. " + no_login,
    )
    backup.add_argument("--db", metavar="PATH", help=db_help, dest="sub_db")
    backup.add_argument("--to", metavar="FOLDER", dest="folder",
                        help="folder tujuan, mis. flashdisk (bawaan: pengaturan folder cadangan, atau folder data/cadangan)")
    backup.add_argument("--passphrase-file", metavar="FILE",
                        help="kunci cadangan dengan kata sandi dari berkas ini (AES-256-GCM); kata sandi hilang = cadangan hilang")
    backup.add_argument("--keep", type=int, metavar="N",
                        help="sesudahnya simpan hanya N (paling sedikit 1) cadangan terbaru kantor ini di folder itu")
    restore = commands.add_parser(
        "restore", help="pulihkan basis data dari berkas cadangan (basis data saat ini disimpan di sampingnya dulu)",
        description="Memeriksa cadangan, menampilkan isinya dan meminta konfirmasi (kecuali --yes), menyimpan basis "
                    "data saat ini sebagai <nama>.sebelum-pemulihan-<waktu>.db, lalu memulihkan dan memperbarui "
                    "skemanya bila cadangan dari versi lama. Tutup program Koperasi Berdaya dulu. " + no_login,
    )
    restore.add_argument("--db", metavar="PATH", help=db_help, dest="sub_db")
    restore.add_argument("file", metavar="FILE", help="berkas cadangan (.koperasi-backup atau salinan .db)")
    restore.add_argument("--passphrase-file", metavar="FILE", help="kata sandi cadangan terkunci, dari berkas ini")
    restore.add_argument("--yes", action="store_true", help="pulihkan tanpa bertanya")
    roles = commands.add_parser(
        "setup-postgres",
        help="PostgreSQL: buat peran pemilik (migrasi) dan peran aplikasi (tanpa kuasa atas pemicu) untuk skema ini",
        description="Jalankan sebagai superuser PostgreSQL. Membuat skema terbaru bila perlu, menyerahkan tabel kepada "
                    "peran pemilik, dan memberi peran aplikasi SELECT/INSERT saja pada tabel riwayat dan audit. Program "
                    "sehari-hari tersambung sebagai peran aplikasi; aman diulang (ulangi setelah memperbarui program).",
    )
    roles.add_argument("--db", metavar="URL", help="URL PostgreSQL dengan pengguna superuser", dest="sub_db")
    roles.add_argument("--owner", default="koperasi_pemilik", help="nama peran pemilik (bawaan: koperasi_pemilik)")
    roles.add_argument("--app", default="koperasi_aplikasi", help="nama peran aplikasi (bawaan: koperasi_aplikasi)")
    roles.add_argument("--owner-password-file", metavar="FILE", help="kata sandi peran pemilik, dari berkas ini")
    roles.add_argument("--app-password-file", metavar="FILE", help="kata sandi peran aplikasi, dari berkas ini")
    cli_district.add_commands(commands, db_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a reader that stops early (``koperasi doctor | head``) ends it quietly, not as a crash."""
    try:
        try:
            return _run(argv)
        finally:
            # Flush here, inside the try, so a closed pipe shows up now and not at interpreter exit.
            sys.stdout.flush()
    except BrokenPipeError:
        # As the Python docs' "Note on SIGPIPE" advises: point stdout at devnull so the flush at exit
        # cannot fail again, and exit 1 as Python itself does on EPIPE.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEM


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    running_marker.hold()  # from here on the installer will not replace the program's files
    configure_logging()
    db_arg = getattr(args, "sub_db", None) or args.db
    try:
        _check_counts(args)
        if args.command == "demo":
            return _demo(db_arg, args.members, args.loans, args.sales)
        if args.command == "doctor":
            return _doctor(db_arg)
        if args.command == "backup":
            return _backup(db_arg, args.folder, args.passphrase_file, args.keep)
        if args.command == "restore":
            return _restore(db_arg, args.file, args.passphrase_file, assume_yes=args.yes)
        if args.command == "setup-postgres":
            return _setup_postgres(db_arg, args)
        if args.command in cli_district.COMMANDS:
            return _district(db_arg, args)
        if args.command == "self-test":
            from koperasi.gui.self_test import run_self_test

            return run_self_test()
        # The GUI imports the database layer itself, after its splash screen is up.
        from koperasi.app import run_gui

        return run_gui(db_arg)
    except BrokenPipeError:
        raise
    except DomainError as error:
        print(f"Gagal: {error.message}", file=sys.stderr)
        return EXIT_PROBLEM
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print("Terjadi kesalahan tak terduga. Detailnya tercatat di berkas log.", file=sys.stderr)
        return EXIT_CRASH


def _check_counts(args: argparse.Namespace) -> None:
    """Numbers argparse accepts but that would do harm: ``--keep 0`` kept everything and ``--keep -1``
    deleted all but one backup; a huge ``--members`` runs for hours."""
    keep = getattr(args, "keep", None)
    if keep is not None and keep < 1:
        raise DomainError(f"--keep harus 1 atau lebih (cadangan terbaru yang disimpan), bukan {keep}.")
    members = getattr(args, "members", None)
    if members is not None and not 0 <= members <= MAX_DEMO_MEMBERS:
        limit = f"{MAX_DEMO_MEMBERS:,}".replace(",", ".")
        raise DomainError(f"--members untuk data contoh harus antara 0 dan {limit}, bukan {members}.")


def _show_progress(text: str) -> None:
    """A progress line overwritten in place: for a person at a terminal only. Piped or logged (a scheduled
    backup) it would be noise, and a reader that left early must not make the backup itself fail."""
    if sys.stdout.isatty():
        print(text, end="\r", flush=True)


def _open(db_arg: str | None, **options):
    from koperasi.db.database import open_database
    from koperasi.db.location import resolve_database_url
    from koperasi.paths import default_database_path

    return open_database(resolve_database_url(db_arg, default_database_path()), **options)


def _demo(db_arg: str | None, members: int, loans: int | None, sales: int | None = None) -> int:
    from koperasi.demo import office as demo
    from koperasi.domain.money import format_rupiah
    from koperasi.services.office import profile as office

    database = _open(db_arg)
    try:
        with database.session() as session:
            if office.is_set_up(session):
                print("Basis data ini sudah berisi kantor; data contoh hanya untuk basis data baru.", file=sys.stderr)
                return EXIT_PROBLEM
            summary = demo.fill(
                session, members=members, loans=loans, sales=sales,
                progress=lambda done: _show_progress(f"  {done} anggota…"),
                loan_progress=lambda note: _show_progress(f"  {note}…"),
            )
    finally:
        database.dispose()
    print(f"Data contoh dibuat di {database.describe()}: {summary.users} pengguna, {summary.desa} desa, {summary.members} anggota, "
          f"{summary.programmes} program pelatihan ({summary.batches} angkatan, {summary.participants} peserta, "
          f"{summary.certificates} sertifikat), {summary.loans} pinjaman ({summary.movements} transaksi).")
    print(f"Penjualan setahun: {summary.sales} nota ({summary.sale_lines} baris), {summary.intakes} titipan, "
          f"{summary.payouts} pembayaran kepada penitip.")
    print(f"Jaringan setahun: {summary.meetings} pertemuan komunitas, {summary.opportunities} peluang, {summary.referrals} rujukan.")
    if summary.closed_years:
        divided = (f"SHU {summary.closed_years[-1]} {format_rupiah(summary.shu)} dibagi, {summary.shu_paid} bagian anggota dibayar"
                   if summary.shu > 0 else f"tahun {summary.closed_years[-1]} rugi, tidak ada SHU dibagi")
        print(f"Tutup buku: {', '.join(map(str, summary.closed_years))} ditutup; {divided}.")
    print(f"Masuk dengan nama pengguna '{demo.DEMO_ADMIN}' dan kata sandi '{demo.DEMO_PASSWORD}'.")
    return EXIT_OK


def _doctor(db_arg: str | None) -> int:
    from koperasi.services.office import health

    from koperasi.services.district import checks as district_checks
    from koperasi.services.district.mode import is_district

    database = _open(db_arg, migrate_schema=False, must_exist=True)
    try:
        with database.session() as session:
            report = health.examine(session)
            if report.ok and is_district(session):
                parts, warnings = district_checks.office_parts(session)
                report.checks.extend(parts)
                report.warnings.extend(warnings)
    finally:
        database.dispose()
    print(f"Basis data: {database.describe()}")
    for check in report.checks:
        print(f"[{'OK' if check.ok else 'GAGAL'}] {check.name}: {check.detail}")
    if report.row_counts:
        print("Jumlah baris:")
        for table, count in report.row_counts.items():
            print(f"  {table:<20} {count:>10}")
    for warning in report.warnings:
        print(f"[PERINGATAN] {warning}")
    print("Semua pemeriksaan lulus." if report.ok else "Ada pemeriksaan yang gagal.")
    return EXIT_OK if report.ok else EXIT_PROBLEM


def _district(db_arg: str | None, args: argparse.Namespace) -> int:
    database = _open(db_arg, must_exist=True)
    try:
        return cli_district.run(args, database)
    finally:
        database.dispose()


def _setup_postgres(db_arg: str | None, args: argparse.Namespace) -> int:
    from koperasi.services.office import database_roles

    owner_password, app_password = _passphrase(args.owner_password_file), _passphrase(args.app_password_file)
    database = _open(db_arg)
    try:
        if database.is_sqlite:
            raise DomainError("setup-postgres hanya untuk basis data PostgreSQL (--db postgresql://...).")
        with database.engine.begin() as connection:
            statements = database_roles.set_up_roles(
                connection, owner=args.owner, app=args.app, owner_password=owner_password, app_password=app_password
            )
    finally:
        database.dispose()
    for statement in statements:
        print(f"  {statement};")
    url = database.url.set(username=args.app, password=None)
    print(f"Selesai. Program sehari-hari tersambung sebagai peran aplikasi: "
          f"--db {url.render_as_string(hide_password=True)}")
    print(f"Setelah memasang versi baru, jalankan sekali dengan peran {args.owner} (migrasi), lalu ulangi perintah ini.")
    return EXIT_OK


def _passphrase(file: str | None) -> str | None:
    if file is None:
        return None
    from pathlib import Path

    try:
        text = Path(file).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DomainError(f"Berkas kata sandi tidak dapat dibaca ({file}): {error.strerror}.") from error
    except UnicodeDecodeError as error:
        raise DomainError(
            f"Berkas kata sandi bukan teks UTF-8 ({file}). Simpan ulang kata sandinya sebagai teks UTF-8 "
            "(misalnya dengan Notepad: Simpan sebagai, Encoding UTF-8)."
        ) from error
    passphrase = text.rstrip("\r\n")
    if not passphrase:
        raise DomainError(f"Berkas kata sandi kosong: {file}")
    return passphrase


def _print_backup(info) -> None:
    from koperasi.domain.office.backup_names import describe_counts

    made = info.created_at.astimezone().strftime("%d-%m-%Y %H:%M:%S")
    print(f"  Kantor      : {info.office_name} ({info.office_code})")
    print(f"  Dibuat      : {made}")
    print(f"  Versi skema : {info.schema_revision}")
    print(f"  Ukuran      : {info.size_bytes:,} bita".replace(",", "."))
    print(f"  Terkunci    : {'ya (kata sandi)' if info.encrypted else 'tidak'}")
    for label, count in describe_counts(info.counts):
        print(f"  {label:<26} {count:>10}")


def _backup(db_arg: str | None, folder: str | None, passphrase_file: str | None, keep: int | None) -> int:
    from pathlib import Path

    from koperasi.services.office import backup

    passphrase = _passphrase(passphrase_file)
    database = _open(db_arg, migrate_schema=False, must_exist=True)
    try:
        info = backup.system_backup(
            database, folder=Path(folder) if folder else None, passphrase=passphrase,
            progress=lambda done, total: _show_progress(f"  {100 * done // max(total, 1)}%…"),
        )
        deleted = backup.prune_backups(info.path.parent, keep, office_code=info.office_code) if keep is not None else []
    finally:
        database.dispose()
    print(f"Cadangan dibuat dan diperiksa (integrity_check: ok): {info.path}")
    _print_backup(info)
    if deleted:
        print(f"{len(deleted)} cadangan lama dihapus (disimpan {keep} terbaru).")
    if info.encrypted:
        print("Cadangan ini terkunci: tanpa kata sandinya tidak dapat dipulihkan. Simpan kata sandi di tempat aman.")
    return EXIT_OK


def _restore(db_arg: str | None, file: str, passphrase_file: str | None, *, assume_yes: bool) -> int:
    from pathlib import Path

    from sqlalchemy.orm import sessionmaker

    from koperasi.db import location
    from koperasi.db.database import Database
    from koperasi.db.engine import create_database_engine
    from koperasi.paths import default_database_path
    from koperasi.services.office import backup

    passphrase = _passphrase(passphrase_file)
    url = location.resolve_database_url(db_arg, default_database_path())
    if url.get_backend_name() == "sqlite":
        location.check_local_file(Path(url.database or ""))
    # Not open_database: the current file may be the damaged one this restore replaces.
    engine = create_database_engine(url)
    database = Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    try:
        if not database.is_sqlite:
            raise DomainError(backup.POSTGRES)
        info = backup.inspect_backup(Path(file), passphrase=passphrase)
        print(f"Cadangan {info.path} (diperiksa: utuh):")
        _print_backup(info)
        print(f"Akan menggantikan: {database.describe()}")
        if not assume_yes:
            try:
                answer = input("Pulihkan? Data saat ini disimpan di sampingnya dulu. Ketik 'ya' untuk melanjutkan: ")
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("ya", "y"):
                print("Dibatalkan; tidak ada yang diubah.", file=sys.stderr)
                return EXIT_PROBLEM
        aside = backup.restore_backup(
            database, Path(file), passphrase=passphrase,
            progress=lambda done, total: _show_progress(f"  {100 * done // max(total, 1)}%…"),
        )
    finally:
        database.dispose()
    print("Data dipulihkan dan diperiksa.")
    if aside is not None:
        print(f"Basis data sebelumnya disimpan sebagai: {aside}")
    return EXIT_OK
