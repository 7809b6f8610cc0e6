"""The `rysiai` command: parses arguments, calls the library, prints, returns an exit code.

Exit codes: 0 done (no errors), 1 the data has errors (or warnings under --strict),
2 the command could not run (bad arguments, no data repository, a file in the way).
"""

from __future__ import annotations

import argparse
import atexit
import os
import shlex
import sys
import threading
import traceback

from . import __version__
from .commands import agenda as agenda_commands
from .commands import brief as brief_commands
from .commands import editing as editing_commands
from .commands import editor as editor_commands
from .commands import export as export_commands
from .commands import imports as import_commands
from .commands import new_repository as new_repository_commands
from .commands import personal_data as personal_data_commands
from .commands import report as report_commands
from .commands import site as site_commands
from .commands import validation as validation_commands
from .commands.common import EXIT_CANNOT_RUN
from .errors import RysiaiError
from .language import LANGUAGES, _, ngettext, system_problem, use_language


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    asked = _language_asked(argv)
    use_language(asked)
    if asked:  # understood wherever it stands, also after the command's name
        argv = [word for i, word in enumerate(argv) if not _is_language_option(argv, i)]
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and the problem
        return int(exit_.code or 0)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_CANNOT_RUN
    # Who holds the lock of a data repository is told by the command line it was taken for.
    args.command_line = shlex.join(["rysiai", *argv])
    try:
        return args.run(args)
    except RysiaiError as error:
        print(_("rysiai: error: {problem}").format(problem=error), file=sys.stderr)
        return EXIT_CANNOT_RUN
    except OSError as error:  # a folder or file the command needs cannot be made or read
        where = f"{error.filename}: " if error.filename else ""
        print(_("rysiai: error: {problem}").format(problem=f"{where}{system_problem(error)}"), file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print(_("rysiai: interrupted"), file=sys.stderr)
        return EXIT_CANNOT_RUN
    except Exception as error:  # a bug: say so in one line, never a bare traceback
        if os.environ.get("RYSIAI_DEBUG"):
            traceback.print_exc()
        print(
            _("rysiai: internal error ({kind}: {error}); this is a bug in Ryšiai, not in your data. "
              "Run again with RYSIAI_DEBUG=1 to see the details for a report.").format(
                kind=type(error).__name__, error=error),
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN


def _is_language_option(argv: list[str], index: int) -> bool:
    word = argv[index]
    return word == "--lang" or word.startswith("--lang=") or (index > 0 and argv[index - 1] == "--lang")


def _language_asked(argv: list[str]) -> str | None:
    """The language `--lang` asks for, read before the parser is made: its help is worded in it."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if word.startswith("--lang=") and word.removeprefix("--lang=") in LANGUAGES:
            return word.removeprefix("--lang=")
    return None


def build_parser() -> argparse.ArgumentParser:
    # argparse's own words (usage, options, its errors) through the same catalogue.
    argparse._ = _
    argparse.ngettext = ngettext
    parser = argparse.ArgumentParser(
        prog="rysiai",
        description=_("Ryšiai: the external-relations registry of a municipality, kept in git."),
    )
    parser.add_argument("--version", action="version", version=f"rysiai {__version__}", help=_("show the version and exit"))
    parser.add_argument(
        "--lang", choices=LANGUAGES, help=_("the language of messages: lt (the default) or en; "
                                            "also set by LANG=en…"),
    )
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))

    for family in (
        validation_commands, export_commands, agenda_commands, brief_commands, import_commands,
        site_commands, editing_commands, editor_commands, personal_data_commands, new_repository_commands,
        report_commands,
    ):
        family.add_parsers(commands)
    return parser


def run() -> None:
    """The installed `rysiai` command: main(), then an end without freeing memory object by object."""
    code = main()
    if any(thread.is_alive() and not thread.daemon for thread in threading.enumerate() if thread is not threading.main_thread()):
        sys.exit(code)  # (a thread still at work is waited for, as usual)
    # At its end, Python frees every object one by one: 1.3 s after a build of 10,000 records,
    # for memory the system takes back at once. The exit handlers (temporary folders, logging,
    # pools) still run, and what is printed is flushed.
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # its reader has gone (`rysiai … | head`): nothing is waiting for the rest
        pass
    except OSError as error:  # a full disk, say: the output is not all there, and that is said
        print(_("rysiai: error: the output could not be written in full: {problem}").format(problem=system_problem(error)),
              file=sys.stderr)
        code = EXIT_CANNOT_RUN
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
