"""Full-text search over the whole journal (SQLite FTS5, bm25 ranking).

The index table ``search_index`` and the triggers that keep it in step with its sources are
created by the migrations (0003 wrote the current form, 0004 added a project's trade-off; the
SQL is built in ``search_triggers``), so every write path (the app, import, restore) updates
it. Its rowid encodes the source: ``id * 4 + kind code``, positive for the
notes (entries, projects, feedback) and negative for the records (people, goals, metrics).

The tokenizer folds accents ("Huong" finds "Hương"), but not letters that are letters of
their own (ø, ł, æ, ß, đ): users type those as "o", "l", "ae", "ss", "d". So a third column
holds the text with those letters transliterated (``FOLDED``, from the Unidecode library),
and every word of a query is looked for as typed and folded the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import text
from sqlalchemy.orm import Session
from unidecode import unidecode

KIND_CODES = {"entry": 1, "project": 2, "feedback": 3, "person": -1, "goal": -2, "metric": -3}
KIND_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}

# Private-use characters mark the highlighted words, so a front end can show them as it likes
# (bold in a terminal, <mark> in HTML) without confusing them with the user's own text.
MARK_START = "\ue000"
MARK_END = "\ue001"

_WORD = re.compile(r"\w+", re.UNICODE)
_STAGE = 12
# Where the letters of European languages live (Latin-1, Latin Extended-A, capital sharp s);
# the rarer blocks would nest SQLite's replace() deeper than its parser allows.
_LATIN = (range(0xC0, 0x180), range(0x1E9E, 0x1E9F))

_QUERY = text(
    f"""
    SELECT rowid, title, snippet(search_index, 1, '{MARK_START}', '{MARK_END}', '…', 14),
           bm25(search_index, 4.0, 1.0, 1.0) AS score,
           CASE search_index.rowid % 4
             WHEN 1 THEN (SELECT date FROM entries WHERE id = search_index.rowid / 4)
             WHEN 2 THEN (SELECT start_date FROM projects WHERE id = search_index.rowid / 4)
             WHEN 3 THEN (SELECT date FROM feedback WHERE id = search_index.rowid / 4)
             WHEN -2 THEN (SELECT target_date FROM goals WHERE id = -search_index.rowid / 4)
             WHEN -3 THEN (SELECT measured_on FROM metrics WHERE id = -search_index.rowid / 4)
           END AS day
    FROM search_index
    WHERE search_index MATCH :query
    ORDER BY score
    LIMIT :limit
    """
)


@cache
def fold_table() -> dict[str, str]:
    """{'ø': 'o', 'Ł': 'L', 'æ': 'ae', 'ß': 'ss', …}: the letters the tokenizer keeps as they
    are, transliterated as users type them. Index and query fold through this one table."""
    table = {}
    for block in _LATIN:
        for code in block:
            char = chr(code)
            if not char.isalpha():
                continue
            decomposed = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            typed = unidecode(char)
            if typed.isalpha() and typed.isascii() and typed.lower() != base.lower():
                table[char] = typed
    return table


def fold(words: str) -> str:
    """``words`` with every letter of ``fold_table`` transliterated ('Søren' → 'Soren')."""
    return words.translate({ord(char): typed for char, typed in fold_table().items()})


def fold_sql(text_sql: str) -> str:
    """A SELECT of one column, ``folded``: ``fold`` of the SQL text expression, or '' when
    folding changes nothing. SQLite's parser allows about 24 nested calls, so the replace()
    chain runs in stages of at most 12, one subquery each."""
    pairs = list(fold_table().items())
    query = f"SELECT {text_sql} AS t"
    for start in range(0, len(pairs), _STAGE):
        expression = "t" if start == 0 else "f"
        for char, typed in pairs[start : start + _STAGE]:
            expression = f"replace({expression}, '{char}', '{typed}')"
        query = f"SELECT {expression} AS f, t FROM ({query})"
    return f"SELECT CASE WHEN f = t THEN '' ELSE f END AS folded FROM ({query})"


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


def query_words(query: str) -> list[str]:
    return _WORD.findall(query)


def to_match_expression(query: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must match, as a prefix,
    as typed or folded ('Soren' and 'Søren' both find "Søren").

    Quoting each word means punctuation and FTS5 operators in user input are never syntax.
    """
    words = query_words(query)
    if not words:
        return None
    terms = []
    for word in words:
        folded = fold(word)
        if folded == word:
            terms.append(f'"{word}"*')
        else:
            terms.append(f'("{word}"* OR "{folded}"*)')
    return " ".join(terms)


def search(session: Session, query: str, limit: int = 20) -> list[SearchHit]:
    expression = to_match_expression(query)
    if expression is None:
        return []
    rows = session.execute(_QUERY, {"query": expression, "limit": limit}).all()
    hits = []
    for rowid, title, snippet, score, day in rows:
        sign = 1 if rowid > 0 else -1
        hits.append(
            SearchHit(
                kind=KIND_BY_CODE[sign * (abs(rowid) % 4)],
                id=abs(rowid) // 4,
                title=title,
                snippet=snippet,
                score=score,
                day=date.fromisoformat(day) if day else None,
            )
        )
    return hits
