"""Findings worded for people, at the edge: the one place that turns a finding into its text
line (`PATH:LINE: SEVERITY: [code] message`), used by the command line and the site."""

from __future__ import annotations

from . import Finding


def finding_line(finding: Finding) -> str:
    """`contacts/ona.yaml:3: error: [email] …`, on one line whatever the values hold."""
    where = f"{finding.path}:{finding.line}" if finding.line else finding.path
    return f"{where}: {finding.severity}: [{finding.code}] {finding.message}"
