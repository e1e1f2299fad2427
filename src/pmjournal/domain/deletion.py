"""Deleting a record others point to: what it would affect, and the user's explicit choice.

Nothing is lost silently: a service first reads the ``DeleteImpact`` (the records that would be
unlinked and kept, and those that belong to the record and go with it), then deletes only if
nothing is linked or the caller chose ``DeleteChoice.DETACH`` (or ``MOVE``, where the links can
go to another record of the same kind). A front end shows ``impact.summary()`` in its
confirmation and passes the user's answer as the choice; every delete of a record others point
to takes the same ``choice`` and has a ``*_delete_impact`` beside it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from pmjournal.domain.changes import Changes, Kind, Ref
from pmjournal.domain.errors import ValidationError


class DeleteChoice(StrEnum):
    """What to do with the records that point at the one being deleted."""

    REFUSE = "refuse"
    """Delete only if nothing is linked; otherwise raise ``ValidationError`` naming the links."""
    DETACH = "detach"
    """Delete, keeping the linked records without the link (see each service for which)."""
    MOVE = "move"
    """Delete, moving the links to another record named by ``move_to`` (skills and their
    categories, whose evidence or members would otherwise be lost or scattered)."""


_NOUNS: dict[Kind, tuple[str, str]] = {
    Kind.INTERNSHIP: ("internship", "internships"),
    Kind.PROJECT: ("project", "projects"),
    Kind.ENTRY: ("entry", "entries"),
    Kind.METRIC: ("metric", "metrics"),
    Kind.PERSON: ("person", "people"),
    Kind.SKILL_CATEGORY: ("skill category", "skill categories"),
    Kind.SKILL: ("skill", "skills"),
    Kind.TAG: ("tag", "tags"),
    Kind.FEEDBACK: ("feedback", "feedback"),
    Kind.EVIDENCE: ("skill evidence", "skill evidence"),
    Kind.GOAL: ("goal", "goals"),
    Kind.BULLET: ("edited bullet", "edited bullets"),
    Kind.CHECKIN: ("check-in", "check-ins"),
    Kind.ATTACHMENT: ("attachment", "attachments"),
}


def count_phrase(refs: Iterable[Ref]) -> str:
    """'4 entries, 1 feedback and 2 metrics', in a fixed order of kinds; '' for none."""
    counts = Counter(kind for kind, _ in refs)
    parts = []
    for kind in Kind:
        if counts[kind]:
            singular, plural = _NOUNS.get(kind, (kind.value, kind.value + "s"))
            parts.append(f"{counts[kind]} {singular if counts[kind] == 1 else plural}")
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True)
class DeleteImpact:
    """What deleting ``target`` would do to the rest of the journal.

    ``detached``: records kept, with their link to the target removed (entries of a project).
    ``removed``: records that belong to the target and are deleted with it (its metrics).
    ``touched``: records whose shown figures change but that are not linked to the target
    (the internship of a deleted project, whose project count drops); never a reason to refuse.
    """

    target: Ref
    label: str
    detached: frozenset[Ref] = frozenset()
    removed: frozenset[Ref] = frozenset()
    touched: frozenset[Ref] = frozenset()

    @property
    def linked(self) -> bool:
        return bool(self.detached or self.removed)

    def summary(self) -> str:
        """'would unlink 4 entries (kept) and delete 2 metrics'; 'nothing else is affected'."""
        parts = []
        if self.detached:
            parts.append(f"unlink {count_phrase(self.detached)} (kept)")
        if self.removed:
            parts.append(f"delete {count_phrase(self.removed)} with it")
        if not parts:
            return "nothing else is affected"
        return "deleting it would " + " and ".join(parts)

    def done(self) -> str:
        """After the delete: 'kept 4 entries without it; deleted 2 metrics with it'; ''."""
        parts = []
        if self.detached:
            parts.append(f"kept {count_phrase(self.detached)} without it")
        if self.removed:
            parts.append(f"deleted {count_phrase(self.removed)} with it")
        return "; ".join(parts)

    def check(self, choice: DeleteChoice, *, movable: bool = False) -> None:
        """Refuse a linked delete unless the user chose to detach (or to move, where the links
        can move); nothing is written here."""
        if choice is DeleteChoice.MOVE and not movable:
            raise ValidationError(
                f"the links of {self.label} cannot move to another record; detach them or keep it",
                "choice",
            )
        if self.linked and choice is DeleteChoice.REFUSE:
            raise ValidationError(
                f"{self.label} is in use: {self.summary()}; nothing was deleted", "choice"
            )

    def changes(self) -> Changes:
        """What the delete changed, once it is committed."""
        return Changes.of(
            deleted={self.target, *self.removed},
            updated=(self.detached | self.touched) - self.removed,
        )
