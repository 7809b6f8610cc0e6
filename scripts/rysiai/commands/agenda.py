"""`rysiai agenda`: what is overdue, due soon and coming."""

from __future__ import annotations

import argparse
import json

from ..language import _
from .common import EXIT_OK, data_root, date_argument, format_option, root_option


def add_parsers(commands) -> None:
    agenda = commands.add_parser(
        "agenda",
        help=_("list what is overdue, due soon and coming"),
        description=_("List, in this order: overdue requests, follow-ups and project milestones "
        "(days overdue), those due within DAYS days, what is coming within DAYS days (visits, "
        "events, press releases, surveys), agreement anniversaries this year (every 5 years since "
        "signing) and agreements expiring within 90 days, and records not reviewed for 24 months. "
        "Exit 0 (2 when it cannot run)."),
    )
    root_option(agenda)
    agenda.add_argument(
        "--today", metavar=_("YYYY-MM-DD"), type=date_argument,
        help=_("the day to count from (default: today), for a reproducible agenda"),
    )
    agenda.add_argument(
        "--days", metavar=_("N"), type=int, default=14, help=_("how far ahead to look (default: 14)")
    )
    format_option(agenda)
    agenda.set_defaults(run=run_agenda)


def run_agenda(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..agenda import SECTIONS, build_agenda
    from ..repository import load_repository

    today = args.today or dt.date.today()
    items = build_agenda(load_repository(data_root(args)), today, args.days)
    if args.format == "json":
        payload = {"today": today.isoformat(), "days": args.days, "items": [i.to_dict() for i in items]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print(_("Nothing on the agenda as of {date}.").format(date=today.isoformat()))
    for section, heading in SECTIONS.items():
        lines = [item for item in items if item.section == section]
        if not lines:
            continue
        print(f"{_(heading)}:")
        for item in lines:
            if section == "overdue":
                when = _("{days} d. overdue").format(days=item.days)
            elif item.days >= 0:
                when = _("in {days} d.").format(days=item.days)
            else:
                when = _("{days} d. ago").format(days=-item.days)
            print(f"  {item.date.isoformat()}  {when:>14}  {item.path}  {item.title} — {item.detail}")
    return EXIT_OK
