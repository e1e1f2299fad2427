"""What a write changed, so every front end can refresh exactly the views it concerns.

In the spirit of Anki's ``OpChanges``: each mutating service returns a frozen ``Changes``
together with its result, and publishes it on the journal's ``ChangeHub``. The GUI re-emits
those callbacks as Qt signals; the core never knows who listens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")
_log = logging.getLogger(__name__)


class Kind(StrEnum):
    """The kinds of record a change can touch."""

    PROFILE = "profile"
    INTERNSHIP = "internship"
    PROJECT = "project"
    ENTRY = "entry"
    METRIC = "metric"
    PERSON = "person"
    FEEDBACK = "feedback"
    SKILL_CATEGORY = "skill_category"
    SKILL = "skill"
    EVIDENCE = "evidence"
    TAG = "tag"
    GOAL = "goal"
    CHECKIN = "checkin"
    ATTACHMENT = "attachment"
    BULLET = "bullet"
    JOURNAL = "journal"


Ref = tuple[Kind, int]


@dataclass(frozen=True)
class Changes:
    """Records created, updated and deleted by one write; ``JOURNAL`` means "everything"."""

    created: frozenset[Ref] = frozenset()
    updated: frozenset[Ref] = frozenset()
    deleted: frozenset[Ref] = frozenset()

    @classmethod
    def of(
        cls,
        *,
        created: Iterable[Ref] = (),
        updated: Iterable[Ref] = (),
        deleted: Iterable[Ref] = (),
    ) -> Changes:
        return cls(frozenset(created), frozenset(updated), frozenset(deleted))

    @classmethod
    def everything(cls) -> Changes:
        """After an import, a restore or the demo: every view should reload."""
        return cls(updated=frozenset({(Kind.JOURNAL, 0)}))

    @classmethod
    def elsewhere(cls) -> Changes:
        """Another process wrote: any record of any kind may have changed, ids unknown.

        Unlike ``everything`` it says nothing about the journal as a whole, so a view
        reloads its lists but keeps the record open in its editor.
        """
        return cls(updated=frozenset((kind, 0) for kind in Kind if kind is not Kind.JOURNAL))

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(kind for kind, _ in self.created | self.updated | self.deleted)

    def touches(self, *kinds: Kind) -> bool:
        touched = self.kinds
        return Kind.JOURNAL in touched or any(kind in touched for kind in kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.created | other.created,
            self.updated | other.updated,
            self.deleted | other.deleted,
        )

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of a write and what it changed."""

    value: T
    changes: Changes


Listener = Callable[[Changes], None]


@dataclass
class ChangeHub:
    """Plain callbacks for changes; a listener that raises is logged and the others still run."""

    _listeners: list[Listener] = field(default_factory=list)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every committed write; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:
                # The write is committed already: a failing view must not make it look lost.
                _log.exception("a change listener failed")
