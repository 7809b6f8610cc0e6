"""`rysiai init`: a new, empty data repository."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..language import _
from .common import EXIT_OK


def add_parsers(commands) -> None:
    init = commands.add_parser(
        "init",
        help=_("create a new, empty data repository"),
        description=_("Create a new, empty data repository in DIR: datapackage.yaml, mkdocs.yml, "
        "one folder per collection and a README. DIR must not hold a data repository already."),
    )
    init.add_argument("directory", metavar=_("DIR"), help=_("folder to create (or an empty one)"))
    init.set_defaults(run=run_init)


def run_init(args: argparse.Namespace) -> int:
    from ..editing.new_repository import create_repository

    for path in create_repository(Path(args.directory)):
        print(path)
    return EXIT_OK
