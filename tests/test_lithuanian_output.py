"""What a Lithuanian reader sees from the main commands holds no English: every line the commands
print with `--lang lt` (findings, plans, reports, errors, refusals) is searched for common English
words and phrases, outside what is not the program's own words: code spans (`…`), quoted values,
file paths and the values of the records and of the imported files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import Workbook

# Common English function words and phrases that no Lithuanian message holds. Words that are
# also Lithuanian (`be` without, `to` of that, `net` even, `per` too, `link` towards, `man` to me)
# are not on the list.
ENGLISH_WORDS = {
    "the", "is", "are", "was", "were", "been", "not", "cannot", "can", "could", "must",
    "should", "would", "will", "may", "write", "written", "into", "of", "and", "or", "with",
    "has", "have", "had", "no", "it", "its", "this", "that", "these", "there", "which", "what",
    "who", "whom", "for", "from", "by", "as", "at", "on", "in", "an", "than", "then", "but",
    "if", "only", "same", "such", "near", "several", "taken", "removed", "replaced", "skipped",
    "file", "files", "row", "rows", "card", "cards", "field", "fields", "record", "records",
    "value", "values", "name", "error", "errors", "warning", "warnings", "nothing", "new",
    "possible", "duplicates", "used", "notes", "did", "you", "mean", "does", "their", "them",
    "they", "one", "first", "before", "after", "photo", "logo", "sound", "key", "bookkeeping",
    "reason", "because", "already", "found", "missing", "allowed", "unknown", "invalid",
    "character", "characters", "period", "periods", "sign", "too", "long", "address",
}
ENGLISH_PHRASES = ("file(s)", "error(s)", "e-mail", "@-sign", "isn't", "can't", "doesn't")

CODE_SPAN = re.compile(r"`[^`\n]*`|\[[a-z0-9-]+\]")  # and a finding's code: `[unknown-field]`
# A value shown quoted: Python's `'…'` (not an apostrophe inside a word), `"…"`, `„…“`.
QUOTED = re.compile(r"(?<!\w)'(?:[^'\\\n]|\\.)*'(?!\w)|\"(?:[^\"\\\n]|\\.)*\"|„[^“\n]*“")
PATH = re.compile(r"[^\s:()]*/[^\s:()]*|[^\s:()/]+\.(?:yaml|csv|vcf|xlsx|json|ics|md)\b")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_in(text: str, values: set[str]) -> list[str]:
    """The English words and phrases of ``text`` outside code spans, finding codes, quoted values,
    paths and the ``values`` of the data (longest first, so a value holding a shorter one goes whole)."""
    text = PATH.sub(" ", QUOTED.sub(" ", CODE_SPAN.sub(" ", text)))
    longest_first = sorted((value for value in values if len(value) > 2), key=len, reverse=True)
    if longest_first:  # a value only where it stands whole, not inside a word
        text = re.sub("|".join(rf"(?<!\w){re.escape(value)}(?!\w)" for value in longest_first), " ", text)
    lowered = text.lower()
    found = [phrase for phrase in ENGLISH_PHRASES if phrase in lowered]
    found += [word for word in WORD.findall(lowered) if word in ENGLISH_WORDS]
    return found


def test_the_check_finds_english_and_lets_lithuanian_and_data_through():
    assert english_in("contacts/a.yaml:3: klaida: the same name as `ona`", set()) == ["the", "same", "name", "as"]
    assert english_in("Naujų įrašų (2): be vardo, to paties el. pašto", set()) == []
    assert english_in("  contacts/ona.yaml  Ona: `the field` 'is not' „of the“", set()) == []
    assert english_in("Nerasta: Council of the Regions", {"Council of the Regions"}) == []
    assert english_in("write the file(s)", set()) == ["file(s)", "write", "the", "file"]
    assert english_in("it can't be 'read'", set()) == ["can't", "it"]


# A repository with records of many kinds, and errors and warnings of many kinds.
RECORDS = {
    "partners/talsi.yaml": (
        "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\ncity: Talsi\n"
        "agreements:\n  - type: Bendradarbiavimo sutartis\n    signed: 2001-12-05\n"
        "    until: 2027-01-31\n    status: signed\n"
    ),
    "partners/lubanas.yaml": "name: Liubano savivaldybė\nkind: municipality\ncountry: PL\n",
    "contacts/ona-petraitiene.yaml": (
        "# Ona Petraitienė prašė skambinti po pietų\n"
        "name: Ona Petraitienė\norganization: talsi\nposition: Koordinatorė\n"
        "email: ona@talsi.lv\nphone: '+37061234567'\nlanguages: [lt, lv]\nreviewed: 2020-01-10\n"
    ),
    "contacts/jonas-jonaitis.yaml": "name: Jonas Jonaitis\norganization: lubanas\nphone: '+37061111111'\n",
    "contacts/ona-petraitiene-2.yaml": "name: Ona Petraitiene\nposition: Vadovė\nemail: ona@talsi.lv\n",
    "visits/talsi-2026.yaml": (
        "title: Talsų delegacija Prienuose\ndirection: incoming\nstart: 2026-12-03\n"
        "partners: [talsi]\nparticipants: [ona-petraitiene]\n"
        "notes: Ona Petraitienė (ona@talsi.lv) atvyks anksčiau; Petraitienei paskambinti.\n"
        "follow_ups:\n  - task: Išsiųsti padėką\n    owner: jonas-jonaitis\n    due: 2026-11-20\n"
        "  - task: Parengti ataskaitą\n    owner: jonas-jonaitis\n    due: 2026-12-01\n"
    ),
    "visits/su-ona-petraitiene.yaml": (
        "title: Susitikimas\ndirection: outgoing\nstart: 2026-12-05\nstatus: planned\n"
    ),
    "events/krpt.yaml": "title: Regiono plėtros tarybos posėdis\nkind: krpt\nstart: 2026-12-02 10:00\n",
    "requests/velyvas.yaml": "subject: Vėluojantis prašymas\nreceived: 2026-10-01\n",
    "requests/greitai.yaml": "subject: Greitai atsakytinas\nreceived: 2026-11-10\n",
}
BROKEN = {
    "contacts/blogas.yaml": (
        "name: Blogas Kontaktas\norganization: nera-tokios\nemail: blogas..adresas@@prienai\n"
        "phone: 12345\nlanguages: [lt, xx]\nnotes: Asmens kodas 38501010002\nwebsite: x\n"
    ),
    "contacts/tarpas.yaml": "name: Tarpas Adrese\nemail: \"tarpas adrese@prienai.lt\"\nphone: 8 612 34568\n",
    "contacts/be-tasko.yaml": "name: Be Taško\nemail: vardas@prienai\n",
    "contacts/be-eta.yaml": "name: Be Eta\nemail: vardas.prienai.lt\n",
    "contacts/pries-eta.yaml": "name: Prieš Etą\nemail: \"@prienai.lt\"\n",
    "contacts/po-eta.yaml": "name: Po Etos\nemail: \"vardas@\"\n",
    "contacts/ilgas.yaml": "name: Ilgas Adresas\nemail: " + "a" * 70 + "@prienai.lt\n",
    "contacts/raides.yaml": "name: Raidės Adrese\nemail: \"vardas<>@prienai.lt\"\n",
    "contacts/priedas.yaml": "name: Priedas Adrese\nemail: \"vardas@prienai.lt (darbo)\"\n",
    "visits/blogas.yaml": (
        "title: Blogas vizitas\ndirection: sideways\nstart: 2026-02-30\nend: 2026-01-01\n"
        "partners: [contacts]\nstatus: dne\n"
    ),
    "visits/atgal.yaml": "title: Atgal\ndirection: incoming\nstart: 2026-03-02\nend: 2026-03-01\n",
    "requests/atsakytas.yaml": "subject: Atsakytas\nreceived: 2026-01-05\nstatus: answered\n",
    "partners/blogas.yaml": "name: Blogas partneris\nkind: municipality\ncountry: XX\ncode: '123'\nsince: 1999-13\n",
    "partners/dukart.yaml": "name: Dukart\nname: Dukart vėl\nkind: other\n",
    "partners/tuscias.yaml": "",
    "partners/Blogas Vardas.yaml": "name: Blogas vardas\nkind: other\n",
    "partners/sarasas.yaml": "- a\n- b\n",
}

TODAY = "2026-11-26"


def _values(root: Path) -> set[str]:
    """Every value written in the data repository's record files (and their ids and lines)."""
    values = set()
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".yaml", ".csv") and ".rysiai" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            for line in text.splitlines():
                key, colon, value = line.partition(":")
                values.add(line.strip().lstrip("- ").strip())
                if colon:
                    values.add(value.strip().strip("'\""))
            values.add(path.stem)
    return {value for value in values if value}


@pytest.fixture
def data(repo):
    for path, text in {**RECORDS, **BROKEN}.items():
        repo.write(path, text)
    return repo


def _lithuanian(cli, *args: str) -> str:
    result = cli("--lang", "lt", *args)
    return result.out + result.err


def _check(texts: dict[str, str], values: set[str]) -> None:
    found = {what: english_in(text, values) for what, text in texts.items()}
    found = {what: words for what, words in found.items() if words}
    assert found == {}, "\n\n".join(f"{what}: {words}\n{texts[what]}" for what, words in found.items())


def test_validate_speaks_lithuanian(data, cli):
    import json

    texts = {
        "validate": _lithuanian(cli, "validate", "--root", str(data.root)),
        "validate --strict": _lithuanian(cli, "validate", "--root", str(data.root), "--strict"),
    }
    findings = json.loads(cli("--lang", "lt", "validate", "--root", str(data.root), "--format", "json").out)
    texts["validate --format json"] = "\n".join(finding["message"] for finding in findings["findings"])
    _check(texts, _values(data.root))


def test_the_agenda_speaks_lithuanian(data, cli):
    texts = {"agenda": _lithuanian(cli, "agenda", "--root", str(data.root), "--today", TODAY, "--days", "40")}
    _check(texts, _values(data.root))
    # An allowed value is shown by the schema's label, in either language.
    assert "events/krpt.yaml  Regiono plėtros tarybos posėdis — renginys: KRPT posėdis\n" in texts["agenda"]
    assert "visits/talsi-2026.yaml  Talsų delegacija Prienuose — vizitas: Atvykstantis\n" in texts["agenda"]
    english = cli("agenda", "--root", str(data.root), "--today", TODAY, "--days", "40").out
    assert "events/krpt.yaml  Regiono plėtros tarybos posėdis — event: KRPT posėdis\n" in english
    assert "visits/su-ona-petraitiene.yaml  Susitikimas — visit: Išvykstantis\n" in english


@pytest.mark.parametrize(
    "address, problem",
    [
        ("vardas.prienai.lt", "jame nėra ženklo @"),
        ("@prienai.lt", "prieš @ nieko neparašyta"),
        ("vardas@", "po @ nieko neparašyta"),
        ("vardas..pavarde@prienai.lt", "jame yra du taškai iš eilės"),
        ("vardas@prienai", "dalyje po @ nėra taško (turėtų būti kaip `prienai.lt`)"),
        ("vardas@" + "b" * 260 + ".lt", "jis per ilgas"),
        ("Vardas <vardas@prienai.lt>", "jame yra daugiau nei adresas: rašykite tik adresą, be vardo, skliaustų ar kitų žodžių"),
        ("vardas@prienai.lt (darbo)", "jame yra ženklų, kurių el. pašto adrese būti negali: `(`, `)`, tarpas"),
        ("var das@prienai.lt", "jame yra ženklas, kurio el. pašto adrese būti negali: tarpas"),
        ("vardas@prienai\u00a0.lt", "jame yra ženklas, kurio el. pašto adrese būti negali: U+00A0"),
        ("vardas\uff20prienai.lt", "vietoje @ jame parašytas tik į jį panašus ženklas"),
        (".vardas@prienai.lt", "taškas arba brūkšnelis parašytas ten, kur jo būti negali: pradžioje, pabaigoje, "
                               "šalia @ arba vienas šalia kito"),
        ("vardas@prienai.invalid", "dalis po @ nėra domenas, kuriuo galima gauti laiškus"),
        ("vardas@prienai.lt", None),
    ],
)
def test_an_e_mail_address_s_problem_in_our_own_lithuanian_words(address, problem):
    from rysiai.language import use_language
    from rysiai.words.contact_points import email_problem

    use_language("lt")
    assert email_problem(address) == problem


def test_in_english_an_e_mail_address_s_problem_is_email_validator_s_own():
    from rysiai.language import use_language
    from rysiai.words.contact_points import email_problem

    use_language("en")
    assert email_problem("vardas@prienai.lt (darbo)") == (
        "The part after the @-sign contains invalid characters: '(', ')', SPACE"
    )


VCARDS = "\r\n".join([
    "BEGIN:VCARD", "VERSION:3.0", "FN:Petraitienė, Ona", "N:Petraitienė;Ona;;;", "EMAIL:ona@talsi.lv",
    "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "N:;;;;", "EMAIL:be.vardo@prienai.lt", "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "FN:Rūta Žalienė", "N:Žalienė;Rūta;;;", "ORG:Talsu novada pasvaldiba;Kultūros skyrius",
    "TITLE:Vadovė", "TITLE:Koordinatorė", "EMAIL:ruta@prienai.lt", "EMAIL:ruta..zaliene@prienai",
    "TEL:8 612 34569", "TEL:12", "URL:https://prienai.lt", "ADR:;;Vytauto g. 1;Prienai;;59123;LT",
    "CATEGORIES:Kultūra,Bloga;žyma", "NOTE:Skambinti\x07 rytais", "PHOTO;ENCODING=b;TYPE=JPEG:AAAA",
    "PRODID:-//Apple Inc.//iPhone OS 17//EN", "REV:2024-01-01", "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "FN:Con", "ORG:Nežinoma organizacija", "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "FN:Žalienė, Rūta Antra", "ORG:Liubano savivaldybe", "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "FN:Jonas Jonaitis", "END:VCARD",
]) + "\r\n"

TABLE = (
    "id;Vardas;Pavardė;El. paštas;Telefonas;Organizacija;Viešinti;Peržiūrėta;Kalbos;Skyrius;Vaidmenys;Papildomas\n"
    "index;Ona;Onaitė;ona.onaite@prienai;8 612 34560;Talsu novada;taip;2025-13-01;lt;Kultūros;x;\n"
    "Blogas Id;Jonas;Naujas;jonas@prienai.lt;12;Nežinoma;galbūt;31/01/25;lt;;;\n"
    "jonas-jonaitis;Petras;Petraitis;;;lubanas;ne;31.01.2025;lt;;;\n"
    ";;;be@vardo.lt;;;;;;;;\n"
    "ona-2;Ona;Petraitienė;ona@talsi.lv;;;;;;;;\n"
    "x;Per;Daug;;;;;;;;;;;\n"
    "tab;Rūta\tRūtaitė;Eilutė\x1b;;;;;;;;;\n"
)


def _import_inputs(tmp_path: Path) -> dict[str, Path]:
    vcf = tmp_path / "adresai.vcf"
    vcf.write_text(VCARDS, encoding="utf-8")
    csv = tmp_path / "kontaktai.csv"
    csv.write_text(TABLE, encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.append(["Pavadinimas", "Tipas", "Pradžia", "Pabaiga", "Partneriai", "Kryptis", "Būsena"])
    sheet.append(["Vizitas su formule", "bloga", dt.datetime(2026, 12, 3, 10, 30), "=A1", "Talsu", "Atvykstantis", "#N/A"])
    sheet.append(["Vizitas", "", "2026-12-04", "03/12/26", "Nežinomas", "atvykstantis", ""])
    sheet.append(["Talsų delegacija Prienuose", "", "2026-12-03", "", "", "incoming", ""])
    sheet.append(["", "", "", "", "", "", "planned"])
    book.save(tmp_path / "vizitai.xlsx")
    sheet["G2"].value = "#N/A"
    sheet["G2"].data_type = "e"
    book.save(tmp_path / "vizitai.xlsx")
    return {"vcard": vcf, "csv": csv, "xlsx": tmp_path / "vizitai.xlsx"}


def _input_values(inputs: dict[str, Path]) -> set[str]:
    values = set()
    for part in VCARDS.split("\r\n"):
        name, _colon, value = part.partition(":")
        values.update({value, *value.split(";"), *value.split(",")})
    for line in TABLE.splitlines():
        values.update(line.split(";"))
    values.update({"Vizitas su formule", "Talsu", "Atvykstantis", "Nežinomas", "atvykstantis", "=A1", "bloga"})
    return {value for value in values if value}


def test_imports_speak_lithuanian(data, cli, tmp_path):
    inputs = _import_inputs(tmp_path)
    root = str(data.root)
    texts = {
        "import vcard": _lithuanian(cli, "import", "vcard", str(inputs["vcard"]), "--root", root, "--dry-run"),
        "import csv": _lithuanian(cli, "import", "csv", str(inputs["csv"]), "--collection", "contacts",
                                  "--root", root, "--dry-run"),
        "import xlsx": _lithuanian(cli, "import", "xlsx", str(inputs["xlsx"]), "--collection", "visits",
                                   "--map", "Partneriai=partners", "--root", root, "--dry-run"),
        "import csv --map": _lithuanian(cli, "import", "csv", str(inputs["csv"]), "--collection", "contacts",
                                        "--map", "Nėra=name", "--root", root, "--dry-run"),
        "import csv --map unknown field": _lithuanian(cli, "import", "csv", str(inputs["csv"]), "--collection",
                                                      "contacts", "--map", "Vardas=vardas", "--root", root),
        "import missing file": _lithuanian(cli, "import", "vcard", str(tmp_path / "nera.vcf"), "--root", root),
        "import no collection": _lithuanian(cli, "import", "csv", str(inputs["csv"]), "--collection", "nera",
                                            "--root", root),
        "import not a workbook": _lithuanian(cli, "import", "xlsx", str(inputs["csv"]), "--collection", "visits",
                                             "--root", root),
    }
    _check(texts, _values(data.root) | _input_values(inputs))


def test_person_and_forget_speak_lithuanian(data, cli):
    for path in BROKEN:
        (data.root / path).unlink()
    root = str(data.root)
    data.write("requests/skambutis.yaml", (
        "subject: Skambutis\nreceived: 2026-11-20\nstatus: answered\nanswered: 2026-11-21\n"
        "from_name: Petras Kavaliauskas\nnotes: Petrui Kavaliauskui atsakyta; Ona Petraitienė, tel. +370 612 34567.\n"
    ))
    texts = {
        "person": _lithuanian(cli, "person", "ona-petraitiene", "--root", root),
        "person by name": _lithuanian(cli, "person", "Petras Kavaliauskas", "--root", root),
        "person one word": _lithuanian(cli, "person", "Petraitienė", "--root", root),
        "person not a person": _lithuanian(cli, "person", "talsi", "--root", root),
        "person no such id": _lithuanian(cli, "person", "nera-tokio", "--root", root),
        "person a file": _lithuanian(cli, "person", "contacts/nera.yaml", "--root", root),
        "forget --dry-run": _lithuanian(cli, "forget", "ona-petraitiene", "--dry-run", "--root", root),
        "forget by name --dry-run": _lithuanian(cli, "forget", "Petras Kavaliauskas", "--dry-run", "--root", root),
        "forget the same person twice": _lithuanian(cli, "forget", "ona-petraitiene-2", "--root", root),
    }
    _check(texts, _values(data.root) | {"Petras Kavaliauskas", "Petrui Kavaliauskui", "Petraitienė"})


def test_writing_commands_speak_lithuanian(data, cli):
    root = str(data.root)
    texts = {
        "fmt --check": _lithuanian(cli, "fmt", "--check", "--root", root),
        "fmt": _lithuanian(cli, "fmt", "--root", root),
    }
    for path in BROKEN:
        (data.root / path).unlink()
    data.write("contacts/rasytas.yaml", "# Rašytas ranka\nphone: 8 612 34599\nname: Rašytas Ranka\n")
    texts.update({
        "fmt --check again": _lithuanian(cli, "fmt", "--check", "--root", root),
        "new": _lithuanian(cli, "new", "contacts", "Index", "phone=8 612 34500", "--root", root),
        "new reserved id": _lithuanian(cli, "new", "partners", "X", "id=con", "--root", root),
        "new bad id": _lithuanian(cli, "new", "partners", "X", "id=Blogas Id", "--root", root),
        "new unknown field": _lithuanian(cli, "new", "partners", "X", "spalva=raudona", "--root", root),
        "new control character": _lithuanian(cli, "new", "partners", "Y", "city=Prie\x07nai", "--root", root),
        "new no such collection": _lithuanian(cli, "new", "nera", "X", "--root", root),
        "new exists": _lithuanian(cli, "new", "partners", "Talsi", "--root", root),
        "new not a pair": _lithuanian(cli, "new", "partners", "X", "Y", "--root", root),
        "log": _lithuanian(cli, "log", "ona-petraitiene", "Skambinta dėl vizito", "--kind", "call",
                           "--date", "2026-11-20", "--root", root),
        "log unknown": _lithuanian(cli, "log", "nera", "Skambinta", "--kind", "call", "--root", root),
        "mv": _lithuanian(cli, "mv", "lubanas", "liubanas", "--root", root),
        "mv missing": _lithuanian(cli, "mv", "nera", "kitas", "--root", root),
        "mv taken": _lithuanian(cli, "mv", "talsi", "liubanas", "--root", root),
        "mv bad id": _lithuanian(cli, "mv", "talsi", "Talsi Novads", "--root", root),
        "merge": _lithuanian(cli, "merge", "ona-petraitiene", "ona-petraitiene-2", "--root", root),
        "merge missing": _lithuanian(cli, "merge", "ona-petraitiene", "nera", "--root", root),
        "merge different kinds": _lithuanian(cli, "merge", "talsi", "jonas-jonaitis", "--root", root),
        "schema": _lithuanian(cli, "schema", "--root", root),
    })
    _check(texts, _values(data.root) | {"Skambinta dėl vizito", "Prie\\x07nai", "Blogas Id", "raudona"})


def test_exports_build_and_bad_arguments_speak_lithuanian(data, cli, tmp_path):
    root = str(data.root)
    existing = tmp_path / "yra.csv"
    existing.write_text("x", encoding="utf-8")
    texts = {
        "build with errors": _lithuanian(cli, "build", "--root", root, "-d", str(tmp_path / "svetaine")),
        "export datapackage with errors": _lithuanian(cli, "export", "datapackage", "--root", root,
                                                      "-o", str(tmp_path / "paketas")),
    }
    for path in BROKEN:
        (data.root / path).unlink()
    texts.update({
        "export csv over a file": _lithuanian(cli, "export", "csv", "--collection", "contacts", "--root", root,
                                              "-o", str(existing)),
        "export csv no collection": _lithuanian(cli, "export", "csv", "--collection", "nera", "--root", root),
        "export xlsx over a file": _lithuanian(cli, "export", "xlsx", "--root", root, "-o", str(existing)),
        "export vcard no organisation": _lithuanian(cli, "export", "vcard", "--organization", "nera", "--root", root),
        "export vcard a tag nobody has": _lithuanian(cli, "export", "vcard", "--tag", "niekas", "--root", root),
        "export mailing": _lithuanian(cli, "export", "mailing", "--tag", "niekas", "--root", root),
        "export ics over a file": _lithuanian(cli, "export", "ics", "--root", root, "-o", str(existing)),
        "no data repository": _lithuanian(cli, "validate", "--root", str(tmp_path)),
        "unknown command": _lithuanian(cli, "tikrinti"),
        "no command": _lithuanian(cli),
        "bad choice": _lithuanian(cli, "validate", "--format", "xml"),
        "bad date": _lithuanian(cli, "agenda", "--today", "rytoj", "--root", root),
        "missing argument": _lithuanian(cli, "mv", "talsi"),
        "missing option": _lithuanian(cli, "import", "csv", str(existing)),
        "init over a repository": _lithuanian(cli, "init", root),
    })
    commands = {"validate", "export", "agenda", "import", "build", "serve", "new", "log", "merge", "fmt", "schema",
                "edit", "person", "forget", "init"}  # the help lists them by name
    _check(texts, _values(data.root) | commands | {"tikrinti", "xml", "rytoj", "niekas", "nera"})


HELP = [
    [], ["validate"], ["agenda"], ["import"], ["import", "vcard"], ["import", "csv"], ["import", "xlsx"],
    ["export"], ["export", "csv"], ["export", "xlsx"], ["export", "vcard"], ["export", "mailing"], ["export", "ics"],
    ["export", "datapackage"], ["build"], ["serve"], ["new"], ["log"], ["mv"], ["merge"], ["fmt"], ["schema"],
    ["edit"], ["person"], ["forget"], ["init"],
]


def test_every_command_s_help_speaks_lithuanian(cli):
    texts = {" ".join(["rysiai", *words, "--help"]): _lithuanian(cli, *words, "--help") for words in HELP}
    # What the help names as it is typed: commands, options' words, formats, fields and values.
    typed = {
        "validate", "export", "agenda", "import", "build", "serve", "new", "log", "merge", "fmt", "schema",
        "edit", "person", "forget", "init", "vcard", "csv", "xlsx", "mailing", "ics", "datapackage", "text",
        "json", "calendar", "visits", "events", "interactions", "press", "surveys", "deadlines", "call", "letter",
        "email", "meeting", "other", "help", "version", "lang", "root", "format", "strict", "today", "days",
        "dry", "run", "collection", "map", "output", "delimiter", "force", "organization", "tag", "feed", "site",
        "url", "dir", "dev", "addr", "public", "kind", "date", "check", "address", "push", "user", "header",
        "settings", "name", "contacts", "from_name", "Lotus Notes", "no-cache",
    }
    _check(texts, typed)
