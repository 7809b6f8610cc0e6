"""The report's figures and tables against a repository counted by hand (report_fixture.py):
the JSON's numbers, each table row by row, the overview of the years, and the public report."""

import pandas as pd
import pytest
from report_fixture import FIGURES_2026, TODAY, fill
from rysiai.language import use_language
from rysiai.privacy.public_report import report_sources
from rysiai.reports.frames import records_frame
from rysiai.reports.overview import overview_report, report_years
from rysiai.reports.year_report import Sources, year_report
from rysiai.repository import load_repository


@pytest.fixture
def repository(repo):
    use_language("lt")
    return load_repository(fill(repo).root)


def _rows(table) -> list:
    return [list(map(str, table.frame.columns)), *(list(row) for row in table.frame.itertuples(index=False))]


def test_the_years_figures_are_those_counted_by_hand(repository):
    assert year_report(Sources.of(repository), 2026, TODAY).to_json() == FIGURES_2026


def test_an_earlier_year_counts_its_own_records(repository):
    figures = year_report(Sources.of(repository), 2025, TODAY).to_json()
    # Parczew's agreement (expired in February 2026) was in force at the end of 2025; Lubań's
    # was not signed yet.
    assert figures["agreements"] == {"in_force": 4, "signed": 1, "expiring": 0, "ended": 0}
    assert figures["visits"] == {
        "incoming": 1, "outgoing": 0, "participants": 0, "by_partner": {"talsi": 1}, "days_abroad": 0,
    }
    assert figures["events"] == {"total": 1, "by_kind": {"council": 1}}
    assert figures["requests"] == {
        "received": 1, "answered": 1, "answered_on_time": 1, "median_days_to_answer": 21, "overdue": 0,
    }
    # A project without dates counts only in the year under way.
    assert figures["projects"]["by_status"] == {"running": 1, "finished": 2}
    assert figures["interactions"]["total"] == 1


def test_the_years_tables_row_by_row(repository):
    tables = {table.ident: (table.title, _rows(table)) for table in year_report(Sources.of(repository), 2026, TODAY).tables()}
    assert tables == {
        "partners-country": ("Partneriai pagal šalį", [
            ["Šalis", "Skaičius"], ["Lenkija", 3], ["Vokietija", 1], ["Lietuva", 1], ["Latvija", 1], ["Norvegija", 1]]),
        "partners-kind": ("Partneriai pagal rūšį", [
            ["Rūšis", "Skaičius"], ["Savivaldybė", 4], ["Regionas", 1], ["Asociacija", 1], ["Švietimas ir mokslas", 1]]),
        "agreements": ("Sutartys", [
            ["Sutartys", "Skaičius"], ["Galioja šiandien", 4], ["Pasirašyta per metus", 1],
            ["Baigsis vėliau šiais metais", 2], ["Pasibaigė per metus", 1]]),
        "visits-partners": ("Vizitai pagal partnerį", [
            ["Partneris", "Skaičius"], ["Talsu novada pašvaldība", 2], ["Gmina Miejska Lubań", 1], ["Gmina Parczew", 1]]),
        "events-kind": ("Renginiai pagal rūšį", [
            ["Rūšis", "Skaičius"], ["Priėmimas", 1], ["KRPT posėdis", 1], ["Susitikimas", 2]]),
        "press-kind": ("Spauda pagal rūšį", [["Rūšis", "Skaičius"]]),
        "requests-status": ("Prašymai pagal būseną", [
            ["Būsena", "Skaičius"], ["Laukia atsakymo", 2], ["Atsakyta", 2], ["Užbaigta", 1]]),
        "projects-status": ("Projektai pagal būseną", [
            ["Būsena", "Skaičius"], ["Idėja", 1], ["Įgyvendinamas", 1], ["Baigtas", 1]]),
        "projects-funding-source": ("Projektai pagal finansavimo šaltinį", [
            ["Finansavimo šaltinis", "Projektai", "Vertė, EUR", "Savivaldybės dalis, EUR"],
            ["ES fondai", 1, 100000, 15000], ["Interreg", 1, 500000, 0], ["Savivaldybės biudžetas", 1, 20000, 20000]]),
        "interactions-months": ("Bendravimo žurnalas pagal mėnesį", [
            ["Mėnuo", "Skaičius"], ["sausis", 2], ["vasaris", 0], ["kovas", 1], ["balandis", 0], ["gegužė", 0],
            ["birželis", 0], ["liepa", 0], ["rugpjūtis", 0], ["rugsėjis", 0], ["spalis", 0], ["lapkritis", 1],
            ["gruodis", 0]]),
        "interactions-kind": ("Bendravimo žurnalas pagal būdą", [
            ["Būdas", "Skaičius"], ["Skambutis", 2], ["El. laiškas", 1], ["Susitikimas", 1]]),
    }


def test_a_past_years_agreements_are_counted_at_its_end(repository):
    table = next(t for t in year_report(Sources.of(repository), 2025, TODAY).tables() if t.ident == "agreements")
    assert _rows(table)[1] == ["Galiojo metų pabaigoje", 4]


def test_the_overview_puts_the_years_side_by_side(repository):
    sources = Sources.of(repository)
    assert report_years(sources) == [2023, 2024, 2025, 2026, 2027]
    tables = {table.ident: _rows(table) for table in overview_report(sources, TODAY).tables()}
    assert tables["years"] == [
        ["Metai", "Pasirašyta sutarčių", "Priimta delegacijų", "Vizitų į užsienį", "Renginiai", "Spauda",
         "Prašymai: gauta", "Prašymai: atsakyta laiku", "Projektai", "Bendravimo žurnalas"],
        ["2023", 0, 0, 0, 0, 0, 0, 0, 1, 0],
        ["2024", 0, 0, 0, 0, 0, 0, 0, 2, 0],
        ["2025", 1, 1, 0, 1, 0, 1, 1, 3, 1],
        ["2026", 1, 1, 2, 4, 0, 5, 2, 3, 4],
        ["2027", 0, 0, 1, 0, 0, 0, 0, 2, 0],
    ]
    assert tables["visits-years"] == [
        ["Metai", "Priimta delegacijų", "Vizitų į užsienį"],
        ["2023", 0, 0], ["2024", 0, 0], ["2025", 1, 0], ["2026", 1, 2], ["2027", 0, 1],
    ]
    assert sorted(tables) == [
        "agreements-years", "events-years", "interactions-years", "press-years", "projects-years",
        "requests-years", "visits-years", "years",
    ]


def test_the_public_report_holds_what_the_public_view_publishes_and_the_counts_allowed(repository):
    figures = year_report(report_sources(repository, public=True), 2026, TODAY, public=True).to_json()
    assert figures["visits"]["participants"] is None  # who went is personal data
    # Requests and the log are never published, but the schema lets their counts be: every
    # count, never the median (made of the requests' dates).
    assert figures["requests"] == {
        "received": 5, "answered": 3, "answered_on_time": 2, "median_days_to_answer": None, "overdue": 1,
    }
    assert figures["interactions"] == FIGURES_2026["interactions"]
    # Only the project marked public: true.
    assert figures["projects"] == {
        "total": 1, "by_status": {"running": 1}, "amount": 100000, "own_share": 15000,
        "by_funding": {"eu-funds": {"count": 1, "amount": 100000, "own_share": 15000}},
    }
    for key in ("partners", "agreements", "events", "press"):
        assert figures[key] == FIGURES_2026[key]


def test_a_collection_not_marked_publish_counts_is_left_out_of_the_public_report(repo):
    schema = repo.root / "datapackage.yaml"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace("    publish_counts: true\n", ""), encoding="utf-8")
    repository = load_repository(fill(repo).root)
    public = year_report(report_sources(repository, public=True), 2026, TODAY, public=True).to_json()
    assert "requests" not in public and "interactions" not in public
    assert "requests" in year_report(Sources.of(repository), 2026, TODAY).to_json()


def test_records_become_data_frames_typed_by_the_schema(repository):
    collection = repository.schema.collections["projects"]
    frame = records_frame(repository, collection, ["status", "start", "amount", "public", "name"])
    assert pd.api.types.is_datetime64_any_dtype(frame["start"])
    assert str(frame["amount"].dtype) == "Int64"
    assert str(frame["public"].dtype) == "boolean"
    assert list(frame["status"].cat.categories) == ["idea", "preparing", "applied", "running", "finished", "stopped"]
    row = frame.set_index("id").loc["takas"]
    assert (row["start"], row["amount"], row["public"]) == (pd.Timestamp("2025-09-01"), 100000, True)
    assert pd.isna(frame.set_index("id").loc["judumas", "start"])
