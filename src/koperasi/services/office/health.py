"""What ``koperasi doctor`` checks: the things that must hold for the data to be trusted.

Schema version; file integrity, with SQLite's search indexes whole and in step with their rows; the audit log and the money history still append-only (their
refusing triggers present and enabled); the audit log's hash chain unbroken (a deleted or changed
event, even behind a lifted and restored trigger, breaks it); the books (``ledger_checks``); and gapless document
numbers: for every counter in ``document_counters`` each number from 1 to its last exists exactly
once in the table that holds that document, and no document carries a number its counter never
issued.

Not checked, on purpose: gaps in ``audit_events.id`` (a rolled-back transaction on PostgreSQL
burns a sequence value, so gaps are normal), and an audit event per money movement. The latter
is written in the same transaction as the movement, so only someone deleting rows could separate
them, and deleting is exactly what the append-only triggers (checked here) refuse; events and
movements are also not one-to-one (a group collection, a bulk import), so a join would be both
slow on large offices and full of false alarms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from koperasi.db import migrate
from koperasi.db.models import (
    AuditEvent,
    Base,
    CashEntry,
    ConsignmentIntake,
    DocumentCounter,
    Loan,
    LoanMovement,
    Member,
    Office,
    Payout,
    Sale,
    SavingsMovement,
    ShuPayment,
    TrainingCertificate,
)
from koperasi.domain.members.register import format_member_number
from koperasi.domain.office.audit_chain import chain_hash
from koperasi.domain.office.numbering import DocumentType, format_document_number
from koperasi.services.office.audit import content_of
from koperasi.services.office.database_roles import owner_warning
from koperasi.services.office.search_indexes import search_index_problems
from koperasi.services.ledger_checks import (
    ledger_problems,
    missing_append_only_triggers,
)


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class HealthReport:
    checks: list[Check]
    row_counts: dict[str, int] = field(default_factory=dict)
    # Said but not failed: how the program connects is the server's set-up, not the data's soundness.
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


# Where each numbered document lives (loans and savings share the kwitansi sequence). Receipts typed from a
# pre-printed book are free-form and are skipped by the pattern; a cancelled intake's mirror row ends in
# "-BATAL" and is skipped too.
NUMBERED_COLUMNS = {
    DocumentType.RECEIPT: (LoanMovement.receipt_number, SavingsMovement.receipt_number, ShuPayment.receipt_number),
    DocumentType.MEMBER: (Member.number,),
    DocumentType.LOAN: (Loan.number,),
    DocumentType.CERTIFICATE: (TrainingCertificate.number,),
    DocumentType.SALES_NOTE: (Sale.number,),
    DocumentType.PAYOUT: (Payout.number,),
    DocumentType.INTAKE: (ConsignmentIntake.number,),
    DocumentType.CASH_IN: (CashEntry.voucher_number,),
    DocumentType.CASH_OUT: (CashEntry.voucher_number,),
}
_DOCUMENT = re.compile(r"(?P<type>[A-Z]+)/(?P<office>[^/]+)/(?P<year>\d{4})/(?P<seq>\d{6,})")
_MEMBER = re.compile(r"(?P<office>.+)-(?P<seq>\d{6,})")


def examine(session: Session) -> HealthReport:
    checks = [_schema(session)]
    if not checks[0].ok:
        return HealthReport(checks)
    checks += [_integrity(session), _audit_protected(session), audit_chain(session), _books(session), _numbers(session)]
    counts = {
        table.name: session.scalar(select(func.count()).select_from(table)) or 0
        for table in Base.metadata.sorted_tables
    }
    warning = owner_warning(session)
    return HealthReport(checks, counts, [warning] if warning else [])


def _schema(session: Session) -> Check:
    current = migrate.current_revision(session.connection())
    head = migrate.head_revision()
    if current == head:
        return Check("Versi skema", True, f"{current} (terbaru)")
    if current is None:
        return Check("Versi skema", False, "basis data kosong: belum dibuat oleh Koperasi Berdaya")
    return Check("Versi skema", False, f"{current}, program ini memakai {head}")


def _integrity(session: Session) -> Check:
    if session.get_bind().dialect.name != "sqlite":
        session.execute(text("SELECT 1"))
        return Check("Keutuhan berkas", True, "PostgreSQL menjaga keutuhan berkasnya sendiri; koneksi baik")
    rows = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    if rows != ["ok"]:
        return Check("Keutuhan berkas", False, "; ".join(rows[:5]))
    problems = search_index_problems(session)
    if problems:
        return Check("Keutuhan berkas", False, "integrity_check: ok; " + "; ".join(problems))
    return Check("Keutuhan berkas", True, "integrity_check: ok")


def _audit_protected(session: Session) -> Check:
    missing = missing_append_only_triggers(session, ["audit_events"])
    if missing:
        return Check("Catatan audit terkunci", False, "pemicu hilang atau dimatikan: " + ", ".join(missing["audit_events"]))
    return Check("Catatan audit terkunci", True, "UPDATE dan DELETE ditolak oleh basis data")


def audit_chain(session: Session) -> Check:
    """Every event's hash matches its content and its predecessor's hash; names the first that does not."""
    previous, count = None, 0
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=2000)):
        if event.chain_hash != chain_hash(previous, content_of(event)):
            moment = event.occurred_at.strftime("%d-%m-%Y %H:%M:%S UTC")
            return Check(
                "Rantai catatan audit", False,
                f"mata rantai pertama yang putus: peristiwa nomor {event.id} ({moment}); "
                "peristiwa sebelumnya dihapus atau diubah, atau peristiwa ini diubah",
            )
        previous, count = event.chain_hash, count + 1
    return Check("Rantai catatan audit", True, f"{count} peristiwa; setiap sidik (hash) cocok dengan isi dan pendahulunya")


def _books(session: Session) -> Check:
    problems = ledger_problems(session)
    if problems:
        return Check("Pembukuan", False, "; ".join(problems[:5]))
    return Check(
        "Pembukuan", True,
        "jurnal seimbang; piutang, hapus buku, hutang ke produsen dan simpanan anggota cocok; riwayat uang tetap terkunci",
    )


def _numbers(session: Session) -> Check:
    problems = number_problems(session)
    if problems:
        more = f" (dan {len(problems) - 5} masalah lain)" if len(problems) > 5 else ""
        return Check("Nomor dokumen", False, "; ".join(problems[:5]) + more)
    counters = session.scalar(select(func.count()).select_from(DocumentCounter)) or 0
    return Check("Nomor dokumen", True, f"{counters} penghitung; setiap nomor dari 1 sampai terakhir ada tepat satu kali")


def number_problems(session: Session) -> list[str]:
    """Indonesian descriptions of holes, doubles and strays in the document numbers; empty when gapless."""
    counters: dict[tuple[str, str, int], int] = {
        (office, doc_type, year): last
        for office, doc_type, year, last in session.execute(
            select(DocumentCounter.office_code, DocumentCounter.doc_type, DocumentCounter.year, DocumentCounter.last_number)
        )
    }
    # Only this database's own office codes: a receipt typed from another office's book is not ours to count.
    offices = {code for code, _, _ in counters} | set(session.scalars(select(Office.code)))
    problems = []
    for doc_type, columns in NUMBERED_COLUMNS.items():
        found: dict[tuple[str, int], list[int]] = defaultdict(list)
        numbers = (number for column in columns for number in session.scalars(select(column).where(column.is_not(None))))
        for number in numbers:
            key_seq = _parse(doc_type, number)
            if key_seq is not None and key_seq[0][0] in offices:
                found[key_seq[0]].append(key_seq[1])
        keys = set(found) | {(office, year) for office, kind, year in counters if kind == doc_type.value}
        for office, year in sorted(keys):
            last = counters.get((office, doc_type.value, year))
            problems += _sequence_problems(doc_type, office, year, last, found.get((office, year), []))
    return problems


def _parse(doc_type: DocumentType, number: str) -> tuple[tuple[str, int], int] | None:
    if doc_type is DocumentType.MEMBER:
        match = _MEMBER.fullmatch(number)
        return ((match["office"], 0), int(match["seq"])) if match else None
    match = _DOCUMENT.fullmatch(number)
    if match is None or match["type"] != doc_type.value:
        return None
    return (match["office"], int(match["year"])), int(match["seq"])


def _sequence_problems(doc_type: DocumentType, office: str, year: int, last: int | None, sequences: list[int]) -> list[str]:
    def shown(sequence: int) -> str:
        if doc_type is DocumentType.MEMBER:
            return format_member_number(office, sequence)
        return format_document_number(doc_type, office, year, sequence)

    what = f"{doc_type.label} {office}" + (f" {year}" if doc_type is not DocumentType.MEMBER else "")
    if last is None:
        return [f"{what}: {len(sequences)} nomor (mis. {shown(min(sequences))}) tanpa penghitung; nomor berikutnya akan bentrok"]
    problems = []
    ordered = sorted(sequences)
    doubles = sorted({a for a, b in pairwise(ordered) if a == b})
    if doubles:
        problems.append(f"{what}: nomor ganda {', '.join(shown(s) for s in doubles[:3])}")
    beyond = [s for s in ordered if s > last]
    if beyond:
        problems.append(
            f"{what}: nomor {shown(beyond[0])} melewati penghitung (terakhir {last}); nomor berikutnya akan bentrok"
        )
    distinct = sorted({s for s in ordered if 1 <= s <= last})
    missing_count = last - len(distinct)
    if missing_count:
        examples, expected = [], 1
        for sequence in distinct + [last + 1]:
            while expected < sequence and len(examples) < 3:
                examples.append(shown(expected))
                expected += 1
            if len(examples) == 3:
                break
            expected = sequence + 1
        more = f" dan {missing_count - len(examples)} lainnya" if missing_count > len(examples) else ""
        problems.append(f"{what}: nomor hilang {', '.join(examples)}{more} (penghitung sampai {last})")
    return problems
