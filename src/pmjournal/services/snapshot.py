"""What may leave the journal: the one read model every output is built from.

Portfolio, résumé bullets, stories and weekly updates all read through ``load_snapshot`` so
the rules of PRODUCT.md are decided once: confidential projects, metrics, feedback and people
never appear; confidential names are replaced wherever public text mentions them; and
``redact`` replaces organisation and people names everywhere. Of the profile only the free text
(headline, summary) is redacted, never the user's own name and contact.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pmjournal.domain.snapshot_views import CareerSnapshot
from pmjournal.storage.database import Journal
from pmjournal.storage.snapshot_reader import read_snapshot


def load_snapshot(
    journal: Journal,
    *,
    project_names: Sequence[str] = (),
    redact: bool = False,
    include_empty: bool = False,
    period: tuple[date, date] | None = None,
) -> CareerSnapshot:
    """Everything an output may show, with confidentiality and redaction already applied.

    ``period`` (first and last day) limits the entries and feedback read, so a weekly update
    of a journal of years reads one week of notes, not all of them.
    """
    with journal.reading() as session:
        return read_snapshot(
            session,
            project_names=project_names,
            redact=redact,
            include_empty=include_empty,
            period=period,
        )
