"""What Python's CSV reader says of a file it cannot read, in the reader's words."""

from __future__ import annotations

import csv
import re

from ..language import _, current_language, technical

LIMIT = re.compile(r"field larger than field limit \((\d+)\)")


def csv_problem(error: csv.Error) -> str:
    """` (…)` after "cannot be read as CSV": the reader's own words in English; in Lithuanian ours
    for what a person can fix, nothing for the rest."""
    if current_language() == "en":
        return technical(error)
    said = str(error)
    limit = LIMIT.search(said)
    if limit:
        words = _("a cell is longer than {most} characters; is a quote left open?").format(most=limit.group(1))
    elif "line contains NUL" in said:
        words = _("a line holds the NUL character")
    elif "unexpected end of data" in said:
        words = _("the file ends inside a cell in quotes")
    elif "new-line character seen in unquoted field" in said:
        words = _("a line break stands inside a cell that is not in quotes")
    elif "expected after" in said:
        words = _("a closing quote is followed by more text in the same cell")
    else:
        return ""
    return f" ({words})"
