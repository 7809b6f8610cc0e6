"""What the commands share: options defined once, the data repository, exit codes, reports."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..findings import Report
from ..findings.wording import finding_line
from ..language import _, ngettext

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2


def root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        metavar=_("DIR"),
        type=Path,
        help=_("the data repository (default: the nearest folder upward holding datapackage.yaml)"),
    )


def format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("output format (default: text)")
    )


def date_argument(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a date written YYYY-MM-DD: {text!r}").format(text=text)) from None


def data_root(args: argparse.Namespace) -> Path:
    from ..repository import find_root

    return args.root.resolve() if args.root else find_root()



def print_report(report: Report, output_format: str) -> None:
    if output_format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    for finding in report.sorted():
        print(finding_line(finding))
    print(summary(report), file=sys.stderr)


def summary(report: Report) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    if not errors and not warnings:
        return _("No problems found.")
    return "{errors}, {warnings}.".format(
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
    )



def collection_named(repository, name: str):
    from ..errors import RysiaiError

    if name not in repository.schema.collections:
        known = ", ".join(repository.schema.collections)
        raise RysiaiError(_("there is no collection `{name}`; the collections are: {known}").format(name=name, known=known))
    return repository.schema.collections[name]


