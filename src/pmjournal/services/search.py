"""Searching the journal from any front end."""

from __future__ import annotations

from pmjournal.domain.errors import ValidationError
from pmjournal.storage.database import Journal
from pmjournal.storage.search import SearchHit, search, to_match_expression


def search_journal(journal: Journal, query: str, limit: int = 20) -> list[SearchHit]:
    """Ranked hits for every word of ``query`` (as prefixes); an empty query is an error."""
    if to_match_expression(query) is None:
        raise ValidationError("type at least one word to search for", "query")
    with journal.reading() as session:
        return search(session, query, limit)
