"""How document numbers look on paper: ``KW/SRL/2026/000123``."""

from __future__ import annotations

from enum import StrEnum


class DocumentType(StrEnum):
    """Each type is numbered on its own sequence per office and year."""

    RECEIPT = "KW"
    MEMBER = "AGT"  # member numbers: one sequence per office, never reused (year 0)
    LOAN = "PJM"
    CERTIFICATE = "SRT"
    SALES_NOTE = "NJ"
    PAYOUT = "BYR"
    INTAKE = "TTP"
    REFERRAL = "RJK"  # surat rujukan / rekomendasi
    CASH_IN = "BKM"  # bukti kas masuk: the office's own income (cash book)
    CASH_OUT = "BKK"  # bukti kas keluar: the office's own expenses

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    DocumentType.RECEIPT: "Kwitansi",
    DocumentType.MEMBER: "Nomor anggota",
    DocumentType.LOAN: "Nomor pinjaman",
    DocumentType.CERTIFICATE: "Nomor sertifikat",
    DocumentType.SALES_NOTE: "Nota penjualan",
    DocumentType.PAYOUT: "Bukti pembayaran",
    DocumentType.INTAKE: "Tanda terima titipan",
    DocumentType.REFERRAL: "Surat rujukan",
    DocumentType.CASH_IN: "Bukti kas masuk",
    DocumentType.CASH_OUT: "Bukti kas keluar",
}


def format_document_number(doc_type: DocumentType, office_code: str, year: int, sequence: int) -> str:
    if sequence < 1:
        raise ValueError("document sequences start at 1")
    return f"{doc_type.value}/{office_code}/{year}/{sequence:06d}"
