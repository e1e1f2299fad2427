"""Full-text search over entries, projects and feedback (SQLite FTS5, bm25 ranking).

The index table ``search_index`` and the triggers that keep it in step with its sources are
created by migration 0001, so every write path (the app, import, restore) updates it. Its
rowid encodes the source: ``id * 4 + kind code``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

KIND_CODES = {"entry": 1, "project": 2, "feedback": 3}
KIND_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}

# Private-use characters mark the highlighted words, so a front end can show them as it likes
# (bold in a terminal, <mark> in HTML) without confusing them with the user's own text.
MARK_START = "\ue000"
MARK_END = "\ue001"

_WORD = re.compile(r"\w+", re.UNICODE)

_QUERY = text(
    f"""
    SELECT rowid, title, snippet(search_index, 1, '{MARK_START}', '{MARK_END}', '…', 14),
           bm25(search_index, 4.0, 1.0) AS score,
           CASE search_index.rowid % 4
             WHEN 1 THEN (SELECT date FROM entries WHERE id = search_index.rowid / 4)
             WHEN 3 THEN (SELECT date FROM feedback WHERE id = search_index.rowid / 4)
             ELSE (SELECT start_date FROM projects WHERE id = search_index.rowid / 4)
           END AS day
    FROM search_index
    WHERE search_index MATCH :query
    ORDER BY score
    LIMIT :limit
    """
)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    title: str
    snippet: str
    score: float
    day: date | None

    def highlighted(self, start: str, end: str) -> str:
        """The snippet with the matched words wrapped in ``start`` and ``end``."""
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


def to_match_expression(query: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must match, as a prefix.

    Quoting each word means punctuation and FTS5 operators in user input are never syntax.
    """
    words = _WORD.findall(query)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def search(session: Session, query: str, limit: int = 20) -> list[SearchHit]:
    expression = to_match_expression(query)
    if expression is None:
        return []
    rows = session.execute(_QUERY, {"query": expression, "limit": limit}).all()
    return [
        SearchHit(
            kind=KIND_BY_CODE[rowid % 4],
            id=rowid // 4,
            title=title,
            snippet=snippet,
            score=score,
            day=date.fromisoformat(day) if day else None,
        )
        for rowid, title, snippet, score, day in rows
    ]
