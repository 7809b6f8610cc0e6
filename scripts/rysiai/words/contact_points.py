"""Contact points as stored and compared: e-mail syntax (no network), phone numbers in E.164
(default region LT), web addresses, and the key that tells phone numbers apart in texts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from ..language import N_, _, current_language, ngettext

DEFAULT_REGION = "LT"
SPACE = re.compile(r"\s")
PHONE_DIGITS = 8  # a Lithuanian national number; enough to tell numbers apart in texts


def email_problem(value: str) -> str | None:
    """What is wrong with an e-mail address as written (syntax only), or None: in English,
    email-validator's own words; in Lithuanian, the one of a handful of our own that says what
    they say (`email_words`)."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        english = str(error).rstrip(".")
        return english if current_language() == "en" else email_words(english)
    return None


# What email-validator's English says → our words for it, first match wins.
EMAIL_PROBLEMS = (
    (re.compile(r"must have an @-sign"), N_("there is no @ in it")),
    (re.compile(r"something before the @-sign"), N_("there is nothing before the @")),
    (re.compile(r"something after the @-sign"), N_("there is nothing after the @")),
    (re.compile(r"two periods in a row"), N_("it has two dots in a row")),
    (re.compile(r"It should have a period"), N_("the part after the @ has no dot (as in `prienai.lt`)")),
    (re.compile(r"too long|separated by so many characters"), N_("it is too long")),
    (re.compile(r"anything after the email address|found after close quote|display name|angle bracket"),
     N_("it holds more than the address: write the address alone, without a name, brackets or "
        "other words")),
    (re.compile(r"start with a|end with a|immediately (?:before|after) the @-sign|period and a hyphen"),
     N_("a dot or a hyphen stands where it cannot: at the start or the end, beside the @ or "
        "beside each other")),
    (re.compile(r"character|commercial at"), None),  # the characters named: below
    (re.compile(r"after the @-sign"), N_("the part after the @ is not a domain that can receive mail")),
)
# The characters email-validator names: a character in quotes, or a Unicode name (`SPACE`).
NAMED_CHARACTER = re.compile(r"'(?:[^'\\]|\\.)'|\"[^\"]\"|U\+[0-9A-F]{4,8}|[A-Z][A-Z0-9 -]*[A-Z0-9]")
LOOK_ALIKE = re.compile(r"at-sign \(@\) character instead|\"small commercial at\"")


def email_words(english: str) -> str:
    """One of our own problems for email-validator's ``english``, in the reader's language."""
    for pattern, words in EMAIL_PROBLEMS:
        if pattern.search(english):
            return _(words) if words else _invalid_characters(english)
    return _("it is not written as an e-mail address is written")


def _invalid_characters(english: str) -> str:
    if LOOK_ALIKE.search(english):
        return _("in place of the @ it has a character that only looks like it")
    listed = english.partition(": ")[2]
    named = [_character(item) for item in NAMED_CHARACTER.findall(listed)]
    if not named:
        return _("it holds a character an e-mail address cannot hold")
    return ngettext(
        "it holds a character an e-mail address cannot hold: {characters}",
        "it holds characters an e-mail address cannot hold: {characters}", len(named),
    ).format(characters=", ".join(named))


def _character(item: str) -> str:
    """`'('` → `(`; `SPACE` → a space; another Unicode name → its code point (`U+00A0`)."""
    if item[0] in "'\"":
        character = item[1:-1]
        return f"„{character}“" if character == "`" else f"`{character}`"
    if item == "SPACE":
        return _("a space")
    if item.startswith("U+"):
        return item
    try:
        return f"U+{ord(unicodedata.lookup(item)):04X}"
    except KeyError:
        return item


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


@lru_cache(maxsize=None)
def phone_for_reading(value: str, region: str = DEFAULT_REGION) -> str:
    """A number grouped as people read it (`+37061234567` → `+370 612 34567`, phonenumbers'
    international format); one that cannot be read stays as it is written."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_valid_number(number):
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


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
