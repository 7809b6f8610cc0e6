"""E-mail addresses (syntax only, no network), phone numbers and web addresses."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Phrase, catalogue
from ..loading.record import location
from ..repository import Repository
from ..words.contact_points import email_problem, normalize_phone, url_problem
from . import checked_values


def check(repository: Repository) -> Iterator[Finding]:
    for record, _field, value, place in checked_values(repository, "email"):
        problem = email_problem(value)
        if problem:
            yield catalogue.EMAIL(**location(record, place), value=value, problem=Phrase(problem))
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
