"""Alembic migrations, shipped inside the package as ``pmjournal.migrations``."""
