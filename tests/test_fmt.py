"""`rysiai fmt`: phones to E.164, fields in the schema's order, comments and quotes kept."""

from conftest import PROJECT
from rysiai.editing.formatting import format_repository
from rysiai.repository import load_repository

MESSY = (
    "# Kontaktas iš renginio\n"
    "phone: 8 612 34567  # mobilusis\n"
    "name: 'Ona Petraitienė'\n"
    "email: ona@prienai.lt\n"
    "notes: |\n"
    "  Sutikome mugėje.\n"
)


def test_fmt_check_lists_and_writes_nothing(repo, cli):
    repo.write("contacts/ona.yaml", MESSY)
    result = cli("fmt", "--check", "--root", str(repo.root))
    assert (result.code, result.out) == (1, "contacts/ona.yaml\n")
    assert result.err == "1 file not in form: run `rysiai fmt`\n"
    assert (repo.root / "contacts" / "ona.yaml").read_text(encoding="utf-8") == MESSY


def test_fmt_puts_in_form_keeping_comments_and_quotes(repo, cli):
    repo.write("contacts/ona.yaml", MESSY)
    repo.write("contacts/jonas.yaml", "name: Jonas\nphone: '+37061111111'\n")
    result = cli("fmt", "--root", str(repo.root))
    assert (result.code, result.out) == (0, "contacts/ona.yaml\n")
    assert (repo.root / "contacts" / "ona.yaml").read_text(encoding="utf-8") == (
        "# Kontaktas iš renginio\n"
        "name: 'Ona Petraitienė'\n"
        "email: ona@prienai.lt\n"
        "phone: '+37061234567'  # mobilusis\n"  # changed where it stands: its comment too
        "notes: |\n"
        "  Sutikome mugėje.\n"
    )
    assert (repo.root / "contacts" / "jonas.yaml").read_text(encoding="utf-8") == "name: Jonas\nphone: '+37061111111'\n"
    assert cli("fmt", "--check", "--root", str(repo.root)).code == 0


def test_the_sample_data_is_in_form():
    assert format_repository(load_repository(PROJECT)).paths == []


def test_fmt_keeps_the_byte_order_mark_the_line_ends_and_every_comment_where_it_stands(repo, cli):
    repo.write("contacts/ona.yaml", (
        "\ufeff# yaml-language-server: $schema=../.schemas/contacts.schema.json\r\n"
        "phone: 8 612 34567  # mobilusis\r\n"
        "# Apie pareigas\r\n"
        "position: Patarėja\r\n"
        "name: Ona Petraitienė\r\n"
        "notes: |\r\n  Sutikome mugėje.\r\n\r\n  Daugiau nieko.\r\n"
        "# Paskutinė failo pastaba\r\n"
    ).encode())
    result = cli("fmt", "--root", str(repo.root))
    assert (result.code, result.out) == (0, "contacts/ona.yaml\n")
    assert (repo.root / "contacts" / "ona.yaml").read_bytes() == (
        "\ufeff# yaml-language-server: $schema=../.schemas/contacts.schema.json\r\n"
        "name: Ona Petraitienė\r\n"
        "# Apie pareigas\r\n"
        "position: Patarėja\r\n"
        "phone: '+37061234567'  # mobilusis\r\n"
        "notes: |\r\n  Sutikome mugėje.\r\n\r\n  Daugiau nieko.\r\n"
        "# Paskutinė failo pastaba\r\n"
    ).encode()
    assert cli("fmt", "--check", "--root", str(repo.root)).code == 0


def test_fmt_changes_phones_inside_items_and_numbers_read_as_numbers(repo, cli):
    repo.write("contacts/jonas.yaml", "name: Jonas\nphone: 861234567\n")
    assert cli("fmt", "--root", str(repo.root)).code == 0
    assert (repo.root / "contacts" / "jonas.yaml").read_text(encoding="utf-8") == "name: Jonas\nphone: '+37061234567'\n"


def test_fmt_stops_before_writing_anything_on_a_file_it_cannot_read(repo, cli):
    repo.write("contacts/a.yaml", "phone: 8 612 34567\nname: A\n")
    repo.write("contacts/b.yaml", "name: B\nphone: 8 612 34568\nname: B2\n")
    repo.write("contacts/c.yaml", "phone: 8 612 34569\nname: 'C\n")
    repo.write("contacts/d.yaml", "phone: 8 612 34560\nname: D\n")
    before = {path: path.read_bytes() for path in (repo.root / "contacts").iterdir()}
    result = cli("fmt", "--root", str(repo.root))
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(
        "rysiai: error: nothing was changed: 2 files the command has to change cannot be read as written:\n"
        "  contacts/b.yaml:3: field `name` is written twice (first on line 1); only one value can be kept (keep one of the two lines)\n"
        "  contacts/c.yaml:3: YAML syntax error: "
    )
    assert result.err.endswith("Fix them first (`rysiai validate` lists every problem), then run the command again.\n")
    assert {path: path.read_bytes() for path in (repo.root / "contacts").iterdir()} == before
    assert cli("fmt", "--check", "--root", str(repo.root)).code == 2  # --check says the same
