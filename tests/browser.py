"""Helpers for the browser tests: a static web server for a built site, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def needs(program: Path, package: str):
    """Skip where ``program`` is missing, except in CI (`.ci/run` sets RYSIAI_CI and installs
    it): there a missing program fails the tests instead of passing them by skipping."""
    import pytest

    return pytest.mark.skipif(
        not program.exists() and not os.environ.get("RYSIAI_CI"),
        reason=f"{program} is not installed (apt-get install {package}); .ci/run installs it",
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    slow: tuple[str, float] | None = None  # files ending so, and how long each waits

    def log_message(self, *args):  # the test output is for the tests
        pass

    def do_GET(self):
        if self.slow and self.path.endswith(self.slow[0]):
            time.sleep(self.slow[1])
        super().do_GET()


def free_port() -> int:
    """A port of 127.0.0.1 that no one listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def static_server(folder: Path, slow: tuple[str, float] | None = None):
    """Serve ``folder`` on a free port of 127.0.0.1, as any plain web server would; ``slow``:
    files whose address ends so are answered after that many seconds (a slow network)."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"slow": slow}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
