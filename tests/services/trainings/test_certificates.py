"""Certificates: only for those who completed, numbered once, unique and gapless per office and year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from koperasi.db.models import TrainingCertificate
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ValidationError
from koperasi.domain.trainings.rules import CompletionRule, RuleKind
from koperasi.services.trainings import papers as training_papers
from koperasi import clock
from tests.training_support import DAY1, DAY2, DAY3, DAY4, ISSUED, batch_with_sessions, training_office


@pytest.fixture
def office(db, admin):
    return training_office(db, admin)


def _numbers(office) -> list[str]:
    with office.db.session() as session:
        return sorted(session.scalars(select(TrainingCertificate.number)))


def test_a_certificate_is_refused_to_one_who_has_not_completed(office):
    _, batch_id, days = batch_with_sessions(office, [DAY1, DAY2, DAY3, DAY4])
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    nur = office.enrol(batch_id, office.member("Nurhayati"))
    ani = office.enrol(batch_id, office.member("Ani Suryani"))
    with pytest.raises(ValidationError, match=r"^Siti Aminah belum memenuhi syarat sertifikat: hadir 0 dari 0 sesi"):
        office.certify(siti)  # nothing held yet
    for day, marks in zip(days, ((True, True, True), (True, True, True), (True, False, True), (False, False, True)), strict=True):
        office.attend(day, {siti: marks[0], nur: marks[1], ani: marks[2]})
    office.withdraw(ani, on=DAY4 + timedelta(days=1), reason="Pindah ke Jambi")
    with pytest.raises(ValidationError) as refused:
        office.certify(nur)
    assert refused.value.message == (
        "Nurhayati belum memenuhi syarat sertifikat: hadir 2 dari 4 sesi, syaratnya hadir minimal 75% sesi."
    )
    with pytest.raises(ValidationError, match="Ani Suryani belum memenuhi syarat sertifikat: sudah mengundurkan diri"):
        office.certify(ani)  # attended all four, but withdrew
    with pytest.raises(ValidationError) as future:
        office.certify(siti, on=clock.today() + timedelta(days=1))
    assert future.value.field == "issued_on"
    assert _numbers(office) == []
    # The refusals took no number: the first certificate is 000001.
    assert office.certify(siti) == "SRT/PAU/2025/000001"
    assert office.participant(siti).certificate_number == "SRT/PAU/2025/000001"
    # A rule asking for more sessions than were held cannot be met, even by attending every one.
    _, short, short_days = batch_with_sessions(office, [DAY1, DAY2], programme="Kerajinan Anyaman",
                                               rule=CompletionRule(RuleKind.MIN_SESSIONS, 3))
    rina = office.enrol(short, office.member("Rina Wati"))
    for day in short_days:
        office.attend(day, {rina: True})
    with pytest.raises(ValidationError, match="Rina Wati belum memenuhi syarat sertifikat: hadir 2 dari 2 sesi, syaratnya hadir minimal 3 sesi"):
        office.certify(rina)
    with pytest.raises(ValidationError, match="Tidak ada peserta lulus"):
        office.certify_all(short)


def test_numbers_are_unique_and_gapless_across_batches_and_issued_once(office):
    _, first, days = batch_with_sessions(office, [DAY1, DAY2, DAY3, DAY4])
    siti = office.enrol(first, office.member("Siti Aminah"))
    nur = office.enrol(first, office.member("Nurhayati"))
    ani = office.enrol(first, office.member("Ani Suryani"))
    for day, marks in zip(days, ((True, True, True), (True, True, False), (True, True, False), (True, False, False)), strict=True):
        office.attend(day, {siti: marks[0], nur: marks[1], ani: marks[2]})  # 4, 3 and 1 of 4
    assert office.certify(siti) == "SRT/PAU/2025/000001"
    with pytest.raises(ValidationError, match="Siti Aminah sudah bersertifikat nomor SRT/PAU/2025/000001"):
        office.certify(siti)
    # issue_all: only those who completed and have none yet (not Siti again, not Ani).
    assert office.certify_all(first) == ["SRT/PAU/2025/000002"]
    assert office.participant(nur).certificate_number == "SRT/PAU/2025/000002"
    assert office.participant(ani).certificate_number == ""
    with pytest.raises(ValidationError, match="Tidak ada peserta lulus yang belum bersertifikat"):
        office.certify_all(first)
    # A second batch of another programme continues the same sequence.
    _, second, [day] = batch_with_sessions(office, [DAY1], programme="Literasi Keuangan", rule=CompletionRule(RuleKind.MIN_SESSIONS, 1))
    rina = office.enrol(second, office.member("Rina Wati"))
    dewi = office.enrol(second, office.member("Dewi Lestari"))
    office.attend(day, {rina: True, dewi: True})
    assert office.certify_all(second) == ["SRT/PAU/2025/000003", "SRT/PAU/2025/000004"]  # by name: Dewi, then Rina
    assert office.participant(dewi).certificate_number == "SRT/PAU/2025/000003"
    # A new year starts again at 1.
    office.attend(day, {office.enrol(second, office.member("Yuli Andriani")): True})
    assert office.certify_all(second, on=date(2026, 1, 5)) == ["SRT/PAU/2026/000001"]
    assert _numbers(office) == [f"SRT/PAU/2025/{n:06d}" for n in range(1, 5)] + ["SRT/PAU/2026/000001"]
    assert len(office.events(AuditAction.CERTIFICATE_ISSUED)) == 5


def test_a_certified_participant_cannot_withdraw_and_the_certificate_reads_the_batch(office):
    _, batch_id, days = batch_with_sessions(office, [DAY1, DAY2, DAY3, DAY4])
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    for day, present in zip(days, (False, True, True, True), strict=True):
        office.attend(day, {siti: present})
    number = office.certify(siti, on=ISSUED)
    with pytest.raises(ValidationError, match="sudah bersertifikat tidak dapat mundur"):
        office.withdraw(siti, on=ISSUED)
    assert office.participant(siti).withdrawn_on is None
    with office.db.session() as session:
        [paper] = training_papers.certificates(session, office.clerk, batch_id)
    assert (paper.number, paper.name, paper.programme, paper.batch, paper.partner) == (
        number, "Siti Aminah", "Pertanian Organik", "Angkatan 1", "Dinas Pertanian")
    assert (paper.first_day, paper.last_day, paper.sessions_attended, paper.sessions_held, paper.issued_on) == (
        DAY1, DAY4, 3, 4, ISSUED)


def test_a_certificate_is_not_dated_before_the_last_session(office):
    _, batch_id, days = batch_with_sessions(office, [DAY1, DAY2])
    siti = office.enrol(batch_id, office.member("Siti Aminah"))
    for day in days:
        office.attend(day, {siti: True})
    with pytest.raises(ValidationError, match="sebelum sesi terakhir"):
        office.certify(siti, on=DAY1)
    assert office.certify(siti, on=DAY2).endswith("/000001")
