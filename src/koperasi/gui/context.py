"""What every screen needs to know: the open database, who is logged in, and the office."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from koperasi.db.database import Database
from koperasi.domain.roles import Actor

if TYPE_CHECKING:  # the profile service brings the models: not before the login window (app.run_session_loop)
    from koperasi.services.office.profile import OfficeView


@dataclass
class AppContext:
    database: Database
    actor: Actor
    office: OfficeView
