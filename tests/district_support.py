"""Builders for district tests: demo offices on their own SQLite files, a district in mode kabupaten."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy.engine import URL

from koperasi.db.database import Database, open_database
from koperasi.demo import office as demo
from koperasi.domain.district.settings import DISTRICT_MODE
from koperasi.domain.roles import Actor
from koperasi.services.district import mode, office_key, receiving
from koperasi.services.office import auth
from tests.support import set_up_office


def demo_office(template: Path, folder: Path, name: str, *, members: int = 30) -> tuple[Database, Actor]:
    """A fresh office database (a copy of the migrated template) filled with a small demo office."""
    path = folder / f"{name}.db"
    shutil.copyfile(template, path)
    database = open_database(URL.create("sqlite+pysqlite", database=str(path)))
    with database.session() as session:
        demo.fill(session, members=members, loans=members // 3, sales=members // 2)
    with database.session() as session:
        actor = auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
    return database, actor


def district(database: Database) -> Actor:
    """``database`` as the district programme office of Sarolangun, in mode kabupaten."""
    admin = set_up_office(database)
    with database.session() as session:
        mode.set_program_mode(session, admin, DISTRICT_MODE)
    return admin


def register(district_db: Database, district_admin: Actor, office_db: Database, office_admin: Actor, label: str):
    with office_db.session() as session:
        printed = office_key.office_fingerprint(session, office_admin)
    with district_db.session() as session:
        return receiving.register_office(session, district_admin, fingerprint=printed, label=label)
