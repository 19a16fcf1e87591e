"""What the loan papers say: kwitansi, kartu pinjaman and the group's collection sheet."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import NotFound
from koperasi.domain.loans.products import LoanKind
from koperasi.services.loans import papers as loan_papers
from koperasi import clock
from tests.loan_support import START, loan_office
from tests.support import SAMPLE_OFFICE, set_up_office


@pytest.fixture
def office(sqlite_db):
    return loan_office(sqlite_db, set_up_office(sqlite_db))


@pytest.fixture
def history(office):
    """1.200.000 in 12 x 100.000: disbursed with a 10.000 fee, 150.000 paid, 100.000 paid, 50.000 paid,
    then (today) the 100.000 found to be a mistake and reversed."""
    loan_id = office.approved_loan(office.member("Siti Aminah"))
    disbursement = office.disburse(loan_id)
    first = office.repay(loan_id, 150_000, on=date(2025, 2, 6))
    wrong = office.repay(loan_id, 100_000, on=date(2025, 3, 6))
    third = office.repay(loan_id, 50_000, on=date(2025, 3, 7))
    assert third.remaining == 900_000
    reversal = office.reverse(wrong.movement_id, reason="Dicatat pada pinjaman yang salah")
    return loan_id, disbursement, first, wrong, reversal, third


def _receipt(office, movement_id, **kwargs):
    with office.session() as session:
        return loan_papers.receipt_for(session, office.clerk, movement_id, **kwargs)


def test_a_repayment_receipt(office, history):
    loan_id, disbursement, first, *_ = history
    number = office.loan(loan_id).number
    receipt = _receipt(office, first.movement_id, place="Sarolangun")
    assert receipt.title == "KWITANSI PEMBAYARAN ANGSURAN"
    assert receipt.number == first.receipt_number == "KW/PAU/2025/000003"
    assert (receipt.amount, receipt.issued_on, receipt.place) == (150_000, date(2025, 2, 6), "Sarolangun")
    assert (receipt.received_from, receipt.received_by, receipt.clerk_name) == ("Siti Aminah", "Petugas", "Petugas")
    assert receipt.purpose == f"Pembayaran angsuran ke-1\u20132 pinjaman {number}"
    assert receipt.remaining_balance == 1_050_000
    assert sum(line.amount for line in receipt.lines) == receipt.amount
    assert (receipt.cancelled, receipt.cancel_reason, receipt.needs_meterai) == (False, "", False)


def test_a_reversed_repayment_reprints_as_cancelled_with_the_reason(office, history):
    _, _, _, wrong, reversal, third = history
    receipt = _receipt(office, wrong.movement_id)
    assert (receipt.number, receipt.amount) == (wrong.receipt_number, 100_000)
    assert (receipt.cancelled, receipt.cancel_reason) == (True, "Dicatat pada pinjaman yang salah")
    # Reprinted, the payment after it pays what the cancelled one never did: the rest of installment 2.
    # Its balance is the one printed at the counter, when the mistaken payment still stood.
    reprint = _receipt(office, third.movement_id)
    assert "ke-2 " in reprint.purpose
    assert (reprint.remaining_balance, reprint.cancelled) == (third.remaining, False) == (900_000, False)
    with pytest.raises(NotFound):
        _receipt(office, reversal)  # a reversal has no receipt of its own


def test_disbursement_and_fee_receipts(office, history):
    loan_id, disbursement, *_ = history
    money_out = _receipt(office, disbursement.movement_id)
    assert money_out.title == "KWITANSI PENCAIRAN PINJAMAN"
    assert (money_out.received_from, money_out.received_by) == (SAMPLE_OFFICE.name, "Siti Aminah")
    # The office pays: the member's number goes with the member who receives, not with the office.
    assert money_out.paid_by_member is False and money_out.member_number.startswith("PAU-")
    assert (money_out.amount, money_out.remaining_balance, money_out.number) == (1_200_000, 1_200_000, "KW/PAU/2025/000001")
    fee = _receipt(office, disbursement.fee_movement_id)
    assert fee.title == "KWITANSI BIAYA ADMINISTRASI"
    assert (fee.amount, fee.remaining_balance, fee.number, fee.received_from) == (10_000, None, "KW/PAU/2025/000002", "Siti Aminah")
    assert fee.paid_by_member is True


def test_a_repayment_above_five_million_needs_a_meterai(office):
    loan_id = office.active_loan(office.member("Rina Marlina"), principal=9_000_000)
    exactly = office.repay(loan_id, 5_000_000, on=date(2025, 2, 6))
    above = office.repay(loan_id, 3_999_999, on=date(2025, 2, 7))
    assert _receipt(office, exactly.movement_id).amount == 5_000_000
    assert not _receipt(office, exactly.movement_id).needs_meterai  # more than 5.000.000, not 5.000.000 itself
    assert not _receipt(office, above.movement_id).needs_meterai
    big = office.active_loan(office.member("Dewi Sartika"), principal=6_000_000)
    assert _receipt(office, office.repay(big, 5_000_001, on=date(2025, 2, 6)).movement_id).needs_meterai


def test_the_loan_card_shows_every_movement_with_its_running_balance(office, history):
    loan_id, _, _, wrong, *_ = history
    today = clock.today()
    with office.session() as session:
        card = loan_papers.loan_card(session, office.manager, loan_id, as_of=today)
    rows = [(m.occurred_on, m.description, m.installments, m.increase, m.decrease, m.balance, m.cancelled) for m in card.movements]
    assert rows == [
        (START, "Pencairan", "", 1_200_000, 0, 1_200_000, False),
        (START, "Biaya administrasi", "", 0, 0, 1_200_000, False),
        (date(2025, 2, 6), "Angsuran", "1\u20132", 0, 150_000, 1_050_000, False),
        (date(2025, 3, 6), "Angsuran", "", 0, 100_000, 950_000, True),
        (date(2025, 3, 7), "Angsuran", "2", 0, 50_000, 900_000, False),
        # The reversal is dated the day it was made (today), so it comes last and undoes the 100.000.
        (today, f"Pembatalan {wrong.receipt_number}: Dicatat pada pinjaman yang salah", "", 100_000, 0, 1_000_000, False),
    ]
    assert card.outstanding == 1_000_000
    assert (card.principal, card.term, card.installment, card.admin_fee) == (1_200_000, 12, 100_000, 10_000)
    assert card.member_address.startswith("Desa Perdamaian, Kec. ")
    # 200.000 stands paid: installments 1 and 2 are paid; 3 (6 April 2025) is the oldest unpaid.
    assert [line.status for line in card.schedule[:2]] == ["Lunas", "Lunas"]
    assert card.schedule[2].paid == 0 and card.schedule[2].status == f"Terlambat {(today - date(2025, 4, 6)).days} hari"
    assert card.days_past_due == (today - date(2025, 4, 6)).days
    assert card.arrears == 1_000_000  # the whole schedule fell due by January 2026


def test_the_loan_card_as_of_an_earlier_day_stops_there(office, history):
    loan_id, *_ = history
    with office.session() as session:
        card = loan_papers.loan_card(session, office.manager, loan_id, as_of=date(2025, 2, 10))
    assert [m.balance for m in card.movements] == [1_200_000, 1_200_000, 1_050_000]
    assert card.outstanding == 1_050_000
    assert [line.status for line in card.schedule[:3]] == ["Lunas", "Sebagian", "Belum jatuh tempo"]
    assert (card.arrears, card.days_past_due) == (0, 0)


def test_the_collection_sheet_says_what_each_member_owes_at_the_meeting(office):
    _, product = office.second_fund_product(product="Tanggung Renteng", kind=LoanKind.GROUP)
    ani, budi, citra = office.member("Ani Suryani"), office.member("Budi Lestari"), office.member("Citra Dewi")
    group_id = office.group_with("Kelompok Mawar", [ani, budi, citra])
    loans = {name: office.active_loan(member, product_id=product, group_id=group_id)
             for name, member in (("ani", ani), ("budi", budi), ("citra", citra))}
    office.repay(loans["ani"], 100_000, on=date(2025, 2, 6))  # paid #1 on time
    office.repay(loans["citra"], 150_000, on=date(2025, 2, 6))  # paid #1 and half of #2
    with office.session() as session:
        sheet = loan_papers.collection_sheet(session, office.clerk, group_id, meeting_on=date(2025, 3, 6))
    lines = {line.member_name: line for line in sheet.lines}
    assert [line.member_name for line in sheet.lines] == ["Ani Suryani", "Budi Lestari", "Citra Dewi"]
    # On 6 March #1 and #2 are due (100.000 each).
    assert (lines["Ani Suryani"].installment_due, lines["Ani Suryani"].arrears, lines["Ani Suryani"].total_due) == (100_000, 0, 100_000)
    assert (lines["Budi Lestari"].installment_due, lines["Budi Lestari"].arrears, lines["Budi Lestari"].total_due) == (100_000, 100_000, 200_000)
    assert (lines["Citra Dewi"].installment_due, lines["Citra Dewi"].arrears, lines["Citra Dewi"].total_due) == (50_000, 0, 50_000)
    assert [line.outstanding for line in sheet.lines] == [1_100_000, 1_200_000, 1_050_000]
    assert (sheet.group_name, sheet.desa, sheet.meeting_on) == ("Kelompok Mawar", "Perdamaian", date(2025, 3, 6))
    # Near the end the total is capped at what is still owed.
    office.repay(loans["citra"], 1_000_000, on=date(2025, 3, 7))
    with office.session() as session:
        late = loan_papers.collection_sheet(session, office.clerk, group_id, meeting_on=date(2026, 1, 6))
    citra_line = next(line for line in late.lines if line.member_name == "Citra Dewi")
    assert (citra_line.outstanding, citra_line.total_due) == (50_000, 50_000)


def test_a_backdated_payment_entered_after_a_reversal_prints_the_balance_it_left(office):
    loan_id = office.active_loan(office.member("Siti Aminah"))
    office.repay(loan_id, 150_000, on=date(2025, 2, 6))
    wrong = office.repay(loan_id, 100_000, on=date(2025, 3, 6))
    office.reverse(wrong.movement_id, reason="Dicatat pada pinjaman yang salah")
    late_entry = office.repay(loan_id, 50_000, on=date(2025, 3, 7))  # yesterday's field collection typed in today
    assert late_entry.remaining == 1_000_000
    assert _receipt(office, late_entry.movement_id).remaining_balance == late_entry.remaining
