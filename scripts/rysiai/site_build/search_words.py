"""The words of the site's search index, cut into ranges: each range is one chunk of every
shard (search_index.py), and a query loads the chunk whose range holds its word from each.

A range starts where a word's own hash says so (about one word in EVERY), so adding or removing
a word changes the ranges between two such words only; between them, a range also ends where
its words' places, on all shards, reach PLACES_PER_SHARD a shard (a word found on very many
pages has a range to itself), so that a query for one word does not load many places of
others. A range never starts at a word that begins with another word of the site of at least
FALLBACK letters (`savivaldybes` after `savivaldyb`): Pagefind picks the chunk by the word as
typed, and where no word begins with it, finds the longest word it begins with in that chunk
(a form the stemmer did not know).
"""

from __future__ import annotations

import zlib
from collections import Counter

EVERY = 800  # words between two hash-chosen starts, on average
PLACES_PER_SHARD = 1000  # pages a range's words are found on, a shard, at most (but for one word)
WEIGHED_FROM = 8  # pages in a shard from which a word's count is kept (lighter ones count as 1)
FALLBACK = 4
TOP = "\uffff"


def word_weights(stems: dict[str, list[str]], weights: dict[str, dict[str, int]]) -> Counter:
    """Each word's pages over all shards, about: as kept for the heavier, else one a shard."""
    found = Counter()
    for name, words in stems.items():
        kept = weights.get(name, {})
        for word in words:
            found[word] += kept.get(word, 1)
    return found


def word_ranges(vocabulary: list[str], weights: Counter, shards: int) -> list[list[str]]:
    """The sorted ``vocabulary`` in ranges; ``weights``: pages per word over all shards."""
    budget = PLACES_PER_SHARD * max(shards, 1)
    known = set(vocabulary)
    ranges: list[list[str]] = []
    held, after_heavy = 0, False
    for word in vocabulary:
        weight = weights.get(word, 1)
        wanted = after_heavy or held + weight > budget or zlib.crc32(word.encode("utf-8")) % EVERY == 0
        if not ranges or (wanted and not _begins_with_another(word, known)):
            ranges.append([])
            held = 0
        ranges[-1].append(word)
        held += weight
        after_heavy = weight > budget
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
    return any(word[:length] in known for length in range(FALLBACK, len(word)))


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
