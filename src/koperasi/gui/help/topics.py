"""What the guide holds and which page answers F1 where: the one table of each.

Conventions of the pages (tests/gui/test_help.py holds them):
- ``<b>…</b>`` is reserved for a name the clerk sees on the screen (a tab, menu, button or field label),
  written exactly as the program shows it, so a renamed button fails a test instead of misleading a clerk;
  emphasis is ``<strong>``, keys are ``<code>``.
- Every ``<img>`` is ``images/<name>`` with a name listed in ``SCREENSHOTS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES_DIR = Path(__file__).with_name("pages")
IMAGES_DIR = PAGES_DIR / "images"
START_PAGE = "index.html"


@dataclass(frozen=True)
class Page:
    file: str
    title: str
    sections: tuple[tuple[str, str], ...] = ()  # (anchor, title) in the order of the page


CONTENTS: tuple[Page, ...] = (
    Page(START_PAGE, "Mulai di sini", (
        ("tab", "Tab dan menu"),
        ("keyboard", "Tombol keyboard"),
        ("mencetak", "Mencetak dokumen"),
        ("formulir", "Mengisi formulir"),
    )),
    Page("anggota.html", "Anggota dan keluarganya", (
        ("cari", "Mencari anggota"),
        ("daftar", "Mendaftarkan anggota baru"),
        ("keluarga", "Anggota keluarga dalam KK"),
        ("ubah", "Mengubah data, foto dan kartu"),
        ("keluar", "Anggota keluar"),
        ("kelompok", "Kelompok"),
    )),
    Page("pinjaman.html", "Pinjaman", (
        ("ajukan", "1. Mengajukan pinjaman"),
        ("setujui", "2. Menyetujui"),
        ("cairkan", "3. Mencairkan"),
        ("angsuran", "4. Menerima angsuran"),
        ("cetak", "5. Mencetak kwitansi dan kartu"),
        ("batalkan", "Membatalkan transaksi"),
        ("lain", "Tolak, jadwal ulang, hapus buku"),
        ("tunggakan", "Tunggakan"),
    )),
    Page("setoran.html", "Setoran kelompok", (
        ("lembar", "Lembar tagihan"),
        ("bukukan", "Membukukan setoran"),
    )),
    Page("simpanan.html", "Simpanan anggota", (
        ("besar", "Besar simpanan pokok dan wajib"),
        ("setor", "Menerima setoran"),
        ("tarik", "Penarikan simpanan sukarela"),
        ("batalkan", "Membatalkan transaksi"),
        ("cetak", "Rekening dan buku simpanan"),
        ("kertas", "Kertas buku simpanan"),
        ("saldo-awal", "Saldo awal dari buku lama"),
        ("tunggakan", "Tunggakan wajib"),
    )),
    Page("tutupbuku.html", "Tutup buku dan SHU", (
        ("beres", "Sebelum tutup buku"),
        ("tutup", "Menutup tahun buku"),
        ("aturan", "Aturan pembagian SHU"),
        ("bagi", "Membagi SHU"),
        ("bayar", "Membayar SHU anggota"),
        ("batal", "Membatalkan pembayaran SHU"),
        ("daftar", "Daftar SHU dan paket RAT"),
    )),
    Page("dampak.html", "Dampak bagi rumah tangga", (
        ("data", "Data awal rumah tangga"),
        ("kunjungan", "Kunjungan pendampingan"),
        ("indikator", "Indikator dan laporan"),
    )),
    Page("pelatihan.html", "Pelatihan", (
        ("angkatan", "Program dan angkatan"),
        ("sesi", "Sesi dan daftar hadir"),
        ("peserta", "Mendaftarkan peserta"),
        ("kehadiran", "Mencatat kehadiran"),
        ("sertifikat", "Sertifikat"),
        ("laporan", "Laporan pelatihan"),
    )),
    Page("penjualan.html", "Penjualan hasil anggota", (
        ("titipan", "Menerima titipan"),
        ("jual", "Mencatat penjualan"),
        ("batal", "Membatalkan penjualan"),
        ("bayar", "Membayar penitip"),
        ("laporan", "Laporan penjualan"),
    )),
    Page("jaringan.html", "Jaringan komunitas", (
        ("pertemuan", "Pertemuan komunitas"),
        ("kehadiran", "Kehadiran dan tamu"),
        ("tindak-lanjut", "Tindak lanjut"),
        ("peluang", "Papan peluang"),
        ("rujukan", "Rujukan dan hasilnya"),
        ("laporan", "Laporan jaringan"),
    )),
    Page("kabupaten.html", "Laporan ke kabupaten", (
        ("lembar", "Kantor: lembar pendaftaran"),
        ("kirim", "Kantor: mengirim paket laporan"),
        ("daftar", "Kabupaten: mendaftarkan kantor"),
        ("terima", "Kabupaten: menerima paket"),
        ("beranda", "Kabupaten: Beranda"),
        ("konsolidasi", "Kabupaten: angka gabungan"),
        ("bulanan", "Kabupaten: laporan bulanan"),
    )),
    Page("cadangan.html", "Cadangan dan pemulihan", (
        ("cadangkan", "Membuat cadangan"),
        ("pulihkan", "Memulihkan data"),
        ("postgresql", "Kantor dengan server"),
    )),
)

# F1: the objectName of a tab, page or dialog -> the page (and section) about it. The F1 key walks
# from the widget in use up through its parents and takes the first name found here; names come
# from docs/ui-map.md.
TOPICS: dict[str, str] = {
    # main window tabs and their pages
    "dashboardTab": START_PAGE,
    "membersTab": "anggota.html",
    "groupsView": "anggota.html#kelompok",
    "loansTab": "pinjaman.html",
    "collectionView": "setoran.html",
    "arrearsView": "pinjaman.html#tunggakan",
    "savingsTab": "simpanan.html",
    "savingsBehindPage": "simpanan.html#tunggakan",
    "trainingsTab": "pelatihan.html",
    "trainingSummaryView": "pelatihan.html#laporan",
    "salesTab": "penjualan.html",
    "stockView": "penjualan.html#titipan",
    "payoutsView": "penjualan.html#bayar",
    "salesReportView": "penjualan.html#laporan",
    "networkTab": "jaringan.html",
    "impactTab": "dampak.html",
    "networkOpportunitiesPage": "jaringan.html#peluang",
    "networkReferralsPage": "jaringan.html#rujukan",
    "networkReportPage": "jaringan.html#laporan",
    # members
    "memberDialog": "anggota.html#daftar",
    "leaveDialog": "anggota.html#keluar",
    "groupDialog": "anggota.html#kelompok",
    "groupJoinDialog": "anggota.html#kelompok",
    "groupLeaveDialog": "anggota.html#kelompok",
    # loans
    "loanApplicationDialog": "pinjaman.html#ajukan",
    "loanDecisionDialog": "pinjaman.html#setujui",
    "loanDisburseDialog": "pinjaman.html#cairkan",
    "loanRepayDialog": "pinjaman.html#angsuran",
    "loanReverseDialog": "pinjaman.html#batalkan",
    "loanRescheduleDialog": "pinjaman.html#lain",
    "loanWriteOffDialog": "pinjaman.html#lain",
    # savings
    "savingsDepositDialog": "simpanan.html#setor",
    "savingsWithdrawDialog": "simpanan.html#tarik",
    "savingsReverseDialog": "simpanan.html#batalkan",
    "savingsRateDialog": "simpanan.html#besar",
    "savingsStatementDialog": "simpanan.html#cetak",
    "savingsPassbookPaperDialog": "simpanan.html#kertas",
    "savingsOpeningDialog": "simpanan.html#saldo-awal",
    # tutup buku and SHU
    "yearEndDialog": "tutupbuku.html",
    "closingRejectDialog": "tutupbuku.html#tutup",
    "shuRulesDialog": "tutupbuku.html#aturan",
    "shuReverseDialog": "tutupbuku.html#batal",
    # trainings
    "programmesDialog": "pelatihan.html#angkatan",
    "programmeDialog": "pelatihan.html#angkatan",
    "batchDialog": "pelatihan.html#angkatan",
    "batchEditDialog": "pelatihan.html#angkatan",
    "sessionDialog": "pelatihan.html#sesi",
    "enrolDialog": "pelatihan.html#peserta",
    "withdrawDialog": "pelatihan.html#peserta",
    "attendanceDialog": "pelatihan.html#kehadiran",
    # sales
    "saleDialog": "penjualan.html#jual",
    "saleReverseDialog": "penjualan.html#batal",
    "intakeDialog": "penjualan.html#titipan",
    "intakeReverseDialog": "penjualan.html#titipan",
    "payDialog": "penjualan.html#bayar",
    "payoutReverseDialog": "penjualan.html#bayar",
    "statementDialog": "penjualan.html#bayar",
    # network
    "meetingDialog": "jaringan.html#pertemuan",
    "meetingAttendanceDialog": "jaringan.html#kehadiran",
    "followUpDialog": "jaringan.html#tindak-lanjut",
    "opportunityDialog": "jaringan.html#peluang",
    "eligibleDialog": "jaringan.html#peluang",
    "referDialog": "jaringan.html#rujukan",
    "outcomeDialog": "jaringan.html#rujukan",
    "networkSettingsDialog": "jaringan.html#rujukan",
    # settings (Pengaturan) and the rest of the menus: what the menus hold
    "salesCatalogueDialog": "penjualan.html#titipan",
    "fundsDialog": "pinjaman.html",
    "officeDialog": f"{START_PAGE}#tab",
    "UsersDialog": f"{START_PAGE}#tab",
    "RegionsDialog": f"{START_PAGE}#tab",
    "categoriesDialog": f"{START_PAGE}#tab",
    "auditDialog": f"{START_PAGE}#tab",
    "aboutDialog": f"{START_PAGE}#tab",
    # the district exchange: the office's side and mode kabupaten
    "districtSettingsDialog": "kabupaten.html#lembar",
    "districtBerandaTab": "kabupaten.html#beranda",
    "districtTab": "kabupaten.html#konsolidasi",
    "registerOfficeDialog": "kabupaten.html#daftar",
    "importResultsDialog": "kabupaten.html#terima",
    "districtMonthlyDialog": "kabupaten.html#bulanan",
    # backups and printing
    "backupDialog": "cadangan.html#cadangkan",
    "restoreDialog": "cadangan.html#pulihkan",
    "postgresBackupDialog": "cadangan.html#postgresql",
    "pdfPreviewDialog": f"{START_PAGE}#mencetak",
}

# Every screenshot the pages show, by its name in docs/screenshots/, with the width (px) of its
# copy in pages/images/ (packaging/generate.py scales them; a missing one fails tests/gui/test_help.py).
SCREENSHOTS: dict[str, int] = {
    "penjualan-1024.png": 720,
    "anggota-1024.png": 720,
    "member-form-error.png": 720,
    "anggota-kelompok-1024.png": 720,
    "pinjaman-pengajuan-1024.png": 720,
    "pinjaman-aktif-1024.png": 720,
    "pinjaman-transaksi.png": 720,
    "kwitansi-a5.png": 480,
    "kartu-pinjaman.png": 420,
    "pinjaman-tunggakan-1024.png": 720,
    "pinjaman-setoran-kelompok-1024.png": 720,
    "lembar-tagihan-kelompok.png": 420,
    "pelatihan-1024.png": 720,
    "pelatihan-peserta-1024.png": 720,
    "pelatihan-kehadiran-1024.png": 480,
    "sertifikat.png": 480,
    "penjualan-stok-1024.png": 720,
    "penjualan-baru-1024.png": 720,
    "nota-penjualan.png": 400,
    "penjualan-pembayaran-1024.png": 720,
    "cadangan.png": 560,
    "kabupaten-1024.png": 720,
    "kabupaten-beranda-1024.png": 720,
    "lembar-pendaftaran.png": 420,
    "pemulihan.png": 560,
}


def page_path(file: str) -> Path:
    return PAGES_DIR / file
