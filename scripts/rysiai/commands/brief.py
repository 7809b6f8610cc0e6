"""`rysiai brief`: the mayor's brief for the coming week (or any period), as Markdown or HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import RysiaiError
from ..language import _, current_language
from .common import EXIT_OK, data_root, date_argument, root_option


def add_parsers(commands) -> None:
    brief = commands.add_parser(
        "brief",
        help=_("the mayor's brief for the coming week"),
        description=_(
            "Write the mayor's brief, in the command line's language, in this order: visits and "
            "events in the period with their preparation (participants, programme, tasks not "
            "done); meetings with decision drafts (KRPT) with each draft, the proposed position "
            "and the advisor's conclusions; deadlines overdue or falling in the period, with who "
            "is responsible; projects still open or whose status changed, with their next "
            "milestones; agreements that ended, that end within 90 days, and round anniversaries; "
            "and what changed in the register (from git: new, renamed, changed and erased "
            "records, by whom and when). By default the period is the coming week: from today to "
            "the Sunday of the week in which the sixth day from today falls (prepared on a "
            "Friday: the weekend and the whole next week). Changes are those of the period up to "
            "today, or of the seven days up to today when the period starts today or later. "
            "Exit 0 (2 when it cannot run)."
        ),
    )
    brief.add_argument(
        "--from", dest="start", metavar=_("YYYY-MM-DD"), type=date_argument,
        help=_("the first day of the period (default: today)"),
    )
    brief.add_argument(
        "--to", dest="end", metavar=_("YYYY-MM-DD"), type=date_argument,
        help=_("the last day of the period (default: the Sunday of the coming week)"),
    )
    brief.add_argument(
        "--today", metavar=_("YYYY-MM-DD"), type=date_argument,
        help=_("the day to count from (default: today), for a reproducible brief"),
    )
    brief.add_argument(
        "--format", choices=("md", "html"), default="md",
        help=_("Markdown, or an HTML page to print on A4 or read on a phone (default: md)"),
    )
    brief.add_argument(
        "-o", "--output", metavar=_("FILE"), type=Path,
        help=_("write the brief to FILE (an older brief there is replaced, and the command says "
        "so) instead of printing it"),
    )
    root_option(brief)
    brief.set_defaults(run=run_brief)


def run_brief(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..brief import Period, build_brief, coming_week
    from ..repository import load_repository

    today = args.today or dt.date.today()
    start = args.start or today
    end = args.end or coming_week(start).end
    if end < start:
        raise RysiaiError(
            _("the period ends ({end}) before it starts ({start}); give --to a day no earlier than --from")
            .format(end=end.isoformat(), start=start.isoformat())
        )
    brief = build_brief(load_repository(data_root(args)), Period(start, end, today))
    if args.format == "html":
        from ..site.brief_page import brief_document

        text = brief_document(brief, current_language())
    else:
        from ..brief.markdown import render_markdown

        text = render_markdown(brief, current_language())
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if args.output.is_dir():
        raise RysiaiError(_("{path} is a folder; give the name of the file to write").format(path=args.output))
    replaced = args.output.exists()
    args.output.write_text(text, encoding="utf-8")
    done = _("Replaced {path}: the brief for {start} to {end}.") if replaced else _("Wrote {path}: the brief for {start} to {end}.")
    print(done.format(path=args.output, start=start.isoformat(), end=end.isoformat()), file=sys.stderr)
    return EXIT_OK
