"""One writer at a time: the lock of the data repository, and whom a second writer is told about."""

from __future__ import annotations

import datetime as dt
import getpass
import signal
import socket
import subprocess
import threading
import time

import pytest

from rysiai.editing.write_lock import WriteLock, WriteLockBusy, current_holder
from rysiai.errors import RysiaiError
from test_safe_writes import run_driver, start_driver


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock of the repository at tmp_path."""
    process = start_driver(tmp_path, "hold")
    assert process.stdout.readline() == "held\n"
    yield process
    process.kill()
    process.communicate()


def test_a_second_writer_waits_then_is_told_who_holds_the_lock_and_since_when(tmp_path, holder):
    started = time.monotonic()
    with pytest.raises(WriteLockBusy) as refused:
        with WriteLock(tmp_path, "rysiai fmt", wait=0.5):
            pass
    assert time.monotonic() - started >= 0.5
    today = dt.date.today().isoformat()
    message = str(refused.value)
    assert message.startswith(
        f"another change is being written to this data repository: `driver hold` by "
        f"{getpass.getuser()}@{socket.gethostname()} (process {holder.pid}), since {today} "
    )
    assert message.endswith(
        f". Waited 0.5 s; run the command again when that one has finished (the lock is {tmp_path}/.rysiai/lock)"
    )
    assert current_holder(tmp_path).pid == holder.pid


def test_a_killed_holder_lets_go_at_once(tmp_path, holder):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert current_holder(tmp_path) is None  # its name is still in the file, but no one holds it
    started = time.monotonic()
    with WriteLock(tmp_path, "rysiai fmt", wait=5) as lock:
        assert time.monotonic() - started < 1
        assert current_holder(tmp_path).command == "rysiai fmt" == lock.holder.command
    assert current_holder(tmp_path) is None
    assert (tmp_path / ".rysiai" / "lock").read_bytes() == b""


def test_the_wait_is_set_by_an_environment_variable(tmp_path, holder, monkeypatch):
    monkeypatch.setenv("RYSIAI_LOCK_WAIT", "0.2")
    started = time.monotonic()
    with pytest.raises(WriteLockBusy, match="Waited 0.2 s"):
        with WriteLock(tmp_path, "rysiai fmt"):
            pass
    assert 0.2 <= time.monotonic() - started < 2
    monkeypatch.setenv("RYSIAI_LOCK_WAIT", "soon")
    with pytest.raises(RysiaiError, match="RYSIAI_LOCK_WAIT must be a number of seconds, not 'soon'"):
        WriteLock(tmp_path, "rysiai fmt")


def test_a_writer_waits_for_the_other_to_finish(tmp_path):
    process = start_driver(tmp_path, "hold")
    assert process.stdout.readline() == "held\n"
    threading.Timer(0.5, process.kill).start()
    with WriteLock(tmp_path, "rysiai fmt", wait=10):
        pass
    process.communicate()


def test_two_threads_of_one_server_take_turns(tmp_path):
    holding, done = threading.Event(), threading.Event()

    def save():
        with WriteLock(tmp_path, "editor: save contacts/a.yaml"):
            holding.set()
            done.wait(10)

    thread = threading.Thread(target=save)
    thread.start()
    holding.wait(10)
    with pytest.raises(WriteLockBusy, match="`editor: save contacts/a.yaml` by "):
        with WriteLock(tmp_path, "editor: save contacts/b.yaml", wait=0.1):
            pass
    done.set()
    thread.join()
    with WriteLock(tmp_path, "editor: save contacts/b.yaml", wait=0.1):
        pass


def test_concurrent_writers_lose_no_change(tmp_path):
    (tmp_path / "count.txt").write_text("0\n")
    writers = [start_driver(tmp_path, "count", "40") for _ in range(3)]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    assert (tmp_path / "count.txt").read_text() == "120\n"


def test_the_lock_and_journal_stay_out_of_git(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert run_driver(tmp_path, "recover").returncode == 0
    assert (tmp_path / ".rysiai" / "lock").exists()
    status = subprocess.run(["git", "-C", str(tmp_path), "status", "--porcelain", "--ignored=no"], capture_output=True, text=True)
    assert status.stdout == ""
