"""The commands that help edit records by hand: `new`, `log`, `mv`, `merge`, `fmt` and `schema`."""

from __future__ import annotations

import argparse
import sys

from ..errors import RysiaiError
from ..language import _, ngettext
from .common import (
    EXIT_OK,
    apply_change,
    data_root,
    date_argument,
    root_option,
    writing_to,
)


def add_parsers(commands) -> None:
    new = commands.add_parser(
        "new",
        help=_("start a new record file from the schema"),
        description=_("Write COLLECTION/ID.yaml for a new record: the fields given as field=value, "
        "the required ones left to fill, the others as comments, each with its Lithuanian title "
        "and description. Values are written as `rysiai fmt` would (a phone in E.164, a list "
        "field's items separated by `;` as a list). The id comes from NAME (Šilavoto bendruomenė → "
        "silavoto-bendruomene; a reserved id such as `index` or `con` becomes `COLLECTION-index`) "
        "or from id=...; an existing file is never replaced."),
    )
    new.add_argument("collection", metavar=_("COLLECTION"), help=_("e.g. contacts, partners"))
    new.add_argument("name", metavar=_("NAME"), nargs="?", help=_("the record's name, title or subject"))
    new.add_argument("values", metavar=_("field=value"), nargs="*", help=_("more fields to fill"))
    root_option(new)
    new.set_defaults(run=run_new)
    log = commands.add_parser(
        "log",
        help=_("write a call, letter or meeting into the interaction log"),
        description=_("Write one entry of the interaction log (the collection whose kind in "
        "datapackage.yaml is `log`): with WHO (a record's id or file, e.g. contacts/ona-b; several "
        "separated by commas), about SUBJECT, on --date (default today), held by the current user: "
        "the contact whose id the environment variable RYSIAI_USER gives, else the contact whose "
        "e-mail is git's user.email. The id is made from the date and the subject; an existing "
        "file is never replaced. Prints the file written."),
    )
    log.add_argument("who", metavar=_("WHO"), help=_("e.g. contacts/ona-b, or ona-b,talsu-novada-pasvaldiba"))
    log.add_argument("subject", metavar=_("SUBJECT"), help=_("what it was about, in a few words"))
    log.add_argument("--kind", metavar=_("KIND"), help=_("how: call, letter, email, meeting or other (as the schema allows)"))
    log.add_argument("--date", metavar="YYYY-MM-DD", type=date_argument, help=_("the day (default: today)"))
    root_option(log)
    log.set_defaults(run=run_log)
    move = commands.add_parser(
        "mv",
        help=_("give a record a new id, and every reference to it"),
        description=_("Give record OLD_ID the id NEW_ID: its file is renamed (or its CSV row's id "
        "changed) and every reference to it, in every file, follows. Comments, key order and "
        "quoting of the YAML files are kept; only the values that held OLD_ID change."),
    )
    move.add_argument("old", metavar=_("OLD_ID"))
    move.add_argument("new", metavar=_("NEW_ID"))
    root_option(move)
    move.set_defaults(run=run_mv)
    merge = commands.add_parser(
        "merge",
        help=_("merge two records of one person or body"),
        description=_("Merge DROP_ID into KEEP_ID: DROP's fields fill KEEP's blanks; where both "
        "hold a value KEEP's stays and DROP's is listed and kept in KEEP's notes; a person's roles "
        "over time are combined, each post once; references to DROP are repointed to KEEP; DROP's "
        "file is deleted. Both must be YAML record files."),
    )
    merge.add_argument("keep", metavar=_("KEEP_ID"))
    merge.add_argument("drop", metavar=_("DROP_ID"))
    root_option(merge)
    merge.set_defaults(run=run_merge)
    fmt = commands.add_parser(
        "fmt",
        help=_("write record files the one way (phones in E.164, fields in order)"),
        description=_("Put YAML record files in form: phones in E.164 (+370…) and fields in the "
        "order of datapackage.yaml, comments and quoting kept. With --check nothing is written: "
        "the files not in form are listed and the exit code is 1 (for CI and pre-commit)."),
    )
    root_option(fmt)
    fmt.add_argument("--check", action="store_true", help=_("list files not in form; write nothing"))
    fmt.set_defaults(run=run_fmt)
    schema = commands.add_parser(
        "schema",
        help=_("write JSON Schema files for editors (VS Code)"),
        description=_("Write .schemas/COLLECTION.schema.json for every collection, from "
        "datapackage.yaml, and .vscode/settings.json mapping them to the collection folders, so "
        "that VS Code (Red Hat YAML extension) completes and checks fields while you type."),
    )
    root_option(schema)
    schema.set_defaults(run=run_schema)


def run_new(args: argparse.Namespace) -> int:
    from ..editing.new_record import new_record
    from ..repository import load_repository

    values = {}
    items = list(args.values)
    name = args.name
    if name is not None and "=" in name:  # no NAME given, only field=value pairs
        items.insert(0, name)
        name = None
    for item in items:
        field, equals, value = item.partition("=")
        if not equals:
            raise RysiaiError(_("expected field=value, not {item!r}").format(item=item))
        values[field.strip()] = value
    with writing_to(args) as writer:
        created = new_record(load_repository(writer.root), args.collection, name, values)
        apply_change(writer, created.change_set)
    print(created.path)
    for remark in created.remarks:
        print(_("Note: {remark}.").format(remark=remark), file=sys.stderr)
    return EXIT_OK


def run_log(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..editing.log_entry import current_user, log_entry
    from ..repository import load_repository

    who = [name for name in args.who.split(",") if name.strip()]
    with writing_to(args) as writer:
        repository = load_repository(writer.root)
        created = log_entry(
            repository, who, args.subject, how=args.kind, day=args.date or dt.date.today(),
            by=current_user(repository),
        )
        apply_change(writer, created.change_set)
    print(created.path)
    return EXIT_OK


def run_mv(args: argparse.Namespace) -> int:
    from ..editing.rename import rename_record
    from ..repository import load_repository

    with writing_to(args) as writer:
        change_set = rename_record(load_repository(writer.root), args.old, args.new)
        written = apply_change(writer, change_set)
    for path in sorted(path for path in written if path.exists()):
        print(path)
    return EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
    from ..editing.merging import merge_records
    from ..repository import load_repository

    with writing_to(args) as writer:
        root = writer.root
        result = merge_records(load_repository(root), args.keep, args.drop)
        written = apply_change(writer, result.change_set)
    if result.filled:
        print(_("Filled from {drop}: {fields}").format(drop=args.drop, fields=", ".join(result.filled)))
    for name, added in result.combined:
        print(ngettext(
            "Combined `{name}`: {count} item added from {drop}", "Combined `{name}`: {count} items added from {drop}", added,
        ).format(name=name, count=added, drop=args.drop))
    for name, kept, dropped in result.conflicts:
        print(_("Conflict in `{name}`: kept `{kept}`, `{dropped}` moved to the notes").format(name=name, kept=kept, dropped=dropped))
    if result.comments:
        print(ngettext("{n} comment of {drop} carried to the end of the kept file",
                       "{n} comments of {drop} carried to the end of the kept file",
                       len(result.comments)).format(n=len(result.comments), drop=args.drop))
    for path in written:
        if path != result.deleted:
            print(_("Changed: {path}").format(path=path.relative_to(root).as_posix()))
    print(_("Deleted: {path}").format(path=result.deleted.relative_to(root).as_posix()))
    return EXIT_OK


def run_fmt(args: argparse.Namespace) -> int:
    from ..editing.formatting import format_repository
    from ..repository import load_repository

    if args.check:  # reads only: no lock to wait for
        root = data_root(args)
        changed = format_repository(load_repository(root)).paths
    else:
        with writing_to(args) as writer:
            root = writer.root
            changed = apply_change(writer, format_repository(load_repository(root)))
    for path in changed:
        print(path.relative_to(root).as_posix())
    if args.check and changed:
        print(ngettext("{n} file not in form: run `rysiai fmt`", "{n} files not in form: run `rysiai fmt`", len(changed)).format(n=len(changed)), file=sys.stderr)
        return 1
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from ..editing.json_schemas import write_editor_files
    from ..schema import load_schema

    root = data_root(args)
    for path in write_editor_files(root, load_schema(root)):
        print(path)
    return EXIT_OK
