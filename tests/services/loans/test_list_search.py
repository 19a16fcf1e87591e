"""The Pinjaman list's search: by loan number or by the borrower's name, number or NIK, every word.

On SQLite the borrower side goes through the member search's trigram index (issue 19); the results must
be exactly what a substring match over number and borrower finds, with or without that index."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from koperasi.services.loans import queries as loan_queries
from tests.loan_support import loan_office


def _numbers(office, words: str) -> set[str]:
    with office.session() as session:
        page = loan_queries.loan_page(session, office.clerk, loan_queries.LoanFilter(text=words))
        assert page.total == len(page.rows)
        return {row.number for row in page.rows}


def _expected(office, words: str) -> set[str]:
    """The plain rule, over every loan: each word is in the loan number or the borrower's search text."""
    with office.session() as session:
        rows = session.execute(
            text("SELECT l.number, m.search_text FROM loans l JOIN members m ON m.id = l.member_id")
        ).all()
    return {number for number, search in rows if all(word in number.lower() or word in search for word in words.lower().split())}


@pytest.fixture
def office(db, admin):
    office = loan_office(db, admin)
    for name in ("Siti Aminah", "Siti Rahmawati", "Nur Aminah", "Ahmad Yusuf"):
        office.apply(office.member(name))
    return office


@pytest.mark.parametrize("words", ["aminah", "siti", "siti aminah", "AMINAH", "si", "pjm", "0002", "zzz", "min%", "yusuf pjm"])
def test_search_finds_by_number_or_borrower_exactly_as_the_substring_rule(office, words):
    assert _numbers(office, words) == _expected(office, words)


def test_a_borrower_word_finds_only_that_borrowers_loans(office):
    found = _numbers(office, "rahmawati")
    assert len(found) == 1 and found == _expected(office, "rahmawati")
