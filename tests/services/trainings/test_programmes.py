"""Programmes, batches and enrolment; and the loan product that requires a finished programme."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from koperasi.db.models import Loan
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.loans.products import LoanKind, ProductInput
from koperasi.domain.loans.rules import Frequency
from koperasi.domain.trainings.rules import CompletionRule, RuleKind, SessionInput
from koperasi.services.loans import products as loan_products
from koperasi.services.loans import lifecycle as loans
from koperasi.services.members import register as members
from koperasi.services.trainings import programmes as trainings
from koperasi import clock
from tests.loan_support import START
from tests.training_support import DAY1, DAY2, DAY3, DAY4, ENROLLED, batch_with_sessions, training_office


@pytest.fixture
def office(db, admin):
    return training_office(db, admin)


# --- enrolment ----------------------------------------------------------------------------------


def test_the_same_person_is_never_enrolled_twice_in_a_batch(office):
    programme_id, batch_id, _ = batch_with_sessions(office, [DAY1])
    siti, rudi = office.member_with_child("Siti Aminah", "Rudi Hartono")
    nur = office.member("Nurhayati")
    office.enrol(batch_id, siti)
    office.enrol(batch_id, household_member_id=rudi)
    with pytest.raises(ConflictError, match="Siti Aminah sudah terdaftar di angkatan Angkatan 1"):
        office.enrol(batch_id, siti)
    with pytest.raises(ConflictError, match="Rudi Hartono sudah terdaftar di angkatan Angkatan 1"):
        office.enrol(batch_id, household_member_id=rudi)
    # Withdrawn is still enrolled: the clerk is told why, not offered a second row.
    office.withdraw(office.enrol(batch_id, nur), on=date(2025, 3, 5))
    with pytest.raises(ConflictError, match=r"Nurhayati sudah terdaftar .*\(sudah mengundurkan diri\)"):
        office.enrol(batch_id, nur)
    assert sorted(p.name for p in office.participants(batch_id)) == ["Nurhayati", "Rudi Hartono", "Siti Aminah"]
    # Another batch of the same programme is another matter.
    second = office.batch(programme_id, "Angkatan 2")
    office.enrol(second, siti)
    office.enrol(second, nur)
    assert len(office.participants(second)) == 2


def test_enrolment_refuses_a_member_who_left_and_unclear_or_future_entries(office):
    _, batch_id, _ = batch_with_sessions(office, [DAY1])
    siti, rudi = office.member_with_child()
    with office.db.session() as session:
        version = members.get_member(session, office.admin, siti).version
        members.record_leaving(session, office.admin, siti, left_on=date(2025, 2, 1), reason="Pindah", expected_version=version)
    with pytest.raises(ValidationError, match="Siti Aminah sudah keluar dari koperasi"):
        office.enrol(batch_id, siti)
    with pytest.raises(ValidationError, match="Pilih satu orang"):
        office.enrol(batch_id, siti, household_member_id=rudi)
    with pytest.raises(ValidationError, match="Pilih satu orang"):
        office.enrol(batch_id)
    with pytest.raises(ValidationError) as refused:
        office.enrol(batch_id, office.member("Nurhayati"), on=clock.today().replace(year=clock.today().year + 1))
    assert refused.value.field == "enrolled_on"
    assert office.participants(batch_id) == []


def test_a_household_member_can_enrol_and_is_named_by_the_household(office):
    _, batch_id, _ = batch_with_sessions(office, [DAY1])
    siti, rudi = office.member_with_child("Siti Aminah", "Rudi Hartono")
    office.enrol(batch_id, household_member_id=rudi, on=ENROLLED)
    [person] = office.participants(batch_id)
    with office.db.session() as session:
        number = members.get_member(session, office.admin, siti).number
    assert (person.name, person.sex, person.member_id, person.household_member_id) == ("Rudi Hartono", "L", None, rudi)
    assert person.identity == f"Anak dari Siti Aminah ({number})"
    assert (person.desa, person.enrolled_on) == ("Perdamaian", ENROLLED)


def test_a_closed_batch_takes_no_participants_sessions_or_attendance(office):
    _, batch_id, [first] = batch_with_sessions(office, [DAY1])
    participant = office.enrol(batch_id, office.member("Siti Aminah"))
    with office.db.session() as session:
        view = trainings.get_batch(session, office.clerk, batch_id)
        trainings.update_batch(session, office.clerk, batch_id, name=view.name, kecamatan_code=view.kecamatan_code,
                               notes="Selesai", closed=True, expected_version=view.version)
    with pytest.raises(ValidationError, match="Angkatan 1 sudah ditutup"):
        office.enrol(batch_id, office.member("Nurhayati"))
    with pytest.raises(ValidationError, match="Angkatan 1 sudah ditutup"):
        office.session(batch_id, DAY2)
    with pytest.raises(ValidationError, match="Angkatan 1 sudah ditutup"):
        office.attend(first, {participant: True})
    with office.db.session() as session:
        view = trainings.get_batch(session, office.clerk, batch_id)
    assert (view.closed, view.participants, view.sessions) == (True, 1, 1)


def test_batches_and_sessions_count_what_stands(office):
    _, batch_id, [first, second, third] = batch_with_sessions(office, [DAY1, DAY2, DAY3])
    office.enrol(batch_id, office.member("Siti Aminah"))
    office.withdraw(office.enrol(batch_id, office.member("Nurhayati")), on=date(2025, 3, 5))
    office.attend(first, {office.participants(batch_id)[1].id: True})
    with office.db.session() as session:
        views = {s.id: s for s in trainings.list_sessions(session, office.clerk, batch_id)}
        trainings.update_session(session, office.clerk, second, views[second].data, cancelled=True,
                                 expected_version=views[second].version)
        with pytest.raises(ValidationError, match="sudah dicatat kehadirannya tidak dapat dibatalkan"):
            trainings.update_session(session, office.clerk, first, views[first].data, cancelled=True,
                                     expected_version=views[first].version)
    with office.db.session() as session:
        batch = trainings.get_batch(session, office.clerk, batch_id)
        numbers = [(s.id, s.number, s.cancelled, s.recorded) for s in trainings.list_sessions(session, office.clerk, batch_id)]
        # A desa of another kecamatan than the session's is refused; programme names are unique ignoring case.
        with pytest.raises(ValidationError) as refused:
            trainings.add_session(session, office.clerk, batch_id, SessionInput(
                DAY4, time(8, 0), time(12, 0), "Balai Desa", "15.03.09", office.pauh_desa_id, "Ir. Hendra"))
        assert refused.value.field == "desa_id"
    assert (batch.participants, batch.sessions, batch.first_day, batch.last_day) == (1, 2, DAY1, DAY3)
    assert numbers == [(first, 1, False, True), (second, 0, True, False), (third, 2, False, False)]
    with pytest.raises(ValidationError, match="sudah ada"):
        office.programme("pertanian organik")


# --- loans that require a programme -------------------------------------------------------------


def _product_requiring(office, programme_id: uuid.UUID) -> uuid.UUID:
    with office.db.session() as session:
        return loan_products.create_product(
            session, office.admin,
            ProductInput("Modal Tani Organik", office.loans.fund_id, LoanKind.INDIVIDUAL, 500_000, 10_000_000, 3, 24,
                         Frequency.MONTHLY, 1000, 0, programme_id),
        )


def _apply(office, member_id: uuid.UUID, product_id: uuid.UUID) -> uuid.UUID:
    with office.db.session() as session:
        return loans.apply_for_loan(
            session, office.clerk, loans.LoanApplication(member_id, product_id, 1_000_000, 10, "Bibit padi organik", START),
            request_id=uuid.uuid4(),
        )


def test_a_product_requiring_a_programme_takes_only_members_who_completed_it(office):
    programme_id, batch_id, days = batch_with_sessions(office, [DAY1, DAY2, DAY3, DAY4], programme="Pertanian Organik")
    _, other_batch, [other_day] = batch_with_sessions(office, [DAY1], programme="Literasi Keuangan",
                                                      rule=CompletionRule(RuleKind.MIN_SESSIONS, 1))
    product_id = _product_requiring(office, programme_id)
    siti, nur, ani = office.member("Siti Aminah"), office.member("Nurhayati"), office.member("Ani Suryani")
    completed, short = office.enrol(batch_id, siti), office.enrol(batch_id, nur)
    for day, marks in zip(days, ((True, True), (True, True), (True, False), (False, False)), strict=True):
        office.attend(day, {completed: marks[0], short: marks[1]})  # Siti 3 of 4 (75 %), Nurhayati 2 of 4
    office.attend(other_day, {office.enrol(other_batch, ani): True})  # Ani completed only another programme
    for member_id, name in ((nur, "Nurhayati"), (ani, "Ani Suryani"), (office.member("Rina Wati"), "Rina Wati")):
        with pytest.raises(ValidationError, match=f"^{name} belum menyelesaikan pelatihan Pertanian Organik, syarat produk ini"):
            _apply(office, member_id, product_id)
    loan_id = _apply(office, siti, product_id)
    with office.db.session() as session:
        assert session.get(Loan, loan_id).product_id == product_id



def test_the_application_form_is_told_whether_the_member_meets_the_training_requirement(office):
    from koperasi.domain.errors import NotFound
    from koperasi.services.trainings import participants as training_participants

    programme_id, batch_id, days = batch_with_sessions(office, [DAY1, DAY2], programme="Pertanian Organik",
                                                       rule=CompletionRule(RuleKind.MIN_SESSIONS, 2))
    product_id = _product_requiring(office, programme_id)
    siti, nur, rina = office.member("Siti Aminah"), office.member("Nurhayati"), office.member("Rina Wati")
    completed, short = office.enrol(batch_id, siti), office.enrol(batch_id, nur)
    for day in days:
        office.attend(day, {completed: True, short: day == days[0]})
    with office.db.session() as session:
        treasurer = office.loans.treasurer  # reads only: any role may look
        answers = [training_participants.member_meets_requirement(session, treasurer, m, product_id) for m in (siti, nur, rina)]
        assert training_participants.member_meets_requirement(session, treasurer, siti, office.loans.product_id) is None
        with pytest.raises(NotFound):
            training_participants.member_meets_requirement(session, treasurer, siti, uuid.uuid4())
    assert answers == [("Pertanian Organik", True), ("Pertanian Organik", False), ("Pertanian Organik", False)]
    # The preview agrees with what an application meets.
    with pytest.raises(ValidationError, match="^Nurhayati belum menyelesaikan pelatihan Pertanian Organik"):
        _apply(office, nur, product_id)
    assert _apply(office, siti, product_id)

def test_editing_a_member_keeps_the_household_member_who_is_enrolled(office):
    _, batch_id, _ = batch_with_sessions(office, [DAY1])
    siti, rudi = office.member_with_child("Siti Aminah", "Rudi Hartono")
    office.enrol(batch_id, household_member_id=rudi)
    with office.db.session() as session:
        detail = members.get_member(session, office.admin, siti)
        members.update_member(session, office.admin, siti, replace(detail.data, address="Jl. Lintas Sumatera"),
                              expected_version=detail.version, accept_warnings=True)
    [person] = office.participants(batch_id)
    assert (person.name, person.household_member_id) == ("Rudi Hartono", rudi)
    with office.db.session() as session:
        detail = members.get_member(session, office.admin, siti)
        with pytest.raises(ValidationError, match="Rudi Hartono tercatat sebagai peserta pelatihan"):
            members.update_member(session, office.admin, siti, replace(detail.data, household=()),
                                  expected_version=detail.version, accept_warnings=True)
        renamed = replace(detail.data.household[0], full_name="Rudi Hartono Saputra")
        members.update_member(session, office.admin, siti, replace(detail.data, household=(renamed,)),
                              expected_version=detail.version, accept_warnings=True)
    [person] = office.participants(batch_id)
    assert (person.name, person.household_member_id) == ("Rudi Hartono Saputra", rudi)


def test_a_late_enrolee_is_measured_on_the_sessions_since_enrolling(office):
    # 75 % of 4 sessions needs 3; someone who joined after DAY1 and attended the 3 since has completed.
    _, batch_id, days = batch_with_sessions(office, [DAY1, DAY2, DAY3, DAY4])
    early = office.enrol(batch_id, office.member("Siti Aminah"))
    late = office.enrol(batch_id, office.member("Nur Aisyah"), on=DAY2)
    office.attend(days[0], {early: True})
    for day in days[1:]:
        office.attend(day, {early: False, late: True})
    by_name = {person.name: person for person in office.participants(batch_id)}
    assert (by_name["Nur Aisyah"].sessions_held, by_name["Nur Aisyah"].completed) == (3, True)
    assert (by_name["Siti Aminah"].sessions_held, by_name["Siti Aminah"].completed) == (4, False)


def test_withdrawal_is_dated_after_the_last_session_attended_and_a_departed_household_cannot_enrol(office):
    _, batch_id, days = batch_with_sessions(office, [DAY1, DAY2])
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    office.attend(days[1], {siti: True})
    with pytest.raises(ValidationError, match="tanggal mundur harus sesudahnya"):
        office.withdraw(siti, DAY2)
    office.withdraw(siti, DAY2 + timedelta(days=1))
    mother, child = office.member_with_child("Rosmawati", "Andi")
    with office.db.session() as session:
        detail = members.get_member(session, office.admin, mother)
        members.record_leaving(session, office.admin, mother, left_on=date(2025, 3, 2), reason="Pindah ke Jambi",
                               expected_version=detail.version)
    with pytest.raises(ValidationError, match="sudah keluar dari koperasi"):
        office.enrol(batch_id, household_member_id=child)


def test_a_batch_cannot_be_renamed_to_another_batch_of_the_programme(office):
    programme_id, first, _ = batch_with_sessions(office, [], batch="Angkatan 1")
    second = office.batch(programme_id, "Angkatan 2")
    with office.db.session() as session:
        view = trainings.get_batch(session, office.admin, second)
        with pytest.raises(ValidationError, match="sudah ada pada program ini"):
            trainings.update_batch(session, office.admin, second, name="angkatan 1", kecamatan_code=None, notes="",
                                   closed=False, expected_version=view.version)
        trainings.update_batch(session, office.admin, second, name="Angkatan 2 Pauh", kecamatan_code=None, notes="",
                               closed=True, expected_version=view.version)
    assert first != second
