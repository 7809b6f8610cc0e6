"""The page generator, without mkdocs: golden files for representative pages.

Regenerate the golden files after an intended change with RYSIAI_UPDATE_GOLDEN=1 and read the diff.
"""

import datetime as dt
import os

import pytest
from conftest import PROJECT
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.site.context import SiteContext
from rysiai.site.history import Change
from rysiai.site.pages import site_pages
from site_fixture import TODAY, fill

GOLDEN = PROJECT / "tests" / "golden"


@pytest.fixture
def pages(repo):
    fill(repo)
    repository = load_repository(repo.root)
    history = {
        "partners/talsi.yaml": Change(
            date=dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc), author="Ona", commit="abc"
        )
    }
    context = SiteContext.build(
        repository,
        today=TODAY,
        history=history,
        history_base="https://git.example.org/r/commits/main/",
    )
    return {page.src_uri: page for page in site_pages(context, home_title="Ryšiai")}


def check_golden(name: str, text: str):
    path = GOLDEN / name
    if os.environ.get("RYSIAI_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with RYSIAI_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "src_uri, golden",
    [
        ("index.md", "home.html"),
        ("partners/index.md", "partners-index.html"),
        ("visits/index.md", "visits-index.html"),
        ("partners/talsi.md", "partner.html"),
        ("contacts/ona-petraitiene.md", "contact.html"),
        ("associations/silavoto-bendruomene.md", "association.html"),
        ("visits/talsi-2025.md", "visit.html"),
        ("glossary.md", "glossary.html"),
        ("brief.md", "brief.html"),
    ],
)
def test_pages_match_golden_files(pages, src_uri, golden):
    check_golden(golden, pages[src_uri].render())


def test_one_page_per_record_and_per_collection(pages):
    assert sorted(pages) == [
        "agreements.md", "associations/index.md", "associations/silavoto-bendruomene.md", "brief.md",
        "contacts/index.md", "contacts/jonas-jonaitis.md", "contacts/ona-petraitiene.md",
        "elderships/index.md", "elderships/silavoto.md",
        "events/index.md",
        "glossary.md", "index.md", "interactions/index.md",
        "partners/index.md", "partners/lsa.md", "partners/talsi.md",
        "press/index.md", "projects/index.md", "requests/index.md", "surveys/index.md",
        "visits/index.md", "visits/luban-2027.md", "visits/talsi-2025.md",
    ]
    assert pages["partners/talsi.md"].title == "Talsu novada pašvaldība"
    assert pages["partners/talsi.md"].tags == ["Latvija"]
    assert pages["brief.md"].title == "Savaitės apžvalga merui"


def test_links_go_both_ways(pages):
    partner = pages["partners/talsi.md"].render()
    contact = pages["contacts/ona-petraitiene.md"].render()
    association = pages["associations/silavoto-bendruomene.md"].render()
    chair = pages["contacts/jonas-jonaitis.md"].render()
    assert '<a href="../../contacts/ona-petraitiene/">Ona Petraitienė</a>' in partner
    assert '<a href="../../visits/talsi-2025/">Talsų delegacija Prienuose</a>' in partner
    assert '<a href="../../partners/talsi/">Talsu novada pašvaldība</a>' in contact
    assert '<a href="../../visits/talsi-2025/">Talsų delegacija Prienuose</a>: Išsiųsti padėką' in contact
    assert '<a href="../../contacts/jonas-jonaitis/">Jonas Jonaitis</a>' in association
    assert "<h2>Pirmininkauja</h2>" in chair
    assert '<a href="../../associations/silavoto-bendruomene/">Šilavoto bendruomenė</a>' in chair


def test_english_labels_are_a_setting(repo):
    fill(repo)
    context = SiteContext.build(load_repository(repo.root), language="en", today=TODAY)
    home = next(p for p in site_pages(context, home_title="Relations") if p.src_uri == "index.md")
    html = home.render()
    assert "<h2>Upcoming visits</h2>" in html
    assert "Artimiausi" not in html


def test_without_git_history_the_line_is_left_out(repo):
    fill(repo)
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    page = next(p for p in site_pages(context, home_title="R") if p.src_uri == "partners/talsi.md")
    assert "Paskutinį kartą keista" not in page.render()
    assert '<p class="rysiai-provenance" data-pagefind-ignore>Šaltinis: <code>partners/talsi.yaml</code></p>' in page.render()


def test_every_label_exists_in_every_language():
    from rysiai.site.strings import load_strings

    assert set(load_strings("lt")) == set(load_strings("en"))


def test_an_unknown_language_is_a_clear_error():
    from rysiai.errors import RysiaiError
    from rysiai.site.strings import load_strings

    with pytest.raises(RysiaiError, match="the site has no labels for language `fr`; known: en, lt"):
        load_strings("fr")


def test_label_files_have_no_key_twice():
    from conftest import PROJECT
    from rysiai.loading.yaml_source import read_yaml_record

    for language in ("lt", "en"):
        path = PROJECT / "scripts" / "rysiai" / "site" / "strings" / f"{language}.yaml"
        _, findings = read_yaml_record(path.read_bytes(), collection="strings", record_id=language, path=path.name)
        assert [finding_line(f) for f in findings] == []


def test_every_kind_of_agenda_item_on_the_home_page(repo):
    import datetime as dt

    repo.write("partners/p.yaml", "name: P\nkind: other\ncountry: LT\nreviewed: 2020-01-01\nagreements:\n"
               "  - type: sutartis\n    signed: 2016-12-01\n  - type: planas\n    signed: 2025-01-01\n    until: 2026-12-20\n")
    repo.write("requests/r.yaml", "subject: R\nreceived: 2026-10-01\n")
    repo.write("visits/v.yaml", "title: V\ndirection: incoming\nstart: 2026-12-01\nfollow_ups:\n  - task: T\n    due: 2026-11-28\n")
    repo.write("events/e.yaml", "title: E\nkind: krpt\nstart: 2026-12-02 10:00\n")
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    home = next(p for p in site_pages(context, home_title="R") if p.src_uri == "index.md").render()
    for text in ("Atsakyti į prašymą", "Tolesnis veiksmas: T", "Vizitas", "Renginys",
                 "10 m. nuo pasirašymo: sutartis", "Baigiasi: planas", "Peržiūrėti įrašą",
                 "Sutarčių sukaktys šiemet", "Baigiasi sutartys", "Seniai peržiūrėti įrašai"):
        assert text in home, text
    assert dt.date(2026, 12, 1).isoformat() in home
