"""The interaction log: `rysiai log`, bad inputs with exact findings, follow-ups on the agenda,
entries in the calendar feeds but not among what is coming, and every person's timeline."""

import datetime as dt
import subprocess

import icalendar
import pytest
from rysiai.agenda import build_agenda
from rysiai.export.calendar import calendar_feed
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.site.context import SiteContext
from rysiai.site.pages import site_pages
from rysiai.validate import check_repository

TODAY = dt.date(2026, 12, 2)


def fill(repo):
    repo.write("partners/talsi.yaml", "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\n")
    repo.write("contacts/ona-b.yaml", "name: Ona Bružienė\norganization: talsi\nemail: ona@talsi.lv\n")
    repo.write("contacts/ausra.yaml", "name: Aušra Kalvaitė\nemail: Ausra.Kalvaite@prienai.lt\n")
    repo.write("visits/v.yaml", "title: Talsų delegacija\ndirection: incoming\nstart: 2026-12-03\npartners: [talsi]\n")
    repo.write(
        "interactions/2026-11-20-skambutis.yaml",
        "date: 2026-11-20\ntime: '10:30'\nkind: call\nwith: [ona-b, talsi]\nby: ausra\n"
        "subject: Delegacijos programa\nsummary: |\n  Ona Bružienė atsiųs programą.\n"
        "follow_ups:\n  - task: Gauti programą\n    owner: ausra\n    due: 2026-11-27\n"
        "  - task: Užsakyti viešbutį\n    due: 2026-12-05\n  - task: Padėka\n    due: 2026-11-10\n    done: true\n"
        "related: [v]\n",
    )


def texts(repo, today=dt.date(2026, 11, 25)):
    """The findings as of ``today`` (by default before any follow-up of the fixture is due)."""
    repository = load_repository(repo.root)
    repository.today = today
    return [finding_line(f) for f in check_repository(repository).sorted()]


def test_a_follow_up_past_its_due_date_is_overdue(repo):
    fill(repo)
    assert texts(repo, TODAY) == [
        "interactions/2026-11-20-skambutis.yaml:12: warning: [overdue] the follow-up `Gauti programą` was due "
        "on 2026-11-27: 5 day(s) overdue (do it and set `done: true`, or set a new `due` date)",
    ]


def test_a_good_entry_has_no_findings(repo):
    fill(repo)
    assert texts(repo) == []


def test_bad_entries_have_exact_findings(repo):
    fill(repo)
    repo.write(
        "interactions/blogas.yaml",
        "date: 2026-13-01\ntime: '25:00'\nkind: skambutis\nwith: [ona, talsi]\nsubject: Blogas\n"
        "related: [talsi]\nfollow_ups:\n  - task: X\n    owner: jonas\n    due: rytoj\n",
    )
    repo.write("interactions/tuscias.yaml", "subject: Be datos\n")
    assert texts(repo) == [
        "interactions/blogas.yaml:1: error: [date] `date` is `2026-13-01`: no such day in the calendar "
        "(write a real date as YYYY-MM-DD, e.g. 2024-05-17)",
        "interactions/blogas.yaml:2: error: [pattern] `time` is `25:00`, which does not match the "
        "pattern `([01][0-9]|2[0-3]):[0-5][0-9]`",
        "interactions/blogas.yaml:3: error: [enum] `kind` is `skambutis`, which is not allowed: use "
        "`call` (Skambutis), `letter` (Raštas), `email` (El. laiškas), `meeting` (Susitikimas) or `other` (Kita)",
        "interactions/blogas.yaml:4: error: [reference] `with` refers to `ona`, but no contacts, "
        "partners or associations record has that id (did you mean `ona-b`?)",
        "interactions/blogas.yaml:6: error: [reference-kind] `related` refers to `talsi`, which is a "
        "record of partners; it must be one of visits, requests, projects or events",
        "interactions/blogas.yaml:9: error: [reference] `follow_ups[1].owner` refers to `jonas`, but "
        "no contacts record has that id",
        "interactions/blogas.yaml:10: error: [date] `follow_ups[1].due` is `rytoj`: not written as "
        "YYYY-MM-DD (write a real date as YYYY-MM-DD, e.g. 2024-05-17)",
        "interactions/tuscias.yaml:1: error: [required] required field `date` (Data) is missing or "
        "empty (add a line `date: …`)",
        "interactions/tuscias.yaml:1: error: [required] required field `kind` (Būdas) is missing or "
        "empty (add a line `kind: …`)",
        "interactions/tuscias.yaml:1: error: [required] required field `with` (Su kuo) is missing or "
        "empty (add a line `with: …`)",
    ]


def test_follow_ups_on_the_agenda_but_the_entry_is_not_coming(repo):
    fill(repo)
    repo.write(
        "interactions/2026-12-04-susitikimas.yaml",
        "date: 2026-12-04\nkind: meeting\nwith: [ona-b]\nsubject: Susitikimas\n",
    )
    items = build_agenda(load_repository(repo.root), TODAY, 14)
    assert [(i.section, i.date.isoformat(), i.record, i.what, i.about) for i in items] == [
        ("overdue", "2026-11-27", "2026-11-20-skambutis", "follow-up", "Gauti programą"),
        ("due-soon", "2026-12-05", "2026-11-20-skambutis", "follow-up", "Užsakyti viešbutį"),
        ("upcoming", "2026-12-03", "v", "visit", "Atvykstantis"),
    ]


def test_entries_are_in_the_calendar_feeds(repo):
    fill(repo)
    repository = load_repository(repo.root)
    feed = icalendar.Calendar.from_ical(calendar_feed(repository, "interactions"))
    (entry,) = feed.walk("VEVENT")
    assert (str(entry["uid"]), str(entry["summary"]), entry["dtstart"].dt) == (
        "interactions-2026-11-20-skambutis@rysiai", "Delegacijos programa", dt.date(2026, 11, 20),
    )
    deadlines = icalendar.Calendar.from_ical(calendar_feed(repository, "deadlines"))
    assert sorted(str(e["uid"]) for e in deadlines.walk("VEVENT")) == [
        "interactions-2026-11-20-skambutis-follow-up-1@rysiai",
        "interactions-2026-11-20-skambutis-follow-up-2@rysiai",
    ]


def test_every_person_and_organisation_has_a_timeline_newest_first(repo):
    fill(repo)
    repo.write("requests/r.yaml", "subject: Prašymas\nreceived: 2026-10-01\nfrom: ona-b\nstatus: closed\n")
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    pages = {page.src_uri: page for page in site_pages(context, home_title="R")}
    person = pages["contacts/ona-b.md"].render()
    assert (
        '<div class="rysiai-timeline" data-pagefind-ignore><h2>Chronologija</h2>\n'
        '<table data-rysiai="timeline">\n<caption class="rysiai-caption">Chronologija</caption>\n'
        '<thead><tr><th scope="col">Data</th><th scope="col">Rūšis</th><th scope="col">Įrašas</th></tr></thead>\n<tbody>\n'
        '<tr><td data-label="Data"><time>2026-11-20</time></td><td data-label="Rūšis">Bendravimo žurnalas</td>'
        '<td data-label="Įrašas"><a href="../../interactions/2026-11-20-skambutis/">Delegacijos programa</a></td></tr>\n'
        '<tr><td data-label="Data"><time>2026-10-01</time></td><td data-label="Rūšis">Prašymai</td>'
        '<td data-label="Įrašas"><a href="../../requests/r/">Prašymas</a></td></tr>\n'
        "</tbody>\n</table></div>"
    ) in person
    assert "<h2>Bendravimas</h2>" in person
    partner = pages["partners/talsi.md"].render()
    timeline = partner[partner.index('<div class="rysiai-timeline"'):]
    assert timeline.index("<time>2026-12-03</time>") < timeline.index("<time>2026-11-20</time>")  # the visit first
    staff = pages["contacts/ausra.md"].render()
    assert "<h2>Bendravo savivaldybės vardu</h2>" in staff
    assert "<h2>Tolesni veiksmai po pokalbių</h2>" in staff
    visit = pages["visits/v.md"].render()
    assert '<h2>Bendravimas</h2>\n<ul class="rysiai-referrers">\n<li><a href="../../interactions/2026-11-20-skambutis/">' in visit


def run_log(cli, repo, *args, user="ausra"):
    import os

    old = os.environ.get("RYSIAI_USER")
    if user is None:
        os.environ.pop("RYSIAI_USER", None)
    else:
        os.environ["RYSIAI_USER"] = user
    try:
        return cli("log", *args, "--root", str(repo.root))
    finally:
        if old is None:
            os.environ.pop("RYSIAI_USER", None)
        else:
            os.environ["RYSIAI_USER"] = old


def test_log_writes_one_entry_and_never_over_another(repo, cli):
    fill(repo)
    first = run_log(cli, repo, "contacts/ona-b", "Skambinta dėl vizito", "--kind", "call", "--date", "2026-12-02")
    path = repo.root / "interactions" / "2026-12-02-skambinta-del-vizito.yaml"
    assert (first.code, first.out, first.err) == (0, f"{path}\n", "")
    text = path.read_text(encoding="utf-8")
    assert "\ndate: 2026-12-02  # Data (privalomas): Kada (YYYY-MM-DD).\n" in text
    assert "\nkind: call  # Būdas (privalomas):" in text
    assert "\nwith: [ona-b]  # Su kuo (privalomas):" in text
    assert "\nby: ausra  # Bendravo:" in text
    assert "\nsubject: Skambinta dėl vizito  # Tema (privalomas):" in text
    assert "\n# summary:  # Santrauka: Kas aptarta ir sutarta (Markdown).\n" in text
    again = run_log(cli, repo, "ona-b,talsi", "Skambinta dėl vizito", "--kind", "call", "--date", "2026-12-02")
    second = repo.root / "interactions" / "2026-12-02-skambinta-del-vizito-2.yaml"
    assert again.out == f"{second}\n"
    assert path.read_text(encoding="utf-8") == text
    assert "\nwith: [ona-b, talsi]  #" in second.read_text(encoding="utf-8")
    assert texts(repo) == []


def test_log_dates_today_by_default_and_cuts_a_long_id(repo, cli):
    fill(repo)
    subject = "Ilgas pokalbis apie bendradarbiavimo sutarties atnaujinimą ir jaunimo mainus kitais metais"
    result = run_log(cli, repo, "talsi", subject, "--kind", "meeting")
    today = dt.date.today().isoformat()
    path = repo.root / "interactions" / f"{today}-ilgas-pokalbis-apie-bendradarbiavimo-sutarties.yaml"
    assert (result.code, result.out) == (0, f"{path}\n")
    assert len(path.stem) <= 60


def test_the_current_user_is_found_by_gits_email(repo, cli):
    fill(repo)
    subprocess.run(["git", "init", "-q", str(repo.root)], check=True)
    subprocess.run(["git", "-C", str(repo.root), "config", "user.email", "ausra.kalvaite@prienai.lt"], check=True)
    result = run_log(cli, repo, "ona-b", "Laiškas", "--kind", "letter", "--date", "2026-12-01", user=None)
    assert result.code == 0
    assert "\nby: ausra  #" in (repo.root / "interactions" / "2026-12-01-laiskas.yaml").read_text(encoding="utf-8")
    subprocess.run(["git", "-C", str(repo.root), "config", "user.email", "kitas@prienai.lt"], check=True)
    result = run_log(cli, repo, "ona-b", "Laiškas", "--kind", "letter", "--date", "2026-12-01", user=None)
    assert "\n# by:  # Bendravo:" in (repo.root / "interactions" / "2026-12-01-laiskas-2.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, user, message",
    [
        (["ona-b", "X"], "ausra", "say how with --kind: call (Skambutis), letter (Raštas), email (El. laiškas), meeting (Susitikimas), other (Kita)"),
        (["ona-b", "X", "--kind", "fax"], "ausra", "--kind `fax` is not one of: call (Skambutis), letter (Raštas), email (El. laiškas), meeting (Susitikimas), other (Kita)"),
        (["partners/ona-b", "X", "--kind", "call"], "ausra", "there is no record `partners/ona-b` (write its id, e.g. `ona-b`, or its file, e.g. `contacts/ona-b`)"),
        (["v", "X", "--kind", "call"], "ausra", "`v` is a record of visits; the log names records of contacts, partners, associations"),
        (["ona-b", " ", "--kind", "call"], "ausra", "the subject is empty: say in a few words what it was about"),
        (["ona-b", "X", "--kind", "call"], "talsi", "RYSIAI_USER is `talsi`, which is no person's id; set it to your contact's id"),
    ],
)
def test_log_refuses_what_it_cannot_write(repo, cli, args, user, message):
    fill(repo)
    result = run_log(cli, repo, *args, user=user)
    assert (result.code, result.out, result.err) == (2, "", f"rysiai: error: {message}\n")
    assert sorted(p.name for p in (repo.root / "interactions").iterdir()) == [".gitkeep", "2026-11-20-skambutis.yaml"]


def test_person_and_forget_cover_the_log(repo, cli):
    import json

    fill(repo)
    person = json.loads(cli("person", "ona-b", "--format", "json", "--root", str(repo.root)).out)
    assert [(m["path"], m["field"], m["how"]) for m in person["mentions"]] == [
        ("interactions/2026-11-20-skambutis.yaml", "with", ["reference"]),
        ("interactions/2026-11-20-skambutis.yaml", "summary", ["name"]),
    ]
    result = cli("forget", "ona-b", "--root", str(repo.root))
    assert result.code == 0, result.err
    entry = (repo.root / "interactions" / "2026-11-20-skambutis.yaml").read_text(encoding="utf-8")
    assert "with: [istrintas-asmuo, talsi]\n" in entry
    assert "summary: |\n  [ištrinta] atsiųs programą.\n" in entry
    assert texts(repo) == []
