from __future__ import annotations

import pytest

from koperasi.db.models import Kecamatan
from koperasi.domain.errors import ConflictError
from koperasi.services.transaction import write


def test_a_clash_with_a_row_saved_meanwhile_is_a_conflict_and_nothing_is_kept(db):
    with db.session() as session, pytest.raises(ConflictError, match="komputer lain"):
        with write(session):
            session.add(Kecamatan(code="15.03.99", name="Uji"))
            session.add(Kecamatan(code="15.03.01", name="Batang Asai Lagi"))  # already seeded
    with db.session() as session:
        assert session.get(Kecamatan, "15.03.99") is None


def test_changes_made_outside_write_are_refused(db):
    with db.session() as session:
        session.add(Kecamatan(code="15.03.98", name="Liar"))
        with pytest.raises(RuntimeError), write(session):
            pass


def test_nested_writes_join_the_outer_transaction(db):
    with db.session() as session, pytest.raises(ZeroDivisionError):
        with write(session):
            with write(session):
                session.add(Kecamatan(code="15.03.97", name="Dalam"))
            1 / 0
    with db.session() as session:
        assert session.get(Kecamatan, "15.03.97") is None
