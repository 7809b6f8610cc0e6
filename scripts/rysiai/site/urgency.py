"""How urgent a record that waits for an answer is (a request): the ones waiting first, the
overdue on top with the days overdue, then by days left; answered and closed ones below, newest
first. What the requests index is ordered by and what its "days left" column says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..kinds.deadlines import is_waiting
from ..loading import Record
from .context import SiteContext
from .html import esc


@dataclass(frozen=True)
class Urgency:
    order: tuple  # the record's place in the index
    rank: int  # the "days left" column's sort key: days left while waiting, then the rest
    html: str  # the "days left" cell
    css_class: str  # the row's class: overdue, waiting or settled


LATER = 10**6  # settled records sort after every waiting one


def urgency_of(context: SiteContext, record: Record) -> Urgency:
    rule = context.repository.schema.collections[record.collection].kind.deadline
    due = record.typed.get(rule.field)
    counted_from = record.typed.get(rule.counted_from) if rule.counted_from else None
    newest_first = -counted_from.toordinal() if isinstance(counted_from, dt.date) else 0
    if not is_waiting(context.repository, record) or not isinstance(due, dt.date):
        return Urgency((1, newest_first, record.id), LATER - newest_first, "", "rysiai-settled")
    days = (due - context.today).days
    if days < 0:
        text = context.text("overdue_days", days=-days)
        html = f'<strong class="rysiai-badge rysiai-badge-overdue">{esc(text)}</strong>'
        css_class = "rysiai-overdue"
    else:
        text = context.text("due_today") if days == 0 else context.text("days_left_count", days=days)
        html = f'<span class="rysiai-badge rysiai-badge-waiting">{esc(text)}</span>'
        css_class = "rysiai-waiting"
    return Urgency((0, days, newest_first, record.id), days, html, css_class)
