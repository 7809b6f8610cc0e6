"""Shared fixtures: an empty data repository in a temporary folder, and running the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from rysiai.cli import main
from rysiai.scaffold import create_repository

PROJECT = Path(__file__).resolve().parent.parent


class DataRepository:
    """A new data repository made by `rysiai init`, with a helper to write record files."""

    def __init__(self, root: Path):
        self.root = root
        create_repository(root)

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path


@pytest.fixture
def repo(tmp_path: Path) -> DataRepository:
    return DataRepository(tmp_path / "data")


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run `rysiai ARGS` in-process (optionally in a folder); returns exit code, stdout, stderr."""

    def run(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
