"""Languages by their ISO 639-1 codes, named in a language as a list of languages writes them
(`lv` → `latvių`)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError


@lru_cache(maxsize=None)
def _language_names(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(language).languages)
    except (UnknownLocaleError, ValueError):
        return {}


def language_name(code: str, language: str = "en") -> str:
    """The name of the language ``code`` (ISO 639-1) in ``language`` (Babel's locale data); the
    code itself where none is known."""
    return _language_names(language).get(code, code)
