"""Projects in the brief: status changes in the period and the next milestones (kinds/)."""

from __future__ import annotations

from ..repository import Repository
from .changes import History
from .model import Period, ProjectNews


def project_news(repository: Repository, period: Period, history: History | None) -> tuple[list[ProjectNews], bool]:
    """The projects' news, and whether the register keeps no projects at all."""
    return [], True
