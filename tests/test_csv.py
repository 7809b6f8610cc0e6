"""CSV sources: many records per file, `;` in list fields, every bad row reported with its line."""

from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository

HEADER = "id,name,organization,email,phone,languages\n"


def load(repo):
    repository = load_repository(repo.root)
    return repository, [finding_line(f) for f in check_repository(repository).sorted()]


def test_rows_become_records_with_lists_split(repo):
    repo.write("contacts/media.csv", HEADER + "ona-a,Ona Aleknienė,,ona@gyvenimas.eu,+37061234567,lt; en;\n")
    repository, texts = load(repo)
    assert texts == []
    record = repository.by_id["ona-a"]
    assert (record.path, record.line) == ("contacts/media.csv", 2)
    assert record.values == {
        "name": "Ona Aleknienė", "email": "ona@gyvenimas.eu", "phone": "+37061234567",
        "languages": ["lt", "en"],
    }


def test_yaml_and_csv_mix_in_one_collection(repo):
    repo.write("contacts/media.csv", HEADER + "ona-a,Ona Aleknienė,,,,\n")
    repo.write("contacts/jonas.yaml", "name: Jonas Jonaitis\n")
    repository, texts = load(repo)
    assert texts == []
    assert sorted(r.id for r in repository.collection("contacts")) == ["jonas", "ona-a"]


def test_multi_line_cells_keep_the_start_line_of_the_next_row(repo):
    repo.write(
        "contacts/media.csv",
        "id,name,email,notes\n" + 'ona-a,Ona,,"Pirma eilutė\n\nantra"\njonas-b,Jonas,bad@,\n',
    )
    _, texts = load(repo)
    assert texts == [
        "contacts/media.csv:5: error: [email] `email` is `bad@`, not a valid e-mail address: "
        "There must be something after the @-sign"
    ]


def test_wrong_number_of_cells_missing_id_and_blank_lines(repo):
    repo.write(
        "contacts/media.csv",
        HEADER + "ona-a,Ona,,,,\n\nbad,row\n,Be id,,,,\njonas-b,Jonas,,,,,extra\n",
    )
    repository, texts = load(repo)
    assert texts == [
        "contacts/media.csv:4: error: [csv-row-length] this row has 2 cells but the header has "
        "6; the row is not read (check for a missing or extra `,` or an unclosed quote)",
        "contacts/media.csv:5: error: [missing-id] this row has no `id` (give every row a "
        "unique id of lowercase letters a-z, digits and `-`)",
        "contacts/media.csv:6: error: [csv-row-length] this row has 7 cells but the header has "
        "6; the row is not read (check for a missing or extra `,` or an unclosed quote)",
    ]
    assert [r.id for r in repository.records] == ["ona-a"]


def test_unknown_column_is_reported_per_row_with_a_suggestion(repo):
    repo.write("contacts/media.csv", "id,name,emial\nona-a,Ona,ona@lrt.lt\n")
    _, texts = load(repo)
    assert texts == [
        "contacts/media.csv:2: error: [unknown-field] unknown field `emial` in contacts "
        "(did you mean `email`?)"
    ]


def test_header_problems(repo):
    repo.write("contacts/a.csv", "name,email\nOna,\n")
    repo.write("contacts/b.csv", "id,name,name\nx,y,z\n")
    repo.write("contacts/c.csv", "")
    _, texts = load(repo)
    assert texts == [
        "contacts/a.csv:1: error: [csv-header] CSV header problem: there is no `id` column (the "
        "first row must name the columns: `id` and field names, each once)",
        "contacts/b.csv:1: error: [csv-header] CSV header problem: column `name` appears twice "
        "(the first row must name the columns: `id` and field names, each once)",
        "contacts/c.csv:1: error: [empty-file] the file holds no record (write the record's "
        "fields, or delete the file)",
    ]


def test_windows_1257_csv_is_an_encoding_error_with_line(repo):
    repo.write("contacts/media.csv", (HEADER + "ona-a,Ona Aleknienė,,,,\n").encode("cp1257"))
    _, texts = load(repo)
    assert texts == [
        "contacts/media.csv:2: error: [encoding] the file is not UTF-8 text: byte 0xEB cannot be "
        "read (save the file as UTF-8 (in Excel: “CSV UTF-8”; in an editor: encoding UTF-8))"
    ]


def test_excel_utf8_with_bom_is_read(repo):
    repo.write("contacts/media.csv", ("\ufeff" + HEADER + "ona-a,Ona Aleknienė,,,,\n").encode())
    repository, texts = load(repo)
    assert texts == []
    assert repository.by_id["ona-a"].values["name"] == "Ona Aleknienė"


def test_unclosed_quote_is_a_syntax_error(repo):
    repo.write("contacts/media.csv", HEADER + 'ona-a,"Ona,,,,\n')
    _, texts = load(repo)
    assert texts == [
        "contacts/media.csv:2: error: [csv-syntax] CSV syntax error: unexpected end of data; the "
        "rest of the file is not read (check the quotes on this row: a quote inside a cell is "
        'written twice (""))'
    ]


def test_nested_fields_cannot_be_written_in_csv(repo):
    repo.write("partners/p.csv", 'id,name,kind,country,agreements\ntalsi,Talsi,municipality,LV,"sutartis"\n')
    _, texts = load(repo)
    assert texts == [
        "partners/p.csv:2: error: [type] `agreements` must be a list of mappings, but it is "
        "`sutartis` (a field with items of several fields can only be written in a YAML record "
        "file)"
    ]
