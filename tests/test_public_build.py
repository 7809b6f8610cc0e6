"""`rysiai build --public`: the sample data built as the public site leaks nothing non-public."""

import pytest
from leaks import leaks, non_public_values, probes
from rysiai.repository import load_repository
from rysiai.site_build.build import build_site
from test_site_build import copy_project, read


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("public")
    root = copy_project(tmp_path, with_git=True)
    return root, build_site(root, tmp_path / "site-public", public=True)


@pytest.fixture(scope="module")
def secrets(sample):
    root, _ = sample
    return non_public_values(load_repository(root))


def test_no_output_file_holds_a_non_public_value(sample, secrets):
    _, site = sample
    assert len(secrets) > 500  # the sample's requests, notes, people, … (not a few chosen ones)
    assert leaks(site, secrets) == []


def test_the_leak_finder_finds_them_in_the_intranet_site(sample, secrets, tmp_path):
    # The same search over the staff's site must find the values, or it proves nothing.
    root, _ = sample
    intranet = build_site(root, tmp_path / "site")
    found = leaks(intranet, secrets)
    assert any("Jonas" not in line and "requests/" in line for line in found)
    assert any(line.startswith("vcards/") for line in found)
    assert any(line.startswith("pagefind/") for line in found)
    assert any(line.startswith("deadlines.ics") for line in found)
    # The reports' downloads are searched too: an unannounced project's value, in a workbook
    # (its cells read from the zip) and in a CSV file.
    assert any(line.startswith("reports/") and ".xlsx: '640000'" in line for line in found)
    assert any(line.startswith("reports/") and ".csv: '640000'" in line for line in found)


def test_the_public_report_has_its_pages_charts_and_downloads(sample):
    _, site = sample
    page = read(site, "reports/2026")
    assert "<h1>2026 m. ataskaita</h1>" in page
    assert 'class="rysiai-chart"' in page and 'class="rysiai-map"' in page
    # Requests are never published, but the schema lets their counts be.
    assert "<dt>Gauta per metus</dt><dd>5</dd>" in page
    assert "Atsakymo dienų mediana</dt><dd>–</dd>" in page  # made of the requests' dates
    assert "Delegacijų narių" not in page  # who went is personal data
    downloads = {path.name for path in (site / "reports" / "2026").iterdir()}
    assert {"requests-status.csv", "requests-status.xlsx", "visits-partners.xlsx"} <= downloads
    assert (site / "reports" / "years.csv").is_file()


def test_leak_probes_follow_markdown_as_the_page_shows_it():
    assert probes("Susitikta su **meru**.\n- [Planas](https://x.lt) išsiųstas") == [
        "Susitikta su **meru**. - [Planas](https://x.lt) išsiųstas",
        "Susitikta su meru .",
        "Planas išsiųstas",
    ]
    assert probes("lt") == []


def test_only_published_collections_and_records_have_pages(sample):
    root, site = sample
    assert not (site / "requests").exists()
    assert not (site / "deadlines.ics").exists()
    consenting = {"audrius-sakalys", "jolanta-vilkiene", "dainius-pranckevicius"}
    pages = {path.parent.name for path in (site / "contacts").glob("*/index.html")}
    assert consenting <= pages
    assert "agne-vilkaite" not in pages
    assert len(pages) == 11
    for collection in ("partners", "associations", "visits", "events", "surveys"):
        sources = {path.stem for path in (root / collection).glob("*.yaml")}
        assert sources <= {path.parent.name for path in (site / collection).glob("*/index.html")}
    # Projects and press releases marked `public: true` only; the interaction log never.
    assert not (site / "interactions").exists()
    assert not (site / "interactions.ics").exists()
    projects = {path.parent.name for path in (site / "projects").glob("*/index.html")}
    assert "dviraciu-takas-prienai-birstonas" in projects
    assert not {"mazuju-miestu-judumas", "nemuno-kilpu-marsrutas"} & projects
    press = {path.parent.name for path in (site / "press").glob("*/index.html")}
    assert "2026-11-spaudos-konferencija-talsai" in press
    assert "2026-12-pranesimas-parcevo-choras" not in press  # a draft


def test_public_pages_of_the_new_kinds_keep_their_internal_fields_out(sample):
    _, site = sample
    project = read(site, "projects/dviraciu-takas-prienai-birstonas")
    assert "Pėsčiųjų ir dviračių takas Prienai–Birštonas" in project
    assert "KRPT sprendimas dėl regioninių projektų sąrašo" in project  # milestones are public
    assert "Mero pozicija" not in project  # notes are internal
    assert "Regiono plėtros tarybos administracija patvirtino" not in project  # so is the progress
    assert "Tomas Meškauskas" not in project  # and who is responsible
    index = read(site, "projects")
    assert "Artimiausias etapas" in index
    partner = read(site, "partners/birstono-savivaldybe")
    assert "<h2>Projektai</h2>" in partner
    assert "Nemuno kilpų" not in partner  # an idea not yet announced
    press = read(site, "press/2026-10-gyventoju-apklausa")
    assert "Išsiųsta" not in press and "laikrastis-gyvenimas" not in press  # to whom it went
    eldership = read(site, "elderships/stakliskiu")
    assert "Stakliškių bendruomenė" in eldership
    assert "Bendruomenių poreikių apklausa" in eldership
    assert "midaus" not in eldership  # requests are never published


def test_a_consenting_contact_shows_name_and_work_contact_but_no_notes(sample):
    _, site = sample
    page = read(site, "contacts/jolanta-vilkiene")
    assert "Jolanta Vilkienė" in page
    assert "j.vilkiene@gyvenimas.eu" in page
    assert "Vyriausioji redaktorė" in page
    assert "Pranešimus spaudai" not in page  # notes are internal
    assert "Peržiūrėta" not in page  # so is the review date


def test_no_edit_history_source_or_repository_links(sample):
    _, site = sample
    for page in [site / "index.html", *site.glob("*/*/index.html")]:
        text = page.read_text(encoding="utf-8")
        assert "git.example.org" not in text, page
        assert "Šaltinis" not in text and "Paskutinį kartą keista" not in text, page
        assert "md-content__button" not in text, page  # the theme's edit button


def test_staff_pages_and_sections_stay_off_the_public_site(sample):
    _, site = sample
    for staff_page in ("validation", "findings", "records", "about", "brief"):
        assert not (site / staff_page).exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Neseniai keisti įrašai" not in home
    assert "Įrašai su klaidomis" not in home
    assert 'href="requests/"' not in home
    assert 'href="brief/"' not in home  # the mayor's brief is the office's own
    assert 'href="tags/"' in home  # the nav keeps the pages the public site has


def test_a_reference_to_an_unpublished_person_is_plain_text(repo, tmp_path):
    from site_fixture import fill

    fill(repo)
    repo.write("events/talk.yaml", "title: Pokalbis\nstart: 2026-12-01\norganizer: jonas-jonaitis\n")
    site = build_site(repo.root, tmp_path / "out", public=True)
    page = read(site, "events/talk")
    assert "neskelbiama" in page
    assert "jonas-jonaitis" not in page and "Jonas" not in page
    association = read(site, "associations/silavoto-bendruomene")
    assert "Pirmininkas" not in association  # the chair is internal
    visit = read(site, "visits/talsi-2025")
    assert "Ona Petraitienė" not in visit  # participants are personal data of a visit


def test_public_build_refuses_a_public_text_naming_an_unpublished_person(repo, cli, tmp_path):
    from site_fixture import fill

    fill(repo)
    repo.write(
        "visits/talsi-2025.yaml",
        "title: Talsų delegacija Prienuose\ndirection: incoming\nstart: 2025-06-27\n"
        "outcomes: |\n  Sutarė Jonas Jonaitis ir meras; skambinti +370 611 11111.\n",
    )
    result = cli("validate", "--root", str(repo.root))
    assert result.code == 0
    assert (
        "visits/talsi-2025.yaml:5: warning: [unpublished-person-named] `outcomes` is shown on the "
        "public site and holds the name of `jonas-jonaitis` (contacts/jonas-jonaitis.yaml)"
    ) in result.out
    assert "holds the phone number of `jonas-jonaitis`" in result.out
    built = cli("build", "--root", str(repo.root), "--public", "-d", str(tmp_path / "pub"))
    assert built.code == 1
    assert "visits/talsi-2025.yaml:5: error: [unpublished-person-named]" in built.out
    assert not (tmp_path / "pub").exists()
    # Once the person agrees, the text may be shown.
    repo.write("contacts/jonas-jonaitis.yaml", "name: Jonas Jonaitis\nphone: '+37061111111'\npublic: true\n")
    assert cli("build", "--root", str(repo.root), "--public", "-d", str(tmp_path / "pub")).code == 0
    assert "Jonas Jonaitis" in read(tmp_path / "pub", "visits/talsi-2025")


def test_default_public_output_folder(repo, cli):
    from site_fixture import fill

    fill(repo)
    result = cli("build", "--root", str(repo.root), "--public")
    assert result.code == 0
    assert (repo.root / "site-public" / "index.html").is_file()
    assert not (repo.root / "site").exists()


def test_plugin_option_public_builds_the_public_site(repo, tmp_path):
    from site_fixture import fill

    fill(repo)
    config = (repo.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - rysiai:\n" in config
    public = config.replace("  - rysiai:\n", "  - rysiai:\n      public: true\n")
    (repo.root / "mkdocs.yml").write_text(public, encoding="utf-8")
    site = build_site(repo.root, tmp_path / "out")
    assert not (site / "contacts" / "jonas-jonaitis").exists()
    assert (site / "contacts" / "ona-petraitiene" / "index.html").is_file()


def test_public_view_of_a_collection_without_publish_is_empty(repo):
    from rysiai.privacy.public_view import public_view

    text = (repo.root / "datapackage.yaml").read_text(encoding="utf-8")
    (repo.root / "datapackage.yaml").write_text(text.replace("    publish: all\n", ""), encoding="utf-8")
    repo.write("partners/talsi.yaml", "name: Talsi\nkind: municipality\ncountry: LV\n")
    view = public_view(load_repository(repo.root))
    assert "partners" not in view.schema.collections
    # Every `publish: all` is gone, and the one record is a partner: the view holds no record.
    assert [record.id for record in view.records] == []


def test_unknown_publish_mode_is_a_schema_error(repo, cli):
    text = (repo.root / "datapackage.yaml").read_text(encoding="utf-8")
    (repo.root / "datapackage.yaml").write_text(text.replace("publish: all", "publish: yes please", 1), encoding="utf-8")
    result = cli("validate", "--root", str(repo.root))
    assert result.code == 2
    assert "resource `partners`: `publish` must be one of all, marked, never" in result.err

