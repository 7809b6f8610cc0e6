"""Calendar feeds: parsed back with icalendar and, independently, with vobject."""

import datetime as dt

import icalendar
import vobject
from rysiai.export.calendar import calendar_feed, entry_file
from rysiai.repository import load_repository

STAMP = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.timezone.utc)


def fill(repo):
    repo.write("partners/talsi.yaml", "name: Talsi\nkind: municipality\ncountry: LV\n")
    repo.write(
        "visits/talsi-2026.yaml",
        "title: Talsų delegacija\ndirection: incoming\nstart: 2026-06-27\nend: 2026-06-28\n"
        "place: Prienai\npurpose: Veiksmų planas\nfollow_ups:\n  - task: Padėka\n    due: 2026-07-15\n"
        "  - task: Ataskaita\n    due: 2026-07-10\n    done: true\n",
    )
    repo.write("visits/cancelled.yaml", "title: Atšauktas\ndirection: outgoing\nstart: 2026-09-01\nstatus: cancelled\n")
    repo.write("events/krpt.yaml", "title: KRPT posėdis\nkind: krpt\nstart: 2026-12-10 10:00\nend: 2026-12-10 12:30\n")
    repo.write("events/priemimas.yaml", "title: Priėmimas\nkind: reception\nstart: 2027-01-15\n")
    repo.write("requests/open.yaml", "subject: Kelias, tiltas; ir kt.\nreceived: 2026-11-20\n")
    repo.write("requests/done.yaml", "subject: Atsakyta\nreceived: 2026-11-02\nstatus: answered\nanswered: 2026-11-03\n")


def feed(repo, name="calendar"):
    return calendar_feed(load_repository(repo.root), name, site_url="https://intra.example/r/", stamp=STAMP)


def test_everything_in_the_calendar_with_stable_uids(repo):
    fill(repo)
    first, second = feed(repo), feed(repo)
    assert first == second  # the same data and stamp give the same feed
    calendar = icalendar.Calendar.from_ical(first)
    uids = sorted(str(event["uid"]) for event in calendar.walk("VEVENT"))
    assert uids == [
        "events-krpt@rysiai", "events-priemimas@rysiai", "requests-open-due@rysiai",
        "visits-cancelled@rysiai", "visits-talsi-2026-follow-up-1@rysiai", "visits-talsi-2026@rysiai",
    ]


def test_all_day_and_timed_entries_in_vilnius_time(repo):
    fill(repo)
    events = {str(e["uid"]): e for e in icalendar.Calendar.from_ical(feed(repo)).walk("VEVENT")}
    visit = events["visits-talsi-2026@rysiai"]
    assert visit.decoded("dtstart") == dt.date(2026, 6, 27)
    assert visit.decoded("dtend") == dt.date(2026, 6, 29)  # exclusive end: the 28th is included
    assert str(visit["location"]) == "Prienai"
    assert str(visit["url"]) == "https://intra.example/r/visits/talsi-2026/"
    meeting = events["events-krpt@rysiai"]
    assert meeting["dtstart"].params["TZID"] == "Europe/Vilnius"
    assert meeting.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)
    assert meeting.decoded("dtend").hour == 12
    assert str(events["visits-cancelled@rysiai"]["status"]) == "CANCELLED"
    deadline = events["requests-open-due@rysiai"]
    assert str(deadline["summary"]) == "Atsakyti: Kelias, tiltas; ir kt."
    assert deadline.decoded("dtstart") == dt.date(2026, 12, 18)  # 20 working days after receipt


def test_a_second_parser_reads_the_same(repo):
    fill(repo)
    parsed = vobject.readOne(feed(repo).decode("utf-8"))
    entries = {entry.uid.value: entry for entry in parsed.vevent_list}
    assert len(entries) == 6
    assert entries["events-krpt@rysiai"].dtstart.value == dt.datetime(
        2026, 12, 10, 10, 0, tzinfo=entries["events-krpt@rysiai"].dtstart.value.tzinfo
    )
    assert entries["events-krpt@rysiai"].dtstart.value.utcoffset() == dt.timedelta(hours=2)
    assert entries["requests-open-due@rysiai"].summary.value == "Atsakyti: Kelias, tiltas; ir kt."
    assert entries["visits-talsi-2026@rysiai"].dtstart.value == dt.date(2026, 6, 27)
    assert all(entry.dtstamp.value == STAMP for entry in entries.values())


def test_feeds_by_kind(repo):
    fill(repo)
    def uids(name):
        return sorted(str(e["uid"]) for e in icalendar.Calendar.from_ical(feed(repo, name)).walk("VEVENT"))
    assert uids("events") == ["events-krpt@rysiai", "events-priemimas@rysiai"]
    assert uids("visits") == ["visits-cancelled@rysiai", "visits-talsi-2026@rysiai"]
    assert uids("deadlines") == ["requests-open-due@rysiai", "visits-talsi-2026-follow-up-1@rysiai"]


def test_feeds_are_named_in_lithuanian(repo):
    fill(repo)
    names = {name: str(icalendar.Calendar.from_ical(feed(repo, name))["x-wr-calname"])
             for name in ("calendar", "visits", "events", "deadlines")}
    assert names == {"calendar": "Ryšiai: kalendorius", "visits": "Ryšiai: Vizitai",
                     "events": "Ryšiai: Renginiai", "deadlines": "Ryšiai: terminai"}


def test_one_entry_in_its_own_file_with_the_feeds_uid(repo):
    fill(repo)
    repository = load_repository(repo.root)
    krpt = repository.by_id["krpt"]
    calendar = icalendar.Calendar.from_ical(entry_file(repository, krpt, stamp=STAMP))
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == "events-krpt@rysiai"
    assert str(event["summary"]) == "KRPT posėdis"
    assert str(calendar["x-wr-calname"]) == "KRPT posėdis"
    assert event.decoded("dtstart").isoformat() == "2026-12-10T10:00:00+02:00"
    assert entry_file(repository, repository.by_id["open"]) is None  # a request: no entry


def test_export_ics_command(repo, tmp_path, cli):
    fill(repo)
    result = cli("export", "ics", "--root", str(repo.root), "--feed", "events")
    assert result.code == 0
    assert result.out.startswith("BEGIN:VCALENDAR\r\n")
    target = tmp_path / "events.ics"
    assert cli("export", "ics", "--root", str(repo.root), "-o", str(target)).code == 0
    again = cli("export", "ics", "--root", str(repo.root), "-o", str(target))
    assert again.code == 2
    assert again.err == f"rysiai: error: {target} already exists; nothing written (use --force to replace)\n"


def test_the_site_has_the_feeds(repo, tmp_path):
    from rysiai.site_build.build import build_site

    fill(repo)
    site = build_site(repo.root, tmp_path / "site")
    for name in ("calendar", "visits", "events", "deadlines"):
        assert icalendar.Calendar.from_ical((site / f"{name}.ics").read_bytes())
    assert 'href="visits.ics"' in (site / "index.html").read_text(encoding="utf-8")
