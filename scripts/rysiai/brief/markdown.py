"""The mayor's brief as Markdown: one heading per section in the brief's order, every value written
so that no Markdown or HTML in it takes effect (except the Markdown fields, kept as written)."""

from __future__ import annotations

import re

from .changes import grouped
from .model import (
    AgreementNews, Brief, Coming, Detail, Due, Meeting, ProjectNews, RegisterChange, Task,
)
from .wording import Wording

_MARKUP = re.compile(r"([\\`*_\[\]<>|~#])")


def text(value: object) -> str:
    """Plain text inline in Markdown: one line, every character that could be markup escaped."""
    return escape(" ".join(str(value).split()))


def escape(value: str) -> str:
    return _MARKUP.sub(r"\\\1", value.replace("\n", " ").replace("\r", " "))


def code(value: str) -> str:
    return f"`` {value} ``" if "`" in value else f"`{value}`"


def render_markdown(brief: Brief, language: str = "lt") -> str:
    words = Wording(language)
    period = brief.period
    lines = [
        f"# {text(words.text('title'))}", "",
        text(words.text("period", start=words.day(period.start), end=words.day(period.end)))
        + " · " + text(words.text("prepared", today=period.today.isoformat())),
    ]
    for section in brief.sections:
        lines += ["", f"## {text(words.text('section_' + section.key.replace('-', '_')))}", ""]
        if section.note:
            lines.append(text(words.text(section.note.replace("-", "_"))))
        elif section.key == "changes":
            lines += _changes(section.items, brief, words)
        elif not section.items:
            lines.append(text(words.text("empty_" + section.key.replace("-", "_"))))
        else:
            for item in section.items:
                lines += RENDERERS[section.key](item, words)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip("\n") + "\n"


def _coming(item: Coming, words: Wording) -> list[str]:
    lines = [f"### {text(item.record.label)}", "", text(f"{words.item(item.item, item.collection_title)} · {words.when(item.start, item.end)}")]
    lines += _details(item.details, words)
    if item.tasks:
        lines += ["", text(words.text("open_tasks")) + ":", ""]
        lines += [_task(task, words) for task in item.tasks]
    return lines + [""]


def _task(task: Task, words: Wording) -> str:
    owner = words.name(task.owner) if task.owner else words.text("no_owner")
    due = f"{words.text('due_by', date=task.due.isoformat())} ({words.days(task.days)})" if task.due else words.text("no_due")
    return f"- {text(task.task)} — {text(owner)}, {text(due)}"


def _meeting(item: Meeting, words: Wording) -> list[str]:
    lines = [f"### {text(item.record.label)}", "", text(words.when(item.start, item.end))]
    lines += _details(item.details, words)
    lines += ["", text(words.text("drafts")) + ":", ""]
    if not item.drafts:
        lines.append(text(words.text("no_drafts")))
    for number, draft in enumerate(item.drafts, start=1):
        lines.append(f"{number}. {text(draft.title)}")
        lines += ["   " + line if line else line for line in _details(draft.details, words)[1:]]
    if item.conclusions is not None:
        lines += ["", text(item.conclusions.title) + ":", "", *_block(item.conclusions.value, "")]
    return lines + [""]


def _details(details: tuple[Detail, ...], words: Wording) -> list[str]:
    """A blank line, then one list item per detail (a Markdown field as a block under its item)."""
    lines = [""] if details else []
    for detail in details:
        if detail.form == "markdown":
            lines += [f"- {text(detail.title)}:", "", *_block(detail.value, "  "), ""]
        else:
            lines.append(f"- {text(detail.title)}: {_value(detail, words)}")
    return lines[:-1] if lines and lines[-1] == "" else lines


def _value(detail: Detail, words: Wording) -> str:
    if detail.form == "refs":
        return ", ".join(text(words.name(ref)) for ref in detail.value)
    if detail.form == "list":
        return "; ".join(text(item) for item in detail.value)
    if detail.form == "link":
        return code(detail.value)
    if detail.form == "yes-no":
        return text(words.yes_no(detail.value))
    return text(detail.value)


def _block(markdown: str, indent: str) -> list[str]:
    return [indent + line if line.strip() else "" for line in markdown.strip("\n").split("\n")]


def _due(item: Due, words: Wording) -> list[str]:
    what = words.item(item.item, item.collection_title) + (f" „{item.about}“" if item.about else "")
    owner = words.name(item.responsible) if item.responsible else words.text("nobody")
    line = (f"{item.due.isoformat()}, {words.days(item.days)}: {item.record.label} — {what}; "
            f"{words.text('deadline_responsible').lower()}: {owner}")
    return [f"- {text(line)}"]


def _project(item: ProjectNews, words: Wording) -> list[str]:
    if item.changed_from is not None:
        parts = [words.text("project_changed", date=item.changed_on.isoformat(), old=item.changed_from, new=item.status)]
    else:
        parts = [words.text("project_status", status=item.status)]
    if item.responsible is not None:
        parts.append(f"{words.text('deadline_responsible')}: {words.name(item.responsible)}")
    if item.next_milestone is not None:
        milestone = item.next_milestone
        due = f" ({milestone.due.isoformat()}, {words.days(milestone.days)})" if milestone.due else ""
        parts.append(words.text("project_next", title=milestone.title) + due)
    return [f"- {text(item.record.label)} — {text('; '.join(parts))}"]


def _agreement(item: AgreementNews, words: Wording) -> list[str]:
    kind = item.type or words.text("agreement")
    what = words.text(f"agreement_{item.what}", type=kind, years=item.years)
    line = f"{item.date.isoformat()}, {words.days(item.days, past=True)}: {item.record.label} — {what}"
    return [f"- {text(line)}"]


def _changes(changes: tuple[RegisterChange, ...], brief: Brief, words: Wording) -> list[str]:
    period = brief.period
    lines = [text(words.text("changes_between", since=period.since.isoformat(), until=period.until.isoformat()))]
    if not changes:
        return lines + ["", text(words.text("empty_changes"))]
    for what, shown, more in grouped(changes):
        lines += ["", f"### {text(words.group(what, len(shown) + more))}", ""]
        lines += [f"- {changed_record(change, words, markdown=True)} — {text(words.edits(change.edits))}" for change in shown]
        if more:
            lines.append(f"- {text(words.text('change_more', count=more))}")
    return lines


def changed_record(change: RegisterChange, words: Wording, *, markdown: bool = False) -> str:
    """The record a change is about, in words (Markdown-safe where ``markdown``)."""
    plain = escape if markdown else str
    quote = code if markdown else str

    def around(key: str, path: str) -> str:  # the label's words as text, the path as code
        before, _, after = words.text(key, path="\x00", old="\x00").partition("\x00")
        return plain(before) + quote(path) + plain(after)

    if change.path is None:
        return plain(words.text("person_hidden"))
    if change.record is None:
        return around("file", change.path)
    where = quote(change.path)
    if change.old_path:
        where += ", " + around("renamed_from", change.old_path)
    return f"{plain(words.name(change.record))} ({where})"


RENDERERS = {
    "coming": _coming,
    "meetings": _meeting,
    "deadlines": _due,
    "project-news": _project,
    "agreements": _agreement,
}
