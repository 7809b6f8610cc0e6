"""Every writing command is whole or not at all: killed (SIGKILL) before, at and after the moment
its change is committed, on a repository with a 10,000-row CSV and many references, the
repository is wholly as before or wholly as after once the next writer has run."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from busy_repository import make_busy_repository, rysiai, snapshot, start_rysiai
from rysiai.editing.change_set import writing
from rysiai.editing.journal import journal_folder
from rysiai.editing.recovery import interrupted_change

IMPORTED = "Vardas ir pavardė,El. paštas\n" + "".join(f"Naujas Kontaktas{chr(ord('a') + n % 26)}{n},n{n}@example.lt\n" for n in range(40))


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    root = make_busy_repository(tmp_path_factory.mktemp("busy") / "data")
    (root.parent / "naujas.csv").write_text(IMPORTED, encoding="utf-8")
    return root


COMMANDS = {
    "mv": ["mv", "talsu-novads", "talsu-novado-savivaldybe"],
    "merge": ["merge", "ona", "ona-2"],
    "forget": ["forget", "jonas-jonaitis"],
    "fmt": ["fmt"],
    "import": ["import", "csv", "{file}", "--collection", "contacts"],
}


def command(name: str, root: Path) -> list[str]:
    return [part.replace("{file}", str(root.parent / "naujas.csv")) for part in COMMANDS[name]]


def fresh_copy(template: Path, folder: Path) -> Path:
    shutil.copytree(template.parent, folder)
    return folder / "data"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_killed_before_or_after_its_commit_leaves_the_repository_whole(name, template, tmp_path):
    before = snapshot(template)
    done_root = fresh_copy(template, tmp_path / "done")
    done = rysiai(done_root, *command(name, done_root))
    assert done.returncode == 0, done.stderr
    after = snapshot(done_root)
    files = sum(1 for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    assert files >= 30
    # Steps (journal.py): each file staged (1..files), flushed, committed, each written, synced, done.
    committed = files + 2
    for step, expected in ((committed - 1, before), (committed, after), (committed + files // 2, after)):
        root = fresh_copy(template, tmp_path / f"step-{step}")
        killed = rysiai(root, *command(name, root), env={"RYSIAI_TEST_KILL_AT_STEP": str(step)})
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
        interrupted = interrupted_change(root)
        assert (interrupted is not None) == (step >= committed), step
        with writing(root, "the next writer"):
            pass
        assert snapshot(root) == expected, f"{name} killed at step {step} of {2 * files + 4}"
        assert list(journal_folder(root).iterdir()) == []


def test_mv_killed_at_random_moments(template, tmp_path):
    before = snapshot(template)
    done_root = fresh_copy(template, tmp_path / "done")
    started = time.monotonic()
    assert rysiai(done_root, *command("mv", done_root)).returncode == 0
    took, after = time.monotonic() - started, snapshot(done_root)
    chance = random.Random(7)
    for run in range(3):
        root = fresh_copy(template, tmp_path / f"run-{run}")
        process = start_rysiai(root, *command("mv", root))
        time.sleep(chance.uniform(0.3 * took, took))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        with writing(root, "the next writer"):
            pass
        assert snapshot(root) in (before, after), f"run {run}"


def test_validate_reports_an_interrupted_change_and_the_next_command_finishes_it(template, tmp_path):
    root = fresh_copy(template, tmp_path / "run")
    killed = rysiai(root, *command("mv", root), env={"RYSIAI_TEST_KILL_AT_STEP": "70"})  # 63 files: 5 written
    assert killed.returncode == -signal.SIGKILL
    report = rysiai(root, "validate")
    assert report.returncode == 1
    [line] = [line for line in report.stdout.splitlines() if "interrupted-change" in line]
    assert line.startswith(".rysiai/journal/")
    assert (
        ": error: [interrupted-change] a change was stopped before all of it was written: "
        "`rysiai mv talsu-novads talsu-novado-savivaldybe --root "
    ) in line
    assert "; the files it changes: 63 files (contacts/kontaktai.csv, visits/vizitas-000.yaml, " in line
    assert line.endswith("(run any command that writes, e.g. `rysiai fmt`: it finishes the change first)")
    finished = rysiai(root, "fmt")
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr.startswith(
        f"rysiai: an interrupted change, `rysiai mv talsu-novads talsu-novado-savivaldybe --root {root}` by "
    ) and ", was finished: 63 files (contacts/kontaktai.csv, visits/vizitas-000.yaml" in finished.stderr
    assert (root / "partners" / "talsu-novado-savivaldybe.yaml").exists()
    assert "talsu-novads" not in (root / "contacts" / "kontaktai.csv").read_text(encoding="utf-8")
    assert "interrupted-change" not in rysiai(root, "validate").stdout


def test_two_mv_at_once_both_take_effect(template, tmp_path):
    root = fresh_copy(template, tmp_path / "run")
    wait = {"RYSIAI_LOCK_WAIT": "120"}
    first = start_rysiai(root, "mv", "talsu-novads", "talsu-novado-savivaldybe", env=wait)
    second = start_rysiai(root, "mv", "ona-2", "ona-antroji", env=wait)
    for process in (first, second):
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    visit = (root / "visits" / "vizitas-004.yaml").read_text(encoding="utf-8")
    assert "  - talsu-novado-savivaldybe  # svečiai\n" in visit and "  - ona-antroji\n" in visit
    assert rysiai(root, "validate").returncode == 0


def test_a_second_writer_is_told_who_holds_the_lock(template, tmp_path):
    root = fresh_copy(template, tmp_path / "run")
    release = tmp_path / "go"
    holder = start_rysiai(root, "fmt", env={"RYSIAI_TEST_PAUSE_AT_STEP": f"1:{release}"})
    while not release.with_name("go.paused").exists():
        assert holder.poll() is None, holder.communicate()
        time.sleep(0.05)
    refused = rysiai(root, "mv", "ona-2", "ona-antroji", env={"RYSIAI_LOCK_WAIT": "0.5"})
    assert refused.returncode == 2
    assert refused.stderr.startswith(
        f"rysiai: error: another change is being written to this data repository: `rysiai fmt --root {root}` by "
    )
    assert f"(process {holder.pid}), since " in refused.stderr
    assert "Waited 0.5 s; run the command again when that one has finished" in refused.stderr
    release.touch()
    holder.communicate(timeout=120)
    assert holder.returncode == 0


def test_a_failure_while_writing_undoes_the_whole_erasure(template, tmp_path):
    root = fresh_copy(template, tmp_path / "run")
    before = snapshot(root)
    release = tmp_path / "go"
    files = 61  # the visits, and the person's own file
    forget = start_rysiai(root, "forget", "jonas-jonaitis", env={"RYSIAI_TEST_PAUSE_AT_STEP": f"{files + 2}:{release}"})
    while not release.with_name("go.paused").exists():
        assert forget.poll() is None, forget.communicate()
        time.sleep(0.05)
    own = root / "contacts" / "jonas-jonaitis.yaml"  # the last file of the change: a folder now
    own.unlink()
    own.mkdir()
    release.touch()
    out, err = forget.communicate(timeout=300)
    assert forget.returncode == 2
    assert err.startswith(
        "rysiai: error: contacts/jonas-jonaitis.yaml: cannot be written (Is a directory); the change "
        "was undone, but contacts/jonas-jonaitis.yaml could not be put back as it was"
    )
    own.rmdir()
    assert snapshot(root) == {path: data for path, data in before.items() if path != "contacts/jonas-jonaitis.yaml"}


def test_mv_stops_on_a_file_it_cannot_read_that_names_the_old_id(template, tmp_path):
    root = fresh_copy(template, tmp_path / "run")
    (root / "visits" / "broken.yaml").write_text("title: Sugedęs\npartners: [talsu-novads\n", encoding="utf-8")
    before = snapshot(root)
    result = rysiai(root, "mv", "talsu-novads", "talsu-novado-savivaldybe")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "rysiai: error: nothing was changed: a file the command has to change cannot be read as written:\n"
        "  visits/broken.yaml:3: YAML syntax error: "
    )
    assert "; it holds `talsu-novads`, which the command has to change\nFix it first" in result.stderr
    assert snapshot(root) == before


def test_files_with_uncommitted_changes_are_named_before_the_change(template, tmp_path):
    root = fresh_copy(template, tmp_path / "run")
    git = ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "records"], check=True)
    visit = root / "visits" / "vizitas-007.yaml"
    visit.write_bytes(visit.read_bytes().replace(b"Vizitas Nr. 7", b"Vizitas Nr. 7 (pataisyta)"))
    result = rysiai(root, "merge", "ona", "ona-2")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "rysiai: note: visits/vizitas-007.yaml had uncommitted changes of its own; this change is "
        "made on top of them (`git diff` shows both)\n"
    )
    assert b"Vizitas Nr. 7 (pataisyta)" in visit.read_bytes() and b"  - ona\r\n" in visit.read_bytes()  # a CRLF file
    status = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True).stdout
    assert ".rysiai" not in status


def test_in_lithuanian_the_interruption_the_recovery_and_the_lock_are_told_in_lithuanian(template, tmp_path):
    root = fresh_copy(template, tmp_path / "run")
    killed = rysiai(root, *command("mv", root), env={"RYSIAI_TEST_KILL_AT_STEP": "70"})
    assert killed.returncode == -signal.SIGKILL
    report = rysiai(root, "--lang", "lt", "validate")
    [line] = [line for line in report.stdout.splitlines() if "interrupted-change" in line]
    assert ": klaida: [interrupted-change] pakeitimas sustabdytas neįrašius jo iki galo: `rysiai mv talsu-novads " in line
    assert "; jo keičiami failai: 63 failai (contacts/kontaktai.csv, " in line
    assert line.endswith("(paleiskite bet kurią failus keičiančią komandą, pvz., `rysiai fmt`: ji pirmiausia užbaigs šį pakeitimą)")
    release = tmp_path / "go"
    holder = start_rysiai(root, "--lang", "lt", "fmt", env={"RYSIAI_TEST_PAUSE_AT_STEP": f"1:{release}"})
    while not release.with_name("go.paused").exists():
        assert holder.poll() is None, holder.communicate()
        time.sleep(0.05)
    refused = rysiai(root, "--lang", "lt", "mv", "ona-2", "ona-antroji", env={"RYSIAI_LOCK_WAIT": "0.2"})
    assert refused.stderr.startswith(
        "rysiai: klaida: į šią duomenų saugyklą jau rašomas kitas pakeitimas: `rysiai fmt --root "
    )
    assert f"(procesas {holder.pid}), nuo " in refused.stderr and "Laukta 0.2 s; paleiskite komandą dar kartą" in refused.stderr
    release.touch()
    _out, err = holder.communicate(timeout=120)
    assert err.startswith("rysiai: nutrūkęs pakeitimas (`rysiai mv talsu-novads talsu-novado-savivaldybe --root ")
    assert ") užbaigtas: 63 failai (contacts/kontaktai.csv, visits/vizitas-000.yaml, " in err
