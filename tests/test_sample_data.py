"""The sample data of this repository validates with no errors and no warnings."""

import datetime as dt

from conftest import PROJECT
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository

# The sample's open requests fall due in December 2026: checked as of a fixed day.
AS_OF = dt.date(2026, 11, 26)


def test_sample_data_has_no_findings():
    repository = load_repository(PROJECT)
    repository.today = AS_OF
    report = check_repository(repository)
    assert [finding_line(finding) for finding in report.sorted()] == []


def test_sample_data_is_big_enough_to_make_pages_meaningful():
    repository = load_repository(PROJECT)
    counts = {name: len(repository.collection(name)) for name in repository.schema.collections}
    assert counts["partners"] >= 40
    assert counts["contacts"] >= 80
    assert counts["associations"] >= 20
    assert counts["visits"] >= 25
    assert counts["requests"] >= 5
    assert any(record.path.endswith(".csv") for record in repository.collection("contacts"))
