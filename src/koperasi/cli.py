"""The ``koperasi`` command: the GUI by default, plus ``demo`` and ``doctor`` for administrators."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from koperasi import __version__
from koperasi.domain.errors import DomainError
from koperasi.logs import configure_logging

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_CRASH = 70


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
    demo.add_argument("--members", type=int, default=200, metavar="N", help="jumlah anggota contoh (bawaan 200)")
    demo.add_argument("--loans", type=int, default=None, metavar="N",
                      help="jumlah pinjaman contoh dengan riwayat ~18 bulan (bawaan: satu per lima anggota)")
    demo.add_argument("--sales", type=int, default=None, metavar="N",
                      help="jumlah penjualan contoh selama setahun terakhir (bawaan: satu per dua anggota)")
    doctor = commands.add_parser("doctor", help="periksa basis data; kode keluar 0 hanya bila semuanya baik")
    doctor.add_argument("--db", metavar="PATH|URL", help=db_help, dest="sub_db")
    commands.add_parser("self-test", help="uji mandiri program ini (juga versi terpasang) pada basis data sementara")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging()
    db_arg = getattr(args, "sub_db", None) or args.db
    try:
        if args.command == "demo":
            return _demo(db_arg, args.members, args.loans, args.sales)
        if args.command == "doctor":
            return _doctor(db_arg)
        if args.command == "self-test":
            from koperasi.gui.self_test import run_self_test

            return run_self_test()
        # The GUI imports the database layer itself, after its splash screen is up.
        from koperasi.app import run_gui

        return run_gui(db_arg)
    except DomainError as error:
        print(f"Gagal: {error.message}", file=sys.stderr)
        return EXIT_PROBLEM
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print("Terjadi kesalahan tak terduga. Detailnya tercatat di berkas log.", file=sys.stderr)
        return EXIT_CRASH


def _open(db_arg: str | None, **options):
    from koperasi.db.database import open_database
    from koperasi.db.location import resolve_database_url
    from koperasi.paths import default_database_path

    return open_database(resolve_database_url(db_arg, default_database_path()), **options)


def _demo(db_arg: str | None, members: int, loans: int | None, sales: int | None = None) -> int:
    from koperasi.services import demo, office

    database = _open(db_arg)
    try:
        with database.session() as session:
            if office.is_set_up(session):
                print("Basis data ini sudah berisi kantor; data contoh hanya untuk basis data baru.", file=sys.stderr)
                return EXIT_PROBLEM
            summary = demo.fill(
                session, members=members, loans=loans, sales=sales,
                progress=lambda done: print(f"  {done} anggota…", end="\r"),
                loan_progress=lambda note: print(f"  {note}…", end="\r"),
            )
    finally:
        database.dispose()
    print(f"Data contoh dibuat di {database.describe()}: {summary.users} pengguna, {summary.desa} desa, {summary.members} anggota, "
          f"{summary.programmes} program pelatihan ({summary.batches} angkatan, {summary.participants} peserta, "
          f"{summary.certificates} sertifikat), {summary.loans} pinjaman ({summary.movements} transaksi).")
    print(f"Penjualan setahun: {summary.sales} nota ({summary.sale_lines} baris), {summary.intakes} titipan, "
          f"{summary.payouts} pembayaran kepada penitip.")
    print(f"Masuk dengan nama pengguna '{demo.DEMO_ADMIN}' dan kata sandi '{demo.DEMO_PASSWORD}'.")
    return EXIT_OK


def _doctor(db_arg: str | None) -> int:
    from koperasi.services import health

    database = _open(db_arg, migrate_schema=False, must_exist=True)
    try:
        with database.session() as session:
            report = health.examine(session)
    finally:
        database.dispose()
    print(f"Basis data: {database.describe()}")
    for check in report.checks:
        print(f"[{'OK' if check.ok else 'GAGAL'}] {check.name}: {check.detail}")
    if report.row_counts:
        print("Jumlah baris:")
        for table, count in report.row_counts.items():
            print(f"  {table:<20} {count:>10}")
    print("Semua pemeriksaan lulus." if report.ok else "Ada pemeriksaan yang gagal.")
    return EXIT_OK if report.ok else EXIT_PROBLEM
