"""Opening balances of savings from Excel: checked row by row, rejected rows back with their reason, posted in
balanced entries against Ekuitas saldo awal with an audit event, and never twice."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from koperasi.db.models import AuditEvent, Member
from koperasi.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.savings.rules import SavingsKind
from koperasi.services import ledger, ledger_checks
from koperasi.services.savings import book, opening, papers
from tests.loan_support import account_balance
from tests.savings_support import savings_office

AS_OF = date(2026, 6, 30)  # the last day of the paper books
HEADER = ["Nomor anggota*", "Nama", "Simpanan pokok (Rp)", "Simpanan wajib (Rp)", "Simpanan sukarela (Rp)"]


@pytest.fixture
def office(db, admin):
    return savings_office(db, admin)


def _sheet(*rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Saldo awal"
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _number(office, member_id) -> str:
    with office.session() as session:
        return session.get(Member, member_id).number


def _preview(office, data, actor=None, as_of=AS_OF):
    with office.session() as session:
        return opening.preview_opening_balances(session, actor or office.manager, data, as_of=as_of)


def _commit(office, preview, actor=None):
    with office.session() as session:
        return opening.commit_opening_balances(session, actor or office.manager, preview)


def test_opening_balances_are_checked_posted_balanced_and_audited(office):
    siti, rina = office.member("Siti Aminah"), office.member("Rina Wati")
    late = office.member("Dewi Lestari", joined=date(2026, 8, 1))
    data = _sheet(
        (_number(office, siti), "Siti Aminah", 100_000, "240.000", None),
        ("Contoh: PAU-000009", "Contoh", 1, 1, 1),  # the template's example row: never imported
        (_number(office, rina).lower(), "Rina", None, 120_000.0, 55_000),  # a number typed small; another name
        ("PAU-999999", "Orang lain", 10_000, None, None),
        (_number(office, siti), "Siti Aminah", 1, None, None),
        (_number(office, late), "Dewi Lestari", 100_000, None, None),
        (_number(office, rina), "Rina Wati", -5, 10.5, "sepuluh"),
        (_number(office, rina), "", None, None, None),
    )
    preview = _preview(office, data)
    assert [(row.row, row.amounts) for row in preview.valid] == [
        (2, ((SavingsKind.POKOK, 100_000), (SavingsKind.WAJIB, 240_000))),
        (4, ((SavingsKind.WAJIB, 120_000), (SavingsKind.SUKARELA, 55_000))),
    ]
    assert preview.valid[1].warnings == ("Nama di berkas 'Rina' berbeda dari nama di program 'Rina Wati'.",)
    assert {row.row: row.reason for row in preview.rejected} == {
        5: "Nomor anggota 'PAU-999999' tidak terdaftar di program.",
        6: "Anggota ini sudah ada di baris 2 berkas ini.",
        7: "Dewi Lestari baru menjadi anggota 01-08-2026, sesudah tanggal saldo awal.",
        8: "Anggota ini sudah ada di baris 4 berkas ini. Simpanan pokok tidak boleh negatif. Simpanan wajib harus "
           "rupiah bulat (tertulis 10.5). Simpanan sukarela 'sepuluh' tidak terbaca; tulis rupiah bulat, misalnya 1.500.000.",
        9: "Anggota ini sudah ada di baris 4 berkas ini.",
    }
    assert preview.totals == {SavingsKind.POKOK: 100_000, SavingsKind.WAJIB: 360_000, SavingsKind.SUKARELA: 55_000}
    assert _commit(office, preview) == 2
    with office.session() as session:
        assert book.balances(session, siti) == {SavingsKind.POKOK: 100_000, SavingsKind.WAJIB: 240_000, SavingsKind.SUKARELA: 0}
        assert account_balance(session, Account.OPENING_BALANCE) == -515_000  # debited: what the paper books brought in
        assert account_balance(session, Account.SAVINGS_WAJIB) == 360_000
        assert ledger.unbalanced_entries(session) == [] and ledger_checks.ledger_problems(session) == []
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "savings_opening_imported")).all()
        movement = session.scalars(select(book.SavingsMovement).where(book.SavingsMovement.member_id == siti)).first()
        with pytest.raises(NotFound, match="Saldo awal dari pembukuan lama tidak memiliki kwitansi"):
            papers.receipt_for(session, office.clerk, movement.id)
    assert sorted(event.entity_id for event in events) == sorted([str(siti), str(rina)])
    assert events[0].user_id == office.manager.user_id and events[0].after["as_of"] == "2026-06-30"


def test_the_same_file_imported_twice_posts_once(office):
    siti = office.member()
    data = _sheet((_number(office, siti), "Siti Aminah", 100_000, None, 20_000))
    first = _preview(office, data)
    second_look = _preview(office, data)  # a second PC previews the same file before the first saves
    _commit(office, first)
    again = _preview(office, data)
    assert again.valid == () and [row.reason for row in again.rejected] == [
        "Saldo awal simpanan pokok, simpanan sukarela anggota ini sudah diimpor."]
    with pytest.raises(ConflictError, match="Baris 2: saldo awal simpanan pokok, simpanan sukarela .* baru saja diimpor"):
        _commit(office, second_look)
    with office.session() as session:
        assert book.balances(session, siti)[SavingsKind.POKOK] == 100_000
        assert account_balance(session, Account.OPENING_BALANCE) == -120_000
    # a wrong opening balance is reversed (four eyes) and the corrected one imported
    with office.session() as session:
        pokok = session.scalars(select(book.SavingsMovement).where(
            book.SavingsMovement.member_id == siti, book.SavingsMovement.kind == "pokok")).one()
    office.reverse(pokok.id)
    corrected = _preview(office, _sheet((_number(office, siti), "Siti Aminah", 50_000, None, None)))
    assert [row.amounts for row in corrected.valid] == [((SavingsKind.POKOK, 50_000),)]
    _commit(office, corrected)
    with office.session() as session:
        assert book.balances(session, siti)[SavingsKind.POKOK] == 50_000
        assert ledger_checks.ledger_problems(session) == []


def test_bad_files_and_days_get_indonesian_messages_and_rejected_rows_come_back(office):
    siti = office.member()
    with pytest.raises(ValidationError, match="Tanggal saldo awal tidak boleh di masa depan"):
        _preview(office, _sheet(), as_of=date(2026, 12, 1))
    from koperasi.domain.errors import DomainError

    with pytest.raises(DomainError, match=r"Kolom wajib tidak ditemukan di baris pertama: Nomor anggota\*. Gunakan templat saldo awal"):
        _preview(office, _sheet(header=["Nama", "Simpanan pokok (Rp)"]))
    with pytest.raises(PermissionDenied):
        _preview(office, _sheet(), actor=office.clerk)
    preview = _preview(office, _sheet(("PAU-999999", "Siapa", 1_000, None, None), (_number(office, siti), "", 0, 0, 0)))
    with pytest.raises(ValidationError, match="Tidak ada baris yang dapat diimpor"):
        _commit(office, preview)
    rejected = load_workbook(io.BytesIO(opening.rejected_rows_workbook(preview)))["Saldo awal"]
    rows = [list(row) for row in rejected.iter_rows(values_only=True)]
    assert rows[0] == [*HEADER, "Alasan ditolak"]
    assert rows[1] == ["PAU-999999", "Siapa", 1_000, None, None, "Nomor anggota 'PAU-999999' tidak terdaftar di program."]
    assert rows[2][-1] == "Tidak ada saldo yang diisi."
    # the template imports as it is: its example row is left out
    template = load_workbook(io.BytesIO(opening.opening_template()))
    assert template.sheetnames == ["Saldo awal", "Petunjuk"]
    assert _preview(office, opening.opening_template()).valid == ()


def _opening_rows():
    from hypothesis import strategies as st

    amount = st.one_of(st.none(), st.integers(0, 50_000_000))
    return st.lists(st.tuples(amount, amount, amount), min_size=1, max_size=4)


@pytest.fixture
def shared_office(sqlite_db):
    from tests.support import set_up_office

    return savings_office(sqlite_db, set_up_office(sqlite_db))


def test_any_opening_balances_keep_the_books_sound_and_never_post_twice(shared_office):
    """Hypothesis: whatever balances a file holds, each member's balances are the file's, the journal balances and
    agrees with the savings (doctor), and the same file imported again posts nothing."""
    from hypothesis import HealthCheck, given, settings

    office = shared_office

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(rows=_opening_rows())
    def check(rows):
        members = [office.member(f"Anggota {index}", joined=date(2026, 1, 5)) for index, _ in enumerate(rows)]
        data = _sheet(*((_number(office, member), "", *amounts) for member, amounts in zip(members, rows, strict=True)))
        preview = _preview(office, data)
        if preview.valid:
            _commit(office, preview)
        assert _preview(office, data).valid == ()  # a second time: every row already imported or empty
        with office.session() as session:
            for member, amounts in zip(members, rows, strict=True):
                expected = {kind: amount or 0 for kind, amount in zip(SavingsKind, amounts, strict=True)}
                assert book.balances(session, member) == expected
            assert ledger_checks.ledger_problems(session) == []

    check()
