"""The district exchange from the command line: ``kirim-laporan`` at an office; ``mode-kabupaten``,
``daftar-kantor``, ``terima-paket`` and ``konsolidasi`` at the district.

Each acts as a user who logs in (``--pengguna``, the password asked for or read from ``--password-file``):
sending a packet and taking one in are decisions of a person the audit names, unlike a scheduled backup.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from koperasi.domain.errors import DomainError

def add_commands(commands, db_help: str) -> None:
    def command(name: str, help: str) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help)
        parser.add_argument("--db", metavar="PATH|URL", help=db_help, dest="sub_db")
        parser.add_argument("--pengguna", required=True, metavar="NAMA", help="nama pengguna (admin atau ketua/manajer)")
        parser.add_argument("--password-file", metavar="FILE", help="kata sandi dari berkas ini (bawaan: ditanyakan)")
        return parser

    send = command("kirim-laporan", "kantor: tulis paket laporan bertanda tangan untuk kabupaten ke sebuah folder/flashdisk")
    send.add_argument("--out", required=True, metavar="FOLDER", help="folder tujuan, mis. flashdisk")
    printed = command("sidik-kunci", "kantor: tampilkan sidik kunci kantor untuk lembar pendaftaran ke kabupaten")
    printed.add_argument("--lembar", metavar="FILE.pdf", help="tulis juga lembar pendaftaran (PDF) untuk dicetak dan dikirim")
    command("kunci-kabupaten", "kabupaten: tampilkan kunci kabupaten; kantor yang memasukkannya mengunci paketnya untuk kabupaten")
    command("mode-kabupaten", "jadikan basis data baru ini program kabupaten (menerima paket, tidak mengubah data kantor)")
    register = command("daftar-kantor", "kabupaten: daftarkan kantor dengan sidik kunci dari lembar pendaftaran")
    register.add_argument("sidik", metavar="SIDIK", help="sidik kunci, 40 angka/huruf heksadesimal (spasi boleh)")
    register.add_argument("--nama", required=True, help="nama kantor, mis. 'Koperasi Berdaya Pauh'")
    receive = command("terima-paket", "kabupaten: terima semua paket laporan di sebuah folder/flashdisk")
    receive.add_argument("folder", metavar="FOLDER")
    view = command("konsolidasi", "kabupaten: angka gabungan per kantor dan per kecamatan, opsional ke Excel")
    view.add_argument("--xlsx", metavar="FILE", help="simpan juga sebagai buku kerja Excel")


def run(args: argparse.Namespace, database) -> int:
    """Run one district command against an open ``database``; 0 when it did what was asked."""
    from koperasi.services.office import auth

    password = _password(args.password_file, args.pengguna)
    with database.session() as session:
        actor = auth.login(session, args.pengguna, password)
        return _COMMANDS[args.command](session, actor, args)


def _password(file: str | None, username: str) -> str:
    if file is None:
        return getpass.getpass(f"Kata sandi {username}: ")
    try:
        return Path(file).read_text(encoding="utf-8-sig").rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as error:
        raise DomainError(f"Berkas kata sandi tidak dapat dibaca ({file}).") from error


def _send(session, actor, args) -> int:
    from koperasi.services.district.sending import send_report

    sent = send_report(session, actor, Path(args.out))
    print(f"Paket laporan ditulis: {sent.path}")
    print(f"  Ukuran      : {sent.size_bytes:,} bita".replace(",", "."))
    print(f"  Isi         : angka kantor, {sent.members} anggota, {sent.loans} pinjaman berjalan")
    print(f"  Data pribadi: {'nama, nomor anggota dan NIK disertakan' if sent.personal_data else 'tidak (tanpa nama dan NIK)'}")
    print(f"  Terkunci    : {'ya, hanya kabupaten yang dapat membukanya' if sent.sealed else 'tidak'}")
    print(f"  Sidik kunci : {sent.fingerprint}")
    return 0


def _fingerprint(session, actor, args) -> int:
    from koperasi.services.district.office_key import office_fingerprint, registration_sheet

    if not args.lembar:
        print(office_fingerprint(session, actor))
        return 0
    from koperasi.reports.district.registration import write_registration_pdf

    sheet = registration_sheet(session, actor)
    write_registration_pdf(sheet, Path(args.lembar))
    print(sheet.fingerprint)
    print(f"Lembar pendaftaran ditulis: {args.lembar}. Cetak, tandatangani, cap, dan kirim ke kabupaten.")
    return 0


def _district_key(session, actor, args) -> int:
    from koperasi.services.district.district_key import district_public_key

    print(district_public_key(session, actor))
    return 0


def _district_mode(session, actor, args) -> int:
    from koperasi.domain.district.settings import DISTRICT_MODE
    from koperasi.services.district.mode import set_program_mode

    set_program_mode(session, actor, DISTRICT_MODE)
    print("Program ini sekarang dalam mode kabupaten.")
    return 0


def _register(session, actor, args) -> int:
    from koperasi.services.district.receiving import register_office

    office = register_office(session, actor, fingerprint=args.sidik, label=args.nama)
    print(f"Kantor terdaftar: {office.label} (sidik {office.fingerprint}).")
    return 0


def _receive(session, actor, args) -> int:
    from koperasi.services.district.receiving import Outcome, import_packets, packet_files

    def progress(done: int, total: int) -> None:
        if sys.stdout.isatty():
            print(f"  {done}/{total} paket…", end="\r", flush=True)

    results = import_packets(session, actor, packet_files(Path(args.folder)), progress=progress)
    for result in results:
        print(f"[{result.outcome.value.upper()}] {result.file}: {result.office + ': ' if result.office else ''}{result.reason}")
    refused = sum(result.outcome is Outcome.REFUSED for result in results)
    print(f"{len(results)} paket: {len(results) - refused} diterima atau sudah ada, {refused} ditolak.")
    return 1 if refused else 0


def _consolidated(session, actor, args) -> int:
    from koperasi.domain.dates import format_date
    from koperasi.domain.money import format_rupiah, percent
    from koperasi.reports.district.consolidated import STALE_MARK, write_consolidated_xlsx
    from koperasi.services.district.consolidated import consolidated

    view = consolidated(session, actor)
    print(f"Konsolidasi {view.kabupaten} per {format_date(view.today)}")
    for line in view.offices:
        shown = format_date(line.as_of) if line.as_of else "belum ada paket"
        figures = line.figures
        detail = (f"{figures.members} anggota, sisa pokok {format_rupiah(figures.outstanding)}, PAR30 {percent(figures.par30)}"
                  if figures else "")
        print(f"  {line.label:<32} per {shown:<18} {STALE_MARK if line.stale else '':<5} {detail}")
    total = view.total
    print(f"Jumlah: {total.members} anggota, sisa pokok {format_rupiah(total.outstanding)}, PAR30 {percent(total.par30)}, "
          f"penagihan {percent(total.collection_rate)}, {total.trained_in_year} peserta pelatihan, "
          f"penjualan {format_rupiah(total.sales_in_year)} tahun ini")
    if args.xlsx:
        write_consolidated_xlsx(view, Path(args.xlsx))
        print(f"Disimpan: {args.xlsx}")
    return 0


_COMMANDS = {
    "kirim-laporan": _send, "sidik-kunci": _fingerprint, "kunci-kabupaten": _district_key, "mode-kabupaten": _district_mode,
    "daftar-kantor": _register, "terima-paket": _receive, "konsolidasi": _consolidated,
}
COMMANDS = tuple(_COMMANDS)
