"""`rysiai merge`: blanks filled, conflicts listed and kept in notes, references repointed."""

from rysiai.repository import load_repository
from rysiai.validate import check_repository

KEEP = "name: Ona Petraitienė  # pagrindinis įrašas\nemail: ona@prienai.lt\nposition: Patarėja\n"
DROP = "name: Ona Petraitiene\nphone: '+37061234567'\nposition: Vyr. specialistė\nlanguages: [lt, en]\n"


def fill(repo):
    repo.write("contacts/ona.yaml", KEEP)
    repo.write("contacts/ona-2.yaml", DROP)
    repo.write("visits/v.yaml", "title: V\ndirection: incoming\nstart: 2026-05-01\nparticipants:\n  - ona-2  # dalyvė\n")
    repo.write("associations/a.yaml", "name: Bendruomenė\nchair: ona-2\n")


def test_merge(repo, cli):
    fill(repo)
    result = cli("merge", "ona", "ona-2", "--root", str(repo.root))
    assert result.code == 0
    assert result.out == (
        "Filled from ona-2: phone, languages\n"
        "Conflict in `name`: kept `Ona Petraitienė`, `Ona Petraitiene` moved to the notes\n"
        "Conflict in `position`: kept `Patarėja`, `Vyr. specialistė` moved to the notes\n"
        "Changed: contacts/ona.yaml\n"
        "Changed: associations/a.yaml\n"
        "Changed: visits/v.yaml\n"
        "Deleted: contacts/ona-2.yaml\n"
    )
    assert not (repo.root / "contacts" / "ona-2.yaml").exists()
    kept = (repo.root / "contacts" / "ona.yaml").read_text(encoding="utf-8")
    assert kept.startswith("name: Ona Petraitienė  # pagrindinis įrašas\nposition: Patarėja\nemail: ona@prienai.lt\nphone: '+37061234567'\n")
    assert kept.endswith(
        "notes: |\n  Sujungta su `ona-2`; jo reikšmės:\n  name: Ona Petraitiene\n  position: Vyr. specialistė\n"
    )
    assert "  - ona  # dalyvė\n" in (repo.root / "visits" / "v.yaml").read_text(encoding="utf-8")
    assert (repo.root / "associations" / "a.yaml").read_text(encoding="utf-8") == "name: Bendruomenė\nchair: ona\n"
    assert check_repository(load_repository(repo.root)).errors == []


def test_merge_refuses(repo, cli):
    fill(repo)
    repo.write("partners/talsi.yaml", "name: Talsi\nkind: municipality\ncountry: LV\n")
    for args, message in [
        (["ona", "nobody"], "there is no record `nobody`"),
        (["ona", "ona"], "a record cannot be merged with itself"),
        (["ona", "talsi"], "`ona` is a record of contacts, `talsi` of partners"),
    ]:
        result = cli("merge", *args, "--root", str(repo.root))
        assert (result.code, result.err) == (2, f"rysiai: error: {message}\n")
    assert (repo.root / "contacts" / "ona-2.yaml").read_text(encoding="utf-8") == DROP


def test_merge_keeps_the_kept_files_line_ends_and_byte_order_mark(repo, cli):
    repo.write("contacts/ona.yaml", "\ufeffname: Ona\r\nposition: Koordinatorė  # pareigos\r\n".encode())
    repo.write("contacts/ona-2.yaml", "name: Ona\nphone: '+37061234567'\n")
    assert cli("merge", "ona", "ona-2", "--root", str(repo.root)).code == 0
    assert (repo.root / "contacts/ona.yaml").read_bytes() == (
        "\ufeffname: Ona\r\nposition: Koordinatorė  # pareigos\r\nphone: '+37061234567'\r\n".encode())


def test_merge_carries_the_dropped_records_comments_to_the_kept_file(repo, cli):
    repo.write("contacts/ona.yaml", "# yaml-language-server: $schema=../.schemas/contacts.schema.json\nname: Ona\n")
    repo.write("contacts/ona-2.yaml", (
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\n"
        "# Sutikta Talsuose\n"
        "name: Ona  # tas pats žmogus\n"
        "phone: '+37061234567'  # darbo, ne # asmeninis\n"
        "notes: |\n  # ne komentaras, o pastabų eilutė\n"
        "# Paskutinė pastaba\n"
    ))
    result = cli("merge", "ona", "ona-2", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert "4 comments of ona-2 carried to the end of the kept file\n" in result.out
    assert (repo.root / "contacts" / "ona.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\n"
        "name: Ona\n"
        "phone: '+37061234567'\n"
        "notes: |\n  # ne komentaras, o pastabų eilutė\n"
        "# Iš sujungto įrašo `ona-2` (contacts/ona-2.yaml):\n"
        "# Sutikta Talsuose\n"
        "# name: Ona  # tas pats žmogus\n"
        "# phone: '+37061234567'  # darbo, ne # asmeninis\n"
        "# Paskutinė pastaba\n"
    )
    assert check_repository(load_repository(repo.root)).errors == []


def test_merge_stops_on_a_file_it_cannot_read_that_names_the_dropped_record(repo, cli):
    fill(repo)
    repo.write("visits/broken.yaml", "title: V\nparticipants:\n  - ona-2\n  - 'ona\n")
    before = {path: path.read_bytes() for path in repo.root.rglob("*.yaml")}
    result = cli("merge", "ona", "ona-2", "--root", str(repo.root))
    assert result.code == 2
    assert "  visits/broken.yaml:5: YAML syntax error: " in result.err
    assert "; it holds `ona-2`, which the command has to change\nFix it first" in result.err
    assert {path: path.read_bytes() for path in repo.root.rglob("*.yaml")} == before
