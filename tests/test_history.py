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
