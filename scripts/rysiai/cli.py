"""The `rysiai` command: parses arguments, calls the library, prints, returns an exit code.

Exit codes: 0 done (no errors), 1 the data has errors (or warnings under --strict),
2 the command could not run (bad arguments, no data repository, a file in the way).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import traceback
from pathlib import Path

from . import __version__
from .commands import editing as editing_commands
from .commands import export as export_commands
from .commands import imports as import_commands
from .commands import personal_data as personal_data_commands
from .commands import site as site_commands
from .commands.common import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    data_root,
    date_argument,
    format_option,
    print_report,
    root_option,
)
from .errors import RysiaiError


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and the problem
        return int(exit_.code or 0)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_CANNOT_RUN
    if args.run is not site_commands.run_serve:
        # A command that runs once and ends makes no garbage worth collecting: the records it
        # loads hold no reference cycles, and scanning them cost a quarter of the loading time.
        gc.disable()
    try:
        return args.run(args)
    except RysiaiError as error:
        print(f"rysiai: error: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except OSError as error:  # a folder or file the command needs cannot be made or read
        where = f"{error.filename}: " if error.filename else ""
        print(f"rysiai: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print("rysiai: interrupted", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except Exception as error:  # a bug: say so in one line, never a bare traceback
        if os.environ.get("RYSIAI_DEBUG"):
            traceback.print_exc()
        print(
            f"rysiai: internal error ({type(error).__name__}: {error}); this is a bug in Ryšiai, "
            f"not in your data. Run again with RYSIAI_DEBUG=1 to see the details for a report.",
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rysiai",
        description="Ryšiai: the external-relations registry of a municipality, kept in git.",
    )
    parser.add_argument("--version", action="version", version=f"rysiai {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check every record against datapackage.yaml",
        description="Check every record of the data repository against its schema "
        "(datapackage.yaml). Prints one line per finding: PATH:LINE: error|warning: [code] message. "
        "Exit 0: no errors; 1: errors (or warnings with --strict); 2: could not run.",
    )
    root_option(validate)
    format_option(validate)
    validate.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on any finding)"
    )
    validate.set_defaults(run=run_validate)

    export_commands.add_parsers(commands)

    agenda = commands.add_parser(
        "agenda",
        help="list what is overdue, due soon and coming",
        description="List, in this order: overdue requests and follow-ups (days overdue), those "
        "due within DAYS days, visits and events within DAYS days, agreement anniversaries this "
        "year (every 5 years since signing) and agreements expiring within 90 days, and records "
        "not reviewed for 24 months. Exit 0 (2 when it cannot run).",
    )
    root_option(agenda)
    agenda.add_argument(
        "--today", metavar="YYYY-MM-DD", type=date_argument,
        help="the day to count from (default: today), for a reproducible agenda",
    )
    agenda.add_argument(
        "--days", metavar="N", type=int, default=14, help="how far ahead to look (default: 14)"
    )
    format_option(agenda)
    agenda.set_defaults(run=run_agenda)

    import_commands.add_parsers(commands)

    site_commands.add_parsers(commands)

    editing_commands.add_parsers(commands)

    personal_data_commands.add_parsers(commands)

    init = commands.add_parser(
        "init",
        help="create a new, empty data repository",
        description="Create a new, empty data repository in DIR: datapackage.yaml, mkdocs.yml, "
        "one folder per collection and a README. DIR must not hold a data repository already.",
    )
    init.add_argument("directory", metavar="DIR", help="folder to create (or an empty one)")
    init.set_defaults(run=run_init)
    return parser

def run_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    report = validate(data_root(args))
    print_report(report, args.format)
    failed = not report.valid or (args.strict and report.findings)
    return EXIT_FINDINGS if failed else EXIT_OK


def run_agenda(args: argparse.Namespace) -> int:
    import datetime as dt

    from .agenda import SECTIONS, build_agenda
    from .repository import load_repository

    today = args.today or dt.date.today()
    items = build_agenda(load_repository(data_root(args)), today, args.days)
    if args.format == "json":
        payload = {"today": today.isoformat(), "days": args.days, "items": [i.to_dict() for i in items]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print(f"Nothing on the agenda as of {today.isoformat()}.")
    for section, heading in SECTIONS.items():
        lines = [item for item in items if item.section == section]
        if not lines:
            continue
        print(f"{heading}:")
        for item in lines:
            when = f"{item.days} d. overdue" if section == "overdue" else f"in {item.days} d." if item.days >= 0 else f"{-item.days} d. ago"
            print(f"  {item.date.isoformat()}  {when:>14}  {item.path}  {item.title} — {item.detail}")
    return EXIT_OK



def run_init(args: argparse.Namespace) -> int:
    from .editing.new_repository import create_repository

    for path in create_repository(Path(args.directory)):
        print(path)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

