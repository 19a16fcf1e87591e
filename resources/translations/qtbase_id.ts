<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt ships no Indonesian translation of its own widgets: these are the strings of
     standard buttons, wizards, message boxes and edit menus that our screens show, and of
     Qt's own (non-native) print, page-setup, print-preview and file dialogs. Contexts and
     source texts are those of Qt 6's qtbase translations (qt/qttranslations qtbase_*.ts);
     a source text missing here stays English, so tests/gui/test_qt_dialogs_indonesian.py
     opens the dialogs and looks for English words. -->
<TS version="2.1" language="id_ID">
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>OK</translation></message>
    <message><source>Save</source><translation>Simpan</translation></message>
    <message><source>Save All</source><translation>Simpan Semua</translation></message>
    <message><source>Open</source><translation>Buka</translation></message>
    <message><source>&amp;Yes</source><translation>&amp;Ya</translation></message>
    <message><source>Yes to &amp;All</source><translation>Ya untuk &amp;Semua</translation></message>
    <message><source>&amp;No</source><translation>&amp;Tidak</translation></message>
    <message><source>N&amp;o to All</source><translation>T&amp;idak untuk Semua</translation></message>
    <message><source>Abort</source><translation>Hentikan</translation></message>
    <message><source>Retry</source><translation>Coba Lagi</translation></message>
    <message><source>Ignore</source><translation>Abaikan</translation></message>
    <message><source>Close</source><translation>Tutup</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>Discard</source><translation>Buang</translation></message>
    <message><source>Help</source><translation>Bantuan</translation></message>
    <message><source>Apply</source><translation>Terapkan</translation></message>
    <message><source>Reset</source><translation>Atur Ulang</translation></message>
    <message><source>Restore Defaults</source><translation>Kembalikan Bawaan</translation></message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message><source>&amp;OK</source><translation>&amp;OK</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Simpan</translation></message>
    <message><source>&amp;Cancel</source><translation>&amp;Batal</translation></message>
    <message><source>&amp;Close</source><translation>&amp;Tutup</translation></message>
    <message><source>Close without Saving</source><translation>Tutup tanpa Menyimpan</translation></message>
</context>
<context>
    <name>QMessageBox</name>
    <message><source>Show Details...</source><translation>Tampilkan Rincian...</translation></message>
    <message><source>Hide Details...</source><translation>Sembunyikan Rincian...</translation></message>
    <message><source>OK</source><translation>OK</translation></message>
</context>
<context>
    <name>QWizard</name>
    <message><source>&lt; &amp;Back</source><translation>&lt; &amp;Kembali</translation></message>
    <message><source>&amp;Next &gt;</source><translation>&amp;Lanjut &gt;</translation></message>
    <message><source>&amp;Next</source><translation>&amp;Lanjut</translation></message>
    <message><source>&amp;Finish</source><translation>&amp;Selesai</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>&amp;Help</source><translation>&amp;Bantuan</translation></message>
    <message><source>Go Back</source><translation>Kembali</translation></message>
    <message><source>Continue</source><translation>Lanjut</translation></message>
    <message><source>Commit</source><translation>Simpan</translation></message>
    <message><source>Done</source><translation>Selesai</translation></message>
    <message><source>Help</source><translation>Bantuan</translation></message>
</context>
<context>
    <name>QLineEdit</name>
    <message><source>&amp;Undo</source><translation>&amp;Urungkan</translation></message>
    <message><source>&amp;Redo</source><translation>U&amp;langi</translation></message>
    <message><source>Cu&amp;t</source><translation>&amp;Potong</translation></message>
    <message><source>&amp;Copy</source><translation>&amp;Salin</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Tempel</translation></message>
    <message><source>Delete</source><translation>Hapus</translation></message>
    <message><source>Select All</source><translation>Pilih Semua</translation></message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message><source>&amp;Undo</source><translation>&amp;Urungkan</translation></message>
    <message><source>&amp;Redo</source><translation>U&amp;langi</translation></message>
    <message><source>Cu&amp;t</source><translation>&amp;Potong</translation></message>
    <message><source>&amp;Copy</source><translation>&amp;Salin</translation></message>
    <message><source>Copy &amp;Link Location</source><translation>Salin &amp;Alamat Tautan</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Tempel</translation></message>
    <message><source>Delete</source><translation>Hapus</translation></message>
    <message><source>Select All</source><translation>Pilih Semua</translation></message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message><source>&amp;Select All</source><translation>&amp;Pilih Semua</translation></message>
    <message><source>&amp;Step up</source><translation>&amp;Naik</translation></message>
    <message><source>Step &amp;down</source><translation>&amp;Turun</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>%1&#10;Directory not found.&#10;Please verify the correct directory name was given.</source><translation>%1&#10;Folder tidak ditemukan.&#10;Periksa apakah nama folder sudah benar.</translation></message>
    <message><source>%1&#10;File not found.&#10;Please verify the correct file name was given.</source><translation>%1&#10;Berkas tidak ditemukan.&#10;Periksa apakah nama berkas sudah benar.</translation></message>
    <message><source>%1 already exists.&#10;Do you want to replace it?</source><translation>%1 sudah ada.&#10;Ganti berkas itu?</translation></message>
    <message><source>%1 File</source><translation>Berkas %1</translation></message>
    <message><source>&amp;Choose</source><translation>&amp;Pilih</translation></message>
    <message><source>&amp;Delete</source><translation>&amp;Hapus</translation></message>
    <message><source>&amp;Look in:</source><translation>&amp;Lihat di:</translation></message>
    <message><source>Look in:</source><translation>Lihat di:</translation></message>
    <message><source>&amp;New Folder</source><translation>Folder &amp;baru</translation></message>
    <message><source>&amp;Open</source><translation>&amp;Buka</translation></message>
    <message><source>&amp;Rename</source><translation>&amp;Ganti nama</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Simpan</translation></message>
    <message><source>'%1' is write protected.&#10;Do you want to delete it anyway?</source><translation>'%1' dilindungi dari perubahan.&#10;Tetap hapus?</translation></message>
    <message><source>All Files (*)</source><translation>Semua Berkas (*)</translation></message>
    <message><source>All files (*)</source><translation>Semua berkas (*)</translation></message>
    <message><source>Are you sure you want to delete '%1'?</source><translation>Yakin ingin menghapus '%1'?</translation></message>
    <message><source>Back</source><translation>Kembali</translation></message>
    <message><source>Go back</source><translation>Kembali</translation></message>
    <message><source>Forward</source><translation>Maju</translation></message>
    <message><source>Go forward</source><translation>Maju</translation></message>
    <message><source>Change to detail view mode</source><translation>Tampilkan dengan rincian</translation></message>
    <message><source>Change to list view mode</source><translation>Tampilkan sebagai daftar</translation></message>
    <message><source>Could not delete directory.</source><translation>Folder tidak dapat dihapus.</translation></message>
    <message><source>Create New Folder</source><translation>Buat Folder Baru</translation></message>
    <message><source>Create a New Folder</source><translation>Buat folder baru</translation></message>
    <message><source>Delete</source><translation>Hapus</translation></message>
    <message><source>Detail View</source><translation>Tampilan Rincian</translation></message>
    <message><source>List View</source><translation>Tampilan Daftar</translation></message>
    <message><source>Directories</source><translation>Folder</translation></message>
    <message><source>Directory:</source><translation>Folder:</translation></message>
    <message><source>File &amp;name:</source><translation>&amp;Nama berkas:</translation></message>
    <message><source>File name:</source><translation>Nama berkas:</translation></message>
    <message><source>Files</source><translation>Berkas</translation></message>
    <message><source>Files of &amp;type:</source><translation>&amp;Jenis berkas:</translation></message>
    <message><source>Files of type:</source><translation>Jenis berkas:</translation></message>
    <message><source>Find Directory</source><translation>Cari Folder</translation></message>
    <message><source>Go to the parent directory</source><translation>Naik ke folder induk</translation></message>
    <message><source>Parent Directory</source><translation>Folder Induk</translation></message>
    <message><source>List of places and bookmarks</source><translation>Daftar tempat dan penanda</translation></message>
    <message><source>New Folder</source><translation>Folder Baru</translation></message>
    <message><source>Open</source><translation>Buka</translation></message>
    <message><source>Recent Places</source><translation>Tempat Terakhir</translation></message>
    <message><source>Remove</source><translation>Buang</translation></message>
    <message><source>Save As</source><translation>Simpan Sebagai</translation></message>
    <message><source>Show </source><translation>Tampilkan </translation></message>
    <message><source>Show &amp;hidden files</source><translation>Tampilkan berkas &amp;tersembunyi</translation></message>
    <message><source>Sidebar</source><translation>Panel samping</translation></message>
    <message><source>Alias</source><translation>Alias</translation></message>
    <message><source>Drive</source><translation>Drive</translation></message>
    <message><source>File</source><translation>Berkas</translation></message>
    <message><source>File Folder</source><translation>Folder Berkas</translation></message>
    <message><source>Folder</source><translation>Folder</translation></message>
    <message><source>My Computer</source><translation>Komputer Saya</translation></message>
    <message><source>Shortcut</source><translation>Pintasan</translation></message>
    <message><source>Unknown</source><translation>Tidak diketahui</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>%1 byte(s)</source><translation>%1 bita</translation></message>
    <message><source>%1 bytes</source><translation>%1 bita</translation></message>
    <message><source>&lt;b&gt;The name "%1" can not be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuations marks.</source><translation>&lt;b&gt;Nama "%1" tidak dapat dipakai.&lt;/b&gt;&lt;p&gt;Coba nama lain yang lebih pendek atau tanpa tanda baca.</translation></message>
    <message><source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source><translation>&lt;b&gt;Nama "%1" tidak dapat dipakai.&lt;/b&gt;&lt;p&gt;Coba nama lain yang lebih pendek atau tanpa tanda baca.</translation></message>
    <message><source>Computer</source><translation>Komputer</translation></message>
    <message><source>Date Modified</source><translation>Tanggal Diubah</translation></message>
    <message><source>Invalid filename</source><translation>Nama berkas tidak sah</translation></message>
    <message><source>Kind</source><translation>Jenis</translation></message>
    <message><source>My Computer</source><translation>Komputer Saya</translation></message>
    <message><source>Name</source><translation>Nama</translation></message>
    <message><source>Size</source><translation>Ukuran</translation></message>
    <message><source>Type</source><translation>Jenis</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Alias</source><translation>Alias</translation></message>
    <message><source>Drive</source><translation>Drive</translation></message>
    <message><source>File</source><translation>Berkas</translation></message>
    <message><source>File Folder</source><translation>Folder Berkas</translation></message>
    <message><source>Folder</source><translation>Folder</translation></message>
    <message><source>Shortcut</source><translation>Pintasan</translation></message>
    <message><source>Unknown</source><translation>Tidak diketahui</translation></message>
</context>
<context>
    <name>QMimeType</name>
    <message><source>Portable Document Format</source><translation>Dokumen PDF</translation></message>
    <message><source>PDF document</source><translation>Dokumen PDF</translation></message>
    <message><source>Office Open XML Workbook</source><translation>Buku kerja Excel</translation></message>
    <message><source>Excel 2007 spreadsheet</source><translation>Buku kerja Excel</translation></message>
    <message><source>Microsoft Excel Spreadsheet</source><translation>Lembar kerja Excel</translation></message>
    <message><source>Comma-separated values</source><translation>Nilai dipisah koma (CSV)</translation></message>
    <message><source>Joint Photographic Experts Group</source><translation>Gambar JPEG</translation></message>
    <message><source>JPEG image</source><translation>Gambar JPEG</translation></message>
    <message><source>Portable Network Graphics</source><translation>Gambar PNG</translation></message>
    <message><source>PNG image</source><translation>Gambar PNG</translation></message>
    <message><source>SQLite3 database</source><translation>Basis data SQLite</translation></message>
    <message><source>Directory</source><translation>Folder</translation></message>
    <message><source>folder</source><translation>folder</translation></message>
    <message><source>Empty document</source><translation>Dokumen kosong</translation></message>
    <message><source>empty document</source><translation>dokumen kosong</translation></message>
    <message><source>plain text document</source><translation>dokumen teks</translation></message>
    <message><source>unknown</source><translation>tidak diketahui</translation></message>
</context>
<context>
    <name>QPrintDialog</name>
    <message><source>%1 already exists.&#10;Do you want to overwrite it?</source><translation>%1 sudah ada.&#10;Timpa berkas itu?</translation></message>
    <message><source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source><translation>%1 tidak ditulis dengan benar. Pisahkan halaman dan rentang dengan ',', tulis rentang dengan '-', dan pastikan rentang tidak saling tumpang tindih.</translation></message>
    <message><source>%1 is a directory.&#10;Please choose a different file name.</source><translation>%1 adalah folder.&#10;Pilih nama berkas lain.</translation></message>
    <message><source>&amp;Options &lt;&lt;</source><translation>&amp;Opsi &lt;&lt;</translation></message>
    <message><source>&amp;Options &gt;&gt;</source><translation>&amp;Opsi &gt;&gt;</translation></message>
    <message><source>&amp;Print</source><translation>&amp;Cetak</translation></message>
    <message><source>Print</source><translation>Cetak</translation></message>
    <message><source>All Pages</source><translation>Semua halaman</translation></message>
    <message><source>Odd Pages</source><translation>Halaman ganjil</translation></message>
    <message><source>Even Pages</source><translation>Halaman genap</translation></message>
    <message><source>Automatic</source><translation>Otomatis</translation></message>
    <message><source>OK</source><translation>OK</translation></message>
    <message><source>Left to Right, Top to Bottom</source><translation>Kiri ke kanan, atas ke bawah</translation></message>
    <message><source>Left to Right, Bottom to Top</source><translation>Kiri ke kanan, bawah ke atas</translation></message>
    <message><source>Right to Left, Top to Bottom</source><translation>Kanan ke kiri, atas ke bawah</translation></message>
    <message><source>Right to Left, Bottom to Top</source><translation>Kanan ke kiri, bawah ke atas</translation></message>
    <message><source>Top to Bottom, Left to Right</source><translation>Atas ke bawah, kiri ke kanan</translation></message>
    <message><source>Top to Bottom, Right to Left</source><translation>Atas ke bawah, kanan ke kiri</translation></message>
    <message><source>Bottom to Top, Left to Right</source><translation>Bawah ke atas, kiri ke kanan</translation></message>
    <message><source>Bottom to Top, Right to Left</source><translation>Bawah ke atas, kanan ke kiri</translation></message>
    <message><source>Duplex Settings Conflicts</source><translation>Pengaturan Cetak Bolak-balik Bertentangan</translation></message>
    <message><source>There are conflicts in duplex settings. Do you want to fix them?</source><translation>Pengaturan cetak bolak-balik saling bertentangan. Perbaiki sekarang?</translation></message>
    <message><source>File %1 is not writable.&#10;Please choose a different file name.</source><translation>Berkas %1 tidak dapat ditulisi.&#10;Pilih nama berkas lain.</translation></message>
    <message><source>Invalid Pages Definition</source><translation>Penulisan Halaman Tidak Benar</translation></message>
    <message><source>Local file</source><translation>Berkas di komputer ini</translation></message>
    <message><source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.&#10;Please turn one of those options off.</source><translation>Opsi 'Halaman per lembar' dan 'Cetak' (halaman ganjil/genap) tidak dapat dipakai bersamaan.&#10;Matikan salah satunya.</translation></message>
    <message><source>Print To File ...</source><translation>Cetak ke Berkas ...</translation></message>
    <message><source>Print to File (PDF)</source><translation>Cetak ke Berkas (PDF)</translation></message>
    <message><source>The 'From' value cannot be greater than the 'To' value.</source><translation>Halaman 'dari' tidak boleh lebih besar dari halaman 'sampai'.</translation></message>
    <message><source>Write PDF file</source><translation>Tulis berkas PDF</translation></message>
</context>
<context>
    <name>QPrintWidget</name>
    <message><source>&amp;Name:</source><translation>&amp;Nama:</translation></message>
    <message><source>Location:</source><translation>Lokasi:</translation></message>
    <message><source>Output &amp;file:</source><translation>&amp;Berkas keluaran:</translation></message>
    <message><source>P&amp;roperties</source><translation>P&amp;roperti</translation></message>
    <message><source>Preview</source><translation>Pratinjau</translation></message>
    <message><source>Printer</source><translation>Printer</translation></message>
    <message><source>Type:</source><translation>Jenis:</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Collate</source><translation>Susun</translation></message>
    <message><source>Color</source><translation>Berwarna</translation></message>
    <message><source>Color Mode</source><translation>Mode Warna</translation></message>
    <message><source>Copies</source><translation>Salinan</translation></message>
    <message><source>Copies:</source><translation>Salinan:</translation></message>
    <message><source>Current Page</source><translation>Halaman ini</translation></message>
    <message><source>Double Sided Printing</source><translation>Cetak Bolak-balik</translation></message>
    <message><source>Grayscale</source><translation>Hitam putih (abu-abu)</translation></message>
    <message><source>Long side binding</source><translation>Jilid di sisi panjang</translation></message>
    <message><source>Short side binding</source><translation>Jilid di sisi pendek</translation></message>
    <message><source>Off</source><translation>Tidak</translation></message>
    <message><source>Options</source><translation>Opsi</translation></message>
    <message><source>Output Settings</source><translation>Pengaturan Hasil Cetak</translation></message>
    <message><source>Page &amp;Set:</source><translation>Ce&amp;tak:</translation></message>
    <message><source>Pages</source><translation>Halaman</translation></message>
    <message><source>Pages from</source><translation>Dari</translation></message>
    <message><source>Print all</source><translation>Cetak semua</translation></message>
    <message><source>Print range</source><translation>Rentang cetak</translation></message>
    <message><source>Reverse</source><translation>Urutan terbalik</translation></message>
    <message><source>Selection</source><translation>Pilihan</translation></message>
    <message><source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source><translation>Tulis halaman atau rentang halaman, dipisah koma. Rentang ditulis dua angka dengan tanda hubung. Contoh: 3,5-7,9 mencetak halaman 3, 5, 6, 7 dan 9.</translation></message>
    <message><source>to</source><translation>sampai</translation></message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message><source>Advanced Option Conflicts</source><translation>Opsi Lanjutan Bertentangan</translation></message>
    <message><source>Job Options</source><translation>Opsi Pekerjaan Cetak</translation></message>
    <message><source>Page Setup Conflicts</source><translation>Pengaturan Halaman Bertentangan</translation></message>
    <message><source>Printer Properties</source><translation>Properti Printer</translation></message>
    <message><source>There are conflicts in page setup options. Do you want to fix them?</source><translation>Pengaturan halaman saling bertentangan. Perbaiki sekarang?</translation></message>
    <message><source>There are conflicts in some advanced options. Do you want to fix them?</source><translation>Beberapa opsi lanjutan saling bertentangan. Perbaiki sekarang?</translation></message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message><source>Advanced</source><translation>Lanjutan</translation></message>
    <message><source>Page</source><translation>Halaman</translation></message>
    <message><source>There are conflicts in some options. Please fix them.</source><translation>Beberapa opsi saling bertentangan. Perbaiki dulu.</translation></message>
</context>
<context>
    <name>QPPDOptionsModel</name>
    <message><source>Name</source><translation>Nama</translation></message>
    <message><source>Value</source><translation>Nilai</translation></message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message><source>Centimeters (cm)</source><translation>Sentimeter (cm)</translation></message>
    <message><source>Millimeters (mm)</source><translation>Milimeter (mm)</translation></message>
    <message><source>Inches (in)</source><translation>Inci (in)</translation></message>
    <message><source>Points (pt)</source><translation>Poin (pt)</translation></message>
    <message><source>in</source><translation>in</translation></message>
    <message><source>Custom</source><translation>Ukuran sendiri</translation></message>
    <message><source>Height:</source><translation>Tinggi:</translation></message>
    <message><source>Width:</source><translation>Lebar:</translation></message>
    <message><source>Landscape</source><translation>Mendatar (lanskap)</translation></message>
    <message><source>Portrait</source><translation>Tegak (potret)</translation></message>
    <message><source>Reverse landscape</source><translation>Mendatar terbalik</translation></message>
    <message><source>Reverse portrait</source><translation>Tegak terbalik</translation></message>
    <message><source>Margins</source><translation>Margin</translation></message>
    <message><source>top margin</source><translation>margin atas</translation></message>
    <message><source>bottom margin</source><translation>margin bawah</translation></message>
    <message><source>left margin</source><translation>margin kiri</translation></message>
    <message><source>right margin</source><translation>margin kanan</translation></message>
    <message><source>Orientation</source><translation>Orientasi</translation></message>
    <message><source>Page &amp;order:</source><translation>&amp;Urutan halaman:</translation></message>
    <message><source>Page order:</source><translation>Urutan halaman:</translation></message>
    <message><source>Page Layout</source><translation>Tata Letak Halaman</translation></message>
    <message><source>Page size:</source><translation>Ukuran kertas:</translation></message>
    <message><source>Pages &amp;per sheet:</source><translation>Halaman &amp;per lembar:</translation></message>
    <message><source>Pages per sheet:</source><translation>Halaman per lembar:</translation></message>
    <message><source>Paper</source><translation>Kertas</translation></message>
    <message><source>Paper source:</source><translation>Sumber kertas:</translation></message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message><source>Export to PDF</source><translation>Ekspor ke PDF</translation></message>
    <message><source>First page</source><translation>Halaman pertama</translation></message>
    <message><source>Previous page</source><translation>Halaman sebelumnya</translation></message>
    <message><source>Next page</source><translation>Halaman berikutnya</translation></message>
    <message><source>Last page</source><translation>Halaman terakhir</translation></message>
    <message><source>Fit page</source><translation>Sesuai halaman</translation></message>
    <message><source>Fit width</source><translation>Sesuai lebar</translation></message>
    <message><source>Landscape</source><translation>Mendatar</translation></message>
    <message><source>Portrait</source><translation>Tegak</translation></message>
    <message><source>Page Setup</source><translation>Pengaturan Halaman</translation></message>
    <message><source>Page setup</source><translation>Pengaturan halaman</translation></message>
    <message><source>Print</source><translation>Cetak</translation></message>
    <message><source>Print Preview</source><translation>Pratinjau Cetak</translation></message>
    <message><source>Show facing pages</source><translation>Tampilkan halaman berhadapan</translation></message>
    <message><source>Show overview of all pages</source><translation>Tampilkan semua halaman</translation></message>
    <message><source>Show single page</source><translation>Tampilkan satu halaman</translation></message>
    <message><source>Zoom in</source><translation>Perbesar</translation></message>
    <message><source>Zoom out</source><translation>Perkecil</translation></message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message><source>&amp;Billing information:</source><translation>Informasi &amp;tagihan:</translation></message>
    <message><source>&amp;End:</source><translation>&amp;Akhir:</translation></message>
    <message><source>&amp;Start:</source><translation>&amp;Awal:</translation></message>
    <message><source>Banner Pages</source><translation>Halaman Sampul</translation></message>
    <message><source>Classified</source><translation>Rahasia terbatas</translation></message>
    <message><source>Confidential</source><translation>Konfidensial</translation></message>
    <message><source>Day (06:00 to 17:59)</source><translation>Siang (06.00 sampai 17.59)</translation></message>
    <message><source>Hold Indefinitely</source><translation>Tahan tanpa batas</translation></message>
    <message><source>Job</source><translation>Pekerjaan cetak</translation></message>
    <message><source>Job &amp;priority:</source><translation>&amp;Prioritas pekerjaan:</translation></message>
    <message><source>Job Control</source><translation>Kendali Pekerjaan Cetak</translation></message>
    <message><source>Night (18:00 to 05:59)</source><translation>Malam (18.00 sampai 05.59)</translation></message>
    <message><source>None</source><translation>Tidak ada</translation></message>
    <message><source>Print Immediately</source><translation>Cetak sekarang</translation></message>
    <message><source>Scheduled &amp;printing:</source><translation>&amp;Jadwal cetak:</translation></message>
    <message><source>Second Shift (16:00 to 23:59)</source><translation>Giliran kedua (16.00 sampai 23.59)</translation></message>
    <message><source>Secret</source><translation>Rahasia</translation></message>
    <message><source>Specific Time</source><translation>Waktu tertentu</translation></message>
    <message><source>Standard</source><translation>Standar</translation></message>
    <message><source>Third Shift (00:00 to 07:59)</source><translation>Giliran ketiga (00.00 sampai 07.59)</translation></message>
    <message><source>Top Secret</source><translation>Sangat rahasia</translation></message>
    <message><source>Unclassified</source><translation>Tidak rahasia</translation></message>
    <message><source>Weekend (Saturday to Sunday)</source><translation>Akhir pekan (Sabtu sampai Minggu)</translation></message>
</context>
<context>
    <name>QCupsPrinterSupport</name>
    <message><source>Authentication Needed</source><translation>Perlu Masuk</translation></message>
    <message><source>Authentication needed to use %1 on %2.</source><translation>Perlu masuk untuk memakai %1 di %2.</translation></message>
    <message><source>Authentication needed to use %1.</source><translation>Perlu masuk untuk memakai %1.</translation></message>
    <message><source>Password:</source><translation>Kata sandi:</translation></message>
    <message><source>Username:</source><translation>Nama pengguna:</translation></message>
</context>
<context>
    <name>Print Device Input Slot</name>
    <message><source>Automatic</source><translation>Otomatis</translation></message>
</context>
<context>
    <name>Print Device Output Bin</name>
    <message><source>Automatic</source><translation>Otomatis</translation></message>
</context>
<context>
    <name>QPageSize</name>
    <message><source>Custom</source><translation>Ukuran sendiri</translation></message>
    <message><source>Custom (%1mm x %2mm)</source><translation>Ukuran sendiri (%1mm x %2mm)</translation></message>
    <message><source>Custom (%1pt x %2pt)</source><translation>Ukuran sendiri (%1pt x %2pt)</translation></message>
    <message><source>Custom (%1in x %2in)</source><translation>Ukuran sendiri (%1in x %2in)</translation></message>
    <message><source>Custom (%1pc x %2pc)</source><translation>Ukuran sendiri (%1pc x %2pc)</translation></message>
    <message><source>Custom (%1DD x %2DD)</source><translation>Ukuran sendiri (%1DD x %2DD)</translation></message>
    <message><source>Custom (%1CC x %2CC)</source><translation>Ukuran sendiri (%1CC x %2CC)</translation></message>
    <message><source>Postcard</source><translation>Kartu pos</translation></message>
    <message><source>Double Postcard</source><translation>Kartu pos ganda</translation></message>
    <message><source>Note</source><translation>Catatan</translation></message>
    <message><source>Fan-fold US (14.875 x 11 in)</source><translation>Kertas sambung US (14,875 x 11 in)</translation></message>
    <message><source>Fan-fold German (8.5 x 12 in)</source><translation>Kertas sambung Jerman (8,5 x 12 in)</translation></message>
    <message><source>Fan-fold German Legal (8.5 x 13 in)</source><translation>Kertas sambung Jerman Legal (8,5 x 13 in)</translation></message>
    <message><source>Envelope B4</source><translation>Amplop B4</translation></message>
    <message><source>Envelope B5</source><translation>Amplop B5</translation></message>
    <message><source>Envelope B6</source><translation>Amplop B6</translation></message>
    <message><source>Envelope C0</source><translation>Amplop C0</translation></message>
    <message><source>Envelope C1</source><translation>Amplop C1</translation></message>
    <message><source>Envelope C2</source><translation>Amplop C2</translation></message>
    <message><source>Envelope C3</source><translation>Amplop C3</translation></message>
    <message><source>Envelope C4</source><translation>Amplop C4</translation></message>
    <message><source>Envelope C5</source><translation>Amplop C5</translation></message>
    <message><source>Envelope C6</source><translation>Amplop C6</translation></message>
    <message><source>Envelope C65</source><translation>Amplop C65</translation></message>
    <message><source>Envelope C7</source><translation>Amplop C7</translation></message>
    <message><source>Envelope Chou 3</source><translation>Amplop Chou 3</translation></message>
    <message><source>Envelope Chou 4</source><translation>Amplop Chou 4</translation></message>
    <message><source>Envelope DL</source><translation>Amplop DL</translation></message>
    <message><source>Envelope Invite</source><translation>Amplop Invite</translation></message>
    <message><source>Envelope Italian</source><translation>Amplop Italian</translation></message>
    <message><source>Envelope Kaku 2</source><translation>Amplop Kaku 2</translation></message>
    <message><source>Envelope Kaku 3</source><translation>Amplop Kaku 3</translation></message>
    <message><source>Envelope Monarch</source><translation>Amplop Monarch</translation></message>
    <message><source>Envelope PRC 1</source><translation>Amplop PRC 1</translation></message>
    <message><source>Envelope PRC 2</source><translation>Amplop PRC 2</translation></message>
    <message><source>Envelope PRC 3</source><translation>Amplop PRC 3</translation></message>
    <message><source>Envelope PRC 4</source><translation>Amplop PRC 4</translation></message>
    <message><source>Envelope PRC 5</source><translation>Amplop PRC 5</translation></message>
    <message><source>Envelope PRC 6</source><translation>Amplop PRC 6</translation></message>
    <message><source>Envelope PRC 7</source><translation>Amplop PRC 7</translation></message>
    <message><source>Envelope PRC 8</source><translation>Amplop PRC 8</translation></message>
    <message><source>Envelope PRC 9</source><translation>Amplop PRC 9</translation></message>
    <message><source>Envelope PRC 10</source><translation>Amplop PRC 10</translation></message>
    <message><source>Envelope Personal</source><translation>Amplop Personal</translation></message>
    <message><source>Envelope US 9</source><translation>Amplop US 9</translation></message>
    <message><source>Envelope US 10</source><translation>Amplop US 10</translation></message>
    <message><source>Envelope US 11</source><translation>Amplop US 11</translation></message>
    <message><source>Envelope US 12</source><translation>Amplop US 12</translation></message>
    <message><source>Envelope US 14</source><translation>Amplop US 14</translation></message>
    <message><source>Envelope You 4</source><translation>Amplop You 4</translation></message>
</context>
<context>
    <name>QScrollBar</name>
    <message><source>Scroll here</source><translation>Gulir ke sini</translation></message>
    <message><source>Left edge</source><translation>Tepi kiri</translation></message>
    <message><source>Top</source><translation>Atas</translation></message>
    <message><source>Right edge</source><translation>Tepi kanan</translation></message>
    <message><source>Bottom</source><translation>Bawah</translation></message>
    <message><source>Page left</source><translation>Satu halaman ke kiri</translation></message>
    <message><source>Page up</source><translation>Satu halaman ke atas</translation></message>
    <message><source>Page right</source><translation>Satu halaman ke kanan</translation></message>
    <message><source>Page down</source><translation>Satu halaman ke bawah</translation></message>
    <message><source>Scroll left</source><translation>Gulir ke kiri</translation></message>
    <message><source>Scroll up</source><translation>Gulir ke atas</translation></message>
    <message><source>Scroll right</source><translation>Gulir ke kanan</translation></message>
    <message><source>Scroll down</source><translation>Gulir ke bawah</translation></message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message><source>Insert Unicode control character</source><translation>Sisipkan karakter kendali Unicode</translation></message>
</context>
<context>
    <name>QTabBar</name>
    <message><source>Scroll Left</source><translation>Gulir ke kiri</translation></message>
    <message><source>Scroll Right</source><translation>Gulir ke kanan</translation></message>
</context>
<context>
    <name>CloseButton</name>
    <message><source>Close Tab</source><translation>Tutup Tab</translation></message>
</context>
<context>
    <name>QProgressDialog</name>
    <message><source>Cancel</source><translation>Batal</translation></message>
</context>
<context>
    <name>QInputDialog</name>
    <message><source>Enter a value:</source><translation>Masukkan nilai:</translation></message>
</context>
<context>
    <name>QDialog</name>
    <message><source>What's This?</source><translation>Apa Ini?</translation></message>
</context>
<context>
    <name>QWhatsThisAction</name>
    <message><source>What's This?</source><translation>Apa Ini?</translation></message>
</context>
<context>
    <name>QComboBox</name>
    <message><source>Open the combo box selection popup</source><translation>Buka daftar pilihan</translation></message>
    <message><source>True</source><translation>Ya</translation></message>
    <message><source>False</source><translation>Tidak</translation></message>
</context>
<context>
    <name>QErrorMessage</name>
    <message><source>&amp;OK</source><translation>&amp;OK</translation></message>
    <message><source>&amp;Show this message again</source><translation>&amp;Tampilkan pesan ini lagi</translation></message>
    <message><source>An error occurred</source><translation>Terjadi kesalahan</translation></message>
    <message><source>Critical Error:</source><translation>Kesalahan Kritis:</translation></message>
    <message><source>Debug Message:</source><translation>Pesan Debug:</translation></message>
    <message><source>Fatal Error:</source><translation>Kesalahan Fatal:</translation></message>
    <message><source>Information:</source><translation>Informasi:</translation></message>
    <message><source>Warning:</source><translation>Peringatan:</translation></message>
</context>
<context>
    <name>QStandardPaths</name>
    <message><source>Desktop</source><translation>Desktop</translation></message>
    <message><source>Documents</source><translation>Dokumen</translation></message>
    <message><source>Downloads</source><translation>Unduhan</translation></message>
    <message><source>Home</source><translation>Folder pribadi</translation></message>
    <message><source>Pictures</source><translation>Gambar</translation></message>
    <message><source>Music</source><translation>Musik</translation></message>
    <message><source>Movies</source><translation>Video</translation></message>
    <message><source>Public</source><translation>Publik</translation></message>
    <message><source>Templates</source><translation>Templat</translation></message>
    <message><source>Temporary Directory</source><translation>Folder Sementara</translation></message>
    <message><source>Applications</source><translation>Aplikasi</translation></message>
    <message><source>Fonts</source><translation>Fon</translation></message>
</context>

</TS>
