"""The round trip the issue is done by: two demo offices send their packets onto one "USB stick" folder, the
district (SQLite and PostgreSQL) takes the folder in, and its Beranda and its Laporan bulanan are the sum of the
two offices' own."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from koperasi import clock
from koperasi.db.database import Database, open_database
from koperasi.domain.district.monthly import MONTHLY, MOVEMENTS, UNNAMED, previous_month
from koperasi.domain.errors import DomainError, NotFound, ValidationError
from koperasi.domain.roles import Actor
from koperasi.services.dashboard.figures import Figures, figures
from koperasi.domain.district import packet
from koperasi.services.district import beranda, monthly as district_monthly, office_key, receiving, sending
from koperasi.services.district.beranda_figures import BERANDA
from koperasi.services.district.packet_file import read_packet, write_packet
from koperasi.services.district.receiving import Outcome
from koperasi.services.monthly.history import history
from koperasi.services.monthly.report import monthly_report
from tests.district_support import demo_office, district, register
from tests.support import PINNED_MOMENT, TODAY


@dataclass
class Office:
    db: Database
    admin: Actor
    own: Figures  # its own Beranda's figures, today


@pytest.fixture(scope="module")
def usb_stick(tmp_path_factory) -> tuple[Path, dict[str, Office]]:
    """Two demo offices (made once for the module) that each sent their packet onto the same stick."""
    clock.pin(PINNED_MOMENT)
    folder = tmp_path_factory.mktemp("beranda-offices")
    template = folder / "template.db"
    open_database(URL.create("sqlite+pysqlite", database=str(template))).dispose()
    stick = folder / "flashdisk"
    stick.mkdir()
    made = {}
    for name, members in (("pauh", 60), ("limun", 24)):
        database, admin = demo_office(template, folder, name, members=members)
        with database.session() as session:
            sending.send_report(session, admin, stick)
            made[name] = Office(database, admin, figures(session, admin, as_of=TODAY))
    clock.pin(None)
    yield stick, made
    for office in made.values():
        office.db.dispose()


@pytest.fixture
def district_admin(db, usb_stick) -> Actor:
    """The district with both offices registered by their fingerprints (not yet any packet taken in)."""
    admin = district(db)
    for name, office in usb_stick[1].items():
        register(db, admin, office.db, office.admin, f"Kantor {name.title()}")
    return admin


def _take_in(db, admin, stick: Path) -> list[receiving.ImportResult]:
    with db.session() as session:
        return receiving.import_packets(session, admin, receiving.packet_files(stick))


def _named(rows, *values) -> dict:
    """Named lines of several offices added up by hand: name -> the sums of ``values``."""
    sums: dict[str, list[int]] = {}
    for row in rows:
        line = sums.setdefault(row.name, [0] * len(values))
        for index, value in enumerate(values):
            line[index] += getattr(row, value)
    return sums


def test_two_offices_on_one_stick_make_the_district_s_beranda_and_monthly_report_their_sum(db, district_admin, usb_stick):
    stick, offices = usb_stick
    assert len(receiving.packet_files(stick)) == 2
    assert [result.outcome for result in _take_in(db, district_admin, stick)] == [Outcome.ACCEPTED] * 2
    own = [office.own for office in offices.values()]
    with db.session() as session:
        seen = beranda.district_beranda(session, district_admin)
    whole = seen.figures
    assert seen.counts_only == () and [line.stale for line in seen.offices] == [False, False]
    assert {line.label: line.as_of for line in seen.offices} == {"Kantor Pauh": TODAY, "Kantor Limun": TODAY}

    m = whole.members
    for name in ("total", "women", "new_in_month", "left_in_month", "out_of_school_children"):
        assert getattr(m, name) == sum(getattr(f.members, name) for f in own), name
    assert m.total > 0 and m.women_share == m.women / m.total
    assert Counter({c.name: c.count for c in m.by_kecamatan}) == sum(
        (Counter({c.name: c.count for c in f.members.by_kecamatan}) for f in own), Counter())
    assert [c.count for c in m.by_kecamatan] == sorted((c.count for c in m.by_kecamatan), reverse=True)
    assert _named(m.by_category, "count") == _named([c for f in own for c in f.members.by_category], "count")

    loans = whole.loans
    for name in ("loans", "outstanding", "at_risk_30"):
        assert getattr(loans.book, name) == sum(getattr(f.loans.book, name) for f in own), name
    assert loans.book.outstanding > 0
    assert loans.book.par30 == loans.book.at_risk_30 / loans.book.outstanding  # of the sums, not an average
    for name in ("disbursed_in_month", "disbursed_in_year", "due_in_month", "collected_in_month"):
        assert getattr(loans, name) == sum(getattr(f.loans, name) for f in own), name
    assert loans.collected_in_month > 0 and loans.collection_rate == loans.collected_in_month / loans.due_in_month
    assert _named(loans.buckets, "loans", "outstanding", "at_risk_30") == _named(
        [b for f in own for b in f.loans.buckets], "loans", "outstanding", "at_risk_30")
    assert _named(loans.funds, "capital", "lent_out", "available") == _named(
        [fund for f in own for fund in f.loans.funds], "capital", "lent_out", "available")
    late = [line for f in own for line in f.loans.oldest_arrears]
    assert len(loans.oldest_arrears) == min(10, len(late)) > 0
    assert {line.loan_number for line in loans.oldest_arrears} <= {line.loan_number for line in late}
    assert min(line.days_past_due for line in loans.oldest_arrears) >= sorted(
        (line.days_past_due for line in late), reverse=True)[len(loans.oldest_arrears) - 1]
    assert all(line.member_name == UNNAMED for line in loans.oldest_arrears)  # names stay at the office by default

    trained = whole.trainings
    for name in ("participants", "completed", "women", "men"):
        assert getattr(trained.year, name) == sum(getattr(f.trainings.year, name) for f in own), name
    assert trained.year.participants > 0 and trained.upcoming_sessions == sum(f.trainings.upcoming_sessions for f in own)
    assert _named(trained.by_programme, "participants", "completed") == _named(
        [p for f in own for p in f.trainings.by_programme], "participants", "completed")

    sales = whole.sales
    for period in ("month", "year"):
        for name in ("sales", "total", "commission"):
            assert getattr(getattr(sales, period), name) == sum(getattr(getattr(f.sales, period), name) for f in own)
        assert _named(getattr(sales, f"{period}_by_channel"), "sales", "total", "commission") == _named(
            [c for f in own for c in getattr(f.sales, f"{period}_by_channel")], "sales", "total", "commission")
    assert sales.year.total > 0
    assert sales.owed_to_producers == sum(f.sales.owed_to_producers for f in own)
    assert sales.producers_owed == sum(f.sales.producers_owed for f in own)
    for name in ("meetings", "attended", "referred", "without_outcome"):
        assert getattr(whole.network, name) == sum(getattr(f.network, name) for f in own), name

    # The per-office comparison: each office's own PAR30, collection rate, people trained and sales.
    for line in seen.offices:
        office = offices[line.label.removeprefix("Kantor ").lower()].own
        assert line.figures.par30 == office.loans.book.par30
        assert line.figures.collection_rate == office.loans.collection_rate
        assert line.figures.trained_in_year == office.trainings.year.participants
        assert line.figures.sales_in_year == office.sales.year.total

    # The charts: the twelve months of the offices' own monthly history added up.
    month = previous_month(TODAY)
    reports = []
    for office in offices.values():
        with office.db.session() as session:
            reports.append(monthly_report(session, office.admin, month=month))
            assert history(session, office.admin, last=month) == reports[-1].history
    for index, point in enumerate(seen.history.portfolio):
        assert point.outstanding == sum(r.history.portfolio[index].outstanding for r in reports)
        assert point.at_risk == sum(r.history.portfolio[index].at_risk for r in reports)
        assert seen.history.collections[index].due == sum(r.history.collections[index].due for r in reports)

    # The monthly report (Berkas > Laporan bulanan…): the offices' own reports of last month added up.
    with db.session() as session:
        paper = district_monthly.district_monthly(session, district_admin, month=month).report
    for name in MOVEMENTS:
        assert getattr(paper.movements, name) == sum(getattr(r.movements, name) for r in reports), name
    assert paper.movements.members_at_end > 0
    for name in ("loans", "outstanding", "at_risk_30"):
        assert getattr(paper.arrears.total, name) == sum(getattr(r.arrears.total, name) for r in reports), name
    assert paper.history == seen.history


def test_one_office_or_one_kecamatan_is_that_office_s_own_beranda(db, district_admin, usb_stick):
    stick, offices = usb_stick
    _take_in(db, district_admin, stick)
    with db.session() as session:
        chosen = {office.label: office for office in receiving.list_offices(session, district_admin)}
        alone = beranda.district_beranda(session, district_admin, office_id=chosen["Kantor Pauh"].id)
        by_kecamatan = beranda.district_beranda(session, district_admin, kecamatan=chosen["Kantor Pauh"].kecamatan)
    pauh = offices["pauh"].own
    assert [line.label for line in alone.offices] == ["Kantor Pauh"]
    assert alone.figures.members == pauh.members and alone.figures.trainings == pauh.trainings
    assert alone.figures.sales == pauh.sales and alone.figures.loans.book == pauh.loans.book
    assert alone.figures.loans.buckets == pauh.loans.buckets and alone.figures.network == pauh.network
    # Both demo offices stand in one kecamatan: its filter holds both.
    assert len(by_kecamatan.offices) == 2


def test_an_office_whose_packet_predates_the_beranda_part_counts_by_its_totals_and_is_named(
        db, district_admin, usb_stick, tmp_path):
    stick, offices = usb_stick
    older = tmp_path / "lama"
    older.mkdir()
    for path in receiving.packet_files(stick):
        content = read_packet(path)
        document = json.loads(content.files["figures.json"])
        if _whose(content, offices) == "pauh":
            del document[BERANDA]
            content = replace(content, manifest=replace(content.manifest, version=2),
                              files=content.files | {"figures.json": json.dumps(document).encode()})
        _resign(path, older / path.name, content, offices)
    results = _take_in(db, district_admin, older)
    assert [r.outcome for r in results] == [Outcome.ACCEPTED] * 2, results
    with db.session() as session:
        seen = beranda.district_beranda(session, district_admin)
    assert seen.counts_only == ("Kantor Pauh",)
    own = [office.own for office in offices.values()]
    assert seen.figures.members.total == sum(f.members.total for f in own)
    assert seen.figures.loans.book.outstanding == sum(f.loans.book.outstanding for f in own)
    assert seen.figures.sales.year.total == sum(f.sales.year.total for f in own)
    assert {c.name for c in seen.figures.members.by_kecamatan} == {c.name for c in offices["limun"].own.members.by_kecamatan}


def _whose(content, offices) -> str:
    """Which demo office signed the packet (both demo offices bear the same name and code)."""
    printed = packet.fingerprint(content.manifest.public_key)
    for name, office in offices.items():
        with office.db.session() as session:
            if office_key.office_fingerprint(session, office.admin) == printed:
                return name
    raise AssertionError("a packet of neither office")


def _resign(source: Path, target: Path, content, offices) -> None:
    """``content`` written and signed again with its office's key, as that office's program would have."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from koperasi.db.models import OfficeKey

    with offices[_whose(content, offices)].db.session() as session:
        key = Ed25519PrivateKey.from_private_bytes(session.get(OfficeKey, 1).private_key)
    files = content.files
    manifest = replace(content.manifest, digests={file: packet.digest(data) for file, data in files.items()})
    write_packet(target, manifest, key, files)


def test_a_beranda_part_that_lies_about_its_shape_is_refused(db, district_admin, usb_stick, tmp_path):
    stick, offices = usb_stick
    target = tmp_path / "palsu"
    target.mkdir()
    path = receiving.packet_files(stick)[0]
    content = read_packet(path)
    document = json.loads(content.files["figures.json"])
    document[BERANDA]["members"]["total"] = -5
    content = replace(content, files=content.files | {"figures.json": json.dumps(document).encode()})
    _resign(path, target / path.name, content, offices)
    result, = _take_in(db, district_admin, target)
    assert result.outcome is Outcome.REFUSED and "bukan paket laporan" in result.reason


def test_the_beranda_filter_refuses_what_is_not_an_office_or_a_kecamatan(db, district_admin):
    import uuid

    with db.session() as session:
        with pytest.raises(ValidationError):
            beranda.district_beranda(session, district_admin, office_id="Pauh")
        with pytest.raises(ValidationError):
            beranda.district_beranda(session, district_admin, kecamatan="x" * 81)
        with pytest.raises(NotFound):
            beranda.district_beranda(session, district_admin, office_id=uuid.uuid4())
        empty = beranda.district_beranda(session, district_admin)
    assert empty.figures.members.total == 0 and empty.history is None and all(line.stale for line in empty.offices)


def test_an_office_has_no_district_beranda(db, admin):
    with db.session() as session, pytest.raises(DomainError, match="mode kabupaten"):
        beranda.district_beranda(session, admin)


def test_the_packet_s_beranda_keeps_names_at_home_unless_the_office_sends_them(usb_stick):
    stick, _ = usb_stick
    late = []
    for path in receiving.packet_files(stick):
        with zipfile.ZipFile(path) as archive:
            document = json.loads(archive.read("figures.json"))
        late += document[BERANDA]["loans"]["oldest_arrears"]
        assert MONTHLY in document
    assert late and all(line["member_name"] == UNNAMED and line["member_number"] == UNNAMED for line in late)
    assert all(line["loan_number"] and line["days_past_due"] > 0 for line in late)
