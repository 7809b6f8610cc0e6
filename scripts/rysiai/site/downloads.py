"""Links to the files to download beside the pages (site_build/downloads.py writes them): vCards
of a contact, of an organisation's people, of all contacts."""

from __future__ import annotations

from ..kinds.people import is_person, people
from ..loading import Record
from .context import SiteContext
from .html import link, relative_url

FOLDER = "vcards"
ALL = f"{FOLDER}/contacts.vcf"


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

