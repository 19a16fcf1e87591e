"""The four tiles of Beranda: members, loans, trainings and sales, written from the service's figures."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from koperasi.domain.money import format_rupiah, percent
from koperasi.gui.dashboard.cards import ALERT, card, label_rows, table, thousands
from koperasi.services.dashboard.figures import (
    EVERY_AREA, Area, Figures, LoanFigures, MemberFigures, NetworkFigures, SalesFigures, TrainingFigures,
)

SHOWN_ROWS = 6  # kecamatan, programmes and channels beyond these are left to the reports


def tr(text: str) -> str:
    return QCoreApplication.translate("DashboardTiles", text)


class Tiles(QWidget):
    """Members and trainings on the left, loans and sales on the right (the treasurer's two)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTiles")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        members, self.members = card("dashboardMembersTile", tr("Anggota"))
        loans, self.loans = card("dashboardLoansTile", tr("Pinjaman"))
        trainings, self.trainings = card("dashboardTrainingsTile", tr("Pelatihan"))
        sales, self.sales = card("dashboardSalesTile", tr("Penjualan"))
        network, self.network = card("dashboardNetworkTile", tr("Jaringan"))
        grid.addWidget(members, 0, 0)
        grid.addWidget(loans, 0, 1, 2, 1)
        grid.addWidget(trainings, 1, 0)
        grid.addWidget(sales, 2, 0, 1, 2)
        grid.addWidget(network, 3, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

    def show_figures(self, figures: Figures, areas: frozenset[Area] = EVERY_AREA) -> None:
        """Write the tiles of ``areas`` (the ones read again) from ``figures``; the others keep their text."""
        if Area.MEMBERS in areas:
            self.members.setText(members_html(figures.members))
        if Area.LOANS in areas:
            self.loans.setText(loans_html(figures.loans))
        if Area.TRAININGS in areas:
            self.trainings.setText(trainings_html(figures.trainings))
        if Area.SALES in areas:
            self.sales.setText(sales_html(figures.sales))
        if Area.NETWORK in areas:
            self.network.setText(network_html(figures.network) if figures.network else "")


def members_html(m: MemberFigures) -> str:
    rows = [
        (tr("Anggota"), thousands(m.total)),
        (tr("Perempuan"), f"{thousands(m.women)} ({percent(m.women_share)})"),
        (tr("Masuk bulan ini"), thousands(m.new_in_month)),
        (tr("Keluar bulan ini"), thousands(m.left_in_month)),
        *((c.name, thousands(c.count)) for c in m.by_category),
        (tr("Anak tidak bersekolah (dalam keluarga anggota)"), thousands(m.out_of_school_children)),
    ]
    kecamatan = table([(escape(c.name), thousands(c.count)) for c in m.by_kecamatan[:SHOWN_ROWS]],
                      header=(tr("Kecamatan"), tr("Anggota")))
    more = len(m.by_kecamatan) - SHOWN_ROWS
    tail = f"<p style='color:#555'>{escape(tr('… dan {n} kecamatan lain').format(n=more))}</p>" if more > 0 else ""
    return label_rows(rows) + "<br>" + kecamatan + tail


def loans_html(loans: LoanFigures) -> str:
    book = loans.book
    par = f"<span style='color:{ALERT}'>{percent(book.par30)}</span>" if book.at_risk_30 else percent(book.par30)
    rows = table([
        (tr("Pinjaman beredar"), f"{format_rupiah(book.outstanding)} ({thousands(book.loans)} {tr('pinjaman')})"),
        (tr("Dicairkan bulan ini"), format_rupiah(loans.disbursed_in_month)),
        (tr("Dicairkan tahun ini"), format_rupiah(loans.disbursed_in_year)),
        (tr("Angsuran jatuh tempo bulan ini"), format_rupiah(loans.due_in_month)),
        (tr("Angsuran diterima bulan ini"), format_rupiah(loans.collected_in_month)),
        (tr("Tingkat penagihan"), percent(loans.collection_rate)),
        (tr("PAR30"), f"{par} ({format_rupiah(book.at_risk_30)})"),
    ])
    buckets = table([(escape(b.name), thousands(b.loans), format_rupiah(b.outstanding)) for b in loans.buckets],
                    header=(tr("Umur tunggakan"), tr("Pinjaman"), tr("Sisa pokok")))
    oldest = ""
    if loans.oldest_arrears:
        oldest = "<p><b>" + escape(tr("Tunggakan terlama")) + "</b></p>" + table(
            [(escape(f"{line.member_name} ({line.loan_number})"), tr("{days} hari").format(days=line.days_past_due),
              format_rupiah(line.arrears)) for line in loans.oldest_arrears],
            header=(tr("Peminjam"), tr("Terlambat"), tr("Tunggakan")))
    funds = table([(escape(f.name), format_rupiah(f.capital), format_rupiah(f.lent_out), format_rupiah(f.available)) for f in loans.funds],
                  header=(tr("Sumber dana"), tr("Modal"), tr("Dipinjamkan"), tr("Tersedia")))
    return rows + "<br>" + buckets + oldest + "<br>" + funds


def trainings_html(t: TrainingFigures) -> str:
    rows = label_rows([
        (tr("Peserta tahun ini"), thousands(t.year.participants)),
        (tr("Lulus (selesai)"), thousands(t.year.completed)),
        (tr("Tingkat kelulusan"), percent(t.completion_rate)),
        (tr("Sesi dalam 14 hari ke depan"), thousands(t.upcoming_sessions)),
    ])
    programmes = table([(escape(p.name), thousands(p.participants), thousands(p.completed)) for p in t.by_programme[:SHOWN_ROWS]],
                       header=(tr("Program"), tr("Peserta"), tr("Lulus")))
    return rows + ("<br>" + programmes if t.by_programme else "")


def sales_html(s: SalesFigures) -> str:
    month = {c.name: c for c in s.month_by_channel}
    year = {c.name: c for c in s.year_by_channel}
    channels = [(escape(name), format_rupiah(month[name].total if name in month else 0), format_rupiah(year[name].total))
                for name in sorted(year)]
    rows = table(
        [*channels,
         (f"<b>{escape(tr('Jumlah'))}</b>", f"<b>{format_rupiah(s.month.total)}</b>", f"<b>{format_rupiah(s.year.total)}</b>"),
         (escape(tr("Bagian anggota (produsen)")), format_rupiah(s.month.producer_share), format_rupiah(s.year.producer_share))],
        header=(tr("Saluran"), tr("Bulan ini"), tr("Tahun ini")),
    )
    owed = label_rows([(tr("Belum dibayar ke produsen"),
                        tr("{amount} kepada {count} produsen").format(amount=format_rupiah(s.owed_to_producers), count=thousands(s.producers_owed)))])
    return rows + "<br>" + owed


def network_html(n: NetworkFigures) -> str:
    """This year's meetings and referrals, with the outcomes recorded so far."""
    outcomes = ", ".join(f"{escape(label.lower())} {thousands(count)}" for label, count in n.outcomes)
    return label_rows([
        (tr("Pertemuan komunitas tahun ini"), tr("{meetings} ({attended} kehadiran anggota)").format(
            meetings=thousands(n.meetings), attended=thousands(n.attended))),
        (tr("Rujukan tahun ini"), thousands(n.referred)),
        (tr("Hasilnya"), (outcomes + ", " if outcomes else "") + tr("belum ada kabar {count}").format(count=thousands(n.without_outcome))),
    ])
