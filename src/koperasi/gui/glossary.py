"""The trade's words explained in plain Indonesian, for tooltips wherever a term is a column
header or a label (PAR30, Kolektibilitas, Umur tunggakan, Plafon, Tenor...): a new clerk
hovers and reads what the figure means, one explanation per term for the whole program."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Glossary", text)


def par30() -> str:
    return _tr(
        "PAR30 (portfolio at risk 30 hari): bagian sisa pokok pinjaman yang berisiko, dibanding seluruh sisa pokok "
        "pinjaman yang berjalan. Berisiko: angsurannya terlambat lebih dari 30 hari, atau dijadwal ulang "
        "(restrukturisasi) dan belum membayar tepat waktu sebanyak aturan produknya. Makin kecil makin sehat."
    )


def collectibility() -> str:
    return _tr(
        "Kolektibilitas: golongan kelancaran pinjaman menurut lama terlambatnya (penggolongan OJK): "
        "1 Lancar, 2 Dalam perhatian khusus (sampai 90 hari), 3 Kurang lancar (sampai 120 hari), "
        "4 Diragukan (sampai 180 hari), 5 Macet (lebih dari 180 hari)."
    )


def ageing() -> str:
    return _tr(
        "Umur tunggakan: pinjaman dikelompokkan menurut berapa hari angsuran tertua yang belum dibayar "
        "sudah lewat jatuh tempo (Lancar, 1–30 hari, 31–60 hari, 61–90 hari, lebih dari 90 hari)."
    )


def arrears() -> str:
    return _tr("Tunggakan: jumlah angsuran yang sudah jatuh tempo tetapi belum dibayar.")


def days_late() -> str:
    return _tr("Hari terlambat: berapa hari angsuran tertua yang belum dibayar sudah lewat jatuh tempo.")


def outstanding() -> str:
    return _tr("Sisa pokok: bagian pokok pinjaman yang belum dibayar kembali oleh anggota.")


def at_risk_30() -> str:
    return _tr(
        "Sisa pokok pinjaman yang berisiko: angsurannya terlambat lebih dari 30 hari, atau dijadwal ulang "
        "dan belum pulih."
    )


def principal() -> str:
    return _tr("Pokok: jumlah uang yang dipinjam anggota, tanpa biaya administrasi.")


def ceiling() -> str:
    return _tr("Plafon: batas jumlah pinjaman, paling sedikit dan paling banyak yang boleh dipinjam dengan produk ini.")


def term() -> str:
    return _tr("Tenor: lamanya pinjaman, dihitung dalam kali angsuran (misalnya 12 kali angsuran bulanan = satu tahun).")
