"""Kirim laporan and Terima paket end to end: two demo offices send, the district (SQLite and PostgreSQL) takes
their packets in, refuses forged, tampered, truncated, older and foreign ones with the reason, and its
figures are the sum of the offices' own."""

from __future__ import annotations

import json
import shutil
import uuid
import zipfile
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import func, select

from koperasi import clock
from koperasi.db.database import Database, open_database
from koperasi.db.models import AppSetting, AuditEvent, DistrictLoan, DistrictMember, OfficeKey
from koperasi.domain.district import packet
from koperasi.domain.district.figures import BY_KECAMATAN, COUNTED, IMPACT, IMPACT_COUNTED, UNSPLIT
from koperasi.domain.district.monthly import MONTHLY, MOVEMENTS, UNNAMED, previous_month
from koperasi.domain.impact.indicators import median_floor
from koperasi.domain.loans.papers import PortfolioShare
from koperasi.domain.district.settings import DISTRICT_KEY, OFFICE_MODE, PERSONAL_DATA, normal_public_key
from koperasi.domain.errors import DomainError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor
from koperasi.services.dashboard.figures import figures
from koperasi.services.district import consolidated, district_key, mode, receiving, sending
from koperasi.services.district.encryption import MAGIC
from koperasi.services.district.packet_file import read_packet, write_packet
from koperasi.services.district.receiving import Outcome
from koperasi.services.office import auth
from koperasi.services.office.settings import change_setting, read_setting
from koperasi.services.district import monthly as district_monthly
from koperasi.services.impact.indicators import impact_figures, income_changes
from koperasi.services.monthly.report import monthly_report
from koperasi.services.sales.papers import sales_report
from koperasi.services.trainings.papers import training_summary
from sqlalchemy.engine import URL
from tests.district_support import demo_office, district, register
from tests.support import PINNED_MOMENT, TEST_PASSWORD, TODAY


@dataclass
class Office:
    db: Database
    admin: Actor
    packet: Path  # sent once, as of the module's start


@pytest.fixture(scope="module")
def offices(tmp_path_factory) -> dict[str, Office]:
    """Two demo offices, made once for the module (the demo data takes seconds), each with one packet sent."""
    clock.pin(PINNED_MOMENT)
    folder = tmp_path_factory.mktemp("offices")
    template = folder / "template.db"
    open_database(URL.create("sqlite+pysqlite", database=str(template))).dispose()
    made = {}
    for name, members in (("pauh", 30), ("limun", 24)):
        database, admin = demo_office(template, folder, name, members=members)
        stick = folder / f"stick-{name}"
        stick.mkdir()
        with database.session() as session:
            sent = sending.send_report(session, admin, stick)
        made[name] = Office(database, admin, sent.path)
    clock.pin(None)
    yield made
    for office in made.values():
        office.db.dispose()


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    return folder


@pytest.fixture
def district_admin(db) -> Actor:
    return district(db)


def _registered(db, admin, offices, *names):
    for name in names:
        register(db, admin, offices[name].db, offices[name].admin, f"Kantor {name.title()}")


def _import(db, admin, *paths) -> list[receiving.ImportResult]:
    with db.session() as session:
        return receiving.import_packets(session, admin, list(paths))


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewrite(path: Path, target: Path, **replaced: bytes) -> Path:
    parts = _parts(path) | {name.replace("_", "."): content for name, content in replaced.items()}
    with zipfile.ZipFile(target, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return target


def _count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


# ---- the office's side ----------------------------------------------------------------------------


def test_a_packet_says_what_it_holds_and_its_sending_is_audited(offices, stick):
    office = offices["pauh"]
    with office.db.session() as session:
        sent = sending.send_report(session, office.admin, stick)
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.DISTRICT_REPORT_SENT.value)
                                .order_by(AuditEvent.id.desc())).first()
        keys = session.scalar(select(func.count()).select_from(OfficeKey))
        key_events = session.scalar(select(func.count()).select_from(AuditEvent)
                                    .where(AuditEvent.action == AuditAction.OFFICE_KEY_CREATED.value))
    assert sent.path.parent == stick and sent.path.name.endswith(packet.SUFFIX)
    assert sent.size_bytes == sent.path.stat().st_size > 0
    assert (sent.members, sent.personal_data) == (30, False)
    assert event.after["size_bytes"] == sent.size_bytes and event.after["anggota"] == 30
    # One key for the office's life: made at the first packet, the same fingerprint ever after.
    assert keys == key_events == 1
    assert sent.fingerprint == packet.fingerprint(packet.read_manifest(json.loads(_parts(office.packet)["manifest.json"])).public_key)
    assert not list(stick.glob("*.sebagian"))


def test_names_and_nik_stay_home_unless_the_office_chooses_to_send_them(offices, stick):
    office = offices["limun"]
    default = _parts(office.packet)
    rows = [json.loads(line) for line in default["members.jsonl"].splitlines()]
    assert rows and all(set(row) == set(packet.MEMBER_FIELDS) for row in rows)
    with office.db.session() as session:
        change_setting(session, office.admin, PERSONAL_DATA, True, expected_version=0)
        sent = sending.send_report(session, office.admin, stick)
        change_setting(session, office.admin, PERSONAL_DATA, False, expected_version=1)
    full = [json.loads(line) for line in _parts(sent.path)["members.jsonl"].splitlines()]
    assert sent.personal_data and all(row["full_name"] and row["number"] for row in full)
    assert not any(row["full_name"].encode() in default["members.jsonl"] for row in full)


def test_the_office_cannot_send_to_a_missing_folder(offices, tmp_path):
    with offices["pauh"].db.session() as session:
        with pytest.raises(DomainError, match="Folder tujuan tidak ada"):
            sending.send_report(session, offices["pauh"].admin, tmp_path / "tidak-ada")


# ---- the district's side --------------------------------------------------------------------------


def test_the_district_adds_up_two_offices_to_their_own_figures(db, district_admin, offices, stick):
    _registered(db, district_admin, offices, "pauh", "limun")
    for office in offices.values():
        shutil.copy(office.packet, stick)
    seen = []
    with db.session() as session:
        results = receiving.import_packets(session, district_admin, receiving.packet_files(stick),
                                           progress=lambda done, total: seen.append((done, total)))
    assert [r.outcome for r in results] == [Outcome.ACCEPTED, Outcome.ACCEPTED] and seen == [(1, 2), (2, 2)]
    own = []
    for office in offices.values():
        with office.db.session() as session:
            own.append(figures(session, office.admin, as_of=TODAY))
    with db.session() as session:
        view = consolidated.consolidated(session, district_admin)
    assert view.total.members == sum(f.members.total for f in own) > 0
    assert view.total.outstanding == sum(f.loans.book.outstanding for f in own) > 0
    assert view.total.at_risk_30 == sum(f.loans.book.at_risk_30 for f in own)
    assert view.total.trained_in_year == sum(f.trainings.year.participants for f in own)
    assert view.total.sales_in_year == sum(f.sales.year.total for f in own) > 0
    assert view.total.collected_in_month == sum(f.loans.collected_in_month for f in own)
    assert [line.stale for line in view.offices] == [False, False]
    # The kecamatan lines come from the records; they hold the same loans and money as the offices' figures.
    assert sum(line.outstanding for line in view.by_kecamatan) == view.total.outstanding
    assert sum(line.loans for line in view.by_kecamatan) == view.total.loans
    assert sum(line.at_risk_30 for line in view.by_kecamatan) == view.total.at_risk_30


def test_trainings_and_sales_by_kecamatan_are_each_office_s_own_lines_added_up(db, district_admin, offices, stick):
    _registered(db, district_admin, offices, "pauh", "limun")
    _import(db, district_admin, offices["pauh"].packet, offices["limun"].packet)
    own: dict[str, list[int]] = {}
    for office in offices.values():
        with office.db.session() as session:
            trained = training_summary(session, office.admin, period_from=TODAY.replace(month=1, day=1),
                                       period_to=TODAY).breakdowns["Kecamatan"]
            sold = sales_report(session, office.admin, period_from=TODAY.replace(month=1, day=1),
                                period_to=TODAY).breakdowns["Kecamatan"]
        for line in trained:
            own.setdefault(line.name, [0, 0])[0] += line.participants
        for line in sold:
            own.setdefault(line.name, [0, 0])[1] += line.total
    with db.session() as session:
        view = consolidated.consolidated(session, district_admin)
    shown = {line.kecamatan: [line.trained_in_year, line.sales_in_year] for line in view.by_kecamatan
             if line.trained_in_year or line.sales_in_year}
    assert shown == own and len(own) > 1
    for name in ("trained_in_year", "completed_in_year", "trained_women", "sales_in_year", "sales_in_month"):
        assert sum(getattr(line, name) for line in view.by_kecamatan) == getattr(view.total, name)
    assert view.total.trained_in_year > 0 and view.total.sales_in_year > 0


def test_the_impact_figures_are_each_office_s_own_added_up_with_the_median_of_every_household(
        db, district_admin, offices):
    _registered(db, district_admin, offices, "pauh", "limun")
    _import(db, district_admin, offices["pauh"].packet, offices["limun"].packet)
    own, changes = [], []
    for office in offices.values():
        with office.db.session() as session:
            period = {"period_from": TODAY.replace(month=1, day=1), "period_to": TODAY}
            own.append(impact_figures(session, office.admin, **period))
            changes += income_changes(session, **period)
    with db.session() as session:
        view = consolidated.consolidated(session, district_admin)
    assert view.impact.reached == sum(f.reached for f in own) > 0
    assert view.impact.households == sum(f.total.households for f in own) > 0
    assert view.impact.followed_up == sum(f.total.followed_up for f in own) == len(changes) > 0
    assert view.impact.children_back_in_school == sum(f.total.children_back_in_school for f in own)
    assert view.impact.loans_paid_off == sum(f.loans_paid_off for f in own)
    assert view.impact.median_income_change == median_floor(changes)
    # One office alone: the district shows the median the office's own Dampak screen shows.
    for line, figures in zip(sorted(view.offices, key=lambda line: line.label != "Kantor Pauh"), own, strict=True):
        assert line.impact.median_income_change == figures.total.median_income_change
    assert view.without_impact == ()


def test_the_impact_part_says_nothing_of_whose_it_is(offices):
    document = json.loads(_parts(offices["pauh"].packet)["figures.json"])
    members = [json.loads(line)["id"] for line in _parts(offices["pauh"].packet)["members.jsonl"].splitlines()]
    assert set(document[IMPACT]) == {*IMPACT_COUNTED, "income_changes"}
    assert all(type(change) is int for change in document[IMPACT]["income_changes"])
    assert not any(member in json.dumps(document) for member in members)


def test_the_district_s_monthly_report_is_the_offices_own_added_up(db, district_admin, offices):
    _registered(db, district_admin, offices, "pauh", "limun")
    _import(db, district_admin, offices["pauh"].packet, offices["limun"].packet)
    month = previous_month(TODAY)
    own = []
    for office in offices.values():
        with office.db.session() as session:
            own.append(monthly_report(session, office.admin, month=month))
    with db.session() as session:
        assert district_monthly.months_held(session, district_admin) == [month]
        whole = district_monthly.district_monthly(session, district_admin, month=month)
        pauh_id = next(office.id for office in receiving.list_offices(session, district_admin) if office.label == "Kantor Pauh")
        alone = district_monthly.district_monthly(session, district_admin, month=month, office_id=pauh_id)
    report = whole.report
    assert whole.included == ("Kantor Limun", "Kantor Pauh") and whole.left_out == ()
    for name in MOVEMENTS:
        assert getattr(report.movements, name) == sum(getattr(r.movements, name) for r in own), name
    assert report.movements.members_at_end > 0 and report.movements.repaid > 0
    for index, point in enumerate(report.history.portfolio):
        assert point.outstanding == sum(r.history.portfolio[index].outstanding for r in own)
        assert point.at_risk == sum(r.history.portfolio[index].at_risk for r in own)
        assert report.history.collections[index].collected == sum(r.history.collections[index].collected for r in own)
    for name, values in report.history.sales.items():
        assert values == tuple(map(sum, zip(*(r.history.sales[name] for r in own if name in r.history.sales))))
    assert report.arrears.total == PortfolioShare("Jumlah", *(sum(getattr(r.arrears.total, name) for r in own)
                                                             for name in ("loans", "outstanding", "at_risk_30")))
    assert len(report.arrears.late_loans) == sum(len(r.arrears.late_loans) for r in own)
    # Names stay at the office unless it sends them; the paper still lists the late loans.
    assert report.arrears.late_loans and all(line.member_name == UNNAMED and line.loan_number
                                            for line in report.arrears.late_loans)
    assert "Kantor Limun, Kantor Pauh" in report.office.address
    pauh = own[0]
    assert alone.report.movements == pauh.movements and alone.report.history.portfolio == pauh.history.portfolio
    assert alone.report.history.members_by_kecamatan == pauh.history.members_by_kecamatan


def test_a_version_1_office_is_left_out_of_the_monthly_report_by_name(db, district_admin, offices, tmp_path):
    _registered(db, district_admin, offices, "pauh", "limun")
    _import(db, district_admin, _as_version_1(offices["pauh"], tmp_path / "lama.paket-laporan"), offices["limun"].packet)
    with db.session() as session:
        monthly = district_monthly.district_monthly(session, district_admin, month=previous_month(TODAY))
        with pytest.raises(DomainError, match="Belum ada paket kantor yang membawa laporan bulanan"):
            district_monthly.district_monthly(session, district_admin, month=(2020, 1))
    assert monthly.included == ("Kantor Limun",) and monthly.left_out == ("Kantor Pauh",)


def _as_version_1(office: Office, target: Path) -> Path:
    """The office's packet as an installation of format version 1 wrote it: no kecamatan lines."""
    content = read_packet(office.packet)
    document = json.loads(content.files[packet.FIGURES])
    del document[BY_KECAMATAN], document[IMPACT], document[MONTHLY]
    files = content.files | {packet.FIGURES: json.dumps(document, sort_keys=True).encode()}
    with office.db.session() as session:
        key = Ed25519PrivateKey.from_private_bytes(session.get(OfficeKey, 1).private_key)
    manifest = replace(content.manifest, version=1,
                       digests={name: packet.digest(data) for name, data in files.items()})
    write_packet(target, manifest, key, files)
    return target


def test_a_version_1_packet_is_still_taken_in_its_trainings_and_sales_unsplit(db, district_admin, offices, tmp_path):
    _registered(db, district_admin, offices, "pauh", "limun")
    older = _as_version_1(offices["pauh"], tmp_path / "lama.paket-laporan")
    results = _import(db, district_admin, older, offices["limun"].packet)
    assert [r.outcome for r in results] == [Outcome.ACCEPTED, Outcome.ACCEPTED]
    with db.session() as session:
        view = consolidated.consolidated(session, district_admin)
    pauh = pauh_line(view).figures
    unsplit = view.by_kecamatan[-1]
    assert unsplit.kecamatan == UNSPLIT and unsplit.members == unsplit.loans == 0
    assert (unsplit.trained_in_year, unsplit.sales_in_year) == (pauh.trained_in_year, pauh.sales_in_year)
    assert sum(line.sales_in_year for line in view.by_kecamatan) == view.total.sales_in_year
    # Its impact is not known: the view names the office rather than counting it as nothing.
    assert pauh_line(view).impact is None and view.without_impact == ("Kantor Pauh",)
    limun = next(line for line in view.offices if line.label == "Kantor Limun")
    assert view.impact == limun.impact


def pauh_line(view):
    return next(line for line in view.offices if line.label == "Kantor Pauh")


def test_a_version_2_packet_without_its_kecamatan_lines_is_refused(db, district_admin, offices, tmp_path):
    _registered(db, district_admin, offices, "pauh")
    older = _as_version_1(offices["pauh"], tmp_path / "lama.paket-laporan")
    content = read_packet(older)
    with offices["pauh"].db.session() as session:
        key = Ed25519PrivateKey.from_private_bytes(session.get(OfficeKey, 1).private_key)
    claimed = tmp_path / "kurang.paket-laporan"
    write_packet(claimed, replace(content.manifest, version=2), key, content.files)
    result, = _import(db, district_admin, claimed)
    assert result.outcome is Outcome.REFUSED and "bukan paket laporan" in result.reason


def test_the_same_packet_twice_changes_nothing(db, district_admin, offices):
    _registered(db, district_admin, offices, "pauh")
    first = _import(db, district_admin, offices["pauh"].packet)
    events, members = _count(db, AuditEvent), _count(db, DistrictMember)
    again = _import(db, district_admin, offices["pauh"].packet)
    assert first[0].outcome is Outcome.ACCEPTED and again[0].outcome is Outcome.UNCHANGED
    assert (_count(db, AuditEvent), _count(db, DistrictMember)) == (events, members) == (events, 30)


def _newer(office: Office, target: Path, *, members, loans) -> Path:
    """The office's packet a month later with these member and loan rows, signed with its key."""
    content = read_packet(office.packet)
    lines = lambda rows: b"".join(json.dumps(row).encode() + b"\n" for row in rows)  # noqa: E731
    files = content.files | {packet.MEMBERS: lines(members), packet.LOANS: lines(loans)}
    manifest = replace(content.manifest, as_of=content.manifest.as_of + timedelta(days=30),
                       digests={name: packet.digest(data) for name, data in files.items()},
                       counts=content.manifest.counts | {packet.MEMBERS: len(members), packet.LOANS: len(loans)})
    with office.db.session() as session:
        key = Ed25519PrivateKey.from_private_bytes(session.get(OfficeKey, 1).private_key)
    write_packet(target, manifest, key, files)
    return target


def _rows(path: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in _parts(path)[name].splitlines()]


def test_a_newer_packet_writes_only_the_rows_that_changed(db, district_admin, offices, tmp_path):
    office = offices["pauh"]
    _registered(db, district_admin, offices, "pauh")
    _import(db, district_admin, office.packet)
    members, loans = _rows(office.packet, "members.jsonl"), _rows(office.packet, "loans.jsonl")
    left, newcomer = dict(members[1], left_on=TODAY.isoformat()), dict(members[2], id=str(uuid.uuid4()))
    paid = dict(loans[0], outstanding=loans[0]["outstanding"] - 1000)
    newer = _newer(office, tmp_path / "baru.paket-laporan",
                   members=[left, *members[2:], newcomer], loans=[paid, *loans[1:]])
    result, = _import(db, district_admin, newer)
    assert result.outcome is Outcome.ACCEPTED, result
    assert result.reason.endswith("Dibanding paket sebelumnya: 1 anggota baru, 1 berubah, 1 tidak ada lagi; "
                                  "0 pinjaman baru, 1 berubah, 0 tidak ada lagi.")
    with db.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.DISTRICT_PACKET_IMPORTED.value)
                                .order_by(AuditEvent.id.desc())).first()
        held = {str(row.member_id): row.left_on for row in session.scalars(select(DistrictMember))}
        outstanding = {str(row.loan_id): row.outstanding for row in session.scalars(select(DistrictLoan))}
    assert event.after["berubah"] == {"anggota": {"baru": 1, "berubah": 1, "hilang": 1},
                                      "pinjaman": {"baru": 0, "berubah": 1, "hilang": 0}}
    assert set(held) == {row["id"] for row in [left, *members[2:], newcomer]} and members[0]["id"] not in held
    assert held[left["id"]] == TODAY and outstanding[paid["id"]] == paid["outstanding"]
    assert outstanding == {row["id"]: row["outstanding"] for row in [paid, *loans[1:]]}


def test_a_packet_with_one_member_twice_is_refused_and_changes_nothing(db, district_admin, offices, tmp_path):
    office = offices["pauh"]
    _registered(db, district_admin, offices, "pauh")
    _import(db, district_admin, office.packet)
    members, loans = _rows(office.packet, "members.jsonl"), _rows(office.packet, "loans.jsonl")
    twice = _newer(office, tmp_path / "dobel.paket-laporan", members=[*members, dict(members[0], sex="L")], loans=loans)
    result, = _import(db, district_admin, twice)
    assert result.outcome is Outcome.REFUSED and "bukan paket laporan" in result.reason
    assert _count(db, DistrictMember) == len(members)


def test_a_packet_from_an_unregistered_key_is_refused(db, district_admin, offices):
    _registered(db, district_admin, offices, "limun")
    result, = _import(db, district_admin, offices["pauh"].packet)
    assert result.outcome is Outcome.REFUSED and "tidak terdaftar" in result.reason
    assert _count(db, DistrictMember) == 0


def test_tampered_truncated_and_forged_packets_are_refused_with_their_reason(db, district_admin, offices, tmp_path):
    _registered(db, district_admin, offices, "pauh")
    source = offices["pauh"].packet
    parts = _parts(source)
    fewer = b"".join(parts["members.jsonl"].splitlines(keepends=True)[1:])
    manifest = json.loads(parts["manifest.json"])
    manifest["as_of"] = "2030-01-01T00:00:00+00:00"
    moved = json.dumps(manifest, sort_keys=True, indent=1).encode()
    forger = Ed25519PrivateKey.generate()
    truncated = tmp_path / "terpotong.paket-laporan"
    truncated.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    cases = {
        _rewrite(source, tmp_path / "a.paket-laporan", members_jsonl=fewer): "tidak sama dengan yang ditandatangani",
        _rewrite(source, tmp_path / "b.paket-laporan", manifest_json=moved): "Tanda tangan paket tidak cocok",
        _rewrite(source, tmp_path / "c.paket-laporan", manifest_json=moved, manifest_sig=forger.sign(moved)):
            "Tanda tangan paket tidak cocok",
        truncated: "terpotong",
        _rewrite(source, tmp_path / "d.paket-laporan", manifest_json=b"{}"): "bukan paket laporan",
    }
    results = _import(db, district_admin, *cases)
    for result, expected in zip(results, cases.values(), strict=True):
        assert result.outcome is Outcome.REFUSED and expected in result.reason, result
    assert _count(db, DistrictMember) == _count(db, DistrictLoan) == 0


def test_an_older_packet_than_the_one_held_is_refused(db, district_admin, offices, stick):
    office = offices["pauh"]
    _registered(db, district_admin, offices, "pauh")
    with office.db.session() as session:
        older = sending.send_report(session, office.admin, stick)
        newer = sending.send_report(session, office.admin, stick)
    accepted, refused = _import(db, district_admin, newer.path, older.path)
    assert accepted.outcome is Outcome.ACCEPTED
    assert refused.outcome is Outcome.REFUSED and "lebih lama" in refused.reason


def test_a_packet_of_another_kabupaten_is_refused(db, district_admin, offices):
    _registered(db, district_admin, offices, "pauh")
    with db.session() as session, session.begin():
        session.add(AppSetting(key="kabupaten_code", value="15.01"))
    result, = _import(db, district_admin, offices["pauh"].packet)
    assert result.outcome is Outcome.REFUSED and "bukan kabupaten ini (15.01)" in result.reason


def test_only_a_district_imports_and_only_an_office_sends(db, admin):
    with db.session() as session:
        assert not mode.is_district(session)
        with pytest.raises(DomainError, match="mode kabupaten"):
            receiving.import_packets(session, admin, [])
        mode.set_program_mode(session, admin, "kabupaten")
        with pytest.raises(DomainError, match="mode kabupaten"):
            sending.send_report(session, admin, Path("."))
        receiving.register_office(session, admin, fingerprint="ab" * 20, label="Kantor Pauh")
        with pytest.raises(DomainError, match="sudah berisi kantor terdaftar"):
            mode.set_program_mode(session, admin, OFFICE_MODE)


def test_a_mistyped_fingerprint_is_refused(db, district_admin):
    with db.session() as session:
        for typed in ("", "12 34", "zz" * 20, "ab" * 21):
            with pytest.raises(DomainError, match="Sidik kunci"):
                receiving.register_office(session, district_admin, fingerprint=typed, label="Kantor")


def test_the_consolidated_view_counts_every_figure_the_packet_carries(db, district_admin, offices):
    _registered(db, district_admin, offices, "pauh")
    _import(db, district_admin, offices["pauh"].packet)
    with db.session() as session:
        view = consolidated.consolidated(session, district_admin)
    line, = view.offices
    assert all(getattr(view.total, name) == getattr(line.figures, name) for name in COUNTED)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0), value=st.integers(min_value=1, max_value=255), cut=st.booleans())
def test_a_flipped_byte_or_a_cut_anywhere_is_refused_or_changes_nothing_signed(sqlite_db, offices, tmp_path, position, value, cut):
    """Whatever a bad USB stick does to a packet: refused with a reason, or (a byte the zip does not read, such
    as a file's timestamp) taken in with exactly the signed rows; never a crash, never other data."""
    admin = _district_once(sqlite_db, offices)
    raw = bytearray(offices["pauh"].packet.read_bytes())
    position %= len(raw)
    if cut:
        raw = raw[:position]
    else:
        raw[position] ^= value
    damaged = tmp_path / f"rusak-{position}-{value}-{cut}.paket-laporan"
    damaged.write_bytes(bytes(raw))
    with sqlite_db.session() as session:
        result, = receiving.import_packets(session, admin, [damaged])
    assert result.outcome is not Outcome.ACCEPTED or _count(sqlite_db, DistrictMember) == 30
    assert result.outcome is not Outcome.REFUSED or result.reason


def _district_once(database, offices) -> Actor:
    """The district for the hypothesis run above: set up at the first example, reused by the next."""
    with database.session() as session:
        if session.scalar(select(func.count()).select_from(AuditEvent)):
            return auth.login(session, "admin", TEST_PASSWORD)
    admin = district(database)
    _registered(database, admin, offices, "pauh")
    return admin


def test_a_packet_sealed_for_the_district_opens_only_there(db, district_admin, offices, stick, tmp_path):
    office = offices["limun"]
    _registered(db, district_admin, offices, "limun")
    with db.session() as session:
        public = district_key.district_public_key(session, district_admin)
        assert district_key.district_public_key(session, district_admin) == public  # one key for the district's life
    other_district = X25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    sent = {}
    for name, key in (("ours", public), ("theirs", other_district)):
        with office.db.session() as session:
            version = read_setting(session, office.admin, DISTRICT_KEY)[1]
            change_setting(session, office.admin, DISTRICT_KEY, normal_public_key(key.upper()), expected_version=version)
            sent[name] = sending.send_report(session, office.admin, stick)
    with office.db.session() as session:
        change_setting(session, office.admin, DISTRICT_KEY, "", expected_version=read_setting(session, office.admin, DISTRICT_KEY)[1])
    raw = sent["ours"].path.read_bytes()
    assert sent["ours"].sealed and raw.startswith(MAGIC) and b"members.jsonl" not in raw
    flipped = bytearray(raw)
    flipped[-5] ^= 1
    changed = tmp_path / "ubah.paket-laporan"
    changed.write_bytes(bytes(flipped))
    refused_other, refused_changed, accepted = _import(db, district_admin, sent["theirs"].path, changed, sent["ours"].path)
    assert refused_other.outcome is refused_changed.outcome is Outcome.REFUSED
    assert "dikunci untuk kabupaten lain" in refused_other.reason and "dikunci untuk kabupaten lain" in refused_changed.reason
    assert accepted.outcome is Outcome.ACCEPTED and _count(db, DistrictMember) == 24


def test_a_district_key_typed_wrong_is_refused():
    for typed in ("abc", "zz" * 32, "ab" * 33):
        with pytest.raises(DomainError, match="Kunci kabupaten harus 64"):
            normal_public_key(typed)
    assert normal_public_key("  ") == ""


def test_a_registered_key_cannot_speak_for_another_office(db, district_admin, offices, tmp_path):
    """A copy of Pauh's database (and so its key) set up as a new office elsewhere signs validly, but the district
    learned from the first packet which office that key belongs to."""
    _registered(db, district_admin, offices, "pauh")
    assert _import(db, district_admin, offices["pauh"].packet)[0].outcome is Outcome.ACCEPTED
    with offices["pauh"].db.session() as session:
        key = Ed25519PrivateKey.from_private_bytes(session.get(OfficeKey, 1).private_key)
    content = read_packet(offices["pauh"].packet)
    manifest = replace(content.manifest, office=replace(content.manifest.office, id=str(uuid.uuid4()), code="LAIN"),
                       as_of=content.manifest.as_of + timedelta(days=1))
    forged = tmp_path / "lain.paket-laporan"
    write_packet(forged, manifest, key, content.files)
    result, = _import(db, district_admin, forged)
    assert result.outcome is Outcome.REFUSED and "mengaku dari kantor LAIN" in result.reason
