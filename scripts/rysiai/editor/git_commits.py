"""The editor's changes as git commits: one per save, in the signed-in person's name, of the
files that save changed and nothing else; pushed when the editor was told to."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..errors import RysiaiError
from .people import Person

PUSH_SECONDS = 60


class GitError(RysiaiError):
    """git refused: its own words are in the message."""


def is_work_tree(root: Path) -> bool:
    found = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True, text=True)
    return found.returncode == 0 and found.stdout.strip() == "true"


def commit(root: Path, paths: list[str], message: str, person: Person) -> str:
    """Commit the files at ``paths`` (written, new or deleted) alone; the new commit's id."""
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": person.name, "GIT_AUTHOR_EMAIL": person.email,
        "GIT_COMMITTER_NAME": person.name, "GIT_COMMITTER_EMAIL": person.email,
    }
    committing = ["commit", "--quiet", "--no-verify", "--message", message, "--", *paths]
    try:
        # A file git knows (changed or deleted) is committed as it is now without adding it
        # first: one run of git less, over an index of every record file.
        _git(root, committing, environment)
    except GitError:  # a new file: git knows it only once added
        _git(root, ["add", "--all", "--", *paths], environment)
        _git(root, committing, environment)
    return _git(root, ["rev-parse", "HEAD"], environment).strip()


def push(root: Path) -> str | None:
    """Push the current branch; None when it went, else git's words why not."""
    try:
        found = subprocess.run(["git", "push", "--quiet"], cwd=root, capture_output=True, text=True, timeout=PUSH_SECONDS)
    except subprocess.TimeoutExpired:
        return f"git push did not finish in {PUSH_SECONDS} s"
    return None if found.returncode == 0 else (found.stderr.strip() or found.stdout.strip() or "git push failed")


def _git(root: Path, arguments: list[str], environment: dict) -> str:
    found = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, env=environment)
    if found.returncode != 0:
        raise GitError(f"git {arguments[0]}: {found.stderr.strip() or found.stdout.strip()}")
    return found.stdout
