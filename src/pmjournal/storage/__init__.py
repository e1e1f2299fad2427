"""Engine and sessions, ORM tables, migrations, backups and search. No Qt."""
