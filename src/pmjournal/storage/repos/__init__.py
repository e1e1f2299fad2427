"""One repository module per record kind: its queries, its row conversion, its delete impact.

Functions take the caller's session (a service opens it with ``journal.transaction()`` or
``journal.reading()``) and return frozen domain values, never ORM rows.
"""
