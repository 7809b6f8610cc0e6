"""Helpers for the editor's tests: a real git repository of the sample data, and the editor
served by waitress on a free port of 127.0.0.1 in a thread."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from contextlib import contextmanager
from html import unescape
from pathlib import Path

from conftest import PROJECT
from rysiai.editor.server import make_server

COLLECTIONS = ("partners", "contacts", "associations", "visits", "requests", "events")
AUTHOR = ("Ona Testuotoja", "ona.testuotoja@example.org")


def git(root: Path, *arguments: str) -> str:
    return subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, check=True).stdout


def sample_repository(folder: Path) -> Path:
    """The project's schema and sample records in a new git repository, committed once."""
    root = folder / "data"
    root.mkdir(parents=True)
    shutil.copy(PROJECT / "datapackage.yaml", root / "datapackage.yaml")
    for name in COLLECTIONS:
        shutil.copytree(PROJECT / name, root / name)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "config", "user.name", AUTHOR[0])
    git(root, "config", "user.email", AUTHOR[1])
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "Sample data")
    return root


@contextmanager
def running_editor(root: Path, **options):
    """The editor of ``root`` served on a free port; yields its address (ending in `/`)."""
    server = make_server(root, "127.0.0.1:0", **options)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}/"
    finally:
        stop(server)
        thread.join(timeout=10)
        assert not thread.is_alive()


def hidden(html: str, name: str) -> str:
    """The value of the form's hidden input ``name``."""
    found = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="([^"]*)"', html)
    assert found, name
    return unescape(found.group(1))


def stop(server) -> None:
    """Stop a running waitress server from another thread: its sockets are closed by its own
    loop (closing them from outside races the loop), which then ends, and its workers too."""

    def close_all():
        for channel in list(server._map.values()):
            channel.close()

    trigger = server.trigger
    # The loop runs the trigger's waiting calls under its lock, and close_all closes the trigger:
    # holding the lock until the byte is written keeps the loop, woken by a worker meanwhile,
    # from closing it first (the write would then fail, or reach a file that took its number).
    with trigger.lock:
        if not trigger._closed:
            trigger.thunks.append(close_all)
            trigger._physical_pull()
    server.task_dispatcher.shutdown()
