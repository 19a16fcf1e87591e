"""Alembic environment: always runs on the connection the program hands over."""

from alembic import context

from koperasi.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    # Autogenerate must not drop member search's FTS5 table and its shadow tables (0005): no models.
    include_name=lambda name, type_, parent_names: not (type_ == "table" and name.startswith("member_search")),
)
with context.begin_transaction():
    context.run_migrations()
