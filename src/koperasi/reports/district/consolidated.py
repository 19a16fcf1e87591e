"""The district's consolidated workbook: the kabupaten's sum, each office side by side, each kecamatan.

The per-office sheet is the comparison table funders ask for (PAR30, collection rate, people trained, sales),
with the date each office's data is as of and a mark on the offices whose packet is older than the setting.
"""

from __future__ import annotations

from functools import partial
from html import escape

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from koperasi.domain.dates import format_date
from koperasi.domain.district.figures import Consolidated
from koperasi.domain.money import format_rupiah, percent
from koperasi.reports.layout import (
    A4_TEXT_WIDTH, BODY, RED, SECTION, TITLE, NumberedCanvas, Target, a4_document, binary_streams, chunked_tables,
    figures_band, output,
)
from koperasi.reports.sheets import PERCENT, RUPIAH, add_sheet, row

# (label, the figure, its number format): the Ringkasan sheet's lines, and the per-office sheet's columns.
FIGURE_LINES = (
    ("Anggota aktif", lambda f: f.members, None),
    ("Anggota perempuan", lambda f: f.women, None),
    ("Anggota baru bulan ini", lambda f: f.new_in_month, None),
    ("Pinjaman berjalan", lambda f: f.loans, None),
    ("Sisa pokok pinjaman", lambda f: f.outstanding, RUPIAH),
    ("Berisiko (PAR30)", lambda f: f.at_risk_30, RUPIAH),
    ("PAR30", lambda f: f.par30, PERCENT),
    ("Dicairkan tahun ini", lambda f: f.disbursed_in_year, RUPIAH),
    ("Angsuran jatuh tempo bulan ini", lambda f: f.due_in_month, RUPIAH),
    ("Angsuran tertagih bulan ini", lambda f: f.collected_in_month, RUPIAH),
    ("Tingkat penagihan", lambda f: f.collection_rate, PERCENT),
    ("Peserta pelatihan tahun ini", lambda f: f.trained_in_year, None),
    ("Lulus pelatihan tahun ini", lambda f: f.completed_in_year, None),
    ("Penjualan tahun ini", lambda f: f.sales_in_year, RUPIAH),
    ("Penjualan bulan ini", lambda f: f.sales_in_month, RUPIAH),
)
STALE_MARK = "LAMA"
# (label, the figure) of the impact indicators (issue 16), year to the day: the Dampak sheet's and table's columns.
IMPACT_LINES = (
    ("Rumah tangga terjangkau", lambda i: i.reached),
    ("Rumah tangga dengan data awal", lambda i: i.households),
    ("Dikunjungi ulang", lambda i: i.followed_up),
    ("Median perubahan pendapatan (Rp/bulan)", lambda i: i.median_income_change),
    ("Anak kembali sekolah", lambda i: i.children_back_in_school),
    ("Usaha mulai/berkembang", lambda i: i.businesses_started_or_grown),
    ("Lepas dari rentenir", lambda i: i.moneylender_debt_ended),
    ("Di atas garis kemiskinan: awal", lambda i: i.above_poverty_before),
    ("Di atas garis kemiskinan: kini", lambda i: i.above_poverty_after),
    ("Pinjaman lunas", lambda i: i.loans_paid_off),
    ("Lunas tepat waktu", lambda i: i.loans_on_time),
)
KECAMATAN_NOTE = ("Anggota dan pinjaman menurut kecamatan anggota; pelatihan (tahun ini) menurut kecamatan peserta, "
                  "penjualan menurut kecamatan penitip, dari ringkasan pelatihan dan laporan penjualan kantor sendiri.")


def title(view: Consolidated) -> str:
    return f"Konsolidasi {view.kabupaten}"


def impact_note(view: Consolidated) -> str:
    note = ("Dampak tahun berjalan, dihitung tiap kantor dengan aturan layar Dampaknya; median dari perubahan pendapatan "
            "semua rumah tangga yang dikunjungi ulang, bukan rata-rata median kantor.")
    if view.without_impact:
        note += f" Belum termasuk (paket versi 1): {', '.join(view.without_impact)}."
    return note


def _rupiah_or_dash(amount: int | None) -> str:
    return format_rupiah(amount) if amount is not None else "—"


def write_consolidated_xlsx(view: Consolidated, target: Target) -> None:
    """Sheets: Ringkasan (the kabupaten), Per kantor (the comparison table), Per kecamatan, Dampak."""
    book = Workbook(write_only=True)
    heading = (title(view), f"Per {format_date(view.today)}; {len(view.offices)} kantor terdaftar",
               f"Kantor bertanda {STALE_MARK}: paket lebih lama dari {view.stale_days} hari, atau belum pernah diterima.")
    sheet = add_sheet(book, "Ringkasan", ("Uraian", "Kabupaten"), (36, 20), heading=heading)
    for label, value, number_format in FIGURE_LINES:
        sheet.append(row(sheet, (label, value(view.total)), (None, number_format)))

    labels = [label for label, _, _ in FIGURE_LINES]
    sheet = add_sheet(book, "Per kantor", ("Kantor", "Kode", "Kecamatan", "Data per", "Tanda", *labels),
                      (30, 8, 18, 16, 8, *([16] * len(labels))))
    for line in view.offices:
        known = line.figures is not None
        values = [value(line.figures) if known else None for _, value, _ in FIGURE_LINES]
        sheet.append(row(sheet, (line.label, line.office_code, line.kecamatan,
                                 format_date(line.as_of) if line.as_of else "belum ada paket",
                                 STALE_MARK if line.stale else "", *values),
                         (None, None, None, None, None, *(f for _, _, f in FIGURE_LINES))))
    sheet.append(row(sheet, ("Jumlah kabupaten", "", "", "", "", *(value(view.total) for _, value, _ in FIGURE_LINES)),
                     (None, None, None, None, None, *(f for _, _, f in FIGURE_LINES)), bold=True))

    sheet = add_sheet(book, "Per kecamatan", ("Kecamatan", "Anggota aktif", "Perempuan", "Pinjaman berjalan",
                                              "Sisa pokok", "Berisiko (PAR30)", "PAR30", "Peserta pelatihan tahun ini",
                                              "Lulus pelatihan tahun ini", "Peserta perempuan", "Penjualan tahun ini",
                                              "Penjualan bulan ini"),
                      (28, 14, 12, 16, 18, 18, 10, 16, 16, 14, 18, 18),
                      heading=(title(view), KECAMATAN_NOTE))
    for line in view.by_kecamatan:
        sheet.append(row(sheet, (line.kecamatan, line.members, line.women, line.loans, line.outstanding, line.at_risk_30,
                                 line.par30, line.trained_in_year, line.completed_in_year, line.trained_women,
                                 line.sales_in_year, line.sales_in_month),
                         (None, None, None, None, RUPIAH, RUPIAH, PERCENT, None, None, None, RUPIAH, RUPIAH)))
    sheet = add_sheet(book, "Dampak", ("Kantor", *(label for label, _ in IMPACT_LINES)), (30, *([16] * len(IMPACT_LINES))),
                      heading=(title(view), impact_note(view)))
    formats = tuple(RUPIAH if label.startswith("Median") else None for label, _ in IMPACT_LINES)
    for line in view.offices:
        values = [value(line.impact) for _, value in IMPACT_LINES] if line.impact else ["paket versi 1"] + [None] * (len(IMPACT_LINES) - 1)
        sheet.append(row(sheet, (line.label, *values), (None, *formats)))
    sheet.append(row(sheet, ("Jumlah kabupaten", *(value(view.impact) for _, value in IMPACT_LINES)), (None, *formats), bold=True))
    book.save(output(target))


def write_consolidated_pdf(view: Consolidated, target: Target) -> None:
    """A4: the kabupaten's key figures, the per-office comparison table, then the kecamatan lines."""
    document = a4_document(target, title(view), view.kabupaten)
    footer = partial(NumberedCanvas, left_text=f"{title(view)} (per {format_date(view.today)})", right_text="Koperasi Berdaya")
    total = view.total
    story: list[Flowable] = [
        Paragraph(f"KONSOLIDASI {escape(view.kabupaten.upper())}<br/>per {format_date(view.today)}", TITLE),
        figures_band([
            (f"{total.members:,}".replace(",", "."), "anggota aktif"),
            (percent(total.par30), "PAR30"),
            (percent(total.collection_rate), "penagihan bulan ini"),
            (f"{total.trained_in_year:,}".replace(",", "."), "peserta pelatihan tahun ini"),
        ], A4_TEXT_WIDTH),
        Spacer(1, 2 * mm),
        # Rupiah amounts need the width of half the page each: a band of six wrapped them.
        figures_band([
            (format_rupiah(total.outstanding), "sisa pokok pinjaman"),
            (format_rupiah(total.sales_in_year), "penjualan tahun ini"),
        ], A4_TEXT_WIDTH),
        Paragraph("Per kantor", SECTION),
        *_office_table(view),
        Spacer(1, 2 * mm),
        Paragraph(f"{STALE_MARK}: paket kantor lebih lama dari {view.stale_days} hari, atau belum pernah diterima; "
                  "angkanya per tanggal di kolom \"Data per\".", BODY),
        Paragraph("Dampak tahun ini", SECTION),
        *_impact_table(view),
        Spacer(1, 2 * mm),
        Paragraph(escape(impact_note(view)), BODY),
        Paragraph("Per kecamatan", SECTION),
        *chunked_tables(
            ("Kecamatan", "Anggota", "Perempuan", "Pinjaman", "Sisa pokok", "PAR30", "Latih", "Lulus", "Penjualan"),
            [(line.kecamatan, str(line.members), str(line.women), str(line.loans), format_rupiah(line.outstanding),
              percent(line.par30), str(line.trained_in_year), str(line.completed_in_year),
              format_rupiah(line.sales_in_year)) for line in view.by_kecamatan],
            [40 * mm, 16 * mm, 17 * mm, 16 * mm, 24 * mm, 13 * mm, 12 * mm, 12 * mm, 24 * mm],
            right=(1, 2, 3, 4, 5, 6, 7, 8), font_size=7,
        ),
        Spacer(1, 2 * mm),
        Paragraph(escape(KECAMATAN_NOTE), BODY),
    ]
    with binary_streams():
        document.build(story, canvasmaker=footer)


def _office_table(view: Consolidated) -> list[Flowable]:
    rows, stale_rows = [], []
    for index, line in enumerate(view.offices):
        f = line.figures
        rows.append((
            line.label, line.kecamatan or "—", format_date(line.as_of) if line.as_of else "belum ada",
            STALE_MARK if line.stale else "",
            *((str(f.members), format_rupiah(f.outstanding), percent(f.par30), percent(f.collection_rate),
               str(f.trained_in_year), format_rupiah(f.sales_in_year)) if f else ("—",) * 6),
        ))
        if line.stale:
            stale_rows.append(("TEXTCOLOR", (3, index), (3, index), RED))
    t = view.total
    return chunked_tables(
        ("Kantor", "Kecamatan", "Data per", "", "Anggota", "Sisa pokok", "PAR30", "Tagih", "Latih", "Penjualan"),
        rows, [34 * mm, 19 * mm, 20 * mm, 9 * mm, 13 * mm, 22 * mm, 11 * mm, 11 * mm, 10 * mm, 21 * mm],
        right=(4, 5, 6, 7, 8, 9), font_size=7, extra=stale_rows,
        footer=("Jumlah kabupaten", "", "", "", str(t.members), format_rupiah(t.outstanding), percent(t.par30),
                percent(t.collection_rate), str(t.trained_in_year), format_rupiah(t.sales_in_year)), footer_span=4,
    )


def _impact_table(view: Consolidated) -> list[Flowable]:
    def cells(impact) -> tuple[str, ...]:
        return (str(impact.reached), str(impact.households), str(impact.followed_up),
                _rupiah_or_dash(impact.median_income_change), str(impact.children_back_in_school),
                str(impact.businesses_started_or_grown), str(impact.moneylender_debt_ended))
    rows = [(line.label, *(cells(line.impact) if line.impact else ("versi 1",) + ("—",) * 6))
            for line in view.offices if line.figures is not None]
    return chunked_tables(
        ("Kantor", "Terjangkau", "Data awal", "Dikunjungi", "Median pendapatan", "Anak sekolah", "Usaha", "Lepas rentenir"),
        rows, [36 * mm, 18 * mm, 17 * mm, 18 * mm, 27 * mm, 19 * mm, 13 * mm, 22 * mm], right=(1, 2, 3, 4, 5, 6, 7),
        font_size=7, footer=("Jumlah kabupaten", *cells(view.impact)),
    )


def suggested_name(view: Consolidated, suffix: str) -> str:
    return f"konsolidasi-{view.today:%Y-%m-%d}.{suffix}"

