"""`rysiai agenda`: what is overdue, due soon and coming."""

from __future__ import annotations

import argparse
import json

from .common import EXIT_OK, data_root, date_argument, format_option, root_option


def add_parsers(commands) -> None:
    agenda = commands.add_parser(
        "agenda",
        help="list what is overdue, due soon and coming",
        description="List, in this order: overdue requests and follow-ups (days overdue), those "
        "due within DAYS days, visits and events within DAYS days, agreement anniversaries this "
        "year (every 5 years since signing) and agreements expiring within 90 days, and records "
        "not reviewed for 24 months. Exit 0 (2 when it cannot run).",
    )
    root_option(agenda)
    agenda.add_argument(
        "--today", metavar="YYYY-MM-DD", type=date_argument,
        help="the day to count from (default: today), for a reproducible agenda",
    )
    agenda.add_argument(
        "--days", metavar="N", type=int, default=14, help="how far ahead to look (default: 14)"
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
