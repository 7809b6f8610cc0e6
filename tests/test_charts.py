"""Static SVG charts: the right bars and labels, Lithuanian numbers, a data table, readable on
light and dark pages, deterministic, escaped, and nothing fetched from outside."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from rysiai.language import use_language
from rysiai.reports.chart_svg import PALETTE
from rysiai.reports.charts import bar_chart, month_chart, year_bars
from rysiai.reports.numbers import MONTHS, MONTHS_SHORT, THOUSANDS, count_phrase, format_number

SVG = "{http://www.w3.org/2000/svg}"
COUNTRIES = ["Lenkija", "Latvija", "Vokietija", "Norvegija"]


@pytest.fixture(autouse=True)
def lithuanian():
    """The tables' headers as the office reads them (the suite speaks English by default)."""
    use_language("lt")


def _bars(svg: str, prefix: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if re.fullmatch(re.escape(prefix) + r"-\d+", g.get("id", ""))]


def _texts(svg: str) -> list[str]:
    return [text.text for text in ET.fromstring(svg).iter(f"{SVG}text")]


def _table(html: str) -> list[list[str]]:
    root = ET.fromstring(html)
    return [[cell.text or "" for cell in row] for row in root.iter("tr")]


def test_horizontal_bars_one_per_label_with_the_labels_and_values():
    chart = bar_chart("Partneriai pagal šalį", COUNTRIES, [4, 2, 1234.5, 1], ident="salys", decimals=1)
    assert len(_bars(chart.svg, "salys-bar")) == 4
    texts = _texts(chart.svg)
    assert [t for t in texts if t in COUNTRIES] == COUNTRIES
    assert f"1{THOUSANDS}234,5" in texts  # the value beside its bar
    assert _table(chart.table) == [
        ["", "Skaičius"],
        ["Lenkija", "4"],
        ["Latvija", "2"],
        ["Vokietija", f"1{THOUSANDS}234,5"],
        ["Norvegija", "1"],
    ]
    assert ET.fromstring(chart.table).find("caption").text == "Partneriai pagal šalį"


def test_vertical_bars():
    chart = bar_chart("Renginiai pagal rūšį", ["Posėdis", "Priėmimas", "Spauda"], [3, 1, 2], ident="renginiai",
                      horizontal=False, label_header="Rūšis")
    assert len(_bars(chart.svg, "renginiai-bar")) == 3
    assert {"Posėdis", "Priėmimas", "Spauda", "3", "1", "2"} <= set(_texts(chart.svg))
    assert _table(chart.table)[0] == ["Rūšis", "Skaičius"]


def test_year_bars_side_by_side_and_stacked():
    series = {"Atvykę": [3, 5, 2, 7], "Išvykę": [1, 4, 6, 2]}
    grouped = year_bars("Vizitai pagal metus", [2022, 2023, 2024, 2025], series, ident="vizitai")
    assert len(_bars(grouped.svg, "vizitai-bar-0")) == 4 and len(_bars(grouped.svg, "vizitai-bar-1")) == 4
    texts = _texts(grouped.svg)
    assert {"2022", "2023", "2024", "2025", "Atvykę", "Išvykę"} <= set(texts)
    assert _table(grouped.table) == [
        ["Metai", "Atvykę", "Išvykę"],
        ["2022", "3", "1"],
        ["2023", "5", "4"],
        ["2024", "2", "6"],
        ["2025", "7", "2"],
    ]
    stacked = year_bars("Vizitai pagal metus", [2022, 2023, 2024, 2025], series, ident="vizitai-suma", stacked=True)
    assert len(_bars(stacked.svg, "vizitai-suma-bar-0")) == 4 and len(_bars(stacked.svg, "vizitai-suma-bar-1")) == 4
    assert {"4", "9", "8"} <= set(_texts(stacked.svg))  # the years' totals on top


def test_month_columns_and_line():
    values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1200]
    columns = month_chart("Susitikimai pagal mėnesį", values, ident="menesiai")
    assert len(_bars(columns.svg, "menesiai-bar")) == 12
    assert [t for t in _texts(columns.svg) if t in MONTHS_SHORT] == list(MONTHS_SHORT)
    assert MONTHS_SHORT[0] == "saus." and MONTHS_SHORT[11] == "gruod."
    assert _table(columns.table)[:3] == [["Mėnuo", "Skaičius"], ["sausis", "0"], ["vasaris", "1"]]
    assert _table(columns.table)[12] == [MONTHS[11], f"1{THOUSANDS}200"]
    line = month_chart("Susitikimai pagal mėnesį", values, ident="menesiai-linija", line=True)
    points = ET.fromstring(line.svg).find(f".//{SVG}g[@id='menesiai-linija-line']")
    assert len(points.findall(f".//{SVG}use")) == 12


def test_chart_is_an_image_with_a_lithuanian_title_and_text_kept_as_text():
    chart = bar_chart("Partneriai pagal šalį", COUNTRIES, [4, 2, 1, 1], ident="salys")
    root = ET.fromstring(chart.svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "salys-title"
    assert root.find(f"{SVG}title").get("id") == "salys-title"
    assert root.find(f"{SVG}title").text == "Partneriai pagal šalį"
    assert len(list(root.iter(f"{SVG}text"))) > 8
    assert chart.html().startswith('<figure class="rysiai-chart-figure"><svg')
    assert chart.html().endswith("</table></figure>")


def test_text_and_axes_take_the_pages_colour():
    chart = year_bars("Vizitai", [2024, 2025], {"Atvykę": [1, 2], "Išvykę": [2, 1]}, ident="spalvos")
    fills = set(re.findall(r"(?:fill|stroke): (#[0-9a-f]{6}|currentColor|none)", chart.svg))
    assert fills <= {"currentColor", "none", PALETTE[0], PALETTE[1]}
    for text in ET.fromstring(chart.svg).iter(f"{SVG}text"):
        assert "fill: currentColor" in text.get("style") and "font-family: inherit" in text.get("style")
    assert "<style" not in chart.svg  # a page-wide style sheet would restyle the page's other SVGs


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("colour", PALETTE)
@pytest.mark.parametrize("background", ["#ffffff", "#1e2129"])  # Material's default and slate
def test_bar_colours_stand_out_on_light_and_dark_pages(colour, background):
    lighter, darker = sorted([_luminance(colour), _luminance(background)], reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3.0  # WCAG 2.1, 1.4.11 non-text contrast


def test_same_chart_same_bytes_and_no_id_shared_between_charts():
    first = bar_chart("A", COUNTRIES, [1, 2, 3, 4], ident="pirmas")
    assert bar_chart("A", COUNTRIES, [1, 2, 3, 4], ident="pirmas") == first
    second = bar_chart("A", COUNTRIES, [1, 2, 3, 4], ident="antras")
    ids = [set(re.findall(r'id="([^"]+)"', chart.svg + chart.table)) for chart in (first, second)]
    assert ids[0] and not ids[0] & ids[1]
    assert all(i.startswith("pirmas") for i in ids[0])


def test_every_reference_inside_a_chart_points_to_its_own_element():
    chart = month_chart("Linija", list(range(12)), ident="linija", line=True)
    ids = set(re.findall(r'id="([^"]+)"', chart.svg))
    targets = set(re.findall(r'(?:href="#|url\(#)([^")]+)', chart.svg))
    assert targets and targets <= ids


def test_hostile_labels_are_escaped():
    hostile = '<script>x</script> & <b>"'
    chart = bar_chart(hostile, [hostile, "Latvija"], [1, 2], ident="pavojus", label_header=hostile)
    for text in (chart.svg, chart.table):
        assert "<script" not in text and "<b>" not in text
    assert ET.fromstring(chart.svg).find(f"{SVG}title").text == hostile
    assert hostile in _texts(chart.svg)
    assert _table(chart.table)[1] == [hostile, "1"]


def test_labels_come_through_as_written():
    labels = ["Fondas $5 000$ ir 50 %", r"C:\katalogas_x^2", "東京", "თბილისი"]
    chart = bar_chart("$x$", labels, [1, 2, 3, 4], ident="tekstai")  # no warning of missing glyphs
    assert set(labels) <= set(_texts(chart.svg))
    assert ET.fromstring(chart.svg).find(f"{SVG}title").text == "$x$"


def test_no_external_reference_in_any_chart():
    charts = [
        bar_chart("A", COUNTRIES, [1, 2, 3, 4], ident="a"),
        year_bars("B", [2024, 2025], {"X": [1, 2], "Y": [3, 4]}, ident="b", stacked=True),
        month_chart("C", list(range(12)), ident="c", line=True),
    ]
    for chart in charts:
        text = chart.svg + chart.table
        assert set(re.findall(r"https?:[^\s\"'<>)]*", text)) <= {"http://www.w3.org/2000/svg"}
        assert "xlink" not in text and "<script" not in text and "<metadata" not in text


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: bar_chart("A", ["x", "y"], [1], ident="a"), "1 values for 2 labels"),
        (lambda: bar_chart("A", ["x"], [1], ident="Bad id"), "ident"),
        (lambda: year_bars("A", [2024], {"X": [1, 2]}, ident="a"), "2 values for 1 labels"),
        (lambda: month_chart("A", [1] * 11, ident="a"), "12 values"),
    ],
)
def test_mismatched_data_is_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    ("value", "decimals", "written"),
    [
        (1234.5, 1, f"1{THOUSANDS}234,5"),
        (1234567, 0, f"1{THOUSANDS}234{THOUSANDS}567"),
        (0.25, 1, "0,3"),  # halves up, as by hand
        (2.0, 1, "2"),
        (-1234.5, 1, f"\u22121{THOUSANDS}234,5"),
        (-0.04, 1, "0"),
        (999.96, 1, f"1{THOUSANDS}000"),
        (12.345, 2, "12,35"),
    ],
)
def test_lithuanian_number_format(value, decimals, written):
    assert format_number(value, decimals) == written


@pytest.mark.parametrize(
    ("count", "phrase"),
    [(0, "0 vizitų"), (1, "1 vizitas"), (2, "2 vizitai"), (9, "9 vizitai"), (10, "10 vizitų"), (11, "11 vizitų"),
     (15, "15 vizitų"), (21, "21 vizitas"), (22, "22 vizitai"), (111, "111 vizitų"), (1001, f"1{THOUSANDS}001 vizitas")],
)
def test_count_phrase_takes_the_right_form(count, phrase):
    assert count_phrase(count, ("vizitas", "vizitai", "vizitų")) == phrase


def test_the_tables_headers_in_english_on_request():
    use_language("en")
    assert _table(bar_chart("Countries", COUNTRIES, [4, 2, 1, 1], ident="salys").table)[0] == ["", "Number"]
    assert _table(month_chart("Meetings", [1] * 12, ident="menesiai").table)[0] == ["Month", "Number"]
