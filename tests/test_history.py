"""Last changes from git, in one `git log`."""

import subprocess

from rysiai.site.history import last_changes


def git(root, *args):
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Registro tvarkytoja", "-c", "user.email=r@example.org",
         *args],
        check=True, capture_output=True,
    )


def test_last_change_per_file_with_lithuanian_names(tmp_path):
    (tmp_path / "contacts").mkdir()
    (tmp_path / "contacts" / "bendruomenės.csv").write_text("id,name\n", encoding="utf-8")
    (tmp_path / "contacts" / "ona.yaml").write_text("name: Ona\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "pirmas")
    (tmp_path / "contacts" / "ona.yaml").write_text("name: Ona P.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "antras")
    changes = last_changes(tmp_path, ["contacts"])
    assert sorted(changes) == ["contacts/bendruomenės.csv", "contacts/ona.yaml"]
    assert changes["contacts/ona.yaml"].author == "Registro tvarkytoja"
    assert changes["contacts/ona.yaml"].date >= changes["contacts/bendruomenės.csv"].date


def test_no_git_repository_gives_no_changes(tmp_path):
    assert last_changes(tmp_path, ["contacts"]) == {}


def test_git_reads_the_history_beside_other_work_without_waiting_for_a_reader(tmp_path):
    """The build starts `git log` before loading the records and reads its answer after; an
    answer larger than a pipe holds (64 KB) must not keep git waiting meanwhile."""
    from rysiai.site.history import ChangesRead

    folder = tmp_path / "contacts"
    folder.mkdir()
    for number in range(2000):
        (folder / f"asmuo-su-gana-ilgu-failo-pavadinimu-{number:05}.yaml").write_text("name: A\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "pirmas")
    read = ChangesRead.start(tmp_path, ["contacts"])
    assert read._process.wait(timeout=60) == 0  # done with nobody reading
    changes = read.result()
    assert len(changes) == 2000 and changes["contacts/asmuo-su-gana-ilgu-failo-pavadinimu-01999.yaml"].author == "Registro tvarkytoja"


def test_a_history_no_longer_wanted_stops_git(tmp_path):
    from rysiai.site.history import ChangesRead

    (tmp_path / "contacts").mkdir()
    git(tmp_path, "init", "-q")
    read = ChangesRead.start(tmp_path, ["contacts"])
    read.close()
    assert read._process.poll() is not None and read._output.closed
