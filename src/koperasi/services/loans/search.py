"""What the Pinjaman list's trigram index (``member_search_loans``, migration 0025, SQLite) says about a search.

The index holds one line per loan: its number in lower case and its borrower's ``search_text``. It
finds the loans holding every word of three or more characters:

- few of them (up to ``FEW``): the list reads only those loans, by rowid, for the page and the count;
- many: the page is the first matches of the number-ordered scan (found early), and when the words are
  all ASCII of three to ``LONGEST`` characters the index counts them exactly as the LIKE would.

Without the index (an SQLite without FTS5, only words of one or two characters) the search is the LIKE
on number and borrower alone, as before. PostgreSQL has pg_trgm indexes instead (0025) that answer the
same LIKE: there a word's borrowers are the members the index finds, not a LIKE on each loan's member.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, bindparam, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from koperasi.services.office.search_indexes import LOAN_INDEX, index_in_place

# Loans matched up to which they are read by rowid (about a microsecond each) rather than found by the
# number-ordered scan, which reads a loan and its borrower per step (measured at 20,000 loans).
FEW = 2000
# The characters of a word the index is asked for (six trigrams), from its end.
LONGEST = 8

_INDEX = table("member_search_loans", literal_column("rowid"))
LOAN_ROWID = literal_column("loans.rowid")
POSTGRES_INDEXES = ("ix_members_search_trgm", "ix_loans_number_trgm")


@dataclass(frozen=True, slots=True)
class LoanSearch:
    rowids: Select | None = None  # the loans holding the words, when there are at most FEW
    count: int | None = None  # how many loans hold them, when the index counts exactly what LIKE finds
    match: str | None = None  # the FTS5 query, when the index was asked
    # PostgreSQL with pg_trgm (0025): a word's borrowers are best found in the members' own trigram index.
    borrowers_indexed: bool = False

    @classmethod
    def of(cls, session: Session, text_: str) -> LoanSearch:
        words = text_.lower().split()
        long = [word for word in words if len(word) >= 3]
        if has_postgres_trigram(session):
            return cls(borrowers_indexed=True)
        if not long or not has_loan_index(session):
            return cls()
        # A long word is asked by its tail: the index reads one list per trigram of the phrase, and a loan
        # number's are in nearly every loan ("pjm/srl/2025/0001": 15 lists of 20,000). The tail still finds
        # every loan holding the word, and the LIKE then decides.
        asked = [word[-LONGEST:] for word in long]
        match = " AND ".join('"' + word.replace('"', '""') + '"' for word in asked)
        found = select(_INDEX.c.rowid).where(_matches(match))
        exact = asked == words and all(word.isascii() for word in asked)
        # Exact: count them all (the total needs it anyway); otherwise only far enough to choose.
        counted = found if exact else found.limit(FEW + 1)
        matched = session.scalar(select(func.count()).select_from(counted.subquery())) or 0
        return cls(found if matched <= FEW else None, matched if exact else None, match)

    def candidates(self) -> ColumnElement[bool] | None:
        """The loans the index finds (a superset of the LIKE's), to narrow a count; None without it."""
        if self.match is None:
            return None
        return LOAN_ROWID.in_(select(_INDEX.c.rowid).where(_matches(self.match)))


def _matches(match: str) -> ColumnElement[bool]:
    return literal_column("member_search_loans").op("MATCH")(match)


def has_postgres_trigram(session: Session) -> bool:
    """PostgreSQL with both trigram indexes of migration 0025 (asked once per connection)."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return False
    known = connection.info.get("koperasi.trigram_indexes")
    if known is None:
        present = connection.scalar(
            text("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN :names")
            .bindparams(bindparam("names", expanding=True)),
            {"names": list(POSTGRES_INDEXES)},
        )
        known = connection.info["koperasi.trigram_indexes"] = present == len(POSTGRES_INDEXES)
    return known


def has_loan_index(session: Session) -> bool:
    """The FTS5 table and its four triggers are all there (asked once per connection)."""
    return index_in_place(session, LOAN_INDEX)
