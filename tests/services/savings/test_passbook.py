"""The buku simpanan goes on from the line where the last print stopped, across pages."""

from __future__ import annotations


import pytest

from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.savings.papers import PASSBOOK_LINES_PER_PAGE, place_lines
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services.savings import passbook
from tests.savings_support import savings_office


@pytest.fixture
def both(db, admin):
    return savings_office(db, admin)


def test_place_lines_runs_down_the_page_then_onto_the_next():
    assert place_lines(1, 19, 4, per_page=20) == [(1, 19), (1, 20), (2, 1), (2, 2)]
    assert place_lines(3, 21, 1, per_page=20) == [(4, 1)]  # a page just filled
    assert place_lines(1, 1, 0) == []


def _print_all(office, member):
    with office.session() as session:
        job = passbook.passbook_print(session, office.clerk, member)
        passbook.record_passbook_printed(session, office.clerk, member, printed=job.printed_before + len(job.lines),
                                         expected_version=job.version)
    return job


def test_the_next_print_starts_on_the_line_after_the_last_one(both):
    member = both.member()
    for amount in (10_000, 20_000, 30_000):
        both.deposit(member, SavingsKind.SUKARELA, amount)
    first = _print_all(both, member)
    assert [(line.page, line.line, line.into, line.balance) for line in first.lines] == [
        (1, 1, 10_000, 10_000), (1, 2, 20_000, 30_000), (1, 3, 30_000, 60_000)]
    withdrawal = both.withdraw(member, 15_000)
    both.reverse(withdrawal.id)
    second = _print_all(both, member)
    assert [(line.page, line.line, line.code, line.out, line.into, line.balance) for line in second.lines] == [
        (1, 4, "SS", 15_000, 0, 45_000), (1, 5, "BT", 0, 15_000, 60_000)]
    with both.session() as session:
        assert passbook.passbook_print(session, both.clerk, member).lines == ()
        with pytest.raises(ValidationError, match="Tidak ada baris baru"):
            passbook.record_passbook_printed(session, both.clerk, member, printed=5, expected_version=second.version + 1)


def test_a_full_page_goes_on_at_the_top_of_the_next(both):
    member = both.member()
    for _ in range(PASSBOOK_LINES_PER_PAGE - 1):
        both.deposit(member, SavingsKind.WAJIB, 1_000)
    _print_all(both, member)
    for _ in range(3):
        both.deposit(member, SavingsKind.WAJIB, 1_000)
    job = _print_all(both, member)
    assert [(line.page, line.line) for line in job.lines] == [(1, PASSBOOK_LINES_PER_PAGE), (2, 1), (2, 2)]


def test_two_pcs_printing_the_same_book_do_not_both_move_it(both):
    member = both.member()
    both.deposit(member, SavingsKind.SUKARELA, 10_000)
    with both.session() as session:
        job = passbook.passbook_print(session, both.clerk, member)
        passbook.record_passbook_printed(session, both.clerk, member, printed=1, expected_version=job.version)
        with pytest.raises(ConflictError):
            passbook.record_passbook_printed(session, both.clerk, member, printed=1, expected_version=job.version)
