"""Reading hardened: null words, control characters, links, size limits, hint scale (issue 12).

Each test gives the exact input and the exact finding lines it expects.
"""

from __future__ import annotations

import os

import pytest

from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository

NULL_WORDS = ["null", "Null", "NULL"]


def texts(repo) -> list[str]:
    return [finding_line(finding) for finding in check_repository(load_repository(repo.root)).sorted()]


def add_integer_field(repo) -> None:
    """The sample schema has no whole-number field: give contacts one (`children`)."""
    path = repo.root / "datapackage.yaml"
    text = path.read_text(encoding="utf-8")
    field = (
        "        - name: children\n          type: integer\n          title: Vaikai\n"
        "          description: Kiek vaikų.\n          visibility: internal\n"
    )
    path.write_text(text.replace("        - name: position\n", field + "        - name: position\n", 1),
                    encoding="utf-8")


# 1. Null words ---------------------------------------------------------------------------------


@pytest.mark.parametrize("word", NULL_WORDS)
def test_a_null_word_in_a_text_field_is_the_text_written(repo, word):
    repo.write("contacts/null.yaml", f"name: {word}\nposition: {word}\ntags: [{word}, kultūra]\n"
                                     f"notes: {word}\n")
    repo.write("partners/p.yaml", f"name: P\nkind: other\ncountry: LT\nagreements:\n"
                                  f"  - type: {word}\n    areas:\n      - {word}\n")
    repo.write("contacts/media.csv", f"id,name,position,tags\nnull-csv,Jonas,{word},{word}; kultūra\n")
    repository = load_repository(repo.root)
    assert repository.by_id["null"].typed == {
        "name": word, "position": word, "tags": [word, "kultūra"], "notes": word,
    }
    assert repository.by_id["p"].typed["agreements"] == [{"type": word, "areas": [word]}]
    assert repository.by_id["null-csv"].typed == {
        "name": "Jonas", "position": word, "tags": [word, "kultūra"],
    }
    assert texts(repo) == []


def test_only_an_empty_value_or_the_tilde_means_no_value(repo):
    repo.write("contacts/a.yaml", "name: ~\nposition:\nreviewed: ~\norganization: ~\n")
    repo.write("contacts/b.yaml", "name: B\ntags: [kultūra, ~]\n")
    repo.write("contacts/c.yaml", "name: C\ntags:\n  - kultūra\n  -\n")
    repository = load_repository(repo.root)
    assert repository.by_id["a"].typed == {}
    assert texts(repo) == [
        "contacts/a.yaml:1: error: [required] required field `name` (Vardas ir pavardė) is "
        "missing or empty (add a line `name: …`)",
        "contacts/b.yaml:2: error: [type] `tags` must be a list of values, but it is an empty "
        "item (remove the empty item)",
        "contacts/c.yaml:4: error: [type] `tags` must be a list of values, but it is an empty "
        "item (remove the empty item)",
    ]


def test_quoted_words_are_always_text(repo):
    repo.write("contacts/q.yaml", "name: '~'\nposition: \"null\"\ntags: ['~', \"NULL\"]\n")
    assert load_repository(repo.root).by_id["q"].typed == {
        "name": "~", "position": "null", "tags": ["~", "NULL"],
    }
    assert texts(repo) == []


@pytest.mark.parametrize("word", NULL_WORDS)
def test_a_null_word_where_no_text_fits_is_a_finding_on_its_line(repo, word):
    add_integer_field(repo)
    repo.write("partners/p.yaml", f"name: P\nkind: other\ncountry: LT\nagreements:\n"
                                  f"  - type: sutartis\n    until: {word}\n")
    repo.write(
        "contacts/ona.yaml",
        f"name: Ona\norganization: {word}\nemail: {word}\nphone: {word}\npublic: {word}\n"
        f"reviewed: {word}\nchildren: {word}\nlegal_basis: {word}\n",
    )
    repo.write("visits/v.yaml", f"title: V\ndirection: incoming\nstart: 2024-05-01\n"
                                f"partners: [p, {word}]\ntags: {word}\nfollow_ups: {word}\n")
    assert texts(repo) == [
        f"contacts/ona.yaml:2: error: [null-word] `organization` is `{word}`, which is not the "
        "id of a partners or associations record: only an empty value means no value (write "
        "the value, or leave it empty (`organization:` in YAML, an empty cell in CSV))",
        f"contacts/ona.yaml:3: error: [null-word] `email` is `{word}`, which is not an e-mail "
        "address: only an empty value means no value (write the value, or leave it empty "
        "(`email:` in YAML, an empty cell in CSV))",
        f"contacts/ona.yaml:4: error: [null-word] `phone` is `{word}`, which is not a phone "
        "number: only an empty value means no value (write the value, or leave it empty "
        "(`phone:` in YAML, an empty cell in CSV))",
        f"contacts/ona.yaml:5: error: [null-word] `public` is `{word}`, which is not true or "
        "false: only an empty value means no value (write the value, or leave it empty "
        "(`public:` in YAML, an empty cell in CSV))",
        f"contacts/ona.yaml:6: error: [null-word] `reviewed` is `{word}`, which is not a date "
        "(YYYY-MM-DD): only an empty value means no value (write the value, or leave it empty "
        "(`reviewed:` in YAML, an empty cell in CSV))",
        f"contacts/ona.yaml:7: error: [null-word] `children` is `{word}`, which is not a whole "
        "number: only an empty value means no value (write the value, or leave it empty "
        "(`children:` in YAML, an empty cell in CSV))",
        f"contacts/ona.yaml:8: error: [null-word] `legal_basis` is `{word}`, which is not one "
        "of: `public-task` (Viešojo intereso užduotis (BDAR 6 str. 1 d. e p.)), `consent` "
        "(Sutikimas), `contract` (Sutartis) or `legal-obligation` (Teisinė prievolė): only an "
        "empty value means no value (write the value, or leave it empty (`legal_basis:` in YAML, an empty cell in "
        "CSV))",
        f"partners/p.yaml:6: error: [null-word] `agreements[1].until` is `{word}`, which is not "
        "a date (YYYY-MM-DD): only an empty value means no value (write the value, or leave it "
        "empty (`until:` in YAML, an empty cell in CSV))",
        f"visits/v.yaml:4: error: [null-word] `partners` is `{word}`, which is not the id of a "
        "partners record: only an empty value means no value (write the value, or leave it "
        "empty (`partners:` in YAML, an empty cell in CSV))",
        f"visits/v.yaml:5: error: [null-word] `tags` is `{word}`, which is not a list: only an "
        "empty value means no value (write the value, or leave it empty (`tags:` in YAML, an "
        "empty cell in CSV))",
        f"visits/v.yaml:6: error: [null-word] `follow_ups` is `{word}`, which is not a list of "
        "mappings: only an empty value means no value (write the value, or leave it empty "
        "(`follow_ups:` in YAML, an empty cell in CSV))",
    ]


@pytest.mark.parametrize("word", NULL_WORDS + ["~"])
def test_a_null_word_in_a_csv_cell_is_text_or_a_finding_as_the_schema_says(repo, word):
    repo.write("contacts/media.csv", f"id,name,position,reviewed,organization\n"
                                     f"ona,Ona,{word},{word},\njonas,{word},,,{word}\n")
    assert load_repository(repo.root).by_id["ona"].typed == {"name": "Ona", "position": word}
    assert texts(repo) == [
        f"contacts/media.csv:2: error: [null-word] `reviewed` is `{word}`, which is not a date "
        "(YYYY-MM-DD): only an empty value means no value (write the value, or leave it empty "
        "(`reviewed:` in YAML, an empty cell in CSV))",
        f"contacts/media.csv:3: error: [null-word] `organization` is `{word}`, which is not the "
        "id of a partners or associations record: only an empty value means no value (write "
        "the value, or leave it empty (`organization:` in YAML, an empty cell in CSV))",
    ]


@pytest.mark.parametrize("word", NULL_WORDS)
def test_fmt_keeps_null_words_as_written(repo, cli, word):
    path = repo.write("contacts/null.yaml", f"position: {word}\nname: {word}\ntags: [{word}, ~]\n")
    assert cli("fmt", "--root", str(repo.root)).code == 0
    assert path.read_text(encoding="utf-8") == f"name: {word}\nposition: {word}\ntags: [{word}, ~]\n"


# 2. Control characters, line breaks, escaped output ----------------------------------------------

# One of each part of the class: C0 (not tab, LF, CR), DEL, C1 (NEL and CSI included).
CONTROLS = {
    "\x00": "U+0000 (NUL)", "\x01": "U+0001 (SOH)", "\x07": "U+0007 (BEL)", "\x08": "U+0008 (BS)",
    "\x0b": "U+000B (VT)", "\x0c": "U+000C (FF)", "\x0e": "U+000E (SO)", "\x1b": "U+001B (ESC)",
    "\x1f": "U+001F (US)", "\x7f": "U+007F (DEL)", "\x80": "U+0080 (PAD)", "\x85": "U+0085 (NEL)",
    "\x9b": "U+009B (CSI)", "\x9f": "U+009F (APC)",
}
HOLDS = "which no page, table or exported file can hold"


@pytest.mark.parametrize("character, name", CONTROLS.items())
def test_a_control_character_in_any_value_is_an_error_on_its_line(repo, character, name):
    escape = f"\\x{ord(character):02x}"  # as YAML writes it inside double quotes
    repo.write(
        "partners/p.yaml",
        f'name: P\nkind: other\ncountry: LT\nnotes: "a{escape}b"\nagreements:\n'
        f'  - type: "s{escape}"\n    signed: "2020-01-01{escape}"\ntags: [a, "b{escape}"]\n',
    )
    repo.write("contacts/media.csv", f"id,name,position\nona,Ona{character},x\n")
    repository = load_repository(repo.root)
    assert repository.by_id["p"].typed == {
        "name": "P", "kind": "other", "country": "LT", "agreements": [{}],
    }
    assert repository.by_id["ona"].typed == {"position": "x"}
    assert texts(repo) == [
        f"contacts/media.csv:2: error: [control-character] `name` holds the control character "
        f"{name}, {HOLDS} (delete it (an editor that shows invisible characters helps))",
        f"partners/p.yaml:4: error: [control-character] `notes` holds the control character "
        f"{name}, {HOLDS} (delete it (an editor that shows invisible characters helps))",
        f"partners/p.yaml:6: error: [control-character] `agreements[1].type` holds the control "
        f"character {name}, {HOLDS} (delete it (an editor that shows invisible characters helps))",
        f"partners/p.yaml:7: error: [control-character] `agreements[1].signed` holds the control "
        f"character {name}, {HOLDS} (delete it (an editor that shows invisible characters helps))",
        f"partners/p.yaml:8: error: [control-character] `tags` holds the control character "
        f"{name}, {HOLDS} (delete it (an editor that shows invisible characters helps))",
    ]


@pytest.mark.parametrize("character, name", CONTROLS.items())
def test_a_control_character_written_raw_in_yaml_is_reported_on_its_line(repo, character, name):
    # Letters of two bytes before it: libyaml counts bytes, the line is counted right all the same.
    repo.write("partners/p.yaml", f"name: Šįžūėčąųš\nkind: other\n# pastaba ąčęėįšųūž ąčęėįšųūž\n"
                                  f"city: Prie{character}nai\ncountry: LT\n\n\n\n\n")
    assert texts(repo) == [
        f"partners/p.yaml:4: error: [control-character] this line holds the control character "
        f"{name}, {HOLDS} (delete it; until then the file is not read)"
    ]


LAYOUT = [("\\n", "a line break"), ("\\r", "a line break"), ("\\r\\n", "a line break"),
          ("\\L", "a line break"), ("\\P", "a line break"), ("\\t", "a tab")]
ONE_LINE = "but it is a one-line field: the site, tables and vCards show it on one line"
ONE_LINE_FIX = ("(write it on one line (a `|` or `>` block ends with a line break unless written "
                "`|-` or `>-`); text of several paragraphs goes in a Markdown field such as `notes`)")


@pytest.mark.parametrize("written, what", LAYOUT)
def test_line_breaks_and_tabs_are_for_markdown_fields_elsewhere_a_warning(repo, written, what):
    repo.write("contacts/ona.yaml", f'name: "Ona{written}Onaitė"\nnotes: "Pirma{written}antra"\n'
                                    f'tags: ["a{written}b"]\n')
    assert texts(repo) == [
        f"contacts/ona.yaml:1: warning: [line-break] `name` holds {what}, {ONE_LINE} {ONE_LINE_FIX}",
        f"contacts/ona.yaml:3: warning: [line-break] `tags` holds {what}, {ONE_LINE} {ONE_LINE_FIX}",
    ]


def test_blocks_and_csv_cells_with_line_breaks(repo):
    repo.write("visits/v.yaml", "title: >\n  Ilgas vizito\n  pavadinimas\ndirection: incoming\n"
                                "start: 2025-01-01\npurpose: >-\n  Vienoje\n  eilutėje\n"
                                "outcomes: |\n  - Pirma\n  - Antra\n")
    repo.write("contacts/media.csv", 'id,name,position,notes\nona,"Ona\tOnaitė","a\r\nb","x\n\ny"\n')
    repository = load_repository(repo.root)
    assert repository.by_id["v"].typed["title"] == "Ilgas vizito pavadinimas\n"
    assert repository.by_id["v"].typed["purpose"] == "Vienoje eilutėje"
    assert repository.by_id["ona"].typed["position"] == "a\r\nb"
    assert texts(repo) == [
        f"contacts/media.csv:2: warning: [line-break] `name` holds a tab, {ONE_LINE} {ONE_LINE_FIX}",
        f"contacts/media.csv:2: warning: [line-break] `position` holds a line break, {ONE_LINE} "
        f"{ONE_LINE_FIX}",
        f"visits/v.yaml:1: warning: [line-break] `title` holds a line break, {ONE_LINE} "
        f"{ONE_LINE_FIX}",
    ]


FIELDS_ARE = (
    "the fields are: `name`, `organization`, `position`, `roles`, `email`, `phone`, `languages`, "
    "`public`, `legal_basis`, `tags`, `notes`, `reviewed`"
)


@pytest.mark.parametrize("name", ["bad\x1b[2Jx", "bad\nFAKE.yaml:1: error: [x] forged", "bad\x9bx",
                                  "bad\u202ex", "bad\rx"])
def test_file_and_field_names_are_escaped_one_finding_one_line(repo, cli, name):
    shown = name.encode("unicode_escape").decode("ascii")
    repo.write(f"contacts/{name}.yaml", "name: Ona\n")
    repo.write("contacts/ona.yaml", f'name: Ona Onaitė\n"{shown}": x\n')  # YAML reads the escapes
    result = cli("validate", "--root", str(repo.root))
    assert result.code == 1
    assert result.out.splitlines() == [
        f"contacts/{shown}.yaml:1: error: [bad-id] id `{shown}` may hold only lowercase letters "
        f"a-z, digits and `-` (use `{_slug(name)}`)",
        f"contacts/ona.yaml:2: error: [unknown-field] unknown field `{shown}` in contacts "
        f"({FIELDS_ARE})",
    ]


def _slug(name: str) -> str:
    from rysiai.words.ids import slugify

    return slugify(name)


def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_text_and_json(repo, cli):
    import json

    folder = os.fsencode(repo.root / "contacts")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, b"ona\xff.yaml"), "wb") as file:
        file.write(b"name: Ona\n")
    text = cli("validate", "--root", str(repo.root))
    assert text.code == 1
    assert text.out == (
        "contacts/ona\\udcff.yaml:1: error: [bad-id] id `ona\\udcff` may hold only lowercase "
        "letters a-z, digits and `-` (use `ona`)\n"
    )
    result = cli("validate", "--root", str(repo.root), "--format", "json")
    assert result.code == 1
    assert "\\udcff" in result.out
    assert [finding["path"] for finding in json.loads(result.out)["findings"]] == [
        "contacts/ona\udcff.yaml"
    ]


# One-line fields holding a tab or a line break (warnings), and a Markdown field with paragraphs.
LAYOUT_RECORDS = {
    "partners/talsi.yaml": 'name: "Talsu\\nnovads"\nkind: municipality\ncountry: LV\n',
    "contacts/ona.yaml": 'name: "Ona\\tOnaitė"\norganization: talsi\nposition: "Koordinatorė\\r\\nvertėja"\n'
                         'notes: "Pirma\\n\\nantra"\n',
    "visits/v.yaml": 'title: "Vizitas\\u2028Talsuose"\ndirection: incoming\nstart: 2026-12-01\n'
                     'partners: [talsi]\n',
    "events/e.yaml": 'title: "Posėdis\\tKRPT"\nstart: 2026-12-02\n',
}
EXPORTS = {
    "csv": ["export", "csv", "--collection", "contacts"],
    "xlsx": ["export", "xlsx"],
    "vcard": ["export", "vcard"],
    "ics": ["export", "ics"],
    "datapackage": ["export", "datapackage"],
}


def test_every_output_takes_line_breaks_and_tabs_as_written(repo, tmp_path, cli):
    import csv
    import io

    import icalendar
    import vobject
    from openpyxl import load_workbook

    for path, text in LAYOUT_RECORDS.items():
        repo.write(path, text)
    assert [line.split(": [")[1][:10] for line in cli("validate", "--root", str(repo.root)).out.splitlines()] == [
        "line-break"] * 5
    out = {}
    for name, command in EXPORTS.items():
        target = tmp_path / (f"out.{name}" if name in ("csv", "xlsx", "ics") else f"out-{name}")
        result = cli(*command, "--root", str(repo.root), "-o", str(target))
        assert (name, result.code, result.err) == (name, 0, "")
        out[name] = target
    rows = list(csv.reader(io.StringIO(out["csv"].read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[1][:4] == ["ona", "Ona\tOnaitė", "talsi", "Koordinatorė\r\nvertėja"]
    sheet = load_workbook(out["xlsx"])["Kontaktai"]
    # XML (and so XLSX) reads a CR LF in text as LF: the same two lines in Excel.
    assert [sheet.cell(row=2, column=c).value for c in (2, 4)] == ["Ona\tOnaitė", "Koordinatorė\nvertėja"]
    card = vobject.readOne(out["vcard"].read_text(encoding="utf-8"))
    # vCard text has one way to write a line break (`\\n`, RFC 6350 3.4): CR LF becomes it.
    assert (card.fn.value, card.title.value) == ("Ona\tOnaitė", "Koordinatorė\nvertėja")
    calendar = icalendar.Calendar.from_ical(out["ics"].read_bytes())
    assert sorted(str(event["summary"]) for event in calendar.walk("VEVENT")) == [
        "Posėdis\tKRPT", "Vizitas\u2028Talsuose"]
    exported = (out["datapackage"] / "contacts.csv").read_bytes().decode("utf-8")
    assert "Ona\tOnaitė" in exported and "Koordinatorė\r\nvertėja" in exported
    site = tmp_path / "site"
    result = cli("build", "--root", str(repo.root), "-d", str(site))
    assert result.code == 0, result.err
    assert "<h1 data-pagefind-weight=\"7\">Ona\tOnaitė</h1>" in (site / "contacts" / "ona" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [*EXPORTS.values(), ["build"]], ids=[*EXPORTS, "build"])
def test_a_control_character_stops_every_output_with_the_finding_never_a_crash(repo, tmp_path, cli, command):
    for path, text in LAYOUT_RECORDS.items():
        repo.write(path, text)
    repo.write("contacts/jonas.yaml", 'name: "Jonas\\x1b[31m Jonaitis"\nposition: "a\\x00b"\n')
    target = tmp_path / "out"
    result = cli(*command, "--root", str(repo.root), "-o" if command != ["build"] else "-d", str(target))
    assert result.code == 1
    assert [line for line in result.out.splitlines() if "error" in line] == [
        f"contacts/jonas.yaml:1: error: [control-character] `name` holds the control character "
        f"U+001B (ESC), {HOLDS} (delete it (an editor that shows invisible characters helps))",
        f"contacts/jonas.yaml:2: error: [control-character] `position` holds the control "
        f"character U+0000 (NUL), {HOLDS} (delete it (an editor that shows invisible characters "
        "helps))",
    ]
    assert "Traceback" not in result.err
    what = "the site is not built" if command == ["build"] else "nothing exported"
    assert result.err.endswith(f"rysiai: {what}: fix the errors above first\n")
    assert not target.exists()


# 4. Size limits, each its own finding ------------------------------------------------------------

GOOD = "name: P\nkind: other\ncountry: LT\n"


@pytest.mark.parametrize("notes", ["", "notes: '**svarbu**'\n"])  # with a `*`, aliases are tracked
def test_a_long_list_is_too_many_values_not_an_alias(repo, notes):
    repo.write("partners/long.yaml", GOOD + notes + "tags:\n" + "- a\n" * (99_996 - 2 * bool(notes)))
    repo.write("partners/fits.yaml", GOOD.replace("P", "Q") + notes + "tags:\n" + "- a\n" * 99_988)
    assert len(load_repository(repo.root).by_id["fits"].typed["tags"]) == 99_988
    assert texts(repo) == [
        "partners/long.yaml: error: [too-many-values] the file holds 100,005 values (each text, "
        "list and mapping counts); a record file may hold at most 100,000, so it is not read "
        "(split it: one record per file, or many records as rows of a CSV file)"
    ]


def test_a_file_too_large_says_how_large(repo):
    repo.write("partners/big.yaml", GOOD + "notes: " + "x" * 1_000_000 + "\n")
    assert texts(repo) == [
        "partners/big.yaml: error: [file-too-large] the file is 1,000,040 bytes; a YAML record "
        "file may be at most 1,000,000 bytes, so it is not read (one record per file: move long "
        "texts or many records out (many records go in a CSV file))"
    ]


@pytest.mark.parametrize("text, line, found", [
    (GOOD + "tags: " + "[" * 21 + "]" * 21 + "\n", 4, "21"),
    (GOOD + "agreements:\n" + "".join("  " * level + "- \n" for level in range(1, 30)), 25, "29"),
    (GOOD + "tags: " + "[" * 1500 + "]" * 1500 + "\n", 4, "over 1,000"),
    (GOOD + "tags:\n" + "".join(" " * level + "- \n" for level in range(1, 1200)), 1003, "over 1,000"),
])
def test_nesting_too_deep_says_how_deep(repo, text, line, found):
    repo.write("partners/deep.yaml", text)
    assert texts(repo) == [
        f"partners/deep.yaml:{line}: error: [too-deep] lists and mappings are nested {found} levels "
        "deep here; a record allows at most 20 (a record's fields hold text, lists of text, or "
        "lists of `field: value` items)"
    ]


def test_a_csv_cell_too_large_is_its_own_finding(repo):
    repo.write("contacts/media.csv", "id,name,notes\nona,Ona,x\njonas,Jonas," + "y" * 140_000 + "\n")
    assert texts(repo) == [
        "contacts/media.csv:3: error: [csv-cell-too-large] a cell of this row holds more than "
        "131,072 characters, the most a CSV cell may hold; the rest of the file is not read "
        "(check for an unclosed quote (it runs on to the end of the file), or shorten the text)"
    ]


# 3. Symbolic links ------------------------------------------------------------------------------

OUTSIDE = "outside the data repository; it is not read (put the file itself here (records are read only from within the data repository))"
LOOP = ("this symbolic link leads round in a loop (to itself, or through other links back to it); "
        "it is not read (delete the link, or point it at a record file)")


def test_a_link_out_of_the_repository_is_a_finding_and_never_read(repo, tmp_path, cli):
    secret = tmp_path / "secret.yaml"
    secret.write_text("name: Slapta Asmenybė\n", encoding="utf-8")
    repo.write("contacts/ona.yaml", "name: Ona\n")
    (repo.root / "contacts" / "slapta.yaml").symlink_to(secret)
    (repo.root / "contacts" / "usr").symlink_to("/usr")
    (repo.root / "contacts" / "dingo.yaml").symlink_to(tmp_path / "nowhere.yaml")
    repository = load_repository(repo.root)
    assert sorted(repository.by_id) == ["ona"]
    result = cli("validate", "--root", str(repo.root))
    assert (result.code, result.out.splitlines()) == (1, [
        f"contacts/dingo.yaml: error: [link-outside] this is a symbolic link to something {OUTSIDE}",
        f"contacts/slapta.yaml: error: [link-outside] this is a symbolic link to a file {OUTSIDE}",
        f"contacts/usr: error: [link-outside] this is a symbolic link to a folder {OUTSIDE}",
    ])


def test_a_collection_folder_linked_out_of_the_repository_is_not_read(repo, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "ona.yaml").write_text("name: Ona\n", encoding="utf-8")
    import shutil

    shutil.rmtree(repo.root / "contacts")
    (repo.root / "contacts").symlink_to(elsewhere)
    assert load_repository(repo.root).records == []
    assert texts(repo) == [
        f"contacts: error: [link-outside] this is a symbolic link to a folder {OUTSIDE}"
    ]


def test_link_loops_are_findings_never_exit_2_or_a_hang(repo, cli):
    folder = repo.root / "contacts"
    repo.write("contacts/ona.yaml", "name: Ona\n")
    (folder / "self.yaml").symlink_to("self.yaml")
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "ratas").symlink_to("ratas")
    (folder / "old").mkdir()
    (folder / "old" / "up").symlink_to("..")  # a loop through a subfolder: never followed
    (folder / "old" / "usr").symlink_to("/usr")
    result = cli("validate", "--root", str(repo.root))
    assert (result.code, result.out.splitlines()) == (1, [
        f"contacts/a.yaml: error: [link-loop] {LOOP}",
        f"contacts/b.yaml: error: [link-loop] {LOOP}",
        f"contacts/ratas: error: [link-loop] {LOOP}",
        f"contacts/self.yaml: error: [link-loop] {LOOP}",
    ])


def test_links_within_the_repository_are_read(repo):
    repo.write("shared/ona.yaml", "name: Ona Onaitė\n")
    repo.write("shared/more/x.yaml", "name: X\n")
    (repo.root / "contacts").mkdir(exist_ok=True)
    (repo.root / "contacts" / "ona.yaml").symlink_to("../shared/ona.yaml")
    (repo.root / "contacts" / "more").symlink_to(repo.root / "shared" / "more")
    repository = load_repository(repo.root)
    assert repository.by_id["ona"].typed == {"name": "Ona Onaitė"}
    assert repository.by_id["ona"].path == "contacts/ona.yaml"
    assert texts(repo) == [
        "contacts/more: warning: [file-not-read] this file is not read as a record: it is a link "
        "to a folder, and records are read only directly inside the collection folder (move it "
        "up into the collection folder, or out of the data repository)"
    ]


def test_a_pipe_named_like_a_record_is_not_opened(repo):
    repo.write("contacts/ona.yaml", "name: Ona\n")
    os.mkfifo(repo.root / "contacts" / "pipe.yaml")
    assert texts(repo) == [
        "contacts/pipe.yaml: warning: [file-not-read] this file is not read as a record: it is "
        "not a regular file (a device, a pipe or a socket) (put a record file here, or remove it)"
    ]


# 5. Hints for missing ids: indexed once, each missing id looked up once ------------------------


@pytest.mark.parametrize("written, hint", [
    ("talsy", " (did you mean `talsi`?)"),                      # the last letter
    ("xalsi", " (did you mean `talsi`?)"),                      # the first letter
    ("jonas-petraitys", " (did you mean `jonas-petraitis`?)"),  # one word of two
    ("petraitis-jonas", ""),                                    # words swapped: too far
    ("lietuvos-savivaldybiu-asociacij", " (did you mean `lietuvos-savivaldybiu-asociacija`?)"),
    ("visai-kita", ""),
])
def test_a_missing_id_gets_the_nearest_id_as_a_hint(repo, written, hint):
    repo.write("partners/talsi.yaml", "name: Talsi\nkind: other\ncountry: LV\n")
    repo.write("partners/lietuvos-savivaldybiu-asociacija.yaml", "name: LSA\nkind: other\ncountry: LT\n")
    repo.write("contacts/jonas-petraitis.yaml", "name: Jonas Petraitis\n")
    repo.write("visits/v.yaml", f"title: V\ndirection: incoming\nstart: 2025-01-01\n"
                                f"participants: [{written}]\n")
    partners = written in ("talsy", "xalsi", "lietuvos-savivaldybiu-asociacij")
    if partners:
        repo.write("visits/v.yaml", f"title: V\ndirection: incoming\nstart: 2025-01-01\n"
                                    f"partners: [{written}]\n")
    field, allowed = ("partners", "partners") if partners else ("participants", "contacts")
    assert texts(repo) == [
        f"visits/v.yaml:4: error: [reference] `{field}` refers to `{written}`, but no {allowed} "
        f"record has that id{hint}"
    ]


def test_many_references_to_one_missing_id_are_looked_up_once(repo, monkeypatch):
    from rysiai.checks import references

    rows = "".join(f"asmuo-{n},Asmuo {n},jonaitis-ir-partneriai\n" for n in range(20_000))
    repo.write("contacts/media.csv", "id,name,organization\n" + rows)
    repo.write("partners/jonaitis-ir-partneriai-uab.yaml", "name: J\nkind: business\ncountry: LT\n")
    compared = []
    real = references.process.extractOne
    monkeypatch.setattr(references.process, "extractOne",
                        lambda value, choices, **kw: compared.append(len(choices)) or real(value, choices, **kw))
    found = [text for text in texts(repo) if "[reference]" in text]
    assert len(found) == 20_000
    assert found[0] == (
        "contacts/media.csv:2: error: [reference] `organization` refers to "
        "`jonaitis-ir-partneriai`, but no partners or associations record has that id (did you "
        "mean `jonaitis-ir-partneriai-uab`?)"
    )
    assert compared == [1]


def test_each_look_up_is_bounded_whatever_the_number_of_records(repo, monkeypatch):
    from rysiai.checks import references

    # 3,000 partners sharing the words `savivaldybe` and `rajono`, 2,000 references to
    # 2,000 different missing ids built of the same words.
    partners = [f"{n}-rajono-savivaldybe" for n in range(3000)]
    repo.write("partners/many.csv", "id,name,kind,country\n"
               + "".join(f"{pid},Savivaldybė {n},municipality,LT\n" for n, pid in enumerate(partners)))
    repo.write("contacts/media.csv", "id,name,organization\n"
               + "".join(f"asmuo-{n},Asmuo {n},{n}-rajono-savivaldybex\n" for n in range(2000)))
    compared = []
    real = references.process.extractOne
    monkeypatch.setattr(references.process, "extractOne",
                        lambda value, choices, **kw: compared.append(len(choices)) or real(value, choices, **kw))
    found = [f for f in texts(repo) if "[reference]" in f]
    assert len(found) == 2000
    assert found[0] == (
        "contacts/media.csv:2: error: [reference] `organization` refers to "
        "`0-rajono-savivaldybex`, but no partners or associations record has that id (did you "
        "mean `0-rajono-savivaldybe`?)"
    )
    assert sum("(did you mean" in f for f in found) == 2000
    assert len(compared) == 2000
    # Each missing id is compared with the ids sharing a rare key only: at most 6 keys of 500.
    assert max(compared) <= 3 * 2 * references.LARGEST_KEY


# 12. Possible duplicates as groups -------------------------------------------------------------

MERGE = "(merge them with `rysiai merge`, or make the difference clear)"


def test_records_sharing_a_name_are_one_finding_naming_the_others(repo):
    repo.write("contacts/ona-a.yaml", "name: Ona Onaitė\n")
    repo.write("contacts/ona-b.yaml", "name: ona onaite\n")
    repo.write("contacts/media.csv", "id,name\nona-c,Onaitė Ona\n")
    assert texts(repo) == [
        "contacts/media.csv:2: warning: [possible-duplicate] contacts `ona-c` may be the same as "
        f"`ona-a` (contacts/ona-a.yaml) and `ona-b` (contacts/ona-b.yaml): the same name {MERGE}"
    ]


def test_a_large_group_lists_ten_and_counts_the_rest(repo):
    for number in range(12):
        repo.write(f"contacts/jonas-{number:02d}.yaml", "name: Jonas Jonaitis\n")
    listed = ", ".join(f"`jonas-{n:02d}` (contacts/jonas-{n:02d}.yaml)" for n in range(1, 11))
    assert texts(repo) == [
        "contacts/jonas-00.yaml:1: warning: [possible-duplicate] contacts `jonas-00` may be the "
        f"same as {listed} and 1 more (11 in all): the same name {MERGE}"
    ]


def test_near_identical_names_join_through_each_other_and_reasons_add_up(repo):
    repo.write("contacts/a.yaml", "name: Antanas Vaitkevičius\nemail: av@prienai.lt\n")
    repo.write("contacts/b.yaml", "name: Antanas Vaitkevičaus\n")
    repo.write("contacts/c.yaml", "name: Antanas Vaitkevičaas\n")  # far from a, near b
    repo.write("contacts/d.yaml", "name: Dalia Dalytė\nemail: AV@prienai.lt\nphone: '+37061234567'\n")
    repo.write("contacts/e.yaml", "name: Dalia Dalytė\nphone: 8 612 34567\n")
    assert [text for text in texts(repo) if "[possible-duplicate]" in text] == [
        "contacts/a.yaml:1: warning: [possible-duplicate] contacts `a` may be the same as `b` "
        "(contacts/b.yaml) and `c` (contacts/c.yaml): near-identical names " + MERGE,
        "contacts/a.yaml:1: warning: [possible-duplicate] contacts `a` may be the same as `d` "
        "(contacts/d.yaml): the same email av@prienai.lt " + MERGE,
        "contacts/d.yaml:1: warning: [possible-duplicate] contacts `d` may be the same as `e` "
        "(contacts/e.yaml): the same phone +37061234567 and the same name " + MERGE,
    ]


def test_14000_contacts_sharing_120_names_give_120_findings_in_linear_time(repo, monkeypatch):
    from rysiai.checks import duplicates

    import random

    from rysiai.synthetic import _Generator

    # 120 names in one block ("jonas|pav"), far apart: the generator's cores differ in two
    # syllables or more.
    cores = _Generator(random.Random(0), 120)
    names = [f"Jonas Pav{cores._core(4)}" for _ in range(120)]
    repo.write("contacts/media.csv", "id,name\n"
               + "".join(f"asmuo-{n},{names[n % 120]}\n" for n in range(14_000)))
    import rysiai.validate

    # The comparisons are counted in this process: no second process for the duplicates.
    monkeypatch.setattr(rysiai.validate, "PARALLEL_FROM", 10**9)
    compared = []
    real = duplicates.process.extract_iter
    monkeypatch.setattr(duplicates.process, "extract_iter",
                        lambda name, choices, **kw: compared.append(len(choices)) or real(name, choices, **kw))
    found = texts(repo)
    assert len(found) == 120
    others = ", ".join(f"`asmuo-{n}` (contacts/media.csv)" for n in range(120, 1201, 120))
    assert found[0] == (
        "contacts/media.csv:2: warning: [possible-duplicate] contacts `asmuo-0` may be the same "
        f"as {others} and 106 more (116 in all): the same name {MERGE}"
    )
    # Only the 120 distinct names are compared, each with the others once; never the records.
    assert sum(compared) == 120 * 119 // 2


def test_a_group_in_json_carries_its_members_and_reads_the_same_every_time(repo, cli):
    import json

    for number in range(13):
        repo.write(f"contacts/jonas-{number:02d}.yaml", "name: Jonas Jonaitis\n")
    first = cli("validate", "--root", str(repo.root), "--format", "json")
    again = cli("validate", "--root", str(repo.root), "--format", "json")
    assert first.out == again.out
    [finding] = json.loads(first.out)["findings"]
    assert (finding["path"], finding["record"], finding["code"]) == (
        "contacts/jonas-00.yaml", "jonas-00", "possible-duplicate")
    assert finding["values"]["members"] == [f"jonas-{number:02d}" for number in range(13)]
    assert finding["values"]["reason"] == "the same name"
    assert finding["message"].endswith("and 2 more (12 in all): the same name " + MERGE)
