"""The schema, not YAML 1.1's guesses, decides what a value is: values come through as written."""

from rysiai.findings.wording import finding_line
from rysiai.repository import load_repository
from rysiai.validate import check_repository


def load_one(repo, text, name="partners/x.yaml"):
    repo.write(name, text)
    repository = load_repository(repo.root)
    return repository.by_id.get(name.rsplit("/", 1)[1].removesuffix(".yaml")), repository


def test_yaml_11_guesses_are_not_applied(repo):
    record, _ = load_one(
        repo,
        "name: NO\nkind: other\ncountry: LT\ncity: yes\ncode: 012\naddress: 12:30\n"
        "phone: +37061234567\nsince: 1999\n",
    )
    assert record.values == {
        "name": "NO",
        "kind": "other",
        "country": "LT",
        "city": "yes",
        "code": "012",
        "address": "12:30",
        "phone": "+37061234567",
        "since": "1999",
    }
    assert record.typed["phone"] == "+37061234567"


def test_dates_and_booleans_are_typed_by_the_schema(repo):
    import datetime as dt

    repo.write("contacts/ona.yaml", "name: Ona\npublic: true\nreviewed: 2025-03-01\n")
    repository = load_repository(repo.root)
    assert repository.by_id["ona"].typed == {
        "name": "Ona",
        "public": True,
        "reviewed": dt.date(2025, 3, 1),
    }


def test_a_yaml_boolean_word_in_a_boolean_field_is_an_error_not_true(repo):
    repo.write("contacts/ona.yaml", "name: Ona\npublic: yes\n")
    report = check_repository(load_repository(repo.root))
    assert [finding_line(f) for f in report.findings] == [
        "contacts/ona.yaml:2: error: [type] `public` must be true or false, but it is `yes` "
        "(write `true` or `false`)"
    ]


def test_empty_values_and_the_tilde_are_absent(repo):
    record, _ = load_one(repo, "name: A\nkind: other\ncountry: LT\ncity: ~\naddress:\n")
    assert record.values == {"name": "A", "kind": "other", "country": "LT", "city": None,
                             "address": None}
    assert "city" not in record.typed


def test_quoted_null_word_is_text(repo):
    record, _ = load_one(repo, 'name: "null"\nkind: other\ncountry: LT\n')
    assert record.values["name"] == "null"


def test_lines_of_nested_values_are_kept(repo):
    record, _ = load_one(
        repo,
        "name: A\nkind: other\ncountry: LT\nagreements:\n  - type: sutartis\n    signed: 2020-01-01\n",
    )
    assert record.line_of("agreements", 0, "signed") == 6
    assert record.line_of("agreements") == 4
    assert record.line_of("missing") == 1
