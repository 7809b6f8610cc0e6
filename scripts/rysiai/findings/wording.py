"""Findings worded for people, at the edge: the one place that turns a finding's kind and values
into its message, in the reader's language (language.py), and a finding into its text line
(`PATH:LINE: SEVERITY: [code] message`, the severity `klaida`/`įspėjimas` or `error`/`warning`),
for the command line and the site alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..language import N_, _, current_language, one_of, translations

if TYPE_CHECKING:
    from . import Finding

LONGEST_VALUE = 120


class Phrase(str):
    """A text Ryšiai words itself for a finding (the list of allowed values), not a value from the
    records: shown whole, where a value from the records is cut when it is long."""


SEVERITIES = {"error": N_("error"), "warning": N_("warning")}


def allowed_values(choices: list[str], labels: dict[str, str]) -> Phrase:
    """The values a field allows, each with its label: `` `done` (Įvykęs), `planned` (Planuojamas)
    or `cancelled` (Atšauktas)`` (the last joined by the reader's word for "or")."""
    return Phrase(one_of([f"`{choice}` ({labels[choice]})" if choice in labels else f"`{choice}`" for choice in choices]))


def message(finding: Finding, language: str | None = None) -> str:
    """The kind's template filled with the finding's values, and the hint how to fix it (the
    finding's own `hint` value, else the kind's general one), in ``language`` (default: the
    reader's, language.py)."""
    words = translations(language or current_language()).gettext
    kind = finding.kind
    values = {key: shown(value) for key, value in finding.values.items() if key != "hint"}
    if "hint" in finding.values:  # made by Ryšiai, not a value: escaped, never cut
        given = finding.values["hint"]
        values["hint"] = escaped(given) if isinstance(given, str) else given
    # A field name or an id comes from a file too: shown escaped like any value.
    named = {"field": shown(finding.field), "record": shown(finding.record)}
    text = words(kind.template).format(**named, **values)
    hint = values.get("hint") or (words(kind.fix).format(**named, **values) if kind.fix else "")
    return f"{text} ({hint})" if hint else text


def finding_line(finding: Finding) -> str:
    """`contacts/ona.yaml:3: error: [email] …`, on one line whatever the values and the file's
    name hold (the path escaped as values are)."""
    path = escaped(finding.path)
    where = f"{path}:{finding.line}" if finding.line else path
    return f"{where}: {severity_word(finding.severity)}: [{finding.code}] {message(finding)}"


def severity_word(severity: str) -> str:
    return _(SEVERITIES[severity])


def shown(value: Any) -> Any:
    """A value as a one-line message shows it: escaped, and long values cut. A Phrase is shown
    whole (whatever it holds from the records, its maker shows as this does)."""
    if not isinstance(value, str) or isinstance(value, Phrase):
        return value
    text = escaped(value)
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def escaped(text: str) -> str:
    """Line breaks, control characters (a terminal's escape sequences) and other invisible
    characters written as Python escapes (`\\n`, `\\x1b`): text from a file cannot forge
    another finding's line or drive the terminal."""
    if text.isprintable():
        return text
    return "".join(
        character if character.isprintable() else repr(character)[1:-1] for character in text
    )
