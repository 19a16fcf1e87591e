"""The journal: balanced double-entry postings, idempotent by the client's key, never edited.

Every service that moves money calls ``post`` inside its own ``transaction.write`` so the
record, its journal entry and its audit event commit together or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Row, bindparam, func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from koperasi.db.models import FundSource, JournalEntry, JournalLine
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.ledger import CLOSED_YEAR_SIGNAL, Account, Line, check_balanced, closed_year_refusal, request_digest
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.transaction import in_write
from koperasi import clock


class AlreadyPosted(ConflictError):
    """The same save arrived twice (a retry): the first posting stands and is returned."""

    def __init__(self, entry_id: uuid.UUID) -> None:
        super().__init__("Transaksi ini sudah tersimpan sebelumnya; tidak dibukukan dua kali.")
        self.entry_id = entry_id


@dataclass(frozen=True, slots=True)
class PostedEntry:
    """The entry ``post`` wrote: the row is in the caller's transaction, not in the session."""

    id: uuid.UUID


# Plain statements over the tables, built once: a statement object keeps its cache key (one built per
# posting computes it every time), and ORM objects cost a posting more than its queries.
_ENTRIES = JournalEntry.__table__
_ENTRY_OF_KEY = select(_ENTRIES.c.id, _ENTRIES.c.kind, _ENTRIES.c.request_digest).where(
    _ENTRIES.c.idempotency_key == bindparam("key")
)
_INSERT_ENTRY = insert(_ENTRIES)
_INSERT_LINES = insert(JournalLine.__table__)


def find_entry(
    session: Session, key: uuid.UUID, kind: str | None = None, *, request: Mapping[str, object] | None = None
) -> PostedEntry | None:
    """The entry an earlier save with this key posted (a retry), or None.

    One of another ``kind``, or one that asked for other ``request`` facts (another amount, loan or
    day), means the key was reused: refused, never answered with that first posting.
    """
    entry = session.execute(_ENTRY_OF_KEY, {"key": key}).first()
    if entry is None:
        return None
    if kind is not None and entry.kind != kind:
        raise key_reused()
    if request is not None:
        check_same_request(entry, request)
    return PostedEntry(entry.id)


def check_same_request(entry: JournalEntry | Row, request: Mapping[str, object]) -> None:
    """Refuse a save that reuses ``entry``'s request id for something else (entries from before
    request digests were kept have none and are taken as a retry)."""
    if entry.request_digest is not None and entry.request_digest != request_digest(request):
        raise request_changed()


def request_changed() -> ConflictError:
    """A save whose request id already saved something else: the first posting stands, this one is refused."""
    return ConflictError(
        "Transaksi dengan kode simpan ini sudah tersimpan dengan isi lain (jumlah, tanggal atau pinjaman berbeda) "
        "dan tidak diubah. Tutup jendela ini, periksa transaksi yang sudah tersimpan, lalu catat yang baru "
        "dari jendela baru bila memang perlu."
    )


def key_reused() -> ConflictError:
    """A save whose request id already belongs to another transaction: never returned as if it were that one."""
    return ConflictError("Kode simpan ini sudah dipakai untuk transaksi lain. Tutup jendela ini, buka lagi, lalu ulangi.")


def post(
    session: Session,
    actor: Actor | None,
    *,
    key: uuid.UUID,
    entry_date: date,
    kind: str,
    description: str,
    lines: Sequence[Line],
    reversal_of: uuid.UUID | None = None,
    request: Mapping[str, object] | None = None,
) -> PostedEntry:
    """Add a balanced entry to the caller's write transaction; ``request`` is what the save asked for
    (the facts ``find_entry`` compares a later save with the same key against).

    An entry dated in a closed financial year is refused with the clerk's message: the database's trigger
    (migration 0019) checks the year as the entry is written, so the lock costs no statement of its own and
    holds for any writer.

    The entry and its lines are written with plain INSERTs, not as ORM objects: the unit of work cost a
    repayment more than its statements, and nothing reads the rows back."""
    if not in_write(session):
        raise RuntimeError("journal entries are posted only inside a write transaction")
    check_balanced(lines)
    # The caller's pending rows first (a fund created in this transaction, which a line points at).
    session.flush()
    entry_id = uuid.uuid4()
    try:
        session.execute(_INSERT_ENTRY, {
            "id": entry_id, "idempotency_key": key, "entry_date": entry_date, "kind": kind,
            "description": description[:250], "reversal_of_id": reversal_of,
            "request_digest": request_digest(request) if request is not None else None,
            "created_by": actor.user_id if actor else None, "created_at": clock.now(),
        })
    except DBAPIError as error:
        if CLOSED_YEAR_SIGNAL in str(error.orig):
            raise ValidationError(closed_year_refusal(entry_date), field="occurred_on") from None
        raise
    # One batched INSERT: every line names its fund (None or not), so all share one column set.
    session.execute(_INSERT_LINES, [
        {"entry_id": entry_id, "account": line.account.value, "fund_source_id": line.fund_source_id,
         "debit": line.debit, "credit": line.credit}
        for line in lines
    ])
    return PostedEntry(entry_id)


def lines_of(session: Session, entry_id: uuid.UUID) -> list[Line]:
    rows = session.execute(
        select(JournalLine.account, JournalLine.debit, JournalLine.credit, JournalLine.fund_source_id)
        .where(JournalLine.entry_id == entry_id).order_by(JournalLine.id)
    )
    return [Line(Account(account), debit, credit, fund) for account, debit, credit, fund in rows]


def post_reversal(
    session: Session, actor: Actor, *, original_id: uuid.UUID, key: uuid.UUID, entry_date: date, description: str,
    request: Mapping[str, object] | None = None,
) -> PostedEntry:
    """The mirror of an entry: every debit becomes a credit; the original stays as it was."""
    return post(
        session, actor, key=key, entry_date=entry_date, kind="reversal", description=description,
        lines=[line.reversed() for line in lines_of(session, original_id)], reversal_of=original_id, request=request,
    )


@dataclass(frozen=True, slots=True)
class AccountBalance:
    account: Account
    fund_name: str  # "" for accounts without a fund
    debit: int
    credit: int

    @property
    def balance(self) -> int:
        """Positive on the account's normal side."""
        return self.debit - self.credit if self.account.debit_normal else self.credit - self.debit


def trial_balance(session: Session, actor: Actor, *, up_to: date | None = None) -> list[AccountBalance]:
    """Debit and credit totals per account (and fund); the two columns always sum equal."""
    authorize(session, actor, Permission.USE_APP)
    return account_totals(session, up_to=up_to)


def account_totals(session: Session, *, up_to: date | None = None) -> list[AccountBalance]:
    query = (
        select(JournalLine.account, FundSource.name, func.sum(JournalLine.debit), func.sum(JournalLine.credit))
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .outerjoin(FundSource, FundSource.id == JournalLine.fund_source_id)
        .group_by(JournalLine.account, FundSource.name)
        .order_by(JournalLine.account, FundSource.name)
    )
    if up_to is not None:
        query = query.where(JournalEntry.entry_date <= up_to)
    return [
        AccountBalance(Account(account), fund or "", int(debits or 0), int(credits or 0))
        for account, fund, debits, credits in session.execute(query)
    ]


def fund_account_balances(session: Session) -> dict[tuple[uuid.UUID, Account], int]:
    """Balance on the normal side of every fund account, per fund."""
    rows = session.execute(
        select(JournalLine.fund_source_id, JournalLine.account, func.sum(JournalLine.debit), func.sum(JournalLine.credit))
        .where(JournalLine.fund_source_id.is_not(None))
        .group_by(JournalLine.fund_source_id, JournalLine.account)
    )
    balances: dict[tuple[uuid.UUID, Account], int] = {}
    for fund_id, code, debits, credits in rows:
        account = Account(code)
        debits, credits = int(debits or 0), int(credits or 0)
        balances[(fund_id, account)] = debits - credits if account.debit_normal else credits - debits
    return balances


def unbalanced_entries(session: Session) -> list[uuid.UUID]:
    """Entries whose lines do not balance (``koperasi doctor``): must always be empty."""
    return list(
        session.scalars(
            select(JournalLine.entry_id)
            .group_by(JournalLine.entry_id)
            .having(func.sum(JournalLine.debit) != func.sum(JournalLine.credit))
        )
    )
