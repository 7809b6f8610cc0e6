"""The rules of the public site beyond the public view of the records: a public build stops where a
public text names a person who is not published, and keeps only the pages meant for the public."""

from __future__ import annotations

from dataclasses import replace

from ..errors import InvalidData
from ..findings import ERROR, Report, catalogue
from ..schema import Schema


def refuse_unpublished_names(report: Report) -> None:
    """A public build stops where a public text names a person who is not published: the
    warnings of `rysiai validate` are errors here."""
    named = [f for f in report.findings if f.code == catalogue.UNPUBLISHED_PERSON_NAMED.code]
    if named:
        raise InvalidData(Report([replace(finding, severity=ERROR) for finding in named]))


def public_pages(schema: Schema, site_pages: list[str], public_docs: list[str]) -> set[str]:
    """The pages a public site has: the generated ``site_pages`` (home, glossary), the staff's
    own pages listed in ``public_docs``, and the index of each published collection."""
    published = [name for name, collection in schema.collections.items() if collection.publish != "never"]
    return {*site_pages, *public_docs, *(f"{name}/index.md" for name in published)}


def public_nav(nav, pages: set[str]):
    """mkdocs.yml's nav without the pages a public site does not have (and emptied sections)."""
    if nav is None:
        return None
    kept = []
    for entry in nav:
        if isinstance(entry, str):
            if entry in pages:
                kept.append(entry)
            continue
        if not isinstance(entry, dict):
            continue
        (title, target), = entry.items()
        if isinstance(target, list):
            target = public_nav(target, pages)
            if target:
                kept.append({title: target})
        elif isinstance(target, str) and target in pages:  # links elsewhere may be internal too
            kept.append({title: target})
    return kept
