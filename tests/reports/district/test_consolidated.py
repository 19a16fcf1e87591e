"""The district's consolidated workbook: a line for each office that sent, and the total."""

from __future__ import annotations

from openpyxl import load_workbook
from sqlalchemy.engine import URL

from koperasi.db.database import open_database
from koperasi.reports.district.consolidated import write_consolidated_xlsx
from koperasi.services.district import consolidated, receiving, sending
from tests.district_support import district, register
from tests.support import set_up_office


def test_the_workbook_has_a_line_for_the_office_that_sent(sqlite_db, tmp_path):
    office_admin = set_up_office(sqlite_db)
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    with sqlite_db.session() as session:
        sending.send_report(session, office_admin, stick)
    database = open_database(URL.create("sqlite+pysqlite", database=str(tmp_path / "kabupaten.db")))
    try:
        admin = district(database)
        register(database, admin, sqlite_db, office_admin, "Kantor Pauh")
        with database.session() as session:
            receiving.import_packets(session, admin, receiving.packet_files(stick))
        with database.session() as session:
            view = consolidated.consolidated(session, admin)
    finally:
        database.dispose()
    path = tmp_path / "k.xlsx"
    write_consolidated_xlsx(view, path)
    book = load_workbook(path)
    assert book["Per kantor"].max_row == 3
    dampak = [[cell.value for cell in line] for line in book["Dampak"].iter_rows()]
    assert dampak[3][:2] == ["Kantor", "Rumah tangga terjangkau"]
    assert [line[0] for line in dampak[4:]] == ["Kantor Pauh", "Jumlah kabupaten"]
    assert dampak[-1][1] == view.impact.reached
    kecamatan = [[cell.value for cell in line] for line in book["Per kecamatan"].iter_rows()]
    assert "Peserta pelatihan tahun ini" in kecamatan[3] and "Penjualan tahun ini" in kecamatan[3]
