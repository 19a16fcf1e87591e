"""The chart of accounts an office reads and extends: the program's accounts (``domain.ledger.Account``)
and the income and expense accounts the office added under the fixed groups (4 income, 5 expense).

An office account is never deleted once made: it may be renamed or retired (no new entries; it stays in
every report of the entries it already has). Any area that shows an account's name asks ``account_names``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import LedgerAccount
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.ledger import (
    Account,
    AccountGroup,
    POSTED_BY_AREAS,
    check_account_name,
    check_new_account_code,
    next_free_code,
)
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class ChartAccount:
    code: str
    name: str
    group: AccountGroup | None  # None: a balance-sheet account (cash, receivables, savings, funds)
    by_office: bool  # added by the office (may be renamed or retired); False for the program's own
    retired: bool
    version: int  # 0 for the program's own

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


def chart(session: Session, actor: Actor) -> list[ChartAccount]:
    """Every account, program's and office's, in code order."""
    authorize(session, actor, Permission.USE_APP)
    return _chart(session)


def _chart(session: Session) -> list[ChartAccount]:
    accounts = [ChartAccount(account.value, account.label, account.group, False, False, 0) for account in Account]
    accounts += [
        ChartAccount(row.code, row.name, AccountGroup(row.account_group), True, row.retired, row.version)
        for row in session.scalars(select(LedgerAccount))
    ]
    return sorted(accounts, key=lambda account: account.code)


def account_names(session: Session) -> dict[str, str]:
    """Each code's name (the office's own included), for lists and papers."""
    return {account.code: account.name for account in _chart(session)}


def proposed_code(session: Session, actor: Actor, group: AccountGroup) -> str:
    """The code the new-account form suggests: the first free one of the group from x301."""
    authorize(session, actor, Permission.USE_APP)
    return next_free_code(_checked_group(group), set(session.scalars(select(LedgerAccount.code))))


def _checked_group(group: object) -> AccountGroup:
    try:
        return AccountGroup(group)
    except ValueError:
        raise ValidationError("Pilih kelompok akun: pendapatan atau beban.", field="group") from None


def add_account(session: Session, actor: Actor, *, group: AccountGroup, code: str, name: str) -> ChartAccount:
    """A new income or expense account under its group."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_ACCOUNTS)
        group = _checked_group(group)
        name = check_account_name(name)
        code = check_new_account_code(code, group, set(session.scalars(select(LedgerAccount.code))))
        if session.scalar(select(LedgerAccount.code).where(LedgerAccount.name == name)) or name in {
            account.label for account in Account
        }:
            raise ValidationError(f"Sudah ada akun bernama {name}.", field="name")
        row = LedgerAccount(code=code, account_group=group.value, name=name, retired=False, created_by=actor.user_id,
                            created_at=clock.now())
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.LEDGER_ACCOUNT_ADDED, entity="ledger_account", entity_id=code,
                     after={"code": code, "name": name, "group": group.label})
        return ChartAccount(code, name, group, True, False, row.version)


def change_account(
    session: Session, actor: Actor, code: str, *, name: str, retired: bool, expected_version: int
) -> ChartAccount:
    """Rename an office account or retire it (or bring it back); the program's own accounts stay as they are."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_ACCOUNTS)
        row = session.get(LedgerAccount, code)
        if row is None:
            raise NotFound("Akun ini bawaan program atau tidak ada; hanya akun tambahan kantor yang dapat diubah.")
        if row.version != expected_version:
            raise ConflictError("Akun ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        name = check_account_name(name)
        clash = session.scalar(select(LedgerAccount.code).where(LedgerAccount.name == name, LedgerAccount.code != code))
        if clash or name in {account.label for account in Account}:
            raise ValidationError(f"Sudah ada akun bernama {name}.", field="name")
        before = {"name": row.name, "retired": row.retired}
        row.name, row.retired = name, bool(retired)
        session.flush()
        audit.record(session, actor, action=AuditAction.LEDGER_ACCOUNT_CHANGED, entity="ledger_account", entity_id=code,
                     before=before, after={"name": row.name, "retired": row.retired})
        return ChartAccount(code, row.name, AccountGroup(row.account_group), True, row.retired, row.version)


def usable_account(session: Session, code: object, group: AccountGroup) -> Account:
    """The account a new entry of ``group`` may post to: one of the group, known, not retired, and not
    one the other areas post by themselves (sales commission, loan admin fees)."""
    code = code.value if isinstance(code, Account) else str(code or "").strip()
    if not code:
        raise ValidationError(f"Pilih akun {group.label.lower()}.", field="account")
    row = session.get(LedgerAccount, code)
    program = code in {account.value for account in Account}
    if row is None and not program:
        raise ValidationError(f"Akun {code} tidak dikenal; pilih akun dari daftar.", field="account")
    if not code.startswith(group.value):
        raise ValidationError(f"Akun {code} bukan akun {group.label.lower()}.", field="account")
    account = Account(code)
    if account in POSTED_BY_AREAS:
        raise ValidationError(f"{account.label} dibukukan otomatis oleh pinjaman atau penjualan; pilih akun lain.",
                              field="account")
    if row is not None and row.retired:
        raise ValidationError(f"Akun {code} {row.name} sudah tidak dipakai; pilih akun lain.", field="account")
    return account
