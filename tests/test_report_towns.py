"""What `rysiai validate` says for the map and the report: a town the gazetteer cannot place (with
the closest names), coordinates written wrongly, and mistakes in the report's parts of `kind`."""

import pytest
from conftest import PROJECT
from rysiai.errors import SchemaError
from rysiai.schema import load_schema
from rysiai.schema.kind_report import PlaceRule, VisitRule
from rysiai.words.coordinates import parse_coordinates


def _lines(cli, repo) -> list[str]:
    result = cli("validate", "--root", str(repo.root))
    return result.out.splitlines()


def test_a_town_the_gazetteer_cannot_place_is_a_warning_naming_the_closest(cli, repo):
    repo.write("partners/talsi.yaml", "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\ncity: Talssi\n")
    repo.write("partners/tczew.yaml", "name: Powiat Tczewski\nkind: region\ncountry: PL\ncity: Tcew\n")
    repo.write("partners/hamar.yaml", "name: Hamar kommune\nkind: municipality\ncountry: NO\ncity: Hamar\n")
    assert _lines(cli, repo) == [
        "partners/talsi.yaml:4: warning: [unplaced-town] the town `Talssi` (LV) is not in GeoNames' list of "
        "towns, so it is not on the map; the closest names: Talsi, LV (57.2456, 22.5814) (correct the town's "
        "name or country, or write its `coordinates` (latitude, longitude))",
        "partners/tczew.yaml:4: warning: [unplaced-town] the town `Tcew` (PL) is not in GeoNames' list of "
        "towns, so it is not on the map; the closest names: Tczew, PL (54.0924, 18.7779) (correct the town's "
        "name or country, or write its `coordinates` (latitude, longitude))",
    ]


def test_a_town_is_found_by_its_other_names_too(cli, repo):
    # GeoNames lists Talsi's names in other languages: the Lithuanian Talsai places it.
    repo.write("partners/talsi.yaml", "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\ncity: Talsai\n")
    assert _lines(cli, repo) == []


def test_coordinates_written_on_the_partner_need_no_town(cli, repo):
    repo.write(
        "partners/kaimas.yaml",
        "name: Kaimo bendrija\nkind: association\ncountry: LT\ncity: Mažakaimis\ncoordinates: 54.5, 23.9\n",
    )
    assert _lines(cli, repo) == []


def test_the_warning_in_lithuanian(cli, repo):
    repo.write("partners/talsi.yaml", "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\ncity: Talssi\n")
    result = cli("--lang", "lt", "validate", "--root", str(repo.root))
    assert result.out == (
        "partners/talsi.yaml:4: įspėjimas: [unplaced-town] miesto `Talssi` (LV) nėra GeoNames miestų sąraše, "
        "todėl jo nėra žemėlapyje; artimiausi pavadinimai: Talsi, LV (57.2456, 22.5814) (pataisykite miesto "
        "pavadinimą ar šalį arba įrašykite jo `coordinates` (platuma, ilguma))\n"
    )


@pytest.mark.parametrize(
    "written, problem",
    [
        ("57,2446, 22,5867", "not two numbers separated by a comma (latitude, longitude)"),
        ("95.0, 22.5", "the latitude (the first number) must lie between -90 and 90"),
        ("57.2, 222.5", "the longitude (the second number) must lie between -180 and 180"),
        ("Talsi", "not two numbers separated by a comma (latitude, longitude)"),
    ],
)
def test_coordinates_written_wrongly_are_an_error(cli, repo, written, problem):
    repo.write("partners/talsi.yaml", f"name: Talsi\nkind: municipality\ncountry: LV\ncoordinates: '{written}'\n")
    assert _lines(cli, repo) == [
        f"partners/talsi.yaml:4: error: [coordinates] `coordinates` is `{written}`: {problem} (write the "
        "latitude and the longitude in degrees, with a decimal point, e.g. 54.6333, 23.9417)",
    ]


def test_the_home_towns_coordinates_are_checked_too(cli, repo):
    schema = repo.root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace("\nresources:", '\nhome: {town: Prienai, country: LT, coordinates: "54.63"}\nresources:', 1), encoding="utf-8")
    assert _lines(cli, repo) == [
        "datapackage.yaml: error: [coordinates] `home.coordinates` is `54.63`: not two numbers separated by a "
        "comma (latitude, longitude) (write the latitude and the longitude in degrees, with a decimal point, "
        "e.g. 54.6333, 23.9417)",
    ]


def test_coordinates_read_as_latitude_then_longitude():
    assert parse_coordinates("57.2446, 22.5867") == (57.2446, 22.5867)
    assert parse_coordinates(" -33.8688;151.2093 ") == (-33.8688, 151.2093)


def test_the_report_parts_of_kind_as_the_schema_declares_them():
    schema = load_schema(PROJECT)
    partners, visits = schema.collections["partners"], schema.collections["visits"]
    assert partners.kind.place == PlaceRule("city", "country", "coordinates")
    assert partners.kind.category == "kind"
    assert visits.kind.visit == VisitRule("direction", "incoming", "outgoing", "partners", "participants")
    assert schema.collections["requests"].publish_counts is True
    assert schema.collections["visits"].publish_counts is False
    assert (schema.home.town, schema.home.country, schema.home.coordinates) == ("Prienai", "LT", "54.6333, 23.9417")


@pytest.mark.parametrize(
    "old, new, problem",
    [
        ("      place: {city: city, country: country, coordinates: coordinates}\n",
         "      place: {city: city, country: country, coordinates: address}\n",
         "resource `partners`: `kind.place.coordinates` names `address`, which must have `check: coordinates`"),
        ("      place: {city: city, country: country, coordinates: coordinates}\n", "      place: city\n",
         "resource `partners`: `kind.place` must be a mapping such as `{city: city, country: country, coordinates: coordinates}`"),
        ("    kind:\n      calendar: {start: start, end: end, item: event}\n      category: kind\n",
         "    kind:\n      calendar: {start: start, end: end, item: event}\n      category: place\n",
         "resource `events`: `kind.category` names `place`, which must list its allowed values (`enum`)"),
        ("visit: {direction: direction, incoming: incoming, outgoing: outgoing,",
         "visit: {direction: direction, incoming: arriving, outgoing: outgoing,",
         "resource `visits`: `kind.visit.incoming` is `arriving`, not an allowed value of `direction`"),
        ("visit: {direction: direction, incoming: incoming, outgoing: outgoing, with: partners, delegation: participants}",
         "visit: {direction: direction, incoming: incoming}",
         "resource `visits`: `kind.visit` must be a mapping such as `{direction: direction, incoming: incoming, "
         "outgoing: outgoing, with: partners, delegation: participants}`"),
        ("funding: funding_source,", "funding: programme,",
         "resource `projects`: `kind.project.funding` names `programme`, which must list its allowed values (`enum`)"),
        ("    publish_counts: true\n    site:\n      columns: [received",
         "    publish_counts: yes please\n    site:\n      columns: [received",
         "resource `requests`: `publish_counts` must be true or false"),
        ('home: {town: Prienai, country: LT, coordinates: "54.6333, 23.9417"}', "home: Prienai",
         "`home` must be a mapping such as `{town: Prienai, country: LT, coordinates: '54.6333, 23.9417'}`"),
    ],
)
def test_mistakes_in_the_reports_parts_are_named(tmp_path, old, new, problem):
    text = (PROJECT / "datapackage.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "datapackage.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(tmp_path)
    assert str(raised.value) == f"datapackage.yaml: {problem}"
