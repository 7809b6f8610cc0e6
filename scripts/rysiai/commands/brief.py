"""`rysiai brief`: the mayor's brief for the coming week (or any period), as Markdown or HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import RysiaiError
from .common import EXIT_OK, data_root, date_argument, root_option


def add_parsers(commands) -> None:
    brief = commands.add_parser(
        "brief",
        help="the mayor's brief for the coming week",
        description="Write the mayor's brief, in Lithuanian, in this order: visits and events in "
        "the period with their preparation (participants, programme, tasks not done); meetings "
        "with decision drafts (KRPT) with each draft, the proposed position and the advisor's "
        "conclusions; deadlines overdue or falling in the period, with who is responsible; "
        "projects' status changes and next milestones; agreements that ended, that end within "
        "90 days, and round anniversaries; and what changed in the register (from git: new, "
        "renamed, changed and erased records, by whom and when). By default the period is the "
        "coming week: from today to the Sunday of the week in which the sixth day from today "
        "falls (prepared on a Friday: the weekend and the whole next week). Changes are those "
        "of the period up to today, or of the seven days up to today when the period starts "
        "today or later. Exit 0 (2 when it cannot run).",
    )
    brief.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", type=date_argument,
        help="the first day of the period (default: today)",
    )
    brief.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", type=date_argument,
        help="the last day of the period (default: the Sunday of the coming week)",
    )
    brief.add_argument(
        "--today", metavar="YYYY-MM-DD", type=date_argument,
        help="the day to count from (default: today), for a reproducible brief",
    )
    brief.add_argument(
        "--format", choices=("md", "html"), default="md",
        help="Markdown, or an HTML page to print on A4 or read on a phone (default: md)",
    )
    brief.add_argument(
        "-o", "--output", metavar="FILE", type=Path,
        help="write the brief to FILE (an older brief there is replaced, and the command says "
        "so) instead of printing it",
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
            f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()}); "
            f"give --to a day no earlier than --from"
        )
    brief = build_brief(load_repository(data_root(args)), Period(start, end, today))
    if args.format == "html":
        from ..site.brief_page import brief_document

        text = brief_document(brief)
    else:
        from ..brief.markdown import render_markdown

        text = render_markdown(brief)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if args.output.is_dir():
        raise RysiaiError(f"{args.output} is a folder; give the name of the file to write")
    replaced = args.output.exists()
    args.output.write_text(text, encoding="utf-8")
    verb = "Replaced" if replaced else "Wrote"
    print(f"{verb} {args.output}: the brief for {start.isoformat()} to {end.isoformat()}.", file=sys.stderr)
    return EXIT_OK
