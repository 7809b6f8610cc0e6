"""Numbers, counts and months as Lithuanian readers write them (`1 234,5`, `3 vizitai`, `saus.`)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal, get_minus_sign_symbol

from ..language import current_language

# Lithuanian typography separates thousands with a narrow space that never breaks a number in
# two; CLDR gives a plain no-break space, which looks too wide between digits.
THOUSANDS = "\u202f"
MONTHS_SHORT = tuple(get_month_names("abbreviated", locale="lt", context="stand-alone")[m] for m in range(1, 13))
MONTHS = tuple(get_month_names("wide", locale="lt", context="stand-alone")[m] for m in range(1, 13))


# A chart's axis asks for the same few numbers again and again, and Babel's formatting is slow.
@lru_cache(maxsize=4096)
def format_number(value: float, decimals: int = 1) -> str:
    """`1234.5` → `1 234,5` (narrow no-break space, decimal comma); at most `decimals` digits after
    the comma, none for whole numbers, halves rounded up; CLDR's minus sign (−)."""
    # Halves round up, as people round by hand (Babel alone would give 0,25 → 0,2).
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    text = format_decimal(rounded, format=pattern, locale="lt", decimal_quantization=False)
    if text.startswith("-"):
        text = text.lstrip("-")
        if rounded:
            text = get_minus_sign_symbol("lt") + text
    return text.replace("\u00a0", THOUSANDS)


def count_phrase(count: int, forms: tuple[str, str, str]) -> str:
    """`count` with the noun in the form Lithuanian needs: forms are (1, 2–9, 10–20),
    e.g. ("vizitas", "vizitai", "vizitų") → `1 vizitas`, `3 vizitai`, `12 vizitų`, `21 vizitas`."""
    ones, tens = count % 10, count % 100
    if ones == 1 and tens != 11:
        form = forms[0]
    elif 2 <= ones <= 9 and not 12 <= tens <= 19:
        form = forms[1]
    else:
        form = forms[2]
    return f"{format_number(count, 0)} {form}"


def long_date(day: dt.date) -> str:
    """`2026 m. gruodžio 2 d.`: a day as a Lithuanian text writes it (English on request)."""
    return format_date(day, format="long", locale="en" if current_language() == "en" else "lt")
