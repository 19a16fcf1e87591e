"""``koperasi self-test``: prove that this build works end to end, above all when frozen.

A frozen build can lose a migration script, a Qt plugin, an icon or a translation without
any test of the source tree noticing. This runs the real paths on a throw-away database,
offscreen, and exits 0 only when every check passed.
"""

from __future__ import annotations

import logging
import os
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from koperasi import clock

log = logging.getLogger(__name__)
SELF_TEST_PASSWORD = "uji-mandiri-123"


class _Checks:
    def __init__(self) -> None:
        self.failed = 0

    def run(self, name: str, check: Callable[[], str]) -> None:
        try:
            detail = check()
        except Exception as error:  # a failed check is reported, never raised
            self.failed += 1
            log.error("self-test %s failed", name, exc_info=True)
            print(f"[GAGAL] {name}: {error!r}")
            print(traceback.format_exc(limit=3))
            return
        print(f"[OK] {name}: {detail}")


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen's size-hint chatter
    checks = _Checks()
    with tempfile.TemporaryDirectory(prefix="koperasi-uji-") as folder:
        os.environ["KOPERASI_DATA_DIR"] = folder  # nothing touches the office's real data
        _run(checks, Path(folder))
    print("Uji mandiri lulus." if not checks.failed else f"Uji mandiri GAGAL: {checks.failed} pemeriksaan.")
    return 0 if not checks.failed else 1


def _run(checks: _Checks, folder: Path) -> None:
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from koperasi.db.database import Database, open_database
    from koperasi.db.location import resolve_database_url
    from koperasi.domain.office.profile import OfficeProfile
    from koperasi.gui.collector import GuiThreadCollector
    from koperasi.gui.icons import app_icon
    from koperasi.gui.translations import install_indonesian
    from koperasi.services.office import auth
    from koperasi.services.office import health
    from koperasi.services.office import profile as office

    app = QApplication.instance() or QApplication(["koperasi-self-test"])
    GuiThreadCollector(app).start()  # as at start-up: the main window below reads Beranda on the worker thread
    state: dict[str, object] = {}

    def translations() -> str:
        state["translator"] = install_indonesian(app)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        text = box.buttons()[0].text()
        if text != "Batal":
            raise AssertionError(f"tombol Cancel tertulis {text!r}")
        return "tombol Qt berbahasa Indonesia"

    def icon() -> str:
        pixmap = app_icon().pixmap(64, 64)
        if pixmap.isNull():
            raise AssertionError("ikon SVG tidak dapat digambar (plugin SVG hilang?)")
        return "ikon SVG tergambar 64×64"

    def database() -> str:
        opened = open_database(resolve_database_url(str(folder / "uji.db"), folder / "uji.db"))
        state["database"] = opened
        with opened.session() as session:
            actor = office.set_up(
                session,
                OfficeProfile(name="Kantor Uji", code="UJI", kecamatan_code="15.03.03"),
                admin_username="ujiadmin",
                admin_full_name="Admin Uji",
                admin_password=SELF_TEST_PASSWORD,
                kabupaten_code="15.03",  # as the wizard does: proves the official region list ships and loads
            )
            auth.login(session, actor.username, SELF_TEST_PASSWORD)
            report = health.examine(session)
        if not report.ok:
            raise AssertionError("; ".join(f"{c.name}: {c.detail}" for c in report.checks if not c.ok))
        return "migrasi, kantor dengan wilayah resmi, admin, masuk dan pemeriksaan basis data"

    def screens() -> str:
        from koperasi.gui.office.about_dialog import AboutDialog
        from koperasi.gui.office.audit_dialog import AuditDialog
        from koperasi.gui.context import AppContext
        from koperasi.gui.main_window import MainWindow
        from koperasi.gui.office.regions_dialog import RegionsDialog
        from koperasi.gui.office.users_dialog import UsersDialog

        db = state["database"]
        assert isinstance(db, Database)
        with db.session() as session:
            actor = auth.login(session, "ujiadmin", SELF_TEST_PASSWORD)
            current = office.current_office(session)
        assert current is not None
        context = AppContext(database=db, actor=actor, office=current)
        window = MainWindow(context)
        window.show()
        rendered = []
        for index in range(window.form.mainTabs.count()):
            window.form.mainTabs.setCurrentIndex(index)
            app.processEvents()
            if window.grab().isNull():
                raise AssertionError(f"tab {index} tidak tergambar")
            rendered.append(window.form.mainTabs.tabText(index).replace("&", ""))
        for dialog in (UsersDialog(context), RegionsDialog(context), AuditDialog(context), AboutDialog(db)):
            dialog.show()
            app.processEvents()
            if dialog.grab().isNull():
                raise AssertionError(f"{type(dialog).__name__} tidak tergambar")
            dialog.close()
        window.close()
        return f"jendela utama dengan tab {', '.join(rendered)} dan 4 dialog pengaturan"

    def guide() -> str:
        # The guide's pages and screenshots are data files: a build that lost them must fail here.
        from koperasi.gui.help.browser import HelpBrowser
        from koperasi.gui.help.check import guide_problems
        from koperasi.gui.help.topics import CONTENTS, SCREENSHOTS, START_PAGE

        problems = guide_problems()
        if problems:
            raise AssertionError("; ".join(problems[:5]))
        browser = HelpBrowser()
        browser.show_topic(START_PAGE)
        browser.show()
        app.processEvents()
        shown = browser.text.toPlainText()
        if "Panduan Koperasi Berdaya" not in shown or browser.grab().isNull():
            raise AssertionError("halaman awal panduan tidak tampil")
        browser.close()
        return f"{len(CONTENTS)} halaman panduan dan {len(SCREENSHOTS)} gambar terbaca, semua tautan utuh"

    def postgres_driver() -> str:
        import psycopg

        return f"psycopg {psycopg.__version__}, libpq {psycopg.pq.version()}"

    def pdfs() -> str:
        # One of each kind of document the program prints; each area adds its own here.
        from datetime import date

        from koperasi.domain.members.register import MemberInput
        from koperasi.domain.people import Sex
        from koperasi.gui.members.documents import sheet_of
        from koperasi.reports.members.documents import write_member_card, write_member_profile
        from koperasi.services.members import register as members
        from koperasi.services.office import regions

        db = state["database"]
        assert isinstance(db, Database)
        with db.session() as session:
            actor = auth.login(session, "ujiadmin", SELF_TEST_PASSWORD)
            desa = regions.add_desa(session, actor, "15.03.03", name="Desa Uji")
            member = members.register_member(
                session, actor, MemberInput(full_name="Anggota Uji", sex=Sex.FEMALE, birth_date=date(1980, 1, 1), desa_id=str(desa.id))
            )
            profile = office.current_office(session).profile
        written = {
            "kartu anggota": lambda path: write_member_card(sheet_of(member), profile, path),
            "profil anggota": lambda path: write_member_profile(sheet_of(member), profile, path, printed_on=clock.today()),
        }
        for kind, write in written.items():
            path = folder / f"{kind.replace(' ', '-')}.pdf"
            write(path)
            content = path.read_bytes()
            if not content.startswith(b"%PDF-") or len(content) < 1000:
                raise AssertionError(f"{kind}: berkas PDF tidak utuh ({len(content)} byte)")
        return ", ".join(written)

    def loan_papers() -> str:
        # The kwitansi in both layouts and the kartu pinjaman, then the kartu shown in the preview
        # (QtPdf + QtPdfWidgets, the part of PySide6-Addons we bundle) and printed to a PDF printer.

        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrinter

        from koperasi.domain.loans.papers import CardMovement, LoanCard, Receipt, ReceiptLine, ScheduleLine
        from koperasi.domain.office.profile import OfficeProfile
        from koperasi.gui.pdf_preview import PdfPreviewDialog, write_to_bytes
        from koperasi.reports.loans.card import write_loan_card
        from koperasi.reports.loans.receipt import write_receipt_a5, write_receipt_thermal

        today = clock.today()
        profile = OfficeProfile(name="Kantor Uji", code="UJI", kecamatan_code="15.03.03")
        receipt = Receipt(
            office=profile, title="KWITANSI PEMBAYARAN ANGSURAN", number="KW/UJI/2026/000001", issued_on=today,
            place="Sarolangun", received_from="Anggota Uji", received_by="Admin Uji", signer_label="Petugas penerima",
            amount=250_000, purpose="Pembayaran angsuran pinjaman PJM/UJI/2026/000001",
            lines=(ReceiptLine("Angsuran ke-1", 250_000),), member_number="UJI-000001",
            loan_number="PJM/UJI/2026/000001", remaining_balance=750_000,
        )
        card = LoanCard(
            office=profile, as_of=today, loan_number="PJM/UJI/2026/000001", member_number="UJI-000001",
            member_name="Anggota Uji", member_address="Desa Uji, Kec. Sarolangun", group_name="Kelompok Uji",
            product_name="Pinjaman usaha", fund_name="Dana bergulir uji", principal=1_000_000, term=4,
            frequency_label="bulanan", installment=250_000, admin_fee=0, purpose="Modal usaha",
            status_label="Berjalan", applied_on=today, disbursed_on=today, outstanding=750_000, arrears=0,
            days_past_due=0,
            schedule=tuple(ScheduleLine(n, today, 250_000, 250_000 if n == 1 else 0, "Lunas" if n == 1 else "Belum jatuh tempo") for n in range(1, 5)),
            movements=(
                CardMovement(today, "Pencairan", "", "", 1_000_000, 0, 1_000_000),
                CardMovement(today, "Angsuran ke-1", "1", "KW/UJI/2026/000001", 0, 250_000, 750_000),
            ),
        )
        written = {
            "kwitansi A5": write_to_bytes(lambda out: write_receipt_a5(receipt, out)),
            "kwitansi 80 mm": write_to_bytes(lambda out: write_receipt_thermal(receipt, out)),
            "kartu pinjaman": write_to_bytes(lambda out: write_loan_card(card, out)),
        }
        for kind, content in written.items():
            if not content.startswith(b"%PDF-") or len(content) < 1000:
                raise AssertionError(f"{kind}: berkas PDF tidak utuh ({len(content)} byte)")
        dialog = PdfPreviewDialog("Kartu pinjaman", {"A4": (lambda: written["kartu pinjaman"], "kartu-pinjaman-uji.pdf")})
        document = dialog.document
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise AssertionError(f"QtPdf tidak dapat membuka kartu pinjaman: {document.status()}, {document.error()}")
        pages = document.pageCount()
        dialog.show()
        app.processEvents()
        if dialog.grab().isNull():
            raise AssertionError("pratinjau PDF tidak tergambar")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(folder / "cetak-kartu-pinjaman.pdf"))
        printed = dialog.print_to(printer)
        dialog.close()
        if printed != pages or not (folder / "cetak-kartu-pinjaman.pdf").read_bytes().startswith(b"%PDF-"):
            raise AssertionError(f"cetak kartu pinjaman: {printed} dari {pages} halaman")
        return f"{', '.join(written)}; kartu pinjaman tampil di pratinjau QtPdf dan tercetak ({pages} halaman)"

    def excel() -> str:

        from koperasi.services.members import excel as member_excel
        from koperasi.services.members import importing as member_import

        db = state["database"]
        assert isinstance(db, Database)
        with db.session() as session:
            actor = auth.login(session, "ujiadmin", SELF_TEST_PASSWORD)
            template = member_excel.roster_template(session)
            preview = member_import.preview_import(session, actor, template, today=clock.today())
        if preview.valid or preview.rejected:
            raise AssertionError("templat Excel kosong terbaca berisi baris")
        return f"templat daftar anggota ({len(template)} byte) dibuat dan terbaca"

    def backup() -> str:
        from koperasi.services.office import backup as backups

        db = state["database"]
        assert isinstance(db, Database)
        with db.session() as session:
            actor = auth.login(session, "ujiadmin", SELF_TEST_PASSWORD)
            made = backups.make_backup(session, actor, db, folder=folder / "cadangan", passphrase=SELF_TEST_PASSWORD)
        seen = backups.inspect_backup(made.path, passphrase=SELF_TEST_PASSWORD)
        if seen.office_code != "UJI" or not seen.encrypted:
            raise AssertionError(f"cadangan terbaca sebagai {seen.office_code!r}, terenkripsi={seen.encrypted}")
        return f"cadangan terenkripsi AES-256-GCM ({made.size_bytes} byte) dibuat dan terbaca kembali"

    for name, check in (
        ("Terjemahan Qt", translations),
        ("Ikon", icon),
        ("Basis data", database),
        ("Driver PostgreSQL", postgres_driver),
        ("Tampilan", screens),
        ("Panduan", guide),
        ("Dokumen PDF", pdfs),
        ("Kwitansi dan kartu pinjaman", loan_papers),
        ("Excel", excel),
        ("Cadangan", backup),
    ):
        checks.run(name, check)
    opened = state.get("database")
    if isinstance(opened, Database):
        opened.dispose()
