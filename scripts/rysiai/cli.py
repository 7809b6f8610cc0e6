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
from .errors import RysiaiError
from .findings import Report

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and the problem
        return int(exit_.code or 0)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_CANNOT_RUN
    if args.run is not run_serve:
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
    _root_option(validate)
    _format_option(validate)
    validate.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on any finding)"
    )
    validate.set_defaults(run=run_validate)

    export = commands.add_parser(
        "export",
        help="write the records in another format",
        description="Write the records of the data repository in another format.",
    )
    formats = export.add_subparsers(title="formats", metavar="FORMAT", required=True)
    datapackage = formats.add_parser(
        "datapackage",
        help="a Frictionless data package: datapackage.json and one CSV per collection",
        description="Write DIR/datapackage.json and one CSV per collection, with values as "
        "validated (phones in E.164). Refuses when the data has errors, and never overwrites "
        "existing files unless --force is given.",
    )
    _root_option(datapackage)
    datapackage.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write")
    datapackage.add_argument(
        "--force", action="store_true", help="overwrite files of an earlier export in DIR"
    )
    datapackage.set_defaults(run=run_export_datapackage)
    table_csv = formats.add_parser(
        "csv",
        help="one collection as a CSV table for Excel",
        description="One collection as a CSV table: Lithuanian column titles from the schema, "
        "UTF-8 with a byte-order mark (Excel shows ą, č, š… as they are), lists joined with `; `. "
        "Cells starting with =, +, -, @ are prefixed with ' so that a spreadsheet never runs them.",
    )
    _root_option(table_csv)
    table_csv.add_argument("--collection", required=True, metavar="NAME", help="the collection, e.g. contacts")
    table_csv.add_argument("-o", "--output", metavar="FILE", type=Path, help="file to write (default: standard output)")
    table_csv.add_argument("--delimiter", default=",", choices=(",", ";"),
                           help="cell separator (default `,`; Lithuanian Excel expects `;`)")
    table_csv.add_argument("--force", action="store_true", help="replace FILE if it exists")
    table_csv.set_defaults(run=run_export_csv)
    table_xlsx = formats.add_parser(
        "xlsx",
        help="collections as an Excel workbook",
        description="An Excel workbook with one sheet per collection (or only --collection): "
        "Lithuanian column titles, header row frozen, columns sized, every cell text.",
    )
    _root_option(table_xlsx)
    table_xlsx.add_argument("--collection", metavar="NAME", help="only this collection")
    table_xlsx.add_argument("-o", "--output", required=True, metavar="FILE", type=Path, help="the .xlsx file to write")
    table_xlsx.add_argument("--force", action="store_true", help="replace FILE if it exists")
    table_xlsx.set_defaults(run=run_export_xlsx)
    vcard = formats.add_parser(
        "vcard",
        help="contacts as vCards for phones and address books",
        description="All contacts, or one organisation's people, as vCard 3.0 (Outlook, Google "
        "Contacts, phones): name, organisation, position, e-mail, phone in E.164, tags, notes, "
        "and a UID made from the record's id. Written to standard output or to FILE, which is "
        "never replaced unless --force is given.",
    )
    _root_option(vcard)
    vcard.add_argument("--organization", metavar="ID", help="only the people of this partner or association")
    vcard.add_argument("-o", "--output", metavar="FILE", type=Path, help="file to write (default: standard output)")
    vcard.add_argument("--force", action="store_true", help="replace FILE if it exists")
    vcard.set_defaults(run=run_export_vcard)
    ics = formats.add_parser(
        "ics",
        help="calendar feeds (iCalendar): visits, events, reply deadlines",
        description="Write a calendar feed (iCalendar, RFC 5545): `calendar` (everything), "
        "`visits`, `events` or `deadlines` (requests waiting for an answer and follow-ups not "
        "done). Each entry's UID comes from its record's id, so a subscribed calendar is updated, "
        "not filled twice. Written to standard output, or to FILE, which is never overwritten "
        "unless --force is given.",
    )
    _root_option(ics)
    ics.add_argument("-o", "--output", metavar="FILE", type=Path, help="file to write (default: standard output)")
    ics.add_argument("--feed", choices=("calendar", "visits", "events", "deadlines"), default="calendar",
                     help="which feed (default: calendar, everything)")
    ics.add_argument("--site-url", metavar="URL", default="",
                     help="the site's address, for each entry's link to its record page")
    ics.add_argument("--force", action="store_true", help="replace FILE if it exists")
    ics.set_defaults(run=run_export_ics)

    agenda = commands.add_parser(
        "agenda",
        help="list what is overdue, due soon and coming",
        description="List, in this order: overdue requests and follow-ups (days overdue), those "
        "due within DAYS days, visits and events within DAYS days, agreement anniversaries this "
        "year (every 5 years since signing) and agreements expiring within 90 days, and records "
        "not reviewed for 24 months. Exit 0 (2 when it cannot run).",
    )
    _root_option(agenda)
    agenda.add_argument(
        "--today", metavar="YYYY-MM-DD", type=_date_argument,
        help="the day to count from (default: today), for a reproducible agenda",
    )
    agenda.add_argument(
        "--days", metavar="N", type=int, default=14, help="how far ahead to look (default: 14)"
    )
    _format_option(agenda)
    agenda.set_defaults(run=run_agenda)

    imports = commands.add_parser(
        "import",
        help="bring records in from other programs",
        description="Bring records in from other programs. Each import first reports what it "
        "would do, writes only new files, and never replaces one.",
    )
    sources = imports.add_subparsers(title="formats", metavar="FORMAT", required=True)
    import_vcard = sources.add_parser(
        "vcard",
        help="contacts from a .vcf file (vCard 2.1, 3.0, 4.0)",
        description="Contacts from a .vcf file as address books write them (Outlook, Gmail, "
        "iPhone, Android, Mac, Evolution, Lotus Notes, BlackBerry, Thunderbird). Lists the new "
        "contacts, the possible duplicates of existing ones (same e-mail, phone or name; not "
        "written) and the cards it cannot use, with the reason; photos are skipped. Further "
        "e-mails and phones, and organisations not in the registry, go into the notes.",
    )
    import_vcard.add_argument("file", metavar="FILE", type=Path, help="the .vcf file")
    _root_option(import_vcard)
    import_vcard.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    import_vcard.set_defaults(run=run_import_vcard)
    for kind in ("csv", "xlsx"):
        table_import = sources.add_parser(
            kind,
            help=f"records of one collection from a {kind.upper()} table",
            description=f"Records of one collection from a {kind.upper()} table: columns matched "
            "to fields by field name or Lithuanian title (any letter case) or by --map; "
            + ("the encoding (UTF-8, UTF-8 with BOM, Windows-1257) and the separator (`,` or `;`) "
               "are found by themselves; " if kind == "csv" else "the first sheet is read; ")
            + "phones normalised to E.164. Lists new records, possible duplicates (not written) "
            "and rows it cannot use; values that fit no field go into the notes.",
        )
        table_import.add_argument("file", metavar="FILE", type=Path, help=f"the .{kind} file")
        table_import.add_argument("--collection", required=True, metavar="NAME", help="the collection, e.g. contacts")
        table_import.add_argument(
            "--map", metavar="SRC=field,...", default="",
            help="match columns by hand: the column's header text = the field name",
        )
        _root_option(table_import)
        table_import.add_argument("--dry-run", action="store_true", help="report only; write nothing")
        table_import.set_defaults(run=run_import_table, kind=kind)

    build = commands.add_parser(
        "build",
        help="build the intranet site from the records",
        description="Build the site (mkdocs-material) from the records into SITE_DIR. Invalid data "
        "stops the build with the same lines `rysiai validate` prints (exit 1); the previous site "
        "stays in place, since a build replaces SITE_DIR only when it has succeeded.",
    )
    _root_option(build)
    build.add_argument(
        "-d", "--site-dir", metavar="SITE_DIR", type=Path, help="output folder (default: ROOT/site)"
    )
    build.set_defaults(run=run_build)

    serve = commands.add_parser(
        "serve",
        help="serve the site locally, rebuilding it when a record changes",
        description="Serve the site at http://ADDRESS/ with live reload: editing, adding or "
        "deleting a record file rebuilds the site and reloads the page.",
    )
    _root_option(serve)
    serve.add_argument(
        "-a", "--dev-addr", metavar="ADDRESS", default="127.0.0.1:8000",
        help="address to serve on (default: 127.0.0.1:8000)",
    )
    serve.set_defaults(run=run_serve)

    init = commands.add_parser(
        "init",
        help="create a new, empty data repository",
        description="Create a new, empty data repository in DIR: datapackage.yaml, mkdocs.yml, "
        "one folder per collection and a README. DIR must not hold a data repository already.",
    )
    init.add_argument("directory", metavar="DIR", help="folder to create (or an empty one)")
    init.set_defaults(run=run_init)
    return parser


def _root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        metavar="DIR",
        type=Path,
        help="the data repository (default: the nearest folder upward holding datapackage.yaml)",
    )


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )


def _date_argument(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date written YYYY-MM-DD: {text!r}") from None


def _root(args: argparse.Namespace) -> Path:
    from .repository import find_root

    return args.root.resolve() if args.root else find_root()


def run_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    report = validate(_root(args))
    print_report(report, args.format)
    failed = not report.valid or (args.strict and report.findings)
    return EXIT_FINDINGS if failed else EXIT_OK


def print_report(report: Report, output_format: str) -> None:
    if output_format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    for finding in report.sorted():
        print(finding.to_text())
    print(summary(report), file=sys.stderr)


def summary(report: Report) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    if not errors and not warnings:
        return "No problems found."
    return f"{_count(errors, 'error')}, {_count(warnings, 'warning')}."


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def run_export_datapackage(args: argparse.Namespace) -> int:
    from .export.datapackage import export_datapackage
    from .repository import load_repository
    from .validate import check_repository

    repository = load_repository(_root(args))
    report = check_repository(repository)
    if not report.valid:
        print_report(report, "text")
        print("rysiai: nothing exported: fix the errors above first", file=sys.stderr)
        return EXIT_FINDINGS
    written = export_datapackage(repository, args.output, overwrite=args.force)
    for path in written:
        print(path)
    return EXIT_OK


def run_agenda(args: argparse.Namespace) -> int:
    import datetime as dt

    from .agenda import SECTIONS, build_agenda
    from .repository import load_repository

    today = args.today or dt.date.today()
    items = build_agenda(load_repository(_root(args)), today, args.days)
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


def run_import_vcard(args: argparse.Namespace) -> int:
    import logging

    from .imports.contacts import plan_contacts
    from .imports.vcard_source import read_vcards
    from .repository import load_repository

    repository = load_repository(_root(args))
    logging.getLogger("vobject").setLevel(logging.CRITICAL)  # its line-by-line complaints
    plan = plan_contacts(repository, read_vcards(args.file.read_bytes()), args.file.name)
    return _carry_out(repository, plan, "contacts", "Cards", args.dry_run)


def run_import_table(args: argparse.Namespace) -> int:
    from .errors import RysiaiError
    from .imports.tables import plan_rows, read_csv_table, read_xlsx_table
    from .repository import load_repository

    repository = load_repository(_root(args))
    collection = _collection(repository, args.collection)
    mapping = {}
    for pair in filter(None, args.map.split(",")):
        source, equals, target = pair.partition("=")
        if not equals:
            raise RysiaiError(f"--map takes SRC=field pairs, not {pair!r}")
        mapping[source.strip()] = target.strip()
    if args.kind == "csv":
        header, rows, encoding, delimiter = read_csv_table(args.file.read_bytes())
        print(f"Read as {encoding}, cells separated by `{delimiter}`.")
    else:
        header, rows = read_xlsx_table(args.file)
    plan, unmatched = plan_rows(repository, collection, header, rows, mapping, args.file.name)
    if unmatched:
        print("Columns matching no field (their values go into the notes): " + ", ".join(unmatched))
    return _carry_out(repository, plan, collection.name, "Rows", args.dry_run)


def _carry_out(repository, plan, collection: str, units: str, dry_run: bool) -> int:
    from .imports.contacts import write_plan
    from .loading.record import LABEL_FIELDS

    def label(values: dict) -> str:
        return next((values[name] for name in LABEL_FIELDS if values.get(name)), "")

    print(f"New records ({len(plan.new)}):")
    for record_id, values in plan.new:
        print(f"  {collection}/{record_id}.yaml  {label(values)}")
    if plan.duplicates:
        print(f"Possible duplicates, not written ({len(plan.duplicates)}):")
        for what, existing, why in plan.duplicates:
            print(f"  {what}: {why} as `{existing}`")
    if plan.unusable:
        print(f"{units} not used ({len(plan.unusable)}):")
        for what, why in plan.unusable:
            print(f"  {what}: {why}")
    for kind, count in sorted(plan.skipped.items()):
        print(f"Skipped: {count} {kind} (pictures and keys are not kept)")
    if dry_run:
        print("Dry run: nothing written.")
        return EXIT_OK
    written = write_plan(repository, plan, collection)
    print(f"Written: {len(written)} file(s).")
    return EXIT_OK


def run_build(args: argparse.Namespace) -> int:
    from .site.build import build_site
    from .site.plugin import InvalidData

    root = _root(args)
    try:
        site_dir = build_site(root, args.site_dir or root / "site")
    except InvalidData as invalid:
        print_report(invalid.report, "text")
        print("rysiai: the site is not built: fix the errors above first", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"Site built in {site_dir}", file=sys.stderr)
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from .site.build import serve_site

    serve_site(_root(args), args.dev_addr)
    return EXIT_OK


def _collection(repository, name: str):
    from .errors import RysiaiError

    if name not in repository.schema.collections:
        known = ", ".join(repository.schema.collections)
        raise RysiaiError(f"there is no collection `{name}`; the collections are: {known}")
    return repository.schema.collections[name]


def run_export_csv(args: argparse.Namespace) -> int:
    from .export.files import refuse_overwrite
    from .export.tables import csv_bytes, table
    from .repository import load_repository

    repository = load_repository(_root(args))
    headers, rows = table(repository, _collection(repository, args.collection))
    data = csv_bytes(headers, rows, args.delimiter)
    if args.output is None:
        sys.stdout.buffer.write(data)
        return EXIT_OK
    refuse_overwrite([args.output], overwrite=args.force)
    args.output.write_bytes(data)
    print(args.output)
    return EXIT_OK


def run_export_xlsx(args: argparse.Namespace) -> int:
    from .export.files import refuse_overwrite
    from .export.tables import table, write_xlsx
    from .repository import load_repository

    repository = load_repository(_root(args))
    names = [args.collection] if args.collection else list(repository.schema.collections)
    collections = [_collection(repository, name) for name in names]
    refuse_overwrite([args.output], overwrite=args.force)
    write_xlsx(args.output, [(c.title, *table(repository, c)) for c in collections])
    print(args.output)
    return EXIT_OK


def run_export_vcard(args: argparse.Namespace) -> int:
    from .errors import RysiaiError
    from .export.files import refuse_overwrite
    from .export.vcards import contacts_of, vcards
    from .repository import load_repository

    repository = load_repository(_root(args))
    if args.organization and args.organization not in repository.by_id:
        raise RysiaiError(f"there is no record `{args.organization}`")
    text = vcards(repository, contacts_of(repository, args.organization))
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    refuse_overwrite([args.output], overwrite=args.force)
    args.output.write_text(text, encoding="utf-8", newline="")
    print(args.output)
    return EXIT_OK


def run_export_ics(args: argparse.Namespace) -> int:
    from .export.calendar import calendar_feed
    from .export.files import refuse_overwrite
    from .repository import load_repository

    feed = calendar_feed(load_repository(_root(args)), args.feed, site_url=args.site_url)
    if args.output is None:
        sys.stdout.write(feed.decode("utf-8"))
        return EXIT_OK
    refuse_overwrite([args.output], overwrite=args.force)
    args.output.write_bytes(feed)
    print(args.output)
    return EXIT_OK


def run_init(args: argparse.Namespace) -> int:
    from .scaffold import create_repository

    for path in create_repository(Path(args.directory)):
        print(path)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
