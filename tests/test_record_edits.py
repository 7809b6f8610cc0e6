"""Saving a record's new values: only what changed is written, every other byte of the file kept."""

import difflib

import pytest

from conftest import PROJECT
from rysiai.editing.record_edits import (
    RecordEditError,
    changed_fields,
    commit_message,
    edit_record_text,
    read_record_values,
)
from rysiai.editing.yaml_in_place import edit_in_place
from rysiai.editing.yaml_layout import Unsupported
from rysiai.language import use_language
from rysiai.loading.csv_source import read_csv_records
from rysiai.loading.yaml_source import read_yaml_record
from rysiai.schema import load_schema

SCHEMA = load_schema(PROJECT)


@pytest.fixture(autouse=True)
def speaks_lithuanian(language_of_the_environment):
    """The editor's refusals are read here as the office reads them (English is tested beside)."""
    use_language("lt")


def edited(before: str, path: str, record_id: str | None = None, **changes) -> str:
    """``before`` with the fields in ``changes`` given new values (None: removed), as the editor saves."""
    collection = SCHEMA.collections[path.split("/")[0]]
    record_id = record_id or path.rsplit("/", 1)[1].removesuffix(".yaml")
    values = read_record_values(before.removeprefix("\ufeff"), collection, record_id, path=path)
    values = {**values, **changes}
    after = edit_record_text(before, collection, record_id, values, path=path)
    expected = {key: value for key, value in values.items() if value not in (None, "", [])}
    if path.endswith(".yaml"):
        record, findings = read_yaml_record(after.encode("utf-8"), collection=collection.name, record_id=record_id, path=path)
        assert findings == [] and record.values == expected
    else:
        records, findings = read_csv_records(after.encode("utf-8"), collection=collection, path=path)
        assert findings == [] and next(r for r in records if r.id == record_id).values == expected
    return after


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(True), after.splitlines(True)) if line[0] in "+-"]


CONTACT = """\
# Kontaktas iš 2024 m. konferencijos
name: Ona Bėrželė
organization: prienu-rajono-savivaldybe
position: Patarėja  # nuo 2024 m. rugsėjo
phone: '+37061234567'
languages:
  - lt
  # rusiškai tik raštu
  - ru
reviewed: 2025-01-10
"""


def test_a_changed_value_keeps_the_comment_beside_it_and_nothing_else_changes():
    after = edited(CONTACT, "contacts/ona-berzele.yaml", position="Vyriausioji patarėja", phone="+37061234568")
    assert after == CONTACT.replace("Patarėja  #", "Vyriausioji patarėja  #").replace("'+37061234567'", "'+37061234568'")
    assert changed_lines(CONTACT, after) == [
        "- position: Patarėja  # nuo 2024 m. rugsėjo\n",
        "+ position: Vyriausioji patarėja  # nuo 2024 m. rugsėjo\n",
        "- phone: '+37061234567'\n",
        "+ phone: '+37061234568'\n",
    ]


def test_a_sample_record_changed_in_one_line():
    before = (PROJECT / "contacts" / "agne-vilkaite.yaml").read_text(encoding="utf-8")
    after = edited(before, "contacts/agne-vilkaite.yaml", position="Vyresnioji politikos patarėja")
    assert changed_lines(before, after) == [
        "- position: Politikos patarėja\n",
        "+ position: Vyresnioji politikos patarėja\n",
    ]


def test_new_fields_go_where_the_schema_puts_them_and_removed_ones_take_only_their_lines():
    after = edited(CONTACT, "contacts/ona-berzele.yaml", email="ona@prienai.lt", organization=None, tags=["ES", "KRPT"])
    assert after == """\
# Kontaktas iš 2024 m. konferencijos
name: Ona Bėrželė
position: Patarėja  # nuo 2024 m. rugsėjo
email: ona@prienai.lt
phone: '+37061234567'
languages:
  - lt
  # rusiškai tik raštu
  - ru
tags:
  - ES
  - KRPT
reviewed: 2025-01-10
"""


def test_a_removed_field_takes_the_comment_on_its_line_and_leaves_those_around_it():
    before = "name: Ona Bėrželė\n# apie pareigas\nposition: Patarėja  # laikinai\n# telefonas\nphone: '+37061234567'\n"
    after = edited(before, "contacts/ona-berzele.yaml", position=None)
    assert after == "name: Ona Bėrželė\n# apie pareigas\n# telefonas\nphone: '+37061234567'\n"


def test_block_lists_items_added_removed_and_moved_with_their_comments():
    after = edited(CONTACT, "contacts/ona-berzele.yaml", languages=["ru", "en", "lt"])
    assert after == CONTACT.replace(
        "  - lt\n  # rusiškai tik raštu\n  - ru\n", "  - ru\n  - en\n  - lt\n  # rusiškai tik raštu\n"
    )
    after = edited(CONTACT, "contacts/ona-berzele.yaml", languages=["lt", "pl"])
    assert after == CONTACT.replace("  - ru\n", "  - pl\n")


def test_flow_lists_stay_flow_and_block_lists_stay_block_in_their_own_indentation():
    before = "name: Ona\nlanguages: [lt, 'ru']  # kalbos\ntags:\n- ES\n- KRPT\n"
    after = edited(before, "contacts/ona.yaml", languages=["ru", "en", "NO"], tags=["KRPT", "ES", "švietimas"])
    assert after == "name: Ona\nlanguages: ['ru', en, 'NO']  # kalbos\ntags:\n- KRPT\n- ES\n- švietimas\n"
    after = edited("name: Ona\ntags: [ES]\n", "contacts/ona.yaml", languages=["lt", "a, b"])
    assert after == "name: Ona\nlanguages: [lt, 'a, b']\ntags: [ES]\n"
    after = edited("name: Ona\ntags:\n    -   ES\n", "contacts/ona.yaml", tags=["ES", "KRPT"], languages=["lt"])
    assert after == "name: Ona\nlanguages:\n    - lt\ntags:\n    -   ES\n    - KRPT\n"


def test_crlf_and_byte_order_mark_kept():
    before = "\ufeffname: Ona\r\nposition: Patarėja\r\nlanguages:\r\n  - lt\r\nnotes: |\r\n  Pirma.\r\n  Antra.\r\n"
    after = edited(before, "contacts/ona.yaml", position="Vedėja", languages=["lt", "en"], notes="Pirma.\n\nTrečia.\n", email="o@p.lt")
    assert after == (
        "\ufeffname: Ona\r\nposition: Vedėja\r\nemail: o@p.lt\r\nlanguages:\r\n  - lt\r\n  - en\r\n"
        "notes: |\r\n  Pirma.\r\n\r\n  Trečia.\r\n"
    )


def test_document_start_and_schema_line_kept_and_a_new_record_s_placeholders_filled():
    before = (
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\n"
        "---\n"
        "name: Ona  # Vardas ir pavardė (privalomas)\n"
        "# organization:  # Organizacija: Partnerio arba bendruomenės identifikatorius.\n"
        "# position:  # Pareigos: Pareigos organizacijoje.\n"
        "# tags:  # Žymos: Temos ir interesų sritys.\n"
    )
    after = edited(before, "contacts/ona.yaml", position="NO", tags=["ES"])
    assert after == (
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\n"
        "---\n"
        "name: Ona  # Vardas ir pavardė (privalomas)\n"
        "# organization:  # Organizacija: Partnerio arba bendruomenės identifikatorius.\n"
        "position: 'NO'  # Pareigos: Pareigos organizacijoje.\n"
        "tags:  # Žymos: Temos ir interesų sritys.\n"
        "  - ES\n"
    )


def test_an_empty_required_field_filled_after_its_key():
    after = edited("name:  # Vardas ir pavardė (privalomas)\nposition: x\n", "contacts/ona.yaml", name="Ona Bėrželė")
    assert after == "name: Ona Bėrželė  # Vardas ir pavardė (privalomas)\nposition: x\n"


def test_multi_line_text_written_as_a_block_and_an_existing_block_keeps_its_style():
    after = edited("name: Ona\nnotes: Trumpai  # pastaba\n", "contacts/ona.yaml", notes="Pirma eilutė\n- punktas\n")
    assert after == "name: Ona\nnotes: |  # pastaba\n  Pirma eilutė\n  - punktas\n"
    before = "name: Ona\nnotes: |\n    Senas tekstas.\n\n# po pastabų\nreviewed: 2025-01-10\n"
    after = edited(before, "contacts/ona.yaml", notes="Naujas\n  atitrauktas\n")
    assert after == "name: Ona\nnotes: |\n    Naujas\n      atitrauktas\n\n# po pastabų\nreviewed: 2025-01-10\n"
    after = edited(before, "contacts/ona.yaml", notes="Be lūžio")
    assert after == "name: Ona\nnotes: |-\n    Be lūžio\n\n# po pastabų\nreviewed: 2025-01-10\n"
    after = edited("name: Ona\nnotes: >\n  Sulankstytas\n  tekstas.\n", "contacts/ona.yaml", notes="Pirma\nAntra\n")
    assert after == "name: Ona\nnotes: >\n  Pirma\n\n  Antra\n"
    after = edited("name: Ona\nnotes: |\n  a\n", "contacts/ona.yaml", notes="  prasideda tarpais\nir toliau\n")
    assert after == "name: Ona\nnotes: |2\n    prasideda tarpais\n  ir toliau\n"


PARTNER = (PROJECT / "partners" / "gmina-parczew.yaml").read_text(encoding="utf-8")


def test_an_agreement_added_to_a_partner():
    values = read_record_values(PARTNER, SCHEMA.collections["partners"], "gmina-parczew", path="partners/gmina-parczew.yaml")
    agreements = values["agreements"] + [
        {"type": "Ketinimų protokolas", "signed": "2026-03-02", "areas": ["jaunimas", "sportas"], "status": "signed"}
    ]
    after = edited(PARTNER, "partners/gmina-parczew.yaml", agreements=agreements)
    assert changed_lines(PARTNER, after) == [
        "+   - type: Ketinimų protokolas\n",
        "+     signed: 2026-03-02\n",
        "+     areas:\n",
        "+       - jaunimas\n",
        "+       - sportas\n",
        "+     status: signed\n",
    ]
    assert after.index("status: signed") < after.index("tags:")


def test_an_agreement_s_fields_changed_in_place():
    values = read_record_values(PARTNER, SCHEMA.collections["partners"], "gmina-parczew", path="partners/gmina-parczew.yaml")
    agreement = dict(values["agreements"][0], until="2030-12-31", areas=["kultūra ir menas", "ekologija"])
    del agreement["document"]
    after = edited(PARTNER, "partners/gmina-parczew.yaml", agreements=[agreement])
    assert changed_lines(PARTNER, after) == [
        "+     until: 2030-12-31\n",
        "-       - vietos savivalda ir ekonomika\n",
        "-       - turizmas ir sportas\n",
        "-       - švietimas ir informacija\n",
        "-     document: https://www.parczew.com/index.php/o-miescie/miasta-partnerskie/preny-litwa\n",
    ]


def test_an_array_item_s_first_field_removed_moves_its_dash_and_a_moved_item_keeps_its_lines():
    before = "title: Vizitas\ndirection: incoming\nstart: 2025-01-10\nfollow_ups:\n  - task: Parašyti\n    # kas atsako\n    owner: ona\n  - task: Skambinti\n"
    after = edited(before, "visits/v.yaml", follow_ups=[{"owner": "ona"}, {"task": "Skambinti", "done": "true"}])
    assert after == (
        "title: Vizitas\ndirection: incoming\nstart: 2025-01-10\nfollow_ups:\n"
        "    # kas atsako\n  - owner: ona\n  - task: Skambinti\n    done: true\n"
    )
    after = edited(before, "visits/v.yaml", follow_ups=[{"task": "Skambinti"}, {"task": "Parašyti", "owner": "ona"}])
    assert after == (
        "title: Vizitas\ndirection: incoming\nstart: 2025-01-10\nfollow_ups:\n"
        "  - task: Skambinti\n  - task: Parašyti\n    # kas atsako\n    owner: ona\n"
    )


HOSTILE = [
    ("NO", "'NO'"),
    ("null", "'null'"),
    ("~", "'~'"),
    ("#x", "'#x'"),
    ("a: b", "'a: b'"),
    ("- x", "'- x'"),
    ("x #y", "'x #y'"),
    (" pradžioje tarpas", "' pradžioje tarpas'"),
    ("gale tarpas ", "'gale tarpas '"),
    ("a\tb", "'a\tb'"),  # libyaml would read it plain, PyYAML's own reader not
    ("\tskirtukas", "'\tskirtukas'"),
    ("it's", "it's"),
    ("'kabutės'", "'''kabutės'''"),
    ('"dvigubos"', "'\"dvigubos\"'"),
    ("012", "'012'"),
    ("12:30", "'12:30'"),
    ("+37061234567", "'+37061234567'"),
    ("2025-01-10", "'2025-01-10'"),
    ("1e3", "'1e3'"),
    ("yes", "'yes'"),
    ("[x]", "'[x]'"),
    ("{x}", "'{x}'"),
    ("*x", "'*x'"),
    ("&x", "'&x'"),
    ("!x", "'!x'"),
    ("%x", "'%x'"),
    ("@x", "'@x'"),
    ("|", "'|'"),
    ("---", "---"),
    ("a, b", "a, b"),
    ("skambutis\x07", '"skambutis\\x07"'),
    ("eilutė\u2028kita", '"eilutė\\Lkita"'),
    ("Šilavotas", "Šilavotas"),
]


@pytest.mark.parametrize(("value", "written"), HOSTILE)
def test_a_hostile_value_is_written_so_that_it_reads_back_exactly(value, written):
    after = edited("name: Ona\nposition: x  # pareigos\n", "contacts/ona.yaml", position=value)
    assert after == f"name: Ona\nposition: {written}  # pareigos\n"


@pytest.mark.parametrize(("value", "written"), HOSTILE)
def test_a_hostile_value_in_a_list(value, written):
    after = edited("name: Ona\ntags:\n  - x\n", "contacts/ona.yaml", tags=["x", value])
    assert after.startswith("name: Ona\ntags:\n  - x\n  - ")
    flow = edited("name: Ona\ntags: [x]\n", "contacts/ona.yaml", tags=["x", value])
    assert flow.startswith("name: Ona\ntags: [x, ")


def test_a_value_kept_in_its_own_quotes():
    after = edited('name: "Ona"\nposition: \'x\'\n', "contacts/ona.yaml", name="Ona \"B\"", position="y")
    assert after == 'name: "Ona \\"B\\""\nposition: \'y\'\n'


def test_dates_booleans_and_whole_numbers_written_plain_in_their_own_fields():
    after = edited("name: Ona\n", "contacts/ona.yaml", public="true", reviewed="2026-01-02", position="true")
    assert after == "name: Ona\nposition: 'true'\npublic: true\nreviewed: 2026-01-02\n"


def test_nothing_changed_gives_the_file_back_untouched():
    before = "name: Ona\nposition: ''\ntags: []\nlanguages:\n  - lt\n"
    collection = SCHEMA.collections["contacts"]
    values = {"name": "Ona", "position": "", "languages": ["lt", ""], "notes": None}
    assert edit_record_text(before, collection, "ona", values, path="contacts/ona.yaml") == before


def test_a_field_the_schema_does_not_know_is_kept_unless_named():
    before = "name: Ona\nsenas_laukas: x  # iš importo\nposition: y\n"
    assert edited(before, "contacts/ona.yaml", position="z") == "name: Ona\nsenas_laukas: x  # iš importo\nposition: z\n"
    assert edited(before, "contacts/ona.yaml", senas_laukas=None) == "name: Ona\nposition: y\n"


def test_a_list_over_several_lines_joined_onto_one():
    before = "name: Ona\nlanguages: [lt,\n  en]  # kalbos\nposition: x\n"
    after = edited(before, "contacts/ona.yaml", languages=["lt", "en", "NO"])
    assert after == "name: Ona\nlanguages: [lt, en, 'NO']  # kalbos\nposition: x\n"


def test_a_layout_the_in_place_edit_does_not_take_goes_through_the_round_trip_with_comments():
    before = (
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\n---\n"
        "name: Ona  # vardas\n# kalbos\nlanguages: [lt,  # pirmoji\n  en]\nposition: x\n...\n# pabaiga\n"
    )
    contacts = SCHEMA.collections["contacts"]
    with pytest.raises(Unsupported, match="a comment inside"):
        edit_in_place(before, contacts.fields, {"name": "Ona", "languages": ["lt", "en", "NO"], "position": "x"}, set(contacts.fields))
    after = edited(before, "contacts/ona.yaml", languages=["lt", "en", "NO"])
    assert after == (
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\n---\n"
        "name: Ona  # vardas\n# kalbos\nlanguages: [lt, en, 'NO']\nposition: x\n...\n# pabaiga\n"
    )


def test_a_comment_the_round_trip_would_lose_stops_the_save():
    before = "# įrašas\n{name: Ona,  # vardas\n languages: [lt]}\n"
    with pytest.raises(RecordEditError) as caught:
        edit_record_text(before, SCHEMA.collections["contacts"], "ona", {"name": "Ona", "languages": ["lt", "en"]}, path="contacts/ona.yaml")
    assert str(caught.value) == (
        "contacts/ona.yaml: šio failo neįmanoma pakeisti neprarandant komentarų (# vardas); failas nepakeistas. "
        "Pakeiskite reikšmes jame rankiniu būdu"
    )


def test_the_id_is_not_changed_here():
    collection = SCHEMA.collections["contacts"]
    with pytest.raises(RecordEditError, match="rysiai mv") as caught:
        edit_record_text("id: ona\nname: Ona\n", collection, "ona", {"id": "ona-b", "name": "Ona"}, path="contacts/ona.yaml")
    assert caught.value.field == "id"
    kept = edit_record_text("id: ona\nname: Ona\n", collection, "ona", {"name": "Onutė"}, path="contacts/ona.yaml")
    assert kept == "id: ona\nname: Onutė\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("name: [Ona\n", "contacts/ona.yaml:2: failo negalima keisti, kol jame yra klaida ([yaml-syntax]"),
        ("name: Ona\nname: Onutė\n", "contacts/ona.yaml:2: failo negalima keisti, kol jame yra klaida ([duplicate-key]"),
        ("name: !!python/object:os.system Ona\n", "contacts/ona.yaml:1: failo negalima keisti, kol jame yra klaida ([yaml-tag]"),
        ("", "contacts/ona.yaml:1: failo negalima keisti, kol jame yra klaida ([empty-file]"),
    ],
)
def test_a_file_that_cannot_be_read_is_not_changed(text, problem):
    with pytest.raises(RecordEditError) as caught:
        edit_record_text(text, SCHEMA.collections["contacts"], "ona", {"name": "Ona"}, path="contacts/ona.yaml")
    assert str(caught.value).startswith(problem)


CSV = (
    "id,name,organization,position,email,phone,languages,public,tags,notes\r\n"
    'ona-b,Ona Bėrželė,prienu-rajono-savivaldybe,"Patarėja, vyresnioji",ona@prienai.lt,+37061234567,lt;en,true,ES;KRPT,\r\n'
    "jonas-a,Jonas Auksas,,Vedėjas,,,lt,false,,\"Kelios\r\neilutės\"\r\n"
    "rasa-c,Rasa Ciplytė,,,,,,,,\r\n"
)


def test_a_csv_row_changed_the_other_rows_byte_for_byte():
    after = edited(CSV, "contacts/media.csv", "ona-b", position="Patarėja", phone="012", languages=["lt", "en", "pl"], tags=None)
    lines = CSV.split("\r\n")
    # A cell keeps its quotes, as value_edits writes it (a value in quotes stays in quotes).
    assert after.split("\r\n") == [lines[0], 'ona-b,Ona Bėrželė,prienu-rajono-savivaldybe,"Patarėja",ona@prienai.lt,012,lt;en;pl,true,,'] + lines[2:]
    after = edited(CSV, "contacts/media.csv", "jonas-a", notes="Viena, su kableliu", email="j@a.lt")
    assert after == CSV.replace('Vedėjas,,,lt,false,,"Kelios\r\neilutės"', 'Vedėjas,j@a.lt,,lt,false,,"Viena, su kableliu"')
    after = edited(CSV, "contacts/media.csv", "rasa-c", notes='Dvi\neilutės ir "kabutės"', position=" tarpas ")
    assert after == CSV.replace("rasa-c,Rasa Ciplytė,,,,,,,,", 'rasa-c,Rasa Ciplytė,, tarpas ,,,,,,"Dvi\neilutės ir ""kabutės"""')


def test_a_csv_row_with_a_byte_order_mark_and_spaced_lists():
    before = "\ufeffid,name,languages,tags\nona-b,Ona,lt; en,ES\nrasa-c,Rasa,,\n"
    after = edited(before, "contacts/c.csv", "rasa-c", languages=["lt", "pl"])
    assert after == "\ufeffid,name,languages,tags\nona-b,Ona,lt; en,ES\nrasa-c,Rasa,lt;pl,\n"
    after = edited(before, "contacts/c.csv", "ona-b", tags=["ES", "NO"])
    assert after == "\ufeffid,name,languages,tags\nona-b,Ona,lt; en,ES; NO\nrasa-c,Rasa,,\n"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"tags": ["ES;KRPT"]}, "contacts/media.csv: lauko `tags` elemente „ES;KRPT“ yra skirtukas `;`"),
        ({"tags": [" ES"]}, "contacts/media.csv: lauko `tags` elementas „ES“ prasideda ar baigiasi tarpu"),
        ({"tags": ["E\nS"]}, "contacts/media.csv: lauko `tags` elementas „E\nS“ prasideda ar baigiasi tarpu arba turi eilutės lūžį"),
        ({"position": "   "}, "contacts/media.csv: lauko `position` reikšmė – vien tarpai"),
        ({"legal_basis": "consent"}, "contacts/media.csv: šiame CSV faile nėra stulpelio `legal_basis`"),
    ],
)
def test_what_a_csv_cell_cannot_hold_is_refused(changes, problem):
    collection = SCHEMA.collections["contacts"]
    values = {**read_record_values(CSV, collection, "ona-b", path="contacts/media.csv"), **changes}
    with pytest.raises(RecordEditError) as caught:
        edit_record_text(CSV, collection, "ona-b", values, path="contacts/media.csv")
    assert str(caught.value).startswith(problem)
    assert caught.value.field == next(iter(changes))


def test_a_list_of_mappings_cannot_go_into_csv():
    before = "id,name,kind,country,agreements\nx,X,other,LT,\n"
    with pytest.raises(RecordEditError, match="tik YAML faile") as caught:
        edit_record_text(
            before, SCHEMA.collections["partners"], "x",
            {"name": "X", "kind": "other", "country": "LT", "agreements": [{"type": "Sutartis"}]}, path="partners/p.csv",
        )
    assert caught.value.field == "agreements"


def test_a_csv_row_that_is_not_there():
    with pytest.raises(RecordEditError, match="įrašo `nera` eilutės šiame faile nėra"):
        edit_record_text(CSV, SCHEMA.collections["contacts"], "nera", {"name": "X"}, path="contacts/media.csv")


def test_which_fields_changed_named_for_the_commit_message():
    contacts = SCHEMA.collections["contacts"]
    before = {"id": "ona-b", "name": "Ona", "position": "Patarėja", "phone": "+37061234567", "tags": []}
    after = {"name": "Ona", "position": "Vedėja", "phone": "+37061234568", "email": "", "zzz": "x"}
    assert changed_fields(contacts, before, after) == ["position", "phone", "zzz"]
    assert commit_message(contacts, "ona-b", before, after) == "contacts/ona-b: pareigos, telefonas, zzz"
    assert commit_message(contacts, "ona-b", before, {**before, "email": "o@p.lt"}) == "contacts/ona-b: el. paštas"
    assert commit_message(contacts, "ona-b", None, after) == "contacts/ona-b: naujas įrašas"
    partners = SCHEMA.collections["partners"]
    assert commit_message(partners, "x", {"agreements": [{"type": "A"}]}, {"agreements": [{"type": "B"}]}) == "partners/x: sutartys"


def test_a_file_without_its_last_line_end_and_a_field_added_after_the_last():
    after = edited("name: Ona\nposition: x", "contacts/ona.yaml", reviewed="2026-01-02")
    assert after == "name: Ona\nposition: x\nreviewed: 2026-01-02"
    before = "name: Ona\nposition: x\n\n# pabaigos pastaba\n"
    after = edited(before, "contacts/ona.yaml", reviewed="2026-01-02", name="Onutė")
    assert after == "name: Onutė\nposition: x\nreviewed: 2026-01-02\n\n# pabaigos pastaba\n"


def test_a_field_before_every_other_goes_first_after_the_file_s_opening_comments():
    before = "# Kontaktas\norganization: x\nposition: y\n"
    assert edited(before, "contacts/ona.yaml", name="Ona") == "# Kontaktas\nname: Ona\norganization: x\nposition: y\n"


def test_a_csv_file_s_other_rows_kept_even_where_they_are_wrong():
    before = "id,name,position\nona,Ona,x\nkreiva,eilutė\n\nrasa,Rasa,\"y\"\n"
    values = {"name": "Rasa C", "position": "z"}
    after = edit_record_text(before, SCHEMA.collections["contacts"], "rasa", values, path="contacts/c.csv")
    assert after == "id,name,position\nona,Ona,x\nkreiva,eilutė\n\nrasa,Rasa C,\"z\"\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("id,name\nona,Ona\nona,Onutė\n", "contacts/c.csv: įrašo `ona` eilutės šiame faile yra 2 kartus; nieko nepakeista"),
        ('id,name\nona,"Ona\n', "contacts/c.csv:2: failas neperskaitomas kaip CSV (failas baigiasi kabutėse esančio "
                                "langelio viduje); pirma jį pataisykite"),
    ],
)
def test_a_csv_file_whose_row_cannot_be_told_is_not_changed(text, problem):
    with pytest.raises(RecordEditError) as caught:
        edit_record_text(text, SCHEMA.collections["contacts"], "ona", {"name": "Ona B"}, path="contacts/c.csv")
    assert str(caught.value).startswith(problem)


def test_a_refusal_in_english_on_request():
    use_language("en")
    with pytest.raises(RecordEditError) as caught:
        edit_record_text('id,name\nona,"Ona\n', SCHEMA.collections["contacts"], "ona", {"name": "Ona B"}, path="contacts/c.csv")
    assert str(caught.value) == "contacts/c.csv:2: the file cannot be read as CSV (unexpected end of data); fix it first"


def test_a_result_that_would_not_read_back_is_never_given(monkeypatch):
    from rysiai.editing import record_edits

    monkeypatch.setattr(record_edits, "edit_in_place", lambda text, *args: text.replace("x", "z"))
    monkeypatch.setattr(record_edits, "edit_round_trip", lambda text, *args: text.replace("x", "z"))
    with pytest.raises(RecordEditError) as caught:
        edit_record_text("name: Ona\nposition: x\n", SCHEMA.collections["contacts"], "ona", {"name": "Ona", "position": "y"}, path="contacts/ona.yaml")
    assert str(caught.value) == (
        "contacts/ona.yaml: naujų reikšmių nepavyko įrašyti taip, kad failas jas grąžintų lygiai tokias "
        "pačias; failas nepakeistas. Praneškite apie tai prižiūrėtojams"
    )


def test_a_day_and_time_written_plain_as_the_sample_events_write_it_and_a_partial_date_quoted():
    before = (PROJECT / "events" / "2026-12-krpt-posedis.yaml").read_text(encoding="utf-8")
    after = edited(before, "events/2026-12-krpt-posedis.yaml", start="2026-12-11 10:00")
    assert changed_lines(before, after) == ["- start: 2026-12-10 10:00\n", "+ start: 2026-12-11 10:00\n"]
    after = edited(PARTNER, "partners/gmina-parczew.yaml", since="2011")
    assert changed_lines(PARTNER, after) == ["- since: '2010-07-18'\n", "+ since: '2011'\n"]
