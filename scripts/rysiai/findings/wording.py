"""Findings worded for people, at the edge: the one place that turns a finding's kind and values
into its message, in the reader's language (language.py), and a finding into its text line
(`PATH:LINE: SEVERITY: [code] message`, the severity `klaida`/`įspėjimas` or `error`/`warning`),
for the command line and the site alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..language import N_, _, current_language, translations

if TYPE_CHECKING:
    from . import Finding

LONGEST_VALUE = 120


class Phrase(str):
    """A text Ryšiai words itself for a finding (the list of allowed values), not a value from the
    records: shown whole, where a value from the records is cut when it is long."""


SEVERITIES = {"error": N_("error"), "warning": N_("warning")}


def message(finding: Finding, language: str | None = None) -> str:
    """The kind's template filled with the finding's values, and the hint how to fix it (the
    finding's own `hint` value, else the kind's general one), in ``language`` (default: the
    reader's, language.py)."""
    words = translations(language or current_language()).gettext
    kind = finding.kind
    values = {key: _shown(value) for key, value in finding.values.items()}
    text = words(kind.template).format(field=finding.field, record=finding.record, **values)
    hint = values.get("hint") or (words(kind.fix).format(field=finding.field, record=finding.record, **values) if kind.fix else "")
    return f"{text} ({hint})" if hint else text


def finding_line(finding: Finding) -> str:
    """`contacts/ona.yaml:3: error: [email] …`, on one line whatever the values hold."""
    where = f"{finding.path}:{finding.line}" if finding.line else finding.path
    return f"{where}: {severity_word(finding.severity)}: [{finding.code}] {message(finding)}"


def severity_word(severity: str) -> str:
    return _(SEVERITIES[severity])


def _shown(value: Any) -> Any:
    """A value as a one-line message shows it: line breaks and control characters escaped
    (a value cannot forge another finding's line), and long values cut."""
    if not isinstance(value, str):
        return value
    if isinstance(value, Phrase):
        return value
    shown = "".join(
        character if character.isprintable() else repr(character)[1:-1] for character in value
    )
    return shown if len(shown) <= LONGEST_VALUE else shown[: LONGEST_VALUE - 1] + "…"
