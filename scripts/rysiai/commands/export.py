"""The `export` commands: the data package, tables, vCards, calendar feeds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..language import _, ngettext
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    collection_named,
    data_root,
    print_report,
    root_option,
)


def add_parsers(commands) -> None:
    export = commands.add_parser(
        "export",
        help=_("write the records in another format"),
        description=_("Write the records of the data repository in another format. Every format "
                      "refuses data with errors: a value with an error would be missing from it."),
    )
    formats = export.add_subparsers(title=_("formats"), metavar=_("FORMAT"), required=True)
    datapackage = formats.add_parser(
        "datapackage",
        help=_("a Frictionless data package: datapackage.json and one CSV per collection"),
        description=_("Write DIR/datapackage.json and one CSV per collection, with values as "
        "validated (phones in E.164). Refuses when the data has errors, and never overwrites "
        "existing files unless --force is given."),
    )
    root_option(datapackage)
    datapackage.add_argument("-o", "--output", required=True, metavar=_("DIR"), help=_("folder to write"))
    datapackage.add_argument(
        "--force", action="store_true", help=_("overwrite files of an earlier export in DIR")
    )
    datapackage.set_defaults(run=run_export_datapackage)
    table_csv = formats.add_parser(
        "csv",
        help=_("one collection as a CSV table for Excel"),
        description=_("One collection as a CSV table: Lithuanian column titles from the schema, "
        "UTF-8 with a byte-order mark (Excel shows ą, č, š… as they are), lists joined with `; `. "
        "Cells starting with =, +, -, @ are prefixed with ' so that a spreadsheet never runs them."),
    )
    root_option(table_csv)
    table_csv.add_argument("--collection", required=True, metavar=_("NAME"), help=_("the collection, e.g. contacts"))
    table_csv.add_argument("-o", "--output", metavar=_("FILE"), type=Path, help=_("file to write (default: standard output)"))
    table_csv.add_argument("--delimiter", default=",", choices=(",", ";"),
                           help=_("cell separator (default `,`; Lithuanian Excel expects `;`)"))
    table_csv.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    table_csv.set_defaults(run=run_export_csv)
    table_xlsx = formats.add_parser(
        "xlsx",
        help=_("collections as an Excel workbook"),
        description=_("An Excel workbook with one sheet per collection (or only --collection): "
        "Lithuanian column titles, header row frozen, columns sized, every cell text."),
    )
    root_option(table_xlsx)
    table_xlsx.add_argument("--collection", metavar=_("NAME"), help=_("only this collection"))
    table_xlsx.add_argument("-o", "--output", required=True, metavar=_("FILE"), type=Path, help=_("the .xlsx file to write"))
    table_xlsx.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    table_xlsx.set_defaults(run=run_export_xlsx)
    vcard = formats.add_parser(
        "vcard",
        help=_("contacts as vCards for phones and address books"),
        description=_("All contacts, or one organisation's people, or those marked with a tag, as "
        "vCard 3.0 (Outlook, Google Contacts, phones): name, organisation, position, e-mail, phone "
        "in E.164, tags, notes, and a UID made from the record's id. Written to standard output or "
        "to FILE, which is never replaced unless --force is given."),
    )
    root_option(vcard)
    vcard.add_argument("--organization", metavar=_("ID"), help=_("only the people of this partner or association"))
    vcard.add_argument("--tag", metavar=_("TAG"),
                       help=_("only the people marked with TAG, or working at an organisation marked "
                       "with it (a media list: --tag žiniasklaida)"))
    vcard.add_argument("-o", "--output", metavar=_("FILE"), type=Path, help=_("file to write (default: standard output)"))
    vcard.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    vcard.set_defaults(run=run_export_vcard)
    mailing = formats.add_parser(
        "mailing",
        help=_("names and e-mails of the people with a tag, for a mail merge"),
        description=_("A CSV table (UTF-8 with a byte-order mark) of the people marked with TAG, or "
        "working at an organisation marked with it: name, e-mail, organisation, position, in "
        "Lithuanian order of names, for a mail merge in Word or Outlook (a media list: --tag "
        "žiniasklaida). People without an e-mail are left out and named on standard error. "
        "Written to standard output or to FILE, which is never replaced unless --force is given."),
    )
    root_option(mailing)
    mailing.add_argument("--tag", required=True, metavar=_("TAG"), help=_("the tag, e.g. žiniasklaida (letter case aside)"))
    mailing.add_argument("-o", "--output", metavar=_("FILE"), type=Path, help=_("file to write (default: standard output)"))
    mailing.add_argument("--delimiter", default=",", choices=(",", ";"),
                         help=_("cell separator (default `,`; Lithuanian Excel expects `;`)"))
    mailing.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    mailing.set_defaults(run=run_export_mailing)
    ics = formats.add_parser(
        "ics",
        help=_("calendar feeds (iCalendar): visits, events, press, surveys, deadlines"),
        description=_("Write a calendar feed (iCalendar, RFC 5545): `calendar` (everything), one "
        "per calendar collection (`visits`, `events`, `interactions`, `press`, `surveys`) or "
        "`deadlines` (requests waiting for an answer, follow-ups and milestones not done). Each entry's UID comes from its record's id, so a subscribed calendar is updated, "
        "not filled twice. Written to standard output, or to FILE, which is never overwritten "
        "unless --force is given."),
    )
    root_option(ics)
    ics.add_argument("-o", "--output", metavar=_("FILE"), type=Path, help=_("file to write (default: standard output)"))
    ics.add_argument("--feed", default="calendar",
                     help=_("which feed: calendar (everything, the default), one calendar collection "
                     "(visits, events, interactions, press, surveys) or deadlines"))
    ics.add_argument("--site-url", metavar=_("URL"), default="",
                     help=_("the site's address, for each entry's link to its record page"))
    ics.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    ics.set_defaults(run=run_export_ics)



def checked_repository(args: argparse.Namespace):
    """The data repository, if it has no errors; else None, its findings printed.

    A value with an error is left out of the typed record (a date that is no date, a control
    character): exported, it would be missing without a word, so nothing is exported.
    """
    from ..repository import load_repository
    from ..validate import check_repository

    repository = load_repository(data_root(args))
    report = check_repository(repository)
    if not report.valid:
        print_report(report, "text")
        print(_("rysiai: nothing exported: fix the errors above first"), file=sys.stderr)
        return None
    return repository


def run_export_datapackage(args: argparse.Namespace) -> int:
    from ..export.datapackage import export_datapackage

    repository = checked_repository(args)
    if repository is None:
        return EXIT_FINDINGS
    written = export_datapackage(repository, args.output, overwrite=args.force)
    for path in written:
        print(path)
    return EXIT_OK



def deliver(args: argparse.Namespace, data: bytes) -> int:
    """To standard output, or to -o FILE, never replacing a file unless --force is given."""
    from ..export.files import refuse_overwrite

    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    refuse_overwrite([args.output], overwrite=args.force)
    args.output.write_bytes(data)
    print(args.output)
    return EXIT_OK


def run_export_csv(args: argparse.Namespace) -> int:
    from ..export.tables import csv_bytes, table

    repository = checked_repository(args)
    if repository is None:
        return EXIT_FINDINGS
    headers, rows = table(repository, collection_named(repository, args.collection))
    return deliver(args, csv_bytes(headers, rows, args.delimiter))


def run_export_xlsx(args: argparse.Namespace) -> int:
    from ..export.files import refuse_overwrite
    from ..export.tables import table, write_xlsx

    repository = checked_repository(args)
    if repository is None:
        return EXIT_FINDINGS
    names = [args.collection] if args.collection else list(repository.schema.collections)
    collections = [collection_named(repository, name) for name in names]
    refuse_overwrite([args.output], overwrite=args.force)
    write_xlsx(args.output, [(c.title, *table(repository, c)) for c in collections])
    print(args.output)
    return EXIT_OK


def run_export_vcard(args: argparse.Namespace) -> int:
    from ..errors import RysiaiError
    from ..export.vcards import contacts_of, vcards

    repository = checked_repository(args)
    if repository is None:
        return EXIT_FINDINGS
    if args.organization and args.organization not in repository.by_id:
        raise RysiaiError(_("there is no record `{id}`").format(id=args.organization))
    chosen = contacts_of(repository, args.organization, args.tag)
    if args.tag is not None and not chosen:
        raise RysiaiError(_("no one is marked with the tag `{tag}` (nor works at an organisation marked with it)").format(tag=args.tag))
    return deliver(args, vcards(repository, chosen).encode("utf-8"))


def run_export_mailing(args: argparse.Namespace) -> int:
    from ..errors import RysiaiError
    from ..export.mailing import mailing_headers, mailing_list
    from ..export.tables import csv_bytes

    repository = checked_repository(args)
    if repository is None:
        return EXIT_FINDINGS
    rows, without = mailing_list(repository, args.tag)
    if not rows and not without:
        raise RysiaiError(_("no one is marked with the tag `{tag}` (nor works at an organisation marked with it)").format(tag=args.tag))
    code = deliver(args, csv_bytes(mailing_headers(repository), rows, args.delimiter))
    if without:
        names = ", ".join(f"{person.label} ({person.path})" for person in without)
        message = ngettext(
            "rysiai: {count} person with the tag has no e-mail and is left out: {names}",
            "rysiai: {count} people with the tag have no e-mail and are left out: {names}", len(without),
        )
        print(message.format(count=len(without), names=names), file=sys.stderr)
    return code


def run_export_ics(args: argparse.Namespace) -> int:
    from ..errors import RysiaiError
    from ..export.calendar import calendar_feed
    from ..kinds.calendar import feeds

    repository = checked_repository(args)
    if repository is None:
        return EXIT_FINDINGS
    if args.feed not in feeds(repository.schema):
        raise RysiaiError(_("there is no feed `{feed}`; the feeds are: {feeds}").format(feed=args.feed, feeds=", ".join(feeds(repository.schema))))
    return deliver(args, calendar_feed(repository, args.feed, site_url=args.site_url))


