"""Safe writes: a change is whole or not at all, whenever its writer is killed, and files whole."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rysiai.editing.change_set import ChangeSet, writing
from rysiai.editing.journal import journal_folder
from rysiai.editing.recovery import interrupted_change
from rysiai.editing.safe_files import write_atomically
from rysiai.errors import RysiaiError

DRIVER = Path(__file__).with_name("change_driver.py")


def run_driver(root: Path, *args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(DRIVER), str(root), *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120, **kwargs,
    )


def start_driver(root: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(root), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})},
    )


def make_repository(root: Path, *, references: int, rows: int) -> Path:
    """Files as a `mv old-id new-id` finds them: references in YAML files and in a large CSV."""
    (root / "refs").mkdir(parents=True)
    (root / "people").mkdir()
    for number in range(references):
        (root / "refs" / f"visit-{number:04}.yaml").write_bytes(
            f"name: Visit {number}\r\nparticipants:\r\n  - old-id  # the guest\r\n  - other\r\n".encode()
        )
    lines = ["id,name,partner"] + [f"c{n},Person {n},{'old-id' if n % 7 == 0 else 'x'}" for n in range(rows)]
    (root / "big.csv").write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))
    (root / "people" / "old-id.yaml").write_bytes(b"name: Old\n")
    os.chmod(root / "people" / "old-id.yaml", 0o600)
    (root / "gone.yaml").write_bytes(b"name: Gone\n")
    (root / "untouched.yaml").write_bytes(b"name: Untouched\n")
    return root


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the repository (but Ryšiai's own folder), its bytes and permissions."""
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mode & 0o777)
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".rysiai" not in path.relative_to(root).parts
    }


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """A small repository, before and after the change, and the number of steps the change takes."""
    base = tmp_path_factory.mktemp("states")
    before = make_repository(base / "before", references=6, rows=3000)
    after = base / "after"
    shutil.copytree(before, after)
    done = run_driver(after, "rename")
    assert done.returncode == 0, done.stderr
    return before, snapshot(before), snapshot(after), int(done.stdout.split()[-1])


def test_the_change_itself(states):
    _, before, after, steps = states
    assert after["refs/visit-0003.yaml"][0] == b"name: Visit 3\r\nparticipants:\r\n  - new-id  # the guest\r\n  - other\r\n"
    assert after["people/new-id.yaml"] == (b"name: Old\n", 0o600)  # permissions go with the file
    assert "people/old-id.yaml" not in after and "gone.yaml" not in after
    assert after["fresh/new.yaml"][0] == b"name: New\n"
    assert after["big.csv"][0].startswith("\ufeffid,name,partner\nc0,Person 0,new-id\n".encode())
    assert after["untouched.yaml"] == before["untouched.yaml"]
    assert steps == 2 * 11 + 4  # each file staged and written; flushed, committed, folders synced, done


def test_killed_at_every_step_the_repository_is_wholly_before_or_wholly_after(states, tmp_path):
    template, before, after, steps = states
    outcomes = []
    for step in range(1, steps + 1):
        root = tmp_path / f"run-{step}"
        shutil.copytree(template, root)
        killed = run_driver(root, "rename", env={"RYSIAI_TEST_KILL_AT_STEP": str(step)})
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
        interrupted = interrupted_change(root)
        state = snapshot(root)
        if interrupted is not None:
            assert interrupted.holder.command == "driver rename"
            assert "big.csv" in interrupted.files and "people/old-id.yaml" in interrupted.files
        with writing(root, "next writer") as writer:
            recovered = [recovery.describe() for recovery in writer.recovered]
        result = snapshot(root)
        assert result in (before, after), f"killed at step {step}: a mixed repository"
        outcomes.append(result == after)
        # Stopped before the journal was committed (or after it was done): nothing to report.
        if interrupted is None:
            assert state in (before, after)
        else:
            assert result == after
            [recovery] = recovered
            assert recovery.startswith("an interrupted change, `driver rename` by ") and "was finished: 11 files" in recovery
        assert list(journal_folder(root).iterdir()) == []
        assert interrupted_change(root) is None
        shutil.rmtree(root)
    # Before until the plan is committed, after from then on.
    assert outcomes == sorted(outcomes) and outcomes[0] is False and outcomes[-1] is True


def test_killed_at_random_moments_on_a_large_repository(tmp_path):
    template = make_repository(tmp_path / "template", references=300, rows=60_000)
    before = snapshot(template)
    after_root = tmp_path / "after"
    shutil.copytree(template, after_root)
    writer = start_driver(after_root, "rename")
    writer.stdout.readline()  # "start": Python and Ryšiai are loaded
    started = time.monotonic()
    writer.communicate()
    took, after = time.monotonic() - started, snapshot(after_root)
    chance = random.Random(13)
    for run in range(6):
        root = tmp_path / f"run-{run}"
        shutil.copytree(template, root)
        writer = start_driver(root, "rename")
        writer.stdout.readline()
        time.sleep(chance.uniform(0, took))
        writer.send_signal(signal.SIGKILL)
        writer.communicate()
        with writing(root, "next writer"):
            pass
        assert snapshot(root) in (before, after), f"run {run}: a mixed repository"
        shutil.rmtree(root)


@pytest.fixture(scope="module")
def first_write(states, tmp_path_factory) -> int:
    """The last step before the first record file is written (the plan is committed by then)."""
    template, before, _after, steps = states
    folder = tmp_path_factory.mktemp("probes")
    low, high = 1, steps  # killed at `high` something is written; at `low` nothing
    while high - low > 1:
        middle = (low + high) // 2
        root = folder / f"probe-{middle}"
        shutil.copytree(template, root)
        run_driver(root, "rename", env={"RYSIAI_TEST_KILL_AT_STEP": str(middle)})
        low, high = (low, middle) if snapshot(root) != before else (middle, high)
    return low


def test_a_change_at_work_is_not_reported_as_interrupted(states, first_write, tmp_path):
    template, _before, after, _steps = states
    root = tmp_path / "root"
    shutil.copytree(template, root)
    release = tmp_path / "go"
    writer = start_driver(root, "rename", env={"RYSIAI_TEST_PAUSE_AT_STEP": f"{first_write + 3}:{release}"})
    _wait_for(release.with_name("go.paused"))
    assert interrupted_change(root) is None
    release.touch()
    writer.communicate(timeout=60)
    assert writer.returncode == 0
    assert snapshot(root) == after


def test_a_damaged_journal_is_rolled_back(states, first_write, tmp_path):
    template, before, _after, _steps = states
    root = tmp_path / "root"
    shutil.copytree(template, root)
    killed = run_driver(root, "rename", env={"RYSIAI_TEST_KILL_AT_STEP": str(first_write + 5)})
    assert killed.returncode == -signal.SIGKILL
    assert snapshot(root) != before  # five files written
    interrupted = interrupted_change(root)
    assert interrupted.describe().startswith(
        "a change was interrupted: `driver rename` by "
    ) and "; it was writing 11 files (refs/visit-0000.yaml, refs/visit-0001.yaml, " in interrupted.describe()
    [change] = journal_folder(root).iterdir()
    (change / "new" / "6").write_bytes(b"damaged")  # big.csv's new contents, not written yet
    recovered = run_driver(root, "recover")
    assert "was undone (its journal was damaged): 11 files" in recovered.stdout
    assert snapshot(root) == before


def test_a_failure_while_applying_undoes_the_change(states, first_write, tmp_path):
    template, before, _after, _steps = states
    root = tmp_path / "root"
    shutil.copytree(template, root)
    release = tmp_path / "go"
    writer = start_driver(root, "rename", env={"RYSIAI_TEST_PAUSE_AT_STEP": f"{first_write}:{release}"})
    _wait_for(release.with_name("go.paused"))
    # Someone puts a folder where the change is to make its last file: the rename fails.
    (root / "fresh" / "new.yaml").mkdir(parents=True)
    (root / "fresh" / "new.yaml" / "x").write_text("in the way")
    release.touch()
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 2
    assert "fresh/new.yaml: cannot be written (Is a directory); the change was undone, but fresh/new.yaml could not be put back" in err
    result = snapshot(root)
    del result["fresh/new.yaml/x"]
    assert result == before
    assert list(journal_folder(root).iterdir()) == []


def test_a_file_edited_after_the_interruption_is_left_as_it_is(states, first_write, tmp_path):
    template, _before, after, _steps = states
    root = tmp_path / "root"
    shutil.copytree(template, root)
    killed = run_driver(root, "rename", env={"RYSIAI_TEST_KILL_AT_STEP": str(first_write + 1)})  # one file written
    assert killed.returncode == -signal.SIGKILL
    (root / "refs" / "visit-0005.yaml").write_bytes(b"name: edited by hand\n")
    recovered = run_driver(root, "recover")
    assert "was finished: 11 files" in recovered.stdout
    assert "left as they are (check them): 1 file (refs/visit-0005.yaml)" in recovered.stdout
    result = snapshot(root)
    assert result["refs/visit-0005.yaml"][0] == b"name: edited by hand\n"
    del result["refs/visit-0005.yaml"]
    assert result == {path: value for path, value in after.items() if path != "refs/visit-0005.yaml"}


def _wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.01)


def test_a_reader_never_sees_half_a_file(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"a" * 1_000_000)
    writer = start_driver(tmp_path, "flip", "200")
    reads = 0
    while writer.poll() is None:
        assert (tmp_path / "a.bin").read_bytes() in (b"a" * 1_000_000, b"b" * 1_000_000)
        reads += 1
    writer.communicate()
    assert writer.returncode == 0 and reads > 10
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.bin"]  # no temporary file left


def test_atomic_write_keeps_permissions_and_a_new_file_follows_the_umask(tmp_path):
    kept = tmp_path / "kept.yaml"
    kept.write_bytes(b"old")
    os.chmod(kept, 0o640)
    write_atomically(kept, b"new")
    assert kept.read_bytes() == b"new" and kept.stat().st_mode & 0o777 == 0o640
    previous = os.umask(0o027)
    try:
        write_atomically(tmp_path / "fresh.yaml", b"fresh")
    finally:
        os.umask(previous)
    assert (tmp_path / "fresh.yaml").stat().st_mode & 0o777 == 0o640


def test_an_atomic_write_that_fails_leaves_the_file_and_no_temporary_one(tmp_path):
    kept = tmp_path / "kept.yaml"
    kept.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomically(kept, "not bytes")
    assert kept.read_bytes() == b"old" and [path.name for path in tmp_path.iterdir()] == ["kept.yaml"]


def test_a_change_set_refuses_what_it_cannot_do(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"a")
    (tmp_path / "b.yaml").write_bytes(b"b")
    (tmp_path / "folder").mkdir()
    changes = ChangeSet(tmp_path)
    with pytest.raises(RysiaiError, match="b.yaml exists already; nothing was changed"):
        changes.rename("a.yaml", "b.yaml")
    for where in ("../x.yaml", ".git/config", ".rysiai/lock", "/elsewhere/x.yaml"):
        with pytest.raises(RysiaiError):
            changes.write(where, b"x")
    with pytest.raises(TypeError):
        changes.write("a.yaml", "text")
    changes.write("a.yaml", b"changed")
    changes.write("folder", b"x")
    with writing(tmp_path, "test") as writer:
        with pytest.raises(RysiaiError, match="folder: is a folder, where the change would write a file; nothing was changed"):
            writer.apply(changes)
    assert (tmp_path / "a.yaml").read_bytes() == b"a"
    assert list(journal_folder(tmp_path).iterdir()) == []


def test_unchanged_files_are_not_written(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"same")
    written_at = (tmp_path / "a.yaml").stat().st_ino
    changes = ChangeSet(tmp_path)
    changes.write("a.yaml", b"same")
    changes.delete("never-was.yaml")
    with writing(tmp_path, "test") as writer:
        assert writer.apply(changes) == []
    assert (tmp_path / "a.yaml").stat().st_ino == written_at
    with pytest.raises(RuntimeError, match="the lock was let go"):
        writer.apply(changes)
