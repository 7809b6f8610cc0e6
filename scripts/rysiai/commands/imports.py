"""The `import` commands: vCards and tables, reported first, written as new files only."""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path

from ..language import N_, _, ngettext
from .common import (
    EXIT_OK,
    apply_change,
    collection_named,
    data_root,
    root_option,
    writing_to,
)


def add_parsers(commands) -> None:
    imports = commands.add_parser(
        "import",
        help=_("bring records in from other programs"),
        description=_("Bring records in from other programs. Each import first reports what it "
        "would do, writes only new files, and never replaces one."),
    )
    sources = imports.add_subparsers(title=_("formats"), metavar=_("FORMAT"), required=True)
    import_vcard = sources.add_parser(
        "vcard",
        help=_("contacts from a .vcf file (vCard 2.1, 3.0, 4.0)"),
        description=_("Contacts from a .vcf file as address books write them (Outlook, Gmail, "
        "iPhone, Android, Mac, Evolution, Lotus Notes, BlackBerry, Thunderbird), values unescaped "
        "as RFC 6350 says (a TITLE or NOTE keeps its commas). Lists the new contacts and, under "
        "each, what went into its notes (further e-mails and phones, web addresses, addresses, "
        "departments, organisations not in the registry and any other value without a field); "
        "the possible duplicates of existing ones (same e-mail, phone or name; not written) and "
        "the cards it cannot use, with the reason. Pictures, keys and the address book's own "
        "entries are skipped and counted. Every contact written validates."),
    )
    import_vcard.add_argument("file", metavar=_("FILE"), type=Path, help=_("the .vcf file"))
    root_option(import_vcard)
    import_vcard.add_argument("--dry-run", action="store_true", help=_("report only; write nothing"))
    import_vcard.set_defaults(run=run_import_vcard)
    for kind in ("csv", "xlsx"):
        table_import = sources.add_parser(
            kind,
            help=_("records of one collection from a {kind} table").format(kind=kind.upper()),
            description=_("Records of one collection from a {kind} table: columns matched "
            "to fields by field name or Lithuanian title (any letter case, with or without "
            "diacritics) or by --map; `Vardas` and `Pavardė` columns make `name`; {reading} "
            "Dates become YYYY-MM-DD, numbers their digits, taip/ne true/false, Lithuanian "
            "labels their values, phones E.164, and records named by their name their ids. Lists "
            "new records with what went into their notes and why, possible duplicates (not "
            "written) and rows it cannot use, with the reason. Every record written validates. "
            "At most 100,000 rows, 1,000 columns, 32,767 characters a cell and 200 MB (unpacked).").format(
                kind=kind.upper(),
                reading=_("the encoding (UTF-8, UTF-8 with BOM, Windows-1257) and the separator (`,` or `;`) "
                          "are found by themselves.") if kind == "csv" else
                _("the first sheet is read as a stream; a formula gives the value Excel computed."),
            ),
        )
        table_import.add_argument("file", metavar=_("FILE"), type=Path, help=_("the .{kind} file").format(kind=kind))
        table_import.add_argument("--collection", required=True, metavar=_("NAME"), help=_("the collection, e.g. contacts"))
        table_import.add_argument(
            "--map", metavar=_("SRC=field,..."), default="",
            help=_("match columns by hand: the column's header text = the field name; "
            "`Vardas+Pavardė=name` joins two columns with a space"),
        )
        root_option(table_import)
        table_import.add_argument("--dry-run", action="store_true", help=_("report only; write nothing"))
        table_import.set_defaults(run=run_import_table, kind=kind)


def run_import_vcard(args: argparse.Namespace) -> int:
    from ..imports.contacts import plan_contacts
    from ..imports.vcard_source import read_vcards
    from ..repository import load_repository

    cards = read_vcards(_read(args.file))
    with _writer_unless_dry_run(args) as writer:  # read under the lock: the ids chosen stay free
        repository = load_repository(data_root(args))
        plan = plan_contacts(repository, cards, args.file.name)
        return _carry_out(writer, repository, plan, _("Cards not used ({n}):"))


def run_import_table(args: argparse.Namespace) -> int:
    from ..imports.columns import parse_map
    from ..imports.table_files import read_csv_table, read_xlsx_table
    from ..imports.tables import plan_rows
    from ..repository import load_repository

    mapping = parse_map(args.map)
    _read(args.file, size_only=True)
    table = read_csv_table(args.file) if args.kind == "csv" else read_xlsx_table(args.file)
    with _writer_unless_dry_run(args) as writer:  # read under the lock: the ids chosen stay free
        repository = load_repository(data_root(args))
        collection = collection_named(repository, args.collection)
        plan, unmatched, matched = plan_rows(repository, collection, table, mapping, args.file.name)
        if args.kind == "csv":
            print(_("Read as {encoding}, cells separated by `{delimiter}`.").format(encoding=table.encoding, delimiter=table.delimiter))
        for line in matched:
            print(_("Columns joined: {line}.").format(line=line))
        if unmatched:
            print(_("Columns matching no field (their values go into the notes): {columns}").format(columns=", ".join(unmatched)))
        return _carry_out(writer, repository, plan, _("Rows not used ({n}):"))


# A possible duplicate, by what it shares with the record already there (imports/plan.py's SAME).
DUPLICATE = {
    "e-mail": N_("{what}: the same e-mail as `{existing}`"),
    "phone": N_("{what}: the same phone as `{existing}`"),
    "name": N_("{what}: the same name as `{existing}`"),
}
# What a vCard holds that is not kept, counted.
SKIPPED = {
    "photo": lambda count: ngettext("Skipped: {count} photo (pictures and keys are not kept)",
                                    "Skipped: {count} photos (pictures and keys are not kept)", count),
    "logo": lambda count: ngettext("Skipped: {count} logo (pictures and keys are not kept)",
                                   "Skipped: {count} logos (pictures and keys are not kept)", count),
    "sound": lambda count: ngettext("Skipped: {count} sound (pictures and keys are not kept)",
                                    "Skipped: {count} sounds (pictures and keys are not kept)", count),
    "key": lambda count: ngettext("Skipped: {count} key (pictures and keys are not kept)",
                                  "Skipped: {count} keys (pictures and keys are not kept)", count),
}


def _writer_unless_dry_run(args: argparse.Namespace):
    return nullcontext() if args.dry_run else writing_to(args)


def _read(path: Path, size_only: bool = False) -> bytes:
    from ..errors import RysiaiError
    from ..language import system_problem

    try:
        if size_only:
            path.stat()
            return b""
        return path.read_bytes()
    except OSError as error:
        raise RysiaiError(_("{path}: cannot be read: {problem}").format(path=path, problem=system_problem(error))) from None


def _carry_out(writer, repository, plan, units: str) -> int:
    """Report the plan; with a writer (not a dry run), write its new files all at once."""
    from ..editing.change_set import ChangeSet
    from ..imports.plan import new_files
    from ..imports.settling import settle
    from ..loading.record import LABEL_FIELDS
    from ..validate import check_repository

    collection = plan.collection
    settle(repository, plan, check_repository)

    def label(values: dict) -> str:
        return next((values[name] for name in LABEL_FIELDS if values.get(name)), "")

    print(_("New records ({n}):").format(n=len(plan.new)))
    for record_id, values in plan.new:
        print(f"  {collection}/{record_id}.yaml  {_shown(label(values))}")
        for remark in plan.remarks.get(record_id, []):
            print(f"    {_shown(remark)}")
    if plan.duplicates:
        print(_("Possible duplicates, not written ({n}):").format(n=len(plan.duplicates)))
        for what, existing, same in plan.duplicates:
            print("  " + _(DUPLICATE[same]).format(what=_shown(what), existing=existing))
    if plan.unusable:
        print(units.format(n=len(plan.unusable)))
        for what, why in plan.unusable:
            print(f"  {_shown(what)}: {_shown(why)}")
    pictures = {kind: count for kind, count in plan.skipped.items() if kind != "bookkeeping"}
    for kind, count in sorted(pictures.items()):
        print(SKIPPED[kind](count).format(count=count))
    if plan.skipped.get("bookkeeping"):
        print(_("Skipped: {count} of the address book's own entries (program, ids, revisions, sort keys)")
              .format(count=plan.skipped["bookkeeping"]))
    if writer is None:
        print(_("Dry run: nothing written."))
        return EXIT_OK
    change_set = ChangeSet(repository.root)
    for path, content in new_files(repository, plan):
        change_set.create(path, content)
    written = apply_change(writer, change_set)
    print(ngettext("Written: {n} file.", "Written: {n} files.", len(written)).format(n=len(written)))
    return EXIT_OK


def _shown(text: str) -> str:
    """Text from an imported file, with control characters shown escaped (`\\x1b`), so that
    none can move the cursor, recolour or clear the terminal, or split a line of the plan."""
    return "".join(
        character if character.isprintable() else character.encode("unicode_escape").decode("ascii")
        for character in text
    )
