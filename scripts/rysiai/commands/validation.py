"""`rysiai validate`: check every record against datapackage.yaml."""

from __future__ import annotations

import argparse

from ..language import _
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    data_root,
    format_option,
    print_report,
    root_option,
)


def add_parsers(commands) -> None:
    validate = commands.add_parser(
        "validate",
        help=_("check every record against datapackage.yaml"),
        description=_("Check every record of the data repository against its schema "
        "(datapackage.yaml). Prints one line per finding: PATH:LINE: error|warning: [code] message. "
        "Exit 0: no errors; 1: errors (or warnings with --strict); 2: could not run."),
    )
    root_option(validate)
    format_option(validate)
    validate.add_argument(
        "--strict", action="store_true", help=_("treat warnings as errors (exit 1 on any finding)")
    )
    validate.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    from ..validate import validate

    report = validate(data_root(args))
    print_report(report, args.format)
    failed = not report.valid or (args.strict and report.findings)
    return EXIT_FINDINGS if failed else EXIT_OK
