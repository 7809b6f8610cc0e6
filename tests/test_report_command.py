"""`rysiai report`: the JSON's figures, the Markdown's tables, the HTML page's charts (the right bars
and labels), the PDF, the public report, and files never replaced unless asked."""

import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from report_fixture import FIGURES_2026, fill
from rysiai.reports.numbers import MONTHS_SHORT

SVG = "{http://www.w3.org/2000/svg}"
DAY = ("--today", "2026-11-26")


@pytest.fixture
def root(repo):
    return str(fill(repo).root)


def test_json_carries_the_figures_as_numbers(cli, root):
    result = cli("report", "--root", root, "--year", "2026", *DAY, "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == FIGURES_2026


def test_the_year_is_this_year_by_default(cli, root):
    result = cli("report", "--root", root, *DAY, "--format", "json")
    assert json.loads(result.out)["year"] == 2026


def test_the_public_report_in_json(cli, root):
    result = cli("report", "--root", root, "--year", "2026", *DAY, "--format", "json", "--public")
    figures = json.loads(result.out)
    assert figures["visits"]["participants"] is None
    assert figures["requests"]["median_days_to_answer"] is None
    assert figures["projects"]["total"] == 1


def test_markdown_lists_the_facts_and_tables(cli, root):
    result = cli("--lang", "lt", "report", "--root", root, "--year", "2026", *DAY)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "# 2026 m. ataskaita"
    assert "## Vizitai" in lines
    start = lines.index("### Vizitai pagal partnerį")
    assert lines[start + 2: start + 7] == [
        "| Partneris | Skaičius |", "|---|--:|", "| Talsu novada pašvaldība | 2 |",
        "| Gmina Miejska Lubań | 1 |", "| Gmina Parczew | 1 |",
    ]
    assert "| Atsakymo dienų mediana | 10 |" in lines
    assert "| Atsakyta laiku | 2 (66,7\u00a0%) |" in lines


def _charts(html: str) -> dict[str, ET.Element]:
    svgs = [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, re.S)]
    return {svg.get("id"): svg for svg in svgs}


def _bars(svg: ET.Element) -> list[str]:
    ident = svg.get("id")
    return [g.get("id") for g in svg.iter(f"{SVG}g") if re.fullmatch(re.escape(ident) + r"-bar-\d+", g.get("id", ""))]


def _texts(svg: ET.Element) -> list[str]:
    return [text.text for text in svg.iter(f"{SVG}text")]


def test_each_chart_has_a_bar_per_row_with_its_label(cli, root, tmp_path):
    out = tmp_path / "ataskaita.html"
    result = cli("--lang", "lt", "report", "--root", root, "--year", "2026", *DAY, "--format", "html", "-o", str(out))
    assert result.code == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"lt\">")
    charts = _charts(html)
    expected = {
        "chart-partners-country": ["Lenkija", "Vokietija", "Lietuva", "Latvija", "Norvegija"],
        "chart-partners-kind": ["Savivaldybė", "Regionas", "Asociacija", "Švietimas ir mokslas"],
        "chart-visits-partners": ["Talsu novada pašvaldība", "Gmina Miejska Lubań", "Gmina Parczew"],
        "chart-events-kind": ["Priėmimas", "KRPT posėdis", "Susitikimas"],
        "chart-requests-status": ["Laukia atsakymo", "Atsakyta", "Užbaigta"],
        "chart-projects-status": ["Idėja", "Įgyvendinamas", "Baigtas"],
        "chart-interactions-months": list(MONTHS_SHORT),
        "chart-interactions-kind": ["Skambutis", "El. laiškas", "Susitikimas"],
    }
    assert sorted(ident for ident in charts if ident.startswith("chart-")) == sorted(expected)
    for ident, labels in expected.items():
        svg = charts[ident]
        assert len(_bars(svg)) == len(labels), ident
        texts = _texts(svg)
        assert [text for text in texts if text in labels] == labels, ident
    # Each chart's figures beside it, as a table for screen readers.
    assert '<table class="rysiai-chart-data" id="chart-visits-partners-data">' in html
    # The values beside the bars.
    assert [t for t in _texts(charts["chart-interactions-months"]) if t and t.isdigit()][-12:] == [
        "2", "0", "1", "0", "0", "0", "0", "0", "0", "0", "1", "0"]
    # The map of partner towns, without links (a page of its own links nowhere).
    town_map = charts["map-2026"]
    assert len(list(town_map.iter(f"{SVG}circle"))) >= 6 and not list(town_map.iter(f"{SVG}a"))
    # Nothing outside the page: no address but the SVG namespace's.
    assert set(re.findall(r"https?://[^\s\"'<>)]+", html)) == {"http://www.w3.org/2000/svg"}


def test_the_page_of_its_own_has_its_print_style(cli, root):
    html = cli("report", "--root", root, "--year", "2026", *DAY, "--format", "html").out
    assert "@page { size: A4;" in html and "break-before: page" in html and "break-inside: avoid" in html


def test_files_are_never_replaced_unless_asked(cli, root, tmp_path):
    out = tmp_path / "r.json"
    out.write_text("kept", encoding="utf-8")
    refused = cli("report", "--root", root, *DAY, "--format", "json", "-o", str(out))
    assert refused.code == 2
    assert refused.err == f"rysiai: error: {out} already exists; nothing written (use --force to replace)\n"
    assert out.read_text(encoding="utf-8") == "kept"
    replaced = cli("report", "--root", root, *DAY, "--format", "json", "-o", str(out), "--force")
    assert replaced.code == 0 and json.loads(out.read_text(encoding="utf-8"))["year"] == 2026


def test_data_with_errors_makes_no_report(cli, repo):
    fill(repo).write("visits/blogas.yaml", "title: Blogas\ndirection: sideways\nstart: 2026-01-01\n")
    result = cli("report", "--root", str(repo.root), *DAY)
    assert result.code == 1
    assert "visits/blogas.yaml:2: error: [enum] `direction` is `sideways`, which is not allowed" in result.out
    assert result.err == "1 error, 1 warning.\nrysiai: no report is made: fix the errors above first\n"


def _weasyprint_works() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


@pytest.mark.skipif(
    not _weasyprint_works() and not os.environ.get("RYSIAI_CI"),
    reason="WeasyPrint's libraries (Pango) are not installed; .ci/run installs them",
)
def test_pdf_on_a4_each_section_from_a_new_page(cli, repo, tmp_path):
    root = fill(repo).root
    pdf = tmp_path / "ataskaita.pdf"
    result = cli("report", "--root", str(root), "--year", "2026", *DAY, "--pdf", str(pdf), "-o", str(tmp_path / "r.md"))
    assert result.code == 0, result.err
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 20_000
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")
    # The same document laid out by WeasyPrint: A4 pages, each of the nine sections on its own.
    import weasyprint
    from rysiai.reports.report_files import report_document
    from rysiai.reports.year_report import Sources, year_report_with_map
    from rysiai.repository import load_repository

    report = year_report_with_map(Sources.of(load_repository(root)), 2026, dt.date(2026, 11, 26))
    pages = weasyprint.HTML(string=report_document(report, paper=True)).render().pages
    assert {(round(page.width * 0.75), round(page.height * 0.75)) for page in pages} == {(595, 842)}  # points
    assert len(pages) >= 9
