"""`rysiai person` (subject access) and `rysiai forget` (erasure), on the sample data and on
small repositories written here."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from conftest import PROJECT
from rysiai.repository import load_repository
from rysiai.site.build import build_site
from rysiai.validate import check_repository
from site_fixture import fill
from test_site_build import copy_project, read

COLLECTIONS = ("partners", "contacts", "associations", "visits", "requests", "events")


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
        ("requests/2026-11-gyventojo-apklausa.yaml", "notes", ["phone", "name"]),
    ]
    assert data["possible_mentions"] == [
        {"record": "2026-12-krpt-posedis", "path": "events/2026-12-krpt-posedis.yaml", "line": 19,
         "field": "notes", "word": "Kalvaityte"}
    ]
    kinds = {m["collection"] for m in data["mentions"]}
    assert kinds == {"visits", "events", "requests"}
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
    result = cli("person", "ona-petraitiene", "--root", str(repo.root))
    assert result.code == 0
    assert result.out == (
        "# Asmens duomenys: Ona Petraitienė\n\n"
        "Parengta 2026-11-26 iš išorinių ryšių registro „Ryšiai“. Įrašas: `contacts/ona-petraitiene.yaml`.\n\n"
        "## Įrašas\n\n"
        "- **Vardas ir pavardė** (`name`): Ona Petraitienė\n"
        "- **Organizacija** (`organization`): talsi\n"
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
    assert "  visits/2025-06-talsu-delegacija-prienuose.yaml:12: participants: 'ausra-kalvaityte' → 'istrintas-asmuo'" in lines
    assert (
        "  requests/2026-11-gyventojo-apklausa.yaml:10: notes: phone and name → "
        "'…nurodytas patarėjos telefonas [ištrinta]; klausimus derinti su [ištrin…'"
    ) in lines
    assert lines[-2:] == [
        "Words like the surname, not changed; read them:",
        "  events/2026-12-krpt-posedis.yaml:19: notes: Kalvaityte",
    ]
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
    # The inflected surname is left for a person to read, as listed.
    assert "Kalvaityte" in (sample / "events/2026-12-krpt-posedis.yaml").read_text(encoding="utf-8")


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
    assert "the data has 2 error(s); fix them first" in result.err
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
