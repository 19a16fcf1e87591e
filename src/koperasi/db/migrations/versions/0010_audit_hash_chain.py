"""The audit log becomes tamper-evident: each event carries a hash chained to the one before.

``audit_events.chain_hash`` = SHA-256 of the previous event's hash and this event's canonical
content (domain/office/audit_chain.py). Existing events are chained here in id order. The column is a
plain ADD COLUMN (no table rebuild); filling it needs UPDATE, which the append-only trigger refuses,
so the UPDATE trigger is lifted for this one transaction and put back exactly as 0001 made it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db.types import UtcDateTime
from koperasi.domain.office.audit_chain import GENESIS, canonical_content, chain_hash

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_events = sa.table(
    "audit_events",
    sa.column("id", sa.BigInteger()),
    sa.column("occurred_at", UtcDateTime()),
    sa.column("user_id", sa.Uuid()),
    sa.column("username", sa.String()),
    sa.column("action", sa.String()),
    sa.column("entity", sa.String()),
    sa.column("entity_id", sa.String()),
    sa.column("before", sa.JSON()),
    sa.column("after", sa.JSON()),
    sa.column("reason", sa.Text()),
    sa.column("chain_hash", sa.String()),
)


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("chain_hash", sa.String(64), nullable=True))
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TRIGGER audit_events_no_update")
    else:
        op.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change")
    _chain_existing_events()
    if sqlite:
        op.execute(
            "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
        )
    else:
        op.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change")


def _chain_existing_events() -> None:
    connection = op.get_bind()
    previous = GENESIS
    rows = connection.execute(sa.select(_events).order_by(_events.c.id)).mappings().all()
    for row in rows:
        content = canonical_content(
            occurred_at=row["occurred_at"], user_id=row["user_id"], username=row["username"], action=row["action"],
            entity=row["entity"], entity_id=row["entity_id"], before=row["before"], after=row["after"],
            reason=row["reason"],
        )
        previous = chain_hash(previous, content)
        connection.execute(sa.update(_events).where(_events.c.id == row["id"]).values(chain_hash=previous))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if not sqlite:
        op.drop_column("audit_events", "chain_hash")
        return
    # Batch mode rebuilds the table, which drops its triggers: put 0001's back afterwards.
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("chain_hash")
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_events_no_{verb.lower()}")
        op.execute(
            f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
        )
