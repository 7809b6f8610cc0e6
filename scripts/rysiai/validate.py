"""Validation: loads a data repository and runs every check into one report."""

from __future__ import annotations

from pathlib import Path

from .checks import codes, contact_points, dates, duplicates, fields, ids, references
from .findings import Report
from .repository import Repository, load_repository, paused_garbage_collection

CHECKS = (fields, ids, references, dates, contact_points, codes, duplicates)


def check_repository(repository: Repository) -> Report:
    """Every finding about a loaded repository: loading problems first, then each check's."""
    report = Report(list(repository.findings))
    with paused_garbage_collection():
        for module in CHECKS:
            report.extend(module.check(repository))
    return report


def validate(root: Path) -> Report:
    """Load the data repository at ``root`` and check it."""
    return check_repository(load_repository(root))
