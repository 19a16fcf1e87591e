"""The Pinjaman list finds, orders and counts exactly what a plain substring search finds, however it finds them.

The reference reads every loan and judges each word in Python against the loan number (lower case) and the
borrower's ``search_text``; only the order of the whole list comes from the database. ``loan_page`` is
compared with it on SQLite (its trigram index: few loans read by rowid, many found by the ordered scan and
counted by the index, long words asked by their tail) and on PostgreSQL (LIKE, with pg_trgm indexes).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from koperasi.db.models import Loan, Member
from koperasi.domain.loans.rules import LoanStatus
from koperasi.services.loans import search as loan_search
from koperasi.services.loans.queries import LoanFilter, loan_page
from koperasi.services.members import register as members
from tests.loan_support import loan_office

NAMES = [
    "Siti Aminah", "Siti Rahmawati", "Nur Aminah", "Ahmad Yusuf", 'Siti "Ani" Aminah', "Zoë 100% Wati",
    "İlham x_y Nur", "Ahmad 1_0 Sariwati", "Dewi Lestari", "Rahman Sitinur",
]
PAGE = 4


@pytest.fixture(params=["as configured", "every search broad", "every word asked by its tail"])
def index_paths(request, monkeypatch):
    if request.param == "every search broad":
        monkeypatch.setattr(loan_search, "FEW", 2)
    elif request.param == "every word asked by its tail":
        monkeypatch.setattr(loan_search, "LONGEST", 3)


@pytest.fixture
def office(db, admin):
    office = loan_office(db, admin)
    _, other_product = office.second_fund_product()
    borrowers = [office.member(name) for name in NAMES]
    for position, member_id in enumerate(borrowers):
        office.apply(member_id)
        if position % 3 == 1:
            office.approved_loan(member_id, product_id=other_product)
        elif position % 3 == 0:
            office.apply(member_id, principal=2_400_000, product_id=other_product)
    # Renamed after their loans exist: the loans' search follows the borrower's new name.
    with db.session() as session:
        current = members.get_member(session, admin, borrowers[0])
        members.update_member(
            session, admin, borrowers[0], replace(current.data, full_name="Qowiyyah Siti Xenakis"),
            expected_version=current.version, accept_warnings=True,
        )
    return office, other_product


def _lines(session) -> list[str]:
    return [number.lower() + " " + search for number, search in session.execute(
        select(Loan.number, Member.search_text).join(Member, Member.id == Loan.member_id)
    )]


def _words(lines: list[str]):
    """Pieces of the loans' own numbers and borrowers' texts (so searches find something), and odd ones."""
    piece = st.sampled_from(lines).flatmap(
        lambda line: st.tuples(st.integers(0, len(line) - 1), st.integers(1, 9)).map(lambda cut: line[cut[0]:cut[0] + cut[1]])
    )
    odd = st.text(alphabet='siSIt0/-%_"ëİaA', min_size=1, max_size=5)
    word = st.one_of(piece, piece, odd).map(lambda w: "".join(w.split())).filter(bool)
    return st.lists(st.tuples(word, st.booleans()), min_size=1, max_size=3).map(
        lambda chosen: " ".join(w.upper() if shout else w for w, shout in chosen)
    )


def test_the_list_finds_orders_and_counts_what_a_plain_substring_search_finds(office, index_paths):
    office, other_product = office
    with office.session() as session:
        lines = _lines(session)
        reference = _Reference(session)
        if session.bind.dialect.name == "sqlite":
            assert loan_search.has_loan_index(session)  # the index is there and used

        @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
        @given(
            words=_words(lines),
            status=st.sampled_from([None, LoanStatus.APPLIED, LoanStatus.APPROVED]),
            product=st.sampled_from([None, other_product]),
        )
        def check(words, status, product):
            where = LoanFilter(text=words, status=status, product_id=product)
            expected = reference.ids(where)
            first = loan_page(session, office.clerk, where, limit=PAGE)
            assert [row.id for row in first.rows] == expected[:PAGE], where
            assert first.total == len(expected), where
            second = loan_page(session, office.clerk, where, offset=PAGE, limit=PAGE)
            assert [row.id for row in second.rows] == expected[PAGE:2 * PAGE], where
            assert second.total == len(expected), where
            beyond = loan_page(session, office.clerk, where, offset=len(expected) + 3, limit=PAGE)
            assert beyond.rows == [] and beyond.total == len(expected), where

        check()


def test_the_index_holds_each_loans_number_and_borrower(office):
    """SQLite: after loans were added and a borrower renamed, the index's line of every loan is what it should be."""
    office, _ = office
    with office.session() as session:
        if session.bind.dialect.name != "sqlite":
            pytest.skip("the trigram index of loans is SQLite's")
        held = dict(session.execute(text("SELECT rowid, search_text FROM member_search_loans")).all())
        expected = dict(session.execute(
            select(text("loans.rowid"), func.lower(Loan.number) + " " + Member.search_text)
            .select_from(Loan)
            .join(Member, Member.id == Loan.member_id)
        ).all())
    assert held == expected and any("qowiyyah" in line for line in held.values())


def test_a_renamed_borrowers_loans_are_found_by_the_new_name_only(office):
    office, _ = office
    with office.session() as session:
        renamed = loan_page(session, office.clerk, LoanFilter(text="xenakis")).rows
        old_name = loan_page(session, office.clerk, LoanFilter(text="siti aminah")).rows
    assert len(renamed) == 2 and {row.member_name for row in renamed} == {"Qowiyyah Siti Xenakis"}
    assert old_name and renamed[0].member_number not in {row.member_number for row in old_name}


class _Reference:
    """Every loan in Python; the database only says how it orders the whole list."""

    def __init__(self, session) -> None:
        self.loans = session.execute(
            select(Loan.id, Loan.number, Member.search_text, Loan.status, Loan.product_id)
            .join(Member, Member.id == Loan.member_id)
            .order_by(Loan.number.desc())
        ).all()

    def ids(self, where: LoanFilter) -> list:
        words = where.text.lower().split()
        return [
            loan.id
            for loan in self.loans
            if all(word in loan.number.lower() or word in loan.search_text for word in words)
            and (where.status is None or loan.status == where.status.value)
            and (where.product_id is None or loan.product_id == where.product_id)
        ]

