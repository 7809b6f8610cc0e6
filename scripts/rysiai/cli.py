"""The `rysiai` command: parses arguments, calls the library, prints, returns an exit code.

Exit codes: 0 done (no errors), 1 the data has errors (or warnings under --strict),
2 the command could not run (bad arguments, no data repository, a file in the way).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from . import __version__
from .commands import agenda as agenda_commands
from .commands import editing as editing_commands
from .commands import export as export_commands
from .commands import imports as import_commands
from .commands import new_repository as new_repository_commands
from .commands import personal_data as personal_data_commands
from .commands import site as site_commands
from .commands import validation as validation_commands
from .commands.common import EXIT_CANNOT_RUN
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

    for family in (
        validation_commands, export_commands, agenda_commands, import_commands, site_commands,
        editing_commands, personal_data_commands, new_repository_commands,
    ):
        family.add_parsers(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())
