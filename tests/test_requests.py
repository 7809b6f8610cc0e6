"""Requests: deadlines by working days, answered dates, overdue warnings."""

import datetime as dt

import pytest
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository
from rysiai.words.dates import add_working_days, easter_sunday, is_working_day


@pytest.mark.parametrize(
    "received, days, due",
    [
        ("2026-01-30", 20, "2026-03-02"),  # skips weekends and Feb 16
        ("2026-03-31", 5, "2026-04-08"),  # skips Easter Monday, April 6
        ("2026-01-31", 1, "2026-02-02"),  # received on a Saturday, month end
        ("2026-12-22", 3, "2026-12-29"),  # Christmas Eve and both Christmas days
        ("2024-02-28", 1, "2024-02-29"),  # leap day
        ("2026-07-03", 1, "2026-07-07"),  # July 6, Statehood Day, on a Monday
        ("2026-05-04", 0, "2026-05-04"),
    ],
)
def test_working_days(received, days, due):
    assert add_working_days(dt.date.fromisoformat(received), days) == dt.date.fromisoformat(due)


def test_easter():
    assert [easter_sunday(year).isoformat() for year in (2024, 2025, 2026, 2027)] == [
        "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28",
    ]
    assert not is_working_day(dt.date(2027, 3, 29))


def check(repo, today="2026-11-26"):
    repository = load_repository(repo.root)
    repository.today = dt.date.fromisoformat(today)
    return repository, [finding_line(f) for f in check_repository(repository).sorted()]


def test_due_is_computed_when_left_out_and_kept_when_written(repo):
    repo.write("requests/a.yaml", "subject: Kelias\nreceived: 2026-01-30\nstatus: closed\n")
    repo.write("requests/b.yaml", "subject: Šviesos\nreceived: 2026-01-30\ndue: 2026-02-10\nstatus: closed\n")
    repository, texts = check(repo)
    assert texts == []
    assert repository.by_id["a"].typed["due"] == dt.date(2026, 3, 2)
    assert repository.by_id["a"].derived == {"due"}
    assert "due" not in repository.by_id["a"].values  # nothing added to what was written
    assert repository.by_id["b"].typed["due"] == dt.date(2026, 2, 10)


def test_answered_needs_its_date_and_cannot_precede_receipt(repo):
    repo.write("requests/a.yaml", "subject: A\nreceived: 2026-11-02\nstatus: answered\n")
    repo.write("requests/b.yaml", "subject: B\nreceived: 2026-11-02\nstatus: answered\nanswered: 2026-11-01\n")
    _, texts = check(repo)
    assert texts == [
        "requests/a.yaml:3: error: [answer-date] `status` is `answered`, but `answered` (the date "
        "of the answer) is missing (add a line `answered: YYYY-MM-DD`)",
        "requests/b.yaml:4: error: [date-order] `answered` (2026-11-01) is before `received` "
        "(2026-11-02) (check both dates)",
    ]


def test_an_open_request_past_its_deadline_is_a_warning(repo):
    repo.write("requests/a.yaml", "subject: A\nreceived: 2026-10-01\n")  # due 2026-10-29
    repo.write("requests/b.yaml", "subject: B\nreceived: 2026-10-01\ndue: 2026-11-20\nstatus: forwarded\n")
    repo.write("requests/c.yaml", "subject: C\nreceived: 2026-10-01\nstatus: answered\nanswered: 2026-11-02\n")
    repo.write("requests/d.yaml", "subject: D\nreceived: 2026-11-20\n")  # due in December
    _, texts = check(repo)
    assert texts == [
        "requests/a.yaml:2: warning: [overdue] the reply was due on 2026-10-29: 28 day(s) overdue "
        "(answer it and set `status: answered` with the date, or set a new `due` date)",
        "requests/b.yaml:3: warning: [overdue] the reply was due on 2026-11-20: 6 day(s) overdue "
        "(answer it and set `status: answered` with the date, or set a new `due` date)",
    ]


def test_event_times_are_days_or_vilnius_times(repo):
    repo.write("events/a.yaml", "title: A\nstart: 2026-12-10 10:00\nend: 2026-12-10 09:30\n")
    repo.write("events/b.yaml", "title: B\nstart: 2026-12-10 25:00\n")
    repo.write("events/c.yaml", "title: C\nstart: 10.12.2026\n")
    repo.write("events/d.yaml", "title: D\nstart: 2026-12-10\nend: 2026-12-10 18:00\n")
    _, texts = check(repo)
    assert texts == [
        "events/a.yaml:3: error: [date-order] `end` (2026-12-10 09:30) is before `start` "
        "(2026-12-10 10:00) (check both dates)",
        "events/b.yaml:2: error: [date] `start` is `2026-12-10 25:00`: no such time of day (write "
        "a day, 2026-12-03, or a day and time in Vilnius, 2026-12-03 10:30)",
        "events/c.yaml:2: error: [date] `start` is `10.12.2026`: not written as YYYY-MM-DD or "
        "YYYY-MM-DD HH:MM (write a day, 2026-12-03, or a day and time in Vilnius, 2026-12-03 10:30)",
    ]


def test_parse_moment_is_aware_of_vilnius_time():
    from rysiai.words.dates import parse_moment

    summer = parse_moment("2026-07-01 10:00")
    winter = parse_moment("2026-12-01T10:00")
    assert summer.utcoffset() == dt.timedelta(hours=3)
    assert winter.utcoffset() == dt.timedelta(hours=2)
    assert parse_moment("2026-12-01") == dt.date(2026, 12, 1)
