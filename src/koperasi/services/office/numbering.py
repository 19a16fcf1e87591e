"""Gapless document numbers per office, document type and year.

The counter row is incremented with an atomic upsert inside the caller's write
transaction: two clerks never get the same number, and a rolled-back document
returns its number, so the printed sequence has no holes.
"""

from __future__ import annotations

from sqlalchemy import Integer, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from koperasi.db.models import DocumentCounter
from koperasi.domain.office.numbering import DocumentType, format_document_number
from koperasi.services.transaction import in_write


def next_number(session: Session, *, office_code: str, doc_type: DocumentType, year: int) -> str:
    """The next document number; call only inside ``transaction.write`` with the document's own rows."""
    return format_document_number(doc_type, office_code, year, next_sequence(session, office_code=office_code, doc_type=doc_type, year=year))


def next_sequence(session: Session, *, office_code: str, doc_type: DocumentType, year: int) -> int:
    """The next value of a gapless counter (``year`` 0 for sequences that never restart)."""
    return reserve_sequence(session, office_code=office_code, doc_type=doc_type, year=year, count=1)


def _counter_upsert(dialect):
    table = DocumentCounter.__table__
    statement = dialect.insert(table).values(
        office_code=bindparam("office"), doc_type=bindparam("doc"), year=bindparam("counter_year"),
        last_number=bindparam("count", type_=Integer),
    )
    return statement.on_conflict_do_update(
        index_elements=[table.c.office_code, table.c.doc_type, table.c.year],
        set_={"last_number": table.c.last_number + bindparam("count", type_=Integer)},
    ).returning(table.c.last_number)


# Built once per dialect: a statement object keeps its cache key, one built per document computes it every time.
_UPSERT_POSTGRESQL, _UPSERT_SQLITE = _counter_upsert(postgresql), _counter_upsert(sqlite)


def reserve_sequence(session: Session, *, office_code: str, doc_type: DocumentType, year: int, count: int) -> int:
    """Take ``count`` consecutive values at once (bulk work); returns the first of them."""
    if not in_write(session):
        raise RuntimeError("document numbers are issued only inside a write transaction")
    statement = _UPSERT_POSTGRESQL if session.get_bind().dialect.name == "postgresql" else _UPSERT_SQLITE
    parameters = {"office": office_code, "doc": doc_type.value, "counter_year": year, "count": count}
    return session.execute(statement, parameters).scalar_one() - count + 1
