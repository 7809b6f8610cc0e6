"""Validation: loads a data repository and runs every check into one report."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .checks import (
    codes,
    contact_points,
    dates,
    deadlines,
    duplicates,
    fields,
    ids,
    references,
)
from .editing.recovery import interrupted_change_findings
from .errors import InvalidData
from .findings import Finding, Report
from .loading.file_memo import FileMemo
from .privacy import checks as privacy_checks
from .privacy.public_site import refuse_unpublished_names
from .repository import Repository, load_repository, paused_garbage_collection
from .second_process import forked_pool, second_process_pays

CHECKS = (
    fields.check, ids.check, references.check, dates.check, contact_points.check, codes.check,
    duplicates.check, deadlines.check, privacy_checks.check_personal_data,
    privacy_checks.check_public_texts,
)
# The checks a second process runs on a large repository: the ones that call the slower
# libraries value by value, the scan of every text for personal codes and the comparison of
# names for duplicates; the search of public texts for people who are not published (the
# largest single check) stays here. Each process then has about half of the checking time at
# 20k records (measured with `time.process_time()` per check).
SECOND_PROCESS_CHECKS = (
    contact_points.check, codes.check, duplicates.check, privacy_checks.check_personal_data,
)
# Below this many records a second process costs more than it saves.
PARALLEL_FROM = 5000

_shared_repository: Repository | None = None


def check_repository(repository: Repository, *, parallel: bool | None = None) -> Report:
    """Every finding about a loaded repository: loading problems first, then each check's.

    ``parallel`` runs some checks in a second process (by default: on large repositories,
    where second_process_pays says so).
    """
    report = Report(list(repository.findings))
    report.extend(interrupted_change_findings(repository.root))
    if parallel is None:
        parallel = second_process_pays(len(repository.records), PARALLEL_FROM)
    with paused_garbage_collection():
        if parallel:
            report.extend(_check_in_two_processes(repository))
        else:
            for check in CHECKS:
                report.extend(check(repository))
    return report


def validate(root: Path) -> Report:
    """Load the data repository at ``root`` and check it."""
    return check_repository(load_repository(root))


def load_valid_repository(root: Path, *, public: bool = False, memo: FileMemo | None = None) -> tuple[Repository, Report]:
    """The repository at ``root`` and its report, for work that needs valid records (a site
    build): raises InvalidData when it has errors, and for a public build also where a public
    text names a person who is not published. ``memo``: see load_repository."""
    repository = load_repository(root, memo)
    report = check_repository(repository)
    if not report.valid:
        raise InvalidData(report)
    if public:
        refuse_unpublished_names(report)
    return repository, report


def _check_in_two_processes(repository: Repository) -> list[Finding]:
    """Run SECOND_PROCESS_CHECKS in a forked process, which sees the loaded records without
    copying them; only its findings travel back. The other checks run here meanwhile."""
    global _shared_repository
    _shared_repository = repository
    here = [check for check in CHECKS if check not in SECOND_PROCESS_CHECKS]
    try:
        with forked_pool() as pool:
            there = pool.submit(_run_shared, [CHECKS.index(check) for check in SECOND_PROCESS_CHECKS])
            findings = [finding for check in here for finding in check(repository)]
            findings.extend(there.result())
    except (OSError, BrokenProcessPool):  # no second process to be had: do it all here
        findings = [finding for check in CHECKS for finding in check(repository)]
    finally:
        _shared_repository = None
    return findings


def _run_shared(numbers: list[int]) -> list[Finding]:
    """In the forked process: run these checks (by their place in CHECKS) on the repository
    inherited from the parent."""
    return [finding for number in numbers for finding in CHECKS[number](_shared_repository)]
