"""The commands for a person's rights under GDPR: `person` (access) and `forget` (erasure)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from ..errors import RysiaiError
from ..findings.wording import finding_line
from ..language import N_, _, ngettext
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    apply_change,
    data_root,
    root_option,
    writing_to,
)

# What a place held of the person, as the output says it.
HOW = {"reference": N_("reference"), "name": N_("name"), "email": N_("e-mail"), "phone": N_("phone")}


def add_parsers(commands) -> None:
    person = commands.add_parser(
        "person",
        help=_("everything held about one person (a subject-access request)"),
        description=_("Print everything Ryšiai holds about the person with record ID, or called "
        "NAME: their record, every record that refers to them (visits, events, requests, "
        "associations, follow-ups), every text that names them by full name (in any of the seven "
        "cases), e-mail or phone, and words that look like their surname, to check by hand. A "
        "NAME that is no record's (a resident named only in a request's from_name) is looked for "
        "in every text. Markdown (in Lithuanian, for the reply; in English with --lang en) or JSON."),
    )
    person.add_argument(
        "person_id", metavar=_("ID|NAME"),
        help=_('the person\'s record id (agne-vilkaite) or full name ("Petras Kavaliauskas")'),
    )
    person.add_argument(
        "--format", choices=("md", "json"), default="md", help=_("output format (default: md)")
    )
    root_option(person)
    person.set_defaults(run=run_person)
    forget = commands.add_parser(
        "forget",
        help=_("erase a person: their record, and their name wherever it is"),
        description=_("Erase the person with record ID, or called NAME: delete their record (file "
        "or CSV row; someone without a record, given by NAME, has none), replace every reference "
        "to them with `istrintas-asmuo` (a visit keeps its number of participants) and their full "
        "name (in any of the seven cases), e-mail and phone in any text with `[ištrinta]`; "
        "list every change, and the words that look like their surname, which are left for "
        "you to read. Git history still holds the old data (see the README). The data must "
        "have no errors first."),
    )
    forget.add_argument(
        "person_id", metavar=_("ID|NAME"), help=_('the person\'s record id, or full name ("Petras Kavaliauskas")')
    )
    forget.add_argument("--dry-run", action="store_true", help=_("list the changes; write nothing"))
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
    if args.dry_run:  # reads only: no lock to wait for
        return _forget(args, data_root(args), None)
    with writing_to(args) as writer:  # read, checked and written under the lock
        return _forget(args, writer.root, writer)


def _forget(args: argparse.Namespace, root, writer) -> int:
    from ..loading.record import field_label
    from ..privacy.erasure import erasure_changes, leftovers, plan_erasure
    from ..privacy.named_person import is_stand_in
    from ..repository import load_repository
    from ..validate import check_repository

    repository = load_repository(root)
    report = check_repository(repository)
    if not report.valid:
        raise RysiaiError(
            ngettext("the data has {n} error; fix it first (`rysiai validate` lists it), so that "
                     "forgetting leaves valid records",
                     "the data has {n} errors; fix them first (`rysiai validate` lists them), so "
                     "that forgetting leaves valid records", len(report.errors)).format(n=len(report.errors))
        )
    erasure = plan_erasure(repository, args.person_id)
    person = erasure.person
    in_table = person.path.endswith(".csv")
    if in_table:
        own = _("the row on line {line} of {path}").format(line=person.line, path=person.path)
    else:
        own = person.path
    if is_stand_in(person):
        heading = _("Would erase {name} (no record of their own; found by name):") if args.dry_run else \
            _("Erasing {name} (no record of their own; found by name):")
        print(heading.format(name=person.label))
    else:
        heading = _("Would erase {collection} `{id}` ({name}):") if args.dry_run else _("Erasing {collection} `{id}` ({name}):")
        print(heading.format(collection=person.collection, id=person.id, name=person.label))
        print("  " + _("delete {what}").format(what=own))
    for edit in erasure.edits:
        where = f"{edit.record.path}:{edit.line}: {field_label(edit.place)}"
        how = _(" and ").join(_(HOW.get(word, word)) for word in edit.how)
        if edit.how == ("reference",):
            print(f"  {where}: {_shown(edit.before)} → {_shown(edit.after)}")
        elif edit.after is None:
            print(f"  {where}: " + _("{how} {value} removed").format(how=how, value=_shown(edit.before)))
        else:
            print(f"  {where}: {how} → {_around_erased(edit.after)}")
    for record, place in erasure.shared:
        print(f"  {record.path}:{record.line_of(*place)}: {field_label(place)}: "
              + _("the same as `{id}`'s own: left as it is").format(id=record.id))
    for path, line, how in erasure.data.comments:
        print(f"  {path}:{line}: " + _("comment: {how} → '[ištrinta]'").format(how=_(HOW.get(how, how))))
    for record in erasure.data.ids:
        print(f"  {record.path}:{record.line}: "
              + _("the id `{id}` holds the name or number: not changed; rename it first with "
                  "`rysiai mv {id} NEW-ID`").format(id=record.id))
    if erasure.data.possible:
        print(_("Words like the surname, not changed; read them:"))
        for record, place, line, word in erasure.data.possible:
            print(f"  {record.path}:{line}: {field_label(place)}: {word}")
    if len((person.label or "").split()) < 2:
        print(_("The name `{name}` is one word: texts were not searched for it; read them.").format(name=person.label))
    if args.dry_run:
        print(_("Nothing written (--dry-run)."), file=sys.stderr)
        return EXIT_OK
    apply_change(writer, erasure_changes(repository, erasure))
    # Read back what was written: nothing of the person may be left, and the records are valid.
    after = load_repository(root)
    left = leftovers(after, person, {(record.id, place) for record, place in erasure.shared})
    problems = check_repository(after).errors
    for record, line, what in left:
        print(f"{record.path}:{line}: " + _("still holds the person's {what}: edit it by hand").format(what=what), file=sys.stderr)
    for finding in problems:
        print(finding_line(finding), file=sys.stderr)
    if left or problems:
        print(_("rysiai: the erasure is not complete: see the lines above"), file=sys.stderr)
        return EXIT_FINDINGS
    if is_stand_in(person):
        done = _("Erased. Commit the change; git history still holds the old values (README: "
                 "\"Erasing from git history\").")
    elif in_table:
        done = _("Erased. Commit the change; git history still holds the old row in {path} and the "
                 "old values (README: \"Erasing from git history\").")
    else:
        done = _("Erased. Commit the change; git history still holds {path} and the old values "
                 "(README: \"Erasing from git history\").")
    print(done.format(path=person.path), file=sys.stderr)
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
