"""Projects (a kind with `projects`): their status, whether nothing more is due, and the next
milestone, for the site, the agenda and the mayor's brief."""

from __future__ import annotations

from ..loading import Record
from ..repository import Repository
from ..schema import Schema
from .deadlines import Task, is_closed, next_task

__all__ = ["project_collections", "projects", "status", "is_closed", "next_milestone"]


def project_collections(schema: Schema) -> list[str]:
    return [name for name, collection in schema.collections.items() if collection.kind.project]


def projects(repository: Repository) -> list[Record]:
    """Every project's record, in reading order."""
    kept = set(project_collections(repository.schema))
    return [record for record in repository.records if record.collection in kept]


def status(repository: Repository, record: Record) -> tuple[str, str] | None:
    """A project's status and its label (`running`, `Įgyvendinamas`), if it has one."""
    collection = repository.schema.collections[record.collection]
    rule = collection.kind.project
    value = record.typed.get(rule.status) if rule else None
    if not isinstance(value, str):
        return None
    return value, collection.fields[rule.status].label_of(value)


def next_milestone(repository: Repository, record: Record) -> Task | None:
    """The first milestone not done (by due date); none for a finished or stopped project."""
    return next_task(repository, record)
