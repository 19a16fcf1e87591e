from __future__ import annotations

import threading

import pytest

from koperasi.domain.office.numbering import DocumentType
from koperasi.services.office.numbering import next_number
from koperasi.services.transaction import write


def _take(db, office_code="PAU", year=2026):
    with db.session() as session, write(session):
        return next_number(session, office_code=office_code, doc_type=DocumentType.RECEIPT, year=year)


def test_numbers_run_per_office_type_and_year(db):
    assert _take(db) == "KW/PAU/2026/000001"
    assert _take(db) == "KW/PAU/2026/000002"
    assert _take(db, year=2027) == "KW/PAU/2027/000001"
    assert _take(db, office_code="SGT") == "KW/SGT/2026/000001"


def test_a_rolled_back_document_gives_its_number_back(db):
    _take(db)
    with db.session() as session, pytest.raises(ZeroDivisionError):
        with write(session):
            next_number(session, office_code="PAU", doc_type=DocumentType.RECEIPT, year=2026)
            1 / 0  # the document failed after taking a number
    assert _take(db) == "KW/PAU/2026/000002"


def test_numbers_outside_a_write_transaction_are_refused(db):
    with db.session() as session, pytest.raises(RuntimeError):
        next_number(session, office_code="PAU", doc_type=DocumentType.RECEIPT, year=2026)


def test_two_concurrent_writers_get_unique_gapless_numbers(db):
    taken: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def clerk() -> None:
        try:
            for _ in range(40):
                number = _take(db)
                with lock:
                    taken.append(number)
        except BaseException as error:  # surfaced by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=clerk) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(taken) == [f"KW/PAU/2026/{n:06d}" for n in range(1, 81)]
