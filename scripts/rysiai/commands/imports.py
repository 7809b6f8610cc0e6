"""The `import` commands: vCards and tables, reported first, written as new files only."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, collection_named, data_root, root_option


def add_parsers(commands) -> None:
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
        "iPhone, Android, Mac, Evolution, Lotus Notes, BlackBerry, Thunderbird), values unescaped "
        "as RFC 6350 says (a TITLE or NOTE keeps its commas). Lists the new contacts and, under "
        "each, what went into its notes (further e-mails and phones, web addresses, addresses, "
        "departments, organisations not in the registry and any other value without a field); "
        "the possible duplicates of existing ones (same e-mail, phone or name; not written) and "
        "the cards it cannot use, with the reason. Pictures, keys and the address book's own "
        "entries are skipped and counted. Every contact written validates.",
    )
    import_vcard.add_argument("file", metavar="FILE", type=Path, help="the .vcf file")
    root_option(import_vcard)
    import_vcard.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    import_vcard.set_defaults(run=run_import_vcard)
    for kind in ("csv", "xlsx"):
        table_import = sources.add_parser(
            kind,
            help=f"records of one collection from a {kind.upper()} table",
            description=f"Records of one collection from a {kind.upper()} table: columns matched "
            "to fields by field name or Lithuanian title (any letter case, with or without "
            "diacritics) or by --map; `Vardas` and `Pavardė` columns make `name`; "
            + ("the encoding (UTF-8, UTF-8 with BOM, Windows-1257) and the separator (`,` or `;`) "
               "are found by themselves. " if kind == "csv" else
               "the first sheet is read as a stream; a formula gives the value Excel computed. ")
            + "Dates become YYYY-MM-DD, numbers their digits, taip/ne true/false, Lithuanian "
            "labels their values, phones E.164, and records named by their name their ids. Lists "
            "new records with what went into their notes and why, possible duplicates (not "
            "written) and rows it cannot use, with the reason. Every record written validates. "
            "At most 100,000 rows, 1,000 columns, 32,767 characters a cell and 200 MB (unpacked).",
        )
        table_import.add_argument("file", metavar="FILE", type=Path, help=f"the .{kind} file")
        table_import.add_argument("--collection", required=True, metavar="NAME", help="the collection, e.g. contacts")
        table_import.add_argument(
            "--map", metavar="SRC=field,...", default="",
            help="match columns by hand: the column's header text = the field name; "
            "`Vardas+Pavardė=name` joins two columns with a space",
        )
        root_option(table_import)
        table_import.add_argument("--dry-run", action="store_true", help="report only; write nothing")
        table_import.set_defaults(run=run_import_table, kind=kind)


def run_import_vcard(args: argparse.Namespace) -> int:
    from ..imports.contacts import plan_contacts
    from ..imports.vcard_source import read_vcards
    from ..repository import load_repository

    repository = load_repository(data_root(args))
    plan = plan_contacts(repository, read_vcards(_read(args.file)), args.file.name)
    return _carry_out(repository, plan, "Cards", args.dry_run)


def run_import_table(args: argparse.Namespace) -> int:
    from ..imports.columns import parse_map
    from ..imports.table_files import read_csv_table, read_xlsx_table
    from ..imports.tables import plan_rows
    from ..repository import load_repository

    repository = load_repository(data_root(args))
    collection = collection_named(repository, args.collection)
    mapping = parse_map(args.map)
    _read(args.file, size_only=True)
    table = read_csv_table(args.file) if args.kind == "csv" else read_xlsx_table(args.file)
    plan, unmatched, matched = plan_rows(repository, collection, table, mapping, args.file.name)
    if args.kind == "csv":
        print(f"Read as {table.encoding}, cells separated by `{table.delimiter}`.")
    for line in matched:
        print(f"Columns joined: {line}.")
    if unmatched:
        print("Columns matching no field (their values go into the notes): " + ", ".join(unmatched))
    return _carry_out(repository, plan, "Rows", args.dry_run)


def _read(path: Path, size_only: bool = False) -> bytes:
    from ..errors import RysiaiError

    try:
        if size_only:
            path.stat()
            return b""
        return path.read_bytes()
    except OSError as error:
        raise RysiaiError(f"{path}: cannot be read: {error.strerror}") from None


def _carry_out(repository, plan, units: str, dry_run: bool) -> int:
    from ..imports.plan import write_plan
    from ..imports.settling import settle
    from ..loading.record import LABEL_FIELDS
    from ..validate import check_repository

    collection = plan.collection
    settle(repository, plan, check_repository)

    def label(values: dict) -> str:
        return next((values[name] for name in LABEL_FIELDS if values.get(name)), "")

    print(f"New records ({len(plan.new)}):")
    for record_id, values in plan.new:
        print(f"  {collection}/{record_id}.yaml  {_shown(label(values))}")
        for remark in plan.remarks.get(record_id, []):
            print(f"    {_shown(remark)}")
    if plan.duplicates:
        print(f"Possible duplicates, not written ({len(plan.duplicates)}):")
        for what, existing, why in plan.duplicates:
            print(f"  {_shown(what)}: {why} as `{existing}`")
    if plan.unusable:
        print(f"{units} not used ({len(plan.unusable)}):")
        for what, why in plan.unusable:
            print(f"  {_shown(what)}: {_shown(why)}")
    pictures = {kind: count for kind, count in plan.skipped.items() if kind != "bookkeeping"}
    for kind, count in sorted(pictures.items()):
        print(f"Skipped: {count} {kind} (pictures and keys are not kept)")
    if plan.skipped.get("bookkeeping"):
        print(f"Skipped: {plan.skipped['bookkeeping']} of the address book's own entries "
              "(program, ids, revisions, sort keys)")
    if dry_run:
        print("Dry run: nothing written.")
        return EXIT_OK
    written = write_plan(repository, plan)
    print(f"Written: {len(written)} file(s).")
    return EXIT_OK


def _shown(text: str) -> str:
    """Text from an imported file, with control characters shown escaped (`\\x1b`), so that
    none can move the cursor, recolour or clear the terminal, or split a line of the plan."""
    return "".join(
        character if character.isprintable() else character.encode("unicode_escape").decode("ascii")
        for character in text
    )
