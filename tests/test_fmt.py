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
        "phone: '+37061234567' # mobilusis\n"  # the longer value keeps one space before its comment
        "notes: |\n"
        "  Sutikome mugėje.\n"
    )
    assert (repo.root / "contacts" / "jonas.yaml").read_text(encoding="utf-8") == "name: Jonas\nphone: '+37061111111'\n"
    assert cli("fmt", "--check", "--root", str(repo.root)).code == 0


def test_the_sample_data_is_in_form():
    assert format_repository(load_repository(PROJECT), write=False) == []
