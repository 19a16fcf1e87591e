"""Take the screenshots in docs/screenshots: every tab and every dialog at 1366x768 and 1024x768,
as the clerk sees them on the screen (a grab of the whole screen under Xvfb).

    python docs/screenshots/take.py                  # both sizes, each on its own Xvfb
    python docs/screenshots/take.py --sizes 1024x768  # one size

Needs Xvfb and Qt's xcb libraries (Debian: apt-get install xvfb libxcb-cursor0 libxkbcommon-x11-0
libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1). The clock is pinned
to 28 November 2026 09:30 and the demo office is built the same way each run (``koperasi demo``'s
``demo.fill``, 200 members), so a run without UI changes gives the same pictures.

Dialogs are opened the way the clerk opens them (the button or the menu), with ``QDialog.exec``
replaced by "show, photograph, close": nothing is saved. A dialog that cannot be opened is named
at the end and the run exits 1; so is one whose frame or buttons are off the screen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = ("1366x768", "1024x768")
FIRST_DISPLAY = 91


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(SIZES), help="screen sizes, comma-separated (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the PNG files (default: this folder)")
    parser.add_argument("--here", action="store_true", help="take them on the current DISPLAY (whose screen has the one size)")
    args = parser.parse_args()
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    if args.here:
        return Session(args.out, sizes[0]).run()
    failures = 0
    for number, size in enumerate(sizes):
        failures += run_on_xvfb(size, FIRST_DISPLAY + number, args.out)
    return 1 if failures else 0


def run_on_xvfb(size: str, display: int, out: Path) -> int:
    """Start an Xvfb of ``size`` and take that size's screenshots in a child process."""
    server = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", LANG="id_ID.UTF-8")
        env.pop("QT_SCALE_FACTOR", None)
        child = subprocess.run([sys.executable, __file__, "--here", "--sizes", size, "--out", str(out)], env=env)
        return 0 if child.returncode == 0 else 1
    finally:
        server.terminate()
        server.wait()


@dataclass
class Shot:
    """A dialog expected to open: its file name and what to do inside it before it closes."""

    name: str
    inside: list[tuple[str, Callable]] = field(default_factory=list)


class Session:
    def __init__(self, out: Path, size: str) -> None:
        self.out = out
        self.width = int(size.split("x")[0])
        self.expected: list[Shot] = []
        self.problems: list[str] = []
        self.taken: list[str] = []
        self.skipped: list[str] = []

    # -- the run --------------------------------------------------------------------------------

    def run(self) -> int:
        from koperasi import clock

        clock.pin(datetime(2026, 11, 28, 9, 30))
        from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

        self.app = QApplication(sys.argv[:1])
        self.app.setStyle("Fusion")  # as on the office PCs' frozen build: the same look on every run
        from koperasi.gui.translations import install_indonesian

        install_indonesian(self.app)
        QDialog.exec = lambda dialog: self._fake_exec(dialog)  # show, photograph, close: nothing is saved
        sys.excepthook = self._record_error  # an error in a slot is a problem to report, not a crash
        QFileDialog.getSaveFileName = staticmethod(lambda *args, **kwargs: ("", ""))  # never block on a file dialog
        QFileDialog.getOpenFileName = staticmethod(lambda *args, **kwargs: ("", ""))
        QFileDialog.getExistingDirectory = staticmethod(lambda *args, **kwargs: "")
        # A fixed folder, not a random one: its path is on the screen (status bar, wizard).
        self.folder = Path(tempfile.gettempdir()) / f"koperasi-screenshots-{self.width}"
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        try:
            self._first_run()
            self._fresh_office()
            database = self._demo_database()
            try:
                self._login(database)
                self._main_window(database)
            finally:
                database.dispose()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
        for name in self.skipped:
            print(f"DILEWATI {self.width}: {name} (data contoh tidak punya keadaan itu)")
        for problem in self.problems:
            print(f"MASALAH {self.width}: {problem}")
        print(f"{len(self.taken)} gambar pada lebar {self.width} px disimpan di {self.out}")
        return 1 if self.problems else 0

    def _record_error(self, kind, error, trace) -> None:
        import traceback

        where = traceback.extract_tb(trace)[-1] if trace else None
        self.problems.append(f"{kind.__name__}: {error}" + (f" ({where.filename}:{where.lineno})" if where else ""))

    def _open_database(self, name: str):
        from sqlalchemy.engine import URL

        from koperasi.db.database import open_database

        return open_database(URL.create("sqlite", database=str(self.folder / name)))

    def _demo_database(self):
        from koperasi.demo import office as demo

        database = self._open_database("demo.db")
        with database.session() as session:
            demo.fill(session, members=200)
        self._an_application_waiting(database)
        return database

    def _an_application_waiting(self, database) -> None:
        """An application a clerk made, for the manager's Setujui dialog (the demo may have decided them all)."""
        import uuid

        from sqlalchemy import exists, select

        from koperasi import clock
        from koperasi.db.models import Loan, LoanProduct, Member
        from koperasi.demo import office as demo
        from koperasi.domain.errors import DomainError
        from koperasi.domain.loans.products import LoanKind
        from koperasi.services.loans.lifecycle import LoanApplication, apply_for_loan
        from koperasi.services.office import auth

        with database.session() as session:
            clerk = auth.login(session, "petugas", demo.DEMO_PASSWORD)
            member = session.scalars(select(Member).where(Member.status == "aktif", ~exists().where(Loan.member_id == Member.id))
                                     .order_by(Member.number)).first()
            product = session.scalars(select(LoanProduct).where(LoanProduct.kind == LoanKind.INDIVIDUAL.value,
                                                                LoanProduct.required_programme_id.is_(None))
                                      .order_by(LoanProduct.name)).first()
            if member is None or product is None:
                return
            try:
                apply_for_loan(session, clerk, LoanApplication(member.id, product.id, product.min_amount, product.min_term,
                                                               "Tambah modal warung", clock.today()), request_id=uuid.uuid4())
            except DomainError as error:
                self.problems.append(f"pengajuan contoh: {error.message}")

    # -- what the clerk sees ------------------------------------------------------------------

    def _settle(self, rounds: int = 8) -> None:
        for _ in range(rounds):
            self.app.processEvents()
            time.sleep(0.02)

    def shoot(self, name: str, window=None) -> None:
        """Save the whole screen as ``{name}-{width}.png`` and check ``window`` fits on it."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage

        self._settle()
        screen = self.app.primaryScreen()
        path = self.out / f"{name}-{self.width}.png"
        # 256 colours are plenty for a UI and make the files a third of the size
        screen.grabWindow(0).toImage().convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither).save(
            str(path), "PNG", 0)
        self.taken.append(path.name)
        if window is not None:
            self._check_fits(name, window)

    def _check_fits(self, name: str, window) -> None:
        from PySide6.QtWidgets import QAbstractButton

        area = self.app.primaryScreen().availableGeometry()
        frame = window.frameGeometry()
        if not area.contains(frame):
            self.problems.append(f"{name}: jendela {frame.width()}x{frame.height()} di ({frame.x()},{frame.y()}) keluar dari layar")
        for button in window.findChildren(QAbstractButton):
            if not button.isVisible():
                continue
            top_left = button.mapToGlobal(button.rect().topLeft())
            bottom_right = button.mapToGlobal(button.rect().bottomRight())
            if not (area.contains(top_left) and area.contains(bottom_right)):
                self.problems.append(f"{name}: tombol '{button.text()}' di luar layar")

    def _fake_exec(self, dialog) -> int:
        if not self.expected:
            self.problems.append(f"dialog tak terduga: {dialog.windowTitle()!r} ({type(dialog).__name__})")
            return 0
        shot = self.expected.pop(0)
        dialog.show()
        self.shoot(shot.name, dialog)
        for name, action in shot.inside:
            self.open(name, lambda action=action: action(dialog))
        dialog.hide()
        dialog.deleteLater()
        return 0

    def open(self, name: str, trigger: Callable[[], object], inside: list[tuple[str, Callable]] | None = None) -> None:
        """Do what the clerk does to open the dialog ``name`` (``trigger``), and photograph it."""
        shot = Shot(name, inside or [])
        self.expected.append(shot)
        try:
            trigger()
        except Exception as error:  # a changed screen: report it, take the rest
            self.problems.append(f"{name}: tidak dapat dibuka ({type(error).__name__}: {error})")
        self._settle(2)
        if shot in self.expected:
            self.expected.remove(shot)
            self.problems.append(f"{name}: tidak terbuka")

    # -- the screens ----------------------------------------------------------------------------

    def _first_run(self) -> None:
        from koperasi.gui.office.setup_wizard import SetupWizard

        database = self._open_database("baru.db")
        try:
            wizard = SetupWizard(database)
            wizard.show()
            self.shoot("wizard-1", wizard)
            wizard.next()
            self.shoot("wizard-2", wizard)
            wizard.close()
        finally:
            database.dispose()

    def _login(self, database) -> None:
        from koperasi.gui.office.login_dialog import LoginDialog
        from koperasi.services.office import profile as office

        with database.session() as session:
            name = office.current_office(session).profile.name
        login = LoginDialog(database, name)
        login.show()
        self.shoot("masuk", login)
        login.close()

    def _main_window(self, database) -> None:
        from PySide6.QtWidgets import QTabWidget

        from koperasi.gui.context import AppContext
        from koperasi.gui.main_window import MAIN_WINDOW_HEIGHT, MAIN_WINDOW_WIDTH, MainWindow
        from koperasi.gui.screen_fit import show_main_window
        from koperasi.services.office import auth
        from koperasi.demo import office as demo
        from koperasi.services.office import profile as office

        with database.session() as session:
            actor = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
            current = office.current_office(session)
        window = MainWindow(AppContext(database=database, actor=actor, office=current))
        self.window = window
        show_main_window(window, MAIN_WINDOW_WIDTH, MAIN_WINDOW_HEIGHT)
        tabs: QTabWidget = window.form.mainTabs
        # Each tab by its widget, not its place in the tab bar: a new tab or a new order photographs the right one.
        steps = [("beranda", window.dashboard, self._dashboard), ("anggota", window.members, self._members),
                 ("pinjaman", window.loans, self._loans), ("simpanan", window.savings, self._savings),
                 ("pelatihan", window.trainings, self._trainings), ("penjualan", window.sales, self._sales),
                 ("jaringan", window.network, self._network), ("dampak", window.impact, self._impact)]
        missing = {tabs.widget(index) for index in range(tabs.count())} - {tab for _, tab, _ in steps}
        if missing:
            self.problems.append(f"tab tanpa gambar: {', '.join(tabs.tabText(tabs.indexOf(tab)) for tab in missing)}")
        for name, tab, step in steps:
            tabs.setCurrentWidget(tab)
            self._settle()
            try:
                step(window, name)
            except Exception as error:  # one broken screen must not cost the others
                self.problems.append(f"{name}: {type(error).__name__}: {error}")
        self._menus(window)
        window.hide()
        window.deleteLater()

    def _find(self, kind, name: str):
        found = self.window.findChild(kind, name)
        if found is None:
            raise LookupError(f"{kind.__name__} {name} tidak ditemukan")
        return found

    def _select_first(self, table_name: str, row: int = 0) -> None:
        from PySide6.QtWidgets import QTableView

        table = self._find(QTableView, table_name)
        self._settle(2)
        table.selectRow(row)
        table.setCurrentIndex(table.model().index(row, 0))
        self._settle()

    def _pages(self, name: str):
        from PySide6.QtWidgets import QTabWidget

        return self._find(QTabWidget, name)

    def _dashboard(self, window, name: str) -> None:
        self._until_loaded(window)
        self.shoot(name, window)
        self._charts(window, f"{name}-grafik")

    def _charts(self, window, name: str) -> None:
        """Beranda scrolled down to its charts, once the worker thread has read their twelve months."""
        from PySide6.QtWidgets import QScrollArea

        from koperasi.gui.dashboard.charts import DashboardCharts

        charts = self._find(DashboardCharts, "dashboardCharts")
        for _ in range(500):
            if charts.history is not None:
                break
            self._settle(1)
        else:
            self.problems.append("beranda: grafik tidak termuat")
            return
        scroll = next(area for area in window.dashboard.findChildren(QScrollArea) if area.isAncestorOf(charts))
        bar = scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.shoot(name, window)
        bar.setValue(0)

    def _until_loaded(self, window) -> None:
        """Beranda reads its figures on the worker thread: wait for them, not for a fixed time."""
        for _ in range(500):
            if window.dashboard.pages.currentIndex() != window.dashboard.LOADING:
                return
            self._settle(1)
        self.problems.append("beranda: angka tidak termuat")

    def _fresh_office(self) -> None:
        """Beranda of an office just set up: the checklist, not empty tiles."""
        from koperasi.gui.context import AppContext
        from koperasi.gui.main_window import MAIN_WINDOW_HEIGHT, MAIN_WINDOW_WIDTH, MainWindow
        from koperasi.gui.screen_fit import show_main_window
        from koperasi.demo import office as demo
        from koperasi.domain.office.profile import OfficeProfile
        from koperasi.services.office import profile as office

        database = self._open_database("kantor-baru.db")
        try:
            with database.session() as session:
                actor = office.set_up(session, OfficeProfile(name="Koperasi Berdaya Pauh", code="PAU", kecamatan_code="15.03.04"),
                                      admin_username=demo.DEMO_ADMIN, admin_full_name="Admin Kantor", admin_password=demo.DEMO_PASSWORD)
                current = office.current_office(session)
            window = MainWindow(AppContext(database=database, actor=actor, office=current))
            show_main_window(window, MAIN_WINDOW_WIDTH, MAIN_WINDOW_HEIGHT)
            self._until_loaded(window)
            self.shoot("beranda-kantor-baru", window)
            window.hide()
            window.deleteLater()
        finally:
            database.dispose()

    def _members(self, window, name: str) -> None:
        self._select_first("memberTable")
        self.shoot(name, window)
        members = window.members
        self.open("anggota-tambah", members.add_button.click)
        self.open("anggota-keluar", members.detail.leave_button.click)
        self.open("anggota-data-rumah-tangga", members.detail.household_button.click)
        members.search.setText(self._member_with_largest_household(window))  # the household table filled
        self._settle(20)
        self._select_first("memberTable")
        self.open("anggota-ubah", members.detail.edit_button.click)
        members.search.clear()
        self._settle(20)
        pages = self._pages("membersPages")
        pages.setCurrentIndex(1)
        self._settle()
        view = members.groups_view
        self.shoot("anggota-kelompok", window)
        self.open("kelompok-baru", view.new_button.click)
        pages.setCurrentIndex(0)

    def _member_with_largest_household(self, window) -> str:
        from sqlalchemy import text

        with window.context.database.session() as session:
            return session.execute(text(
                "SELECT m.number FROM members m JOIN household_members h ON h.member_id = m.id "
                "GROUP BY m.id, m.number ORDER BY count(*) DESC, m.number LIMIT 1"
            )).scalar_one()

    def _loans(self, window, name: str) -> None:
        from koperasi.domain.loans.rules import LoanStatus
        from koperasi.gui.combos import find_data

        loans = window.loans
        self._select_first("loanTable")
        self.shoot(name, window)
        self.open("pinjaman-pengajuan", loans.apply_button.click)
        detail = loans.detail
        for status, shots in (
            (LoanStatus.APPLIED, [("pinjaman-setujui", detail.approve_requested.emit)]),
            (LoanStatus.APPROVED, [("pinjaman-cairkan", detail.disburse_requested.emit)]),
            (LoanStatus.ACTIVE, [("pinjaman-angsuran", detail.repay_requested.emit),
                                 ("pinjaman-jadwal-ulang", detail.reschedule_requested.emit),
                                 ("pinjaman-hapus-buku", detail.write_off_requested.emit),
                                 ("kartu-pinjaman", detail.card_requested.emit)]),
        ):
            loans.status_filter.setCurrentIndex(find_data(loans.status_filter, status.value))
            self._settle()
            if loans.model.rowCount() == 0:  # the demo has no loan waiting in this state
                self.skipped.extend(name for name, _ in shots)
                continue
            self._select_first("loanTable")
            if status is LoanStatus.ACTIVE:
                self.shoot("pinjaman-aktif", window)
            for shot_name, trigger in shots:
                self.open(shot_name, trigger)
        loans.status_filter.setCurrentIndex(0)
        pages = self._pages("loansPages")
        pages.setCurrentIndex(1)
        view = loans.collection_view
        if view.group_combo.count() > 1:
            view.group_combo.setCurrentIndex(1)
        self.shoot("pinjaman-setoran-kelompok", window)
        pages.setCurrentIndex(2)
        loans.arrears_view.refresh_button.click()
        self._settle(20)
        self.shoot("pinjaman-tunggakan", window)
        pages.setCurrentIndex(0)

    def _trainings(self, window, name: str) -> None:
        trainings = window.trainings
        self._select_first("trainingBatchTable")
        self.shoot(name, window)
        panel = trainings.detail
        self.open("pelatihan-program", trainings.programmes_button.click)
        self.open("pelatihan-angkatan-baru", trainings.new_batch_button.click)
        self.open("pelatihan-ubah-angkatan", trainings.edit_batch_button.click)
        self._select_first("trainingSessionsTable")
        self.open("pelatihan-sesi-baru", panel.add_session_button.click)
        self.open("pelatihan-kehadiran", panel.attendance_button.click)
        self.open("pelatihan-daftar-hadir", panel.sheet_button.click)
        panel.tabs.setCurrentIndex(1)
        self._select_first("trainingParticipantsTable")
        self.shoot("pelatihan-peserta", window)
        self.open("pelatihan-daftarkan", panel.enrol_button.click)
        self.open("pelatihan-mundur", panel.withdraw_button.click)
        panel.tabs.setCurrentIndex(2)
        self.shoot("pelatihan-laporan-angkatan", window)
        panel.tabs.setCurrentIndex(0)
        pages = self._pages("trainingsPages")
        pages.setCurrentIndex(1)
        trainings.summary_view.refresh_button.click()
        self._settle(20)
        self.shoot("pelatihan-laporan", window)
        pages.setCurrentIndex(0)

    def _network(self, window, name: str) -> None:
        network = window.network
        self._select_first("networkMeetingTable")
        self.shoot(name, window)
        self.open("jaringan-pertemuan-baru", network.new_button.click)
        self.open("jaringan-kehadiran", network.attendance_button.click)
        self.open("jaringan-tindak-lanjut-baru", network.follow_up_button.click)
        self.open("jaringan-notulen", network.minutes_button.click)
        pages = self._pages("networkPages")
        pages.setCurrentIndex(1)
        self.shoot("jaringan-tindak-lanjut", window)
        pages.setCurrentIndex(2)
        self._select_first("opportunityTable")
        self.shoot("jaringan-papan-peluang", window)
        board = network.opportunities_page
        self.open("jaringan-peluang-baru", board.new_button.click)
        self.open("jaringan-siapa-perlu-tahu", board.eligible_button.click)
        self.open("jaringan-pengumuman", board.notice_button.click)
        pages.setCurrentIndex(3)
        self._select_first("referralTable")
        self.shoot("jaringan-rujukan", window)
        self.open("jaringan-hasil-rujukan", network.referrals_page.outcome_button.click)
        pages.setCurrentIndex(4)
        self.shoot("jaringan-laporan", window)
        pages.setCurrentIndex(0)

    def _impact(self, window, name: str) -> None:
        impact = window.impact
        self._select_first("visitsTable")
        self.shoot(name, window)
        self.open("dampak-lembar-kunjungan", impact.visits_view.print_button.click)
        self.open("dampak-catat-kunjungan", impact.visits_view.record_button.click)
        pages = self._pages("impactPages")
        pages.setCurrentIndex(1)
        self._settle()
        self.shoot("dampak-indikator", window)
        indicators = impact.indicators_view
        self.open("dampak-garis-kemiskinan", indicators.settings_button.click)
        self.open("dampak-laporan", indicators.pdf_button.click)
        results = self._pages("indicatorsResults")
        results.setCurrentIndex(1)
        self._settle()
        self.shoot("dampak-kohor", window)
        results.setCurrentIndex(0)
        pages.setCurrentIndex(2)
        self._select_first("storiesTable")
        self.shoot("dampak-kisah-sukses", window)
        self.open("dampak-kisah-baru", impact.stories_view.add_button.click)
        self.open("dampak-kisah-ubah", impact.stories_view.edit_button.click)
        stories = impact.stories_view.model
        self._select_first("storiesTable", next(row for row in range(stories.rowCount())
                                                if stories.row(stories.index(row, 0)).consent_on is not None))
        self.open("dampak-kisah-cetak", impact.stories_view.print_button.click)
        pages.setCurrentIndex(0)
        window.form.mainTabs.setCurrentWidget(window.members)
        self._select_first("memberTable")
        self.open("dampak-rumah-tangga", window.members.detail.household_button.click)

    def _sales(self, window, name: str) -> None:
        sales = window.sales
        self._select_first("saleTable")
        self.shoot(name, window)
        view = sales.sales_view
        self.open("penjualan-baru", view.new_button.click)
        self.open("nota-penjualan", view.detail.note_button.click)
        pages = self._pages("salesPages")
        pages.setCurrentIndex(1)
        self.shoot("penjualan-stok", window)
        self.open("penjualan-titipan", sales.stock_view.intake_button.click)
        pages.setCurrentIndex(2)
        self._select_first("payableTable")
        self.shoot("penjualan-pembayaran", window)
        self.open("penjualan-bayar", sales.payouts_view.pay_button.click)
        self.open("penjualan-laporan-penitip", sales.payouts_view.statement_button.click)
        pages.setCurrentIndex(3)
        sales.report_view.refresh_button.click()
        self._settle(20)
        self.shoot("penjualan-laporan", window)
        pages.setCurrentIndex(0)

    def _savings(self, window, name: str) -> None:
        savings = window.savings
        pages = self._pages("savingsPages")
        pages.setCurrentWidget(savings.behind_view)
        self._settle()
        self.shoot("simpanan-tunggakan", window)
        self._select_first("savingsBehindTable")
        savings.behind_view.open_selected()  # the member most behind, with a year of savings
        self._select_first("savingsMovementTable")
        self.shoot(name, window)
        self.open("simpanan-setor", savings.deposit_button.click)
        self.open("simpanan-besar", savings.rates_button.click)

    def _menus(self, window) -> None:
        form = window.form
        self.open("ganti-kata-sandi", form.actionChangePassword.trigger)
        self.open("profil-kantor", form.actionOffice.trigger)
        self.open("pengguna", form.actionUsers.trigger)
        self.open("wilayah", form.actionRegions.trigger)
        self.open("kategori", form.actionCategories.trigger)
        self.open("sumber-dana", window.action_funds.trigger, [
            ("sumber-dana-produk", lambda dialog: dialog.add_product_button.click()),
        ])
        self.open("katalog-penjualan", window.action_catalogue.trigger, [
            ("katalog-barang", lambda dialog: dialog.add_product_button.click()),
        ])
        self.open("catatan-audit", form.actionAuditLog.trigger)
        self.open("cadangan", window.action_backup.trigger)
        self.open("pemulihan", window.action_restore.trigger)
        self.open("tentang", form.actionAbout.trigger)


if __name__ == "__main__":
    sys.exit(main())
