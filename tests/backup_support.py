"""Damage that SQLite itself does not notice, for the backup and restore tests."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def change_one_byte_of_a_journal_amount(path: Path) -> None:
    """Add 1 to a journal line's debit by flipping one byte of the file, leaving the file a sound SQLite file.

    An amount no fund line holds: the fund lines' amounts are also in an index (ix_journal_lines_fund), whose
    copy would no longer match and make the file itself unsound, and the byte changed is the first of that
    amount found on the table's pages."""
    with closing(sqlite3.connect(path)) as connection:
        pages = [row[0] for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'journal_lines' AND pagetype = 'leaf'")]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        amounts = [row[0] for row in connection.execute(
            "SELECT debit FROM journal_lines WHERE debit BETWEEN 8388608 AND 2147483647 AND debit % 2 = 0"
            " AND debit NOT IN (SELECT debit FROM journal_lines WHERE fund_source_id IS NOT NULL"
            " UNION SELECT credit FROM journal_lines WHERE fund_source_id IS NOT NULL)")]
    data = bytearray(path.read_bytes())
    for amount in amounts:
        encoded = amount.to_bytes(4, "big")  # SQLite's record format: a 4-byte big-endian integer
        for page in pages:
            start = (page - 1) * page_size
            index = data.find(encoded, start, start + page_size)
            if index >= 0:
                data[index + 3] ^= 0x01  # even amount: +1 rupiah
                path.write_bytes(bytes(data))
                return
    raise AssertionError("no journal amount found to change")
