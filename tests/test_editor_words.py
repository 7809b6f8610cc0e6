"""The editor's words: every kind of finding is worded in Lithuanian, and a finding's field names
the input it is shown beside."""

from __future__ import annotations

from rysiai.editor.finding_words import WORDS, input_name, lithuanian
from rysiai.findings import catalogue
from rysiai.repository import load_repository
from conftest import PROJECT


def test_every_kind_of_finding_has_lithuanian_words():
    assert {kind.code for kind in catalogue.ALL_KINDS} <= set(WORDS)


def test_a_findings_field_is_the_name_of_its_input():
    assert input_name("agreements[1].signed") == "agreements.0.signed"
    assert input_name("follow_ups[12].owner") == "follow_ups.11.owner"
    assert input_name("tags") == "tags"
    assert input_name(None) == ""


def test_findings_are_worded_from_their_values():
    schema = load_repository(PROJECT).schema
    partners = schema.collections["partners"]
    finding = catalogue.DATE_ORDER(path="partners/x.yaml", field="agreements[1].until", value="2020-01-01",
                                   other="signed", other_value="2021-01-01")
    assert lithuanian(finding, partners) == "Data 2020-01-01 ankstesnė už lauko „Pasirašyta“ datą 2021-01-01."
    finding = catalogue.TYPE(path="partners/x.yaml", field="agreements[1].signed", found="`vakar`", expected="a date")
    assert lithuanian(finding, partners) == "Netinkama reikšmė: turi būti data, pvz. 2024-05-17."
    finding = catalogue.DATE(path="partners/x.yaml", field="since", value="1999-13", problem="month", hint="")
    assert lithuanian(finding, partners) == (
        "„1999-13“ nėra tikra data: rašykite metus (2010), mėnesį (2010-07) arba dieną (2010-07-18).")
