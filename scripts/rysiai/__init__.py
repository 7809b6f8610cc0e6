"""Ryšiai: the external-relations registry of a municipality, kept as plain files in git.

The library runs without the CLI: ``load_repository(root)`` reads the records,
``check_repository(repository)`` returns a ``Report`` of findings. The names below are loaded
when first used, so that `rysiai --version` and `--help` load none of the library.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

# Public name → the module that defines it.
_EXPORTS = {
    "Finding": "findings",
    "Report": "findings",
    "Repository": "repository",
    "RepositoryNotFound": "errors",
    "RysiaiError": "errors",
    "SchemaError": "errors",
    "check_repository": "validate",
    "find_root": "repository",
    "load_repository": "repository",
    "validate": "validate",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
