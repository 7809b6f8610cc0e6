"""Countries by their ISO 3166-1 alpha-2 codes, named in a language (`LV` → `Latvija`)."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry


@lru_cache(maxsize=None)
def _country_names(language: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
    except OSError:
        return lambda name: name


def country_name(code: str, language: str = "en") -> str:
    """The country's name in ``language`` (`LV` → `Latvija`), else its English name, else the code."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return _country_names(language)(country.name)
