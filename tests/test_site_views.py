"""The views the office works from, rendered without mkdocs: the requests by urgency, the
agreements overview, an organisation's people, related sections named as people say them."""

import datetime as dt
import re

import pytest
from rysiai.export.calendar import entry_files
from rysiai.repository import load_repository
from rysiai.site.context import SiteContext
from rysiai.site.pages import site_pages

TODAY = dt.date(2026, 11, 26)
REQUESTS = {
    # received, due, status: overdue by 10 and by 3 days, due in 2 and in 9 days, answered, closed
    "requests/late-3.yaml": "subject: Vėluoja trys\nreceived: 2026-10-01\ndue: 2026-11-23\nowner: ona\n",
    "requests/late-10.yaml": "subject: Vėluoja dešimt\nreceived: 2026-10-01\ndue: 2026-11-16\nstatus: forwarded\n",
    "requests/soon.yaml": "subject: Greitai\nreceived: 2026-11-02\ndue: 2026-11-28\nfrom_name: Petras Petraitis\n",
    "requests/later.yaml": "subject: Vėliau\nreceived: 2026-11-20\ndue: 2026-12-05\nfrom: talsi\n",
    "requests/answered.yaml": "subject: Atsakyta\nreceived: 2026-11-10\nstatus: answered\nanswered: 2026-11-12\n",
    "requests/closed.yaml": "subject: Užbaigta\nreceived: 2026-09-01\nstatus: closed\n",
    "contacts/ona.yaml": "name: Ona Onaitė\norganization: talsi\nposition: Koordinatorė\nphone: '+37061234567'\nemail: ona@talsi.lv\n",
    "partners/talsi.yaml": (
        "name: Talsu novada pašvaldība\naliases: [Talsai]\nkind: municipality\ncountry: LV\n"
        "agreements:\n  - type: Sutartis\n    signed: 1999-05-14\n    status: signed\n"
        "  - type: Planas\n    signed: 2024-01-10\n    until: 2027-01-31\n    status: signed\n"
        "  - type: Senas planas\n    signed: 2001-01-01\n    until: 2005-01-01\n    status: expired\n"
    ),
    "visits/v.yaml": "title: Vizitas\ndirection: incoming\nstart: 2026-12-03\npartners: [talsi]\nparticipants: [ona]\n",
    "events/e.yaml": "title: Renginys\nkind: krpt\nstart: 2026-12-10 10:00\norganizer: ona\nattendees: [ona]\n",
}


@pytest.fixture
def pages(repo):
    for path, text in REQUESTS.items():
        repo.write(path, text)
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    return {page.src_uri: page for page in site_pages(context, home_title="R")}


def rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1]
    return [re.sub(r"<[^>]+>", "|", row).replace("||", "|") for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)]


def test_requests_come_by_urgency_with_days_left_and_owner(pages):
    html = pages["requests/index.md"].render()
    order = re.findall(r'<a href="\.\./requests/([a-z0-9-]+)/">', html)
    assert order == ["late-10", "late-3", "soon", "later", "answered", "closed"]
    assert re.findall(r"<th scope=\"col\"[^>]*><button[^>]*>([^<]+)</button>", html) == [
        "Gauta", "Tema", "Pareiškėjas", "Atsakyti iki", "Liko dienų", "Būsena", "Atsakingas"]
    assert '<strong class="rysiai-badge rysiai-badge-overdue">Vėluoja 10 d.</strong>' in html
    assert '<span class="rysiai-badge rysiai-badge-waiting">Liko 2 d.</span>' in html
    assert '<tr class="rysiai-overdue"' in html and '<tr class="rysiai-settled"' in html
    assert '<td data-label="Pareiškėjas" data-sort="0">Petras Petraitis</td>' in html  # no record: the name
    assert '<a href="../partners/talsi/">Talsu novada pašvaldība</a>' in html
    assert '<a href="../contacts/ona/">Ona Onaitė</a>' in html
    assert 'aria-sort="ascending"><button type="button" class="rysiai-sort">Liko dienų' in html


def test_the_agenda_says_whose_each_item_is(pages):
    home = pages["index.md"].render()
    assert '<th scope="col">Atsakingas</th>' in home
    assert '<td data-label="Atsakingas"><a href="contacts/ona/">Ona Onaitė</a></td>' in home


def test_agreements_overview(pages):
    html = pages["agreements.md"].render()
    assert pages["agreements.md"].title == "Sutartys"
    table = rows(html)
    assert [row.split("|")[1] for row in table] == ["Talsu novada pašvaldība"] * 3
    assert "Planas|" in table[0] and "baigiasi po 66 d." in table[0]  # ending first, marked
    assert '<tr class="rysiai-expiring">' in html
    assert "Senas planas" in table[2] and "Pasibaigusi" in table[2]
    assert "2029-05-14 (30)" in table[1]
    assert "Latvija" in table[0]


def test_an_organisations_people_and_related_sections(pages):
    partner = pages["partners/talsi.md"].render()
    assert "<h2>Žmonės</h2>" in partner and "<h2>Vizitai</h2>" in partner and "<h2>Prašymai</h2>" in partner
    assert '<td data-label="Telefonas"><a href="tel:+37061234567">+370 612 34567</a></td>' in partner
    assert '<td data-label="El. paštas"><a href="mailto:ona@talsi.lv">ona@talsi.lv</a></td>' in partner
    assert '<td data-label="Pareigos">Koordinatorė</td>' in partner
    assert '<td data-pagefind-weight="10">Talsai</td>' in partner  # aliases weigh like the name
    contact = pages["contacts/ona.md"].render()
    for heading in ("Vizitai", "Organizuoti renginiai", "Renginiai", "Atsakingas už prašymus"):
        assert f"<h2>{heading}</h2>" in contact, heading
    assert "—" not in "".join(re.findall(r"<h2>(.*?)</h2>", contact))


def test_without_a_backlink_title_the_collection_names_the_section(repo):
    schema = repo.root / "datapackage.yaml"
    schema.write_text(schema.read_text(encoding="utf-8").replace("          backlinkTitle: Vizitai\n", ""), encoding="utf-8")
    for path in ("partners/talsi.yaml", "visits/v.yaml", "contacts/ona.yaml"):
        repo.write(path, REQUESTS[path])
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    pages = {page.src_uri: page for page in site_pages(context, home_title="R")}
    assert "<h2>Vizitai</h2>" in pages["partners/talsi.md"].render()  # the collection's title


def test_the_people_section_is_headed_as_the_organisation_field_names_it(repo):
    schema = repo.root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace("          backlinkTitle: Žmonės\n", "          backlinkTitle: Darbuotojai\n"), encoding="utf-8")
    for path in ("partners/talsi.yaml", "contacts/ona.yaml"):
        repo.write(path, REQUESTS[path])
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    partner = {page.src_uri: page for page in site_pages(context, home_title="R")}["partners/talsi.md"].render()
    assert '<div class="rysiai-people"><h2>Darbuotojai</h2>' in partner
    schema.write_text(text.replace("          backlinkTitle: Žmonės\n", ""), encoding="utf-8")
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    partner = {page.src_uri: page for page in site_pages(context, home_title="R")}["partners/talsi.md"].render()
    assert '<div class="rysiai-people"><h2>Žmonės</h2>' in partner  # the site's own word


def test_visits_and_events_offer_their_calendar_entry(pages):
    assert '<a href="../../ics/v.ics">Įtraukti į kalendorių (.ics)</a>' in pages["visits/v.md"].render()
    assert '<a href="../../ics/e.ics">Įtraukti į kalendorių (.ics)</a>' in pages["events/e.md"].render()
    assert "ics/" not in pages["partners/talsi.md"].render()


def test_a_logged_call_offers_no_calendar_entry(repo):
    repo.write("contacts/ona.yaml", REQUESTS["contacts/ona.yaml"])
    repo.write("interactions/skambutis.yaml", "date: 2026-11-20\nkind: call\nwith: [ona]\nsubject: Dėl vizito\n")
    repository = load_repository(repo.root)
    context = SiteContext.build(repository, today=TODAY)
    page = {page.src_uri: page for page in site_pages(context, home_title="R")}["interactions/skambutis.md"]
    assert "ics/" not in page.render()  # it happened: nothing to put in a calendar
    assert [record.id for record, _data in entry_files(repository)] == []


def test_every_index_offers_its_tables(pages):
    html = pages["contacts/index.md"].render()
    assert '<a href="../downloads/contacts.xlsx">Atsisiųsti Excel lentelę (XLSX)</a>' in html
    assert '<a href="../downloads/contacts.csv">Atsisiųsti CSV</a>' in html


def test_the_partners_index_lists_each_once_with_groups_as_choices(pages):
    html = pages["partners/index.md"].render()
    assert html.count('href="../partners/talsi/"') == 1
    assert '<select data-group="1"><option value="">Visi</option><option value="Latvija">Latvija</option></select>' in html
    assert '<a href="../partners/talsi/">Talsu novada pašvaldība</a> <span class="rysiai-aliases">(Talsai)</span>' in html


@pytest.mark.parametrize(
    "old, new, problem",
    [
        ("          backlinkTitle: Žmonės\n", "", None),
        ("          fallback: from_name\n", "          fallback: vardas\n",
         "resource `requests`, field `from`: `fallback` names `vardas`, not a field"),
        ("          description: Pareigos organizacijoje.\n",
         "          description: Pareigos organizacijoje.\n          backlinkTitle: X\n",
         "resource `contacts`, field `position`: `backlinkTitle` is the heading of a field with "
         "`references`, as text"),
    ],
)
def test_schema_backlink_titles_and_fallbacks(repo, old, new, problem):
    from rysiai.errors import SchemaError
    from rysiai.schema import load_schema

    schema = repo.root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    assert old in text
    schema.write_text(text.replace(old, new, 1), encoding="utf-8")
    if problem is None:
        assert load_schema(repo.root).collections["contacts"].fields["organization"].backlink_title == ""
        return
    with pytest.raises(SchemaError) as raised:
        load_schema(repo.root)
    assert f"datapackage.yaml: {problem}" in str(raised.value)
