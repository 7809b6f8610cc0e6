"""Which characters a value may hold: control characters never, line breaks and tabs in Markdown.

A control character (C0 except tab and the line breaks, DEL, C1) cannot be shown on a page,
kept in a spreadsheet cell (XLSX refuses most of them) or printed, and in a terminal some of
them (ESC, CSI) start escape sequences. Line breaks and tabs are layout: a Markdown field has
paragraphs; every other text field is shown on one line (a table cell, a heading, a vCard line),
so a line break there is worth a warning, not an error (nothing breaks, the lines are joined).
"""

from __future__ import annotations

import re

from ..language import _

# C0 without tab (09), line feed (0A) and carriage return (0D); DEL; C1 (NEL, 85, included:
# YAML 1.1 and Python's splitlines take it for a line break, most other programs do not).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Line breaks (CR, LF and the Unicode line and paragraph separators) and the tab.
LAYOUT = re.compile(r"[\t\n\r\u2028\u2029]")

_C0_NAMES = (
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI "
    "DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"
).split()
_C1_NAMES = (
    "PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 "
    "DCS PU1 PU2 STS CCH MW SPA EPA SOS SGCI SCI CSI ST OSC PM APC"
).split()


def character_name(character: str) -> str:
    """How a finding names a control character: `U+001B (ESC)`."""
    code = ord(character)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "DEL"
    elif 0x80 <= code <= 0x9F:
        name = _C1_NAMES[code - 0x80]
    else:
        return f"U+{code:04X}"
    return f"U+{code:04X} ({name})"


def layout_in(text: str) -> str | None:
    """"a line break" or "a tab" if ``text`` holds one (line breaks first), else None."""
    found = {match.group() for match in LAYOUT.finditer(text)}
    if not found:
        return None
    return _("a tab") if found == {"\t"} else _("a line break")
