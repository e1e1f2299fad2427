"""Plain rules and values: no Qt, no SQLAlchemy, importable anywhere."""
