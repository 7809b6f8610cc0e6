"""The files to download beside the pages, written into the built site: vCards of every contact,
of each organisation's people and of all contacts, the calendar feeds, each calendar entry's own
file, and each collection as Excel and CSV tables (as `rysiai export` writes them). Not mkdocs files: no
page links to them through mkdocs, and none belongs in the sitemap."""

from __future__ import annotations

from pathlib import Path

from ..export.calendar import calendar_feed, entry_files
from ..export.tables import csv_bytes, table, write_xlsx
from ..export.vcards import contacts_of, vcards
from ..kinds.people import organization_of
from ..repository import Repository
from ..site.context import SiteContext
from ..site.downloads import ALL, FOLDER, entry_path, table_paths
from .report_pages import SiteReports, download_path


def write_downloads(context: SiteContext, site_dir: Path, site_url: str) -> int:
    """Write every download file of the site into ``site_dir``; how many."""
    files: dict[str, bytes | str] = dict(vcard_files(context.repository))
    for feed in context.feeds:
        files[f"{feed}.ics"] = calendar_feed(context.repository, feed, site_url=site_url)
    for record, data in entry_files(context.repository, site_url=site_url):
        files[entry_path(record)] = data
    for path, content in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return len(files) + write_tables(context.repository, site_dir)


def write_tables(repository: Repository, site_dir: Path) -> int:
    """Each collection with records as an XLSX workbook and a CSV file; how many files."""
    written = 0
    for collection in repository.schema.collections.values():
        if not repository.collection(collection.name):
            continue
        headers, rows = table(repository, collection)
        xlsx, csv = (site_dir / path for path in table_paths(collection.name))
        xlsx.parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(xlsx, [(collection.title, headers, rows)])
        csv.write_bytes(csv_bytes(headers, rows))
        written += 2
    return written


def vcard_files(repository: Repository) -> dict[str, str]:
    """Site path → vCard text. Each card is made once and reused in the organisation's and the
    all-contacts files (making a card is the costly part on a large site)."""
    people = contacts_of(repository)
    if not people:
        return {}
    cards = {person.id: vcards(repository, [person]) for person in people}
    files = {ALL: "".join(cards.values())}
    members: dict[str, list[str]] = {}
    for person in people:
        files[f"{FOLDER}/{person.id}.vcf"] = cards[person.id]
        organization = organization_of(repository, person)
        if organization in repository.by_id:
            members.setdefault(organization, []).append(cards[person.id])
    for organization, texts in members.items():
        files[f"{FOLDER}/{organization}.vcf"] = "".join(texts)
    return files


def write_report_tables(reports: SiteReports, site_dir: Path) -> int:
    """Each table of the reports (every year's and the overview's) as CSV and XLSX beside its page."""
    from ..reports.table_files import csv_bytes, xlsx_bytes

    written = 0
    for year, table in reports.tables():
        if table.whole.empty:
            continue  # the page says there is none
        for suffix, data in (("csv", csv_bytes), ("xlsx", xlsx_bytes)):
            target = site_dir / download_path(year, f"{table.ident}.{suffix}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data(table))
            written += 1
    return written
