"""Press and surveys: bad inputs with exact findings, the press page by year, the media list
(vCards and a mail-merge table by tag), surveys on the agenda and every eldership's page."""

import datetime as dt
import re

from rysiai.agenda import build_agenda
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.site.context import SiteContext
from rysiai.site.pages import site_pages
from rysiai.validate import check_repository

TODAY = dt.date(2026, 12, 2)


def fill(repo):
    repo.write("partners/gyvenimas.yaml", "name: Laikraštis „Gyvenimas“\nkind: media\ncountry: LT\ntags: [žiniasklaida]\n")
    repo.write("partners/talsi.yaml", "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\n")
    repo.write("contacts/jolanta.yaml", "name: Jolanta Vilkienė\norganization: gyvenimas\nemail: j.vilkiene@gyvenimas.eu\nposition: Redaktorė\n")
    repo.write("contacts/simas.yaml", "name: Simas Jankauskas\nemail: simas@lrt.lt\ntags: [Žiniasklaida, televizija]\n")
    repo.write("contacts/karolis.yaml", "name: Karolis Bielskis\norganization: gyvenimas\n")
    repo.write("contacts/ona.yaml", "name: Ona Petraitienė\norganization: talsi\nemail: ona@talsi.lv\n")
    repo.write("associations/stakliskes.yaml", "name: Stakliškių bendruomenė\neldership: Stakliškių\n")
    repo.write("associations/silavotas.yaml", "name: Šilavoto bendruomenė\neldership: Šilavoto\n")
    repo.write(
        "press/2025-talsai.yaml",
        "date: 2025-06-30\ntitle: Talsų delegacija Prienuose\nkind: release\nabout: [talsi]\n"
        "sent_to: [jolanta, gyvenimas]\nsent_to_tags: [žiniasklaida]\npublished_at: ['https://www.gyvenimas.eu']\n",
    )
    repo.write("press/2026-konferencija.yaml", "date: 2026-12-09\ntitle: Spaudos konferencija\nkind: conference\nabout: [talsi]\n")
    repo.write(
        "surveys/transportas.yaml",
        "title: Apklausa apie transportą\nstart: 2026-12-07\nend: 2027-01-15\nmethod: online\n"
        "status: planned\nassociations: [stakliskes]\n",
    )
    repo.write(
        "surveys/poreikiai.yaml",
        "title: Bendruomenių poreikiai\nelderships: [Stakliškių]\nstart: 2026-03-02\nend: 2026-04-10\n"
        "status: done\nrespondents: 148\n",
    )
    repo.write("requests/r.yaml", "subject: Šventės rėmimas\nreceived: 2026-11-18\nfrom: stakliskes\nstatus: closed\n")
    repo.write("visits/v.yaml", "title: Delegacija Stakliškėse\ndirection: incoming\nstart: 2026-06-01\nelderships: [Stakliškių]\n")


def texts(repo):
    return [finding_line(f) for f in check_repository(load_repository(repo.root)).sorted()]


def pages(repo):
    context = SiteContext.build(load_repository(repo.root), today=TODAY)
    return {page.src_uri: page for page in site_pages(context, home_title="R")}


def test_good_press_and_surveys_have_no_findings(repo):
    fill(repo)
    assert texts(repo) == []


def test_bad_press_and_survey_inputs_have_exact_findings(repo):
    fill(repo)
    repo.write(
        "press/blogas.yaml",
        "date: 2026-12-32\ntitle: Blogas\nkind: release\nabout: [nera]\nsent_to: [stakliskes]\npublished_at: [gyvenimas.eu]\n",
    )
    repo.write(
        "surveys/bloga.yaml",
        "title: Bloga\nelderships: [Stakliskiu]\nstart: 2026-05-01\nend: 2026-04-01\nstatus: vyksta\nrespondents: '12,5'\n",
    )
    assert texts(repo) == [
        "press/blogas.yaml:1: error: [date] `date` is `2026-12-32`: no such day in the calendar "
        "(write a real date as YYYY-MM-DD, e.g. 2024-05-17)",
        "press/blogas.yaml:4: error: [reference] `about` refers to `nera`, but no partners, contacts, "
        "associations, visits, events, projects, surveys, requests or press record has that id",
        "press/blogas.yaml:5: error: [reference-kind] `sent_to` refers to `stakliskes`, which is a record "
        "of associations; it must be one of contacts or partners",
        "press/blogas.yaml:6: error: [url] `published_at` is `gyvenimas.eu`, not a web address: it "
        "must start with https:// or http:// (write the full address, starting with https://)",
        "surveys/bloga.yaml:4: error: [date-order] `end` (2026-04-01) is before `start` (2026-05-01) "
        "(check both dates)",
        "surveys/bloga.yaml:5: error: [enum] `status` is `vyksta`, which is not allowed: use `planned` "
        "(Planuojama), `running` (Vyksta), `analysing` (Analizuojama), `done` (Baigta) or `cancelled` (Atšaukta)",
        "surveys/bloga.yaml:6: error: [type] `respondents` must be a whole number, but it is `12,5`",
    ]


def test_the_press_page_lists_releases_by_year_newest_first(repo):
    fill(repo)
    built = pages(repo)
    html = built["press/index.md"].render()
    # One table, newest first, the year a choice of the filter, newest first too.
    assert re.findall(r'<a href="\.\./press/([a-z0-9-]+)/">', html) == ["2026-konferencija", "2025-talsai"]
    assert '<label>Metai <select data-group="1"><option value="">Visi</option><option value="2026">2026</option><option value="2025">2025</option></select></label>' in html
    partner = built["partners/talsi.md"].render()
    assert '<h2>Spaudoje</h2>\n<ul class="rysiai-referrers">\n<li><a href="../../press/2026-konferencija/">Spaudos konferencija</a></li>\n<li><a href="../../press/2025-talsai/">' in partner
    media = built["partners/gyvenimas.md"].render()
    assert "<h2>Gauti pranešimai spaudai</h2>" in media


def test_surveys_and_press_conferences_are_coming_on_the_agenda(repo):
    fill(repo)
    items = build_agenda(load_repository(repo.root), TODAY, 14)
    assert [(i.section, i.date.isoformat(), i.record, i.what) for i in items] == [
        ("upcoming", "2026-12-07", "transportas", "survey"),
        ("upcoming", "2026-12-09", "2026-konferencija", "media"),
    ]


def test_each_eldership_has_a_page_with_its_communities_surveys_requests_and_visits(repo):
    fill(repo)
    built = pages(repo)
    assert sorted(name for name in built if name.startswith("elderships/")) == [
        "elderships/index.md", "elderships/silavoto.md", "elderships/stakliskiu.md",
    ]
    html = built["elderships/stakliskiu.md"].render()
    headings = [part.split("</h2>")[0] for part in html.split("<h2>")[1:]]
    assert headings == [
        "Bendruomenės <small>(1)</small>", "Vizitai <small>(1)</small>", "Prašymai <small>(1)</small>",
        "Apklausos <small>(2)</small>",
    ]
    assert '<a href="../../surveys/transportas/">Apklausa apie transportą</a>' in html  # through its community
    assert '<a href="../../requests/r/">Šventės rėmimas</a>' in html
    index = built["elderships/index.md"].render()
    assert (
        '<tr><td data-label="Seniūnija"><a href="../elderships/stakliskiu/">Stakliškių seniūnija</a></td>'
        '<td data-label="Bendruomenės">1</td><td data-label="Vizitai">1</td><td data-label="Prašymai">1</td>'
        '<td data-label="Apklausos">2</td></tr>'
    ) in index
    assert "Stakliškių bendruomenė" not in built["elderships/silavoto.md"].render()


def test_the_elderships_are_the_schemas_list_where_it_has_one(repo):
    fill(repo)
    schema = repo.root / "datapackage.yaml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace(
            "          title: Seniūnija\n          description: Seniūnija, kurioje veikia bendruomenė.\n          visibility: public\n",
            "          title: Seniūnija\n          description: Seniūnija, kurioje veikia bendruomenė.\n          visibility: public\n"
            "          constraints:\n            enum: [Stakliškių, Šilavoto, Veiverių]\n",
        ),
        encoding="utf-8",
    )
    built = pages(repo)
    assert "elderships/veiveriu.md" in built  # listed, though no record is there yet
    assert "<p>Įrašų nėra.</p>" in built["elderships/veiveriu.md"].render()


def test_media_list_as_vcards_by_tag(repo, cli):
    fill(repo)
    result = cli("export", "vcard", "--tag", "žiniasklaida", "--root", str(repo.root))
    assert result.code == 0
    assert [line for line in result.out.splitlines() if line.startswith("FN:")] == [
        "FN:Jolanta Vilkienė", "FN:Karolis Bielskis", "FN:Simas Jankauskas",
    ]
    none = cli("export", "vcard", "--tag", "sportas", "--root", str(repo.root))
    assert (none.code, none.err) == (
        2, "rysiai: error: no one is marked with the tag `sportas` (nor works at an organisation marked with it)\n",
    )


def test_media_list_for_a_mail_merge(repo, cli, tmp_path):
    fill(repo)
    target = tmp_path / "spauda.csv"
    result = cli("export", "mailing", "--tag", "Žiniasklaida", "-o", str(target), "--delimiter", ";", "--root", str(repo.root))
    assert (result.code, result.out) == (0, f"{target}\n")
    assert result.err == (
        "rysiai: 1 person with the tag has no e-mail and is left out: Karolis Bielskis (contacts/karolis.yaml)\n"
    )
    assert target.read_bytes().decode("utf-8") == (
        "\ufeffVardas ir pavardė;El. paštas;Organizacija;Pareigos\r\n"
        "Jolanta Vilkienė;j.vilkiene@gyvenimas.eu;Laikraštis „Gyvenimas“;Redaktorė\r\n"
        "Simas Jankauskas;simas@lrt.lt;;\r\n"
    )
    again = cli("export", "mailing", "--tag", "žiniasklaida", "-o", str(target), "--root", str(repo.root))
    assert again.code == 2
