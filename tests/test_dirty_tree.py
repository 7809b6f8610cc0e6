"""Naming the files a change touches that hold uncommitted changes of their own (real git)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from rysiai.editing.dirty_tree import uncommitted_changes


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], check=True, capture_output=True)


def test_changed_added_deleted_renamed_and_untracked_files_are_named(tmp_path):
    root = tmp_path / "repository" / "data"  # the data repository may be a folder of a larger one
    for name in ("contacts/clean.yaml", "contacts/edited.yaml", "contacts/deleted.yaml", "contacts/moved.yaml", "visits/v.yaml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"name: {name}\n")
    git(tmp_path / "repository", "init", "-q")
    git(tmp_path / "repository", "add", ".")
    git(tmp_path / "repository", "commit", "-qm", "records")
    (root / "contacts" / "edited.yaml").write_text("name: changed by hand\n")
    (root / "contacts" / "deleted.yaml").unlink()
    git(root, "mv", "contacts/moved.yaml", "contacts/renamed.yaml")
    (root / "contacts" / "new ą.yaml").write_text("name: new\n")
    (root / "contacts" / "staged.yaml").write_text("name: staged\n")
    git(root, "add", "contacts/staged.yaml")
    (root / "visits" / "v.yaml").write_text("name: changed, but not touched by the change\n")
    touched = [root / "contacts" / name for name in (
        "clean.yaml", "edited.yaml", "deleted.yaml", "moved.yaml", "renamed.yaml", "new ą.yaml", "staged.yaml", "never.yaml",
    )]
    assert [path.name for path in uncommitted_changes(root, touched)] == [
        "deleted.yaml", "edited.yaml", "moved.yaml", "new ą.yaml", "renamed.yaml", "staged.yaml",
    ]
    assert uncommitted_changes(root, []) == []


def test_outside_git_nothing_is_named(tmp_path):
    (tmp_path / "a.yaml").write_text("name: a\n")
    assert uncommitted_changes(tmp_path, [tmp_path / "a.yaml"]) == []
