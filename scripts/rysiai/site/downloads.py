"""Files to download beside the pages: vCards of a contact, of an organisation's people, of all."""

from __future__ import annotations

from ..export.vcards import contacts_of, vcards
from ..loading import Record
from ..repository import Repository
from .context import SiteContext
from .html import link, relative_url

FOLDER = "vcards"
ALL = f"{FOLDER}/contacts.vcf"


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
        organization = person.typed.get("organization")
        if organization in repository.by_id:
            members.setdefault(organization, []).append(cards[person.id])
    for organization, texts in members.items():
        files[f"{FOLDER}/{organization}.vcf"] = "".join(texts)
    return files


def vcard_link(context: SiteContext, record: Record | None, page_url: str) -> str:
    """The download link for a contact, an organisation with people, or (None) all contacts."""
    if record is None:
        if not context.repository.collection("contacts"):
            return ""
        target, label = ALL, context.text("vcard_all")
    elif record.collection == "contacts":
        target, label = f"{FOLDER}/{record.id}.vcf", context.text("vcard_one")
    elif record.id in context.organizations_of_people:
        target, label = f"{FOLDER}/{record.id}.vcf", context.text("vcard_people")
    else:
        return ""
    return f'<p class="rysiai-download" data-pagefind-ignore>{link(relative_url(page_url, target), label)}</p>'

