"""Roles over time: an organisation's people now and, folded, before; dates in order; `rysiai mv`
follows references inside roles and `rysiai merge` combines two people's roles, each post once."""

import datetime as dt

from rysiai.findings.wording import finding_line
from rysiai.kinds.roles import people_by_organization
from rysiai.repository import load_repository
from rysiai.site.context import SiteContext
from rysiai.site.pages import site_pages
from rysiai.validate import check_repository

TODAY = dt.date(2026, 12, 2)
ONA = (
    "name: Ona Petraitienė\norganization: talsi\nposition: Koordinatorė\nroles:\n"
    "  - organization: kultura  # ankstesnė darbovietė\n    position: Renginių organizatorė\n"
    "    from: 2014-09-01\n    until: 2019-06-30\n"
    "  - organization: talsi\n    position: Koordinatorė\n    from: 2019-07-01\n"
)
JONAS = (
    "name: Jonas Jonaitis\norganization: kultura\nposition: Direktorius\nroles:\n"
    "  - organization: talsi\n    position: Specialistas\n    from: 2010-01-04\n    until: 2013-12-31\n"
    "  - organization: talsi\n    position: Vyresnysis specialistas\n    from: 2014-01-02\n    until: 2018-05-31\n"
)


def fill(repo):
    repo.write("partners/talsi.yaml", "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\n")
    repo.write("partners/kultura.yaml", "name: Kultūros centras\nkind: other\ncountry: LT\n")
    repo.write("contacts/ona.yaml", ONA)
    repo.write("contacts/jonas.yaml", JONAS)


def test_each_organisations_people_now_and_before(repo):
    fill(repo)
    found = people_by_organization(load_repository(repo.root), TODAY)
    now, before = found["talsi"]
    assert [(r.person.id, r.position, r.start, r.until) for r in now] == [("ona", "Koordinatorė", dt.date(2019, 7, 1), None)]
    assert [(r.person.id, r.position, r.until) for r in before] == [("jonas", "Vyresnysis specialistas", dt.date(2018, 5, 31))]
    now, before = found["kultura"]
    assert [r.person.id for r in now] == ["jonas"]
    assert [(r.person.id, r.position) for r in before] == [("ona", "Renginių organizatorė")]


def test_an_organisations_page_lists_its_people_and_folds_the_former(repo):
    fill(repo)
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    pages = {page.src_uri: page for page in site_pages(context, home_title="R")}
    html = pages["partners/talsi.md"].render()
    assert (
        '<div class="rysiai-people"><h2>Žmonės</h2>\n<table data-rysiai="people">\n<caption class="rysiai-caption">Žmonės</caption>\n'
        '<thead><tr><th scope="col">Vardas ir pavardė</th><th scope="col">Pareigos</th><th scope="col">Laikotarpis</th>'
        '<th scope="col">El. paštas</th><th scope="col">Telefonas</th></tr></thead>\n<tbody>\n'
        '<tr><td data-label="Vardas ir pavardė"><a href="../../contacts/ona/">Ona Petraitienė</a></td>'
        '<td data-label="Pareigos">Koordinatorė</td><td data-label="Laikotarpis">nuo 2019-07-01</td>'
        '<td data-label="El. paštas"></td><td data-label="Telefonas"></td></tr>\n</tbody>\n</table>\n'
        "<details><summary>Anksčiau dirbę (1)</summary>\n<table data-rysiai=\"people\">\n"
        '<caption class="rysiai-caption">Anksčiau dirbę (1)</caption>\n'
        '<thead><tr><th scope="col">Vardas ir pavardė</th><th scope="col">Pareigos</th><th scope="col">Laikotarpis</th></tr></thead>\n<tbody>\n'
        '<tr><td data-label="Vardas ir pavardė"><a href="../../contacts/jonas/">Jonas Jonaitis</a></td>'
        '<td data-label="Pareigos">Vyresnysis specialistas</td><td data-label="Laikotarpis">2014-01-02–2018-05-31</td></tr>\n'
        "</tbody>\n</table>\n</details></div>"
    ) in html
    assert "Kontaktai — " not in html  # the people's posts are not listed again as back-links
    person = pages["contacts/ona.md"].render()
    assert "<h2>Pareigos per laiką</h2>" in person
    assert '<a href="../../partners/kultura/">Kultūros centras</a>' in person


def test_a_role_ending_before_it_begins_and_an_unknown_organisation(repo):
    fill(repo)
    repo.write(
        "contacts/petras.yaml",
        "name: Petras Petraitis\nroles:\n  - organization: talsu\n    from: 2020-05-01\n    until: 2019-05-01\n"
        "  - position: Be organizacijos\n",
    )
    assert [finding_line(f) for f in check_repository(load_repository(repo.root)).sorted()] == [
        "contacts/petras.yaml:3: error: [reference] `roles[1].organization` refers to `talsu`, but no "
        "partners or associations record has that id (did you mean `talsi`?)",
        "contacts/petras.yaml:5: error: [date-order] `roles[1].until` (2019-05-01) is before "
        "`from` (2020-05-01) (check both dates)",
        "contacts/petras.yaml:6: error: [required] required field `roles[2].organization` (Organizacija) "
        "is missing or empty (add a line `organization: …`)",
    ]


def test_mv_follows_references_inside_roles(repo, cli):
    fill(repo)
    result = cli("mv", "talsi", "talsu-novads", "--root", str(repo.root))
    assert result.code == 0
    assert (repo.root / "contacts/ona.yaml").read_text(encoding="utf-8") == ONA.replace(": talsi\n", ": talsu-novads\n")
    assert (repo.root / "contacts/jonas.yaml").read_text(encoding="utf-8") == JONAS.replace(": talsi\n", ": talsu-novads\n")
    result = cli("mv", "kultura", "kulturos-centras", "--root", str(repo.root))
    assert "  - organization: kulturos-centras  # ankstesnė darbovietė\n" in (repo.root / "contacts/ona.yaml").read_text(encoding="utf-8")
    assert check_repository(load_repository(repo.root)).errors == []


def test_merge_combines_roles_each_post_once(repo, cli):
    fill(repo)
    repo.write(
        "contacts/ona-2.yaml",
        "name: Ona Petraitienė\nroles:\n"
        "  - organization: talsi\n    position: Koordinatorė\n    from: 2019-07-01\n"
        "  - organization: kultura\n    position: Savanorė\n    from: 2012-01-01\n    until: 2014-08-31\n",
    )
    result = cli("merge", "ona", "ona-2", "--root", str(repo.root))
    assert result.code == 0
    assert result.out.splitlines()[0] == "Combined `roles`: 1 item added from ona-2"
    kept = (repo.root / "contacts/ona.yaml").read_text(encoding="utf-8")
    assert kept == ONA + (
        "  - organization: kultura\n    position: Savanorė\n    from: 2012-01-01\n    until: 2014-08-31\n"
    )
    repository = load_repository(repo.root)
    assert check_repository(repository).errors == []
    assert len(repository.by_id["ona"].typed["roles"]) == 3
