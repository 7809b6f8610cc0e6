"""Each check, with the exact finding it gives for a bad value and silence for a good one."""

import pytest
from rysiai.checks.codes import entity_code_check_digit, entity_code_problem
from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository
from rysiai.words.contact_points import normalize_phone, phone_for_reading

PARTNER = "name: Talsu novads\nkind: municipality\ncountry: LV\n"


def texts(repo):
    return [finding_line(f) for f in check_repository(load_repository(repo.root)).sorted()]


def test_a_good_record_has_no_findings(repo):
    repo.write(
        "partners/talsi.yaml",
        PARTNER + "website: https://www.talsunovads.lv\nemail: pasts@talsunovads.lv\n"
        "phone: '+37163232110'\nsince: 1999\nagreements:\n  - type: sutartis\n"
        "    signed: 1999-05-14\n    until: 2030-01-01\n    areas: [kultūra]\n",
    )
    assert texts(repo) == []


def test_unknown_field_suggests_the_nearest(repo):
    repo.write("partners/talsi.yaml", PARTNER + "emial: info@talsi.lv\n")
    assert texts(repo) == [
        "partners/talsi.yaml:4: error: [unknown-field] unknown field `emial` in partners "
        "(did you mean `email`?)"
    ]


def test_unknown_field_without_a_near_one_lists_the_fields(repo):
    repo.write("associations/a.yaml", "name: A\nzzzzzz: 1\n")
    (text,) = texts(repo)
    assert text.startswith(
        "associations/a.yaml:2: error: [unknown-field] unknown field `zzzzzz` in associations "
        "(the fields are: `name`, `eldership`, `code`, `chair`,"
    )


def test_required_fields(repo):
    repo.write("partners/talsi.yaml", "name: Talsi\n")
    assert texts(repo) == [
        "partners/talsi.yaml:1: error: [required] required field `country` (Šalis) is missing or "
        "empty (add a line `country: …`)",
        "partners/talsi.yaml:1: error: [required] required field `kind` (Rūšis) is missing or "
        "empty (add a line `kind: …`)",
    ]


def test_required_field_left_empty_points_at_its_line(repo):
    repo.write("partners/talsi.yaml", "name:\nkind: other\ncountry: LV\n")
    assert texts(repo) == [
        "partners/talsi.yaml:1: error: [required] required field `name` (Pavadinimas) is missing "
        "or empty (add a line `name: …`)"
    ]


def test_required_field_of_an_agreement(repo):
    repo.write("partners/talsi.yaml", PARTNER + "agreements:\n  - signed: 2020-01-01\n")
    assert texts(repo) == [
        "partners/talsi.yaml:5: error: [required] required field `agreements[1].type` "
        "(Sutarties rūšis) is missing or empty (add a line `type: …`)"
    ]


def test_enum_with_suggestion(repo):
    repo.write("partners/talsi.yaml", PARTNER.replace("municipality", "municipalty"))
    assert texts(repo) == [
        "partners/talsi.yaml:2: error: [enum] `kind` is `municipalty`, which is not allowed: use "
        "`municipality` (Savivaldybė), `region` (Regionas), `state` (Valstybės institucija), "
        "`international` (Tarptautinė organizacija), `association` (Asociacija), `media` "
        "(Žiniasklaida), `business` (Verslas), `education` (Švietimas ir mokslas) or `other` (Kita) "
        "(did you mean `municipality`?)"
    ]


def test_type_errors(repo):
    repo.write(
        "visits/v.yaml",
        "title: V\ndirection: incoming\nstart: 17.05.2024\ntags: kultūra\n"
        "partners:\n  - {a: b}\nfollow_ups: nothing\n",
    )
    assert texts(repo) == [
        "visits/v.yaml:3: error: [date] `start` is `17.05.2024`: not written as YYYY-MM-DD "
        "(write a real date as YYYY-MM-DD, e.g. 2024-05-17)",
        "visits/v.yaml:4: error: [type] `tags` must be a list, but it is `kultūra` (write a "
        "list: `tags: [first, second]`, or one item per line starting with `- `)",
        "visits/v.yaml:6: error: [type] `partners` must be text, but it is a mapping "
        "(`field: value` lines)",
        "visits/v.yaml:7: error: [type] `follow_ups` must be a list of mappings, but it is "
        "`nothing` (each item starts with `- ` and holds `field: value` lines)",
    ]


def test_impossible_dates_and_date_order(repo):
    repo.write(
        "visits/v.yaml",
        "title: V\ndirection: outgoing\nstart: 2024-02-30\nend: 2024-01-01\n",
    )
    repo.write("visits/w.yaml", "title: W\ndirection: outgoing\nstart: 2024-05-02\nend: 2024-05-01\n")
    assert texts(repo) == [
        "visits/v.yaml:3: error: [date] `start` is `2024-02-30`: no such day in the calendar "
        "(write a real date as YYYY-MM-DD, e.g. 2024-05-17)",
        "visits/w.yaml:4: error: [date-order] `end` (2024-05-01) is before `start` (2024-05-02) "
        "(check both dates)",
    ]


def test_agreement_until_before_signed(repo):
    repo.write(
        "partners/talsi.yaml",
        PARTNER + "agreements:\n  - type: a\n    signed: 2020-01-01\n    until: 2019-12-31\n",
    )
    assert texts(repo) == [
        "partners/talsi.yaml:7: error: [date-order] `agreements[1].until` (2019-12-31) is before "
        "`signed` (2020-01-01) (check both dates)"
    ]


@pytest.mark.parametrize(
    "since, problem",
    [
        ("99", "not written as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("1999-13", "no such month"),
        ("2010-02-29", "no such day in the calendar"),
    ],
)
def test_partial_dates(repo, since, problem):
    repo.write("partners/talsi.yaml", PARTNER + f"since: {since}\n")
    assert texts(repo) == [
        f"partners/talsi.yaml:4: error: [date] `since` is `{since}`: {problem} (write a year "
        "(2010), a month (2010-07) or a day (2010-07-18))"
    ]


@pytest.mark.parametrize("since", ["1999", "2010-07", "2010-07-18"])
def test_partial_dates_accepted(repo, since):
    repo.write("partners/talsi.yaml", PARTNER + f"since: {since}\n")
    assert texts(repo) == []


def test_email(repo):
    repo.write("contacts/ona.yaml", "name: Ona\nemail: ona@@prienai.lt\n")
    assert texts(repo) == [
        "contacts/ona.yaml:2: error: [email] `email` is `ona@@prienai.lt`, not a valid e-mail "
        "address: The part after the @-sign contains invalid characters: '@'"
    ]


@pytest.mark.parametrize("written", ["8 612 34567", "0 612 34567", "+370 612 34567", "(8-612) 34567"])
def test_phone_forms_accepted_with_an_e164_warning(repo, written):
    repo.write("contacts/ona.yaml", f"name: Ona\nphone: '{written}'\n")
    assert texts(repo) == [
        f"contacts/ona.yaml:2: warning: [phone-format] `phone` is `{written}`, stored numbers are "
        "written in E.164 form (write `+37061234567`)"
    ]


def test_phone_e164_is_silent_and_bad_phone_is_an_error(repo):
    repo.write("contacts/ona.yaml", "name: Ona\nphone: '+37031961234'\n")
    repo.write("contacts/jonas.yaml", "name: Jonas\nphone: 8 612\n")
    assert texts(repo) == [
        "contacts/jonas.yaml:2: error: [phone] `phone` is `8 612`, not a valid phone number "
        "(write it as +370 and 8 digits, e.g. +37031961234, or with a country code for abroad)"
    ]


def test_normalize_phone():
    assert normalize_phone("8 319 61234") == "+37031961234"
    assert normalize_phone("+48 22 123 45 67") == "+48221234567"
    assert normalize_phone("telefonas") is None


def test_country(repo):
    repo.write("partners/talsi.yaml", PARTNER.replace("LV", "Latvia"))
    repo.write("partners/x.yaml", "name: X\nkind: other\ncountry: lt\n")
    repo.write("partners/y.yaml", "name: Y\nkind: other\ncountry: XX\n")
    assert texts(repo) == [
        "partners/talsi.yaml:3: error: [country] `country` is `Latvia`, not an ISO 3166-1 alpha-2 "
        "country code (write `LV` for Latvia)",
        "partners/x.yaml:3: error: [country] `country` is `lt`, not an ISO 3166-1 alpha-2 country "
        "code (write `LT` for Lithuania)",
        "partners/y.yaml:3: error: [country] `country` is `XX`, not an ISO 3166-1 alpha-2 country "
        "code (use a two-letter code such as LT, LV, PL, DE)",
    ]


def test_phone_for_reading_groups_the_stored_number():
    assert phone_for_reading("+37061234567") == "+370 612 34567"
    assert phone_for_reading("+37163232110") == "+371 63 232 110"
    assert phone_for_reading("8 612 34567") == "+370 612 34567"
    assert phone_for_reading("telefonas") == "telefonas"  # unreadable: as written
    assert phone_for_reading("+3706") == "+3706"


def test_language(repo):
    repo.write("contacts/a.yaml", "name: A A\nlanguages: [lt, lv, en]\n")
    repo.write("contacts/b.yaml", "name: B B\nlanguages: [lt, LV, latvian, xx]\n")
    assert texts(repo) == [
        "contacts/b.yaml:2: error: [language] `languages` is `xx`, not an ISO 639-1 language code "
        "(use a two-letter code such as lt, en, pl, ru)",
        "contacts/b.yaml:2: error: [language] `languages` is `LV`, not an ISO 639-1 language code "
        "(write `lv` for Latvian)",
        "contacts/b.yaml:2: error: [language] `languages` is `latvian`, not an ISO 639-1 language "
        "code (write `lv` for Latvian)",
    ]


def test_entity_code_check_digit():
    assert entity_code_check_digit("12411134") == 8  # LSA, 124111348
    assert entity_code_problem("124111348") is None
    assert entity_code_problem("124111349") == (
        "the last digit does not match the check digit, so a digit is probably mistyped"
    )
    assert entity_code_problem("12411134") == "a Lithuanian legal-entity code has exactly 9 digits"
    # Both remainders 10: the check digit is 0.
    first_eight = next(
        f"{n:08d}" for n in range(10**7, 10**8)
        if sum(int(d) * w for d, w in zip(f"{n:08d}", range(1, 9))) % 11 == 10
        and sum(int(d) * w for d, w in zip(f"{n:08d}", (3, 4, 5, 6, 7, 8, 9, 1))) % 11 == 10
    )
    assert entity_code_check_digit(first_eight) == 0


def test_entity_code_on_records(repo):
    repo.write("partners/lsa.yaml", "name: LSA\nkind: association\ncountry: LT\ncode: '124111349'\n")
    repo.write("partners/talsi.yaml", PARTNER + "code: '90000034344'\n")  # Latvian: not checked
    assert texts(repo) == [
        "partners/lsa.yaml:4: error: [entity-code] `code` is `124111349`: the last digit does not "
        "match the check digit, so a digit is probably mistyped (a Lithuanian legal-entity code "
        "has 9 digits; check it in the Register of Legal Entities)"
    ]


@pytest.mark.parametrize(
    "url, problem",
    [
        ("www.prienai.lt", "it must start with https:// or http://"),
        ("javascript:alert(1)", "it must start with https:// or http://"),
        ("https://prienai lt", "it holds a space"),
        ("https://localhost", "it names no web site"),
        ("http://[abc", "it cannot be read (Invalid IPv6 URL)"),
        ("https://prienai.lt:99999", "it cannot be read (Port out of range 0-65535)"),
    ],
)
def test_urls(repo, url, problem):
    repo.write("partners/talsi.yaml", PARTNER + f"website: '{url}'\n")
    assert texts(repo) == [
        f"partners/talsi.yaml:4: error: [url] `website` is `{url}`, not a web address: {problem} "
        "(write the full address, starting with https://)"
    ]


def test_references(repo):
    repo.write("partners/talsi.yaml", PARTNER)
    repo.write("contacts/ona.yaml", "name: Ona\norganization: talsy\n")
    repo.write(
        "visits/v.yaml",
        "title: V\ndirection: incoming\nstart: 2024-05-01\npartners: [talsi, ona]\n"
        "follow_ups:\n  - task: T\n    owner: nobody-at-all\n",
    )
    assert texts(repo) == [
        "contacts/ona.yaml:2: error: [reference] `organization` refers to `talsy`, but no "
        "partners or associations record has that id (did you mean `talsi`?)",
        "visits/v.yaml:4: error: [reference-kind] `partners` refers to `ona`, which is a record "
        "of contacts; it must be one of partners",
        "visits/v.yaml:7: error: [reference] `follow_ups[1].owner` refers to `nobody-at-all`, "
        "but no contacts record has that id",
    ]


def test_ids_are_unique_across_collections(repo):
    repo.write("partners/talsi.yaml", PARTNER)
    repo.write("associations/talsi.yaml", "name: Talsi bendruomenė\n")
    assert texts(repo) == [
        "associations/talsi.yaml:1: error: [duplicate-id] id `talsi` is already used by "
        "partners/talsi.yaml (ids are unique across the whole repository: choose another id)"
    ]


def test_pattern_constraint_from_the_schema(repo):
    schema = repo.root / "datapackage.yaml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace(
            "          title: Miestas\n",
            "          title: Miestas\n          constraints: {pattern: \"[A-ZĄČĘĖĮŠŲŪŽ].*\"}\n",
        ),
        encoding="utf-8",
    )
    repo.write("partners/talsi.yaml", PARTNER + "city: talsi\n")
    assert texts(repo) == [
        "partners/talsi.yaml:4: error: [pattern] `city` is `talsi`, which does not match the "
        "pattern `[A-ZĄČĘĖĮŠŲŪŽ].*`"
    ]


def test_possible_duplicates(repo):
    repo.write("contacts/jonas-petraitis.yaml", "name: Jonas Petraitis\nemail: jp@prienai.lt\n")
    repo.write("contacts/jonas-petraitys.yaml", "name: Jonas Petraitys\n")
    repo.write("contacts/petraitis-j.yaml", "name: Petras Jonaitis\nemail: JP@prienai.lt\n")
    repo.write("contacts/ona.yaml", "name: Ona Kazlauskienė\nphone: '+37061234567'\n")
    repo.write("contacts/ona-k.yaml", "name: Ona Kazlauskaitė\nphone: '8 612 34567'\n")
    found = [t for t in texts(repo) if "[possible-duplicate]" in t]
    assert found == [
        "contacts/jonas-petraitis.yaml:1: warning: [possible-duplicate] contacts "
        "`jonas-petraitis` may be the same as `jonas-petraitys` (contacts/jonas-petraitys.yaml): "
        "near-identical names (merge them with `rysiai merge`, or make the difference clear)",
        "contacts/jonas-petraitis.yaml:1: warning: [possible-duplicate] contacts "
        "`jonas-petraitis` may be the same as `petraitis-j` (contacts/petraitis-j.yaml): the "
        "same email jp@prienai.lt (merge them with `rysiai merge`, or make the difference clear)",
        "contacts/ona-k.yaml:1: warning: [possible-duplicate] contacts `ona-k` may be the same "
        "as `ona` (contacts/ona.yaml): the same phone +37061234567 (merge them with `rysiai "
        "merge`, or make the difference clear)",
    ]


def test_same_name_without_diacritics_is_a_possible_duplicate(repo):
    repo.write("associations/a.yaml", "name: Šilavoto bendruomenė\n")
    repo.write("associations/b.yaml", "name: silavoto  BENDRUOMENE\n")
    assert texts(repo) == [
        "associations/a.yaml:1: warning: [possible-duplicate] associations `a` may be the same "
        "as `b` (associations/b.yaml): the same name (merge them with `rysiai merge`, or make "
        "the difference clear)"
    ]


def test_a_value_cannot_forge_a_finding_line_and_long_values_are_cut(repo):
    repo.write("partners/talsi.yaml", 'name: T\nkind: "muni\\nFAKE.yaml:1: error: x"\ncountry: LT\n')
    repo.write("partners/long.yaml", "name: L\nkind: " + "x" * 5000 + "\ncountry: LT\n")
    found = texts(repo)
    assert len(found) == 3
    assert found[1].startswith(
        "partners/talsi.yaml:2: error: [enum] `kind` is `muni\\nFAKE.yaml:1: error: x`, which is not"
    )
    assert found[2].startswith("partners/talsi.yaml:2: warning: [line-break] `kind` holds a line break")
    assert "\n" not in "".join(found)
    assert "`kind` is `" + "x" * 119 + "…`, which is not allowed" in found[0]


def test_language_hints_in_lithuanian(repo):
    from rysiai.language import use_language

    use_language("lt")
    repo.write("contacts/b.yaml", "name: B B\nlanguages: [LV, xx]\n")
    assert texts(repo) == [
        "contacts/b.yaml:2: klaida: [language] `languages` yra `xx` – tai ne ISO 639-1 kalbos kodas "
        "(naudokite dviejų raidžių kodą, pvz. lt, en, pl, ru)",
        "contacts/b.yaml:2: klaida: [language] `languages` yra `LV` – tai ne ISO 639-1 kalbos kodas "
        "(rašykite `lv` (latvių))",
    ]
