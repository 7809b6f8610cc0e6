"""The commands for a person's rights under GDPR: `person` (access) and `forget` (erasure)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from ..errors import RysiaiError
from ..findings.wording import finding_line
from .common import EXIT_FINDINGS, EXIT_OK, data_root, root_option


def add_parsers(commands) -> None:
    person = commands.add_parser(
        "person",
        help="everything held about one person (a subject-access request)",
        description="Print everything Ryšiai holds about the person with record ID, or called "
        "NAME: their record, every record that refers to them (visits, events, requests, "
        "associations, follow-ups), every text that names them by full name (in any of the seven "
        "cases), e-mail or phone, and words that look like their surname, to check by hand. A "
        "NAME that is no record's (a resident named only in a request's from_name) is looked for "
        "in every text. Markdown (in Lithuanian, for the reply) or JSON.",
    )
    person.add_argument(
        "person_id", metavar="ID|NAME",
        help='the person\'s record id (agne-vilkaite) or full name ("Petras Kavaliauskas")',
    )
    person.add_argument(
        "--format", choices=("md", "json"), default="md", help="output format (default: md)"
    )
    root_option(person)
    person.set_defaults(run=run_person)
    forget = commands.add_parser(
        "forget",
        help="erase a person: their record, and their name wherever it is",
        description="Erase the person with record ID, or called NAME: delete their record (file "
        "or CSV row; someone without a record, given by NAME, has none), replace every reference "
        "to them with `istrintas-asmuo` (a visit keeps its number of participants) and their full "
        "name (in any of the seven cases), e-mail and phone in any text with `[ištrinta]`; "
        "list every change, and the words that look like their surname, which are left for "
        "you to read. Git history still holds the old data (see the README). The data must "
        "have no errors first.",
    )
    forget.add_argument(
        "person_id", metavar="ID|NAME", help='the person\'s record id, or full name ("Petras Kavaliauskas")'
    )
    forget.add_argument("--dry-run", action="store_true", help="list the changes; write nothing")
    root_option(forget)
    forget.set_defaults(run=run_forget)


def run_person(args: argparse.Namespace) -> int:
    from ..privacy.subject_access import find_person, to_dict, to_markdown
    from ..repository import load_repository

    repository = load_repository(data_root(args))
    data = find_person(repository, args.person_id)
    if args.format == "json":
        print(json.dumps(to_dict(repository, data), ensure_ascii=False, indent=2))
    else:
        print(to_markdown(repository, data, dt.date.today()), end="")
    return EXIT_OK


def run_forget(args: argparse.Namespace) -> int:
    from ..loading.record import field_label
    from ..privacy.erasure import carry_out, leftovers, plan_erasure
    from ..privacy.named_person import is_stand_in
    from ..repository import load_repository
    from ..validate import check_repository

    root = data_root(args)
    repository = load_repository(root)
    report = check_repository(repository)
    if not report.valid:
        raise RysiaiError(
            f"the data has {len(report.errors)} error(s); fix them first (`rysiai validate` lists "
            f"them), so that forgetting leaves valid records"
        )
    erasure = plan_erasure(repository, args.person_id)
    person = erasure.person
    in_table = person.path.endswith(".csv")
    own = f"the row on line {person.line} of {person.path}" if in_table else person.path
    verb = "Would erase" if args.dry_run else "Erasing"
    if is_stand_in(person):
        print(f"{verb} {person.label} (no record of their own; found by name):")
    else:
        print(f"{verb} {person.collection} `{person.id}` ({person.label}):")
        print(f"  delete {own}")
    for edit in erasure.edits:
        where = f"{edit.record.path}:{edit.line}: {field_label(edit.place)}"
        if edit.how == ("reference",):
            print(f"  {where}: {_shown(edit.before)} → {_shown(edit.after)}")
        elif edit.after is None:
            print(f"  {where}: {' and '.join(edit.how)} {_shown(edit.before)} removed")
        else:
            print(f"  {where}: {' and '.join(edit.how)} → {_around_erased(edit.after)}")
    for record, place in erasure.shared:
        print(f"  {record.path}:{record.line_of(*place)}: {field_label(place)}: the same as `{record.id}`'s own: left as it is")
    for path, line, how in erasure.data.comments:
        print(f"  {path}:{line}: comment: {how} → '[ištrinta]'")
    for record in erasure.data.ids:
        print(f"  {record.path}:{record.line}: the id `{record.id}` holds the name or number: not changed; "
              f"rename it first with `rysiai mv {record.id} NEW-ID`")
    if erasure.data.possible:
        print("Words like the surname, not changed; read them:")
        for record, place, line, word in erasure.data.possible:
            print(f"  {record.path}:{line}: {field_label(place)}: {word}")
    if len((person.label or "").split()) < 2:
        print(f"The name `{person.label}` is one word: texts were not searched for it; read them.")
    if args.dry_run:
        print("Nothing written (--dry-run).", file=sys.stderr)
        return EXIT_OK
    carry_out(repository, erasure)
    # Read back what was written: nothing of the person may be left, and the records are valid.
    after = load_repository(root)
    left = leftovers(after, person, {(record.id, place) for record, place in erasure.shared})
    problems = check_repository(after).errors
    for record, line, what in left:
        print(f"{record.path}:{line}: still holds the person's {what}: edit it by hand", file=sys.stderr)
    for finding in problems:
        print(finding_line(finding), file=sys.stderr)
    if left or problems:
        print("rysiai: the erasure is not complete: see the lines above", file=sys.stderr)
        return EXIT_FINDINGS
    history = f"the old row in {person.path}" if in_table else person.path
    print(
        f"Erased. Commit the change; git history still holds "
        f"{'the old values' if is_stand_in(person) else history + ' and the old values'} "
        "(README: \"Erasing from git history\").",
        file=sys.stderr,
    )
    return EXIT_OK


def _around_erased(text: str, width: int = 30) -> str:
    """The changed text around its first erased place, on one line."""
    from ..privacy.erasure import ERASED_TEXT

    one_line = " ".join(text.split())
    at = one_line.find(ERASED_TEXT)
    start, end = max(0, at - width), at + len(ERASED_TEXT) + width
    excerpt = ("…" if start else "") + one_line[start:end] + ("…" if end < len(one_line) else "")
    return repr(excerpt)


def _shown(text: str, longest: int = 80) -> str:
    one_line = " ".join(str(text).split())
    return repr(one_line if len(one_line) <= longest else one_line[: longest - 1] + "…")
