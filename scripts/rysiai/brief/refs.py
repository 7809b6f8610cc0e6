"""Records as the brief names them: a reference's id resolved to the record's label, if it exists."""

from __future__ import annotations

from typing import Any

from ..loading import Record
from ..repository import Repository
from ..words.ids import ERASED_PERSON
from .model import Ref


def ref(repository: Repository, record_id: Any) -> Ref:
    """The record an id names; an erased person or a dangling id keeps only the id."""
    record = repository.by_id.get(record_id) if record_id != ERASED_PERSON else None
    return record_ref(record) if record is not None else Ref(str(record_id))


def record_ref(record: Record) -> Ref:
    return Ref(record.id, record.collection, record.label)
