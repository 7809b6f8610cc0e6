"""Names as they are compared: one folding for every part (search of people in texts, duplicate
names, organisations named in imports): lowercase, without diacritics, `ł` → `l`, `ø` → `o`."""

from __future__ import annotations

import re
import unicodedata

COMBINING = re.compile("[\u0300-\u036f]")  # the accents NFKD splits off (ė → e + ˙)
# Letters NFKD does not split into a letter and an accent.
OWN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"})
OWN_LETTER = re.compile("[łøđıħæœþ]")


def fold(text: str) -> str:
    """``text`` lowercase and without diacritics (`Vilkaitė` → `vilkaite`, `Wróbel` → `wrobel`,
    `Paweł` → `pawel`). Keeps every other character, so places in a word stay comparable."""
    if text.isascii():
        return text.casefold()
    folded = text.casefold()
    if OWN_LETTER.search(folded):  # most texts have none, and translate() walks every character
        folded = folded.translate(OWN_LETTERS)
    return COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def name_key(name: str) -> str:
    """A name for telling records apart: folded, punctuation out, words sorted
    ("Žalioji,  Rūta" → "ruta zalioji"), so word order and spacing do not matter."""
    return " ".join(sorted(fold(name).replace(",", " ").replace(".", " ").split()))
