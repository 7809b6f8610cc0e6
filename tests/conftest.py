"""Shared fixtures: an empty data repository in a temporary folder, and running the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# The suite's expected messages are written in English, the source language of the catalogues;
# the tests of the Lithuanian words ask for Lithuanian (tests/test_language.py). Set before
# Ryšiai is imported: it reads the environment once, and each command again.
os.environ["LANGUAGE"] = "en"

import pytest  # noqa: E402
from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from rysiai.cli import main  # noqa: E402
from rysiai.language import use_language  # noqa: E402
from rysiai.editing.new_repository import create_repository  # noqa: E402

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


@pytest.fixture(autouse=True)
def language_of_the_environment():
    """Each test starts in the environment's language, whatever the one before asked for."""
    use_language()
    yield
    use_language()


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


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (the browser tests skip where it is missing)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()
