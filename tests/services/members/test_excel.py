from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy.engine import URL

from koperasi.db.database import open_database
from koperasi.domain.errors import ConflictError, DomainError
from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.services.office import audit
from koperasi.services import sheet_import
from koperasi.services.members import excel as member_excel
from koperasi.services.members import export as member_export
from koperasi.services.members import importing as member_import
from koperasi.services.members import register as members
from koperasi.services.office import health
from koperasi.services.office import regions
from koperasi.services.members.excel import COLUMNS
from koperasi.services.members.search import MemberFilter, member_page
from tests.support import set_up_office

TODAY = date(2026, 11, 28)
NIK_SITI = "1503034505800001"  # 5 May 1980, a woman (45 = 5 + 40)
NIK_RUDI = "1503030203750002"  # 2 March 1975, a man
NIK_NUR = "1503034607900003"  # 6 July 1990, a woman


@pytest.fixture
def bernai(db, admin):
    with db.session() as session:
        regions.add_desa(session, admin, "15.03.04", name="Lamban Sigatal")
        return regions.add_desa(session, admin, "15.03.03", name="Bernai")


def _row(**cells) -> dict[str, object]:
    return {"full_name": "Siti Aminah", "sex": "P", "birth_date": "05-05-1980", "kecamatan": "Sarolangun", "desa": "Bernai", **cells}


def _roster(*rows: dict[str, object], headers: list[str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Anggota"
    sheet.append(headers or [c.header for c in COLUMNS])
    for row in rows:
        sheet.append([row.get(c.key) for c in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _preview(database, actor, data: bytes, **options) -> member_import.ImportPreview:
    with database.session() as session:
        return member_import.preview_import(session, actor, data, today=TODAY, **options)


def _commit(database, actor, preview, **options) -> int:
    with database.session() as session:
        return member_import.commit_import(session, actor, preview, today=TODAY, **options)


def _member_count(database, actor) -> int:
    with database.session() as session:
        return member_page(session, actor, MemberFilter(status=None)).total


def _register_rudi(database, actor, desa) -> None:
    rudi = MemberInput(full_name="Rudi Hartono", sex=Sex.MALE, birth_date=date(1975, 3, 2), desa_id=str(desa.id), nik=NIK_RUDI)
    with database.session() as session:
        members.register_member(session, actor, rudi, today=TODAY)


MIXED = (
    _row(  # row 2: every column filled, dates as Excel dates
        nik=NIK_SITI, kk_number="1503030101100001", birth_place="Sarolangun", birth_date=datetime(1980, 5, 5),
        address="RT 01 Dusun 2", phone="0812 3456 7890", occupation="Petani karet",
        categories="petani kecil ;Buruh  Harian", join_date=datetime(2024, 1, 15),
    ),
    _row(full_name="Ahmad Fauzi", sex="Laki-laki", birth_date="3/3/1975", kecamatan="SAROLANGUN", desa=" bernai "),
    _row(full_name="Salah NIK", nik="12345"),
    _row(full_name=None, nik=""),
    _row(full_name="Desa Lain", desa="Muara Cuban"),
    _row(full_name="Kembar Siti", nik=NIK_SITI),
    _row(full_name="Rudi Lagi", nik=NIK_RUDI, sex="L", birth_date="02-03-1975"),
    _row(full_name="Anak Kecil", birth_date="01-01-2015"),
    _row(full_name="Nur Aisyah", nik=NIK_NUR, sex="L", birth_date="06-07-1990"),  # NIK says a woman: a warning only
    _row(full_name="Kembar Lagi", nik="1503-0345-0580-0001"),
    {},  # an empty row is skipped
    _row(full_name="Angka NIK", nik=1503031505800003),
)
MIXED_REJECTED = {
    4: "NIK harus 16 digit angka.",
    5: "Nama lengkap wajib diisi.",
    6: "Desa 'Muara Cuban' tidak ada di kecamatan Sarolangun.",
    7: "NIK ini sama dengan baris 2 di berkas ini.",
    8: "NIK ini sudah terdaftar atas nama Rudi Hartono (PAU-000001).",
    9: "Anggota harus berusia minimal 17 tahun (sekarang 11 tahun). Anak dicatat sebagai anggota keluarga, bukan sebagai anggota.",
    11: "NIK ini sama dengan baris 2 di berkas ini.",
    13: "NIK tersimpan sebagai angka, sehingga Excel dapat mengubah digit terakhirnya. Ubah format kolom NIK menjadi Teks lalu ketik ulang.",
}


def test_preview_import_rejects_exactly_the_bad_rows_with_their_reasons(db, admin, bernai):
    _register_rudi(db, admin, bernai)
    preview = _preview(db, admin, _roster(*MIXED))
    assert {row.row: row.reason for row in preview.rejected} == MIXED_REJECTED
    assert [row.row for row in preview.valid] == [2, 3, 10]
    siti, ahmad, nur = (row.data for row in preview.valid)
    nur_warnings = preview.valid[2].warnings
    assert (siti.birth_date, siti.join_date, siti.phone, siti.kk_number) == (date(1980, 5, 5), date(2024, 1, 15), "081234567890", "1503030101100001")
    assert siti.categories == {"petani_kecil", "buruh_harian"} and siti.desa_id == str(bernai.id)
    assert (ahmad.sex, ahmad.birth_date, ahmad.desa_id, ahmad.nik) == (Sex.MALE, date(1975, 3, 3), str(bernai.id), "")
    assert [row.warnings for row in preview.valid[:2]] == [(), ()]
    assert nur.sex is Sex.MALE and nur.nik == NIK_NUR
    assert len(nur_warnings) == 1 and nur_warnings[0].startswith("NIK menunjukkan perempuan")
    assert _member_count(db, admin) == 1  # a preview writes nothing


def test_preview_import_keeps_the_cells_of_a_rejected_row_as_found(db, admin, bernai):
    preview = _preview(db, admin, _roster(_row(desa="Muara Cuban", birth_date=datetime(1980, 5, 5), phone="0812")))
    cells = dict(zip([c.key for c in COLUMNS], preview.rejected[0].cells, strict=True))
    assert cells["desa"] == "Muara Cuban" and cells["birth_date"] == datetime(1980, 5, 5) and cells["phone"] == "0812"


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"birth_date": "05/05/1980"}, date(1980, 5, 5)),
        ({"birth_date": " 5-5-1980 "}, date(1980, 5, 5)),
        ({"birth_date": "31-02-1980"}, "Tanggal lahir 31-02-1980 tidak ada di kalender."),
        ({"birth_date": "05-05-80"}, "Tanggal lahir '05-05-80' tidak terbaca; tulis HH-BB-TTTT, misalnya 12-05-1985."),
        ({"birth_date": "05-05/1980"}, "Tanggal lahir '05-05/1980' tidak terbaca; tulis HH-BB-TTTT, misalnya 12-05-1985."),
        ({"birth_date": 29346}, "Tanggal lahir '29346' tidak terbaca; tulis HH-BB-TTTT, misalnya 12-05-1985."),
        ({"sex": "perempuan"}, date(1980, 5, 5)),
        ({"sex": "Wanita"}, "Jenis kelamin harus L atau P (tertulis 'Wanita')."),
        ({"sex": None, "birth_date": None}, "Jenis kelamin wajib diisi. Tanggal lahir wajib diisi."),
        ({"kecamatan": "Kota Jambi"}, "Kecamatan 'Kota Jambi' tidak dikenal; lihat daftar di lembar Petunjuk templat."),
        ({"categories": "Petani kecil; Nelayan"}, "Kategori tidak dikenal: Nelayan."),
        ({"phone": 81234567890}, date(1980, 5, 5)),  # a number cell lost the leading 0; it comes back
    ],
)
def test_preview_import_reads_cells_the_way_clerks_type_them(db, admin, bernai, cells, expected):
    preview = _preview(db, admin, _roster(_row(nik="", **cells)))
    if isinstance(expected, date):
        assert preview.valid[0].data.birth_date == expected and not preview.rejected
    else:
        assert [row.reason for row in preview.rejected] == [expected]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Nama;NIK\nSiti;1503", "tidak dapat dibaca sebagai berkas Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), r"Excel lama \(\.xls\)"),
        (_roster(headers=["Nama", "NIK", "Desa*"]), r"Kolom wajib tidak ditemukan di baris pertama: Nama lengkap\*, Jenis kelamin\* \(L/P\), "),
        (b"", "tidak dapat dibaca"),
    ],
)
def test_preview_import_refuses_a_file_that_is_not_a_roster(db, admin, data, message):
    with pytest.raises(DomainError, match=message):
        _preview(db, admin, data)


def test_roster_template_parses_as_an_empty_roster(db, admin):
    with db.session() as session:
        template = member_excel.roster_template(session)
    assert _preview(db, admin, template) == member_import.ImportPreview((), ())


def test_roster_template_has_its_example_instructions_and_dropdowns(db, admin):
    with db.session() as session:
        workbook = load_workbook(io.BytesIO(member_excel.roster_template(session)))
    sheet = workbook["Anggota"]
    assert workbook.sheetnames == ["Anggota", "Petunjuk"] and sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == [c.header for c in COLUMNS] and sheet["A1"].font.b
    assert sheet["A2"].value.startswith("Contoh:") and sheet["A2"].font.i and sheet["F2"].value == datetime(1985, 5, 12)
    rules = {str(rule.sqref): rule.formula1 for rule in sheet.data_validations.dataValidation}
    assert rules["D2:D1048576"] == '"L,P"'
    first, last = rules["H2:H1048576"].split("!")[1].replace("$A$", "").split(":")
    kecamatan = [workbook["Petunjuk"].cell(row, 1).value for row in range(int(first), int(last) + 1)]
    assert len(kecamatan) == 11 and "Pauh" in kecamatan and "Mandiangin Timur" in kecamatan
    explained = [row[0] for row in workbook["Petunjuk"].iter_rows(values_only=True)]
    assert all(c.header in explained for c in COLUMNS)


def test_commit_import_adds_the_valid_rows_and_nothing_else(db, admin, bernai):
    _register_rudi(db, admin, bernai)
    preview = _preview(db, admin, _roster(*MIXED))
    assert _commit(db, admin, preview) == 3
    with db.session() as session:
        names = {row.full_name for row in member_page(session, admin, MemberFilter(status=None)).rows}
        event = audit.recent_events(session, admin, limit=1)[0]
    assert names == {"Rudi Hartono", "Siti Aminah", "Ahmad Fauzi", "Nur Aisyah"}
    assert (event.action, event.entity_id, event.after) == ("members_imported", "PAU-000002–PAU-000004", {"rows": 3})


def test_commit_import_refuses_when_a_nik_was_registered_since_the_preview(db, admin, bernai):
    preview = _preview(db, admin, _roster(_row(nik=NIK_SITI), _row(full_name="Rudi Hartono", nik=NIK_RUDI, sex="L", birth_date="02-03-1975")))
    _register_rudi(db, admin, bernai)  # another PC, meanwhile
    with pytest.raises(ConflictError, match=f"^Baris 3: NIK {NIK_RUDI} baru saja didaftarkan atas nama Rudi Hartono \\(PAU-000001\\)"):
        _commit(db, admin, preview)
    assert _member_count(db, admin) == 1


def test_commit_import_that_fails_halfway_leaves_nothing(db, admin, bernai):
    good = _preview(db, admin, _roster(_row(nik=NIK_SITI), _row(full_name="Ahmad Fauzi", sex="L"))).valid
    broken = replace(good[1], data=replace(good[1].data, desa_id="bukan-desa"))
    with pytest.raises(DomainError, match="^Baris 3: Pilih desa tempat tinggal anggota.$"):
        _commit(db, admin, member_import.ImportPreview((good[0], broken), ()))
    assert _member_count(db, admin) == 0
    # The member number taken by the rolled-back row is given back.
    assert _commit(db, admin, member_import.ImportPreview(good, ())) == 2
    with db.session() as session:
        assert [row.number for row in member_page(session, admin, MemberFilter()).rows] == ["PAU-000002", "PAU-000001"]


def test_import_stops_when_cancelled_and_leaves_nothing(db, admin, bernai):
    data = _roster(_row(nik=NIK_SITI), _row(full_name="Ahmad Fauzi", sex="L"))
    with pytest.raises(DomainError, match="^Impor dibatalkan.$"):
        _preview(db, admin, data, cancelled=lambda: True)
    preview = _preview(db, admin, data)
    asked = []

    def cancelled_once_rows_are_written() -> bool:  # asked after each chunk is written
        asked.append(True)
        return True

    with pytest.raises(DomainError, match="^Impor dibatalkan.$"):
        _commit(db, admin, preview, cancelled=cancelled_once_rows_are_written)
    assert asked and _member_count(db, admin) == 0


def test_commit_import_of_an_empty_preview_is_refused(db, admin):
    with pytest.raises(DomainError, match="Tidak ada baris yang dapat diimpor"):
        _commit(db, admin, member_import.ImportPreview((), ()))


def test_rejected_rows_workbook_has_the_rows_and_a_reason_column(db, admin, bernai):
    _register_rudi(db, admin, bernai)
    preview = _preview(db, admin, _roster(*MIXED))
    sheet = load_workbook(io.BytesIO(member_import.rejected_rows_workbook(preview)))["Anggota"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [c.header for c in COLUMNS] + ["Alasan ditolak"]
    assert [row[-1] for row in rows[1:]] == list(MIXED_REJECTED.values())
    assert rows[3][[c.key for c in COLUMNS].index("desa")] == "Muara Cuban"
    # Fixed by the clerk, the sheet imports again: its columns are the template's.
    again = _preview(db, admin, member_import.rejected_rows_workbook(preview))
    assert len(again.valid) + len(again.rejected) == len(MIXED_REJECTED)


def test_export_then_import_into_a_fresh_database_round_trips_the_data(db, admin, bernai, tmp_path):
    with db.session() as session:
        pauh = regions.add_desa(session, admin, "15.03.04", name="Lubuk Napal")
    people = [
        MemberInput(
            full_name="Siti Aminah", sex=Sex.FEMALE, birth_date=date(1980, 5, 5), desa_id=str(bernai.id), nik=NIK_SITI,
            kk_number="1503030101100001", birth_place="Sarolangun", address="RT 01 Dusun 2", phone="081234567890",
            occupation="Petani karet", categories=frozenset({"petani_kecil", "perempuan_kepala_keluarga"}), join_date=date(2024, 1, 15),
        ),
        MemberInput(full_name="Ahmad Fauzi", sex=Sex.MALE, birth_date=date(1975, 3, 3), desa_id=str(pauh.id)),
        MemberInput(full_name="=Nur Aisyah", sex=Sex.MALE, birth_date=date(1990, 7, 6), desa_id=str(bernai.id), nik=NIK_NUR),
    ]
    with db.session() as session:
        for person in people:
            members.register_member(session, admin, person, accept_warnings=True, today=TODAY)
    progress = []
    with db.session() as session:
        exported = member_export.export_members(session, admin, MemberFilter(), progress=lambda *p: progress.append(p))
        assert audit.recent_events(session, admin, limit=1)[0].after == {"rows": 3}
    assert progress == [(3, 3)]
    header = next(load_workbook(io.BytesIO(exported))["Anggota"].iter_rows(values_only=True))
    assert list(header) == ["Nomor anggota", "Status"] + [c.header for c in COLUMNS]

    fresh = open_database(URL.create("sqlite+pysqlite", database=str(tmp_path / "fresh.db")))
    try:
        fresh_admin = set_up_office(fresh)
        with fresh.session() as session:
            regions.add_desa(session, fresh_admin, "15.03.03", name="Bernai")
            regions.add_desa(session, fresh_admin, "15.03.04", name="Lubuk Napal")
        preview = _preview(fresh, fresh_admin, exported)
        assert not preview.rejected
        _commit(fresh, fresh_admin, preview)
        assert _contents(fresh, fresh_admin) == _contents(db, admin)
    finally:
        fresh.dispose()


def _contents(database, actor) -> list[tuple[object, ...]]:
    with database.session() as session:
        ids = [row.id for row in member_page(session, actor, MemberFilter()).rows]
        details = [members.get_member(session, actor, member_id) for member_id in ids]
    # Sorted here: PostgreSQL and SQLite collate "=Nur" differently.
    return sorted(
        ((replace(d.data, desa_id=""), d.desa_name, d.kecamatan_name, d.category_names) for d in details),
        key=lambda member: member[0].full_name,
    )


def test_export_members_takes_every_page(db, admin, bernai, monkeypatch):
    monkeypatch.setattr(member_export, "PAGE", 2)
    with db.session() as session:
        for index in range(5):
            person = MemberInput(full_name=f"Anggota {index}", sex=Sex.MALE, birth_date=date(1970, 1, 1 + index), desa_id=str(bernai.id))
            members.register_member(session, admin, person, today=TODAY)
        exported = member_export.export_members(session, admin, MemberFilter())
    rows = list(load_workbook(io.BytesIO(exported))["Anggota"].iter_rows(values_only=True))[1:]
    assert [row[0] for row in rows] == [f"PAU-00000{n}" for n in range(1, 6)]


def test_import_of_many_rows_previews_and_commits(db, admin, bernai):
    rows = []
    for index in range(600):
        born = date(1960, 1, 1) + timedelta(days=index * 7)
        nik = f"150303{born:%d%m%y}{index + 1:04d}"
        rows.append(_row(full_name=f"Anggota Nomor {index}", sex="L", nik=nik, birth_date=born.strftime("%d-%m-%Y")))
    seen = []
    preview = _preview(db, admin, _roster(*rows), progress=lambda done, total: seen.append((done, total)))
    assert not preview.rejected and len(preview.valid) == 600
    assert seen == [(done, 600) for done in range(200, 601, 200)]
    assert _commit(db, admin, preview) == 600
    assert _member_count(db, admin) == 600
    with db.session() as session:
        events = audit.recent_events(session, admin, limit=1000)
    assert sum(event.action == "member_registered" for event in events) == 600  # one per member, bulk or not


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(db, admin, monkeypatch):
    data = _roster(*[_row(full_name=f"Anggota {n}") for n in range(50)])
    monkeypatch.setattr(sheet_import, "MAX_FILE_BYTES", len(data) - 1)
    with pytest.raises(DomainError, match=r"Berkas terlalu besar untuk diimpor .*batas 0,\d MB"):
        _preview(db, admin, data)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(db, admin, monkeypatch):
    """A few kilobytes that unpack to a million blank rows: the zip's own sizes are added up first."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_roster(_row()))) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", b"<row/>" * 2_000_000 + b"</sheetData>")
            bomb.writestr(item, content, compress_type=zipfile.ZIP_DEFLATED)
    data = buffer.getvalue()
    assert len(data) < 200_000
    monkeypatch.setattr(sheet_import, "MAX_UNPACKED_BYTES", 10 * 1024 * 1024)  # 12 MB unpacked is over it
    with pytest.raises(DomainError, match=r"terlalu besar untuk diimpor \(11 MB setelah dibuka; batas 10 MB\)"):
        _preview(db, admin, data)


def test_more_rows_than_the_limit_are_refused_while_reading(db, admin, monkeypatch):
    monkeypatch.setattr(sheet_import, "MAX_ROWS", 30)
    at_limit = _preview(db, admin, _roster(*[_row(full_name=f"Anggota {n}") for n in range(30)]))
    assert len(at_limit.valid) + len(at_limit.rejected) == 30
    with pytest.raises(DomainError, match=r"lebih dari 30 baris \(batas satu kali impor\)"):
        _preview(db, admin, _roster(*[_row(full_name=f"Anggota {n}") for n in range(31)]))


def test_a_cell_over_the_length_limit_is_refused_naming_row_column_and_limit(db, admin, bernai):
    long_address = "RT 01 " * 200  # 1,200 characters
    data = _roster(_row(), _row(full_name="Budi", address=long_address))
    with pytest.raises(DomainError, match=r"^Baris 3, kolom Alamat: isi sel lebih dari 1\.000 karakter \(batas impor\)"):
        _preview(db, admin, data)
    assert len(_preview(db, admin, _roster(_row(address="RT 01 " * 40))).valid) == 1  # 240: within the rules


def test_imported_members_audit_events_continue_the_hash_chain(db, admin, bernai):
    _register_rudi(db, admin, bernai)  # an event written one by one before the bulk rows
    _commit(db, admin, _preview(db, admin, _roster(*MIXED)))
    with db.session() as session:
        assert audit.recent_events(session, admin, limit=1)[0].action == "members_imported"
        chain = health.audit_chain(session)
    assert chain.ok, chain.detail
