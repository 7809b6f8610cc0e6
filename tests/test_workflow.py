"""Workflow warnings: a follow-up not done past its due date is overdue like a request; an
agreement past its end that still says it is signed is a warning; an agreement that has ended
has no anniversaries and does not expire again on the agenda."""

import datetime as dt

from rysiai.agenda import build_agenda
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository

PARTNER = "name: Talsi\nkind: municipality\ncountry: LV\n"


def lines(repo, today: dt.date) -> list[str]:
    repository = load_repository(repo.root)
    repository.today = today
    return [finding_line(f) for f in check_repository(repository).sorted()]


def test_a_follow_up_past_its_due_date_and_not_done_is_overdue(repo):
    repo.write(
        "visits/v.yaml",
        "title: Vizitas\ndirection: incoming\nstart: 2026-10-03\nfollow_ups:\n"
        "  - task: Padėka\n    due: 2026-11-20\n"  # line 5: overdue
        "  - task: Ataskaita\n    due: 2026-11-10\n    done: true\n"  # done: no warning
        "  - task: Nuotraukos\n    due: 2026-11-26\n"  # due today: not yet overdue
        "  - task: Be termino\n",  # no due date: nothing to be late for
    )
    assert lines(repo, dt.date(2026, 11, 26)) == [
        "visits/v.yaml:6: warning: [overdue] the follow-up `Padėka` was due on 2026-11-20: 6 day(s) "
        "overdue (do it and set `done: true`, or set a new `due` date)",
    ]


def test_an_agreement_past_its_end_that_still_says_signed_is_a_warning(repo):
    repo.write(
        "partners/talsi.yaml",
        PARTNER + "agreements:\n"
        "  - type: planas\n    signed: 2020-01-01\n    until: 2026-01-31\n    status: signed\n"  # line 5-8
        "  - type: sutartis\n    signed: 2016-05-14\n    until: 2026-01-31\n    status: expired\n"
        "  - type: memorandumas\n    signed: 2016-05-14\n    until: 2026-11-26\n    status: signed\n",
    )
    assert lines(repo, dt.date(2026, 11, 26)) == [
        "partners/talsi.yaml:8: warning: [agreement-ended] the agreement `planas` was valid until "
        "2026-01-31, but its `status` still says `signed` (set `status: expired` (or `ended`), or "
        "write the new `until` date if it was extended)",
    ]


def test_an_ended_agreement_has_no_anniversaries_and_does_not_expire_again(repo):
    repo.write(
        "partners/talsi.yaml",
        PARTNER + "agreements:\n"
        "  - type: nutraukta\n    signed: 2016-05-14\n    status: ended\n"
        "  - type: pasibaigusi\n    signed: 2016-06-14\n    until: 2027-01-01\n    status: expired\n"
        "  - type: iki-pabaigos\n    signed: 2016-07-14\n    until: 2026-03-01\n"
        "  - type: galiojanti\n    signed: 2016-08-14\n    until: 2027-01-01\n",
    )
    items = build_agenda(load_repository(repo.root), dt.date(2026, 11, 26))
    assert [(item.section, item.about, item.date.isoformat()) for item in items] == [
        ("anniversary", "galiojanti", "2026-08-14"),
        ("expiring", "galiojanti", "2027-01-01"),
    ]
