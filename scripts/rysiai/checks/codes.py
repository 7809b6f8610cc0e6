"""Country codes (ISO 3166-1 alpha-2), language codes (ISO 639-1) and Lithuanian legal-entity
codes (mod-11 check digit)."""

from __future__ import annotations

from collections.abc import Iterator

import pycountry

from ..findings import Finding, catalogue
from ..language import _, current_language
from ..loading.record import location
from ..repository import Repository
from ..words.countries import country_name
from ..words.languages import language_name
from . import checked_values

LITHUANIA = "LT"


def check(repository: Repository) -> Iterator[Finding]:
    for record, _field, value, place in checked_values(repository, "country"):
        if not is_country_code(value):
            yield catalogue.COUNTRY(
                **location(record, place),
                value=value,
                hint=_country_hint(value),
            )
    for record, _field, value, place in checked_values(repository, "language"):
        if not is_language_code(value):
            yield catalogue.LANGUAGE(**location(record, place), value=value, hint=_language_hint(value))
    for record, _field, value, place in checked_values(repository, "entity-code"):
        # Only Lithuanian codes have a known form; a foreign partner's register code is kept as is.
        if record.typed.get("country", LITHUANIA) != LITHUANIA:
            continue
        problem = entity_code_problem(value)
        if problem:
            yield catalogue.ENTITY_CODE(
                **location(record, place),
                value=value,
                problem=problem,
            )


def is_country_code(value: str) -> bool:
    return len(value) == 2 and value.isupper() and pycountry.countries.get(alpha_2=value) is not None


def _country_hint(value: str) -> str:
    try:
        country = pycountry.countries.lookup(value)
    except LookupError:
        return _("use a two-letter code such as LT, LV, PL, DE")
    return _("write `{code}` for {country}").format(code=country.alpha_2, country=country_name(country.alpha_2, current_language()))


def is_language_code(value: str) -> bool:
    return len(value) == 2 and value.islower() and pycountry.languages.get(alpha_2=value) is not None


def _language_hint(value: str) -> str:
    try:
        code = getattr(pycountry.languages.lookup(value), "alpha_2", None)
    except LookupError:
        code = None
    if code is None:  # unknown, or a language with no two-letter code
        return _("use a two-letter code such as lt, en, pl, ru")
    return _("write `{code}` for {language}").format(code=code, language=language_name(code, current_language()))


def entity_code_problem(value: str) -> str | None:
    if not (len(value) == 9 and value.isascii() and value.isdigit()):
        return _("a Lithuanian legal-entity code has exactly 9 digits")
    if int(value[8]) != entity_code_check_digit(value[:8]):
        return _("the last digit does not match the check digit, so a digit is probably mistyped")
    return None


def entity_code_check_digit(first_eight: str) -> int:
    """The mod-11 check digit: weights 1–8, then 3–9,1 if the remainder is 10, then 0."""
    digits = [int(character) for character in first_eight]
    for weights in ((1, 2, 3, 4, 5, 6, 7, 8), (3, 4, 5, 6, 7, 8, 9, 1)):
        remainder = sum(d * w for d, w in zip(digits, weights)) % 11
        if remainder != 10:
            return remainder
    return 0
