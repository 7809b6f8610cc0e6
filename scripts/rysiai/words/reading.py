"""A text as its reader sees it: markup removed, invisible characters dropped, entities and
percent-encoded addresses read, with the place in the written text of every character seen.

A name or number can hide from a search of the written text and still be read on a page, in a
calendar feed or in the search index: `Ag\u00adnė` (a soft hyphen), `Ag**nė**` (emphasis),
`Ag<!-- -->nė`, `` `Agnė` Vilkaitė `` (inline code), `agne%2Evilkaite%40ccre.org` (a `mailto:` link).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

# Characters that take no room on a page: soft hyphen, zero-width space, non-joiner and joiner,
# word joiner, zero-width no-break space (a byte-order mark inside a text).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# What a reader never sees as written. Underscores mark emphasis only at the edge of a word
# (`_Agnė_`); inside one (`agne_vilkaite@…`) they are letters.
MARKUP = re.compile(
    r"(?P<drop><!--.*?(?:-->|$)|</?[A-Za-z][^<>]*>|[" + INVISIBLE + r"]|\*+|~~|==|`+"
    r"|(?<![^\W_])_+|_+(?![^\W_]))"
    r"|(?P<entity>&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)"
    r"|(?P<percent>(?:%[0-9A-Fa-f]{2})+)",
    re.DOTALL,
)
# A quick test: texts without any of these are read as written (most texts).
MAY_HIDE = re.compile(r"[<*~=`_&%" + INVISIBLE + "]")


@dataclass(frozen=True)
class ReaderView:
    """The text as read, and for each of its characters where it comes from in the written
    text: ``starts[i]`` to ``ends[i]`` (an entity or `%40` is read as one character)."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    length: int  # of the written text

    def written_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the characters ``start`` to ``end`` of the view are written, with the markup
        that stands right before and after them (`**Agnė**`: what is erased goes whole)."""
        written_start = self.ends[start - 1] if start > 0 else 0
        written_end = self.starts[end] if end < len(self.starts) else self.length
        return written_start, written_end


def reader_text(text: str) -> str | None:
    """The text as read, or None when it reads as written: what reader_view gives, without the
    place of each character (cheap, for the quick tests that settle most texts)."""
    if not MAY_HIDE.search(text):
        return None
    changed = False

    def read(match: re.Match) -> str:
        nonlocal changed
        seen = _read(match)
        if seen is None:
            return match.group()
        changed = True
        return seen

    seen = MARKUP.sub(read, text)
    return seen if changed else None


def reader_view(text: str) -> ReaderView | None:
    """The text as read, or None when it reads as written."""
    if not MAY_HIDE.search(text):
        return None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    changed = False
    for match in MARKUP.finditer(text):
        read = _read(match)
        if read is None:
            continue
        changed = True
        _keep(pieces, starts, ends, text[done : match.start()], done)
        for character in read:
            pieces.append(character)
            starts.append(match.start())
            ends.append(match.end())
        done = match.end()
    if not changed:
        return None
    _keep(pieces, starts, ends, text[done:], done)
    return ReaderView("".join(pieces), tuple(starts), tuple(ends), len(text))


def _read(match: re.Match) -> str | None:
    """What the reader sees of a piece of markup, or None: it is read as written."""
    if match.group("drop") is not None:
        return ""
    if match.group("entity") is not None:
        read = html.unescape(match.group())
        return None if read == match.group() else unicodedata.normalize("NFC", read)
    try:
        read = unquote(match.group(), errors="strict")
    except UnicodeDecodeError:  # not UTF-8: not an address written in percents
        return None
    return unicodedata.normalize("NFC", read)


def _keep(pieces: list[str], starts: list[int], ends: list[int], part: str, at: int) -> None:
    pieces.append(part)
    starts.extend(range(at, at + len(part)))
    ends.extend(range(at + 1, at + len(part) + 1))
