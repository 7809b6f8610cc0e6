"""Links to the files to download beside the pages (site_build/downloads.py writes them): vCards
of a contact, of an organisation's people, of all contacts; each collection as Excel and CSV
tables; a calendar entry's own .ics file."""

from __future__ import annotations

from ..kinds.people import is_person, people
from ..loading import Record
from ..schema import Collection
from ..words.dates import as_moment
from .context import SiteContext
from .html import link, relative_url

FOLDER = "vcards"
ALL = f"{FOLDER}/contacts.vcf"
TABLES = "downloads"  # `downloads/partners.xlsx`, `downloads/partners.csv`
ENTRIES = "ics"  # `ics/<id>.ics`: one calendar entry


def table_paths(collection: str) -> tuple[str, str]:
    """The site paths of a collection's XLSX and CSV files."""
    return f"{TABLES}/{collection}.xlsx", f"{TABLES}/{collection}.csv"


def entry_path(record: Record) -> str:
    return f"{ENTRIES}/{record.id}.ics"


def table_downloads(context: SiteContext, collection: Collection, page_url: str) -> str:
    """The collection as an Excel workbook and a CSV file, as `rysiai export` writes them."""
    xlsx, csv = table_paths(collection.name)
    links = [
        link(relative_url(page_url, xlsx), context.text("download_xlsx")),
        link(relative_url(page_url, csv), context.text("download_csv")),
    ]
    return f'<p class="rysiai-download" data-pagefind-ignore>{" · ".join(links)}</p>'


def entry_download(context: SiteContext, record: Record, page_url: str) -> str:
    """"Add to my calendar" on a calendar entry's page (a visit, an event)."""
    calendar = context.repository.schema.collections[record.collection].kind.calendar
    if calendar is None or not calendar.agenda or as_moment(record.typed.get(calendar.start)) is None:
        return ""  # no calendar entry (or a logged call, which happened), or no start to put in one
    target = relative_url(page_url, entry_path(record))
    return f'<p class="rysiai-download" data-pagefind-ignore>{link(target, context.text("add_to_calendar"))}</p>'


def vcard_link(context: SiteContext, record: Record | None, page_url: str) -> str:
    """The download link for a contact, an organisation with people, or (None) all contacts."""
    if record is None:
        if not people(context.repository):
            return ""
        target, label = ALL, context.text("vcard_all")
    elif is_person(context.repository, record):
        target, label = f"{FOLDER}/{record.id}.vcf", context.text("vcard_one")
    elif record.id in context.organizations_of_people:
        target, label = f"{FOLDER}/{record.id}.vcf", context.text("vcard_people")
    else:
        return ""
    return f'<p class="rysiai-download" data-pagefind-ignore>{link(relative_url(page_url, target), label)}</p>'

