"""The names an entry can link to, as completion offers them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkNames:
    """Project, skill and tag names, most recently used first, then alphabetical.

    Recency comes first because an intern writes about the same project and skills day after
    day: the right name is then the first suggestion, one keystroke away.
    """

    projects: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
