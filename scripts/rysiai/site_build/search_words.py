"""The words of the site's search index, cut into ranges: each range is one chunk of every
shard (search_index.py), and a query loads the chunk whose range holds its word from each.

A range starts where a word's own hash says so (about one word in EVERY), so adding or removing
a word changes its own range only; a word found on very many pages has a range to itself, so
that a query for another word does not load its places. But a range never starts at a word that
begins with another word of the site (`savivaldybes` after `savivaldyb`): Pagefind picks the
chunk by the word as typed, and where no word begins with it, finds the longest word it begins
with in that chunk (a form the stemmer did not know).
"""

from __future__ import annotations

import zlib

EVERY = 800  # words per range, on average (Pagefind's own chunks hold about as many)
HEAVY_PER_SHARD = 150  # a word on more pages than this per shard, on average, has a range to itself
WEIGHED_FROM = 8  # pages in a shard from which a word's count is kept (lighter ones are never heavy)
TOP = "\uffff"


def word_ranges(vocabulary: list[str], weights: dict[str, int], shards: int) -> list[list[str]]:
    """The sorted ``vocabulary`` in ranges; ``weights``: pages per word, for the heavier words."""
    heavy = HEAVY_PER_SHARD * max(shards, 1)
    known = set(vocabulary)
    ranges: list[list[str]] = []
    after_heavy = False
    for word in vocabulary:
        is_heavy = weights.get(word, 0) >= heavy
        wanted = is_heavy or after_heavy or zlib.crc32(word.encode("utf-8")) % EVERY == 0
        starts = not ranges or (wanted and not _begins_with_another(word, known))
        if starts:
            ranges.append([])
        ranges[-1].append(word)
        after_heavy = is_heavy
    return ranges


def bounds(ranges: list[list[str]]) -> list[tuple[str, str]]:
    """Each range's first and last word as a chunk names them, as short as can be: a query
    between two ranges goes to the one its word is at or after."""
    found = []
    previous_end = ""
    for number, words in enumerate(ranges):
        first, last = words[0], words[-1]
        start = next(first[:length] for length in range(1, len(first) + 1) if first[:length] > previous_end)
        end = last if number + 1 == len(ranges) else _short_end(last, ranges[number + 1][0])
        found.append((start, end))
        previous_end = end
    return found


def weights_of(words: dict[str, list]) -> dict[str, int]:
    """Pages per word (a page counted once for each form of the word it holds), for the words on
    WEIGHED_FROM pages or more."""
    found = {}
    for stem, word in words.items():
        pages = len(word[1]) + sum(len(postings) for _form, postings in word[2])
        if pages >= WEIGHED_FROM:
            found[stem] = pages
    return found


def _begins_with_another(word: str, known: set[str]) -> bool:
    return any(word[:length] in known for length in range(1, len(word)))


def _short_end(last: str, following: str) -> str:
    """The shortest text at or after ``last`` and before ``following``."""
    common = 0
    while common < min(len(last), len(following)) and last[common] == following[common]:
        common += 1
    if common == len(last):  # `last` begins `following`
        return last
    if common + 1 == len(last):
        return last
    if last[common + 1] >= "\ue000":  # TOP would not sort after it
        return last
    return last[:common + 1] + TOP
