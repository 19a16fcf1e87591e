"""What ``koperasi doctor`` checks: the things that must hold for the data to be trusted."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from koperasi.db import migrate
from koperasi.db.models import Base
from koperasi.services.ledger_checks import ledger_problems


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class HealthReport:
    checks: list[Check]
    row_counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


_AUDIT_TRIGGERS = {
    "sqlite": {"audit_events_no_update", "audit_events_no_delete"},
    "postgresql": {"audit_events_no_change", "audit_events_no_truncate"},
}


def examine(session: Session) -> HealthReport:
    checks = [_schema(session)]
    if not checks[0].ok:
        return HealthReport(checks)
    checks += [_integrity(session), _audit_protected(session), _books(session)]
    counts = {
        table.name: session.scalar(select(func.count()).select_from(table)) or 0
        for table in Base.metadata.sorted_tables
    }
    return HealthReport(checks, counts)


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
    if rows == ["ok"]:
        return Check("Keutuhan berkas", True, "integrity_check: ok")
    return Check("Keutuhan berkas", False, "; ".join(rows[:5]))


def _audit_protected(session: Session) -> Check:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        query = text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'")
    else:
        query = text(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal"
        )
    present = {row[0] for row in session.execute(query)}
    missing = _AUDIT_TRIGGERS[dialect] - present
    if missing:
        return Check("Catatan audit terkunci", False, "pemicu hilang: " + ", ".join(sorted(missing)))
    return Check("Catatan audit terkunci", True, "UPDATE dan DELETE ditolak oleh basis data")


def _books(session: Session) -> Check:
    problems = ledger_problems(session)
    if problems:
        return Check("Pembukuan", False, "; ".join(problems[:5]))
    return Check("Pembukuan", True, "jurnal seimbang; piutang dan hapus buku cocok dengan kartu pinjaman")
