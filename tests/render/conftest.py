"""Fixtures for the render tests: a local HTTP server the portfolio must never call."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from local_server import RecordingServer, recording_server


@pytest.fixture(scope="module")
def http_server() -> Iterator[RecordingServer]:
    with recording_server() as server:
        yield server
