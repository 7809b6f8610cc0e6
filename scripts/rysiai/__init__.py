"""Ryšiai: the external-relations registry of a municipality, kept as plain files in git.

The library runs without the CLI: ``load_repository(root)`` reads the records,
``check_repository(repository)`` returns a ``Report`` of findings.
"""

from .errors import RepositoryNotFound, RysiaiError, SchemaError
from .findings import Finding, Report
from .repository import Repository, find_root, load_repository
from .validate import check_repository, validate

__version__ = "0.1.0"

__all__ = [
    "Finding",
    "Report",
    "Repository",
    "RepositoryNotFound",
    "RysiaiError",
    "SchemaError",
    "check_repository",
    "find_root",
    "load_repository",
    "validate",
]
