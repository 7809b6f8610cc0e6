"""`rysiai build` and `rysiai serve`: the mkdocs build and server, run on a data repository.

A build goes to a new folder beside the output first and replaces the output only when it has
succeeded, so a failed build never leaves a half-built site where the last good one was.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException, PluginError
from mkdocs.utils.yaml import yaml_load

from ..errors import RysiaiError
from ..language import _
from ..schema import load_schema

CONFIG_FILE = "mkdocs.yml"


class SiteError(RysiaiError):
    """mkdocs could not build or serve the site (not a problem in the records)."""


def _config_file(root: Path) -> Path:
    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        raise SiteError(_("{root} has no {config}; `rysiai init` writes one").format(root=root, config=CONFIG_FILE))
    return config_file


class _Errors(logging.Handler):
    """Keeps what mkdocs logs as errors for our one message (its exception only says "Aborted
    with a BuildError")."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _BelowErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR


def _take_mkdocs_log(errors: _Errors) -> list[logging.Handler]:
    """While building: mkdocs's warnings to standard error, its errors into ``errors``."""
    warnings = logging.StreamHandler()
    warnings.setLevel(logging.WARNING)
    warnings.addFilter(_BelowErrors())
    warnings.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.propagate = False
    for handler in (warnings, errors):
        mkdocs_log.addHandler(handler)
    return [warnings, errors]


def _give_back_mkdocs_log(handlers: list[logging.Handler]) -> None:
    mkdocs_log = logging.getLogger("mkdocs")
    for handler in handlers:
        mkdocs_log.removeHandler(handler)
    mkdocs_log.propagate = True


def _quiet_upstream_notices() -> None:
    # Material prints a notice about its successor on every build; staff cannot act on it.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(root: Path, site_dir: Path, *, public: bool = False) -> Path:
    """Build the site of the data repository at ``root`` into ``site_dir``; raise InvalidData
    (with the report) when the records have errors, SiteError when mkdocs fails. ``public``
    builds the public site (the plugin's `public: true`)."""
    _quiet_upstream_notices()
    config_file = _config_file(root)
    site_dir = site_dir.resolve()
    _refuse_unsafe_output(root.resolve(), site_dir, list(load_schema(root).collections))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    errors = _Errors()
    handlers = _take_mkdocs_log(errors)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(fresh), **_overrides(config_file, public))
        if config.plugins.get("rysiai") is None:
            raise SiteError(_("{config} does not use the rysiai plugin: add `- rysiai` under `plugins`").format(config=config_file))
        mkdocs_build(config)
    except SiteError:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    except (PluginError, ConfigurationError, Abort, MkDocsException, OSError) as error:
        shutil.rmtree(fresh, ignore_errors=True)
        own = _library_error(error)
        if own is not None:  # the library's own (invalid data), worded by the command
            raise own from None
        reason = "; ".join(errors.messages) or str(error)
        raise SiteError(_("the site could not be built: {reason}").format(reason=reason)) from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    finally:
        _give_back_mkdocs_log(handlers)
    _replace(site_dir, fresh)
    return site_dir


def _library_error(error: BaseException) -> RysiaiError | None:
    """The library's error that mkdocs wrapped (the plugin's PluginError, then mkdocs's Abort)."""
    while error is not None:
        if isinstance(error, RysiaiError):
            return error
        error = error.__cause__ or error.__context__
    return None


def _overrides(config_file: Path, public: bool) -> dict:
    """mkdocs.yml's settings to change for this build: for a public one, the rysiai plugin's
    `public: true` (mkdocs takes the plugins list whole, so it is read and given back)."""
    if not public:
        return {}
    with open(config_file, "rb") as file:
        plugins = (yaml_load(file) or {}).get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    changed = []
    for entry in plugins:
        if entry == "rysiai":
            entry = {"rysiai": {"public": True}}
        elif isinstance(entry, dict) and "rysiai" in entry:
            entry = {"rysiai": {**(entry["rysiai"] or {}), "public": True}}
        changed.append(entry)
    return {"plugins": changed}


def _refuse_unsafe_output(root: Path, site_dir: Path, collections: list[str]) -> None:
    """The output folder is replaced whole: it must not hold the data or be a record folder."""
    inside_data = site_dir == root or root.is_relative_to(site_dir)
    folders = [root / name for name in collections]
    in_collection = any(site_dir == folder or site_dir.is_relative_to(folder) for folder in folders)
    in_docs = site_dir == root / "docs" or site_dir.is_relative_to(root / "docs")
    if inside_data or in_collection or in_docs or (root / ".git") == site_dir:
        raise SiteError(
            _("{folder} cannot be the output folder: building replaces it whole, and it holds the "
              "data repository's own files; choose a folder such as {example}").format(folder=site_dir, example=root / "site")
        )
    if site_dir.exists() and not site_dir.is_dir():
        raise SiteError(_("{folder} is a file, not a folder; choose another output folder").format(folder=site_dir))


def _replace(site_dir: Path, fresh: Path) -> None:
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
        site_dir.rename(old)
    fresh.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def serve_site(root: Path, address: str, *, public: bool = False) -> None:
    """Serve the site with live reload: editing, adding or deleting a record rebuilds it.
    ``public`` serves the public site."""
    from mkdocs.commands.serve import serve

    _quiet_upstream_notices()
    config_file = _config_file(root)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        serve(config_file=str(config_file), dev_addr=address, livereload=True, **_overrides(config_file, public))
    except (PluginError, ConfigurationError, Abort, MkDocsException) as error:
        raise SiteError(_("the site could not be served: {error}").format(error=error)) from None
