"""E-mail addresses (syntax only, no network), phone numbers and web addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from .. import catalogue
from ..findings import Finding
from ..repository import Repository
from . import checked_values, location

DEFAULT_REGION = "LT"
SPACE = re.compile(r"\s")


def check(repository: Repository) -> Iterator[Finding]:
    for record, _field, value, place in checked_values(repository, "email"):
        problem = email_problem(value)
        if problem:
            yield catalogue.EMAIL(**location(record, place), value=value, problem=problem)
    for record, _field, value, place in checked_values(repository, "phone"):
        e164 = normalize_phone(value)
        if e164 is None:
            yield catalogue.PHONE(**location(record, place), value=value, problem="")
        elif e164 != value:
            yield catalogue.PHONE_FORMAT(**location(record, place), value=value, e164=e164)
    for record, _field, value, place in checked_values(repository, "url"):
        problem = url_problem(value)
        if problem:
            yield catalogue.URL(**location(record, place), value=value, problem=problem)


def email_problem(value: str) -> str | None:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        return str(error).rstrip(".")
    return None


@lru_cache(maxsize=None)  # the duplicate check and the export ask again for the same numbers
def normalize_phone(value: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 form of a valid number (`8 612 34567`, `0 612 34567` → `+37061234567`), else None."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def url_problem(value: str) -> str | None:
    if SPACE.search(value):
        return "it holds a space"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks the port
    except ValueError as error:
        return f"it cannot be read ({error})"
    if parts.scheme not in ("http", "https"):
        return "it must start with https:// or http://"
    if not parts.hostname or "." not in parts.hostname:
        return "it names no web site"
    return None
