"""The one-person rule of the opportunity board and its age bound, which the register query uses too."""

from __future__ import annotations

import uuid
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.members.register import age_on
from koperasi.domain.network.opportunities import Conditions, Person, born_by, fits
from koperasi.domain.people import Sex

DESA = uuid.uuid4()


@given(birth=st.dates(date(1900, 1, 1), date(2030, 12, 31)), today=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
       age=st.integers(0, 90))
def test_born_by_is_exactly_the_age_bound(birth, today, age):
    assert (age_on(birth, today) >= age) == (birth <= born_by(today, age))


def _person(**changes) -> Person:
    values = dict(kecamatan_code="15.03.09", desa_id=DESA, categories=frozenset({"petani_kecil"}), sex=Sex.FEMALE,
                  birth_date=date(1990, 6, 1), programme_ids=frozenset(), occupation="Petani sawit")
    return Person(**{**values, **changes})


def test_each_condition_narrows_and_an_empty_one_does_not():
    today = date(2026, 11, 28)
    assert fits(Conditions(kecamatan_code="15.03.09"), _person(), today)
    assert not fits(Conditions(kecamatan_code="15.03.04"), _person(), today)
    assert fits(Conditions(categories=frozenset({"petani_kecil", "buruh_harian"})), _person(), today)
    assert not fits(Conditions(categories=frozenset({"buruh_harian"})), _person(), today)
    assert fits(Conditions(livelihood="SAWIT"), _person(), today)
    assert not fits(Conditions(sex=Sex.MALE), _person(), today)
    assert fits(Conditions(min_age=36, max_age=36), _person(), today)
    assert not fits(Conditions(min_age=18), _person(birth_date=None), today)
    assert not fits(Conditions(programme_ids=frozenset({uuid.uuid4()})), _person(), today)
    # An adult's opportunity is not for a child and the other way round.
    assert not fits(Conditions(kecamatan_code="15.03.09"), _person(out_of_school_child=True), today)
    assert fits(Conditions(for_children=True), _person(out_of_school_child=True), today)
