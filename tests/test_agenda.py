"""The agenda, with a fixed today: sections in order, then by date."""

import json

from rysiai.agenda import build_agenda
from rysiai.repository import load_repository

PARTNER = "name: Talsi\nkind: municipality\ncountry: LV\n"


def fill(repo):
    repo.write("requests/late.yaml", "subject: Vėluojantis\nreceived: 2026-10-01\n")  # due 10-29
    repo.write("requests/soon.yaml", "subject: Greitai\nreceived: 2026-11-20\ndue: 2026-12-01\n")
    repo.write("requests/done.yaml", "subject: Atsakyta\nreceived: 2026-10-01\nstatus: answered\nanswered: 2026-10-02\n")
    repo.write(
        "visits/v.yaml",
        "title: Vizitas\ndirection: incoming\nstart: 2026-12-03\nfollow_ups:\n"
        "  - task: Padėka\n    due: 2026-11-20\n  - task: Ataskaita\n    due: 2026-11-10\n    done: true\n",
    )
    repo.write("visits/cancelled.yaml", "title: Atšauktas\ndirection: outgoing\nstart: 2026-12-01\nstatus: cancelled\n")
    repo.write(
        "partners/talsi.yaml",
        PARTNER + "reviewed: 2024-11-25\nagreements:\n  - type: sutartis\n    signed: 2016-05-14\n"
        "  - type: planas\n    signed: 2025-01-01\n    until: 2027-01-31\n",
    )
    repo.write("partners/lsa.yaml", "name: LSA\nkind: association\ncountry: LT\nreviewed: 2024-11-26\n")


def test_sections_in_order(repo, cli):
    fill(repo)
    result = cli("agenda", "--root", str(repo.root), "--today", "2026-11-26", "--days", "10")
    assert result.code == 0
    assert result.out == (
        "Overdue:\n"
        "  2026-10-29   28 d. overdue  requests/late.yaml  Vėluojantis — request\n"
        "  2026-11-20    6 d. overdue  visits/v.yaml  Vizitas — follow-up: Padėka\n"
        "Due soon:\n"
        "  2026-12-01         in 5 d.  requests/soon.yaml  Greitai — request\n"
        "Coming up:\n"
        "  2026-12-03         in 7 d.  visits/v.yaml  Vizitas — visit: Atvykstantis\n"
        "Agreement anniversaries this year:\n"
        "  2026-05-14      196 d. ago  partners/talsi.yaml  Talsi — 10 years of sutartis\n"
        "Agreements expiring:\n"
        "  2027-01-31        in 66 d.  partners/talsi.yaml  Talsi — planas ends\n"
        "Not reviewed for a long time:\n"
        "  2024-11-25      731 d. ago  partners/talsi.yaml  Talsi — last reviewed 2024-11-25\n"
    )


def test_json_is_the_library_agenda(repo, cli):
    import datetime as dt

    fill(repo)
    result = cli("agenda", "--root", str(repo.root), "--today", "2026-11-26", "--format", "json")
    payload = json.loads(result.out)
    items = build_agenda(load_repository(repo.root), dt.date(2026, 11, 26), 14)
    assert payload == {"today": "2026-11-26", "days": 14, "items": [item.to_dict() for item in items]}
    assert payload["items"][0] == {
        "section": "overdue", "date": "2026-10-29", "days": 28, "collection": "requests",
        "record": "late", "path": "requests/late.yaml", "title": "Vėluojantis", "what": "request",
        "about": "", "years": 0, "owner": None, "detail": "request",
    }


def test_nothing_on_the_agenda(repo, cli):
    result = cli("agenda", "--root", str(repo.root), "--today", "2026-11-26")
    assert (result.code, result.out) == (0, "Nothing on the agenda as of 2026-11-26.\n")


def test_a_bad_today_is_refused(repo, cli):
    result = cli("agenda", "--root", str(repo.root), "--today", "26.11.2026")
    assert result.code == 2
    assert "argument --today: not a date written YYYY-MM-DD: '26.11.2026'" in result.err


def test_next_anniversary_on_the_agreements_table():
    import datetime as dt

    from rysiai.kinds.agreements import next_anniversary

    today = dt.date(2026, 11, 26)
    assert next_anniversary(dt.date(1999, 5, 14), today) == "2029-05-14 (30)"
    assert next_anniversary(dt.date(2016, 12, 1), today) == "2026-12-01 (10)"  # later this year
    assert next_anniversary(dt.date(2025, 1, 1), today) == "2030-01-01 (5)"
    assert next_anniversary(dt.date(2020, 2, 29), today) == "2030-02-28 (10)"
    assert next_anniversary(None, today) == ""


def test_requests_and_follow_ups_carry_their_owner(repo, cli):
    repo.write("contacts/ona.yaml", "name: Ona Ona\n")
    repo.write("requests/late.yaml", "subject: Vėluojantis\nreceived: 2026-10-01\nowner: ona\n")
    repo.write("requests/nobody.yaml", "subject: Niekieno\nreceived: 2026-10-02\n")
    repo.write(
        "visits/v.yaml",
        "title: Vizitas\ndirection: incoming\nstart: 2026-12-03\nfollow_ups:\n"
        "  - task: Padėka\n    owner: ona\n    due: 2026-11-20\n",
    )
    import datetime as dt

    items = build_agenda(load_repository(repo.root), dt.date(2026, 11, 26))
    assert [(item.record, item.what, item.owner) for item in items if item.section == "overdue"] == [
        ("late", "request", "ona"), ("nobody", "request", None), ("v", "follow-up", "ona"),
    ]
    payload = json.loads(cli("agenda", "--root", str(repo.root), "--today", "2026-11-26", "--format", "json").out)
    assert [item["owner"] for item in payload["items"] if item["section"] == "overdue"] == ["ona", None, "ona"]
