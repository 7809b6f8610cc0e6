"""`rysiai build` and `rysiai serve`: the mkdocs build and server, run on a data repository.

A build goes to a new folder beside the output first and replaces the output only when it has
succeeded, so a failed build never leaves a half-built site where the last good one was. With
its cache (site_cache.py) it makes again only the pages the changes since the last build reach.
"""

from __future__ import annotations

import copy
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException, PluginError
from mkdocs.utils.yaml import yaml_load

from ..errors import RysiaiError
from ..kept_results import KEPT
from ..language import _
from ..repository import paused_garbage_collection
from ..schema import load_schema
from .memory import BuildMemory
from .settings_key import settings_key
from .site_cache import FOLDER as CACHE_FOLDER
from .site_cache import CacheHold, CacheProblem, load_cache, save_cache

CONFIG_FILE = "mkdocs.yml"


class SiteError(RysiaiError):
    """mkdocs could not build or serve the site (not a problem in the records)."""


def config_file_of(root: Path) -> Path:
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


class _NoDirtyNotice(logging.Filter):
    """mkdocs warns that a "dirty" build may leave the navigation stale; ours reads every page
    for it (site.py), so the notice is not true of it (and would abort a `strict` build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


DIRTY_NOTICE = _NoDirtyNotice()
logging.getLogger("mkdocs.commands.build").addFilter(DIRTY_NOTICE)


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


def quiet_upstream_notices() -> None:
    # Material prints a notice about its successor on every build; staff cannot act on it.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def build_site(
    root: Path, site_dir: Path, *, public: bool = False, cache: bool = True,
    warn: Callable[[str], None] = _to_stderr, memory: BuildMemory | None = None,
) -> Path:
    """Build the site of the data repository at ``root`` into ``site_dir``; raise InvalidData
    (with the report) when the records have errors, SiteError when mkdocs fails. ``public``
    builds the public site (the plugin's `public: true`). With ``cache``, the last build of the
    same settings (in ROOT/.cache/rysiai) gives the pages the changes do not reach; ``warn``
    hears why a cache is not used or kept; ``memory``, if given, tells what was rendered."""
    # Python's cycle collector, left to itself, goes over every object again each time a
    # quarter more have been made: a dozen full passes over millions of them in a build of
    # 10,000 records, seconds of a build from the cache that renders a few pages. Paused, it
    # runs once after each COLLECT_EVERY pages written (plugin.py), which frees the cycles
    # mkdocs leaves behind its pages.
    with paused_garbage_collection():
        return _build_site(root, site_dir, public=public, cache=cache, warn=warn, memory=memory)


def _build_site(
    root: Path, site_dir: Path, *, public: bool, cache: bool, warn: Callable[[str], None], memory: BuildMemory | None,
) -> Path:
    quiet_upstream_notices()
    config_file = config_file_of(root)
    site_dir = site_dir.resolve()
    _refuse_unsafe_output(root.resolve(), site_dir, list(load_schema(root).collections))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    errors = _Errors()
    handlers = _take_mkdocs_log(errors)
    memory, key = memory or BuildMemory(), ""
    cache_folder = root / CACHE_FOLDER
    hold: CacheHold | None = None
    plugin = None
    built = False
    try:
        overrides = overrides_of(config_file, public)
        config = load_config(config_file=str(config_file), site_dir=str(fresh), **copy.deepcopy(overrides))
        plugin = config.plugins.get("rysiai")
        if plugin is None:
            raise SiteError(_("{config} does not use the rysiai plugin: add `- rysiai` under `plugins`").format(config=config_file))
        if cache:
            key = settings_key(root, config_file, overrides, own_folders(config))
            hold = CacheHold.take(cache_folder, key)
            if hold is None:
                warn(_("rysiai: another build is using the build cache in {folder}; this one builds from scratch "
                       "and leaves the cache as it is").format(folder=cache_folder))
                cache = False
        if cache:
            memory.last = _cached(cache_folder, key, warn)
            KEPT.start(memory.last.results if memory.last is not None else {})
        plugin.memory = memory
        mkdocs_build(config, dirty=True)
        if cache and memory.made is not None:
            memory.made.results = KEPT.kept()
        built = True
    except SiteError:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    except (PluginError, ConfigurationError, Abort, MkDocsException, OSError) as error:
        shutil.rmtree(fresh, ignore_errors=True)
        own = library_error(error)
        if own is not None:  # the library's own (invalid data), worded by the command
            raise own from None
        reason = "; ".join(errors.messages) or str(error)
        raise SiteError(_("the site could not be built: {reason}").format(reason=reason)) from None
    except BaseException:  # (Ctrl-C: mkdocs tells its plugins of errors, not of interruptions)
        if plugin is not None and plugin.site is not None:
            plugin.site.close()  # its second process and linking stopped before the folder goes
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    finally:
        KEPT.stop()
        _give_back_mkdocs_log(handlers)
        if hold is not None and not built:
            hold.release()
    try:
        _replace(site_dir, fresh)
        if cache and memory.made is not None:
            try:
                save_cache(cache_folder, key, memory.made, site_dir)
            except OSError as error:
                warn(_("rysiai: the build cache could not be written in {folder} ({problem}); the next build starts from scratch")
                     .format(folder=cache_folder, problem=error.strerror or error))
    finally:
        if hold is not None:
            hold.release()
    return site_dir


def own_folders(config) -> list[Path]:
    """The folders of mkdocs.yml whose files every page depends on: docs/ and a theme's own."""
    folders = [Path(config.docs_dir)]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    return folders


def _cached(folder: Path, key: str, warn: Callable[[str], None]):
    try:
        return load_cache(folder, key)
    except CacheProblem as problem:
        warn(_("rysiai: the build cache in {folder} is damaged ({problem}) and is not used; the site is built from scratch")
             .format(folder=folder, problem=problem))
        return None


def library_error(error: BaseException) -> RysiaiError | None:
    """The library's error that mkdocs wrapped (the plugin's PluginError, then mkdocs's Abort)."""
    while error is not None:
        if isinstance(error, RysiaiError):
            return error
        error = error.__cause__ or error.__context__
    return None


def overrides_of(config_file: Path, public: bool) -> dict:
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
