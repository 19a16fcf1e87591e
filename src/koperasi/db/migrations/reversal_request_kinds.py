"""Widening or narrowing what a reversal request may name (``reversal_requests.kind``), as migrations do it.

SQLite rebuilds the table for a new check constraint, and the rebuild does not carry a partial index's WHERE
over: the index of pending requests (one pending request per target) is dropped and made again by hand.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def allow(check: str) -> None:
    """``check``: the whole new constraint, e.g. ``"kind IN ('loan_movement', 'saving')"``."""
    op.drop_index("ux_reversal_requests_pending", table_name="reversal_requests")
    with op.batch_alter_table("reversal_requests") as batch_op:
        batch_op.drop_constraint(op.f("ck_reversal_requests_kind"), type_="check")
        batch_op.create_check_constraint("kind", check)
    op.create_index(
        "ux_reversal_requests_pending", "reversal_requests", ["kind", "target_id"], unique=True,
        sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"),
    )
