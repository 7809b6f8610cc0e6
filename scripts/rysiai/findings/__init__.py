"""Findings as data: each kind has a stable code, a severity and a message template."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class FindingKind:
    """One kind of finding. Its code is stable: people and scripts rely on it."""

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
        values = {key: _shown(value) for key, value in values.items()}
        message = self.template.format(field=field, record=record, **values)
        hint = values.get("hint") or (self.fix.format(field=field, record=record, **values) if self.fix else "")
        if hint:
            message = f"{message} ({hint})"
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            message=message,
            path=path,
            line=line,
            record=record,
            field=field,
        )


LONGEST_VALUE = 120


def _shown(value: Any) -> Any:
    """A value as a one-line message shows it: line breaks and control characters escaped
    (a value cannot forge another finding's line), and long values cut."""
    if not isinstance(value, str):
        return value
    shown = "".join(
        character if character.isprintable() else repr(character)[1:-1] for character in value
    )
    return shown if len(shown) <= LONGEST_VALUE else shown[: LONGEST_VALUE - 1] + "…"


@dataclass(frozen=True, order=True)
class Finding:
    """Something wrong (error) or worth a look (warning) in one place of the data repository."""

    path: str
    line: int | None
    record: str | None
    field: str | None
    code: str
    severity: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "record": self.record,
            "field": self.field,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }

    def to_text(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: [{self.code}] {self.message}"


def _sort_key(finding: Finding) -> tuple:
    return (finding.path, finding.line or 0, finding.code, finding.message)


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
