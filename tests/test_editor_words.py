"""The editor shows a finding beside the input of the field it is about."""

from __future__ import annotations

from rysiai.editor.finding_words import input_name


def test_a_findings_field_is_the_name_of_its_input():
    assert input_name("agreements[1].signed") == "agreements.0.signed"
    assert input_name("follow_ups[12].owner") == "follow_ups.11.owner"
    assert input_name("tags") == "tags"
    assert input_name(None) == ""
