"""Searching the journal from any front end."""

from __future__ import annotations

from pmjournal.domain.errors import ValidationError
from pmjournal.storage.database import Journal
from pmjournal.storage.search import SearchHit, search, to_match_expression


def search_journal(journal: Journal, query: str, limit: int = 20) -> list[SearchHit]:
    """Ranked hits for every word of ``query`` (as prefixes, letters folded as typed).

    A query of emoji or symbols only says so: the index holds words, and "type at least one
    word" would tell someone who typed something that they typed nothing.
    """
    if to_match_expression(query) is None:
        if query.strip():
            raise ValidationError(
                f"{query.strip()!r} has no letters or digits, and only words can be searched",
                "query",
            )
        raise ValidationError("type at least one word to search for", "query")
    with journal.reading() as session:
        return search(session, query, limit)
