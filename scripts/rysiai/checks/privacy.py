"""Personal data kept in check: records not reviewed for long, text that holds a personal code.

A public body keeps a contact register on the basis of its public task (GDPR art. 6(1)(e)); it
keeps the data current and holds no personal codes (asmens kodai).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..repository import Repository
from ..words.dates import months_before
from . import location

ELEVEN_DIGITS = re.compile(r"(?<![0-9])[1-6][0-9]{10}(?![0-9])")


def check(repository: Repository) -> Iterator[Finding]:
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        if collection.review_months:
            yield from _review(record, collection.review_months, repository.today)
        yield from _codes(record, record.typed, ())


def _review(record, months: int, today: dt.date) -> Iterator[Finding]:
    # A record without a `reviewed` date is left to the agenda's care: new records, imports and
    # tests would otherwise all warn at once.
    reviewed = record.typed.get("reviewed")
    if isinstance(reviewed, dt.date) and reviewed < months_before(today, months):
        what = f"this record was last reviewed on {reviewed.isoformat()}"
        yield catalogue.NOT_REVIEWED(**location(record, ("reviewed",)), what=what, months=months)


def _codes(record, value, place: tuple) -> Iterator[Finding]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _codes(record, item, place + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _codes(record, item, place + (index,))
    elif isinstance(value, str) and len(value) >= 11:
        for code in ELEVEN_DIGITS.findall(value):
            if is_personal_code(code):
                yield catalogue.PERSONAL_CODE(**location(record, place), code=code)


def is_personal_code(code: str) -> bool:
    """11 digits: century and sex, a real birth date, a serial number, the mod-11 check digit."""
    if not (len(code) == 11 and code.isdigit() and code[0] in "123456"):
        return False
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}[code[0]]
    try:
        dt.date(century + int(code[1:3]), int(code[3:5]), int(code[5:7]))
    except ValueError:
        return False
    digits = [int(character) for character in code]
    for weights in ((1, 2, 3, 4, 5, 6, 7, 8, 9, 1), (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)):
        remainder = sum(d * w for d, w in zip(digits, weights)) % 11
        if remainder != 10:
            return remainder == digits[10]
    return digits[10] == 0
