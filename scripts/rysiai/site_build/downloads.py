"""The files to download beside the pages, written into the built site: vCards of every contact,
of each organisation's people and of all contacts, the calendar feeds, each calendar entry's own
file, and each collection as Excel and CSV tables (as `rysiai export` writes them). Not mkdocs
files: no page links to them through mkdocs, and none belongs in the sitemap.

Each file has a digest of what it is made from (``plan``): a build makes again only the files
whose digest changed, and takes a contact's unchanged card from the last build's file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from ..export.calendar import calendar_feed, entry_files
from ..export.tables import csv_bytes, table, write_xlsx
from ..export.vcards import contacts_of, vcard
from ..kinds.calendar import entries
from ..kinds.people import organization_of
from ..site.context import SiteContext
from ..site.downloads import ALL, FOLDER, entry_path, table_paths
from .report_pages import SiteReports, download_path
from .site_state import SiteState

OldFile = Callable[[str], bytes | None]  # the last build's file at a site path, if there is one


def plan(context: SiteContext, state: SiteState, site_url: str) -> dict[str, str]:
    """Site path → digest of what the file is made from, for every download file."""
    repository = context.repository
    files: dict[str, str] = {}
    cards = _cards(context)
    for person, organization in cards:
        label = repository.by_id[organization].label if organization in repository.by_id else ""
        files[_card(person.id)] = _hash(state.records[person.id].digest, label)
    if cards:
        files[ALL] = _hash(*(files[_card(person.id)] for person, _ in cards))
    for organization, members in _members(context, cards).items():
        files[_card(organization)] = _hash(*(files[_card(person.id)] for person in members))
    dated = sorted(
        state.records[record.id].digest for record in repository.records
        if _in_feeds(repository.schema.collections[record.collection].kind)
    )
    for feed in context.feeds:
        files[f"{feed}.ics"] = _hash(feed, site_url, state.site["today"], *dated)
    for entry in entries(repository):
        if entry.on_agenda:  # as entry_files gives them
            files[entry_path(entry.record)] = _hash(site_url, state.site["today"], state.records[entry.record.id].digest)
    for collection in repository.schema.collections.values():
        records = repository.collection(collection.name)
        if records:  # a table of the records' own values (references as ids)
            digest = _hash(collection.name, *sorted(state.records[record.id].digest for record in records))
            files.update(dict.fromkeys(table_paths(collection.name), digest))
    return files


def effort(context: SiteContext, paths: set[str]) -> int:
    """About how many pages' worth of work writing the download files at ``paths`` is: a
    collection's table one for each of its records (the Excel and CSV files of 5,000 contacts
    take about a second), any other file one."""
    repository = context.repository
    work = len(paths)
    for collection in repository.schema.collections.values():
        if any(path in paths for path in table_paths(collection.name)):
            work += len(repository.collection(collection.name))
    return work


def write_downloads(context: SiteContext, site_dir: Path, site_url: str, paths: set[str], old: OldFile) -> int:
    """Write the download files at ``paths`` (site paths) into ``site_dir``, taking unchanged
    cards from ``old``; how many were written."""
    repository = context.repository
    cards = _cards(context)
    texts: dict[str, str] = {}

    def card_text(person) -> str:
        path = _card(person.id)
        if path not in texts:
            previous = None if path in paths else old(path)
            texts[path] = previous.decode("utf-8") if previous is not None else vcard(repository, person)
        return texts[path]

    files: dict[str, bytes | str] = {}
    for person, _ in cards:
        if _card(person.id) in paths:
            files[_card(person.id)] = card_text(person)
    if ALL in paths:
        files[ALL] = "".join(card_text(person) for person, _ in cards)
    for organization, members in _members(context, cards).items():
        if _card(organization) in paths:
            files[_card(organization)] = "".join(card_text(person) for person in members)
    stamp = dt.datetime.combine(context.today, dt.time(), dt.timezone.utc)
    for feed in context.feeds:
        if f"{feed}.ics" in paths:
            files[f"{feed}.ics"] = calendar_feed(repository, feed, site_url=site_url, stamp=stamp)
    if any(path in paths for path in _entry_paths(context)):
        for record, data in entry_files(repository, site_url=site_url, stamp=stamp):
            if entry_path(record) in paths:
                files[entry_path(record)] = data
    for path, content in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return len(files) + _write_tables(context, site_dir, paths)


def _write_tables(context: SiteContext, site_dir: Path, paths: set[str]) -> int:
    """The collections' XLSX workbooks and CSV files among ``paths``; how many files."""
    written = 0
    repository = context.repository
    for collection in repository.schema.collections.values():
        xlsx_path, csv_path = table_paths(collection.name)
        if xlsx_path not in paths and csv_path not in paths or not repository.collection(collection.name):
            continue
        headers, rows = table(repository, collection)
        xlsx, csv = site_dir / xlsx_path, site_dir / csv_path
        xlsx.parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(xlsx, [(collection.title, headers, rows)])
        csv.write_bytes(csv_bytes(headers, rows))
        written += 2
    return written


def report_tables_plan(reports: SiteReports) -> dict[str, str]:
    """Site path → digest of what the file holds, for the reports' tables (every year's and the
    overview's, each as CSV and XLSX beside its page); a table with no rows has none (its page
    says there is none)."""
    from ..reports.table_files import csv_bytes

    files = {}
    for year, table in reports.tables():
        if not table.whole.empty:
            digest = _hash(table.title, csv_bytes(table).decode("utf-8"))
            files.update(dict.fromkeys(_report_table_paths(year, table), digest))
    return files


def write_report_tables(reports: SiteReports, site_dir: Path, paths: set[str]) -> int:
    """The reports' tables among ``paths`` (site paths) as CSV and XLSX; how many files."""
    from ..reports.table_files import csv_bytes, xlsx_bytes

    written = 0
    for year, table in reports.tables():
        csv_path, xlsx_path = _report_table_paths(year, table)
        for path, data in ((csv_path, csv_bytes), (xlsx_path, xlsx_bytes)):
            if path in paths:  # (a table with no rows is not planned)
                target = site_dir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data(table))
                written += 1
    return written


def _report_table_paths(year: int | None, table) -> tuple[str, str]:
    return download_path(year, f"{table.ident}.csv"), download_path(year, f"{table.ident}.xlsx")


def _entry_paths(context: SiteContext) -> list[str]:
    return [entry_path(entry.record) for entry in entries(context.repository) if entry.on_agenda]


def _cards(context: SiteContext) -> list:
    """(person, the id of their organisation) in the order of the all-contacts file."""
    repository = context.repository
    return [(person, organization_of(repository, person)) for person in contacts_of(repository)]


def _members(context: SiteContext, cards: list) -> dict[str, list]:
    members: dict[str, list] = {}
    for person, organization in cards:
        if organization in context.repository.by_id:
            members.setdefault(organization, []).append(person)
    return members


def _in_feeds(kind) -> bool:
    return bool(kind.calendar or kind.deadline or kind.tasks)


def _card(record_id: str) -> str:
    return f"{FOLDER}/{record_id}.vcf"


def _hash(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
