"""Mode kabupaten (issue 21): eleven offices' packets of ``scale`` members each taken in, one newer packet
taken in again, and the consolidated view. The packets are made here, signed like an office's, with one loan
for every five members: a demo office of 10,000 members takes minutes to build, eleven of them far longer.

Floor of the import: reading and checking the same packets (unzip, signature, digests), without the database.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from datetime import timedelta
from pathlib import Path

from harness import Workspace, peak_rss_mb, scenario, timed

OFFICES = 11


def _packets(folder: Path, members: int, kecamatan: list[tuple[str, str]]):
    """One packet per office, and the keys that signed them (to register their fingerprints)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from koperasi import clock
    from koperasi.domain.district.figures import OfficeFigures

    folder.mkdir(exist_ok=True)
    made = []
    randomness = random.Random(21)
    for number in range(OFFICES):
        key = Ed25519PrivateKey.generate()
        code, name = kecamatan[number % len(kecamatan)]
        rows = [{"id": str(uuid.UUID(int=randomness.getrandbits(128))), "kecamatan_code": code, "kecamatan": name,
                 "sex": randomness.choice("LP"), "join_date": "2025-03-01", "left_on": None} for _ in range(members)]
        loans = [{"id": str(uuid.UUID(int=randomness.getrandbits(128))), "kecamatan": name,
                  "outstanding": randomness.randrange(500_000, 5_000_000, 1000), "arrears": 0, "days_past_due": 0,
                  "at_risk": randomness.random() < 0.05} for _ in range(members // 5)]
        figures = OfficeFigures(
            as_of=clock.today(), members=members, women=sum(r["sex"] == "P" for r in rows), new_in_month=0,
            left_in_month=0, loans=len(loans), outstanding=sum(r["outstanding"] for r in loans),
            at_risk_30=sum(r["outstanding"] for r in loans if r["at_risk"]), disbursed_in_year=0, due_in_month=0,
            collected_in_month=0, trained_in_year=members // 10, completed_in_year=0, trained_women=0,
            sales_in_year=0, commission_in_year=0, sales_in_month=0,
        )
        extra = _version_2_parts(randomness, figures, name, members, loans)
        made.append((key, _write(folder, key, number, code, name, figures, rows, loans, clock.now(), extra)))
    return made


def _version_2_parts(randomness, figures, kecamatan: str, members: int, loans: list[dict]) -> dict:
    """What formats 2 and 3 add to figures.json, of an office's size: its kecamatan line, its impact (one income
    change for every third member, as if a third were visited again), its monthly report (a loan in twenty late)
    and its Beranda (the counts alone)."""
    from koperasi.domain.district.figures import (
        BY_KECAMATAN, IMPACT, IMPACT_COUNTED, KecamatanActivity, OfficeImpact, activity_document, impact_document,
    )
    from koperasi.domain.district.monthly import MONTHLY, OfficeMonth, monthly_document, previous_month
    from koperasi.domain.loans.papers import ArrearsLine, PortfolioShare
    from koperasi.domain.monthly.figures import CollectionPoint, Count, History, MonthMovements, PortfolioPoint
    from koperasi.domain.months import last_months

    changes = tuple(sorted(randomness.randrange(-200_000, 900_000, 1000) for _ in range(members // 3)))
    impact = OfficeImpact(**dict.fromkeys(IMPACT_COUNTED, 0) | {"reached": members // 2, "households": members // 2,
                                                                 "followed_up": len(changes)}, income_changes=changes)
    month = previous_month(figures.as_of)
    months = last_months(month, 12)
    late = tuple(ArrearsLine(f"PJM/{index}", "", "", "Desa", kecamatan, "", "Modal usaha", "Dana", loan["outstanding"],
                             100_000, 40, "31-60 hari", "Kurang lancar") for index, loan in enumerate(loans[::20]))
    part = OfficeMonth(
        month, MonthMovements(**dict.fromkeys(MonthMovements.__dataclass_fields__, 1)),
        History(months, tuple(PortfolioPoint(m, figures.outstanding, figures.at_risk_30) for m in months),
                tuple(CollectionPoint(m, 1_000_000, 900_000) for m in months), ("Pasar",), {"Pasar": (500_000,) * 12},
                (Count(kecamatan, members),), (Count("Petani kecil", members // 3),)),
        (PortfolioShare("Lancar", len(loans), figures.outstanding, 0),),
        PortfolioShare("Jumlah", len(loans), figures.outstanding, figures.at_risk_30), late,
    )
    parts = {BY_KECAMATAN: activity_document((KecamatanActivity(kecamatan, figures.trained_in_year, 0, 0, 0, 0),)),
             IMPACT: impact_document(impact), MONTHLY: monthly_document(part, personal=False)}
    from koperasi.services.district.beranda_figures import BERANDA, beranda_document, from_office_figures

    return parts | {BERANDA: beranda_document(from_office_figures(figures), personal=False)}


def _write(folder, key, number, code, name, figures, rows, loans, moment, extra):
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from koperasi.domain.district import packet
    from koperasi.domain.district.figures import as_document
    from koperasi.services.district.packet_file import write_packet

    lines = lambda items: b"".join(json.dumps(item).encode() + b"\n" for item in items)  # noqa: E731
    contents = {packet.FIGURES: json.dumps(as_document(figures) | extra).encode(), packet.MEMBERS: lines(rows),
                packet.LOANS: lines(loans)}
    office_id = str(uuid.UUID(int=number + 1))
    manifest = packet.Manifest(
        packet.OfficeIdentity(office_id, f"K{number:02d}", f"Kantor {name}", code, name, "15.03"), moment, False,
        key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
        {file: packet.digest(content) for file, content in contents.items()},
        {packet.FIGURES: 1, packet.MEMBERS: len(rows), packet.LOANS: len(loans)},
    )
    path = folder / packet.file_name(f"K{number:02d}", office_id, moment.replace(tzinfo=None) + timedelta(seconds=number))
    write_packet(path, manifest, key, contents)
    return path, (number, code, name, figures, rows, loans, extra)


@scenario("district_import_11_offices")
def district_import(workspace: Workspace):
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    from sqlalchemy.engine import make_url

    from koperasi import clock
    from koperasi.db.database import open_database
    from koperasi.domain.district import packet
    from koperasi.domain.district.settings import DISTRICT_MODE
    from koperasi.domain.office.profile import OfficeProfile
    from koperasi.domain.office.regions import shipped
    from koperasi.services.district import consolidated, mode, receiving
    from koperasi.services.district.packet_file import read_packet
    from koperasi.services.office import profile as office

    kecamatan = [(region.code, region.name) for region in shipped().kecamatan("15.03")]
    made = _packets(workspace.folder / "paket", workspace.scale, kecamatan)
    from koperasi.services.district.beranda import district_beranda

    samples, reimport, views, berandas = [], [], [], []
    for run in range(2):
        database = open_database(make_url(f"sqlite+pysqlite:///{workspace.folder / f'kabupaten-{run}.db'}"))
        with database.session() as session:
            admin = office.set_up(session, OfficeProfile(name="Program Kabupaten", code="KAB"), admin_username="admin",
                                  admin_full_name="Admin", admin_password="demo12345", kabupaten_code="15.03")
            mode.set_program_mode(session, admin, DISTRICT_MODE)
            for number, (key, _) in enumerate(made):
                printed = packet.fingerprint(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
                receiving.register_office(session, admin, fingerprint=printed, label=f"Kantor {number:02d}")
        paths = [path for _, (path, _) in made]
        start = time.perf_counter()
        with database.session() as session:
            results = receiving.import_packets(session, admin, paths)
        samples.append(time.perf_counter() - start)
        assert all(result.outcome is receiving.Outcome.ACCEPTED for result in results), results
        # One office sends again a little later, ten members fewer: only those rows change.
        key, (_, (number, code, name, figures, rows, loans, extra)) = made[0]
        newer, _ = _write(workspace.folder / "paket", key, number, code, name, figures, rows[:-10], loans,
                          clock.now() + timedelta(hours=run + 1), extra)
        start = time.perf_counter()
        with database.session() as session:
            again, = receiving.import_packets(session, admin, [newer])
        reimport.append(time.perf_counter() - start)
        assert again.outcome is receiving.Outcome.ACCEPTED, again
        with database.session() as session:
            views += timed(lambda: consolidated.consolidated(session, admin), 3)
            berandas += timed(lambda: district_beranda(session, admin), 3)
        database.dispose()
    floor = timed(lambda: [read_packet(path) for path in paths], 2)
    note = (f"floor: reading and checking the packets. {OFFICES} x {workspace.scale} members: import "
            f"{min(samples):.1f} s; one newer packet {min(reimport):.2f} s; consolidated view "
            f"{1000 * min(views):.0f} ms; district Beranda {1000 * min(berandas):.0f} ms; "
            f"peak {peak_rss_mb():.0f} MB")
    return samples, floor, note


@scenario("district_send_packet")
def district_send(workspace: Workspace):
    """Kirim laporan ke kabupaten at an office of ``scale`` members (a demo office, one loan for five members):
    the whole packet (Beranda, kecamatan lines, impact, last month's report, every member and outstanding loan),
    signed and written. Floor: the office's Beranda figures alone, which the packet carries among the rest."""
    import tempfile

    from harness import demo_database, open_demo

    from koperasi import clock
    from koperasi.services.dashboard.figures import figures
    from koperasi.services.district import sending

    database, actor = open_demo(demo_database(workspace, members=workspace.scale, loans=workspace.scale // 5))
    sizes = []
    with tempfile.TemporaryDirectory(prefix="paket-") as stick, database.session() as session:
        def send():
            sent = sending.send_report(session, actor, Path(stick))
            sizes.append((sent.size_bytes, sent.members, sent.loans))
        samples = timed(send, 3)
        floor = timed(lambda: figures(session, actor, as_of=clock.today()), 3)
    database.dispose()
    size, members, loans = sizes[-1]
    return samples, floor, (f"a packet of {members} members and {loans} loans, {size / 1e6:.1f} MB; "
                            f"peak {peak_rss_mb():.0f} MB")
