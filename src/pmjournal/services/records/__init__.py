"""Use cases for each kind of record: create, update, delete, get and list."""
