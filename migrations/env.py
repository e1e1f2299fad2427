"""Alembic environment: runs on the connection the migration runner hands over.

Batch mode is on because SQLite cannot ALTER most things in place. With no connection given
(a developer running ``alembic`` by hand), the URL from alembic.ini or PMJOURNAL_DB is used.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from pmjournal.storage.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave the FTS index and its shadow tables to the hand-written SQL."""
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    url = os.environ.get("PMJOURNAL_DB") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as new_connection:
        run(new_connection)
