"""Contact points as stored and compared: e-mail syntax (no network), phone numbers in E.164
(default region LT), web addresses, and the key that tells phone numbers apart in texts."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from ..language import _

DEFAULT_REGION = "LT"
SPACE = re.compile(r"\s")
PHONE_DIGITS = 8  # a Lithuanian national number; enough to tell numbers apart in texts


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
        return _("it holds a space")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks the port
    except ValueError as error:
        return _("it cannot be read ({error})").format(error=error)
    if parts.scheme not in ("http", "https"):
        return _("it must start with https:// or http://")
    if not parts.hostname or "." not in parts.hostname:
        return _("it names no web site")
    return None


def phone_key(value) -> str | None:
    """The last eight digits of a number, however it is written; None for fewer digits."""
    digits = re.sub(r"\D", "", value) if isinstance(value, str) else ""
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else None
