"""The language people read Ryšiai in: Lithuanian by default, English on request (`--lang en`, or
an environment whose LANGUAGE, LC_ALL, LC_MESSAGES or LANG starts with `en`).

Every message a person reads goes through ``_`` (gettext) with the catalogues in locale/: the
source text is English, `locale/lt/LC_MESSAGES/rysiai.po` holds its Lithuanian. The package build
compiles the `.po` files into `.mo` files beside them; a checkout that was not built reads the
`.po` files directly (Babel), so the words are the same either way.
"""

from __future__ import annotations

import errno
import gettext
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DOMAIN = "rysiai"
LOCALES = Path(__file__).parent / "locale"
LANGUAGES = ("lt", "en")
DEFAULT = "lt"
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: dict[str, gettext.NullTranslations] = {}
_current = DEFAULT


def language_from_environment(environ=os.environ) -> str:
    """`en` when the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set starts with `en`,
    else Lithuanian (the office's language, also where the machine says `C` or nothing)."""
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


def use_language(language: str | None = None) -> str:
    """Speak ``language`` (`lt` or `en`) from now on; None: as the environment says. Returns it."""
    global _current
    chosen = language or language_from_environment()
    if chosen not in LANGUAGES:
        raise ValueError(f"unknown language {chosen!r}")
    _current = chosen
    return chosen


def current_language() -> str:
    return _current


@contextmanager
def speaking(language: str) -> Iterator[str]:
    """Speak ``language`` for a while (a site built in its own language), then as before."""
    global _current
    before = _current
    use_language(language if language in LANGUAGES else DEFAULT)
    try:
        yield _current
    finally:
        _current = before


def translations(language: str) -> gettext.NullTranslations:
    """The catalogue of ``language`` (English is the source: no catalogue)."""
    if language not in _translations:
        _translations[language] = _load(language) if language != "en" else gettext.NullTranslations()
    return _translations[language]


def _load(language: str) -> gettext.NullTranslations:
    folder = LOCALES / language / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.is_file() and compiled.stat().st_mtime >= (folder / f"{DOMAIN}.po").stat().st_mtime:
        with open(compiled, "rb") as file:
            return gettext.GNUTranslations(file)
    # Not built (a checkout run from source, or a .po newer than its .mo): read the .po itself.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(folder / f"{DOMAIN}.po", "rb") as file:
        catalog = read_po(file, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    """The form of a message for ``number`` (Lithuanian has three: 1 klaida, 2 klaidos, 10 klaidų)."""
    return translations(_current).ngettext(singular, plural, number)


def one_of(items: list[str]) -> str:
    """`a, b or c` in the current language (`a, b arba c`)."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])


def all_of(items: list[str]) -> str:
    """`a, b and c` in the current language (`a, b ir c`)."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def number(value: int) -> str:
    """A whole number as the reader writes it: `100,000` in English, `100 000` in Lithuanian."""
    written = f"{value:,}"
    return written if _current == "en" else written.replace(",", " ")


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; ``_`` translates it where it is shown."""
    return message


# The operating system's errors a person meets, in our words (its own are English).
SYSTEM_PROBLEMS = {  # by the error's name, which every system knows
    "ENOENT": N_("there is no such file or folder"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("permission denied"),
    "EISDIR": N_("it is a folder, not a file"),
    "ENOTDIR": N_("a part of the path is a file, not a folder"),
    "ENOSPC": N_("the disk is full"),
    "EDQUOT": N_("the disk quota is used up"),
    "EROFS": N_("the disk may only be read"),
    "EEXIST": N_("it exists already"),
    "ENAMETOOLONG": N_("the name is too long"),
    "ELOOP": N_("symbolic links lead round in a loop"),
    "EBUSY": N_("it is in use"),
    "ENOTEMPTY": N_("the folder is not empty"),
    "EIO": N_("the disk could not be read or written"),
}


def system_problem(error: OSError) -> str:
    """What the operating system said, in the reader's language: in English its own words, in
    Lithuanian ours for the errors a person meets (any other is named by its code)."""
    if _current == "en" or error.errno is None:
        return error.strerror or str(error)
    name = errno.errorcode.get(error.errno, str(error.errno))
    if name in SYSTEM_PROBLEMS:
        return _(SYSTEM_PROBLEMS[name])
    return _("system error {code}").format(code=name)


def technical(detail: object) -> str:
    """A library's own words (an exception, a class name), ` (…)`, for the English reader; the
    Lithuanian reader is told what went wrong in our words only, without the library's English."""
    return f" ({detail})" if _current == "en" and str(detail) else ""


use_language()
