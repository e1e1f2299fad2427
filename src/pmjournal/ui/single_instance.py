"""One window per journal: a second ``pmjournal`` brings the running window forward.

A local socket named after the user and the data folder: the first instance listens; a
later one connects, says "raise" and exits, so the journal is never opened twice.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtNetwork import QLocalServer, QLocalSocket

_MESSAGE = b"raise\n"


def instance_name(data_dir: Path) -> str:
    where = str(Path(data_dir).expanduser().resolve())
    digest = hashlib.sha256(f"{getpass.getuser()}\0{where}".encode()).hexdigest()[:16]
    return f"pmjournal-{digest}"


def notify_running(name: str, timeout_ms: int = 500) -> bool:
    """True if an instance was listening and has been asked to come forward."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_MESSAGE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


def listen(name: str, raise_window: Callable[[], None]) -> QLocalServer:
    """Listen for later instances; a stale socket left by a crash is removed first."""
    server = QLocalServer()
    QLocalServer.removeServer(name)
    server.listen(name)

    def connected() -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.setParent(server)
            socket.readyRead.connect(lambda s=socket: _read(s))
            socket.disconnected.connect(lambda s=socket: _read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                _read(socket)

    def _read(socket: QLocalSocket) -> None:
        """The message may arrive with the connection or just before the other side leaves."""
        if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(_MESSAGE.strip()):
            raise_window()

    server.newConnection.connect(connected)
    return server
