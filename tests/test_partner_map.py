"""The gazetteer (towns placed by name and country) and the SVG map of partner towns."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from rysiai.language import use_language
from rysiai.reports.geo import closest_candidates, locate, town_key
from rysiai.reports.numbers import THOUSANDS
from rysiai.reports.partner_map import (
    LARGEST_DOT,
    SMALLEST_DOT,
    HomeTown,
    MapPoint,
    dot_radius,
    partner_map,
    position,
)
from rysiai.reports.projections import EUROPE, WORLD

SVG = "{http://www.w3.org/2000/svg}"

# The towns' real positions, from the coordinates in each town's Wikipedia article (infobox,
# degrees-minutes-seconds turned into decimal degrees): Talsi 57°14′40″N 22°35′12″E; Lubań
# 51°07′N 15°18′E; Parczew 51°38′22″N 22°54′14″E; Tczew 54°5′15″N 18°47′50″E; Zülpich 50°42′N
# 6°39′E (German article); Hamar 60°47′40″N 11°04′05″E;
# Prienai 54°38′0″N 23°56′30″E.
REAL_POSITIONS = {
    ("Talsi", "LV"): (57.2444, 22.5867),
    ("Lubań", "PL"): (51.1167, 15.3000),
    ("Parczew", "PL"): (51.6394, 22.9039),
    ("Tczew", "PL"): (54.0875, 18.7972),
    ("Zülpich", "DE"): (50.7000, 6.6500),
    ("Hamar", "NO"): (60.7945, 11.0680),
    ("Prienai", "LT"): (54.6333, 23.9417),
}


@pytest.mark.parametrize(("city", "country"), list(REAL_POSITIONS))
def test_partner_towns_land_within_a_tenth_of_a_degree(city, country):
    lat, lon = locate(city, country)
    real_lat, real_lon = REAL_POSITIONS[(city, country)]
    assert abs(lat - real_lat) <= 0.1
    assert abs(lon - real_lon) <= 0.1


@pytest.mark.parametrize(
    ("written", "country", "meant"),
    [
        ("luban", "pl", ("Lubań", "PL")),  # no diacritics, lower case country
        ("LUBAŃ", "PL", ("Lubań", "PL")),
        ("  Zulpich ", "DE", ("Zülpich", "DE")),
        ("Zuelpich", "DE", ("Zülpich", "DE")),  # GeoNames' alternate spelling
        ("Dirschau", "PL", ("Tczew", "PL")),  # the German name, an alternate name in GeoNames
        ("Talsen", "LV", ("Talsi", "LV")),
    ],
)
def test_lookup_folds_case_and_diacritics_and_knows_alternate_names(written, country, meant):
    assert locate(written, country) == locate(*meant)


def test_a_towns_own_name_wins_over_another_places_alternate_name():
    # "Warszawa" is the capital's own Polish name; no village named so may take its place.
    lat, lon = locate("Warszawa", "PL")
    assert abs(lat - 52.23) < 0.05 and abs(lon - 21.01) < 0.05


def test_a_town_in_the_wrong_country_or_misspelt_is_not_placed():
    assert locate("Talsi", "LT") is None
    assert locate("Tcew", "PL") is None
    assert locate("Hamar", "XX") is None
    assert locate("", "PL") is None


def test_closest_candidates_name_the_town_meant():
    assert [(p.name, p.country) for p in closest_candidates("Tcew", "PL")][0] == ("Tczew", "PL")
    assert ("Talsi", "LV") in [(p.name, p.country) for p in closest_candidates("Talsi", "LT")]
    assert [(p.name, p.country) for p in closest_candidates("Hamar", "XX")] == [("Hamar", "NO")]
    assert len(closest_candidates("Zilpich", "DE", n=2)) == 2
    assert closest_candidates("", "PL") == []


def test_town_key():
    assert town_key("Kędzierzyn-Koźle") == "kedzierzyn kozle"
    assert town_key("Łódź") == "lodz"
    assert town_key("Bø i Telemark") == "bo i telemark"
    assert town_key(" St. Gallen ") == "st gallen"


HOME = HomeTown("Prienai", 54.6333, 23.9417)
TOWNS = [
    MapPoint("Talsi", *REAL_POSITIONS[("Talsi", "LV")], url="../talsi/", visits=3),
    MapPoint("Lubań", *REAL_POSITIONS[("Lubań", "PL")], url="../luban/", visits=1),
    MapPoint("Parczew", *REAL_POSITIONS[("Parczew", "PL")], url="../parczew/", visits=12),
    MapPoint("Tczew", *REAL_POSITIONS[("Tczew", "PL")], url="../tczew/", visits=0),
    MapPoint("Zülpich", *REAL_POSITIONS[("Zülpich", "DE")], url="../zulpich/", visits=21),
    MapPoint("Hamar", *REAL_POSITIONS[("Hamar", "NO")], url="../hamar/", visits=2),
]


@pytest.fixture(autouse=True)
def lithuanian():
    """The map's words as the office reads them (the suite speaks English by default)."""
    use_language("lt")


@pytest.fixture(scope="module")
def europe_map() -> str:
    use_language("lt")
    return partner_map(TOWNS, HOME)


def _lambert(lat: float, lon: float) -> tuple[float, float]:
    """Lambert azimuthal equal-area on the unit sphere about 52° N, 10° E (as EPSG:3035),
    written out again here to check the module's own arithmetic."""
    phi, lam, phi0 = math.radians(lat), math.radians(lon - 10.0), math.radians(52.0)
    k = math.sqrt(2 / (1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)))
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def _links(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {link.get("href"): link for link in root.iter(f"{SVG}a")}


def test_each_town_is_a_link_to_its_page_with_a_lithuanian_title(europe_map):
    links = _links(europe_map)
    assert sorted(links) == sorted(town.url for town in TOWNS)
    titles = {href: link.find(f"{SVG}title").text for href, link in links.items()}
    assert titles == {
        "../talsi/": "Talsi: 3 vizitai",
        "../luban/": "Lubań: 1 vizitas",
        "../parczew/": "Parczew: 12 vizitų",
        "../tczew/": "Tczew: 0 vizitų",
        "../zulpich/": "Zülpich: 21 vizitas",
        "../hamar/": "Hamar: 2 vizitai",
    }
    assert {href: link.get("aria-label") for href, link in links.items()} == titles


def test_dots_stand_at_the_projected_positions(europe_map):
    x0, y0, x1, y1 = EUROPE.frame
    scale = 1000 / (x1 - x0)
    links = _links(europe_map)
    for town in TOWNS:
        circle = links[town.url].find(f"{SVG}circle")
        x, y = _lambert(town.lat, town.lon)
        assert float(circle.get("cx")) == pytest.approx((x - x0) * scale, abs=0.051)
        assert float(circle.get("cy")) == pytest.approx((y1 - y) * scale, abs=0.051)
    # The projection's centre is the middle of the map's width; north is up, east is right.
    assert position(EUROPE, 52.0, 10.0)[0] == pytest.approx(500.0)
    talsi, lubań = position(EUROPE, 57.2444, 22.5867), position(EUROPE, 51.1167, 15.3)
    assert talsi[0] > lubań[0] and talsi[1] < lubań[1]


def test_dot_area_grows_with_the_number_of_visits(europe_map):
    radii = {href: float(link.find(f"{SVG}circle").get("r")) for href, link in _links(europe_map).items()}
    assert radii["../tczew/"] == SMALLEST_DOT
    assert radii["../zulpich/"] == LARGEST_DOT
    # Area above the smallest dot's is proportional to the visits: 12 of 21.
    extra = {href: r * r - SMALLEST_DOT**2 for href, r in radii.items()}
    assert extra["../parczew/"] / extra["../zulpich/"] == pytest.approx(12 / 21, rel=0.02)
    assert dot_radius(5, 0) == SMALLEST_DOT


def test_home_town_is_marked_and_labelled(europe_map):
    root = ET.fromstring(europe_map)
    home = root.find(f".//{SVG}g[@class='rysiai-map-home']")
    assert home.find(f"{SVG}text").text == "Prienai"
    assert home.find(f"{SVG}path/{SVG}title").text == "Prienai"


def test_the_map_shows_europe_and_widens_to_the_world_for_a_town_beyond_it(europe_map):
    europe_box = ET.fromstring(europe_map).get("viewBox")
    assert europe_box == f"0 0 1000 {EUROPE.height:.0f}"
    chicago = MapPoint("Čikaga", 41.85, -87.65, "../cikaga/", 1)
    world_map = partner_map([*TOWNS, chicago], HOME)
    assert ET.fromstring(world_map).get("viewBox") == f"0 0 1000 {WORLD.height:.0f}"
    circle = _links(world_map)["../cikaga/"].find(f"{SVG}circle")
    x, y = position(WORLD, 41.85, -87.65)
    assert (float(circle.get("cx")), float(circle.get("cy"))) == (round(x, 1), round(y, 1))
    assert x < 500 and y < WORLD.height / 2  # west and north of the map's middle


def test_country_outlines_and_their_sources_are_on_the_map(europe_map):
    root = ET.fromstring(europe_map)
    countries = root.find(f"{SVG}g[@class='rysiai-map-countries']")
    assert len(countries.findall(f"{SVG}path")) > 40
    credits = " ".join(text.text for text in root.iter(f"{SVG}text"))
    assert "Natural Earth" in credits and "GeoNames" in credits


def test_map_is_the_same_for_the_same_towns_in_any_order(europe_map):
    assert partner_map(list(reversed(TOWNS)), HOME) == europe_map


def test_hostile_label_is_escaped():
    hostile = MapPoint('<script>alert("x")</script> & Co', 54.0, 20.0, "../x/?a=1&b=2", 1)
    svg = partner_map([hostile], HomeTown('<b>Prienai</b>', 54.6333, 23.9417), title="<i>Žemėlapis</i>")
    assert "<script" not in svg and "<b>" not in svg and "<i>" not in svg
    root = ET.fromstring(svg)  # still well-formed
    link = root.find(f".//{SVG}a")
    assert link.get("href") == "../x/?a=1&b=2"
    assert link.find(f"{SVG}title").text == '<script>alert("x")</script> & Co: 1 vizitas'
    assert root.find(f"{SVG}title").text == "<i>Žemėlapis</i>"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://example.org/", "//example.org/x", "a b", 'x"y'])
def test_a_dot_links_only_within_the_site(url):
    with pytest.raises(ValueError):
        partner_map([MapPoint("X", 54.0, 20.0, url, 1)], HOME)


def test_no_external_reference_in_the_map(europe_map):
    assert set(re.findall(r"https?:[^\s\"'<>)]*", europe_map)) == {"http://www.w3.org/2000/svg"}
    assert "xlink" not in europe_map and "<script" not in europe_map


def test_counts_in_titles_use_lithuanian_thousands():
    svg = partner_map([MapPoint("Hamar", 60.79, 11.07, "../hamar/", 1001)], HOME)
    assert f"Hamar: 1{THOUSANDS}001 vizitas" in svg
