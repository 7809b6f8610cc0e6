"""`rysiai report`: the picture of a year (partners, agreements, visits, events, requests,
projects, the log) as Markdown, HTML or JSON, and as a PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..language import _
from .common import EXIT_FINDINGS, EXIT_OK, data_root, date_argument, print_report, root_option

FORMATS = ("md", "html", "json")


def add_parsers(commands) -> None:
    report = commands.add_parser(
        "report",
        help=_("the year's report: partners, agreements, visits, events, requests, projects"),
        description=_("The figures of a year: partners by country and kind; agreements signed, in "
        "force, running out and ended; visits in and out, per partner, the delegations' members and "
        "days abroad; events by kind; requests received, answered, answered within the deadline, "
        "the median days to an answer and those overdue; projects by status and funding; the log "
        "per month. As Markdown (default), a whole HTML page with its charts and the map of partner "
        "towns, or JSON; --pdf writes the HTML page as an A4 PDF. Files are never replaced unless "
        "--force is given. The data must have no errors."),
    )
    root_option(report)
    report.add_argument("--year", type=int, metavar=_("YYYY"), help=_("the year (default: this year)"))
    report.add_argument("--public", action="store_true",
                        help=_("only what the public site publishes, and counts of what datapackage.yaml allows"))
    report.add_argument("--format", choices=FORMATS, default="md", help=_("output format (default: md)"))
    report.add_argument("-o", "--output", metavar=_("FILE"), type=Path, help=_("file to write (default: standard output)"))
    report.add_argument("--pdf", metavar=_("FILE"), type=Path, help=_("also write the report as a PDF (A4)"))
    report.add_argument("--today", metavar=_("YYYY-MM-DD"), type=date_argument,
                        help=_("the day to count from (default: today): what is overdue, what is in force"))
    report.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..errors import InvalidData
    from ..export.files import refuse_overwrite
    from ..privacy.public_report import report_sources
    from ..reports.report_files import report_document, report_json, report_markdown, report_pdf
    from ..reports.year_report import year_report_with_map
    from ..validate import load_valid_repository

    today = args.today or dt.date.today()
    year = args.year or today.year
    refuse_overwrite([path for path in (args.output, args.pdf) if path is not None], overwrite=args.force)
    try:
        repository, _findings = load_valid_repository(data_root(args), public=args.public)
    except InvalidData as invalid:
        print_report(invalid.report, "text")
        print(_("rysiai: no report is made: fix the errors above first"), file=sys.stderr)
        return EXIT_FINDINGS
    report = year_report_with_map(report_sources(repository, public=args.public), year, today, public=args.public)
    render = {"md": report_markdown, "html": report_document, "json": report_json}[args.format]
    data = render(report).encode("utf-8")
    if args.pdf is not None:
        args.pdf.write_bytes(report_pdf(report))
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        args.output.write_bytes(data)
    for path in (args.output, args.pdf):
        if path is not None:
            print(path, file=sys.stderr if args.output is None else sys.stdout)
    return EXIT_OK
