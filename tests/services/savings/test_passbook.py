"""The buku simpanan goes on from the line where the last print stopped, across pages."""

from __future__ import annotations


import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.errors import ConflictError, PermissionDenied, ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.savings.papers import (
    PASSBOOK_LEFT_MM,
    PASSBOOK_LINES,
    PASSBOOK_LINES_PER_PAGE,
    PASSBOOK_TOP_MM,
    PassbookLayout,
    place_lines,
)
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services.office import settings
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


def test_a_new_book_starts_on_page_1_line_1_with_only_what_the_old_book_lacks(both):
    member = both.member()
    for amount in (10_000, 20_000):
        both.deposit(member, SavingsKind.SUKARELA, amount)
    old = _print_all(both, member)
    assert old.book == 1
    both.deposit(member, SavingsKind.SUKARELA, 5_000)
    with both.session() as session:
        version = passbook.passbook_print(session, both.clerk, member).version
        assert passbook.start_new_passbook(session, both.admin, member, expected_version=version) == 2
    job = _print_all(both, member)
    assert job.book == 2
    assert [(line.page, line.line, line.into, line.balance) for line in job.lines] == [(1, 1, 5_000, 35_000)]
    with both.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.PASSBOOK_RESET.value)).one()
        assert event.entity_id == str(member)
        assert event.before == {"book": 1, "next_page": 1, "next_line": 3}
        assert event.after == {"book": 2, "next_page": 1, "next_line": 1}
        assert passbook.passbook_print(session, both.clerk, member).book == 2


def test_a_new_book_is_refused_for_a_book_never_printed_or_moved_meanwhile(both):
    member = both.member()
    both.deposit(member, SavingsKind.SUKARELA, 10_000)
    with both.session() as session:
        with pytest.raises(ValidationError, match="belum pernah dicetak"):
            passbook.start_new_passbook(session, both.admin, member, expected_version=0)
    job = _print_all(both, member)
    with both.session() as session:
        with pytest.raises(ConflictError):
            passbook.start_new_passbook(session, both.admin, member, expected_version=job.version + 5)


def test_a_clerk_cannot_start_a_new_book(both):
    member = both.member()
    both.deposit(member, SavingsKind.SUKARELA, 10_000)
    job = _print_all(both, member)
    with both.session() as session:
        with pytest.raises(PermissionDenied):
            passbook.start_new_passbook(session, both.clerk, member, expected_version=job.version + 1)


def test_the_office_sets_its_paper_lines_per_page_and_offsets(both):
    member = both.member()
    for _ in range(6):
        both.deposit(member, SavingsKind.WAJIB, 1_000)
    with both.session() as session:
        settings.change_setting(session, both.admin, PASSBOOK_LINES, 5, expected_version=0)
        settings.change_setting(session, both.admin, PASSBOOK_TOP_MM, 4, expected_version=0)
        settings.change_setting(session, both.admin, PASSBOOK_LEFT_MM, -2, expected_version=0)
        with pytest.raises(ValidationError, match="baris per halaman"):
            settings.change_setting(session, both.admin, PASSBOOK_LINES, 4, expected_version=1)
        with pytest.raises(ValidationError, match="Geser ke bawah"):
            settings.change_setting(session, both.admin, PASSBOOK_TOP_MM, 31, expected_version=1)
        with pytest.raises(PermissionDenied):
            settings.change_setting(session, both.clerk, PASSBOOK_LEFT_MM, 1, expected_version=1)
    job = _print_all(both, member)
    assert job.layout == PassbookLayout(top_mm=4, left_mm=-2, lines_per_page=5)
    assert [(line.page, line.line) for line in job.lines] == [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 1)]
    both.deposit(member, SavingsKind.WAJIB, 1_000)
    assert [(line.page, line.line) for line in _print_all(both, member).lines] == [(2, 2)]


def test_the_paper_is_saved_all_or_none_each_change_audited(both):
    with both.session() as session:
        held = passbook.passbook_paper(session, both.manager)
    assert held == passbook.PassbookPaper(PassbookLayout(0, 0, PASSBOOK_LINES_PER_PAGE), (0, 0, 0))
    with both.session() as session, pytest.raises(ValidationError, match="baris per halaman"):
        passbook.change_passbook_paper(session, both.manager, PassbookLayout(4, -2, 70), expected_versions=held.versions)
    with both.session() as session:
        assert passbook.passbook_paper(session, both.manager) == held  # the offsets wait with the refused count
        passbook.change_passbook_paper(session, both.manager, PassbookLayout(4, 0, 24), expected_versions=held.versions)
        changed = passbook.passbook_paper(session, both.manager)
        events = session.scalars(select(AuditEvent.entity_id).where(AuditEvent.action == AuditAction.SETTING_CHANGED)).all()
    assert changed == passbook.PassbookPaper(PassbookLayout(4, 0, 24), (1, 0, 1))
    assert sorted(events) == sorted([PASSBOOK_TOP_MM.key, PASSBOOK_LINES.key])  # the unchanged left offset is not
    with both.session() as session, pytest.raises(ConflictError):
        passbook.change_passbook_paper(session, both.manager, PassbookLayout(5, 0, 24), expected_versions=held.versions)
    with both.session() as session, pytest.raises(PermissionDenied):
        passbook.change_passbook_paper(session, both.clerk, PassbookLayout(5, 0, 24), expected_versions=changed.versions)
