"""What the commands share: options defined once, the data repository, exit codes, reports."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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



@contextmanager
def writing_to(args: argparse.Namespace) -> Iterator:
    """The data repository's lock, for a command that writes (a second one waits a few seconds,
    then says who holds it); a change that was interrupted is finished first, and said so."""
    from ..editing.change_set import writing

    with writing(data_root(args), args.command_line) as writer:
        for recovery in writer.recovered:
            print(_("rysiai: {what}").format(what=recovery.describe()), file=sys.stderr)
        yield writer


def apply_change(writer, change_set) -> list[Path]:
    """Write ``change_set``, all of it or nothing, after naming the files it touches that have
    uncommitted changes of their own (they are changed all the same)."""
    from ..editing.dirty_tree import uncommitted_changes

    dirty = uncommitted_changes(writer.root, change_set.paths)
    if dirty:
        names = ", ".join(path.relative_to(writer.root).as_posix() for path in dirty)
        print(ngettext(
            "rysiai: note: {names} had uncommitted changes of its own; this change is made on top of "
            "them (`git diff` shows both)",
            "rysiai: note: {names} had uncommitted changes of their own; this change is made on top of "
            "them (`git diff` shows both)", len(dirty)).format(names=names), file=sys.stderr)
    return writer.apply(change_set)


def print_report(report: Report, output_format: str) -> None:
    if output_format == "json":
        print(json_text(report.to_dict()))
        return
    for finding in report.sorted():
        print(finding_line(finding))
    print(summary(report), file=sys.stderr)


# A file name that is not UTF-8 comes through as lone surrogates (Python's surrogateescape),
# which no UTF-8 output can hold; JSON writes them as \u escapes.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(data) -> str:
    """JSON as Ryšiai prints it: UTF-8 text, indented; a file name that is not UTF-8 escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


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


