"""`rysiai mv`: the record and every reference to it change; nothing else in the files does."""

from rysiai.repository import load_repository
from rysiai.validate import check_repository

PARTNER = "# Partneris Latvijoje\nname: Talsi  # oficialus pavadinimas\nkind: municipality\ncountry: LV\n"
CONTACT = "name: Ona\norganization: talsi  # darbovietė\nphone: '+37061234567'\n"
VISIT_INDENTED = (
    "title: Vizitas\ndirection: incoming\nstart: 2026-05-01\npartners:\n  - talsi   # svečiai\n  - lsa\n"
    "follow_ups:\n  - task: Padėka\n    owner: ona\n"
)
VISIT_FLAT = "title: Kitas\ndirection: outgoing\nstart: 2026-06-01\npartners:\n- lsa\n- talsi\n"


def fill(repo):
    repo.write("partners/talsi.yaml", PARTNER)
    repo.write("partners/lsa.yaml", "name: LSA\nkind: association\ncountry: LT\n")
    repo.write("contacts/ona.yaml", CONTACT)
    repo.write("contacts/media.csv", "id,name,organization\njonas,Jonas,talsi\npetras,\"Petras, jr.\",lsa\n")
    repo.write("visits/a.yaml", VISIT_INDENTED)
    repo.write("visits/b.yaml", VISIT_FLAT)


def test_mv_changes_exactly_the_references(repo, cli):
    fill(repo)
    result = cli("mv", "talsi", "talsu-novads", "--root", str(repo.root))
    assert result.code == 0
    assert sorted(line.removeprefix(str(repo.root) + "/") for line in result.out.split()) == [
        "contacts/media.csv", "contacts/ona.yaml", "partners/talsu-novads.yaml", "visits/a.yaml", "visits/b.yaml",
    ]
    read = lambda path: (repo.root / path).read_text(encoding="utf-8")  # noqa: E731
    assert read("partners/talsu-novads.yaml") == PARTNER
    assert not (repo.root / "partners" / "talsi.yaml").exists()
    # only the value changes: the comment keeps its spaces
    assert read("contacts/ona.yaml") == CONTACT.replace("organization: talsi  #", "organization: talsu-novads  #")
    assert read("visits/a.yaml") == VISIT_INDENTED.replace("  - talsi   #", "  - talsu-novads   #")
    assert read("visits/b.yaml") == VISIT_FLAT.replace("- talsi\n", "- talsu-novads\n")
    assert read("contacts/media.csv") == "id,name,organization\njonas,Jonas,talsu-novads\npetras,\"Petras, jr.\",lsa\n"
    assert check_repository(load_repository(repo.root)).errors == []


def test_mv_of_a_csv_record(repo, cli):
    fill(repo)
    assert cli("mv", "ona", "ona-petraitiene", "--root", str(repo.root)).code == 0
    assert (repo.root / "contacts" / "ona-petraitiene.yaml").read_text(encoding="utf-8") == CONTACT
    visit = (repo.root / "visits" / "a.yaml").read_text(encoding="utf-8")
    assert "    owner: ona-petraitiene\n" in visit
    assert cli("mv", "jonas", "jonas-j", "--root", str(repo.root)).code == 0
    assert (repo.root / "contacts" / "media.csv").read_text(encoding="utf-8").startswith("id,name,organization\njonas-j,Jonas,")
    assert check_repository(load_repository(repo.root)).errors == []


def test_mv_refuses(repo, cli):
    fill(repo)
    for args, message in [
        (["nobody", "x"], "there is no record `nobody`"),
        (["talsi", "Talsi!"], "`Talsi!` cannot be an id: use lowercase letters a-z, digits and `-`"),
        (["talsi", "lsa"], "the id `lsa` is taken by partners/lsa.yaml"),
        (["talsi", "index"], "`index` cannot be an id: it is reserved: the site's page of the collection has that address"),
        (["talsi", "nul"], "`nul` cannot be an id: it is reserved: Windows cannot hold a file of that name"),
    ]:
        result = cli("mv", *args, "--root", str(repo.root))
        assert (result.code, result.err) == (2, f"rysiai: error: {message}\n")
    assert (repo.root / "partners" / "talsi.yaml").read_text(encoding="utf-8") == PARTNER


def test_mv_in_csv_files_written_every_way(repo, cli):
    """Header and id cells with spaces, a lone quote in a cell, Unicode line breaks inside a cell,
    CR-only line ends (Excel for Mac), all-quoted rows: only the cells concerned change."""
    repo.write("partners/lrt.yaml", "name: LRT\nkind: media\ncountry: LT\n")
    rows = [
        'id , name , organization , notes',
        ' jonas ,Jonas,lrt,"Kabutė "" viduje"',
        'petras,Petras,lrt,iki 2" ilgio',
        'ona,Ona\u2028Onutė,lrt,x',
        '"rasa","Rasa, R.","lrt","y"',
    ]
    for ending in ("\n", "\r", "\r\n"):
        repo.write("contacts/media.csv", ending.join(rows) + ending)
        assert cli("validate", "--root", str(repo.root)).code == 0
        result = cli("mv", "lrt", "lrt-2", "--root", str(repo.root))
        assert result.code == 0, result.err
        assert (repo.root / "contacts/media.csv").read_bytes().decode("utf-8").split(ending) == [
            'id , name , organization , notes',
            ' jonas ,Jonas,lrt-2,"Kabutė "" viduje"',
            'petras,Petras,lrt-2,iki 2" ilgio',
            'ona,Ona\u2028Onutė,lrt-2,x',
            '"rasa","Rasa, R.","lrt-2","y"',
            '',
        ]
        assert cli("validate", "--root", str(repo.root)).code == 0
        assert cli("mv", "jonas", "jonas-j", "--root", str(repo.root)).code == 0
        assert ' jonas-j ,Jonas' in (repo.root / "contacts/media.csv").read_text(encoding="utf-8")
        cli("mv", "jonas-j", "jonas", "--root", str(repo.root))
        cli("mv", "lrt-2", "lrt", "--root", str(repo.root))


def test_mv_changes_nothing_else_in_a_yaml_file_written_any_way(repo, cli):
    repo.write("partners/talsi.yaml", PARTNER)
    repo.write("partners/lsa.yaml", "name: LSA\nkind: association\ncountry: LT\n")
    visit = (
        "# Antraštės komentaras\n---\ntitle:   \"Vizitas \\u0160iauliuose\"   # pavadinimas\r\n"
        "direction: incoming\nstart: 2026-05-01\npurpose: Labai\n  ilgas\n  tekstas.\nnotes: ~\n"
        "partners:\n    - lsa    # pirmas\n    - talsi\nfollow_ups:\n    -   task: Padėka\n"
        "programme: >-\n    Pirmas\n    antras\ntags: [a, talsi-x]\n...\n"
    )
    repo.write("visits/a.yaml", visit)
    assert cli("validate", "--root", str(repo.root)).code == 0
    assert cli("mv", "talsi", "talsu-novads", "--root", str(repo.root)).code == 0
    assert (repo.root / "visits/a.yaml").read_bytes().decode() == visit.replace("    - talsi\n", "    - talsu-novads\n")
