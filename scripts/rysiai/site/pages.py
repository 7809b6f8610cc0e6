"""The generated pages of the site, as plain data: source name, title, tags, and a renderer.

Runs without mkdocs: the plugin (plugin.py) is glue that hands these pages to mkdocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..brief.wording import Wording
from ..kinds.elderships import elderships
from ..loading import Record
from .agreements_page import PAGE as AGREEMENTS
from .agreements_page import agreements_title, render_agreements_page
from .brief_page import PAGE as BRIEF, render_brief_page
from .context import HOME, SiteContext, index_source, record_source
from .elderships_page import INDEX as ELDERSHIPS
from .elderships_page import (
    eldership_source,
    eldership_title,
    render_eldership_page,
    render_elderships_index,
)
from .glossary_page import render_glossary_page
from .home_page import render_home_page
from .index_page import render_index_page
from .record_page import render_record_page


@dataclass
class SitePage:
    """One generated page. ``render()`` gives its HTML body; ``title`` and ``tags`` are plain text."""

    src_uri: str
    title: str
    render: Callable[[], str]
    tags: list[str] = field(default_factory=list)
    record: Record | None = None
    in_nav: bool = True  # whether mkdocs.yml's navigation may list it (record pages: never)


GLOSSARY = "glossary.md"
__all__ = ["AGREEMENTS", "ELDERSHIPS", "GLOSSARY", "SitePage", "site_pages"]


def site_pages(context: SiteContext, *, home_title: str) -> Iterator[SitePage]:
    """Home, the mayor's brief (staff only), the field glossary, the agreements overview, one index
    per collection, the elderships' pages, one page per record."""
    yield SitePage(HOME, home_title, lambda: render_home_page(context, home_title))
    if not context.public:
        yield SitePage(BRIEF, Wording(context.language).text("title"), lambda: render_brief_page(context))
    glossary = context.text("glossary")
    yield SitePage(GLOSSARY, glossary, lambda: render_glossary_page(context, glossary))
    agreements = agreements_title(context)
    if agreements is not None:
        yield SitePage(AGREEMENTS, agreements, lambda: render_agreements_page(context, agreements))
    for name, collection in context.repository.schema.collections.items():
        yield SitePage(
            index_source(name), collection.title, lambda c=collection: render_index_page(context, c)
        )
    title = context.text("elderships")
    yield SitePage(ELDERSHIPS, title, lambda: render_elderships_index(context, title))
    for name in elderships(context.repository):
        yield SitePage(
            eldership_source(name), eldership_title(context, name),
            lambda n=name: render_eldership_page(context, n), in_nav=False,
        )
    for record in context.repository.records:
        tags = record.typed.get("tags") or []
        yield SitePage(
            record_source(record),
            record.label,
            lambda r=record: render_record_page(context, r),
            tags=[str(tag) for tag in tags],
            record=record,
        )
