"""A report as a file of its own: Markdown (its facts and tables), JSON (its figures), a whole
HTML document with its style sheet (screen and A4 paper), and a PDF of that document."""

from __future__ import annotations

import json
import re
from html import escape
from importlib.resources import files

from ..errors import RysiaiError
from ..language import _, current_language
from .model import Report, Table
from .numbers import long_date
from .report_html import cell_text, report_html

STYLE = "report.css"


def report_json(report: Report) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"


def report_markdown(report: Report) -> str:
    lines = [f"# {_markdown(report.title)}", "", _markdown(_("Prepared on {date}").format(date=long_date(report.today))), ""]
    for section in report.sections:
        lines += [f"## {_markdown(section.title)}", ""]
        if section.facts:
            figure, value = _markdown(_("Figure")), _markdown(_("Value"))
            lines += [f"| {figure} | {value} |", "|---|--:|"]
            lines += [f"| {_markdown(label)} | {_markdown(value)} |" for label, value in section.facts]
            lines.append("")
        for table in section.tables:
            lines += _markdown_table(table)
    return "\n".join(lines)


def _markdown_table(table: Table) -> list[str]:
    columns = [str(column) for column in table.frame.columns]
    lines = [f"### {_markdown(table.title)}", ""]
    lines.append("| " + " | ".join(_markdown(column) for column in columns) + " |")
    lines.append("|---|" + "--:|" * (len(columns) - 1))
    for row in table.frame.itertuples(index=False):
        lines.append("| " + " | ".join(_markdown(cell_text(value)) for value in row) + " |")
    if table.note:
        lines += ["", _markdown(table.note)]
    return [*lines, ""]


def _markdown(text: str) -> str:
    """Text that Markdown shows as written: its markup characters and HTML escaped, one line."""
    text = re.sub(r"\s*[\r\n]+\s*", " ", str(text))
    for character in "\\`*_[]<>|#":
        text = text.replace(character, "\\" + character)
    return text


SHRINKING = "svg.rysiai-chart, svg.rysiai-map { height: auto; }"


def report_document(report: Report, *, paper: bool = False) -> str:
    """A whole HTML page: the report and its style sheet, nothing fetched from anywhere;
    ``paper``: for WeasyPrint, which would give an SVG whose height follows its width the height
    of the page (each chart is drawn at its own size instead)."""
    style = files("rysiai.reports").joinpath(STYLE).read_text(encoding="utf-8")
    if paper:
        style = style.replace(SHRINKING, "")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(current_language())}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(report.title)}</title>\n<style>\n{style}</style>\n</head>\n"
        f'<body class="rysiai-report-document">\n{report_html(report)}</body>\n</html>\n'
    )


def report_pdf(report: Report) -> bytes:
    """The report's document printed to A4 by WeasyPrint (which needs Debian's Pango)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise RysiaiError(
            _("a PDF cannot be made here: WeasyPrint or the Pango library it needs is missing ({error}); "
              "install them (`pip install weasyprint`, `apt-get install libpango-1.0-0 libpangoft2-1.0-0`) "
              "or print the HTML report from a browser").format(error=error)
        ) from None
    # No base address: the document refers to nothing outside itself, so nothing is fetched.
    return HTML(string=report_document(report, paper=True), url_fetcher=_refuse).write_pdf()


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"nothing is fetched for a report: {url}")
