"""Validation: loads a data repository and runs every check into one report."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .checks import (
    codes,
    contact_points,
    dates,
    duplicates,
    fields,
    ids,
    privacy,
    publication,
    references,
    requests,
)
from .findings import Finding, Report
from .repository import Repository, load_repository, paused_garbage_collection
from .second_process import forked_pool, second_process_pays

CHECKS = (
    fields, ids, references, dates, contact_points, codes, duplicates, requests, privacy, publication,
)
# The checks a second process runs on a large repository: the ones that call the slower
# libraries value by value, and the scan of every text for personal codes (together about
# half of the checking time at 20k records).
SECOND_PROCESS_CHECKS = (contact_points, codes, privacy)
# Below this many records a second process costs more than it saves.
PARALLEL_FROM = 5000

_shared_repository: Repository | None = None


def check_repository(repository: Repository, *, parallel: bool | None = None) -> Report:
    """Every finding about a loaded repository: loading problems first, then each check's.

    ``parallel`` runs some checks in a second process (by default: on large repositories,
    where second_process_pays says so).
    """
    report = Report(list(repository.findings))
    if parallel is None:
        parallel = second_process_pays(len(repository.records), PARALLEL_FROM)
    with paused_garbage_collection():
        if parallel:
            report.extend(_check_in_two_processes(repository))
        else:
            for module in CHECKS:
                report.extend(module.check(repository))
    return report


def validate(root: Path) -> Report:
    """Load the data repository at ``root`` and check it."""
    return check_repository(load_repository(root))


def _check_in_two_processes(repository: Repository) -> list[Finding]:
    """Run SECOND_PROCESS_CHECKS in a forked process, which sees the loaded records without
    copying them; only its findings travel back. The other checks run here meanwhile."""
    global _shared_repository
    _shared_repository = repository
    here = [module for module in CHECKS if module not in SECOND_PROCESS_CHECKS]
    try:
        with forked_pool() as pool:
            there = pool.submit(_run_shared, [module.__name__ for module in SECOND_PROCESS_CHECKS])
            findings = [finding for module in here for finding in module.check(repository)]
            findings.extend(there.result())
    except (OSError, BrokenProcessPool):  # no second process to be had: do it all here
        findings = [finding for module in CHECKS for finding in module.check(repository)]
    finally:
        _shared_repository = None
    return findings


def _run_shared(module_names: list[str]) -> list[Finding]:
    """In the forked process: run the named checks on the repository inherited from the parent."""
    by_name = {module.__name__: module for module in CHECKS}
    return [
        finding for name in module_names for finding in by_name[name].check(_shared_repository)
    ]
