"""Every service function that acts for a user checks that user's role — in the service,
not only in the GUI. A new public function without an entry here fails the first test."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import uuid

import pytest

import koperasi.services
from koperasi.domain.errors import PermissionDenied
from koperasi.domain.office import OfficeProfile
from koperasi.domain.roles import Actor, Role
from koperasi.services import audit, auth, dashboard, office, regions, users

ALL = set(Role)
ANYONE_LOGGED_IN = ALL
UNKNOWN = uuid.uuid4()

# function -> (roles allowed, call with a session and an actor)
CALLS = {
    dashboard.summary: (ANYONE_LOGGED_IN, lambda s, a: dashboard.summary(s, a)),
    audit.recent_events: ({Role.ADMIN, Role.MANAGER}, lambda s, a: audit.recent_events(s, a)),
    auth.change_own_password: (ANYONE_LOGGED_IN, lambda s, a: auth.change_own_password(s, a, old_password="x", new_password="y")),
    users.list_users: ({Role.ADMIN}, lambda s, a: users.list_users(s, a)),
    users.create_user: ({Role.ADMIN}, lambda s, a: users.create_user(s, a, username="baru", full_name="Baru", role=Role.CLERK, password="x")),
    users.update_user: ({Role.ADMIN}, lambda s, a: users.update_user(s, a, UNKNOWN, full_name="X", role=Role.CLERK, expected_version=1)),
    users.reset_password: ({Role.ADMIN}, lambda s, a: users.reset_password(s, a, UNKNOWN, new_password="x")),
    users.set_active: ({Role.ADMIN}, lambda s, a: users.set_active(s, a, UNKNOWN, active=False, expected_version=1)),
    office.update_office: ({Role.ADMIN}, lambda s, a: office.update_office(s, a, OfficeProfile(name="X", code="XX"), expected_version=1)),
    regions.list_desa: (ANYONE_LOGGED_IN, lambda s, a: regions.list_desa(s, a, "15.03.01")),
    regions.add_desa: ({Role.ADMIN, Role.MANAGER}, lambda s, a: regions.add_desa(s, a, "15.03.01", name="Baru")),
    regions.update_desa: (
        {Role.ADMIN, Role.MANAGER},
        lambda s, a: regions.update_desa(s, a, UNKNOWN, name="X", kind="desa", active=True, expected_version=1),
    ),
}
# Readable without a login, on purpose: the login screen and first-run wizard need them.
PUBLIC_BEFORE_LOGIN = {regions.list_kecamatan}
# Called inside other services' transactions, after those have checked the role.
BUILDING_BLOCKS = {audit.record}


def _functions_acting_for_a_user():
    for info in pkgutil.iter_modules(koperasi.services.__path__):
        module = importlib.import_module(f"koperasi.services.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(function).parameters)
            if parameters[:2] == ["session", "actor"]:
                yield function


def test_every_service_function_acting_for_a_user_is_checked_here():
    found = set(_functions_acting_for_a_user()) - PUBLIC_BEFORE_LOGIN - BUILDING_BLOCKS
    assert found == set(CALLS), "add the new function to CALLS with the roles that may call it"


@pytest.mark.parametrize("function", list(CALLS), ids=lambda f: f"{f.__module__.rsplit('.', 1)[1]}.{f.__name__}")
@pytest.mark.parametrize("role", list(Role))
def test_service_function_refuses_roles_without_permission(sqlite_db, function, role):
    allowed, call = CALLS[function]
    actor = Actor(user_id=uuid.uuid4(), username="uji", full_name="Uji", role=role)
    with sqlite_db.session() as session:
        if role in allowed:
            try:
                call(session, actor)
            except PermissionDenied:  # pragma: no cover - the failure we look for
                pytest.fail(f"{role} should be allowed to call {function.__name__}")
            except Exception:
                pass  # other refusals (unknown record, bad input) are not about the role
        else:
            with pytest.raises(PermissionDenied, match="tidak berwenang"):
                call(session, actor)
