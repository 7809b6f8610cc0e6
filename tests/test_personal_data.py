"""`rysiai person` (subject access) and `rysiai forget` (erasure), on the sample data and on
small repositories written here."""

import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import PROJECT
from rysiai.repository import load_repository
from rysiai.site_build.build import build_site
from rysiai.validate import check_repository
from site_fixture import fill
from test_site_build import copy_project, read

COLLECTIONS = (
    "partners", "contacts", "associations", "visits", "requests", "events", "projects", "interactions", "press", "surveys",
)


def data_files(root: Path) -> list[Path]:
    return sorted(p for c in COLLECTIONS for p in (root / c).glob("*") if p.suffix in (".yaml", ".csv"))


def grep_lines(root: Path, pattern: re.Pattern, skip: str) -> set[tuple[str, int]]:
    """(file, line) of every line of the data files that matches, read as plain text."""
    found = set()
    for path in data_files(root):
        relative = path.relative_to(root).as_posix()
        if relative == skip:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            if pattern.search(line):
                found.add((relative, number))
    return found


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_person_finds_every_reference_and_text_mention_in_the_sample_data(cli):
    repository = load_repository(PROJECT)
    people = repository.collection("contacts")
    assert len(people) > 50
    for person in people:
        result = cli("person", person.id, "--format", "json", "--root", str(PROJECT))
        assert result.code == 0, result.err
        data = json.loads(result.out)
        assert data["person"]["id"] == person.id and data["person"]["path"] == person.path
        mentions = data["mentions"]
        # References: every line of another file that holds the id as a whole word.
        id_pattern = re.compile(rf"(?<![\w-]){re.escape(person.id)}(?![\w-])")
        expected = grep_lines(PROJECT, id_pattern, skip=person.path)
        if person.path.endswith(".csv"):  # other rows of the same file may refer to the person
            expected |= {hit for hit in grep_lines(PROJECT, id_pattern, skip="") if hit[0] == person.path and hit[1] != person.line}
        found = {(m["path"], m["line"]) for m in mentions if m["how"] == ["reference"]}
        assert found == expected, person.id
        # Texts: every file that holds the full name, the e-mail or the phone.
        words = [re.escape(person.typed["name"])] + [re.escape(person.typed[k]) for k in ("email",) if k in person.typed]
        text_pattern = re.compile("|".join(words), re.IGNORECASE)
        expected_files = {path for path, _ in grep_lines(PROJECT, text_pattern, skip=person.path)}
        phone = person.typed.get("phone")
        if phone:
            for path in data_files(PROJECT):
                relative = path.relative_to(PROJECT).as_posix()
                if relative != person.path and digits(phone)[-8:] in digits(path.read_text(encoding="utf-8")):
                    expected_files.add(relative)
        found_files = {m["path"] for m in mentions if m["how"] != ["reference"]}
        assert found_files == expected_files, person.id


def test_person_json_for_the_advisor_names_each_kind_of_mention(cli):
    data = json.loads(cli("person", "ausra-kalvaityte", "--format", "json", "--root", str(PROJECT)).out)
    texts = [(m["path"], m["field"], m["how"]) for m in data["mentions"] if m["how"] != ["reference"]]
    assert texts == [
        ("events/2026-12-krpt-posedis.yaml", "conclusions", ["email"]),
        ("events/2026-12-krpt-posedis.yaml", "notes", ["name"]),  # `Aušrai Kalvaitytei`
        ("requests/2026-11-gyventojo-apklausa.yaml", "notes", ["phone", "name"]),
    ]
    assert data["possible_mentions"] == []
    kinds = {m["collection"] for m in data["mentions"]}
    assert kinds == {"visits", "events", "requests", "interactions", "projects"}
    assert data["history"] == "git log -p --follow -- contacts/ausra-kalvaityte.yaml"


def test_person_markdown_is_the_whole_answer(repo, cli, monkeypatch):
    import datetime as dt

    import rysiai.commands.personal_data as command

    class Today(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2026, 11, 26)

    monkeypatch.setattr(command.dt, "date", Today)
    fill(repo)
    repo.write("requests/r1.yaml", "subject: Dėl paramos\nreceived: 2026-11-02\nnotes: Skambino Ona Petraitienė, tel. +370 612 34567.\n")
    result = cli("--lang", "lt", "person", "ona-petraitiene", "--root", str(repo.root))
    assert result.code == 0
    assert result.out == (
        "# Asmens duomenys: Ona Petraitienė\n\n"
        "Parengta 2026-11-26 iš išorinių ryšių registro „Ryšiai“. Įrašas: `contacts/ona-petraitiene.yaml`.\n\n"
        "## Įrašas\n\n"
        "- **Vardas ir pavardė** (`name`): Ona Petraitienė\n"
        "- **Organizacija** (`organization`): Talsu novada pašvaldība (`talsi`)\n"
        "- **Pareigos** (`position`): Koordinatorė\n"
        "- **El. paštas** (`email`): ona@talsi.lv\n"
        "- **Telefonas** (`phone`): 8 612 34567\n"
        "- **Kalbos** (`languages`): lt; lv\n"
        "- **Viešinti** (`public`): true\n\n"
        "## Kituose įrašuose\n\n"
        "- Prašymai: Dėl paramos (`requests/r1.yaml:3`), Pastabos: vardas ir pavardė tekste, "
        "telefonas tekste: Skambino Ona Petraitienė, tel. +370 612 34567.\n"
        "- Vizitai: Talsų delegacija Prienuose (`visits/talsi-2025.yaml:6`), Dalyviai: nuoroda\n"
        "- Vizitai: Talsų delegacija Prienuose (`visits/talsi-2025.yaml:12`), "
        "Tolesni veiksmai / Atsakingas: nuoroda\n\n"
        "## Istorija\n\n"
        "Ankstesnės įrašo versijos saugomos git istorijoje: "
        "`git log -p --follow -- contacts/ona-petraitiene.yaml`.\n"
    )
    english = cli("person", "ona-petraitiene", "--root", str(repo.root)).out
    assert english.startswith(
        "# Personal data: Ona Petraitienė\n\n"
        "Prepared 2026-11-26 from the external-relations registry “Ryšiai”. Record: `contacts/ona-petraitiene.yaml`.\n\n"
        "## Record\n\n"
        "- **Vardas ir pavardė** (`name`): Ona Petraitienė\n"
    )
    assert english.endswith(
        "## In other records\n\n"
        "- Prašymai: Dėl paramos (`requests/r1.yaml:3`), Pastabos: name and surname in a text, "
        "phone in a text: Skambino Ona Petraitienė, tel. +370 612 34567.\n"
        "- Vizitai: Talsų delegacija Prienuose (`visits/talsi-2025.yaml:6`), Dalyviai: reference\n"
        "- Vizitai: Talsų delegacija Prienuose (`visits/talsi-2025.yaml:12`), "
        "Tolesni veiksmai / Atsakingas: reference\n\n"
        "## History\n\n"
        "Earlier versions of the record are kept in git's history: "
        "`git log -p --follow -- contacts/ona-petraitiene.yaml`.\n"
    )


@pytest.mark.parametrize(
    ("record_id", "message"),
    [
        ("talsi", "`talsi` (partners/talsi.yaml) is a record of partners, not of a person"),
        ("nobody", "there is no record `nobody`"),
    ],
)
def test_person_and_forget_refuse_what_is_not_a_person(repo, cli, record_id, message):
    fill(repo)
    for command in (("person", record_id), ("forget", record_id, "--dry-run")):
        result = cli(*command, "--root", str(repo.root))
        assert result.code == 2
        assert message in result.err
        assert "Traceback" not in result.err


@pytest.fixture
def sample(tmp_path):
    return copy_project(tmp_path, with_git=False)


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in data_files(root):
        digest.update(path.as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def test_forget_dry_run_lists_the_changes_and_writes_nothing(sample, cli):
    before = tree_digest(sample)
    result = cli("forget", "ausra-kalvaityte", "--dry-run", "--root", str(sample))
    assert result.code == 0
    assert tree_digest(sample) == before
    lines = result.out.splitlines()
    assert lines[0] == "Would erase contacts `ausra-kalvaityte` (Aušra Kalvaitytė):"
    assert lines[1] == "  delete contacts/ausra-kalvaityte.yaml"
    assert "  visits/2025-06-talsu-delegacija-prienuose.yaml:15: participants: 'ausra-kalvaityte' → 'istrintas-asmuo'" in lines
    assert (
        "  requests/2026-11-gyventojo-apklausa.yaml:12: notes: phone and name → "
        "'…nurodytas patarėjos telefonas [ištrinta]; klausimus derinti su [ištrin…'"
    ) in lines
    # The name in another case (`Aušrai Kalvaitytei`) is erased like the name as written.
    assert "  events/2026-12-krpt-posedis.yaml:20: notes: name → '… kelionės į Kauną paskambinti [ištrinta].'" in lines
    assert "Words like the surname, not changed; read them:" not in lines
    assert "Nothing written (--dry-run)." in result.err


def test_forget_leaves_valid_records_without_the_persons_name_email_or_phone(sample, cli):
    person = load_repository(sample).by_id["ausra-kalvaityte"]
    name, email, phone = person.typed["name"], person.typed["email"], person.typed["phone"]
    visit = sample / "visits/2025-06-talsu-delegacija-prienuose.yaml"
    participants_before = load_repository(sample).by_id["2025-06-talsu-delegacija-prienuose"].typed["participants"]
    result = cli("forget", "ausra-kalvaityte", "--root", str(sample))
    assert result.code == 0
    assert "Erased." in result.err
    report = check_repository(load_repository(sample))
    assert report.findings == []
    for path in data_files(sample):  # (the copy holds this project's tests and docs too)
        text = path.read_text(encoding="utf-8", errors="replace")
        assert name.casefold() not in text.casefold(), path
        assert email.casefold() not in text.casefold(), path
        assert digits(phone)[-8:] not in digits(text), path
        assert "ausra-kalvaityte" not in text, path
    participants = load_repository(sample).by_id["2025-06-talsu-delegacija-prienuose"].typed["participants"]
    assert len(participants) == len(participants_before)
    assert participants[participants_before.index("ausra-kalvaityte")] == "istrintas-asmuo"
    assert "  - istrintas-asmuo\n" in visit.read_text(encoding="utf-8")
    # The name in another case is erased too.
    assert "  Dėl kelionės į Kauną paskambinti [ištrinta].\n" in (sample / "events/2026-12-krpt-posedis.yaml").read_text(encoding="utf-8")


def test_forget_keeps_comments_and_other_rows(repo, cli):
    fill(repo)
    repo.write(
        "contacts/media.csv",
        "id,name,email\njurgis-kairys,Jurgis Kairys,jurgis@lrt.lt\n"
        'rasa-rimke,"Rimkė, Rasa",rasa@bns.lt\n',
    )
    repo.write(
        "visits/talsi-2025.yaml",
        "# Vizitas\ntitle: Talsų delegacija Prienuose  # pavadinimas\ndirection: incoming\n"
        "start: 2025-06-27\nparticipants: [ona-petraitiene, jurgis-kairys]\n"
        "notes: |\n  Filmavo Jurgis Kairys (jurgis@lrt.lt).\n",
    )
    result = cli("forget", "jurgis-kairys", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert (repo.root / "contacts/media.csv").read_text(encoding="utf-8") == (
        'id,name,email\nrasa-rimke,"Rimkė, Rasa",rasa@bns.lt\n'
    )
    assert (repo.root / "visits/talsi-2025.yaml").read_text(encoding="utf-8") == (
        "# Vizitas\ntitle: Talsų delegacija Prienuose  # pavadinimas\ndirection: incoming\n"
        "start: 2025-06-27\nparticipants: [ona-petraitiene, istrintas-asmuo]\n"
        "notes: |\n  Filmavo [ištrinta] ([ištrinta]).\n"
    )
    assert check_repository(load_repository(repo.root)).errors == []


def test_forget_refuses_data_with_errors(repo, cli):
    fill(repo)
    repo.write("visits/bad.yaml", "title: Be datos\n")
    before = tree_digest(repo.root)
    result = cli("forget", "ona-petraitiene", "--root", str(repo.root))
    assert result.code == 2
    assert "the data has 2 errors; fix them first" in result.err
    assert tree_digest(repo.root) == before


def test_no_record_may_take_the_erased_persons_id(repo, cli):
    repo.write("contacts/istrintas-asmuo.yaml", "name: Kažkas\n")
    result = cli("validate", "--root", str(repo.root))
    assert result.code == 1
    assert "[reserved-id]" in result.out


def test_the_site_shows_an_erased_person_as_plain_text(repo, cli, tmp_path):
    fill(repo)
    assert cli("forget", "jonas-jonaitis", "--root", str(repo.root)).code == 0
    site = build_site(repo.root, tmp_path / "site")
    visit = read(site, "visits/talsi-2025")
    assert "ištrintas asmuo" in visit
    assert "istrintas-asmuo" not in visit
    assert "<td>ištrintas asmuo</td>" in read(site, "associations/silavoto-bendruomene")


def test_people_are_found_however_their_name_and_number_are_written():
    import unicodedata

    from rysiai.loading import Record
    from rysiai.privacy.mentions import PeopleIndex

    person = Record("contacts", "agne", "contacts/agne.yaml", 1, {}, typed={
        "name": "Agnė Vilkaitė", "email": "agne@ccre.org", "phone": "+37060827341"})
    index = PeopleIndex([person])

    def found(text):
        form = index.searched_form(text)
        return [(form[s.start:s.end], s.what) for s in index.spans(text)]

    assert found("Skambinta 2026-11-20 8 608 27341. Tel. +370 608 27341 2026 m. Numeriai: 8 612 00000 8 608 27341.") == [
        ("8 608 27341", "phone"), ("+370 608 27341", "phone"), ("8 608 27341", "phone")]
    assert found("+37060827341, 860827341, (8 608) 27 341") == [
        ("+37060827341", "phone"), ("860827341", "phone"), ("(8 608) 27 341", "phone")]
    assert found("sąskaita 1234608273415, kodas 60827341999") == []  # inside longer numbers
    assert found("VILKAITĖ Agnė; Agne Vilkaite; agne-vilkaite; O’Vilkaitė") == [
        ("VILKAITĖ Agnė", "name"), ("Agne Vilkaite", "name"), ("agne-vilkaite", "name")]
    # Not her: another name that goes on with a hyphen, or two people written in a list.
    assert found("Agnė Vilkaitė-Kazlauskienė; Jonas Vilkaitė, Agnė Petraitytė; 2026-06-08 27341") == []
    assert found(unicodedata.normalize("NFD", "su Agnė Vilkaitė")) == [("Agnė Vilkaitė", "name")]
    assert found("Filmavo Agnė Vilkaitė (agne@ccre.org)") == [("Agnė Vilkaitė", "name"), ("agne@ccre.org", "email")]
    assert found("Agnė (Vilkaitė)") == []  # not written as a name
    assert [s.what for s in index.spans("Agn&#279;&nbsp;Vilkait&#279;")] == ["name"]


def test_public_texts_naming_a_person_in_other_forms_are_warned_about(repo, cli):
    import unicodedata

    fill(repo)
    outcomes = unicodedata.normalize("NFD", "Sutarė Jonas Jonaitis.") + " JONAITIS Jonas; tel. 8 611 11111 (2026 m.)."
    repo.write("visits/talsi-2025.yaml", "title: Vizitas\ndirection: incoming\nstart: 2025-06-27\n"
               f"outcomes: '{outcomes}'\nprogramme: 'Jon&#97;s Jonaitis'\n")
    result = cli("validate", "--root", str(repo.root))
    named = [line for line in result.out.splitlines() if "[unpublished-person-named]" in line]
    assert len(named) == 3
    assert "visits/talsi-2025.yaml:4:" in named[0] and "the name of `jonas-jonaitis`" in named[0]
    assert "the phone number of `jonas-jonaitis`" in named[1]
    assert "visits/talsi-2025.yaml:5:" in named[2]


def test_forget_removes_an_organisations_phone_that_was_the_persons_own(repo, cli):
    fill(repo)
    repo.write("associations/silavoto-bendruomene.yaml",
               "name: Šilavoto bendruomenė\neldership: Šilavoto\nchair: jonas-jonaitis\nphone: 861111111\n"
               "notes: 861111111\n")
    result = cli("forget", "jonas-jonaitis", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert "associations/silavoto-bendruomene.yaml:4: phone: phone '861111111' removed" in result.out
    assert (repo.root / "associations/silavoto-bendruomene.yaml").read_text(encoding="utf-8") == (
        "name: Šilavoto bendruomenė\neldership: Šilavoto\nchair: istrintas-asmuo\nnotes: '[ištrinta]'\n"
    )
    assert check_repository(load_repository(repo.root)).errors == []


def test_forget_refuses_while_another_record_may_be_the_same_person(repo, cli):
    fill(repo)
    repo.write("contacts/jonas-jonaitis-2.yaml", "name: Jonas Jonaitis\n")
    before = tree_digest(repo.root)
    result = cli("forget", "jonas-jonaitis", "--root", str(repo.root))
    assert result.code == 2
    assert ("`jonas-jonaitis-2` has the same name as `jonas-jonaitis`: it may be the same person. "
            "Merge the two first (`rysiai merge jonas-jonaitis jonas-jonaitis-2`)") in result.err
    assert tree_digest(repo.root) == before


def test_forget_keeps_line_ends_byte_order_marks_and_quoting(repo, cli):
    fill(repo)
    repo.write("contacts/media.csv", (
        '"id","name","organization"\r\n"petras-p","Petras P","talsi"\r\n'
        '"jurgis-kairys","Jurgis Kairys","talsi"\r\n"rasa-r","Rasa, R","talsi"\r\n').encode())
    visit = "\ufeff---\r\n# Vizitas\r\ntitle: Talsų delegacija\r\ndirection: incoming\r\nstart: 2025-06-27\r\nparticipants:\r\n  - jurgis-kairys  # filmavo\r\n"
    repo.write("visits/talsi-2025.yaml", visit.encode())
    assert cli("forget", "jurgis-kairys", "--root", str(repo.root)).code == 0
    assert (repo.root / "contacts/media.csv").read_bytes() == (
        b'"id","name","organization"\r\n"petras-p","Petras P","talsi"\r\n"rasa-r","Rasa, R","talsi"\r\n')
    assert (repo.root / "visits/talsi-2025.yaml").read_bytes() == visit.replace(
        "jurgis-kairys  #", "istrintas-asmuo  #").encode()


def test_forget_erases_a_name_written_with_html_entities(repo, cli):
    fill(repo)
    repo.write("visits/luban-2027.yaml", "title: Vizitas į Lubaną\ndirection: outgoing\nstart: 2027-05-19\n"
               "notes: 'Vežė J&#111;nas Jonaitis, o vairavo Ona.'\n")
    result = cli("forget", "jonas-jonaitis", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert "notes: 'Vežė [ištrinta], o vairavo Ona.'" in (repo.root / "visits/luban-2027.yaml").read_text(encoding="utf-8")


def test_comments_that_name_the_person_are_listed_and_erased(repo, cli):
    fill(repo)
    visit = ("# Kontaktas: Jonas Jonaitis, tel. +370 611 11111\ntitle: Vizitas  # svarbu\n"
             "direction: incoming\nstart: 2025-06-27\nparticipants:\n  - jonas-jonaitis  # Jonaitis Jonas\n")
    repo.write("visits/talsi-2025.yaml", visit)
    data = json.loads(cli("person", "jonas-jonaitis", "--format", "json", "--root", str(repo.root)).out)
    assert data["comments"] == [
        {"path": "visits/talsi-2025.yaml", "line": 1, "how": "name"},
        {"path": "visits/talsi-2025.yaml", "line": 1, "how": "phone"},
        {"path": "visits/talsi-2025.yaml", "line": 6, "how": "name"},
    ]
    result = cli("forget", "jonas-jonaitis", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert "  visits/talsi-2025.yaml:6: comment: name → '[ištrinta]'" in result.out
    assert (repo.root / "visits/talsi-2025.yaml").read_text(encoding="utf-8") == (
        "# Kontaktas: [ištrinta], tel. [ištrinta]\ntitle: Vizitas  # svarbu\n"
        "direction: incoming\nstart: 2025-06-27\nparticipants:\n  - istrintas-asmuo  # [ištrinta]\n")


def test_ids_and_links_that_spell_out_a_name(repo, cli):
    fill(repo)
    repo.write("visits/2025-01-susitikimas-su-jonas-jonaitis.yaml",
               "title: Susitikimas\ndirection: incoming\nstart: 2025-01-10\n"
               "outcomes: '[Jo puslapis](../../contacts/jonas-jonaitis/)'\n")
    result = cli("validate", "--root", str(repo.root))
    named = [line for line in result.out.splitlines() if "[unpublished-person-named]" in line]
    assert [line.split(" is shown")[0] for line in named] == [
        "visits/2025-01-susitikimas-su-jonas-jonaitis.yaml:1: warning: [unpublished-person-named] `id`",
        "visits/2025-01-susitikimas-su-jonas-jonaitis.yaml:4: warning: [unpublished-person-named] `outcomes`",
    ]
    data = json.loads(cli("person", "jonas-jonaitis", "--format", "json", "--root", str(repo.root)).out)
    assert [entry["record"] for entry in data["ids"]] == ["2025-01-susitikimas-su-jonas-jonaitis"]
    result = cli("forget", "jonas-jonaitis", "--root", str(repo.root))
    assert result.code == 1
    assert "rename it first with `rysiai mv 2025-01-susitikimas-su-jonas-jonaitis NEW-ID`" in result.out
    assert ("visits/2025-01-susitikimas-su-jonas-jonaitis.yaml:1: still holds the person's name or number in its id"
            in result.err)


def test_forget_leaves_a_colleagues_own_shared_phone_and_other_peoples_names(repo, cli):
    fill(repo)
    repo.write("contacts/petras-jonaitis.yaml", "name: Petras Jonaitis\nphone: '+37061111111'\n")
    repo.write("contacts/jonas-jonaitis-kazlauskas.yaml", "name: Jonas Jonaitis-Kazlauskas\n")
    repo.write("visits/luban-2027.yaml", "title: Vizitas į Lubaną\ndirection: outgoing\nstart: 2027-05-19\n"
               "notes: 'Dalyvavo Petras Jonas, Jonaitis Ona ir Jonas Jonaitis-Kazlauskas; 2026-06-11 11111.'\n")
    result = cli("forget", "jonas-jonaitis", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert "contacts/petras-jonaitis.yaml:2: phone: the same as `petras-jonaitis`'s own: left as it is" in result.out
    assert "phone: '+37061111111'" in (repo.root / "contacts/petras-jonaitis.yaml").read_text(encoding="utf-8")
    assert "Dalyvavo Petras Jonas, Jonaitis Ona ir Jonas Jonaitis-Kazlauskas; 2026-06-11 11111." in (
        repo.root / "visits/luban-2027.yaml").read_text(encoding="utf-8")


def test_forget_in_folded_and_literal_blocks_keeps_their_lines(repo, cli):
    fill(repo)
    visit = ("title: Vizitas į Lubaną\ndirection: outgoing\nstart: 2027-05-19\n"
             "programme: >-\n    Pirmą dieną vežė\n    Jonas Jonaitis.\n    Antrą dieną\n    ekskursija.\n"
             "notes: |\n  Skambinti 8 611 11111.\n\n  Kita.\n")
    repo.write("visits/luban-2027.yaml", visit)
    result = cli("forget", "jonas-jonaitis", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert "  visits/luban-2027.yaml:5: programme: name" in result.out  # a > block: its paragraph
    assert (repo.root / "visits/luban-2027.yaml").read_text(encoding="utf-8") == visit.replace(
        "Jonas Jonaitis.", "[ištrinta].").replace("8 611 11111", "[ištrinta]")
