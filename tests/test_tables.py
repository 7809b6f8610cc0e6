"""CSV and XLSX tables for spreadsheet users: Lithuanian titles, Excel-friendly, formula-safe."""

import csv
import io

import pytest
from openpyxl import load_workbook
from rysiai.export.tables import neutralized

PEOPLE = {
    "contacts/ona.yaml": "name: Ona Šimkutė\nphone: 8 612 34567\nlanguages: [lt, en]\nposition: '=HYPERLINK(\"http://x\")'\n",
    "contacts/jonas.yaml": "name: Jonas Ąžuolas\nposition: '@SUM(A1)'\nnotes: '-2+3'\n",
}


def fill(repo):
    for path, text in PEOPLE.items():
        repo.write(path, text)


def read_csv(data: bytes, delimiter=","):
    assert data.startswith(b"\xef\xbb\xbf")  # byte-order mark for Excel
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_csv_with_lithuanian_titles_bom_and_semicolons(repo, tmp_path, cli):
    fill(repo)
    target = tmp_path / "kontaktai.csv"
    result = cli("export", "csv", "--root", str(repo.root), "--collection", "contacts",
                 "--delimiter", ";", "-o", str(target))
    assert (result.code, result.out) == (0, f"{target}\n")
    rows = read_csv(target.read_bytes(), ";")
    assert rows[0][:7] == [
        "Identifikatorius", "Vardas ir pavardė", "Organizacija", "Pareigos", "Pareigos per laiką", "El. paštas", "Telefonas",
    ]
    by_id = {row[0]: row for row in rows[1:]}
    assert [row[0] for row in rows[1:]] == ["jonas", "ona"]  # Jonas Ą… before Ona Š…
    assert by_id["ona"][1] == "Ona Šimkutė"
    assert by_id["ona"][6] == "'+37061234567"  # E.164, and a leading + neutralised
    assert by_id["ona"][7] == "lt; en"


@pytest.mark.parametrize(
    "text, safe",
    [("=1+1", "'=1+1"), ("+370", "'+370"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\t=1", "'\t=1"), ("Ona", "Ona"), ("1-2", "1-2")],
)
def test_formula_starts_are_neutralised(text, safe):
    assert neutralized(text) == safe


def test_csv_cells_never_start_a_formula(repo, cli):
    fill(repo)
    result = cli("export", "csv", "--root", str(repo.root), "--collection", "contacts")
    rows = read_csv(result.out.encode("utf-8"))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_xlsx_sheets_text_cells_frozen_header(repo, tmp_path, cli):
    fill(repo)
    target = tmp_path / "registras.xlsx"
    assert cli("export", "xlsx", "--root", str(repo.root), "-o", str(target)).code == 0
    workbook = load_workbook(target)
    assert workbook.sheetnames == [
        "Partneriai", "Kontaktai", "Bendruomenės", "Vizitai", "Prašymai", "Renginiai",
        "Projektai", "Bendravimo žurnalas", "Spauda", "Apklausos",
    ]
    sheet = workbook["Kontaktai"]
    assert sheet.freeze_panes == "A2"
    assert sheet["B1"].value == "Vardas ir pavardė" and sheet["B1"].font.bold
    positions = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=4) for r in (2, 3)}
    assert positions["ona"].value == '=HYPERLINK("http://x")'
    assert positions["ona"].data_type == "s"  # text, not a formula
    assert positions["jonas"].value == "@SUM(A1)"


def test_unknown_collection_and_existing_file(repo, tmp_path, cli):
    fill(repo)
    result = cli("export", "csv", "--root", str(repo.root), "--collection", "people")
    assert result.code == 2
    assert result.err == (
        "rysiai: error: there is no collection `people`; the collections are: partners, contacts, "
        "associations, visits, requests, events, projects, interactions, press, surveys\n"
    )
    target = tmp_path / "x.xlsx"
    target.write_bytes(b"mine")
    result = cli("export", "xlsx", "--root", str(repo.root), "-o", str(target))
    assert result.code == 2
    assert target.read_bytes() == b"mine"
