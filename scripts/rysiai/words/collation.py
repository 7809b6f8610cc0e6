"""Lithuanian alphabetical order: A Ą B C Č D E Ę Ė F G H I Į Y J K L M N O P R S Š T U Ų Ū V Z Ž.

Python's default sort puts every accented letter after z and Y after X; here Y sorts between
Į and J, and letters from other alphabets (Q, W, X, Ł, Ö…) sort beside their base letter.
Punctuation and quotes are passed over, as a dictionary passes them: „Kauno diena“ is under K.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = "aąbcčdeęėfghiįyjklmnopqrsštuųūvwxzž"  # q, w, x placed where dictionaries put them
_RANK = {letter: index for index, letter in enumerate(ALPHABET)}
# Letters that Unicode does not decompose into a base letter and a mark.
_BASE = {"ł": "l", "ø": "o", "đ": "d", "ß": "s", "æ": "a", "œ": "o", "ı": "i", "þ": "t"}


@lru_cache(maxsize=4096)
def _letter_rank(character: str) -> tuple[int, int]:
    if character in _RANK:
        return (2, _RANK[character])
    if character.isspace():
        return (0, 0)
    if character.isdigit():
        return (1, int(unicodedata.digit(character, 0)))
    base = _BASE.get(character) or unicodedata.normalize("NFD", character)[0]
    if base in _RANK:
        return (2, _RANK[base])
    return (3, ord(character))


@lru_cache(maxsize=4096)
def _is_punctuation(character: str) -> bool:
    return unicodedata.category(character).startswith("P")


# A site's index tables sort every value of every column: a server that builds again after
# each save asks for the same keys again and again.
@lru_cache(maxsize=1 << 17)
def sort_key(text: str) -> tuple:
    """Sort key for Lithuanian order: letters and digits first, punctuation and quotes passed
    over; then case-insensitive with punctuation, then by case, for a stable tie."""
    folded = text.casefold()
    letters = tuple(_letter_rank(character) for character in folded if not _is_punctuation(character))
    return (letters, folded, text)


def record_order(record) -> tuple:
    """Records with a start date newest first, then by label in Lithuanian order."""
    start = record.typed.get("start")
    newest_first = -start.toordinal() if hasattr(start, "toordinal") else 0
    return (newest_first, sort_key(record.label))
