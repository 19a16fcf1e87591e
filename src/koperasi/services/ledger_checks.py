"""The promises the books keep, checked from scratch (``koperasi doctor``).

Every entry balances; the trial balance balances; each fund's receivable and write-off
accounts equal the loans' sub-ledger; each loan's totals equal its own movements; each installment's running
total equals its schedule's amounts up to it; each kind of
simpanan in the journal equals the members' savings movements; each account the office cash book
posts to equals its entries; Hutang SHU anggota equals the members' SHU shares not yet paid; each closed
year's kept balances equal the journal up to its end; and the money history tables are still protected by their
append-only triggers.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    CashEntry,
    JournalLine,
    Loan,
    LoanInstallment,
    LoanMovement,
    SavingsMovement,
    ShuMemberShare,
    ShuPayment,
    ShuPaymentReversal,
)
from koperasi.domain.books.rules import year_bounds
from koperasi.domain.ledger import Account
from koperasi.domain.loans.rules import MovementKind
from koperasi.domain.money import format_rupiah
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger
from koperasi.services.books import closing
from koperasi.services.cashbook.queries import cash_book_totals
from koperasi.services.sales import running as sales_running
from koperasi.services.sales.book import standing_payouts, standing_sale_lines

APPEND_ONLY = (
    "journal_entries", "journal_lines", "fund_capital_receipts", "loan_movements", "loan_schedules", "loan_installments",
    "consignment_intakes", "sales", "sale_lines", "payouts", "savings_movements", "cash_entries",
    # the year end (migrations 0019, 0021, 0022): a closed year's kept balances and its SHU, as divided, paid and undone
    "book_closing_balances", "shu_divisions", "shu_division_parts", "shu_member_shares", "shu_payments",
    "shu_payment_reversals",
    # not money, but history all the same (migration 0013): a household's baseline and visits are never rewritten
    "household_measurements",
)


def ledger_problems(session: Session) -> list[str]:
    """Indonesian descriptions of whatever does not hold; empty when the books are sound."""
    problems = []
    unbalanced = ledger.unbalanced_entries(session)
    if unbalanced:
        problems.append(f"{len(unbalanced)} jurnal tidak seimbang (debit \u2260 kredit)")
    totals = ledger.account_totals(session)
    debits, credits = sum(row.debit for row in totals), sum(row.credit for row in totals)
    if debits != credits:
        problems.append(f"neraca saldo tidak seimbang: debit {format_rupiah(debits)}, kredit {format_rupiah(credits)}")
    problems += _funds_match_loans(session)
    problems += _loans_match_movements(session)
    problems += _installment_totals_match_schedules(session)
    problems += _payables_match_sales(session)
    problems += sales_running.mismatches(session)
    problems += _savings_match_journal(session)
    problems += _cash_book_matches_journal(session)
    problems += _shu_payable_matches_shares(session)
    problems += _closing_balances_match_journal(session)
    problems += _missing_triggers(session)
    return problems


def _funds_match_loans(session: Session) -> list[str]:
    balances = ledger.fund_account_balances(session)
    book: dict[uuid.UUID, list[int]] = defaultdict(lambda: [0, 0])
    rows = session.execute(
        select(Loan.fund_source_id, func.sum(Loan.disbursed - Loan.principal_paid - Loan.written_off), func.sum(Loan.written_off))
        .group_by(Loan.fund_source_id)
    )
    for fund_id, outstanding, written_off in rows:
        book[fund_id] = [int(outstanding or 0), int(written_off or 0)]
    problems = []
    for fund_id in set(book) | {fund for fund, _ in balances}:
        outstanding, written_off = book[fund_id]
        if balances.get((fund_id, Account.LOANS_RECEIVABLE), 0) != outstanding:
            problems.append(f"piutang dana {fund_id} di jurnal berbeda dari sisa pinjaman ({format_rupiah(outstanding)})")
        if balances.get((fund_id, Account.WRITTEN_OFF_LOANS), 0) != written_off:
            problems.append(f"hapus buku dana {fund_id} di jurnal berbeda dari kartu pinjaman ({format_rupiah(written_off)})")
    return problems


def _loans_match_movements(session: Session) -> list[str]:
    """Each loan's disbursed, paid and written-off totals equal its movements that stand."""
    reversal = aliased(LoanMovement)
    standing = (
        select(LoanMovement.loan_id, LoanMovement.kind, func.sum(LoanMovement.amount).label("total"))
        .outerjoin(reversal, reversal.reversal_of_id == LoanMovement.id)
        .where(reversal.id.is_(None), LoanMovement.kind != MovementKind.REVERSAL.value)
        .group_by(LoanMovement.loan_id, LoanMovement.kind)
    )
    totals: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for loan_id, kind, total in session.execute(standing):
        totals[loan_id][kind] = int(total)
    wrong = [
        number
        for loan_id, number, disbursed, paid, written_off in session.execute(
            select(Loan.id, Loan.number, Loan.disbursed, Loan.principal_paid, Loan.written_off)
        )
        if (disbursed, paid, written_off) != (
            totals[loan_id].get(MovementKind.DISBURSEMENT.value, 0),
            totals[loan_id].get(MovementKind.REPAYMENT.value, 0),
            totals[loan_id].get(MovementKind.WRITE_OFF.value, 0),
        )
    ]
    if not wrong:
        return []
    return [f"{len(wrong)} pinjaman tidak cocok dengan transaksinya, mis. {', '.join(wrong[:3])}"]


def _installment_totals_match_schedules(session: Session) -> list[str]:
    """Each installment's stored running total (what the arrears report reads for what fell due) equals its
    schedule's amounts summed in number order up to it."""
    running = (
        select(LoanInstallment.loan_id, LoanInstallment.cumulative,
               func.sum(LoanInstallment.amount).over(
                   partition_by=(LoanInstallment.loan_id, LoanInstallment.schedule_no), order_by=LoanInstallment.number,
               ).label("summed"))
        .subquery("running")
    )
    wrong = (
        select(running.c.loan_id, func.count().label("installments"))
        .where(running.c.cumulative != running.c.summed)
        .group_by(running.c.loan_id)
        .subquery("wrong")
    )
    rows = session.execute(
        select(Loan.number, wrong.c.installments).join(wrong, wrong.c.loan_id == Loan.id).order_by(Loan.number)
    ).all()
    if not rows:
        return []
    count = sum(int(installments) for _, installments in rows)
    return [f"{count} angsuran dengan jumlah berjalan yang tidak cocok dengan jadwalnya, mis. {', '.join(n for n, _ in rows[:3])}"]


def _closing_balances_match_journal(session: Session) -> list[str]:
    """The balances each close kept (the neraca of a closed year reads them) equal the journal up to 31 December."""
    problems = []
    for year in sorted(closing.closed_years(session)):
        kept = closing.closing_balances(session, year)
        journal = closing.journal_balances(session, year_bounds(year)[1])
        differ = sorted(code for code in set(kept) | set(journal) if kept.get(code, 0) != journal.get(code, 0))
        if differ:
            problems.append(f"saldo tutup buku {year} berbeda dari jurnal pada akun {', '.join(differ)}")
    return problems


def _missing_triggers(session: Session) -> list[str]:
    missing = missing_append_only_triggers(session, APPEND_ONLY)
    return [f"tabel {table} tidak lagi terkunci (pemicu {', '.join(names)} hilang atau dimatikan)" for table, names in missing.items()]


def append_only_trigger_names(dialect: str, table: str) -> set[str]:
    """The triggers the migrations create to refuse changes to an append-only table."""
    if dialect == "sqlite":
        return {f"{table}_no_update", f"{table}_no_delete"}
    return {f"{table}_no_change", f"{table}_no_truncate"}


def missing_append_only_triggers(session: Session, tables) -> dict[str, list[str]]:
    """Per table, the refusing triggers that are gone (or, on PostgreSQL, disabled)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        present = {(row[0], row[1]) for row in session.execute(text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"))}
    else:
        present = {
            (row[0], row[1]) for row in session.execute(
                text(
                    "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = "
                    "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
                )
            )
        }
    missing = {}
    for table in tables:
        gone = sorted(name for name in append_only_trigger_names(dialect, table) if (table, name) not in present)
        if gone:
            missing[table] = gone
    return missing


def _payables_match_sales(session: Session) -> list[str]:
    """What the journal owes producers equals their shares of standing sales minus standing payouts."""
    shares = standing_sale_lines().subquery()
    paid = standing_payouts().subquery()
    owed = int(session.scalar(select(func.coalesce(func.sum(shares.c.producer_share), 0))) or 0) - int(
        session.scalar(select(func.coalesce(func.sum(paid.c.amount), 0))) or 0
    )
    booked = next((row.balance for row in ledger.account_totals(session) if row.account is Account.PRODUCER_PAYABLE), 0)
    if booked != owed:
        return [f"hutang hasil penjualan di jurnal {format_rupiah(booked)} berbeda dari catatan penjualan {format_rupiah(owed)}"]
    return []


def _savings_match_journal(session: Session) -> list[str]:
    """Each kind of simpanan in the journal equals the sum of the members' savings movements."""
    saved = {SavingsKind(kind): int(total) for kind, total in session.execute(
        select(SavingsMovement.kind, func.sum(SavingsMovement.change)).group_by(SavingsMovement.kind))}
    booked = {row.account: row.balance for row in ledger.account_totals(session)}
    return [
        f"{kind.label.lower()} di jurnal {format_rupiah(booked.get(kind.account, 0))} berbeda dari buku simpanan "
        f"anggota {format_rupiah(saved.get(kind, 0))}"
        for kind in SavingsKind
        if booked.get(kind.account, 0) != saved.get(kind, 0)
    ]


def _cash_book_matches_journal(session: Session) -> list[str]:
    """What the journal entries of the office cash book put on each income or expense account equals the
    cash book's own entries (reversals included)."""
    rows = session.execute(
        select(JournalLine.account, func.sum(JournalLine.debit), func.sum(JournalLine.credit))
        .join(CashEntry, CashEntry.journal_entry_id == JournalLine.entry_id)
        .where(JournalLine.account != Account.CASH.value)
        .group_by(JournalLine.account)
    )
    booked = {}
    for code, debits, credits in rows:
        booked[code] = int(debits or 0) - int(credits or 0) if Account(code).debit_normal else int(credits or 0) - int(debits or 0)
    recorded = cash_book_totals(session)
    return [
        f"akun {code} di jurnal {format_rupiah(booked.get(code, 0))} berbeda dari buku kas kantor "
        f"{format_rupiah(recorded.get(code, 0))}"
        for code in sorted(set(booked) | set(recorded))
        if booked.get(code, 0) != recorded.get(code, 0)
    ]


def _shu_payable_matches_shares(session: Session) -> list[str]:
    """Hutang SHU anggota (2301) in the journal equals every member's divided share (jasa modal + jasa usaha)
    less what was paid, in cash or into sukarela, and not reversed."""
    shares = int(session.scalar(select(func.coalesce(
        func.sum(ShuMemberShare.jasa_modal + ShuMemberShare.jasa_usaha), 0))) or 0)
    paid = int(session.scalar(select(func.coalesce(func.sum(ShuPayment.amount), 0)).where(
        ShuPayment.id.not_in(select(ShuPaymentReversal.payment_id)))) or 0)  # the payments standing
    booked = next((row.balance for row in ledger.account_totals(session) if row.account is Account.SHU_PAYABLE), 0)
    if booked != shares - paid:
        return [f"hutang SHU anggota di jurnal {format_rupiah(booked)} berbeda dari SHU anggota yang belum dibayar "
                f"{format_rupiah(shares - paid)}"]
    return []
