"""Which generated pages a change of records reaches, from the site's state before and after it
(site_state.py).

What each page shows, and so what it depends on:
- a record's page: the record itself (with its file, line, last change and, for agreements, the
  next anniversary as of today); the labels of the records it refers to; the records that refer
  to it (their label, where they refer to it and, for a reference inside an item such as a
  follow-up's owner or a milestone's, that item's other fields); on an organisation's page its
  people with their posts, current or former as of today (they refer to it, today's post or one
  of their `roles`); on a person's or an organisation's page the timeline of the records that
  refer to it, each with its day (a visit's start, an interaction's date, a project's start);
- a collection's index: its records' columns (a project's next milestone among them), and the
  labels of the records its columns refer to;
- the home page, the mayor's brief and the agreements overview: counts, the agenda, what is
  coming and recent, recent changes, findings, the week's projects, press, surveys and changes
  from git, agreements as of today: anything may show there, so any change makes them again;
- the reports (each year's and the overview) and the map of partner towns on the partners'
  index: they count every record (on the public site also those it only counts), so any change
  makes them again, and their tables to download (``Reach.anything``; site.py);
- a request's row and page while it waits: its days left, as of today (in its digest);
- the elderships' index (how many records each has) and an eldership's page: the records listed
  in it (those naming it, and those referring to one that does) as the index shows them, so the
  labels of the records their columns refer to;
- the glossary: the schema alone (a change of the schema rebuilds everything: settings_key.py).

A page that comes to show more than this (a record two references away, say) must say so here;
tests/test_incremental.py builds after many kinds of edits and compares with a clean build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..schema import Schema
from ..site.agreements_page import PAGE as AGREEMENTS
from ..site.brief_page import PAGE as BRIEF
from ..site.context import HOME, index_source, page_source
from ..site.elderships_page import INDEX as ELDERSHIPS
from ..site.elderships_page import eldership_source
from .site_state import RecordState, SiteState


@dataclass
class Reach:
    """What a change reaches: pages to render again, and record pages that are gone."""

    pages: set[str] = field(default_factory=set)
    gone: set[str] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)  # ids whose state differs, added or removed included
    anything: bool = False  # whether anything changed at all (the pages that count every record)

    @property
    def nothing(self) -> bool:
        return not (self.pages or self.gone or self.changed)


def reach(old: SiteState, new: SiteState, schema: Schema) -> Reach:
    """The pages to render again when the site's state goes from ``old`` to ``new``."""
    found = Reach()
    changed = [key for key in old.records.keys() | new.records.keys() if old.records.get(key) != new.records.get(key)]
    found.changed = set(changed)
    if not changed and old.site == new.site:
        return found
    found.anything = True
    found.pages.update((HOME, BRIEF, AGREEMENTS))
    _add_elderships(found, old, new)
    referrers = _referrers(new)
    # A record's change reaches the pages of the records it refers to only where they show it
    # otherwise (its face: its label, where it refers to them, the items it does so in, its day
    # on their timelines and a person's posts).
    relabelled_collections = set()
    for key in changed:
        before, after = old.records.get(key), new.records.get(key)
        seen_elsewhere = before is None or after is None or before.face != after.face
        for state in (before, after):
            if state is None:
                continue
            found.pages.add(index_source(state.collection))
            _add_eldership_pages(found, state)
            if seen_elsewhere:
                for target in state.references:
                    _add_record_page(found, new, target)
        if after is not None:
            found.pages.add(page_source(after.collection, key))
        if before is not None and (after is None or after.collection != before.collection):
            found.gone.add(page_source(before.collection, key))
        if before is None or after is None or _relabelled(before, after):
            for source in referrers.get(key, ()):
                _add_record_page(found, new, source)
                _add_eldership_pages(found, new.records[source])  # its row there shows the label
            relabelled_collections.update(state.collection for state in (before, after) if state is not None)
    for name, collection in schema.collections.items():
        # (a column that is no field, `milestones.next`, shows the record's own next task)
        fields = [collection.fields[column] for column in collection.columns if column in collection.fields]
        referred = {target for field in fields for target in field.references}
        if referred & relabelled_collections:
            found.pages.add(index_source(name))
    found.pages -= found.gone
    return found


def _add_elderships(found: Reach, old: SiteState, new: SiteState) -> None:
    """Where the list of elderships changed (records name them where the schema lists none):
    the index, and the pages of those no longer listed gone."""
    before, after = old.site.get("elderships"), new.site.get("elderships")
    if before == after:
        return
    found.pages.add(ELDERSHIPS)
    kept = set(json.loads(after)) if after else set()
    for name in json.loads(before) if before else []:
        if name not in kept:
            found.gone.add(eldership_source(name))


def _add_eldership_pages(found: Reach, state: RecordState) -> None:
    if state.elderships:
        found.pages.add(ELDERSHIPS)  # its counts
        found.pages.update(eldership_source(name) for name in state.elderships)


def _relabelled(before: RecordState, after: RecordState) -> bool:
    """Whether what others show of the record (its name, and where its page is) changed."""
    return before.label != after.label or before.collection != after.collection


def _add_record_page(found: Reach, state: SiteState, key: str) -> None:
    record = state.records.get(key)
    if record is not None:
        found.pages.add(page_source(record.collection, key))


def _referrers(state: SiteState) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, record in state.records.items():
        for target in record.references:
            found.setdefault(target, []).append(key)
    return found
