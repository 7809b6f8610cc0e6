"""The files to download beside the pages, written into the built site: vCards of every contact,
of each organisation's people and of all contacts, and the calendar feeds. Not mkdocs files: no
page links to them through mkdocs, and none belongs in the sitemap."""

from __future__ import annotations

from pathlib import Path

from ..export.calendar import calendar_feed
from ..export.vcards import contacts_of, vcards
from ..kinds.people import organization_of
from ..repository import Repository
from ..site.context import SiteContext
from ..site.downloads import ALL, FOLDER


def write_downloads(context: SiteContext, site_dir: Path, site_url: str) -> int:
    """Write every download file of the site into ``site_dir``; how many."""
    files: dict[str, bytes | str] = dict(vcard_files(context.repository))
    for feed in context.feeds:
        files[f"{feed}.ics"] = calendar_feed(context.repository, feed, site_url=site_url)
    for path, content in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return len(files)


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
