"""On SQLite, the members' sort keys by rowid: ``member_search_order`` (rowid, full_name, number, join_date, status).

The trigram index ``member_search`` (0005) gives the rowids of the members holding a word. Ordering them
then needs each one's name: a lookup in ``members``, whose rows are wide (about 11 to a page), costs about
1.5 µs at 100,000 members, and a word held by 5,000 of them ("nur") took 8 ms, no better than the ordered
scan of ``ix_members_list`` it was meant to spare. SQLite cannot index by rowid, so this narrow table does
what such an index would: about 90 members to a page, a lookup a quarter of the cost.

Kept in step by three triggers, like ``member_search``; ``services/members/search.py`` uses it only when
the table and all three triggers are there. A later migration that rebuilds ``members`` in batch mode must
create the triggers again and refill the table (``FILL``). PostgreSQL has no trigram path and gets nothing.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-06
"""

from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

# The same declared types as the members' columns: the same affinity, so the same order.
TABLE = (
    "CREATE TABLE member_search_order (member_rowid INTEGER PRIMARY KEY, full_name VARCHAR(120) NOT NULL,"
    " number VARCHAR(16) NOT NULL, join_date DATE NOT NULL, status VARCHAR(8) NOT NULL)"
)
FILL = (
    "INSERT INTO member_search_order (member_rowid, full_name, number, join_date, status)"
    " SELECT rowid, full_name, number, join_date, status FROM members"
)
# A member saved or changed writes its whole line (INSERT OR REPLACE): a line left behind at its rowid, or one
# missing, is put right by the next save instead of refusing a registration ("UNIQUE constraint failed").
_KEEP = ("INSERT OR REPLACE INTO member_search_order (member_rowid, full_name, number, join_date, status)"
         " VALUES (new.rowid, new.full_name, new.number, new.join_date, new.status)")
TRIGGERS = {
    "members_order_ai": f"AFTER INSERT ON members BEGIN {_KEEP}; END",
    "members_order_ad": "AFTER DELETE ON members BEGIN DELETE FROM member_search_order WHERE member_rowid = old.rowid; END",
    "members_order_au": f"AFTER UPDATE OF full_name, number, join_date, status ON members BEGIN {_KEEP}; END",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(TABLE)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(FILL)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS member_search_order")
