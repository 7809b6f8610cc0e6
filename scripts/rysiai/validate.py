"""Validation: loads a data repository and runs every check into one report."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
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
    places,
    references,
)
from .editing.recovery import interrupted_change_findings
from .errors import InvalidData
from .findings import Finding, Report
from .kept_results import KEPT
from .loading.file_memo import FileMemo
from .privacy import checks as privacy_checks
from .privacy.public_site import refuse_unpublished_names
from .reports import town_check
from .repository import Repository, load_repository, paused_garbage_collection
from .second_process import forked_pool, second_process_pays

CHECKS = (
    fields.check, ids.check, references.check, dates.check, contact_points.check, codes.check,
    duplicates.check, deadlines.check, privacy_checks.check_personal_data,
    privacy_checks.check_public_texts, places.check, town_check.check,
)
# The checks a second process runs on a large repository: the ones that call the slower
# libraries value by value, the scan of every text for personal codes and the comparison of
# names for duplicates; the search of public texts for people who are not published (the
# largest single check) stays here. Each process then has about half of the checking time at
# 20k records (measured with `time.process_time()` per check). The partner towns' check goes
# there too: where some town has no coordinates, the gazetteer is read in that process, and its
# memory is given back when that process ends.
SECOND_PROCESS_CHECKS = (
    contact_points.check, codes.check, duplicates.check, privacy_checks.check_personal_data,
    town_check.check,
)
# Below this many records a second process costs more than it saves.
PARALLEL_FROM = 5000
# The checks whose findings about a record depend on that record alone (with the schema and
# today): a process that checks the same repository again (`rysiai serve`, with a CheckMemo)
# runs them only on the records that changed. A check that compares records is not one of them.
PER_RECORD_CHECKS = (
    fields.check, dates.check, contact_points.check, codes.check, deadlines.check,
    privacy_checks.check_personal_data,
)

_shared_repository: Repository | None = None


class CheckMemo:
    """What the checks of PER_RECORD_CHECKS found about each record, for the record objects seen
    before (a loading with a FileMemo keeps the objects of files that did not change)."""

    def __init__(self):
        self.today: dt.date | None = None
        self._found: dict[int, tuple[object, list[Finding]]] = {}
        self.public_texts = privacy_checks.PublicTextsMemo()

    def check(self, repository: Repository) -> list[Finding]:
        if repository.today != self.today:
            self.today, self._found = repository.today, {}
        counts = Counter(record.id for record in repository.records)
        # A finding names its record by id: records sharing an id (an error) are checked anew.
        new = [
            record for record in repository.records
            if counts[record.id] > 1 or self._found.get(id(record), (None,))[0] is not record
        ]
        by_id: dict[str, list[Finding]] = {record.id: [] for record in new}
        for check in PER_RECORD_CHECKS:
            for finding in check(dataclasses.replace(repository, records=new)):
                if finding.record not in by_id:  # not about one of them: nothing can be kept
                    self._found = {}
                    return [finding for check in PER_RECORD_CHECKS for finding in check(repository)]
                by_id[finding.record].append(finding)
        found = {}
        for record in repository.records:
            if counts[record.id] == 1:
                known = self._found.get(id(record))
                found[id(record)] = known if known is not None and known[0] is record else (record, by_id[record.id])
        self._found = found
        repeated = [finding for key, count in counts.items() if count > 1 for finding in by_id.get(key, [])]
        return [finding for _record, findings in found.values() for finding in findings] + repeated


def check_repository(repository: Repository, *, parallel: bool | None = None, memo: CheckMemo | None = None) -> Report:
    """Every finding about a loaded repository: loading problems first, then each check's.

    ``parallel`` runs some checks in a second process (by default: on large repositories,
    where second_process_pays says so). With ``memo``, the checks of a record alone run only on
    records not seen before, and public texts seen before are not searched again while the
    people looked for in them are the same.
    """
    report = Report(list(repository.findings))
    report.extend(interrupted_change_findings(repository.root))
    if parallel is None:
        parallel = memo is None and second_process_pays(len(repository.records), PARALLEL_FROM)
    with paused_garbage_collection():
        if memo is not None:
            report.extend(memo.check(repository))
            for check in CHECKS:
                if check is privacy_checks.check_public_texts:
                    report.extend(check(repository, memo=memo.public_texts))
                elif check not in PER_RECORD_CHECKS:
                    report.extend(check(repository))
        elif parallel:
            report.extend(_check_in_two_processes(repository))
        else:
            for check in CHECKS:
                report.extend(check(repository))
    return report


def validate(root: Path) -> Report:
    """Load the data repository at ``root`` and check it."""
    return check_repository(load_repository(root))


def load_valid_repository(
    root: Path, *, public: bool = False, memo: FileMemo | None = None, checked: CheckMemo | None = None
) -> tuple[Repository, Report]:
    """The repository at ``root`` and its report, for work that needs valid records (a site
    build): raises InvalidData when it has errors, and for a public build also where a public
    text names a person who is not published. ``memo``: see load_repository; ``checked``: see
    check_repository."""
    repository = load_repository(root, memo)
    report = check_repository(repository, memo=checked)
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
            found, used = there.result()
            findings.extend(found)
            KEPT.add(used)  # what it looked up in the gazetteer, for the next build to keep
    except (OSError, BrokenProcessPool):  # no second process to be had: do it all here
        findings = [finding for check in CHECKS for finding in check(repository)]
    finally:
        _shared_repository = None
    return findings


def _run_shared(numbers: list[int]) -> tuple[list[Finding], dict]:
    """In the forked process: run these checks (by their place in CHECKS) on the repository
    inherited from the parent; their findings, and the slow look-ups' results they used."""
    findings = [finding for number in numbers for finding in CHECKS[number](_shared_repository)]
    return findings, KEPT.used
