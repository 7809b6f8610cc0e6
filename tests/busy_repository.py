"""A valid data repository with a large CSV and many references, for the kill tests of commands.

`talsu-novads` (a partner) is referred to by every visit and by every 25th row of a contacts
CSV; `ona-2` (to be merged into `ona`) and `jonas-jonaitis` (to be forgotten) take part in every
visit, and Jonas is named in each visit's outcomes; 30 contacts are not in form (`fmt`); some
visits have CRLF line ends or a byte-order mark.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from rysiai.editing.new_repository import create_repository
from rysiai.synthetic import _Generator

CSV_ROWS, VISITS, UNFORMED = 10_000, 60, 30


def make_busy_repository(root: Path) -> Path:
    create_repository(root)
    people = _Generator(random.Random(5), CSV_ROWS + UNFORMED)
    write = lambda relative, text: (root / relative).write_bytes(text if isinstance(text, bytes) else text.encode())  # noqa: E731
    write("partners/talsu-novads.yaml", "name: Talsu novads\nkind: municipality\ncountry: LV\n# Partneriai nuo 2001 m.\n")
    write("partners/gmina-luban.yaml", "name: Gmina Lubań\nkind: municipality\ncountry: PL\n")
    write("contacts/ona.yaml", "# Pagrindinis įrašas\nname: Ona Petraitienė\nemail: ona@prienai.lt\n")
    write("contacts/ona-2.yaml", "name: Ona Petraitienė\nphone: '+37061234567'  # darbo\n# Sutikta mugėje\n")
    write("contacts/jonas-jonaitis.yaml", "name: Jonas Jonaitis\nemail: jonas@prienai.lt\nphone: '+37061111111'\n")
    rows = ["id,name,organization,email"]
    for number in range(CSV_ROWS):
        record_id, first, surname = people.person()
        organization = "talsu-novads" if number % 25 == 0 else "gmina-luban"
        rows.append(f"{record_id},{first} {surname},{organization},k{number}@example.lt")
    write("contacts/kontaktai.csv", "\n".join(rows) + "\n")
    for number in range(UNFORMED):
        record_id, first, surname = people.person()
        write(f"contacts/{record_id}.yaml", f"phone: 8 612 3{number:04}  # mobilusis\nname: {first} {surname}\n")
    for number in range(VISITS):
        text = (
            f"title: Vizitas Nr. {number}\ndirection: incoming\nstart: 2024-05-{number % 28 + 1:02}\n"
            f"partners:\n  - talsu-novads  # svečiai\nparticipants:\n  - ona-2\n  - jonas-jonaitis\n"
            f"outcomes: Jonas Jonaitis pristatė projektą.\n"
        )
        if number % 3 == 1:
            text = text.replace("\n", "\r\n")
        data = text.encode() if number % 5 else "\ufeff".encode() + text.encode()
        write(f"visits/vizitas-{number:03}.yaml", data)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the repository but Ryšiai's own folder (and git's), byte for byte."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not {".rysiai", ".git"} & set(path.relative_to(root).parts)
    }


def rysiai(root: Path, *args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """`rysiai ARGS --root ROOT` as its own process."""
    return subprocess.run(
        [sys.executable, "-m", "rysiai.cli", *args, "--root", str(root)],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300, **kwargs,
    )


def start_rysiai(root: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "rysiai.cli", *args, "--root", str(root)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})},
    )
