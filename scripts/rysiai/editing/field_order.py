"""Fields put in the schema's order by moving whole lines, so that every comment stays where it
stands: a comment above a field moves with that field, one on a field's line stays on it, the
lines above the first field and below the last value stay at the top and the bottom, and every
line keeps its own line end."""

from __future__ import annotations

import re

from ruamel.yaml import YAML

# A line that belongs to the field below it when fields move: blank, or a comment at column 0.
LEADING = re.compile(r"[ \t]*(?:\r?\n|\r)?$|#")


def in_order(text: str, data, order: list[str]) -> str | None:
    """``text`` (a mapping, loaded as ``data`` by ruamel.yaml) with its top-level fields in
    ``order``, those not in it last as they come; None where the fields cannot be told apart by
    their lines (a mapping written on one line) or the moved text would not read the same."""
    keys = list(data)
    known = [key for key in order if key in data]
    wanted = known + [key for key in keys if key not in order]
    if keys == wanted:
        return text
    starts = [data.lc.key(key)[0] for key in keys]
    if any(column != 0 for column in (data.lc.key(key)[1] for key in keys)) or starts != sorted(set(starts)):
        return None
    lines = text.splitlines(keepends=True)
    ending = next((line[len(line.rstrip("\r\n")):] for line in lines if line.endswith(("\n", "\r"))), "\n")
    tops = [_top_of_block(lines, start, previous) for start, previous in zip(starts, [None] + starts)]
    tops[0] = starts[0]  # the lines above the first field are the file's own: they stay on top
    end = _end_of_values(lines, starts[-1])
    blocks = {key: lines[top:bottom] for key, top, bottom in zip(keys, tops, tops[1:] + [end])}
    for block in blocks.values():  # a block that was last may lack its line end
        if block and not block[-1].endswith(("\n", "\r")):
            block[-1] += ending
    body = [line for key in wanted for line in blocks[key]]
    result = "".join(lines[: tops[0]] + body + lines[end:])
    if not text.endswith(("\n", "\r")) and end == len(lines):
        result = result[: len(result) - len(ending)]
    return result if _reads_the_same(result, data, wanted) else None


def _top_of_block(lines: list[str], start: int, previous: int | None) -> int:
    """The first line of a field's block: its key line, with the blank and comment lines right
    above it (after the previous field's key line)."""
    top = start
    while top - 1 > (previous if previous is not None else -1) and LEADING.match(lines[top - 1]):
        top -= 1
    return top


def _end_of_values(lines: list[str], last_start: int) -> int:
    """Where the last field's value ends: the blank and comment lines after it stay at the end."""
    end = len(lines)
    while end - 1 > last_start and LEADING.match(lines[end - 1]):
        end -= 1
    return end


def _reads_the_same(text: str, data, wanted: list[str]) -> bool:
    try:
        moved = YAML().load(text)
    except Exception:  # noqa: BLE001 — a text that does not read back is not written
        return False
    return list(moved) == wanted and all(moved[key] == data[key] for key in wanted)
