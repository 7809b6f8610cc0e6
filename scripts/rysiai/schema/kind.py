"""What a collection's records are to Ryšiai beyond their fields, as a resource's `kind` in
datapackage.yaml declares it: people and their roles over time, organisations, calendar entries,
deadlines, tasks, who is responsible, agreements, projects, the interaction log, elderships,
meetings with decision drafts, and what the yearly report and the map read (kind_report.py).
kinds/ reads it; nothing else names a collection."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from ..language import _

from .kind_report import Funding, PlaceRule, VisitRule, read_category, read_funding, read_place, read_visit


@dataclass(frozen=True)
class CalendarKind:
    """Each record is an entry of the calendar (and of its own feed) from `start` to `end`."""

    start: str
    end: str | None
    item: str  # one word for an entry (`visit`), used by the agenda and the site's labels
    agenda: bool = True  # listed among what is coming (a log of what happened is not)


@dataclass(frozen=True)
class DeadlineRule:
    """Each record waits for an answer by the date in `field`; when `field` is left out it is
    `counted_from` plus `working_days` working days."""

    field: str
    status: str  # the field that says whether the record still waits
    waiting: tuple[str, ...]  # its values that still wait; an empty status is the first of them
    item: str
    counted_from: str | None = None
    working_days: int | None = None
    answered_status: str | None = None  # the status that needs the date of the answer…
    answered_date: str | None = None  # …in this date field


@dataclass(frozen=True)
class TaskRule:
    """An array field of tasks, each with a text, a `due` date and `done`: a visit's follow-ups
    (`task`), a project's milestones (`title`)."""

    field: str
    text: str = "task"  # the items' field that says what is to be done
    item: str = "follow-up"  # one word for a task, used by the agenda, the feeds and the site


@dataclass(frozen=True)
class ProjectRule:
    """Records are projects: a status, and the statuses after which nothing more is due."""

    status: str
    closed: tuple[str, ...] = ()
    funding: Funding = Funding()  # the source and the amounts, for the report


@dataclass(frozen=True)
class LogRule:
    """Records are the log of calls, letters and meetings (`rysiai log` writes one): the day it
    happened, whom it was with, who held it and how."""

    date: str
    with_: str  # the references to whom it was with
    by: str | None = None  # the staff member's contact
    kind: str | None = None  # how: call, letter, e-mail, meeting (an allowed value)


@dataclass(frozen=True)
class MeetingsKind:
    """Records whose `field` holds one of `values` (every record, where `field` is left out) are
    meetings that decide on drafts (a regional development council's sittings): the mayor's brief
    lists each one ahead with its `drafts` and the advisor's `conclusions`."""

    drafts: str  # an array field of decision drafts: `title` and what else its items hold
    field: str | None = None
    values: tuple[str, ...] = ()
    conclusions: str | None = None  # the advisor's conclusions for the mayor


@dataclass(frozen=True)
class Kind:
    people: bool = False  # records are people: vCards, `rysiai person`, `rysiai forget`
    member_of: str | None = None  # the field naming the organisation a person works at
    organizations: bool = False  # records are organisations people work at
    calendar: CalendarKind | None = None
    deadline: DeadlineRule | None = None
    tasks: TaskRule | None = None  # an array field of tasks: a text, `owner`, `due`, `done`
    responsible: str | None = None  # the field naming who is responsible (a contact)
    agreements: str | None = None  # an array field of agreements: `type`, `signed`, `until`, `status`
    roles: str | None = None  # an array field of a person's posts over time: `organization`, `from`, `until`
    dated: str | None = None  # the date that places a record in time where no calendar or deadline does
    eldership: str | None = None  # the field naming the eldership(s) a record is in
    project: ProjectRule | None = None
    log: LogRule | None = None
    meetings: MeetingsKind | None = None  # calendar entries that are meetings with decision drafts
    place: PlaceRule | None = None  # where a record is: its town on the map of partners
    category: str | None = None  # the allowed-values field that says what sort of record it is
    visit: VisitRule | None = None  # records are delegation visits: their direction and delegation


TASK_FIELDS = {"due": "date", "done": "boolean"}
AGREEMENT_FIELDS = {"signed": "date", "until": "date"}
ROLE_FIELDS = {"organization": "string", "from": "date", "until": "date"}
DRAFT_FIELDS = {"title": "string"}


def read_kind(value: Any, where: str, fields: dict, problems: list[str]) -> Kind:
    """The kind of a resource (``fields``: its Field objects by name); problems are appended."""
    if value is None:
        return Kind()
    if not isinstance(value, dict):
        problems.append(_("{where}: `kind` must be a mapping such as `{{people: true}}`").format(where=where))
        return Kind()
    known = set(Kind.__dataclass_fields__)
    for key in value:
        if key not in known:
            problems.append(_("{where}: `kind` has `{key}`; the parts are: {value}").format(where=where, key=key, value=', '.join(sorted(known))))

    def field(name: Any, role: str, kind: str | None = None):
        if not isinstance(name, str) or name not in fields:
            problems.append(_("{where}: `kind.{role}` names `{name}`, which is not a field").format(where=where, role=role, name=name))
            return None
        if kind is not None and fields[name].type != kind:
            problems.append(_("{where}: `kind.{role}` names `{name}`, which must be of type {kind}").format(where=where, role=role, name=name, kind=kind))
        return name

    def array_with(name: Any, role: str, needed: dict[str, str]):
        name = field(name, role, "array")
        if name is not None and fields[name].type == "array":
            items = fields[name].fields
            for sub, kind in needed.items():
                if sub not in items or items[sub].type != kind:
                    problems.append(_("{where}: `kind.{role}`: the items of `{name}` need a field `{sub}` of type {kind}").format(where=where, role=role, name=name, sub=sub, kind=kind))
        return name

    kind = Kind(
        people=value.get("people") is True,
        organizations=value.get("organizations") is True,
        member_of=field(value["member_of"], "member_of") if "member_of" in value else None,
        responsible=field(value["responsible"], "responsible") if "responsible" in value else None,
        tasks=_tasks(value["tasks"], where, fields, array_with, problems) if "tasks" in value else None,
        agreements=array_with(value["agreements"], "agreements", AGREEMENT_FIELDS) if "agreements" in value else None,
        roles=array_with(value["roles"], "roles", ROLE_FIELDS) if "roles" in value else None,
        dated=field(value["dated"], "dated") if "dated" in value else None,
        eldership=field(value["eldership"], "eldership") if "eldership" in value else None,
        calendar=_calendar(value.get("calendar"), where, field, problems),
        deadline=_deadline(value.get("deadline"), where, fields, field, problems),
        project=_project(value.get("project"), where, fields, field, problems),
        log=_log(value.get("log"), where, fields, field, problems),
        meetings=_meetings(value.get("meetings"), where, fields, field, array_with, problems),
        place=read_place(value.get("place"), where, fields, field, problems),
        category=read_category(value.get("category"), where, fields, field, problems),
        visit=read_visit(value.get("visit"), where, fields, field, problems),
    )
    if kind.people and "name" not in fields:
        problems.append(_("{where}: `kind.people` needs a field `name` (the person's name)").format(where=where))
    organization = fields[kind.roles].fields.get("organization") if kind.roles else None
    if organization is not None and not organization.references:
        problems.append(_("{where}: `kind.roles`: the items' `organization` must have `references` (the organisations)").format(where=where))
    if kind.eldership and kind.eldership in fields and fields[kind.eldership].type not in ("string", "list"):
        problems.append(_("{where}: `kind.eldership` names `{eldership}`, which must be text or a list of text").format(where=where, eldership=kind.eldership))
    if kind.meetings is not None and kind.calendar is None:
        problems.append(_("{where}: `kind.meetings` needs `kind.calendar` (when each meeting starts)").format(where=where))
    return kind


def _tasks(value: Any, where: str, fields: dict, array_with, problems: list[str]) -> TaskRule | None:
    """`tasks: follow_ups` (each item's text in `task`), or `tasks: {field, text, item}`."""
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"field", "text", "item"})
        if unknown or not isinstance(value.get("item", ""), str):
            problems.append(_("{where}: `kind.tasks` must be a field name or a mapping such as `{{field: milestones, text: title, item: milestone}}`").format(where=where))
            return None
        rule = TaskRule(value.get("field"), value.get("text", "task"), value.get("item", "follow-up"))
    else:
        rule = TaskRule(value)
    name = array_with(rule.field, "tasks", {**TASK_FIELDS, rule.text: "string"})
    return rule if name is not None else None


def _project(value: Any, where: str, fields: dict, field, problems: list[str]) -> ProjectRule | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.append(_("{where}: `kind.project` must be a mapping such as `{{status: status, closed: [finished, stopped]}}`").format(where=where))
        return None
    status = field(value.get("status"), "project.status")
    closed = value.get("closed") or []
    allowed = fields[status].enum if status else None
    if not isinstance(closed, list) or (allowed and any(str(c) not in allowed for c in closed)):
        problems.append(_("{where}: `kind.project.closed` must list values of `{status}` after which nothing is due").format(where=where, status=status))
        closed = []
    funding = read_funding(value, where, fields, field, problems)
    return ProjectRule(status, tuple(str(c) for c in closed), funding) if status else None


def _log(value: Any, where: str, fields: dict, field, problems: list[str]) -> LogRule | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "date" not in value or "with" not in value:
        problems.append(_("{where}: `kind.log` must be a mapping such as `{{date: date, with: with, by: by, kind: kind}}`").format(where=where))
        return None
    date = field(value["date"], "log.date")
    with_ = field(value["with"], "log.with")
    if with_ and not fields[with_].references:
        problems.append(_("{where}: `kind.log.with` names `{field}`, which must have `references`").format(where=where, field=with_))
    by = field(value["by"], "log.by") if "by" in value else None
    how = field(value["kind"], "log.kind") if "kind" in value else None
    if how and not fields[how].enum:
        problems.append(_("{where}: `kind.log.kind` names `{how}`, which must list its allowed values (`enum`)").format(where=where, how=how))
    return LogRule(date, with_, by, how) if date and with_ else None


def _calendar(value: Any, where: str, field, problems: list[str]) -> CalendarKind | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("item"), str):
        problems.append(_("{where}: `kind.calendar` must be a mapping such as `{{start: start, end: end, item: visit}}`").format(where=where))
        return None
    start = field(value.get("start"), "calendar.start")
    end = field(value["end"], "calendar.end") if "end" in value else None
    agenda = value.get("agenda", True)
    if not isinstance(agenda, bool):
        problems.append(_("{where}: `kind.calendar.agenda` must be true or false").format(where=where))
        agenda = True
    return CalendarKind(start, end, value["item"], agenda) if start else None


def _deadline(value: Any, where: str, fields: dict, field, problems: list[str]) -> DeadlineRule | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("item"), str):
        problems.append(_("{where}: `kind.deadline` must be a mapping with `field`, `status`, `waiting` and `item`").format(where=where))
        return None
    due = field(value.get("field"), "deadline.field", "date")
    status = field(value.get("status"), "deadline.status")
    waiting = value.get("waiting")
    allowed = fields[status].enum if status else None
    if not isinstance(waiting, list) or not waiting or (allowed and any(w not in allowed for w in waiting)):
        problems.append(_("{where}: `kind.deadline.waiting` must list values of `{status}` that still wait").format(where=where, status=status))
        waiting = []
    days = value.get("working_days")
    counted_from = value.get("counted_from")
    if days is not None or counted_from is not None:
        counted_from = field(counted_from, "deadline.counted_from", "date")
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            problems.append(_("{where}: `kind.deadline.working_days` must be a whole number of days, e.g. 20").format(where=where))
            days = None
    answered = value.get("answered") or {}
    answered_status = answered.get("status") if isinstance(answered, dict) else None
    answered_date = field(answered["date"], "deadline.answered.date", "date") if isinstance(answered, dict) and "date" in answered else None
    if answered_status is not None and allowed and answered_status not in allowed:
        problems.append(_("{where}: `kind.deadline.answered.status` is `{answered_status}`, not a value of `{status}`").format(where=where, answered_status=answered_status, status=status))
    if not (due and status):
        return None
    return DeadlineRule(
        field=due, status=status, waiting=tuple(str(w) for w in waiting), item=value["item"],
        counted_from=counted_from, working_days=days,
        answered_status=answered_status, answered_date=answered_date,
    )


def _meetings(value: Any, where: str, fields: dict, field, array_with, problems: list[str]) -> MeetingsKind | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "drafts" not in value:
        problems.append(_("{where}: `kind.meetings` must be a mapping such as `{{field: kind, values: [krpt], drafts: drafts}}`").format(where=where))
        return None
    drafts = array_with(value["drafts"], "meetings.drafts", DRAFT_FIELDS)
    chosen = field(value["field"], "meetings.field") if "field" in value else None
    values = value.get("values", [])
    allowed = fields[chosen].enum if chosen else None
    if chosen and (not isinstance(values, list) or not values or (allowed and any(v not in allowed for v in values))):
        problems.append(_("{where}: `kind.meetings.values` must list values of `{field}` that mark a meeting").format(where=where, field=chosen))
        values = []
    conclusions = field(value["conclusions"], "meetings.conclusions") if "conclusions" in value else None
    if drafts is None:
        return None
    return MeetingsKind(drafts=drafts, field=chosen, values=tuple(str(v) for v in values), conclusions=conclusions)
