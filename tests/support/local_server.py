"""A real HTTP server on 127.0.0.1 that records every request it gets."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A 1×1 PNG: what a tracking pixel would serve if anything asked for it.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201"
    "e5276fe80000000049454e44ae426082"
)


@dataclass
class RecordingServer:
    url: str
    requests: list[str] = field(default_factory=list)


@contextmanager
def recording_server() -> Iterator[RecordingServer]:
    """Serves a pixel (and CSS that would print a marker) at a random port; records paths."""
    record = RecordingServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            record.requests.append(self.path)
            is_css = self.path.endswith(".css")
            body = b'body::after { content: "FETCHED-FROM-SERVER"; }' if is_css else PIXEL
            self.send_response(200)
            self.send_header("Content-Type", "text/css" if is_css else "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    record.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield record
    finally:
        server.shutdown()
        server.server_close()
