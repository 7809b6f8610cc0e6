"""What rendering the site needs, gathered once: records, back-links, labels, history, today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote

from ..findings import Finding
from ..kinds.calendar import DEADLINES_FEED, feeds
from ..kinds.elderships import records_by_eldership
from ..kinds.people import organization_of, people
from ..kinds.roles import people_by_organization
from ..loading import Record
from ..loading.record import LABEL_FIELDS
from ..repository import Repository, backlinks
from ..words.countries import country_name
from ..words.languages import language_name
from .history import Change
from .strings import load_strings
from .tables import RowMemo


@dataclass
class SiteContext:
    """Everything the page renderers read; built once per site build."""

    repository: Repository
    strings: dict[str, str]
    language: str
    today: dt.date
    history: dict[str, Change] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    directory_urls: bool = True
    history_base: str = ""  # the repository host's history address; a record's path follows it
    search_ignored: frozenset[str] = frozenset()  # visibility classes kept out of the search index
    public: bool = False  # the public site: no sources, changes, findings or deadlines
    backlinks: dict[str, list[tuple[Record, tuple]]] = field(default_factory=dict)
    editor_url: str = ""  # the browser editor (`rysiai edit`), where records are edited
    # What other parts put on a collection's index page (the map of partner towns): its HTML, made
    # when the page is.
    inserts: dict[str, Callable[[], str]] = field(default_factory=dict)
    rows: RowMemo | None = None  # a server's index rows of its last build (site_build)

    @classmethod
    def build(
        cls,
        repository: Repository,
        *,
        language: str = "lt",
        today: dt.date | None = None,
        history: dict[str, Change] | None = None,
        findings: list[Finding] | None = None,
        directory_urls: bool = True,
        history_base: str = "",
        search_ignored: frozenset[str] = frozenset(),
        public: bool = False,
        editor_url: str = "",
    ) -> SiteContext:
        return cls(
            repository=repository,
            strings=load_strings(language),
            language=language,
            today=today or dt.date.today(),
            history=history or {},
            findings=findings or [],
            directory_urls=directory_urls,
            history_base=history_base,
            search_ignored=search_ignored,
            public=public,
            backlinks=backlinks(repository),
            editor_url="" if public else editor_url.rstrip("/") + "/" if editor_url else "",
        )

    @cached_property
    def organizations_of_people(self) -> frozenset[str]:
        """The organisations that some person works at (their pages offer vCards)."""
        repository = self.repository
        return frozenset(organization_of(repository, person) for person in people(repository)) - {None}

    @cached_property
    def people_by_organization(self):
        """Each organisation's people now and before (kinds/roles.py), as of the build date."""
        return people_by_organization(self.repository, self.today)

    @cached_property
    def records_by_eldership(self) -> dict[str, list[Record]]:
        """Each eldership's records (kinds/elderships.py)."""
        return records_by_eldership(self.repository)

    @property
    def feeds(self) -> tuple[str, ...]:
        """The calendar feeds the site offers: deadlines are the office's own business."""
        return tuple(feed for feed in feeds(self.repository.schema) if not (self.public and feed == DEADLINES_FEED))

    def insert(self, collection: str) -> str:
        """What another part puts on the collection's index page, if anything."""
        made = self.inserts.get(collection)
        return made() if made is not None else ""

    def text(self, key: str, **values: object) -> str:
        return self.strings[key].format(**values)

    def text_or(self, key: str, fallback: str, **values: object) -> str:
        """The label ``key`` where the site's strings have one (a word of a kind they know:
        `calendar_visits`), else the general ``fallback`` (with the values, e.g. the title)."""
        return self.strings.get(key, self.strings[fallback]).format(**values)

    def url(self, src_uri: str) -> str:
        """The site-relative URL of a page from its source name (`partners/talsi.md`)."""
        stem = src_uri.removesuffix(".md")
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"

    def editor_form(self, record: Record) -> str:
        """The record's form in the browser editor (its addresses: `/<collection>/<id>/`)."""
        return f"{self.editor_url}{quote(record.collection)}/{quote(record.id)}/"

    def editor_new(self, collection: str) -> str:
        return f"{self.editor_url}{quote(collection)}/new"

    def record_url(self, record: Record) -> str:
        return self.url(record_source(record))

    def index_url(self, collection: str) -> str:
        return self.url(index_source(collection))

    def label_is_unsearchable(self, record: Record) -> bool:
        """Whether a record's name or title is of a visibility class kept out of search."""
        fields = self.repository.schema.collections[record.collection].fields
        label_field = next((fields[name] for name in LABEL_FIELDS if name in fields), None)
        return label_field is not None and label_field.visibility in self.search_ignored

    def country_name(self, code: str) -> str:
        return country_name(code, self.language)

    def language_name(self, code: str) -> str:
        return language_name(code, self.language)


HOME = "index.md"


def record_source(record: Record) -> str:
    """The generated page's source name for a record: `<collection>/<id>.md`."""
    return page_source(record.collection, record.id)


def page_source(collection: str, record_id: str) -> str:
    return f"{collection}/{record_id}.md"


def index_source(collection: str) -> str:
    """A collection's index page: `<collection>/index.md`."""
    return f"{collection}/index.md"
