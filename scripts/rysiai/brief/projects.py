"""Projects in the brief (a kind with `project`): every project still open and any whose status
changed in the period, with the change (from git: the status before the period and on the day it
last changed), who is responsible and the next milestone."""

from __future__ import annotations

import datetime as dt

from ..kinds.projects import is_closed, next_milestone, project_collections, projects, status
from ..loading import Record
from ..loading.yaml_source import read_yaml_record
from ..repository import Repository
from ..words.collation import sort_key
from .changes import History, file_in
from .model import Milestone, Period, ProjectNews
from .refs import record_ref, ref


def project_news(repository: Repository, period: Period, history: History | None) -> tuple[list[ProjectNews], bool]:
    """The projects' news, and whether the register keeps no projects at all."""
    if not project_collections(repository.schema):
        return [], True
    news = []
    for record in projects(repository):
        change = _status_change(repository, record, history) if history is not None else None
        if is_closed(repository, record) and change is None:
            continue  # finished or stopped before the period: no news
        now = status(repository, record)
        milestone = next_milestone(repository, record)
        responsible = repository.schema.collections[record.collection].kind.responsible
        owner = record.typed.get(responsible) if responsible else None
        news.append(ProjectNews(
            record_ref(record),
            now[1] if now else "",
            change[0] if change else None,
            change[1] if change else None,
            ref(repository, owner) if isinstance(owner, str) else None,
            Milestone(milestone.text, milestone.due, (milestone.due - period.today).days if milestone.due else None)
            if milestone else None,
        ))
    return sorted(news, key=_order), False


def _order(news: ProjectNews) -> tuple:
    """Changed ones first, then by the next milestone's date (none last), then by name."""
    due = news.next_milestone.due if news.next_milestone else None
    return (news.changed_on is None, due is None, due or dt.date.max, sort_key(news.record.label or ""))


def _status_change(repository: Repository, record: Record, history: History) -> tuple[str, dt.date] | None:
    """The status before the period (as labelled) and the day it last changed, where the
    record's file was changed in the period and its status is not what it was."""
    file = history.files.get(record.path)
    collection = repository.schema.collections[record.collection]
    if file is None or not record.path.endswith(".yaml") or collection.kind.project is None:
        return None
    field = collection.fields[collection.kind.project.status]

    def status_in(revision: str, path: str):
        data = file_in(repository, revision, path)
        found = read_yaml_record(data, collection=record.collection, record_id=record.id, path=path)[0] if data else None
        return found.values.get(field.name) if found is not None else None

    first_commit, _ = file.commits[0]
    before = None if file.what == "new" else status_in(f"{first_commit}^", file.first_path)
    previous, changed_on = before, None
    for (commit, path), edit in zip(file.commits, file.edits):
        value = status_in(commit, path)
        if value != previous:
            previous, changed_on = value, edit.day
    if before is None or changed_on is None or before == record.values.get(field.name):
        return None
    return field.label_of(str(before)), changed_on
