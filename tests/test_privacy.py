"""Privacy warnings: contacts not reviewed for long, text that holds a personal code."""

import datetime as dt

import pytest
from rysiai.findings.wording import finding_line
from rysiai.privacy.checks import is_personal_code
from rysiai.repository import load_repository
from rysiai.validate import check_repository


def invented_code(first_ten: str) -> str:
    """A personal code with a correct check digit, for an invented person."""
    digits = [int(c) for c in first_ten]
    for weights in ((1, 2, 3, 4, 5, 6, 7, 8, 9, 1), (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)):
        remainder = sum(d * w for d, w in zip(digits, weights)) % 11
        if remainder != 10:
            return first_ten + str(remainder)
    return first_ten + "0"


CODE = invented_code("4990101123")


def test_personal_code_check_digit():
    assert is_personal_code(CODE)
    wrong = CODE[:10] + str((int(CODE[10]) + 1) % 10)
    assert not is_personal_code(wrong)
    assert not is_personal_code("49913011234")  # no 13th month
    assert not is_personal_code("79901011234")  # no century 7


def check(repo, today="2026-11-26"):
    repository = load_repository(repo.root)
    repository.today = dt.date.fromisoformat(today)
    return [finding_line(f) for f in check_repository(repository).sorted()]


def test_a_personal_code_in_any_text_is_a_warning(repo):
    repo.write("contacts/ona.yaml", f"name: Ona\nreviewed: 2026-01-01\nnotes: |\n  Asmens kodas {CODE}, tel. 861234567.\n")
    assert check(repo) == [
        f"contacts/ona.yaml:3: warning: [personal-code] `notes` holds `{CODE}`, which looks like a "
        "Lithuanian personal code (asmens kodas) (a contact register must not keep personal codes: "
        "remove it)"
    ]


@pytest.mark.parametrize(
    "reviewed, expected",
    [
        ("2024-11-26", []),
        ("2024-11-25", ["this record was last reviewed on 2024-11-25"]),
        (None, []),
    ],
)
def test_contacts_not_reviewed_for_24_months(repo, reviewed, expected):
    repo.write("contacts/ona.yaml", "name: Ona\n" + (f"reviewed: {reviewed}\n" if reviewed else ""))
    found = check(repo)
    assert [text.split("[not-reviewed] ")[1].split(";")[0] for text in found] == expected
    if expected:
        assert found[0].endswith(
            "records of people are reviewed at least every 24 months (check the record with the "
            "person or the organisation, then set `reviewed: YYYY-MM-DD`)"
        )
