"""Finding a person wherever a reader would: their name in all seven cases, hidden by markup or
invisible characters, their phone in any common writing, their e-mail in an encoded link; and
people without a record of their own, given by name. The public-build guard (`validate`),
`person` and `forget` each find them."""

import json
import re

import pytest

from site_fixture import fill

AGNE = "name: Agnė Vilkaitė\nemail: agne.vilkaite@ccre.org\nphone: '+37060827341'\n"
GUARD = "visits/talsi-2025.yaml:5: warning: [unpublished-person-named] `outcomes` is shown on the public site and holds {what} of `agne-vilkaite`"


def with_outcomes(repo, text):
    fill(repo)
    repo.write("contacts/agne-vilkaite.yaml", AGNE)
    repo.write("visits/talsi-2025.yaml", f"title: Vizitas\ndirection: incoming\nstart: 2025-06-27\noutcomes: |\n  {text}\n")


def guard_lines(cli, repo):
    out = cli("validate", "--root", str(repo.root)).out
    return [line.split(" (")[0] for line in out.splitlines() if "[unpublished-person-named]" in line]


def mentions(cli, repo, who="agne-vilkaite"):
    data = json.loads(cli("person", who, "--format", "json", "--root", str(repo.root)).out)
    return [(m["path"], m["field"], m["how"]) for m in data["mentions"] if m["how"] != ["reference"]]


def outcomes_after_forget(cli, repo, who="agne-vilkaite"):
    result = cli("forget", who, "--root", str(repo.root))
    assert result.code == 0, result.err
    assert "Erased." in result.err
    text = (repo.root / "visits/talsi-2025.yaml").read_text(encoding="utf-8")
    return text.split("outcomes: |\n  ")[1]


# Item 9: the name in every case, either order, with or without diacritics.
NAMED = [
    "Agnė Vilkaitė", "Agnės Vilkaitės", "Agnei Vilkaitei", "Agnę Vilkaitę", "Agne Vilkaite",
    "Agnėje Vilkaitėje", "Vilkaitei Agnei", "Agnes Vilkaites", "AGNEI VILKAITEI",
]


@pytest.mark.parametrize("name", NAMED)
def test_a_name_in_any_case_is_found_by_the_guard_person_and_forget(repo, cli, name):
    with_outcomes(repo, f"Padėkota {name} už vertimą.")
    assert guard_lines(cli, repo) == [GUARD.format(what="the name")]
    assert mentions(cli, repo) == [("visits/talsi-2025.yaml", "outcomes", ["name"])]
    assert outcomes_after_forget(cli, repo) == "Padėkota [ištrinta] už vertimą.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Agnės Vilkaitei",  # two cases: not one person named
        "Agnė ir Vilkaitė",  # not standing together
        "Vilkaitei paskambinti",  # the surname alone is for a person to read (see possible mentions)
        "Jono sūnus; Jonai, ateik; Jonaitį mini",  # words of Jonas Jonaitis, each alone
    ],
)
def test_words_of_a_name_that_do_not_stand_together_in_one_case_are_no_alarm(repo, cli, text):
    with_outcomes(repo, text)
    assert guard_lines(cli, repo) == []


def test_a_man_in_every_case(repo, cli):
    fill(repo)
    forms = ["Jono Jonaičio", "Jonui Jonaičiui", "Joną Jonaitį", "Jonu Jonaičiu", "Jone Jonaityje", "Jonai Jonaiti"]
    repo.write("visits/talsi-2025.yaml", "title: Vizitas\ndirection: incoming\nstart: 2025-06-27\noutcomes: |\n"
               + "".join(f"  {form}.\n" for form in forms))
    out = cli("validate", "--root", str(repo.root)).out
    lines = [line.split(": warning")[0] for line in out.splitlines() if "[unpublished-person-named]" in line]
    assert lines == ["visits/talsi-2025.yaml:5"]  # one finding per field and person: the first line
    result = cli("forget", "jonas-jonaitis", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert (repo.root / "visits/talsi-2025.yaml").read_text(encoding="utf-8").endswith("outcomes: |\n" + "  [ištrinta].\n" * 6)


def test_a_surname_alone_in_another_case_is_listed_to_read(repo, cli):
    with_outcomes(repo, "Skambinti Vilkaitei.")
    data = json.loads(cli("person", "agne-vilkaite", "--format", "json", "--root", str(repo.root)).out)
    assert data["possible_mentions"] == [
        {"record": "talsi-2025", "path": "visits/talsi-2025.yaml", "line": 5, "field": "outcomes", "word": "Vilkaitei"}
    ]


# Item 10: the text as the reader sees it.
HIDDEN = {
    "soft hyphen": "Ag\u00adnė Vilkaitė",
    "zero-width space": "Ag\u200bnė Vilkaitė",
    "zero-width non-joiner": "Agnė Vil\u200ckaitė",
    "zero-width joiner": "Ag\u200dnė Vilkaitė",
    "word joiner": "Agnė\u2060 Vilkaitė",
    "emphasis": "Ag**nė** Vilkaitė",
    "emphasis across the name": "*Agnė* _Vilkaitė_",
    "HTML comment": "Ag<!-- -->nė Vilkaitė",
    "HTML tag": "Ag<b>nė</b> Vilkaitė",
    "inline code": "`Agnė` Vilkaitė",
    "entity": "Agn&#279; Vilkait&#x117;",
    "declined and hidden": "Ag\u00adnei Vil**kaitei**",
}


@pytest.mark.parametrize("written", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_name_hidden_from_the_written_text_is_found_as_read(repo, cli, written):
    with_outcomes(repo, f"Vertė {written}.")
    assert guard_lines(cli, repo) == [GUARD.format(what="the name")]
    assert mentions(cli, repo) == [("visits/talsi-2025.yaml", "outcomes", ["name"])]
    assert outcomes_after_forget(cli, repo) == "Vertė [ištrinta].\n"


PHONES = [
    "8-608-27341", "(8 608) 27341", "+370 608 27 341", "8 608 27341", "+37060827341", "860827341",
    "0 608 27341", "8.608.27341", "8/608/27341", "+370-608-27341", "8 - 608 - 27341", "8–608–27341",
    "8\u00a0608\u00a027341", "(8-608) 2-73-41", "00370 608 27341", "+370 (608) 27341", "8 (608) 27 341",
    "+370\u202f608\u202f27341", "8\u2011608\u201127341", "tel:%2B37060827341", "86082\u00ad7341",
]


@pytest.mark.parametrize("phone", PHONES)
def test_a_phone_in_any_common_writing_is_found_and_erased(repo, cli, phone):
    with_outcomes(repo, f"Skambinti {phone}, po pietų.")
    assert guard_lines(cli, repo) == [GUARD.format(what="the phone number")]
    assert mentions(cli, repo) == [("visits/talsi-2025.yaml", "outcomes", ["phone"])]
    after = outcomes_after_forget(cli, repo)
    assert "60827341" not in re.sub(r"\D", "", after)
    assert after.endswith("[ištrinta], po pietų.\n")


@pytest.mark.parametrize(
    "text",
    ["2026-06-08 27341", "+371 60827341", "sąskaita 1234608273415", "kodas 60827341999", "8 608 2734"],
)
def test_numbers_that_are_not_the_phone_are_no_alarm(repo, cli, text):
    with_outcomes(repo, text)
    assert guard_lines(cli, repo) == []


EMAILS = [
    "[rašyti](mailto:agne%2Evilkaite%40ccre.org)", "AGNE.VILKAITE@CCRE.ORG", "agne.vilkaite&#64;ccre.org",
    "agne.vilkaite@ccre\u00ad.org", "<agne.vilkaite@ccre.org>",
]


@pytest.mark.parametrize("email", EMAILS)
def test_an_email_however_encoded_is_found_and_erased(repo, cli, email):
    with_outcomes(repo, f"Rašyti: {email}")
    assert guard_lines(cli, repo) == [GUARD.format(what="the e-mail address")]
    assert mentions(cli, repo) == [("visits/talsi-2025.yaml", "outcomes", ["email"])]
    assert "vilkaite" not in outcomes_after_forget(cli, repo).casefold()


FOUND_TEXTS = [
    *(f"Vertė {written}." for written in HIDDEN.values()),
    *(f"Skambinti {phone}, po pietų." for phone in PHONES),
    *(f"Rašyti: {email}" for email in EMAILS),
]


def test_a_text_that_names_a_person_holds_one_of_their_search_keys():
    """A server searches a text again after a person changed only where the text's search keys
    meet theirs (privacy.checks.PublicTextsMemo): every writing found above meets them; a text
    with the given name alone, or another number, does not."""
    from rysiai.loading import Record
    from rysiai.privacy.mentions import PeopleIndex, search_keys

    agne = Record(collection="contacts", id="agne-vilkaite", path="contacts/agne-vilkaite.yaml", line=1, values={}, typed={
        "name": "Agnė Vilkaitė", "email": "agne.vilkaite@ccre.org", "phone": "+37060827341",
    })
    people = PeopleIndex([agne])
    keys = people.search_keys()
    for text in FOUND_TEXTS:
        assert people.spans(text), text
        assert not keys.isdisjoint(search_keys(text)), text
    # Words folded, every eight digits in a row; as written and as read (`&#279;` is `ė`).
    assert sorted(search_keys("Skambino Jonas, tel. 8 608 27342.")) == [
        "#60827342", "#86082734", "27342", "608", "8", "jonas", "skambino", "tel",
    ]
    assert sorted(search_keys("Rašė Agn&#279; (agne%40ccre.org).")) == [
        "279", "40ccre", "@agne@ccre.org", "agn", "agne", "ccre", "org", "rase",
    ]
    for text in ("Skambino Petras, tel. 8 608 27342.", "Skambino Jonas Petraitis, jonas@kitur.lt"):
        assert not people.spans(text)
        assert keys.isdisjoint(search_keys(text)), text


def test_forget_reads_back_and_names_a_number_left_behind(repo, cli):
    with_outcomes(repo, "Nieko.")
    repo.write("visits/skambutis-860827341.yaml", "title: Skambutis\ndirection: incoming\nstart: 2025-06-27\n")
    result = cli("forget", "agne-vilkaite", "--root", str(repo.root))
    assert result.code == 1
    assert "  visits/skambutis-860827341.yaml:1: the id `skambutis-860827341` holds the name or number: not changed" in result.out
    assert result.err.splitlines() == [
        "visits/skambutis-860827341.yaml:1: still holds the person's name or number in its id "
        "(rename it with `rysiai mv`): edit it by hand",
        "rysiai: the erasure is not complete: see the lines above",
    ]
    assert "Erased." not in result.err


# Item 11: people outside contacts, given by name.
REQUEST = ("subject: Dėl kelio\nreceived: 2026-11-05\nfrom_name: Petras Kavaliauskas\nchannel: email\n"
           "status: open\nnotes: |\n  Petrui Kavaliauskui atsakyti raštu.\n")


def test_person_by_name_finds_someone_without_a_record(repo, cli, monkeypatch):
    import datetime as dt

    import rysiai.commands.personal_data as command

    class Today(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2026, 11, 26)

    monkeypatch.setattr(command.dt, "date", Today)
    fill(repo)
    repo.write("requests/kelias.yaml", REQUEST)
    result = cli("--lang", "lt", "person", "Petras Kavaliauskas", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert result.out == (
        "# Asmens duomenys: Petras Kavaliauskas\n\n"
        "Parengta 2026-11-26 iš išorinių ryšių registro „Ryšiai“. Savo įrašo registre asmuo neturi: "
        "ieškota pagal vardą ir pavardę.\n\n"
        "## Įrašas\n\n"
        "Savo įrašo nėra.\n\n"
        "## Kituose įrašuose\n\n"
        "- Prašymai: Dėl kelio (`requests/kelias.yaml:3`), Pareiškėjo vardas: vardas ir pavardė tekste: Petras Kavaliauskas\n"
        "- Prašymai: Dėl kelio (`requests/kelias.yaml:7`), Pastabos: vardas ir pavardė tekste: Petrui Kavaliauskui atsakyti raštu.\n\n"
        "## Istorija\n\n"
        "Ankstesnės įrašų versijos saugomos git istorijoje; pakeitimus, kuriuose buvo pavardė, rodo "
        "`git log -p -i -S Kavaliauskas`.\n"
    )
    data = json.loads(cli("person", "petras kavaliauskas", "--format", "json", "--root", str(repo.root)).out)
    assert data["person"] == {"collection": None, "id": None, "path": None, "line": None,
                              "fields": {"name": "petras kavaliauskas"}}
    assert [(m["field"], m["line"]) for m in data["mentions"]] == [("from_name", 3), ("notes", 7)]
    assert data["history"] == "git log -p -i -S kavaliauskas"
    data = json.loads(cli("person", "KAVALIAUSKAS Petras", "--format", "json", "--root", str(repo.root)).out)
    assert [(m["field"], m["line"]) for m in data["mentions"]] == [("from_name", 3), ("notes", 7)]


def test_forget_by_name_erases_someone_without_a_record(repo, cli):
    fill(repo)
    repo.write("requests/kelias.yaml", REQUEST)
    result = cli("forget", "Petras Kavaliauskas", "--root", str(repo.root))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Erasing Petras Kavaliauskas (no record of their own; found by name):",
        "  requests/kelias.yaml:3: from_name: name → '[ištrinta]'",
        "  requests/kelias.yaml:7: notes: name → '[ištrinta] atsakyti raštu.'",
    ]
    assert result.err == (
        'Erased. Commit the change; git history still holds the old values (README: "Erasing from git history").\n'
    )
    assert (repo.root / "requests/kelias.yaml").read_text(encoding="utf-8") == REQUEST.replace(
        "Petras Kavaliauskas", "'[ištrinta]'").replace("Petrui Kavaliauskui", "[ištrinta]")


def test_a_name_that_is_a_records_name_means_that_record(repo, cli):
    fill(repo)
    data = json.loads(cli("person", "JONAITIS Jonas", "--format", "json", "--root", str(repo.root)).out)
    assert data["person"]["id"] == "jonas-jonaitis"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("Petras", "rysiai: error: `Petras` is not an id, and as a name it is one word: give the first name "
                   "and the surname (`rysiai person \"Vardas Pavardė\"`) or the record's id\n"),
        ("petras-kavaliauskas", "rysiai: error: there is no record `petras-kavaliauskas` (an id is a YAML file's "
                                "name without .yaml, or the `id` cell of a CSV row); to look for someone by name, "
                                "give the name in quotes: `rysiai person \"Vardas Pavardė\"`\n"),
        ("Ona Jonaitytė", None),
    ],
)
def test_names_that_cannot_be_told_apart_or_are_not_names(repo, cli, given, message):
    fill(repo)
    repo.write("contacts/ona-1.yaml", "name: Ona Jonaitytė\n")
    repo.write("contacts/ona-2.yaml", "name: Jonaitytė Ona\n")
    for command in ("person", "forget"):
        result = cli(command, given, "--root", str(repo.root))
        assert result.code == 2
        assert result.err == (message or (
            "rysiai: error: 2 records are of people called `Ona Jonaitytė`: `ona-1` (contacts/ona-1.yaml), "
            "`ona-2` (contacts/ona-2.yaml); give the id of one\n"))
