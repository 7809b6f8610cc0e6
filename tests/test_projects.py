"""Projects: their bad inputs with exact findings, milestones on the agenda, the index by status
with the next milestone, and the projects on each partner's page."""

import datetime as dt
import re

from rysiai.agenda import build_agenda
from rysiai.findings.wording import finding_line
from rysiai.kinds.projects import next_milestone, projects, status
from rysiai.repository import load_repository
from rysiai.site.context import SiteContext
from rysiai.site.pages import site_pages
from rysiai.validate import check_repository

TODAY = dt.date(2026, 12, 2)
PARTNER = "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\n"
PROJECT = (
    "name: Dviračių takas\nstatus: running\nresponsible: ona\npartners: [talsi, silavoto]\n"
    "start: 2026-03-01\nend: 2027-10-31\namount: 1850000\nown_share: 277500\n"
    "milestones:\n"
    "  - title: Paraiška\n    due: 2026-02-15\n    done: true\n"
    "  - title: Pirkimas\n    due: 2026-11-20\n    owner: ona\n"
    "  - title: Statybos\n    due: 2026-12-10\n"
    "  - title: Atidarymas\n"
)


def fill(repo):
    repo.write("partners/talsi.yaml", PARTNER)
    repo.write("associations/silavoto.yaml", "name: Šilavoto bendruomenė\neldership: Šilavoto\n")
    repo.write("contacts/ona.yaml", "name: Ona Petraitienė\n")
    repo.write("projects/takas.yaml", PROJECT)


def texts(repo, today=dt.date(2026, 11, 1)):
    """The findings as of ``today`` (by default before any milestone of the fixture is late)."""
    repository = load_repository(repo.root)
    repository.today = today
    return [finding_line(f) for f in check_repository(repository).sorted()]


def test_a_milestone_past_its_due_date_is_overdue_until_the_project_closes(repo):
    fill(repo)
    assert texts(repo, TODAY) == [
        "projects/takas.yaml:14: warning: [overdue] the milestone `Pirkimas` was due on 2026-11-20: "
        "12 day(s) overdue (mark it `done: true`, set a new `due` date, or set the project's status if it stopped)",
    ]
    repo.write("projects/takas.yaml", PROJECT.replace("status: running", "status: finished"))
    assert texts(repo, TODAY) == []


def test_a_good_project_has_no_findings(repo):
    fill(repo)
    assert texts(repo) == []


def test_bad_project_inputs_have_exact_findings(repo):
    fill(repo)
    repo.write(
        "projects/blogas.yaml",
        "name: Blogas\nstatus: runing\nresponsible: petras\npartners: [talsi, talsu]\n"
        "start: 2026-05-01\nend: 2026-04-30\namount: daug\n"
        "milestones:\n  - due: 2026-12-01\n",
    )
    assert texts(repo) == [
        "projects/blogas.yaml:2: error: [enum] `status` is `runing`, which is not allowed: use `idea` "
        "(Idėja), `preparing` (Rengiamas), `applied` (Pateikta paraiška), `running` (Įgyvendinamas), "
        "`finished` (Baigtas) or `stopped` (Sustabdytas) (did you mean `running`?)",
        "projects/blogas.yaml:3: error: [reference] `responsible` refers to `petras`, but no contacts "
        "record has that id",
        "projects/blogas.yaml:4: error: [reference] `partners` refers to `talsu`, but no partners or "
        "associations record has that id (did you mean `talsi`?)",
        "projects/blogas.yaml:6: error: [date-order] `end` (2026-04-30) is before `start` (2026-05-01) "
        "(check both dates)",
        "projects/blogas.yaml:7: error: [type] `amount` must be a whole number, but it is `daug`",
        "projects/blogas.yaml:9: error: [required] required field `milestones[1].title` (Etapas) is "
        "missing or empty (add a line `title: …`)",
    ]


def test_a_milestone_before_the_project_starts_is_allowed(repo):
    # An application is due before the project it applies for starts: no finding.
    fill(repo)
    assert "due: 2026-02-15" in PROJECT and "start: 2026-03-01" in PROJECT
    assert texts(repo) == []


def test_overdue_and_due_milestones_on_the_agenda(repo):
    fill(repo)
    items = build_agenda(load_repository(repo.root), TODAY, 14)
    assert [(i.section, i.date.isoformat(), i.record, i.what, i.about, i.days) for i in items] == [
        ("overdue", "2026-11-20", "takas", "milestone", "Pirkimas", 12),
        ("due-soon", "2026-12-10", "takas", "milestone", "Statybos", 8),
    ]


def test_a_finished_or_stopped_project_has_nothing_due(repo):
    fill(repo)
    repo.write("projects/takas.yaml", PROJECT.replace("status: running", "status: stopped"))
    repository = load_repository(repo.root)
    assert build_agenda(repository, TODAY, 14) == []
    assert next_milestone(repository, repository.by_id["takas"]) is None


def test_the_kinds_answer_status_and_next_milestone(repo):
    fill(repo)
    repository = load_repository(repo.root)
    (project,) = projects(repository)
    assert status(repository, project) == ("running", "Įgyvendinamas")
    milestone = next_milestone(repository, project)
    assert (milestone.text, milestone.due, milestone.owner, milestone.item) == (
        "Pirkimas", dt.date(2026, 11, 20), "ona", "milestone",
    )


def pages(repo):
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    return {page.src_uri: page for page in site_pages(context, home_title="R")}


def test_the_index_is_ordered_by_status_in_the_schemas_order_with_the_next_milestone(repo):
    fill(repo)
    repo.write("projects/idea.yaml", "name: Maršrutas\nstatus: idea\n")
    repo.write("projects/old.yaml", "name: Kultūros dienos\nstatus: finished\nmilestones:\n  - title: Paroda\n    due: 2025-10-10\n")
    html = pages(repo)["projects/index.md"].render()
    # One table, each project once, by status as the schema orders it; the status is a column
    # (it sorts in that order too) and a choice of the filter, in that order.
    assert re.findall(r'<a href="\.\./projects/([a-z]+)/">', html) == ["idea", "takas", "old"]
    assert (
        '<label>Būsena <select data-group="1"><option value="">Visi</option><option value="Idėja">Idėja</option>'
        '<option value="Įgyvendinamas">Įgyvendinamas</option><option value="Baigtas">Baigtas</option></select></label>'
    ) in html
    assert '<th scope="col" aria-sort="ascending"><button type="button" class="rysiai-sort">Būsena</button></th>' in html
    assert '<th scope="col"><button type="button" class="rysiai-sort">Artimiausias etapas</button></th>' in html
    assert (
        '<tr data-group-1="Įgyvendinamas"><td data-label="Pavadinimas" data-sort="0"><a href="../projects/takas/">Dviračių takas</a></td>'
        '<td data-label="Būsena" data-sort="1"><span class="rysiai-status-running">Įgyvendinamas</span></td>'
        '<td data-label="Programa" data-sort="0"></td>'
        '<td data-label="Atsakingas" data-sort="0"><a href="../contacts/ona/">Ona Petraitienė</a></td>'
        '<td data-label="Pabaiga" data-sort="0">2027-10-31</td>'
        '<td data-label="Artimiausias etapas" data-sort="0"><time>2026-11-20</time> Pirkimas</td></tr>'
    ) in html
    finished = html.split('<tr data-group-1="Baigtas">')[1].split("</tr>")[0]
    assert finished.endswith('<td data-label="Artimiausias etapas" data-sort="1">—</td>')  # a finished project: none


def test_each_partner_lists_its_projects_and_its_timeline(repo):
    fill(repo)
    repo.write("visits/v.yaml", "title: Talsų delegacija\ndirection: incoming\nstart: 2025-06-27\npartners: [talsi]\n")
    built = pages(repo)
    partner = built["partners/talsi.md"].render()
    assert '<h2>Projektai</h2>\n<ul class="rysiai-referrers">\n<li><a href="../../projects/takas/">Dviračių takas</a></li>' in partner
    assert (
        '<tr><td data-label="Data"><time>2026-03-01</time></td><td data-label="Rūšis">Projektai</td>'
        '<td data-label="Įrašas"><a href="../../projects/takas/">Dviračių takas</a></td></tr>\n'
        '<tr><td data-label="Data"><time>2025-06-27</time></td><td data-label="Rūšis">Vizitai</td>'
        '<td data-label="Įrašas"><a href="../../visits/v/">Talsų delegacija</a></td></tr>'
    ) in partner
    association = built["associations/silavoto.md"].render()
    assert '<a href="../../projects/takas/">Dviračių takas</a>' in association
    contact = built["contacts/ona.md"].render()
    assert "<h2>Atsakingas už projektus</h2>" in contact
    assert "<h2>Projektų etapai</h2>" in contact
    project = built["projects/takas.md"].render()
    assert '<a href="../../partners/talsi/">Talsu novada pašvaldība</a>' in project
    assert "<h2>Etapai</h2>" in project


def test_the_milestones_are_in_the_deadlines_feed(repo):
    import icalendar
    from rysiai.export.calendar import calendar_feed

    fill(repo)
    feed = icalendar.Calendar.from_ical(calendar_feed(load_repository(repo.root), "deadlines"))
    assert sorted(str(entry["uid"]) for entry in feed.walk("VEVENT")) == [
        "projects-takas-milestone-2@rysiai", "projects-takas-milestone-3@rysiai",
    ]


def test_search_filters_by_status_and_kind(repo):
    fill(repo)
    page = pages(repo)["projects/takas.md"].render()
    assert '<span data-pagefind-filter="Rinkinys">Projektai</span>' in page
    assert '<span data-pagefind-filter="Būsena">Įgyvendinamas</span>' in page
