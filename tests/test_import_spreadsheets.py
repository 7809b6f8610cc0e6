"""Importing office spreadsheets: names in two columns, organisations by name, dates, numbers,
booleans, Lithuanian labels, formulas and limits; every record written validates."""

import datetime as dt
import time
import zipfile

import pytest
from openpyxl import Workbook

from rysiai.errors import RysiaiError
from rysiai.imports.table_files import Limits, read_csv_table, read_xlsx_table
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository

PARTNERS = {
    "partners/talsi.yaml": "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\n",
    "partners/gija.yaml": "name: UAB „Gija“\nkind: business\ncountry: LT\n",
    "partners/vilnius.yaml": "name: Vilniaus kolegija\nkind: education\ncountry: LT\n",
    "partners/vilnius-2.yaml": "name: VšĮ Vilniaus kolegija\nkind: education\ncountry: LT\n",
    "associations/silavoto-bendruomene.yaml": "name: Šilavoto bendruomenė\n",
}


def workbook(path, rows, patch=None):
    """An .xlsx as openpyxl writes it; ``patch`` may rewrite the first sheet's XML."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    if patch is not None:
        rewrite(path, "xl/worksheets/sheet1.xml", lambda data: patch(data.decode("utf-8")).encode("utf-8"))
    return path


def rewrite(path, member, change):
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    contents[member] = change(contents[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


def run(repo, cli, path, collection="contacts", *args, partners=True):
    """Import, then check that the whole repository has no errors (every record written validates)."""
    if partners:
        for name, text in PARTNERS.items():
            repo.write(name, text)
    kind = path.suffix.lstrip(".")
    result = cli("import", kind, str(path), "--collection", collection, "--root", str(repo.root), *args)
    assert result.err == "" and result.code == 0, result.err
    repository = load_repository(repo.root)
    assert [finding_line(finding) for finding in check_repository(repository).errors] == []
    return result.out, repository


def csv_file(tmp_path, text, name="lentelė.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "header, row",
    [
        ("Vardas;Pavardė", "Rūta;Žalienė"),
        ("PAVARDĖ;vardas", "Žalienė;Rūta"),
        ("pavarde;Vardas", "Žalienė;Rūta"),
        ("First name;Last name", "Rūta;Žalienė"),
        ("Last Name;First Name", "Žalienė;Rūta"),
    ],
)
def test_a_first_name_and_a_surname_in_two_columns_make_the_name(repo, cli, tmp_path, header, row):
    path = csv_file(tmp_path, f"{header};El. paštas\n{row};ruta@prienai.lt\n")
    out, repository = run(repo, cli, path, partners=False)
    given, family = (header.split(";")[0], header.split(";")[1])
    if given.casefold().startswith(("pavard", "last")):
        given, family = family, given
    assert out == (
        "Read as utf-8, cells separated by `;`.\n"
        f"Columns joined: `{given}` and `{family}` make `name` (given name first).\n"
        "New records (1):\n  contacts/ruta-zaliene.yaml  Rūta Žalienė\nWritten: 1 file.\n"
    )
    assert repository.by_id["ruta-zaliene"].values["email"] == "ruta@prienai.lt"


def test_map_joins_columns_in_the_order_given(repo, cli, tmp_path):
    path = csv_file(tmp_path, "Vardas;Pavardė;Skyrius\nRūta;Žalienė;Kultūros\nJonas;;\n")
    out, repository = run(repo, cli, path, "contacts", "--map", "pavardė + VARDAS=name", partners=False)
    assert out == (
        "Read as utf-8, cells separated by `;`.\n"
        "Columns matching no field (their values go into the notes): Skyrius\n"
        "New records (2):\n"
        "  contacts/zaliene-ruta.yaml  Žalienė Rūta\n"
        "    into the notes: Skyrius `Kultūros` (no field of that name)\n"
        "  contacts/jonas.yaml  Jonas\n"
        "Written: 2 files.\n"
    )


@pytest.mark.parametrize(
    "mapping, message",
    [
        ("Pavardė+Pavarde2=name", "--map names `Pavarde2`, but the table has no column of that name; its columns are: `Vardas`, `Pavardė`, `Vardas`"),
        ("Vardas=name", "--map names `Vardas`, but the table has more than one column of that name; its columns are: `Vardas`, `Pavardė`, `Vardas`"),
        ("Pavardė=vardas", "--map names `vardas`, which is not a field of contacts"),
        ("Pavardė", "--map takes SRC=field pairs, not 'Pavardė'"),
    ],
)
def test_map_refuses_what_it_cannot_do(repo, cli, tmp_path, mapping, message):
    path = csv_file(tmp_path, "Vardas;Pavardė;Vardas\nRūta;Žalienė;Rūta\n")
    result = cli("import", "csv", str(path), "--collection", "contacts", "--map", mapping, "--root", str(repo.root))
    assert (result.code, result.out, result.err) == (2, "", f"rysiai: error: {message}\n")


def test_organisations_given_by_name_are_found(repo, cli, tmp_path):
    path = workbook(tmp_path / "kontaktai.xlsx", [
        ["Vardas ir pavardė", "Organizacija"],
        ["Ona Onaitė", "talsu novada pasvaldiba"],
        ["Rūta Žalienė", "Gija, UAB"],
        ["Jonas Jonaitis", "„GIJA“"],
        ["Petras Petraitis", "Talsu novada pašvaldības"],
        ["Aldona Aldonienė", "Kauno kolegija"],
        ["Birutė Birutienė", "Vilniaus kolegija, VšĮ"],
        ["Zita Zitienė", "Silavoto bendruomene"],
        ["Vytas Vytaitis", "talsi"],
    ])
    out, repository = run(repo, cli, path)
    assert out == (
        "New records (8):\n"
        "  contacts/ona-onaite.yaml  Ona Onaitė\n"
        "  contacts/ruta-zaliene.yaml  Rūta Žalienė\n"
        "  contacts/jonas-jonaitis.yaml  Jonas Jonaitis\n"
        "  contacts/petras-petraitis.yaml  Petras Petraitis\n"
        "    `Organizacija` `Talsu novada pašvaldības` taken as `talsi`, a near match for `Talsu novada pašvaldība`\n"
        "  contacts/aldona-aldoniene.yaml  Aldona Aldonienė\n"
        "    into the notes: Organizacija `Kauno kolegija` (no record of partners or associations has that name)\n"
        "  contacts/birute-birutiene.yaml  Birutė Birutienė\n"
        "    into the notes: Organizacija `Vilniaus kolegija, VšĮ` (several records have that name: vilnius, vilnius-2)\n"
        "  contacts/zita-zitiene.yaml  Zita Zitienė\n"
        "  contacts/vytas-vytaitis.yaml  Vytas Vytaitis\n"
        "Written: 8 files.\n"
    )
    organizations = {record.id: record.values.get("organization") for record in repository.collection("contacts")}
    assert organizations == {
        "ona-onaite": "talsi", "ruta-zaliene": "gija", "jonas-jonaitis": "gija", "petras-petraitis": "talsi",
        "aldona-aldoniene": None, "birute-birutiene": None, "zita-zitiene": "silavoto-bendruomene",
        "vytas-vytaitis": "talsi",
    }


def test_dates_become_iso_days(repo, cli, tmp_path):
    rows = [["Vardas ir pavardė", "Peržiūrėta"]]
    cells = [
        dt.datetime(2025, 1, 2), dt.date(2025, 1, 3), "2025-01-04 00:00:00", "05/01/2025", "06.01.2025",
        "2025.01.07", "2025/01/08", "2025-1-9", "31.02.2025", "10.01.25", dt.datetime(2025, 1, 11, 14, 30),
        "vakar", 45678,
    ]
    rows += [[f"Asmuo {chr(ord('A') + index)}", cell] for index, cell in enumerate(cells)]
    out, repository = run(repo, cli, workbook(tmp_path / "datos.xlsx", rows), partners=False)
    reviewed = {record.values["name"]: record.values.get("reviewed") for record in repository.collection("contacts")}
    assert reviewed == {
        "Asmuo A": "2025-01-02", "Asmuo B": "2025-01-03", "Asmuo C": "2025-01-04", "Asmuo D": "2025-01-05",
        "Asmuo E": "2025-01-06", "Asmuo F": "2025-01-07", "Asmuo G": "2025-01-08", "Asmuo H": "2025-01-09",
        "Asmuo I": None, "Asmuo J": None, "Asmuo K": None, "Asmuo L": None, "Asmuo M": None,
    }
    assert [line for line in out.splitlines() if line.startswith("    into the notes")] == [
        "    into the notes: Peržiūrėta `31.02.2025` (no such day in the calendar, read day first as dd/mm/yyyy)",
        "    into the notes: Peržiūrėta `10.01.25` (the year is written in two digits, so the century is unknown)",
        "    into the notes: Peržiūrėta `2025-01-11 14:30` (a date with a time of day (14:30); this field takes a day)",
        "    into the notes: Peržiūrėta `vakar` (not a date (write 2025-01-31, 31.01.2025 or 31/01/2025))",
        "    into the notes: Peržiūrėta `45678` (not a date (write 2025-01-31, 31.01.2025 or 31/01/2025))",
    ]
    text = (repo.root / "contacts" / "asmuo-a.yaml").read_text(encoding="utf-8")
    assert "reviewed: 2025-01-02\n" in text


def test_a_column_that_writes_months_first_makes_its_unclear_dates_notes(repo, cli, tmp_path):
    path = csv_file(tmp_path, "Vardas ir pavardė;Peržiūrėta\nA;01/13/2025\nB;02/03/2025\nC;15/03/2025\nD;04/04/2025\n")
    out, repository = run(repo, cli, path, partners=False)
    assert [line for line in out.splitlines() if line.startswith("    into the notes")] == [
        "    into the notes: Peržiūrėta `01/13/2025` (no such day in the calendar, read day first as dd/mm/yyyy)",
        "    into the notes: Peržiūrėta `02/03/2025` (day or month first? other dates in this column are written month first)",
    ]
    reviewed = {record.values["name"]: record.values.get("reviewed") for record in repository.collection("contacts")}
    assert reviewed == {"A": None, "B": None, "C": "2025-03-15", "D": "2025-04-04"}


def test_numbers_come_back_as_their_digits(repo, cli, tmp_path):
    path = workbook(tmp_path / "partneriai.xlsx", [
        ["Pavadinimas", "Rūšis", "Šalis", "Juridinio asmens kodas", "Telefonas", "Kiti"],
        ["Lietuvos savivaldybių asociacija", "Asociacija", "lt", 124111348.0, 861234567, 1.5e10],
        ["Birštono savivaldybė", "savivaldybe", "LT", 188764868, 861234568.0, 0.000001],
        ["Alytaus kolegija", "švietimas ir mokslas", "LT", "", 37061234569, 12345678901234567890],
    ])
    out, repository = run(repo, cli, path, "partners", partners=False)
    values = {record.id: record.values for record in repository.collection("partners")}
    assert values["lietuvos-savivaldybiu-asociacija"]["code"] == "124111348"
    assert values["lietuvos-savivaldybiu-asociacija"]["phone"] == "+37061234567"
    assert values["lietuvos-savivaldybiu-asociacija"]["kind"] == "association"
    assert values["lietuvos-savivaldybiu-asociacija"]["country"] == "LT"
    assert values["birstono-savivaldybe"]["kind"] == "municipality"
    assert values["alytaus-kolegija"]["kind"] == "education"
    assert [line for line in out.splitlines() if line.startswith("    into the notes")] == [
        "    into the notes: Kiti `15000000000` (no field of that name)",
        "    into the notes: Kiti `0.000001` (no field of that name)",
        # Validation's own word, for a value that only validation could refuse:
        "    into the notes: Juridinio asmens kodas `188764868` (`code` is `188764868`: the last digit does "
        "not match the check digit, so a digit is probably mistyped (a Lithuanian legal-entity code has 9 "
        "digits; check it in the Register of Legal Entities))",
        # 20 digits are more than a spreadsheet number holds: the digits it kept, and no exponent.
        "    into the notes: Kiti `12345678901234570000` (no field of that name)",
    ]
    assert values["birstono-savivaldybe"]["phone"] == "+37061234568"
    assert values["alytaus-kolegija"]["phone"] == "+37061234569"


@pytest.mark.parametrize(
    "cell, stored",
    [("taip", True), ("Taip", True), ("NE", False), ("ne", False), ("TRUE", True), ("false", False),
     (True, True), (False, False), (1, True), (0, False), ("yes", True), ("No", False)],
)
def test_booleans_become_true_or_false(repo, cli, tmp_path, cell, stored):
    path = workbook(tmp_path / "a.xlsx", [["Vardas ir pavardė", "Viešinti"], ["Ona Onaitė", cell]])
    out, repository = run(repo, cli, path, partners=False)
    assert out == "New records (1):\n  contacts/ona-onaite.yaml  Ona Onaitė\nWritten: 1 file.\n"
    assert repository.by_id["ona-onaite"].typed["public"] is stored
    text = (repo.root / "contacts" / "ona-onaite.yaml").read_text(encoding="utf-8")
    assert f"\npublic: {'true' if stored else 'false'}\n" in text


def test_a_word_that_is_neither_yes_nor_no_goes_into_the_notes(repo, cli, tmp_path):
    path = csv_file(tmp_path, "Vardas ir pavardė,Viešinti\nOna Onaitė,galbūt\n")
    out, repository = run(repo, cli, path, partners=False)
    assert "    into the notes: Viešinti `galbūt` (neither yes nor no: taip or ne, true or false)\n" in out
    assert "public" not in repository.by_id["ona-onaite"].values


@pytest.mark.parametrize(
    "label, value",
    [("savivaldybė", "municipality"), ("SAVIVALDYBĖ", "municipality"), ("Savivaldybe", "municipality"),
     ("Švietimas ir mokslas", "education"), ("svietimas IR mokslas", "education"),
     ("municipality", "municipality"), ("Municipality", "municipality"), ("Tarptautinė organizacija", "international")],
)
def test_a_lithuanian_label_of_an_allowed_value_becomes_the_value(repo, cli, tmp_path, label, value):
    path = csv_file(tmp_path, f"Pavadinimas,Rūšis,Šalis\nBirštono savivaldybė,{label},LT\n")
    out, repository = run(repo, cli, path, "partners", partners=False)
    assert repository.by_id["birstono-savivaldybe"].values["kind"] == value


def test_a_required_value_that_is_not_allowed_says_why_the_row_is_not_used(repo, cli, tmp_path):
    path = csv_file(tmp_path, "Pavadinimas,Rūšis,Šalis\nBirštono savivaldybė,kaimas,LT\nTalsi,municipality,XX\n")
    out, _ = run(repo, cli, path, "partners", partners=False)
    assert out == (
        "Read as utf-8, cells separated by `,`.\n"
        "New records (0):\n"
        "Rows not used (2):\n"
        "  row 2: no `kind` (Rūšis): `kaimas` is not an allowed value; allowed: municipality = Savivaldybė, "
        "region = Regionas, state = Valstybės institucija, international = Tarptautinė organizacija, "
        "association = Asociacija, media = Žiniasklaida, business = Verslas, education = Švietimas ir mokslas, "
        "other = Kita\n"
        "  row 3 (Talsi): `country` is `XX`, not an ISO 3166-1 alpha-2 country code (use a two-letter code "
        "such as LT, LV, PL, DE)\n"
        "Written: 0 files.\n"
    )


def test_formulas_give_their_computed_value_or_go_into_the_notes(repo, cli, tmp_path):
    def cached(xml):  # as Excel saves it: the formula and the value it computed
        return xml.replace("<f>A3</f><v />", "<f>A3</f><v>861234567</v>", 1)

    path = workbook(tmp_path / "formulės.xlsx", [
        ["Vardas ir pavardė", "Telefonas", "Pareigos"],
        ["Ona Onaitė", "=A3", "=CONCAT(\"Vadovė\", \", skyrius\")"],
        ["Jonas Jonaitis", "8 612 00000", "=1/0"],
    ], patch=lambda xml: cached(xml).replace("<f>1/0</f><v />", "<f>1/0</f><v>#DIV/0!</v>").replace(
        '<c r="C3"><f>1/0', '<c r="C3" t="e"><f>1/0'))
    out, repository = run(repo, cli, path, partners=False)
    assert out == (
        "New records (2):\n"
        "  contacts/ona-onaite.yaml  Ona Onaitė\n"
        "    into the notes: Pareigos `=CONCAT(\"Vadovė\", \", skyrius\")` (a formula with no computed value; "
        "open and save the file in Excel)\n"
        "  contacts/jonas-jonaitis.yaml  Jonas Jonaitis\n"
        "    into the notes: Pareigos `#DIV/0!` (an error value of Excel)\n"
        "Written: 2 files.\n"
    )
    assert repository.by_id["ona-onaite"].values["phone"] == "+37061234567"
    assert "Pareigos: =CONCAT(\"Vadovė\", \", skyrius\")" in repository.by_id["ona-onaite"].values["notes"]


def test_a_table_with_control_characters_and_a_reserved_id(repo, cli, tmp_path):
    path = csv_file(tmp_path, "id,Vardas ir pavardė,Pareigos\ncon,Ona\x1b[2J Onaitė,Vadovė\x00\nnul-2,Jonas,\n")
    out, repository = run(repo, cli, path, partners=False)
    assert out == (
        "Read as utf-8, cells separated by `,`.\n"
        "New records (2):\n"
        "  contacts/contacts-con.yaml  Ona[2J Onaitė\n"
        "    `name`: a control character removed (U+001B)\n"
        "    `position`: a control character removed (U+0000)\n"
        "    the id `con` is reserved (Windows cannot hold a file of that name); `contacts-con` instead\n"
        "  contacts/nul-2.yaml  Jonas\n"
        "Written: 2 files.\n"
    )


def test_a_small_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused(repo, cli, tmp_path):
    """A zip bomb made here: 300 MB of whitespace inside the sheet, about 1.3 MB packed."""
    path = workbook(tmp_path / "bomba.xlsx", [["Vardas ir pavardė"], ["Ona"]])
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = contents.pop("xl/worksheets/sheet1.xml").decode("utf-8")
    head, tail = sheet.split("<sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write((head + "<sheetData>").encode())
            chunk = b" " * (1 << 20)
            for _ in range(300):
                member.write(chunk)
            member.write(tail.encode())
    packed = path.stat().st_size
    assert packed < 2_000_000
    started = time.monotonic()
    result = cli("import", "xlsx", str(path), "--collection", "contacts", "--root", str(repo.root))
    assert time.monotonic() - started < 2
    unpacked = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"rysiai: error: bomba.xlsx: unpacked it would take {unpacked:,} bytes (it is {packed:,} bytes "
        "packed); workbooks of more than 209,715,200 bytes unpacked are not imported\n"
    )
    assert not list((repo.root / "contacts").glob("*.yaml"))


def test_a_workbook_that_hides_its_unpacked_size_is_refused_as_damaged(repo, cli, tmp_path):
    """The zip's directory says the sheet is 100 bytes; it is some megabytes. Python's zip
    reader never reads past the stated size, and the checksum then fails."""
    rows = [["Vardas ir pavardė"]] + [[f"Asmuo {number}" + " " * 30_000] for number in range(200)]
    path = workbook(tmp_path / "melas.xlsx", rows)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 6_000_000
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")  # the central directory: one entry per member
    while data[entry + 46:entry + 46 + int.from_bytes(data[entry + 28:entry + 30], "little")] != b"xl/worksheets/sheet1.xml":
        entry = data.find(b"PK\x01\x02", entry + 4)
        assert entry > 0
    data[entry + 24:entry + 28] = (100).to_bytes(4, "little")  # the uncompressed size
    path.write_bytes(bytes(data))
    result = cli("import", "xlsx", str(path), "--collection", "contacts", "--root", str(repo.root))
    assert (result.code, result.out) == (2, "")
    assert result.err == "rysiai: error: melas.xlsx: the workbook is damaged (Bad CRC-32 for file 'xl/worksheets/sheet1.xml')\n"


def test_limits_on_rows_columns_and_cells(tmp_path):
    limits = Limits(rows=2, columns=3, cell=10, unpacked=1000)
    rows = [["Vardas ir pavardė"], ["A"], ["B"], ["C"]]
    with pytest.raises(RysiaiError, match=r"^a.xlsx: more than 2 rows; import it in parts$"):
        read_xlsx_table(workbook(tmp_path / "a.xlsx", rows), Limits(rows=2))
    with pytest.raises(RysiaiError, match=r"^b.xlsx: row 2 has a value in column 4; at most 3 columns are imported$"):
        read_xlsx_table(workbook(tmp_path / "b.xlsx", [["V"], ["A", None, None, "x"]]), Limits(columns=3))
    with pytest.raises(RysiaiError, match=r"^c.xlsx: row 2 has a cell of 11 characters; at most 10 are imported"):
        read_xlsx_table(workbook(tmp_path / "c.xlsx", [["V"], ["A" * 11]]), Limits(cell=10))
    with pytest.raises(RysiaiError, match=r"^d.csv: more than 2 rows; import it in parts$"):
        read_csv_table(csv_file(tmp_path, "V\nA\nB\nC\n", "d.csv"), limits)
    with pytest.raises(RysiaiError, match=r"^e.csv: row 2 has a cell of 11 characters"):
        read_csv_table(csv_file(tmp_path, "V\nAAAAAAAAAAA\n", "e.csv"), limits)
    with pytest.raises(RysiaiError, match=r"^f.csv: 2,000 bytes; tables of more than 1,000 bytes are not imported$"):
        read_csv_table(csv_file(tmp_path, "V\n" + "A" * 1997 + "\n", "f.csv"), limits)


def test_a_sheet_that_claims_a_million_rows_and_the_last_column_is_read_as_written(tmp_path):
    """openpyxl's own rows would be padded out to the stated size; only the cells written count."""
    def far(xml):
        xml = xml.replace('<dimension ref="A1:A2" />', '<dimension ref="A1:XFD1048576" />')
        return xml.replace("</sheetData>", '<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>Jonas</t>'
                           '</is></c><c r="XFD2000000000" s="0" /></row></sheetData>')

    started = time.monotonic()
    table = read_xlsx_table(workbook(tmp_path / "toli.xlsx", [["Vardas ir pavardė"], ["Ona"]], patch=far))
    assert time.monotonic() - started < 2
    assert (table.header, table.rows) == (["Vardas ir pavardė"], [(2, ["Ona"]), (2000000000, ["Jonas"])])


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not a zip", "nezip.xlsx: not an Excel workbook (.xlsx) (File is not a zip file)"),
    ],
)
def test_a_file_that_is_not_a_workbook(repo, cli, tmp_path, content, message):
    path = tmp_path / "nezip.xlsx"
    path.write_bytes(content)
    result = cli("import", "xlsx", str(path), "--collection", "contacts", "--root", str(repo.root))
    assert (result.code, result.err) == (2, f"rysiai: error: {message}\n")


def test_a_csv_cell_larger_than_the_csv_module_allows(repo, cli, tmp_path):
    path = csv_file(tmp_path, "Vardas ir pavardė,Pastabos\nOna,\"" + "a" * 200_000 + "\"\n")
    result = cli("import", "csv", str(path), "--collection", "contacts", "--root", str(repo.root))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "rysiai: error: lentelė.csv: row 2: cannot be read as CSV (field larger than field limit (131072))\n"
    )


def test_event_times_and_partners_named_in_a_list(repo, cli, tmp_path):
    path = workbook(tmp_path / "renginiai.xlsx", [
        ["Pavadinimas", "Rūšis", "Pradžia", "Pabaiga", "Organizatorius"],
        ["Priėmimas", "Priėmimas", "02.01.2025 10:30", dt.datetime(2025, 1, 2, 12, 0), "Talsu novada pašvaldība"],
        ["Posėdis", "tarybos posėdis", dt.datetime(2025, 1, 3), "2025-01-03 11:00:30", "gija"],
    ])
    out, repository = run(repo, cli, path, "events")
    values = {record.id: record.values for record in repository.collection("events")}
    assert values["priemimas"]["start"] == "2025-01-02 10:30"
    assert values["priemimas"]["end"] == "2025-01-02 12:00"
    assert (values["priemimas"]["kind"], values["priemimas"]["organizer"]) == ("reception", "talsi")
    assert (values["posedis"]["start"], values["posedis"]["kind"]) == ("2025-01-03", "council")
    assert [line for line in out.splitlines() if line.startswith("    ")] == [
        "    into the notes: Pabaiga `2025-01-03 11:00:30` (a time with seconds; this field takes hours and minutes)",
    ]
    visits = csv_file(tmp_path, "Pavadinimas;Kryptis;Pradžia;Partneriai\n"
                      "Vizitas;incoming;2025-06-27;\"Talsu novada pasvaldiba; UAB Gija; Kauno kolegija\"\n")
    out, repository = run(repo, cli, visits, "visits")
    assert repository.by_id["vizitas"].values["partners"] == ["talsi", "gija"]
    assert "    into the notes: Partneriai `Kauno kolegija` (no record of partners has that name)\n" in out


def test_a_second_column_for_a_field_and_an_id_in_capitals(repo, cli, tmp_path):
    path = csv_file(tmp_path, "Vardas ir pavardė;Telefonas;telefonas;Organizacija\nOna Onaitė;8 612 34567;8 612 34568;TALSI\n")
    out, repository = run(repo, cli, path)
    assert out == (
        "Read as utf-8, cells separated by `;`.\n"
        "Columns matching no field (their values go into the notes): telefonas\n"
        "New records (1):\n"
        "  contacts/ona-onaite.yaml  Ona Onaitė\n"
        "    into the notes: telefonas `8 612 34568` (another column fills that field)\n"
        "Written: 1 file.\n"
    )
    assert repository.by_id["ona-onaite"].values["organization"] == "talsi"


def test_a_csv_that_is_neither_utf8_nor_windows_1257(repo, cli, tmp_path):
    path = tmp_path / "kita.csv"
    path.write_bytes("Vardas ir pavardė\nOna\n".encode("cp1257") + b"\x81\n")
    result = cli("import", "csv", str(path), "--collection", "contacts", "--root", str(repo.root))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "rysiai: error: kita.csv: line 3: byte 0x81 is neither UTF-8 nor Windows-1257 text; save the table as CSV UTF-8\n"
    )
