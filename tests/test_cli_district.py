"""The round trip from the command line: two demo offices send, the district registers and imports them,
and its workbook's kabupaten line is the sum of the offices' figures."""

from __future__ import annotations

import copy
import re

from openpyxl import load_workbook
from sqlalchemy import select, update
from sqlalchemy.engine import URL

from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.db.models import DistrictLoan, DistrictOffice
from koperasi.demo import office as demo
from koperasi.services.district import receiving, sending
from koperasi.services.office import auth
from tests.district_support import district, register
from tests.support import TEST_PASSWORD, set_up_office


def test_two_offices_send_and_the_district_adds_them_up(tmp_path, capsys):
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    office_password = tmp_path / "sandi-kantor.txt"
    office_password.write_text(demo.DEMO_PASSWORD + "\n")
    district_password = tmp_path / "sandi-kabupaten.txt"
    district_password.write_text(TEST_PASSWORD)
    login = ["--pengguna", "admin"]
    district = tmp_path / "kabupaten.db"
    database = open_database(URL.create("sqlite+pysqlite", database=str(district)))
    set_up_office(database)
    database.dispose()
    assert main(["mode-kabupaten", "--db", str(district), *login, "--password-file", str(district_password)]) == 0
    capsys.readouterr()
    assert main(["kunci-kabupaten", "--db", str(district), *login, "--password-file", str(district_password)]) == 0
    assert re.fullmatch(r"[0-9a-f]{64}\n", capsys.readouterr().out)

    members = 0
    for name, count in (("pauh", 12), ("limun", 9)):
        office = tmp_path / f"{name}.db"
        assert main(["demo", "--db", str(office), "--members", str(count)]) == 0
        as_office = ["--db", str(office), *login, "--password-file", str(office_password)]
        capsys.readouterr()
        assert main(["sidik-kunci", *as_office]) == 0
        printed = capsys.readouterr().out.strip()
        sheet = tmp_path / f"lembar-{name}.pdf"
        assert main(["sidik-kunci", *as_office, "--lembar", str(sheet)]) == 0
        assert capsys.readouterr().out.startswith(printed + "\nLembar pendaftaran ditulis")
        assert sheet.read_bytes().startswith(b"%PDF")
        assert main(["kirim-laporan", *as_office, "--out", str(stick)]) == 0
        sent = capsys.readouterr().out
        assert printed in sent and "tanpa nama dan NIK" in sent and re.search(r"Ukuran +: [\d.]+ bita", sent)
        assert main(["daftar-kantor", "--db", str(district), *login, "--password-file", str(district_password),
                     printed, "--nama", f"Kantor {name.title()}"]) == 0
        members += int(re.search(r"(\d+) anggota", sent).group(1))

    as_district = ["--db", str(district), *login, "--password-file", str(district_password)]
    capsys.readouterr()
    assert main(["terima-paket", *as_district, str(stick)]) == 0
    assert capsys.readouterr().out.count("[DITERIMA]") == 2
    assert main(["terima-paket", *as_district, str(stick)]) == 0
    assert capsys.readouterr().out.count("[SUDAH ADA]") == 2
    workbook = tmp_path / "konsolidasi.xlsx"
    assert main(["konsolidasi", *as_district, "--xlsx", str(workbook)]) == 0
    assert "Konsolidasi Kabupaten Sarolangun" in capsys.readouterr().out
    book = load_workbook(workbook)
    per_office = list(book["Per kantor"].iter_rows(values_only=True))
    header, offices, total = per_office[0], per_office[1:-1], per_office[-1]
    assert len(offices) == 2 and total[0] == "Jumlah kabupaten"
    for column in ("Anggota aktif", "Sisa pokok pinjaman", "Penjualan tahun ini", "Peserta pelatihan tahun ini"):
        index = header.index(column)
        assert total[index] == sum(office[index] for office in offices), column
    assert 0 < total[header.index("Anggota aktif")] <= members


def test_a_wrong_password_sends_nothing(tmp_path, capsys):
    office = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(office), "--members", "5"]) == 0
    wrong = tmp_path / "salah.txt"
    wrong.write_text("bukan-sandinya")
    assert main(["kirim-laporan", "--db", str(office), "--pengguna", "admin", "--password-file", str(wrong),
                 "--out", str(tmp_path)]) == 1
    assert "Gagal:" in capsys.readouterr().err and not list(tmp_path.glob("*.paket-laporan"))


def test_doctor_in_mode_kabupaten_checks_each_office_part(tmp_path, capsys):
    office_path, district_path = tmp_path / "kantor.db", tmp_path / "kabupaten.db"
    assert main(["demo", "--db", str(office_path), "--members", "12"]) == 0
    office_db = open_database(URL.create("sqlite+pysqlite", database=str(office_path)))
    district_db = open_database(URL.create("sqlite+pysqlite", database=str(district_path)))
    with office_db.session() as session:
        office_admin = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
        packet = sending.send_report(session, office_admin, tmp_path).path
    admin = district(district_db)
    register(district_db, admin, office_db, office_admin, "Kantor Sarolangun")
    with district_db.session() as session:
        receiving.register_office(session, admin, fingerprint="AB" * 20, label="Kantor Pauh")
        receiving.import_packets(session, admin, [packet])
    capsys.readouterr()
    assert main(["doctor", "--db", str(district_path)]) == 0
    out = capsys.readouterr().out
    assert "[OK] Data Kantor Sarolangun: per 28-11-2026:" in out
    assert "[PERINGATAN] Data Kantor Pauh: belum ada paket" in out
    with district_db.engine.begin() as connection:
        connection.execute(update(DistrictLoan).values(outstanding=DistrictLoan.outstanding + 1))
    assert main(["doctor", "--db", str(district_path)]) == 1
    assert "[GAGAL] Data Kantor Sarolangun: sisa pokok: baris" in capsys.readouterr().out
    # Its kecamatan lines and its Beranda no longer add up to the figures it came with.
    with district_db.session() as session, session.begin():
        held = session.scalar(select(DistrictOffice).where(DistrictOffice.label == "Kantor Sarolangun"))
        document = copy.deepcopy(held.figures)
        document["by_kecamatan"][0]["trained_in_year"] += 1
        document["beranda"]["sales"]["year"]["total"] += 500
        held.figures = document
    assert main(["doctor", "--db", str(district_path)]) == 1
    out = capsys.readouterr().out
    assert "peserta pelatihan per kecamatan: " in out and "Beranda: penjualan tahun ini: " in out
    office_db.dispose()
    district_db.dispose()
