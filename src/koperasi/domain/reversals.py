"""Reversals of money movements under four eyes: one user asks, another with the same right decides.

A reversal is first requested (with a reason) and posted only when a second user approves it;
the kinds, their rights and the words of the refusal are here so that loans and sales share them.
"""

from __future__ import annotations

from enum import StrEnum

from koperasi.domain.roles import Permission


class ReversalKind(StrEnum):
    LOAN_MOVEMENT = "loan_movement"  # a repayment, disbursement (with its fee) or write-off
    SALE = "sale"
    PAYOUT = "payout"
    SAVING = "saving"  # a savings deposit or withdrawal
    CASH_ENTRY = "cash_entry"  # the office's own income or expense (cash book)
    SHU_PAYMENT = "shu_payment"  # a member's SHU paid in cash or into sukarela

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def permission(self) -> Permission:
        """The right needed both to ask for the reversal and to approve or reject it."""
        return _KIND_PERMISSIONS[self]


_KIND_LABELS = {
    ReversalKind.LOAN_MOVEMENT: "Transaksi pinjaman",
    ReversalKind.SALE: "Penjualan",
    ReversalKind.PAYOUT: "Pembayaran ke penitip",
    ReversalKind.SAVING: "Transaksi simpanan",
    ReversalKind.CASH_ENTRY: "Transaksi kas kantor",
    ReversalKind.SHU_PAYMENT: "Pembayaran SHU",
}
_KIND_PERMISSIONS = {
    ReversalKind.LOAN_MOVEMENT: Permission.REVERSE_MOVEMENTS,
    ReversalKind.SALE: Permission.REVERSE_SALES,
    ReversalKind.PAYOUT: Permission.REVERSE_SALES,
    ReversalKind.SAVING: Permission.REVERSE_SAVINGS,
    ReversalKind.CASH_ENTRY: Permission.REVERSE_CASH,
    ReversalKind.SHU_PAYMENT: Permission.REVERSE_SHU_PAYMENTS,
}


class ReversalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


OWN_REQUEST = ("Anda sendiri yang meminta pembatalan ini; pengguna lain yang berwenang menyetujui atau "
               "menolaknya (prinsip empat mata).")
# What the user reads after asking, and where the second user finds the request.
AWAITING = ("Permintaan pembatalan dicatat dan menunggu persetujuan pengguna lain. Pengguna lain yang berwenang "
            "menyetujuinya di Berkas → Pembatalan menunggu persetujuan; sampai itu, transaksinya tetap berlaku.")
FOUR_EYES_NOTE = "Pembatalan baru dibukukan setelah disetujui pengguna lain yang berwenang (prinsip empat mata)."
