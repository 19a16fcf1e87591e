"""The selected member: profile, household, groups, and what can be done with them."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.members.register import MemberStatus, age_on
from koperasi.domain.money import format_rupiah
from koperasi.domain.phone import format_phone
from koperasi.domain.sales.rules import format_quantity
from koperasi.gui.flow_layout import FlowLayout
from koperasi.services.members.register import MemberDetail
from koperasi import clock

PHOTO_SIZE = QSize(96, 120)  # a 3x4 pas foto


class MemberDetailPanel(QWidget):
    edit_requested = Signal()
    leave_requested = Signal()
    card_requested = Signal()
    profile_requested = Signal()
    photo_requested = Signal()
    household_requested = Signal()  # the household's measurements (Dampak), wired by the main window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDetailPanel")
        # The member's loans (loan_queries.member_loans), set by the main window; None: not shown.
        self.loans_of: Callable[[object], list] | None = None
        # The member's trainings (member_trainings.member_trainings), set the same way.
        self.trainings_of: Callable[[object], list] | None = None
        # The member's consignment (member_sales.member_sales), set the same way.
        self.sales_of: Callable[[object], object] | None = None
        # The community meetings the member attended (network member_history.member_meetings), set the same way.
        self.meetings_of: Callable[[object], list] | None = None
        # (referrals, fitting open opportunities) of the member (network referrals / eligibility), set the same way.
        self.network_of: Callable[[object], tuple[list, list]] | None = None
        # The member's savings balances (savings queries.member_balances), set the same way.
        self.savings_of: Callable[[object], object] | None = None
        self.text = QLabel()
        self.text.setObjectName("memberDetailText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photo = QLabel()
        self.photo.setObjectName("memberPhoto")
        self.photo.setFixedSize(PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #bbb; color: #888;")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        self.edit_button = self._button("memberEditButton", self.tr("&Ubah…"), self.edit_requested)
        self.leave_button = self._button("memberLeaveButton", self.tr("Catat anggota &keluar…"), self.leave_requested)
        self.card_button = self._button("memberCardButton", self.tr("&Kartu anggota"), self.card_requested)
        self.profile_button = self._button("memberProfileButton", self.tr("&Profil (PDF)"), self.profile_requested)
        self.photo_button = self._button("memberPhotoButton", self.tr("&Foto…"), self.photo_requested)
        self.household_button = self._button("memberHouseholdButton", self.tr("Data rumah &tangga…"), self.household_requested)
        self.household_button.setToolTip(self.tr("Data awal dan hasil kunjungan pendampingan: pendapatan, usaha, utang, sekolah anak"))
        self.household_button.hide()  # shown by the main window for users who may see household figures
        buttons = FlowLayout()  # wraps on a 1024 px laptop, leaving the member list its width
        for button in (self.edit_button, self.leave_button, self.photo_button, self.card_button, self.profile_button,
                       self.household_button):
            buttons.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(scroll, 1)
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.show_member(None)

    def _button(self, name: str, text: str, signal) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(signal)
        return button

    def show_member(self, member: MemberDetail | None, *, photo: bytes | None = None, can_edit: bool = True) -> None:
        for button in (self.edit_button, self.leave_button, self.photo_button, self.card_button, self.profile_button,
                       self.household_button):
            button.setEnabled(member is not None)
        for button in (self.edit_button, self.leave_button, self.photo_button):
            button.setVisible(can_edit)
        image = QPixmap()
        if photo and image.loadFromData(photo):
            self.photo.setPixmap(image.scaled(PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("Foto") if member is not None else "")
        if member is None:
            self.text.setText(f"<p style='color:#666'>{escape(self.tr('Pilih anggota di daftar untuk melihat datanya.'))}</p>")
            return
        left = member.status is MemberStatus.LEFT
        self.leave_button.setText(self.tr("Bergabung &kembali") if left else self.tr("Catat anggota &keluar…"))
        self.leave_button.setToolTip(
            self.tr("Catat bahwa anggota ini kembali menjadi anggota koperasi") if left
            else self.tr("Catat bahwa anggota ini berhenti menjadi anggota koperasi (bukan keluar dari akun Anda)")
        )
        loans = self.loans_of(member.id) if self.loans_of is not None else None
        taken = self.trainings_of(member.id) if self.trainings_of is not None else None
        sold = self.sales_of(member.id) if self.sales_of is not None else None
        met = self.meetings_of(member.id) if self.meetings_of is not None else None
        network = self.network_of(member.id) if self.network_of is not None else None
        saved = self.savings_of(member.id) if self.savings_of is not None else None
        self.text.setText(
            _profile_html(member) + (savings_html(saved) if saved is not None else "")
            + (_loans_html(loans) if loans is not None else "")
            + (_trainings_html(taken) if taken is not None else "")
            + (_sales_html(sold) if sold is not None else "")
            + (_meetings_html(met) if met is not None else "")
            + (_network_html(*network) if network is not None else "")
        )


def savings_line(saved) -> str:
    """Pokok, wajib, sukarela and wajib arrears (a member's, or a group's sum: savings queries.Balances)."""
    arrears = (f" · <span style='color:#b00020'>tunggakan wajib {format_rupiah(saved.wajib_arrears)}</span>"
               if saved.wajib_arrears else "")
    return (f"Pokok {format_rupiah(saved.pokok)} · Wajib {format_rupiah(saved.wajib)} · "
            f"Sukarela {format_rupiah(saved.sukarela)} · <b>Jumlah {format_rupiah(saved.total)}</b>{arrears}")


def savings_html(saved) -> str:
    return f"<h4>Simpanan</h4><p>{savings_line(saved)}</p>"


def _profile_html(member: MemberDetail) -> str:
    data = member.data
    today = clock.today()
    status = member.status.label
    if member.status is MemberStatus.LEFT and member.left_on:
        status += f" sejak {format_date(member.left_on)} ({member.left_reason})"
    rows = [
        ("Nomor", member.number),
        ("NIK", data.nik or "—"),
        ("No. KK", data.kk_number or "—"),
        ("Jenis kelamin", data.sex.label),
        ("Lahir", f"{data.birth_place + ', ' if data.birth_place else ''}{format_date(data.birth_date)} ({age_on(data.birth_date, today)} tahun)"),
        ("Alamat", data.address or "—"),
        ("Desa", f"{member.desa_name}, Kec. {member.kecamatan_name}"),
        ("Telepon", format_phone(data.phone) if data.phone else "—"),
        ("Pekerjaan", data.occupation or "—"),
        ("Dalam KK", data.household_relation.label),
        ("Bergabung", format_date(data.join_date) if data.join_date else "—"),
        ("Status", status),
        ("Kategori", ", ".join(member.category_names) or "—"),
        ("Kelompok", ", ".join(f"{name} (sejak {format_date(joined)})" for name, joined in member.groups) or "—"),
        ("Keluarga", f"{member.household_size} orang, {member.out_of_school_children} anak tidak bersekolah"),
    ]
    table = "".join(f"<tr><td style='color:#555; padding-right:10px'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
    people = "".join(
        _record(f"<b>{escape(p.full_name)}</b>", p.relation.label, p.sex.label,
                f"lahir {format_date(p.birth_date)}" if p.birth_date else "",
                f"sekolah: {p.school_status.label}" if p.school_status else "")
        for p in data.household
    )
    household = people or "<p style='color:#666'>Belum ada anggota keluarga lain yang dicatat.</p>"
    notes = f"<h4>Catatan</h4><p>{escape(data.notes)}</p>" if data.notes else ""
    return f"<h2>{escape(data.full_name)}</h2><table>{table}</table><h4>Anggota keluarga</h4>{household}{notes}"


def _record(first: str, *rest: str) -> str:
    """One loan, training or relative as a short paragraph that wraps: the panel is narrow on a 1024 px
    laptop, where a table of five columns would lose its last one. ``first`` is HTML, the rest plain text."""
    return f"<p style='margin:0 0 6px 0'>{first}<br>{escape(' · '.join(part for part in rest if part))}</p>"


def _loans_html(loans: list) -> str:
    if not loans:
        return "<h4>Pinjaman</h4><p style='color:#666'>Belum pernah meminjam.</p>"
    rows = "".join(
        _record(f"<b>{escape(loan.number)}</b> {escape(loan.product)}",
                f"Pokok {format_rupiah(loan.principal)}",
                f"Sisa {format_rupiah(loan.outstanding)}" if loan.outstanding else "", loan.status.label)
        for loan in loans
    )
    return f"<h4>Pinjaman</h4>{rows}"


def _trainings_html(trainings: list) -> str:
    if not trainings:
        return "<h4>Pelatihan</h4><p style='color:#666'>Belum pernah ikut pelatihan.</p>"

    def status(t) -> str:
        if t.withdrawn:
            return "Mundur"
        return "Lulus" if t.completed else "Belum memenuhi"

    rows = "".join(
        _record(f"<b>{escape(t.programme)}</b> ({escape(t.batch)})", f"hadir {t.attended}/{t.held}", status(t),
                f"sertifikat {t.certificate_number}" if t.certificate_number else "")
        for t in trainings
    )
    return f"<h4>Pelatihan</h4>{rows}"


def _sales_html(sold) -> str:
    """Titip jual: stock per product, what is owed now, the latest payouts (member_sales.MemberSales)."""
    if not sold.stock and not sold.payouts and sold.payable is None:
        return "<h4>Titip jual</h4><p style='color:#666'>Belum pernah menitipkan barang.</p>"
    stock = "".join(
        _record(f"<b>{escape(row.product)}</b>", f"diterima {format_quantity(row.received_milli, row.unit)}",
                f"terjual {format_quantity(row.sold_milli, row.unit)}", f"stok {format_quantity(row.on_hand_milli, row.unit)}")
        for row in sold.stock
    )
    html = "<h4>Titip jual</h4>" + stock
    if sold.payable is not None:
        owed = sold.payable
        html += (f"<p>Hasil penjualan {format_rupiah(owed.earned)}, sudah dibayar {format_rupiah(owed.paid)}, "
                 f"<b>belum dibayar {format_rupiah(owed.owed)}</b></p>")
    html += "".join(
        _record(f"Bukti bayar <b>{escape(p.number)}</b>", format_date(p.paid_on), format_rupiah(p.amount), "Batal" if p.cancelled else "")
        for p in sold.payouts
    )
    return html


def _meetings_html(meetings: list) -> str:
    """Pertemuan komunitas the member attended (network member_history.MemberMeeting), newest first."""
    if not meetings:
        return "<h4>Pertemuan komunitas</h4><p style='color:#666'>Belum tercatat hadir di pertemuan komunitas.</p>"
    rows = "".join(
        _record(f"<b>{escape(format_date(m.held_on))}</b>, {escape(m.desa)}", " ".join(m.topics.split())) for m in meetings
    )
    return f"<h4>Pertemuan komunitas ({len(meetings)})</h4>{rows}"


def _network_html(referred: list, fitting: list) -> str:
    """Rujukan (network referrals.ReferralRow) with their outcomes, then the open opportunities that fit
    the member or their out-of-school children (eligibility.MemberOpportunity) and were not yet referred."""
    html = "<h4>Rujukan peluang</h4>"
    if referred:
        html += "".join(
            _record(f"<b>{escape(r.opportunity)}</b>", f"untuk {r.person}", f"dirujuk {format_date(r.referred_on)}",
                    f"{r.outcome.label}, {format_date(r.outcome_on)}" if r.outcome else "belum ada hasil")
            for r in referred
        )
    else:
        html += "<p style='color:#666'>Belum pernah dirujuk ke peluang.</p>"
    done = {(r.opportunity_id, r.person) for r in referred}
    open_ones = [f for f in fitting if (f.opportunity.id, f.person) not in done]
    if open_ones:
        items = "".join(f"<li>{escape(f.opportunity.title)} ({escape(f.opportunity.kind.label)})"
                        f"{' — untuk ' + escape(f.person) if f.household_member_id else ''}</li>" for f in open_ones)
        html += f"<p><b>Peluang yang cocok dan belum disampaikan:</b></p><ul>{items}</ul>"
    return html
