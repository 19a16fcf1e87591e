"""The member register's pure rules: ages, the household's figures, member numbers, the adult age."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import ValidationError
from koperasi.domain.members.register import (
    HouseholdPerson,
    MemberInput,
    Relation,
    SchoolStatus,
    age_on,
    clean_member,
    format_member_number,
    household_size,
    out_of_school_children,
)
from koperasi.domain.people import Sex

TODAY = date(2026, 11, 28)


def test_an_age_turns_on_the_birthday_and_a_29_february_birthday_on_1_march():
    assert age_on(date(1980, 11, 28), TODAY) == 46 and age_on(date(1980, 11, 29), TODAY) == 45
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17 and age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_the_household_counts_the_member_and_the_children_out_of_school_under_18():
    household = (
        HouseholdPerson("Rudi", Relation.CHILD, Sex.MALE, date(2012, 1, 1), SchoolStatus.DROPPED_OUT),
        HouseholdPerson("Rina", Relation.CHILD, Sex.FEMALE, date(2015, 1, 1), SchoolStatus.IN_SCHOOL),
        HouseholdPerson("Dedi", Relation.CHILD, Sex.MALE, date(2000, 1, 1), SchoolStatus.NEVER),  # grown up
        HouseholdPerson("Ani", Relation.GRANDCHILD, Sex.FEMALE, None, SchoolStatus.NEVER),  # age unknown: counted
    )
    assert household_size(household) == 5 and household_size(()) == 1
    assert out_of_school_children(household, today=TODAY) == 2


def test_a_member_number_is_the_office_code_and_six_digits():
    assert format_member_number("PAU", 1) == "PAU-000001"


def test_a_member_is_at_least_17_and_a_child_is_recorded_in_the_household():
    young = MemberInput(full_name="Rudi", sex=Sex.MALE, birth_date=date(2010, 1, 1), desa_id="d")
    with pytest.raises(ValidationError, match="minimal 17 tahun") as refused:
        clean_member(young, today=TODAY)
    assert refused.value.field == "birth_date"
