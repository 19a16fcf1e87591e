"""Finding members in a register of 100,000: filters and sorting in SQL, rows fetched by page.

The Anggota table asks how many members match, then for the page of rows it is about to
show. Filtering and ordering run on covering indexes, so neither needs the wide table.

Words are matched as substrings of ``Member.search_text`` with LIKE, always. A substring
cannot seek an index, so on its own every search reads a whole index (~100,000 entries).
On SQLite the trigram index ``member_search`` (migration 0005) finds the members holding
each word of three or more characters first:

- with only words and status to filter by, a ``count_cap`` (the Anggota tab), and up to
  ``BY_ORDER_KEYS`` of them: their sort keys are read by rowid from the narrow
  ``member_search_order`` (migration 0030) and sorted, and only the page's members are read
  from ``members``;
- few of them otherwise (up to ``NARROW``): the page and the count read only those members, by rowid;
- many: the page is the first ``limit`` matches of the ordered index scan, found early,
  and the count comes from the trigram index itself when the filter is words and status
  only (``_count``).

Without that index (PostgreSQL, an SQLite without FTS5, words of one or two characters)
the LIKE scan does it all, as before. A caller showing a search as the clerk types (the Anggota
tab) may ask for a count that stops at a cap (``count_cap``), and learns whether it did.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from sqlalchemy import ColumnElement, Integer, Row, Select, bindparam, func, literal_column, select, table
from sqlalchemy.orm import Session

from koperasi.db.models import Desa, GroupMembership, Kecamatan, Member, MemberCategory
from koperasi.domain.members.register import MemberStatus, age_on
from koperasi.domain.paging import page_bounds
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office.search_indexes import MEMBER_INDEX, MEMBER_ORDER, index_in_place
from koperasi.services.substring import holds
from koperasi import clock


class MemberSort(StrEnum):
    NUMBER = "number"
    NAME = "name"
    JOIN_DATE = "join_date"


@dataclass(frozen=True, slots=True)
class MemberFilter:
    text: str = ""
    kecamatan_code: str | None = None
    desa_id: uuid.UUID | None = None
    category: str | None = None
    group_id: uuid.UUID | None = None
    status: MemberStatus | None = MemberStatus.ACTIVE
    sex: Sex | None = None


class MemberRow(NamedTuple):
    """One line of the list. A tuple, not a frozen dataclass: a page builds 200 of them as the clerk types,
    and a tuple is built in a fifth of the time."""

    id: uuid.UUID
    number: str
    full_name: str
    nik: str
    sex: Sex
    age: int
    desa: str
    kecamatan: str
    phone: str
    join_date: date
    status: MemberStatus


# Trigram matches up to which the members are read by rowid: each costs about a microsecond,
# a scan of the whole list index about ten milliseconds (measured at 100,000 members).
NARROW = 3000
# Trigram matches (words and status only) up to which their sort keys are read from ``member_search_order``
# and sorted: about 0.5 µs each. The ordered scan of ``ix_members_list`` costs about 0.1 µs an entry, and a
# word whose holders sort late ("siti", "nur", "rosma") has it read most of the 100,000 entries before it
# has a page (8 to 12 ms); one held by more than this is mostly found early. This bounds the worst case:
# a word of 4,700 holders spread through the alphabet ("lestari"), which the scan finds in 2 ms, takes 4.
BY_ORDER_KEYS = 6000
# Trigram matches up to which the index counts them for a page with a ``count_cap`` (a millisecond
# for 10,000); a word held by more ("1503": 88,000 members, 9 ms to count) is counted by the capped
# scan, quick for so many.
INDEX_COUNT_LIMIT = 10_000


def count_members(session: Session, actor: Actor, where: MemberFilter) -> int:
    """How many members match, exactly, however many."""
    authorize(session, actor, Permission.USE_APP)
    return _count(session, where, _Search.of(session, where), cap=None).total


@dataclass(frozen=True, slots=True)
class MemberPage:
    total: int  # members matching the filter, all pages together; with ``exact`` False only a floor
    rows: list[MemberRow]
    # False: counting stopped at ``total`` (the ``count_cap``) and more members match; ``count_members`` tells how many.
    exact: bool = True


def member_page(
    session: Session,
    actor: Actor,
    where: MemberFilter,
    *,
    sort: MemberSort = MemberSort.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    count_cap: int | None = None,
    today: date | None = None,
) -> MemberPage:
    """One page of the filtered, sorted list, and how many match in all.

    The page's ids come from a scan of a covering index (``ix_members_list`` for the name
    order); only those rows are joined with desa and kecamatan. A first page shorter than
    ``limit`` is the whole result, so a narrow search needs no second scan to count. When the
    trigram index says few members hold the words, those are read once by rowid into ``hits``
    and the page and the count both come from it (one statement).

    ``count_cap``: a search (words given) whose count would need a scan counts only up to there
    and says so (``MemberPage.exact``). Counting every one of the 38,000 members holding "ah"
    reads the whole list (15 ms at 100,000 members); a count that stops at 1,001 reads a few
    thousand entries. Without words the count reads indexes and is always exact.
    """
    authorize(session, actor, Permission.USE_APP)
    offset, limit = page_bounds(offset, limit)
    if count_cap is not None:
        _, count_cap = page_bounds(0, count_cap)
    today = today or clock.today()
    column = _SORT_COLUMNS[sort]
    order = [column.desc(), Member.number.desc()] if descending else [column.asc(), Member.number.asc()]
    cap = count_cap if where.text.split() else None
    search = _Search.of(session, where, index_count_limit=INDEX_COUNT_LIMIT if cap is not None else None)
    if search.everyone == 0:  # the index knows no member holding the words, of any status
        return MemberPage(0, [])
    if search.holders is not None:
        found = _page_by_order_keys(session, where, search, sort, descending, offset, limit, today)
        if found is not None:
            return found
    if search.rowids is not None:  # few members hold the words: read them once, then count and order them
        hits = (
            _filtered(session, select(Member.id, column.label("sort_key"), Member.number.label("sort_number")), where, search.rowids)
            .cte("hits")
            .prefix_with("MATERIALIZED")
        )
        keys = [hits.c.sort_key, hits.c.sort_number]
        page = (
            select(hits.c.id, select(func.count()).select_from(hits).scalar_subquery().label("total"))
            .order_by(*[key.desc() if descending else key.asc() for key in keys])
            .offset(offset)
            .limit(limit)
            .subquery()
        )
        rows = _rows(session, _row_columns().add_columns(page.c.total).join(page, page.c.id == Member.id).order_by(*order))
        count = _Count(rows[0][-1]) if rows else _count(session, where, search, cap=cap)
        return MemberPage(count.total, [_row(row, today) for row in rows], count.exact)
    page = _filtered(session, select(Member.id), where).order_by(*order).offset(offset).limit(limit).subquery()
    rows = _rows(session, _row_columns().join(page, page.c.id == Member.id).order_by(*order))
    count = _Count(len(rows)) if offset == 0 and len(rows) < limit else _count(session, where, search, cap=cap)
    return MemberPage(count.total, [_row(row, today) for row in rows], count.exact)


def _page_by_order_keys(
    session: Session, where: MemberFilter, search: _Search, sort: MemberSort, descending: bool, offset: int, limit: int,
    today: date,
) -> MemberPage | None:
    """The page from the holders' sort keys in ``member_search_order``, in one statement that also counts
    them. The page's members are read from ``members`` with the plain LIKE: None when they are not all the
    index promised (an index out of step with the rows), or when the page is empty (past the end, or every
    holder of the other status), for the caller to search without it."""
    status = where.status.value if where.status is not None else None
    statement = _by_order_keys(sort, descending, status).where(*_holding(session, Member.search_text, where))
    rows = _rows(session, statement, {"holders": search.holders, "offset": offset, "limit": limit})
    total = rows[0][-1] if rows else 0
    if not rows or len(rows) != min(limit, total - offset):
        return None
    return MemberPage(total, [_row(row, today) for row in rows])


@cache
def _by_order_keys(sort: MemberSort, descending: bool, status: str | None) -> Select:
    """The statement of ``_page_by_order_keys`` but its words, built once for each of its few shapes: building
    it costs nearly a millisecond, a tenth of what a search as the clerk types may take."""
    holders = func.json_each(bindparam("holders")).table_valued("value")
    key = _ORDER_KEYS.c[_ORDER_COLUMNS[sort]]
    hits = select(_ORDER_KEYS.c.member_rowid, key.label("sort_key"), _ORDER_KEYS.c.number.label("sort_number")).select_from(
        holders.join(_ORDER_KEYS, _ORDER_KEYS.c.member_rowid == holders.c.value)
    )
    if status is not None:
        hits = hits.where(_ORDER_KEYS.c.status == status)
    hits = hits.cte("hits").prefix_with("MATERIALIZED")
    keys = [hits.c.sort_key, hits.c.sort_number]
    page = (
        select(hits.c.member_rowid, select(func.count()).select_from(hits).scalar_subquery().label("total"))
        .order_by(*[key.desc() if descending else key.asc() for key in keys])
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
        .subquery()
    )
    shown = _SORT_COLUMNS[sort]
    order = [shown.desc(), Member.number.desc()] if descending else [shown.asc(), Member.number.asc()]
    return _row_columns().add_columns(page.c.total).join(page, page.c.member_rowid == _MEMBER_ROWID).order_by(*order)


def _holding(session: Session, search_text: ColumnElement[str], where: MemberFilter) -> list[ColumnElement[bool]]:
    return [holds(session, search_text, word) for word in where.text.lower().split()]


def matching_ids(session: Session, actor: Actor, where: MemberFilter) -> list[uuid.UUID]:
    """Every matching member's id in number order (for exports: one scan, then pages by id)."""
    authorize(session, actor, Permission.USE_APP)
    return list(session.scalars(_filtered(session, select(Member.id), where).order_by(Member.number)))


def rows_for(session: Session, ids: list[uuid.UUID], *, today: date | None = None) -> list[MemberRow]:
    """The list rows of ``ids``, in that order."""
    today = today or clock.today()
    found = {row[0]: row for row in _rows(session, _row_columns().where(Member.id.in_(ids)))}
    return [_row(found[member_id], today) for member_id in ids if member_id in found]


def _row_columns() -> Select:
    return (
        select(
            Member.id, Member.number, Member.full_name, Member.nik, Member.sex, Member.birth_date,
            Member.phone, Member.join_date, Member.status, Desa.name.label("desa"), Kecamatan.name.label("kecamatan"),
        )
        .join(Desa, Desa.id == Member.desa_id)
        .join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
    )


def _rows(session: Session, statement: Select, parameters: dict | None = None) -> Sequence[Row]:
    """The rows through the session's connection: the ORM's result layer adds about a millisecond
    to a page of 200 rows and gives nothing to columns that are not entities."""
    return session.connection().execute(statement, parameters).all()


def _row(values: Row, today: date) -> MemberRow:
    member_id, number, full_name, nik, sex, birth_date, phone, join_date, status, desa, kecamatan = values[:11]
    return MemberRow(
        member_id, number, full_name, nik or "", _SEXES[sex], age_on(birth_date, today), desa, kecamatan, phone, join_date,
        _STATUSES[status],
    )


# The enums by value: a dict lookup, where calling the enum class costs a microsecond per row.
_SEXES = {sex.value: sex for sex in Sex}
_STATUSES = {status.value: status for status in MemberStatus}


_SORT_COLUMNS = {MemberSort.NUMBER: Member.number, MemberSort.NAME: Member.full_name, MemberSort.JOIN_DATE: Member.join_date}


_TRIGRAM = table("member_search", literal_column("rowid"))
_ORDER_KEYS = table("member_search_order", *(literal_column(name) for name in ("member_rowid", "full_name", "number", "join_date", "status")))
_ORDER_COLUMNS = {MemberSort.NUMBER: "number", MemberSort.NAME: "full_name", MemberSort.JOIN_DATE: "join_date"}
_MEMBER_ROWID = literal_column("members.rowid")


@dataclass(frozen=True, slots=True)
class _Search:
    """What the trigram index says about a filter's words (all None without the index)."""

    match: str | None = None  # the FTS5 query: every word of 3+ characters as a phrase
    rowids: Select | None = None  # the members holding them, when there are at most NARROW
    # How many members of any status hold them, when the index counts exactly what LIKE finds (every word
    # ASCII with 3+ characters) and the filter leaves the count to it (``_index_counts``).
    everyone: int | None = None
    # Their rowids as a JSON array, read with a bounded count, when there are at most BY_ORDER_KEYS: the page
    # is then ordered from them without asking the index again (for "lestari", five trigrams, a millisecond).
    holders: str | None = None

    @classmethod
    def of(cls, session: Session, where: MemberFilter, *, index_count_limit: int | None = None) -> _Search:
        """``index_count_limit``: count the index's matches only up to there (more: ``everyone`` None), and
        read their rowids (``holders``) with the count."""
        words = where.text.lower().split()
        long = [word for word in words if len(word) >= 3]
        if not long or not _has_trigram_index(session):
            return cls()
        match = " AND ".join('"' + word.replace('"', '""') + '"' for word in long)
        found = select(_TRIGRAM.c.rowid).where(_matches(match))
        if len(long) == len(words) and all(word.isascii() for word in long) and _index_counts(where):
            # Counted once: a broad search's total is this count, so the index is not asked twice.
            counted = (found if index_count_limit is None else found.limit(index_count_limit + 1)).subquery()
            if index_count_limit is not None and _has_order_keys(session):  # a bounded list (10,000 rowids: 0.3 ms)
                everyone, holders = session.execute(select(func.count(), func.json_group_array(counted.c.rowid))).one()
            else:
                everyone, holders = session.scalar(select(func.count()).select_from(counted)), None
            if index_count_limit is not None and everyone > index_count_limit:
                return cls(match)
            return cls(match, found if everyone <= NARROW else None, everyone, holders if everyone <= BY_ORDER_KEYS else None)
        few = session.scalar(select(func.count()).select_from(found.limit(NARROW + 1).subquery())) <= NARROW
        return cls(match, found if few else None)


def _matches(match: str) -> ColumnElement[bool]:
    return literal_column("member_search").op("MATCH")(match)


def _has_trigram_index(session: Session) -> bool:
    """The FTS5 table and its three triggers are all there (asked once per connection)."""
    return index_in_place(session, MEMBER_INDEX)


def _has_order_keys(session: Session) -> bool:
    """The sort keys' table and its three triggers are all there (asked once per connection), and the SQLite
    has JSON built in (3.38; earlier, only when compiled with it), which hands the holders' rowids over."""
    return sqlite3.sqlite_version_info >= (3, 38, 0) and index_in_place(session, MEMBER_ORDER)


def _index_counts(where: MemberFilter) -> bool:
    """Only words and a status other than left to filter by: the trigram index can count the matches."""
    simple = not (where.kecamatan_code or where.desa_id or where.category or where.group_id or where.sex)
    return simple and where.status != MemberStatus.LEFT


@dataclass(frozen=True, slots=True)
class _Count:
    total: int
    exact: bool = True


def _count(session: Session, where: MemberFilter, search: _Search, *, cap: int | None) -> _Count:
    """How many match; with many trigram matches and only words and status to filter by,
    the index counts them (all members, less those of the other status) without a scan.
    With neither words nor other filters, SQLite counts the whole table from its b-tree's
    pages without decoding a row (under a millisecond at 100,000 members, where
    ``WHERE status = 'aktif'`` reads every entry of an index: 15 ms). Otherwise a scan counts,
    stopping after ``cap`` matches when there is one."""
    everyone = search.everyone if search.rowids is None else None
    if everyone is None and not where.text.split() and _index_counts(where):
        everyone = session.scalar(select(func.count()).select_from(Member)) or 0
    if everyone is not None:
        if where.status is None:
            return _Count(everyone)
        # A literal, not a parameter: SQLite only uses a partial index when it can see the value.
        left_only = Member.status == literal_column(f"'{MemberStatus.LEFT.value}'")
        left = session.scalar(_filtered(session, select(func.count()).select_from(Member), replace(where, status=None)).where(left_only)) or 0
        return _Count(everyone - left)
    if cap is None or search.rowids is not None:  # few trigram matches: counted from those alone
        return _Count(session.scalar(_filtered(session, select(func.count(Member.id)), where, search.rowids)) or 0)
    found = session.scalar(select(func.count()).select_from(_filtered(session, select(Member.id), where).limit(cap + 1).subquery())) or 0
    return _Count(cap, exact=False) if found > cap else _Count(found)


def _filtered(session: Session, query: Select, where: MemberFilter, rowids: Select | None = None) -> Select:
    if rowids is not None:
        query = query.where(_MEMBER_ROWID.in_(rowids))
    for word in where.text.lower().split():
        query = query.where(holds(session, Member.search_text, word))
    if where.kecamatan_code:
        query = query.where(Member.kecamatan_code == where.kecamatan_code)
    if where.desa_id:
        query = query.where(Member.desa_id == where.desa_id)
    if where.status:
        query = query.where(Member.status == where.status.value)
    if where.sex:
        query = query.where(Member.sex == where.sex.value)
    if where.category:
        query = query.where(
            Member.id.in_(select(MemberCategory.member_id).where(MemberCategory.category_code == where.category))
        )
    if where.group_id:
        query = query.where(
            Member.id.in_(
                select(GroupMembership.member_id).where(
                    GroupMembership.group_id == where.group_id, GroupMembership.left_on.is_(None)
                )
            )
        )
    return query
