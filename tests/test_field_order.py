"""Fields put in the schema's order by moving whole lines: comments and line ends stay as written."""

from __future__ import annotations

from ruamel.yaml import YAML

from rysiai.editing.field_order import in_order


def ordered(text: str, order: list[str]) -> str | None:
    return in_order(text, YAML().load(text), order)


def test_comments_move_with_their_field_and_the_top_and_bottom_stay():
    text = (
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\r\n---\r\n"
        "phone: '+37061234567'  # the office line\r\n"
        "\r\n# Who she is\r\nname: Ona\r\n"
        "notes: |\r\n  first\r\n\r\n  second\r\n"
        "country: LT\r\n"
        "# the last comment of the file\r\n"
    )
    assert ordered(text, ["name", "country", "phone", "notes"]) == (
        "# yaml-language-server: $schema=../.schemas/contacts.schema.json\r\n---\r\n"
        "\r\n# Who she is\r\nname: Ona\r\n"
        "country: LT\r\n"
        "phone: '+37061234567'  # the office line\r\n"
        "notes: |\r\n  first\r\n\r\n  second\r\n"
        "# the last comment of the file\r\n"
    )


def test_fields_not_in_the_schema_follow_in_their_order_and_a_missing_last_line_end_stays_missing():
    assert ordered("zeta: 1\nname: A\nalpha: 2", ["name"]) == "name: A\nzeta: 1\nalpha: 2"
    assert ordered("phone: 1\nname: A", ["name", "phone"]) == "name: A\nphone: 1"


def test_in_order_already_is_the_same_text():
    text = "name: A  # x\nphone: 1\n"
    assert ordered(text, ["name", "phone"]) is text


def test_what_lines_cannot_move_is_refused():
    assert ordered("{phone: 1, name: A}\n", ["name", "phone"]) is None  # one line
    assert ordered("phone: |+\n  a\n\nname: A\n", ["name", "phone"]) is None  # its blank line is its value
