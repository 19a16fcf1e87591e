"""The vocabulary of the audit log: what happened, to what, in words a manager reads."""

from __future__ import annotations

from enum import StrEnum

from koperasi.domain.roles import Role


class AuditAction(StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_REFUSED_INACTIVE = "login_refused_inactive"
    ACCOUNT_LOCKED = "account_locked"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET = "password_reset"
    USER_CREATED = "user_created"
    USER_UPDATED = "user_updated"
    USER_ACTIVATED = "user_activated"
    USER_DEACTIVATED = "user_deactivated"
    OFFICE_CREATED = "office_created"
    OFFICE_UPDATED = "office_updated"
    DESA_CREATED = "desa_created"
    DESA_UPDATED = "desa_updated"
    KECAMATAN_ADDED = "kecamatan_added"
    REGION_NAMES_UPDATED = "region_names_updated"
    MEMBER_REGISTERED = "member_registered"
    MEMBER_UPDATED = "member_updated"
    MEMBER_LEFT = "member_left"
    MEMBER_REJOINED = "member_rejoined"
    MEMBER_PHOTO_CHANGED = "member_photo_changed"
    MEMBERS_IMPORTED = "members_imported"
    MEMBERS_EXPORTED = "members_exported"
    GROUP_CREATED = "group_created"
    GROUP_UPDATED = "group_updated"
    GROUP_MEMBER_ADDED = "group_member_added"
    GROUP_MEMBER_REMOVED = "group_member_removed"
    CATEGORY_CREATED = "category_created"
    CATEGORY_RENAMED = "category_renamed"
    CATEGORY_RETIRED = "category_retired"
    CATEGORY_REACTIVATED = "category_reactivated"
    FUND_CREATED = "fund_created"
    FUND_UPDATED = "fund_updated"
    FUND_CAPITAL_RECEIVED = "fund_capital_received"
    PRODUCT_CREATED = "product_created"
    PRODUCT_UPDATED = "product_updated"
    LOAN_APPLIED = "loan_applied"
    LOAN_APPROVED = "loan_approved"
    LOAN_REJECTED = "loan_rejected"
    LOAN_DISBURSED = "loan_disbursed"
    LOAN_REPAID = "loan_repaid"
    LOAN_RESCHEDULED = "loan_rescheduled"
    LOAN_WRITTEN_OFF = "loan_written_off"
    LOAN_MOVEMENT_REVERSED = "loan_movement_reversed"
    GROUP_COLLECTION_POSTED = "group_collection_posted"
    PROGRAMME_CREATED = "programme_created"
    PROGRAMME_UPDATED = "programme_updated"
    BATCH_CREATED = "batch_created"
    BATCH_UPDATED = "batch_updated"
    SESSION_ADDED = "session_added"
    SESSION_UPDATED = "session_updated"
    PARTICIPANT_ENROLLED = "participant_enrolled"
    PARTICIPANT_WITHDRAWN = "participant_withdrawn"
    ATTENDANCE_RECORDED = "attendance_recorded"
    ATTENDANCE_CORRECTED = "attendance_corrected"
    CERTIFICATE_ISSUED = "certificate_issued"
    SETTING_CHANGED = "setting_changed"
    SALES_PRODUCT_CREATED = "sales_product_created"
    SALES_PRODUCT_UPDATED = "sales_product_updated"
    CHANNEL_UPDATED = "channel_updated"
    BUYER_CREATED = "buyer_created"
    BUYER_UPDATED = "buyer_updated"
    INTAKE_RECORDED = "intake_recorded"
    INTAKE_REVERSED = "intake_reversed"
    SALE_RECORDED = "sale_recorded"
    SALE_REVERSED = "sale_reversed"
    PAYOUT_MADE = "payout_made"
    PAYOUT_REVERSED = "payout_reversed"
    REVERSAL_REQUESTED = "reversal_requested"
    REVERSAL_APPROVED = "reversal_approved"
    REVERSAL_REJECTED = "reversal_rejected"
    MEETING_RECORDED = "meeting_recorded"
    MEETING_UPDATED = "meeting_updated"
    MEETING_ATTENDANCE_RECORDED = "meeting_attendance_recorded"
    FOLLOW_UP_ADDED = "follow_up_added"
    FOLLOW_UP_DONE = "follow_up_done"
    OPPORTUNITY_PUBLISHED = "opportunity_published"
    OPPORTUNITY_UPDATED = "opportunity_updated"
    REFERRAL_RECORDED = "referral_recorded"
    REFERRAL_LETTER_ISSUED = "referral_letter_issued"
    REFERRAL_OUTCOME_RECORDED = "referral_outcome_recorded"
    NETWORK_LIST_EXPORTED = "network_list_exported"
    SAVINGS_DEPOSITED = "savings_deposited"
    SAVINGS_WITHDRAWN = "savings_withdrawn"
    SAVINGS_REVERSED = "savings_reversed"
    SAVINGS_RETURNED = "savings_returned"
    SAVINGS_OPENING_IMPORTED = "savings_opening_imported"
    SAVINGS_RATE_SET = "savings_rate_set"
    PASSBOOK_PRINTED = "passbook_printed"
    PASSBOOK_RESET = "passbook_reset"
    CASH_RECEIVED = "cash_received"
    CASH_SPENT = "cash_spent"
    CASH_REVERSED = "cash_reversed"
    CASH_BOOK_EXPORTED = "cash_book_exported"
    LEDGER_ACCOUNT_ADDED = "ledger_account_added"
    LEDGER_ACCOUNT_CHANGED = "ledger_account_changed"
    BOOK_CLOSING_REQUESTED = "book_closing_requested"
    BOOK_CLOSING_REJECTED = "book_closing_rejected"
    BOOKS_CLOSED = "books_closed"
    SHU_DIVIDED = "shu_divided"
    SHU_PAID = "shu_paid"
    SHU_PAYMENT_REVERSED = "shu_payment_reversed"
    SHU_LIST_MADE = "shu_list_made"
    RAT_PACK_MADE = "rat_pack_made"
    BACKUP_MADE = "backup_made"
    BACKUP_RESTORED = "backup_restored"
    BACKUP_SKIPPED = "backup_skipped"
    HOUSEHOLD_MEASURED = "household_measured"
    HOUSEHOLD_VIEWED = "household_viewed"
    IMPACT_REPORTED = "impact_reported"
    POVERTY_LINE_SET = "poverty_line_set"
    STORY_SAVED = "story_saved"
    STORY_PRINTED = "story_printed"
    OFFICE_KEY_CREATED = "office_key_created"
    DISTRICT_REPORT_SENT = "district_report_sent"
    DISTRICT_OFFICE_REGISTERED = "district_office_registered"
    DISTRICT_PACKET_IMPORTED = "district_packet_imported"
    PROGRAM_MODE_CHANGED = "program_mode_changed"
    DISTRICT_KEY_CREATED = "district_key_created"
    DISTRICT_SHEET_PRINTED = "district_sheet_printed"


ACTION_LABELS: dict[str, str] = {
    AuditAction.LOGIN: "Masuk",
    AuditAction.LOGIN_FAILED: "Gagal masuk",
    AuditAction.LOGIN_REFUSED_INACTIVE: "Masuk ditolak (akun nonaktif)",
    AuditAction.ACCOUNT_LOCKED: "Akun ditahan sebentar (salah sandi berulang)",
    AuditAction.PASSWORD_CHANGED: "Ganti kata sandi",
    AuditAction.PASSWORD_RESET: "Atur ulang kata sandi",
    AuditAction.USER_CREATED: "Pengguna dibuat",
    AuditAction.USER_UPDATED: "Pengguna diubah",
    AuditAction.USER_ACTIVATED: "Pengguna diaktifkan",
    AuditAction.USER_DEACTIVATED: "Pengguna dinonaktifkan",
    AuditAction.OFFICE_CREATED: "Kantor disiapkan",
    AuditAction.OFFICE_UPDATED: "Profil kantor diubah",
    AuditAction.DESA_CREATED: "Desa ditambahkan",
    AuditAction.DESA_UPDATED: "Desa diubah",
    AuditAction.KECAMATAN_ADDED: "Kecamatan ditambahkan dari data resmi",
    AuditAction.REGION_NAMES_UPDATED: "Nama wilayah diperbarui dari berkas resmi",
    AuditAction.MEMBER_REGISTERED: "Anggota didaftarkan",
    AuditAction.MEMBER_UPDATED: "Data anggota diubah",
    AuditAction.MEMBER_LEFT: "Anggota keluar",
    AuditAction.MEMBER_REJOINED: "Anggota bergabung kembali",
    AuditAction.MEMBER_PHOTO_CHANGED: "Foto anggota diganti",
    AuditAction.MEMBERS_IMPORTED: "Anggota diimpor dari Excel",
    AuditAction.MEMBERS_EXPORTED: "Daftar anggota diekspor",
    AuditAction.GROUP_CREATED: "Kelompok dibuat",
    AuditAction.GROUP_UPDATED: "Kelompok diubah",
    AuditAction.GROUP_MEMBER_ADDED: "Anggota masuk kelompok",
    AuditAction.GROUP_MEMBER_REMOVED: "Anggota keluar kelompok",
    AuditAction.CATEGORY_CREATED: "Kategori ditambahkan",
    AuditAction.CATEGORY_RENAMED: "Nama kategori diubah",
    AuditAction.CATEGORY_RETIRED: "Kategori tidak dipakai lagi",
    AuditAction.CATEGORY_REACTIVATED: "Kategori dipakai kembali",
    AuditAction.FUND_CREATED: "Sumber dana dibuat",
    AuditAction.FUND_UPDATED: "Sumber dana diubah",
    AuditAction.FUND_CAPITAL_RECEIVED: "Modal dana diterima",
    AuditAction.PRODUCT_CREATED: "Produk pinjaman dibuat",
    AuditAction.PRODUCT_UPDATED: "Produk pinjaman diubah",
    AuditAction.LOAN_APPLIED: "Pinjaman diajukan",
    AuditAction.LOAN_APPROVED: "Pinjaman disetujui",
    AuditAction.LOAN_REJECTED: "Pinjaman ditolak",
    AuditAction.LOAN_DISBURSED: "Pinjaman dicairkan",
    AuditAction.LOAN_REPAID: "Angsuran diterima",
    AuditAction.LOAN_RESCHEDULED: "Pinjaman dijadwal ulang",
    AuditAction.LOAN_WRITTEN_OFF: "Pinjaman dihapusbukukan",
    AuditAction.LOAN_MOVEMENT_REVERSED: "Transaksi pinjaman dibatalkan",
    AuditAction.GROUP_COLLECTION_POSTED: "Setoran kelompok dibukukan",
    AuditAction.PROGRAMME_CREATED: "Program pelatihan dibuat",
    AuditAction.PROGRAMME_UPDATED: "Program pelatihan diubah",
    AuditAction.BATCH_CREATED: "Angkatan pelatihan dibuat",
    AuditAction.BATCH_UPDATED: "Angkatan pelatihan diubah",
    AuditAction.SESSION_ADDED: "Sesi pelatihan ditambahkan",
    AuditAction.SESSION_UPDATED: "Sesi pelatihan diubah",
    AuditAction.PARTICIPANT_ENROLLED: "Peserta didaftarkan",
    AuditAction.PARTICIPANT_WITHDRAWN: "Peserta mengundurkan diri",
    AuditAction.ATTENDANCE_RECORDED: "Kehadiran dicatat",
    AuditAction.ATTENDANCE_CORRECTED: "Kehadiran dikoreksi",
    AuditAction.CERTIFICATE_ISSUED: "Sertifikat diterbitkan",
    AuditAction.SETTING_CHANGED: "Pengaturan diubah",
    AuditAction.SALES_PRODUCT_CREATED: "Barang dagangan ditambahkan",
    AuditAction.SALES_PRODUCT_UPDATED: "Barang dagangan diubah",
    AuditAction.CHANNEL_UPDATED: "Saluran penjualan diubah",
    AuditAction.BUYER_CREATED: "Pembeli ditambahkan",
    AuditAction.BUYER_UPDATED: "Pembeli diubah",
    AuditAction.INTAKE_RECORDED: "Titipan barang diterima",
    AuditAction.INTAKE_REVERSED: "Titipan barang dibatalkan",
    AuditAction.SALE_RECORDED: "Penjualan dicatat",
    AuditAction.SALE_REVERSED: "Penjualan dibatalkan (retur)",
    AuditAction.PAYOUT_MADE: "Hasil penjualan dibayarkan",
    AuditAction.PAYOUT_REVERSED: "Pembayaran hasil penjualan dibatalkan",
    AuditAction.REVERSAL_REQUESTED: "Pembatalan diminta",
    AuditAction.REVERSAL_APPROVED: "Pembatalan disetujui",
    AuditAction.REVERSAL_REJECTED: "Pembatalan ditolak",
    AuditAction.MEETING_RECORDED: "Pertemuan komunitas dicatat",
    AuditAction.MEETING_UPDATED: "Pertemuan komunitas diubah",
    AuditAction.MEETING_ATTENDANCE_RECORDED: "Kehadiran pertemuan dicatat",
    AuditAction.FOLLOW_UP_ADDED: "Tindak lanjut pertemuan ditambahkan",
    AuditAction.FOLLOW_UP_DONE: "Tindak lanjut pertemuan selesai",
    AuditAction.OPPORTUNITY_PUBLISHED: "Peluang diumumkan",
    AuditAction.OPPORTUNITY_UPDATED: "Peluang diubah",
    AuditAction.REFERRAL_RECORDED: "Rujukan dicatat",
    AuditAction.REFERRAL_LETTER_ISSUED: "Surat rujukan diterbitkan",
    AuditAction.REFERRAL_OUTCOME_RECORDED: "Hasil rujukan dicatat",
    AuditAction.NETWORK_LIST_EXPORTED: "Daftar jaringan diekspor ke Excel",
    AuditAction.SAVINGS_DEPOSITED: "Setoran simpanan diterima",
    AuditAction.SAVINGS_WITHDRAWN: "Penarikan simpanan dibayar",
    AuditAction.SAVINGS_REVERSED: "Transaksi simpanan dibatalkan",
    AuditAction.SAVINGS_RETURNED: "Simpanan dikembalikan kepada anggota yang keluar",
    AuditAction.SAVINGS_OPENING_IMPORTED: "Saldo awal simpanan diimpor",
    AuditAction.SAVINGS_RATE_SET: "Besar simpanan diatur",
    AuditAction.PASSBOOK_PRINTED: "Buku simpanan dicetak",
    AuditAction.PASSBOOK_RESET: "Buku simpanan baru dimulai",
    AuditAction.CASH_RECEIVED: "Pemasukan kas kantor dicatat",
    AuditAction.CASH_SPENT: "Pengeluaran kas kantor dicatat",
    AuditAction.CASH_REVERSED: "Transaksi kas kantor dibatalkan",
    AuditAction.CASH_BOOK_EXPORTED: "Buku kas kantor diekspor ke Excel",
    AuditAction.LEDGER_ACCOUNT_ADDED: "Akun ditambahkan ke bagan akun",
    AuditAction.LEDGER_ACCOUNT_CHANGED: "Akun di bagan akun diubah",
    AuditAction.BOOK_CLOSING_REQUESTED: "Tutup buku diminta",
    AuditAction.BOOK_CLOSING_REJECTED: "Tutup buku ditolak",
    AuditAction.BOOKS_CLOSED: "Tahun buku ditutup",
    AuditAction.SHU_DIVIDED: "SHU dibagi",
    AuditAction.SHU_PAID: "SHU anggota dibayarkan",
    AuditAction.SHU_PAYMENT_REVERSED: "Pembayaran SHU anggota dibatalkan",
    AuditAction.SHU_LIST_MADE: "Daftar SHU anggota dibuat",
    AuditAction.RAT_PACK_MADE: "Paket RAT dibuat",
    AuditAction.BACKUP_MADE: "Cadangan data dibuat",
    AuditAction.BACKUP_RESTORED: "Data dipulihkan dari cadangan",
    AuditAction.BACKUP_SKIPPED: "Cadangan otomatis dilewati (kata sandinya tidak ada)",
    AuditAction.HOUSEHOLD_MEASURED: "Data rumah tangga dicatat",
    AuditAction.HOUSEHOLD_VIEWED: "Data rumah tangga dilihat",
    AuditAction.IMPACT_REPORTED: "Laporan dampak dibuat",
    AuditAction.POVERTY_LINE_SET: "Garis kemiskinan dicatat",
    AuditAction.STORY_SAVED: "Kisah sukses disimpan",
    AuditAction.STORY_PRINTED: "Kisah sukses dicetak",
    AuditAction.OFFICE_KEY_CREATED: "Kunci tanda tangan kantor dibuat",
    AuditAction.DISTRICT_REPORT_SENT: "Paket laporan ke kabupaten dibuat",
    AuditAction.DISTRICT_OFFICE_REGISTERED: "Kantor didaftarkan di kabupaten",
    AuditAction.DISTRICT_PACKET_IMPORTED: "Paket laporan kantor diterima",
    AuditAction.PROGRAM_MODE_CHANGED: "Mode program diubah",
    AuditAction.DISTRICT_KEY_CREATED: "Kunci kabupaten dibuat",
    AuditAction.DISTRICT_SHEET_PRINTED: "Lembar pendaftaran kunci kantor dicetak",
}

ENTITY_LABELS: dict[str, str] = {
    "user": "Pengguna",
    "office": "Kantor",
    "desa": "Desa",
    "kecamatan": "Kecamatan",
    "wilayah": "Wilayah",
    "member": "Anggota",
    "group": "Kelompok",
    "category": "Kategori",
    "fund": "Sumber dana",
    "product": "Produk pinjaman",
    "loan": "Pinjaman",
    "loan_movement": "Transaksi pinjaman",
    "programme": "Program pelatihan",
    "batch": "Angkatan pelatihan",
    "session": "Sesi pelatihan",
    "setting": "Pengaturan",
    "sales_product": "Barang dagangan",
    "channel": "Saluran penjualan",
    "buyer": "Pembeli",
    "intake": "Titipan",
    "sale": "Penjualan",
    "payout": "Pembayaran hasil penjualan",
    "meeting": "Pertemuan komunitas",
    "follow_up": "Tindak lanjut pertemuan",
    "opportunity": "Peluang",
    "referral": "Rujukan",
    "saving": "Transaksi simpanan",
    "savings_rate": "Besar simpanan",
    "book_closing": "Tutup buku",
    "shu_division": "Pembagian SHU",
    "backup": "Cadangan data",
    "success_story": "Kisah sukses",
    "office_key": "Kunci kantor",
    "district_packet": "Paket laporan kabupaten",
    "district_office": "Kantor terdaftar (kabupaten)",
    "district_key": "Kunci kabupaten",
}

FIELD_LABELS: dict[str, str] = {
    "username": "nama pengguna",
    "full_name": "nama lengkap",
    "role": "peran",
    "active": "aktif",
    "name": "nama",
    "code": "kode",
    "kind": "jenis",
    "kecamatan_code": "kecamatan",
    "address": "alamat",
    "phone": "telepon",
    "chair_name": "ketua",
    "treasurer_name": "bendahara",
    "number": "nomor",
    "nik": "NIK",
    "kk_number": "nomor KK",
    "sex": "jenis kelamin",
    "birth_date": "tanggal lahir",
    "birth_place": "tempat lahir",
    "desa_id": "desa",
    "occupation": "pekerjaan",
    "status": "status",
    "left_on": "tanggal keluar",
    "left_reason": "alasan keluar",
    "categories": "kategori",
    "household": "anggota keluarga",
    "join_date": "tanggal bergabung",
    "household_relation": "hubungan dalam keluarga",
    "notes": "catatan",
    "rows": "baris",
    "member": "anggota",
    "group": "kelompok",
    "chair_member_id": "ketua",
    "donor": "pemberi dana",
    "amount": "jumlah",
    "principal": "pokok pinjaman",
    "term": "jumlah angsuran",
    "frequency": "frekuensi",
    "admin_fee": "biaya administrasi",
    "purpose": "keperluan",
    "receipt_number": "nomor kwitansi",
    "occurred_on": "tanggal",
    "reason": "alasan",
    "present": "hadir",
    "absent": "tidak hadir",
    "participant": "peserta",
    "held_on": "tanggal sesi",
    "facilitator": "fasilitator",
    "place": "tempat",
    "file": "berkas",
    "folder": "folder",
    "size_bytes": "ukuran (bita)",
    "encrypted": "terenkripsi",
    "automatic": "otomatis",
    "made_at": "dibuat",
    "schema_revision": "versi skema",
    "kept_aside": "salinan data sebelumnya",
    "summary": "transaksi",
    "request": "kode permintaan",
    "organiser": "penyelenggara",
    "topics": "topik",
    "information": "informasi",
    "decisions": "keputusan",
    "guests": "tamu",
    "members": "anggota hadir",
    "action": "tindak lanjut",
    "responsible": "penanggung jawab",
    "due_on": "batas waktu",
    "done_on": "tanggal selesai",
    "title": "judul",
    "provider": "penyedia",
    "contact": "kontak",
    "cost": "biaya",
    "deadline": "batas waktu",
    "closed": "ditutup",
    "conditions": "syarat",
    "opportunity": "peluang",
    "outcome": "hasil",
    "outcome_on": "tanggal hasil",
    "letter_number": "nomor surat",
    "year": "tahun buku",
    "income": "pendapatan",
    "expenses": "beban",
    "shu": "SHU",
    "parts": "bagian SHU",
    "members_sharing": "anggota penerima",
    "method": "cara pembayaran",
    "paid_on": "tanggal bayar",
}


def describe_change(before: dict[str, object] | None, after: dict[str, object] | None) -> str:
    """Only what changed, e.g. ``peran: clerk → treasurer``; a new record lists its values."""
    before, after = before or {}, after or {}
    parts = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        label = FIELD_LABELS.get(key, key)
        if key not in before:
            parts.append(f"{label}: {_show(key, new)}")
        else:
            parts.append(f"{label}: {_show(key, old)} → {_show(key, new)}")
    return "; ".join(parts)


def _show(key: str, value: object) -> str:
    if key == "role" and value in set(Role):
        return Role(value).label
    if value is True:
        return "ya"
    if value is False:
        return "tidak"
    if value in (None, ""):
        return "—"
    return str(value)
