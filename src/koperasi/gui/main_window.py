"""The main window: tabs for each area, menus for settings, a status bar saying who and where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from koperasi.domain.months import month_end, month_start
from koperasi.domain.roles import Permission
from koperasi.domain.office.settings import REFERRAL_FOLLOW_UP_DAYS
from koperasi.gui.office.about_dialog import AboutDialog
from koperasi.gui.office.audit_dialog import AuditDialog
from koperasi.gui.members.categories_dialog import CategoriesDialog
from koperasi.gui.context import AppContext
from koperasi.gui.dashboard.tab import DashboardTab
from koperasi.services.district.mode import is_district
from koperasi.services.dashboard.checklist import Step
from koperasi.services.dashboard.waiting import Place
from koperasi.gui.dashboard.charts import COLLECTIONS, PORTFOLIO, SALES, ChartPick
from koperasi.gui.forms.ui_main_window import Ui_MainWindow
from koperasi.gui.help.f1 import HelpKey
from koperasi.gui.icons import app_icon
from koperasi.gui.lazy_tabs import LazyTabs
from koperasi.gui.office.dialog import OfficeDialog
from koperasi.gui.office.password_dialog import PasswordDialog
from koperasi.gui.office.regions_dialog import RegionsDialog
from koperasi.gui.unsaved_changes import Answer, ask_keep_or_quit, bring_into_view, open_dialogs_with_changes, pages_with_changes
from koperasi.gui.office.users_dialog import UsersDialog
from koperasi import clock

# The size the main window opens at where the screen has room; smaller screens get it maximised.
MAIN_WINDOW_WIDTH, MAIN_WINDOW_HEIGHT = 1280, 800


if TYPE_CHECKING:
    from koperasi.gui.district.beranda import DistrictBerandaTab
    from koperasi.gui.district.tab import DistrictTab
    from koperasi.gui.impact.tab import ImpactTab
    from koperasi.gui.loans.tab import LoansTab
    from koperasi.gui.network.tab import NetworkTab
    from koperasi.gui.sales.tab import SalesTab
    from koperasi.gui.savings.tab import SavingsTab
    from koperasi.gui.trainings.tab import TrainingsTab

class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_MainWindow()
        self.form.setupUi(self)
        self.context = context
        self.setWindowIcon(app_icon())
        # Every tab after Beranda is built when first opened (or asked for: window.loans), its module imported
        # then too: start-up pays for the first screen only. See gui/lazy_tabs.py.
        self.tabs = LazyTabs(self.form.mainTabs, context)
        self.dashboard = DashboardTab(context)
        self.form.mainTabs.addTab(self.dashboard, self.tr("B&eranda"))
        self.tabs.add("members", self.tr("An&ggota"), self._members_tab)
        self.tabs.add("loans", self.tr("P&injaman"), "koperasi.gui.loans.tab:LoansTab")
        self.tabs.add("savings", self.tr("&Simpanan"), "koperasi.gui.savings.tab:SavingsTab")
        self.tabs.add("trainings", self.tr("Pelatiha&n"), "koperasi.gui.trainings.tab:TrainingsTab")
        self.tabs.add("sales", self.tr("Pen&jualan"), "koperasi.gui.sales.tab:SalesTab")
        self.tabs.add("network", self.tr("Ja&ringan"), "koperasi.gui.network.tab:NetworkTab")
        # Household figures are personal: the Dampak tab and the member's household button only for those who may see them.
        if context.actor.can(Permission.VIEW_HOUSEHOLDS):
            self.tabs.add("impact", self.tr("&Dampak"), "koperasi.gui.impact.tab:ImpactTab")
        else:
            self.impact: ImpactTab | None = None
        self.dashboard.open_place.connect(self._open_place)
        self.dashboard.charts.picked.connect(self.open_chart_pick)  # a click opens the list behind it
        # Coming back to Beranda reads its figures again (on the worker thread): whatever was saved meanwhile shows.
        self.form.mainTabs.currentChanged.connect(
            lambda index: self.dashboard.refresh() if self.form.mainTabs.widget(index) is self.dashboard else None)
        self.form.mainTabs.currentChanged.connect(self._load_impact_when_shown)
        self._status = {name: QLabel() for name in ("statusUser", "statusOffice", "statusDatabase")}
        for name, label in self._status.items():
            label.setObjectName(name)
            label.setContentsMargins(10, 0, 10, 0)
            label.setMinimumWidth(1)  # a long data-file path must not widen the window past a 1024 px screen
            self.form.statusBar.addPermanentWidget(label)
        actor = context.actor
        self.form.actionOffice.setEnabled(actor.can(Permission.EDIT_OFFICE))
        self.form.actionUsers.setEnabled(actor.can(Permission.MANAGE_USERS))
        self.form.actionAuditLog.setEnabled(actor.can(Permission.VIEW_AUDIT))
        self.form.actionChangePassword.triggered.connect(lambda: PasswordDialog(context, self).exec())
        self.logging_out = False
        self.form.actionLogout.triggered.connect(self._log_out)
        self.form.actionQuit.triggered.connect(self.close)
        self.form.actionOffice.triggered.connect(self._edit_office)
        self.form.actionUsers.triggered.connect(self._manage_users)
        self.form.actionRegions.triggered.connect(self._edit_regions)
        self.form.actionCategories.triggered.connect(self._edit_categories)
        self.form.actionAuditLog.triggered.connect(lambda: AuditDialog(context, self).exec())
        self.action_funds = QAction(self.tr("Sumber dana dan produk pinjaman…"), self)
        self.action_funds.setObjectName("actionFunds")
        settings = self.form.menuSettings.actions()
        self.form.menuSettings.insertAction(settings[settings.index(self.form.actionCategories) + 1], self.action_funds)
        self.action_funds.setEnabled(actor.can(Permission.MANAGE_FUNDS))
        self.action_funds.triggered.connect(self._manage_funds)
        self.action_catalogue = QAction(self.tr("Katalog penjualan…"), self)
        self.action_catalogue.setObjectName("actionSalesCatalogue")
        self.form.menuSettings.insertAction(settings[settings.index(self.form.actionCategories) + 1], self.action_catalogue)
        self.action_catalogue.triggered.connect(self._sales_catalogue)
        self.form.actionAbout.triggered.connect(lambda: AboutDialog(context.database, self).exec())
        # F1 is the application's (HelpKey); the menu's F1 only labels Panduan and acts while the menu is open.
        self.help_key = HelpKey(self)
        self.form.actionGuide.triggered.connect(self.help_key.show_start)
        self.action_backup = QAction(self.tr("&Cadangkan sekarang…"), self)
        self.action_backup.setObjectName("actionBackup")
        self.action_restore = QAction(self.tr("&Pulihkan dari cadangan…"), self)
        self.action_restore.setObjectName("actionRestore")
        self.action_reversals = QAction(self.tr("Pembatalan &menunggu persetujuan…"), self)
        self.action_reversals.setObjectName("actionPendingReversals")
        self.action_reversals.triggered.connect(self._pending_reversals)
        self.action_backup_lock = QAction(self.tr("Kata sandi cadangan &otomatis…"), self)
        self.action_backup_lock.setObjectName("actionAutomaticBackupLock")
        self.action_backup_lock.setVisible(context.database.is_sqlite)  # PostgreSQL: no automatic backups
        self.action_backup_lock.setEnabled(actor.can(Permission.RESTORE_BACKUPS))
        self.action_backup_lock.triggered.connect(self._automatic_backup_lock)
        self.form.menuFile.insertActions(
            self.form.actionQuit, [self.action_reversals, self.action_backup, self.action_restore, self.action_backup_lock]
        )
        self.form.menuFile.insertSeparator(self.form.actionQuit)
        self.action_backup.setEnabled(actor.can(Permission.MAKE_BACKUPS))
        self.action_restore.setEnabled(actor.can(Permission.RESTORE_BACKUPS))
        self.action_backup.triggered.connect(self._back_up)
        self.action_restore.triggered.connect(self._restore)
        self.action_cash_book = QAction(self.tr("&Kas kantor…"), self)
        self.action_cash_book.setObjectName("actionCashBook")
        self.action_cash_book.setToolTip(self.tr("Pemasukan dan pengeluaran kantor di luar pinjaman, penjualan dan simpanan"))
        self.form.menuFile.insertAction(self.action_backup, self.action_cash_book)
        self.action_cash_book.triggered.connect(self._cash_book)
        self.action_monthly_report = QAction(self.tr("&Laporan bulanan…"), self)
        self.action_monthly_report.setObjectName("actionMonthlyReport")
        self.form.menuFile.insertAction(self.action_backup, self.action_monthly_report)
        self.form.menuFile.insertSeparator(self.action_backup)
        self.action_monthly_report.triggered.connect(self._monthly_report)
        self.action_year_end = QAction(self.tr("Tutup &buku && SHU…"), self)
        self.action_year_end.setObjectName("actionYearEnd")
        self.form.menuFile.insertAction(self.action_backup, self.action_year_end)
        self.action_year_end.triggered.connect(self._year_end)
        self.action_send_report = QAction(self.tr("Kirim laporan ke &kabupaten…"), self)
        self.action_send_report.setObjectName("actionSendReport")
        self.form.menuFile.insertAction(self.action_backup, self.action_send_report)
        self.action_send_report.setEnabled(actor.can(Permission.EXCHANGE_REPORTS))
        self.action_send_report.triggered.connect(self._send_report)
        self.action_district_settings = QAction(self.tr("Laporan &kabupaten…"), self)
        self.action_district_settings.setObjectName("actionDistrictSettings")
        self.form.menuSettings.insertAction(settings[settings.index(self.form.actionCategories) + 1], self.action_district_settings)
        self.action_district_settings.setEnabled(actor.can(Permission.EXCHANGE_REPORTS))  # the district settings' right
        self.action_district_settings.triggered.connect(self._district_settings)
        self.action_network_settings = QAction(self.tr("&Jaringan (rujukan)…"), self)
        self.action_network_settings.setObjectName("actionNetworkSettings")
        self.form.menuSettings.insertAction(settings[settings.index(self.form.actionCategories) + 1], self.action_network_settings)
        self.action_network_settings.setEnabled(actor.can(REFERRAL_FOLLOW_UP_DAYS.changed_with))
        self.action_network_settings.triggered.connect(self._network_settings)
        self.action_shu_rules = QAction(self.tr("Pembagian &SHU…"), self)
        self.action_shu_rules.setObjectName("actionShuRules")
        self.form.menuSettings.insertAction(settings[settings.index(self.form.actionCategories) + 1], self.action_shu_rules)
        self.action_shu_rules.setEnabled(actor.can(Permission.MANAGE_SHU_RULES))
        self.action_shu_rules.triggered.connect(self._shu_rules)
        self.district: DistrictTab | None = None
        self.district_beranda: DistrictBerandaTab | None = None
        with context.database.session() as session:
            if is_district(session):
                self._become_district()
        self._show_context()

    def _become_district(self) -> None:
        """Mode kabupaten: two tabs, Beranda (an office's own tiles and charts, the offices added up) and the
        consolidation; the office's own tabs and the menus that write an office's records are hidden (the
        district's database holds no members, loans or sales of its own)."""
        from koperasi.gui.district.beranda import DistrictBerandaTab  # papers, Excel and keys: not at an office's start-up
        from koperasi.gui.district.tab import DistrictTab

        self.district_beranda = DistrictBerandaTab(self.context)
        self.district = DistrictTab(self.context)
        self.district.changed.connect(self.district_beranda.refresh)
        tabs = self.form.mainTabs
        tabs.insertTab(0, self.district_beranda, self.tr("&Beranda"))
        tabs.insertTab(1, self.district, self.tr("&Kabupaten"))
        for index in range(2, tabs.count()):
            tabs.setTabVisible(index, False)
        tabs.setCurrentIndex(0)
        for action in (self.action_send_report, self.action_cash_book, self.action_year_end,
                       self.action_reversals, self.action_funds, self.action_catalogue, self.action_network_settings,
                       self.action_shu_rules,
                       self.form.actionCategories, self.form.actionRegions):
            action.setVisible(False)

    def _load_impact_when_shown(self, index: int) -> None:
        impact = self.tabs.built("impact")  # built already: LazyTabs hears of the change first
        if impact is not None and self.form.mainTabs.widget(index) is impact:
            impact.ensure_loaded()

    def _automatic_backup_lock(self) -> None:
        from koperasi.gui.office.automatic_backup_lock_dialog import AutomaticBackupLockDialog  # backups: not at start-up

        AutomaticBackupLockDialog(self.context, self).exec()

    def _district_settings(self) -> None:
        from koperasi.gui.district.settings_dialog import DistrictSettingsDialog

        if DistrictSettingsDialog(self.context, district=self.district is not None, parent=self).exec() and self.district:
            self.district.refresh()
            self.district_beranda.refresh()  # the days after which a packet is old

    def _network_settings(self) -> None:
        from koperasi.gui.network.settings_dialog import NetworkSettingsDialog

        network = self.tabs.built("network")  # one not opened yet reads the new setting when it is
        if NetworkSettingsDialog(self.context, self).exec() and network is not None:
            network.referrals_page.reload()

    def _shu_rules(self) -> None:
        from koperasi.gui.books.shu_rules_dialog import ShuRulesDialog

        ShuRulesDialog(self.context, self).exec()

    def _send_report(self) -> None:
        from koperasi.gui.district.send_report import send_to_district

        send_to_district(self, self.context)

    def __getattr__(self, name: str):
        """``window.members``, ``window.loans``, ...: a lazy tab, built now if it was not yet."""
        tabs = self.__dict__.get("tabs")
        if tabs is None or name not in tabs:
            raise AttributeError(name)
        return tabs.get(name)

    def _members_tab(self) -> QWidget:
        from koperasi.gui.members.tab import MembersTab

        members = MembersTab(self.context)
        members.detail.loans_of = self._member_loans
        members.detail.trainings_of = self._member_trainings
        members.detail.sales_of = self._member_sales
        members.detail.meetings_of = self._member_meetings
        members.detail.network_of = self._member_network
        members.detail.savings_of = self._member_savings
        members.groups_view.savings_of_groups = self._group_savings
        if self.context.actor.can(Permission.VIEW_HOUSEHOLDS):  # household figures are personal
            members.detail.household_button.show()
            members.detail.household_requested.connect(self._member_household)
        return members

    def _cash_book(self) -> None:
        from koperasi.gui.cashbook.page import CashBookDialog

        CashBookDialog(self.context, self).exec()

    def _monthly_report(self) -> None:
        if self.district is not None:  # mode kabupaten: the offices' reports added up
            self.district.monthly()
            return
        from koperasi.gui.monthly.dialog import open_monthly_report  # ReportLab and openpyxl: not at start-up

        open_monthly_report(self, self.context)

    def _year_end(self) -> None:
        from koperasi.gui.books.year_end_dialog import YearEndDialog  # ReportLab and openpyxl: not at start-up

        YearEndDialog(self.context, self).exec()

    def open_chart_pick(self, pick: ChartPick) -> None:
        """A sales bar opens Penjualan on that month and channel; a portfolio or collections month
        opens Tunggakan as of that month's end. Members' bars open no list yet."""
        if pick.month is None:
            return
        if pick.chart == SALES:
            self.sales.sales_view.show_period(month_start(pick.month), month_end(pick.month), pick.series)
            self.sales.pages.setCurrentWidget(self.sales.sales_view)
            self.form.mainTabs.setCurrentWidget(self.sales)
        elif pick.chart in (PORTFOLIO, COLLECTIONS):
            self.loans.arrears_view.show_as_of(month_end(pick.month))  # first: showing the page would load today's
            self.loans.pages.setCurrentWidget(self.loans.arrears_view)
            self.form.mainTabs.setCurrentWidget(self.loans)

    def _show_context(self) -> None:
        actor, office = self.context.actor, self.context.office
        self.setWindowTitle(self.tr("Koperasi Berdaya — {office}").format(office=office.profile.name))
        self._status["statusUser"].setText(self.tr("Pengguna: {name} ({role})").format(name=actor.full_name, role=actor.role.label))
        self._status["statusOffice"].setText(self.tr("Kantor: {code}").format(code=office.profile.code))
        self._show_database()

    def _show_database(self) -> None:
        """The data file's name (its full path on hover), or the server: words a clerk can read."""
        database, label = self.context.database, self._status["statusDatabase"]
        if database.is_sqlite:
            path = Path(database.url.database or "")
            label.setText(self.tr("Data: {file}").format(file=path.name))
            label.setToolTip(self.tr("Berkas data: {path}").format(path=path))
        else:
            url = database.url
            host = url.host or "localhost"
            label.setText(self.tr("Server: {host}/{name}").format(host=host, name=url.database))
            label.setToolTip(
                self.tr("Data di server PostgreSQL {host} (port {port}), basis data {name}").format(host=host, port=url.port or 5432, name=url.database)
            )

    def _pending_reversals(self) -> None:
        from koperasi.gui.reversals_dialog import PendingReversalsDialog

        PendingReversalsDialog(self.context, self).exec()
        # An approval posts a reversal: the lists on the tabs opened so far show it without a restart (the others
        # read it when first opened).
        if (loans := self.tabs.built("loans")) is not None:
            loans.reload(select=loans.current.id if loans.current else None)
        if (sales := self.tabs.built("sales")) is not None:
            sales.books_changed()
        if (savings := self.tabs.built("savings")) is not None:
            savings.books_changed()

    def _log_out(self) -> None:
        self.logging_out = True
        self.close()

    def _back_up(self) -> None:
        from koperasi.gui.office.backup_dialogs import BackupDialog, PostgresBackupDialog, postgres_explanation

        if not self.context.database.is_sqlite:
            PostgresBackupDialog(self.context.database, postgres_explanation(), self).exec()
            return
        BackupDialog(self.context, self).exec()

    def _restore(self) -> None:
        from koperasi.gui.office.backup_dialogs import PostgresBackupDialog, RestoreDialog, postgres_explanation

        if not self.context.database.is_sqlite:
            PostgresBackupDialog(self.context.database, postgres_explanation(), self).exec()
            return
        if RestoreDialog(self.context, self).exec():
            self._log_out()  # every screen must read the restored data: log in again

    def _edit_office(self) -> None:
        dialog = OfficeDialog(self.context, self)
        if dialog.exec():
            self.context.office = dialog.saved
            self._show_context()
            self.dashboard.refresh()

    def _manage_users(self) -> None:
        UsersDialog(self.context, self).exec()
        self.dashboard.refresh()

    def _open_place(self, place: str) -> None:
        """A Beranda line opens the list behind it (a waiting line) or the place to set something up (a step)."""
        tabs = self.form.mainTabs
        match place:
            case Place.LOANS_APPLIED | Place.LOANS_APPROVED:
                tabs.setCurrentWidget(self.loans)
                self.loans.pages.setCurrentWidget(self.loans.register)
                self.loans.status_filter.setCurrentIndex(self.loans.status_filter.findData(place.removeprefix("loans_")))
            case Place.GROUP_COLLECTIONS:
                tabs.setCurrentWidget(self.loans)
                self.loans.pages.setCurrentWidget(self.loans.collection_view)
            case Place.PAYOUTS:
                tabs.setCurrentWidget(self.sales)
                self.sales.pages.setCurrentWidget(self.sales.payouts_view)
            case Place.TRAINING_BATCHES | Step.PROGRAMME:
                tabs.setCurrentWidget(self.trainings)
                self.trainings.pages.setCurrentWidget(self.trainings.register)
            case Place.FOLLOW_UPS:
                tabs.setCurrentWidget(self.network)
                self.network.pages.setCurrentWidget(self.network.follow_ups_page)
            case Place.REFERRALS:
                tabs.setCurrentWidget(self.network)
                self.network.referrals_page.waiting_only.setChecked(True)
                self.network.pages.setCurrentWidget(self.network.referrals_page)
            case Step.MEMBER:
                tabs.setCurrentWidget(self.members)
            case Place.REVERSALS:
                self._pending_reversals()
                self.dashboard.refresh()
            case Place.NEW_ACCOUNTS:
                self.form.actionAuditLog.trigger()  # Catatan audit, newest first: the accounts made, then what they approved
            case Place.BACKUP:
                self._back_up()
                self.dashboard.refresh()  # the age of the last backup
            case Step.REGIONS:
                self._edit_regions()
            case Step.FUND | Step.LOAN_PRODUCT:
                self._manage_funds()
                self.dashboard.refresh()
            case Step.CATALOGUE:
                self._sales_catalogue()
                self.dashboard.refresh()

    def _member_loans(self, member_id):
        from koperasi.services.loans.queries import member_loans

        with self.context.database.session() as session:
            return member_loans(session, self.context.actor, member_id)

    def _member_trainings(self, member_id):
        from koperasi.services.trainings.member_history import member_trainings

        with self.context.database.session() as session:
            return member_trainings(session, self.context.actor, member_id)

    def _member_household(self) -> None:
        from koperasi.gui.impact.household_dialog import HouseholdDialog  # Dampak's forms: when first asked for

        member = self.members.current
        if member is not None:
            dialog = HouseholdDialog(self.context, member.id, self)
            if dialog.loaded:
                dialog.exec()

    def _member_savings(self, member_id):
        from koperasi.services.savings.queries import member_balances

        with self.context.database.session() as session:
            return member_balances(session, self.context.actor, member_id, as_of=clock.today())

    def _group_savings(self):
        from koperasi.services.savings.queries import group_balances

        with self.context.database.session() as session:
            return group_balances(session, self.context.actor, as_of=clock.today())

    def _member_sales(self, member_id):
        from koperasi.services.sales.member_consignment import member_sales

        with self.context.database.session() as session:
            return member_sales(session, self.context.actor, member_id)

    def _member_meetings(self, member_id):
        from koperasi.services.network.member_history import member_meetings

        with self.context.database.session() as session:
            return member_meetings(session, self.context.actor, member_id)

    def _member_network(self, member_id):
        """(referrals, open opportunities that fit) of a member, for the Anggota panel."""
        from koperasi.services.network.eligibility import opportunities_for_member
        from koperasi.services.network.referrals import referrals

        with self.context.database.session() as session:
            return (referrals(session, self.context.actor, member_id=member_id),
                    opportunities_for_member(session, self.context.actor, member_id))

    def _sales_catalogue(self) -> None:
        from koperasi.gui.sales.catalogue_dialog import CatalogueDialog

        dialog = CatalogueDialog(self.context, self)
        dialog.exec()
        if dialog.changed and (sales := self.tabs.built("sales")) is not None:
            sales.catalogue_changed()

    def _manage_funds(self) -> None:
        from koperasi.gui.loans.funds_dialog import FundsDialog

        FundsDialog(self.context, self).exec()
        if (loans := self.tabs.built("loans")) is not None:
            loans.refill_filters()

    def _edit_categories(self) -> None:
        CategoriesDialog(self.context, self).exec()
        if (members := self.tabs.built("members")) is not None:
            members.refill_category_filter()

    def _edit_regions(self) -> None:
        RegionsDialog(self.context, self).exec()
        self.dashboard.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._leave_open_forms():
            event.ignore()
            self.logging_out = False
            return
        event.accept()
        self.closed.emit()

    def _leave_open_forms(self) -> bool:
        """With a form or a tab's page that has unsaved changes: ask; False keeps the program and the typing."""
        dialogs = open_dialogs_with_changes()
        pages = pages_with_changes(self)
        if not dialogs and not pages:
            return True
        titles = "\n".join(f"• {title}" for title in [dialog.windowTitle() for dialog in dialogs] + [page.unsaved_title() for page in pages])
        question = self.tr("Formulir berikut masih berisi isian yang belum disimpan:\n{titles}\n\nKeluar tanpa menyimpan?").format(
            titles=titles)
        if ask_keep_or_quit(dialogs[-1] if dialogs else self, question) is Answer.KEEP:
            if dialogs:
                dialogs[-1].raise_()
                dialogs[-1].activateWindow()
            else:
                bring_into_view(pages[0])
            return False
        for dialog in reversed(dialogs):
            dialog.discard_changes()
        return True
