"""Findings as data: each kind has a stable code, a severity and a message template; a finding
keeps the values its message is made from, and is worded only at the edge (wording.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .wording import Phrase, message

__all__ = ["ERROR", "WARNING", "Finding", "FindingKind", "Phrase", "Report"]

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class FindingKind:
    """One kind of finding. Its code is stable: people and scripts rely on it. ``template`` and
    ``fix`` name the values a finding of this kind carries (`{field}`, `{value}`…)."""

    code: str
    severity: str
    title: str
    template: str
    fix: str = ""

    def __call__(
        self,
        *,
        path: str,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
        severity: str | None = None,
        **values: Any,
    ) -> Finding:
        return Finding(
            path=path,
            line=line,
            record=record,
            field=field,
            code=self.code,
            severity=severity or self.severity,
            kind=self,
            values=values,
        )


@dataclass(frozen=True)
class Finding:
    """Something wrong (error) or worth a look (warning) in one place of the data repository,
    with the values that say what (``values``: the value found, the allowed ones, a hint…)."""

    path: str
    line: int | None
    record: str | None
    field: str | None
    code: str
    severity: str
    kind: FindingKind = field(compare=False, repr=False)
    values: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def message(self) -> str:
        """The finding worded (see wording.py)."""
        return message(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "record": self.record,
            "field": self.field,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "values": {key: _plain(value) for key, value in self.values.items()},
        }


def _plain(value: Any) -> Any:
    """A value as JSON carries it."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return str(value)


def _sort_key(finding: Finding) -> tuple:
    return (finding.path, finding.line or 0, finding.code, finding.field or "", repr(sorted(finding.values.items())))


@dataclass
class Report:
    """All findings of one validation, in a stable order (file, line)."""

    findings: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings) -> None:
        self.findings.extend(findings)

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=_sort_key)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def valid(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {"valid": self.valid, "findings": [f.to_dict() for f in self.sorted()]}
