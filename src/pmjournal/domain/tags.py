"""Tags: free-form labels on entries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TagRecord:
    id: int
    name: str
    entry_count: int
