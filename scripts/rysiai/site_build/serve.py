"""`rysiai serve`: the site served while it is edited. After a save, only the pages the change
reaches are made again (incremental.py) and the browser reloads by itself.

When the records have errors, the last good site is still served, with a banner on every page
that lists them; when there never was a good build, every page is that list. Either way the
page reloads by itself once the files are fixed, and no request waits for a build that failed.
"""

from __future__ import annotations

import copy
import gc
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
import watchdog.observers.polling
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException, PluginError
from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _serve_url, _timestamp

from ..errors import InvalidData, RysiaiError
from ..findings import ERROR
from ..findings.wording import finding_line
from ..language import _
from ..schema import SCHEMA_FILE, load_schema
from ..site.html import esc
from ..site.strings import load_strings
from ..site.tables import RowMemo
from ..validate import CheckMemo
from .build import SiteError, config_file_of, library_error, overrides_of, own_folders, quiet_upstream_notices
from .memory import BuildMemory, TemplateMemory
from .quick import KeptBuild, build_again
from .settings_key import settings_key

SHOWN_FINDINGS = 30  # lines on the banner; the terminal has them all
# Files an editor writes beside the one it saves (swap, backup and test files): no rebuild.
IGNORED_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", "~")
IGNORED_NAMES = ("4913",)

log = logging.getLogger("rysiai.serve")


class ServedSite:
    """The site being served: its folder, the last build, and what is wrong now, if anything."""

    def __init__(self, root: Path, address: str, public: bool):
        self.root = root
        self.public = public
        self.config_file = config_file_of(root)
        self.overrides = overrides_of(self.config_file, public)
        self.folder = Path(tempfile.mkdtemp(prefix="rysiai-serve-"))
        self.memory = BuildMemory(templates=TemplateMemory(), checked=CheckMemo(), rows=RowMemo(), defer=True)
        self.finishing: threading.Thread | None = None
        self.built = False  # a good build was served at least once
        self.problem: list[str] | None = None  # what is wrong, as lines of text
        config = self._config(address)  # a mkdocs.yml that cannot be read stops here
        self.address = config.dev_addr
        self.url = _serve_url(self.address.host, self.address.port, urlsplit(config.site_url or "/").path)
        self.language = config.theme.get("language") or "lt"

    def _config(self, address: str | None = None):
        extra = {"dev_addr": address} if address else {}
        # mkdocs changes the settings it is given: each load gets its own copy.
        config = load_config(config_file=str(self.config_file), site_dir=str(self.folder), **extra, **copy.deepcopy(self.overrides))
        if config.plugins.get("rysiai") is None:
            raise SiteError(_("{config} does not use the rysiai plugin: add `- rysiai` under `plugins`").format(config=self.config_file))
        return config

    def build(self) -> None:
        """Build what changed; never raises: what went wrong becomes the banner (and goes to
        the terminal), and the last good site stays. The download files and the search index
        follow in a thread of their own once the pages are served."""
        self.wait_for_downloads_and_search()
        kept, self.memory.mkdocs = self.memory.mkdocs, None
        collecting = gc.isenabled()
        # Through a quick build the cycle collector stays off, until the downloads and the
        # search index are made, and then collects once (_after_pages): at 20,000 records a full
        # pass over the server's millions of objects takes a second or more, and falling due
        # during or just after a build it held back the pages the browser was reloading. (A new
        # mkdocs build makes every page's objects: it runs with the collector as it was.)
        gc.disable()
        try:
            if not self._build_quickly(kept):
                if collecting:
                    gc.enable()
                config = self._config()
                config.site_url = self.url
                key = settings_key(self.root, self.config_file, self.overrides, own_folders(config))
                if key != self.memory.key:
                    self.memory.key, self.memory.last = key, None
                config.plugins["rysiai"].memory = self.memory
                mkdocs_build(config, serve_url=self.url, dirty=True)  # keeps its objects in memory.mkdocs
        except Exception as error:  # noqa: BLE001 — whatever it is, the server goes on
            if kept is not None and isinstance(library_error(error), InvalidData):
                self.memory.mkdocs = kept  # nothing was written: the next save may still build quickly
            self._failed(error)
            if collecting:
                gc.enable()
            return
        self.memory.last, self.memory.made = self.memory.made, None
        self.built, self.problem = True, None
        work, self.memory.after_pages = self.memory.after_pages, None
        self.finishing = threading.Thread(
            target=self._after_pages, args=(work, collecting), name="rysiai-downloads-search", daemon=True,
        )
        self.finishing.start()

    def _build_quickly(self, kept: KeptBuild | None) -> bool:
        """Build over the last build's mkdocs objects (quick.py) where only records changed
        since; False where a new mkdocs build is needed."""
        if kept is None or self.public or not kept.usable() or self.memory.last is None:
            return False
        key = settings_key(self.root, self.config_file, self.overrides, own_folders(kept.config))
        if key != self.memory.key:
            return False
        if not build_again(kept, self.root, self.memory):  # (the cycle collector is off: see build)
            return False
        self.memory.mkdocs = kept
        return True

    def _after_pages(self, work, collecting: bool) -> None:
        try:
            if work is not None:
                work()
        except Exception as error:  # noqa: BLE001 — the pages are served; the rest waits for the next build
            self.memory.last = None
            log.error(_("the site could not be built: {reason}").format(reason=error))
        finally:
            if collecting:
                gc.collect()  # the build's cycles, once, while nobody waits for a page
                gc.enable()

    def wait_for_downloads_and_search(self) -> None:
        if self.finishing is not None:
            self.finishing.join()
            self.finishing = None

    def _failed(self, error: Exception) -> None:
        own = library_error(error)
        if isinstance(own, InvalidData):
            errors = [finding for finding in own.report.sorted() if finding.severity == ERROR]
            self.problem = [finding_line(finding) for finding in errors]
            log.error(_("rysiai: the data has errors; the last good site is served until they are fixed"))
            return
        # Files may have been written before it failed: the next build makes everything.
        self.memory.last = None
        if isinstance(own, RysiaiError) or isinstance(error, (PluginError, ConfigurationError, Abort, MkDocsException)):
            reason = str(own or error)
        else:
            reason = f"{type(error).__name__}: {error}"
        self.problem = [_("the site could not be built: {reason}").format(reason=reason)]
        log.error(self.problem[0])

    def banner(self) -> str:
        """The banner over every page while there is a problem (empty when there is none)."""
        if self.problem is None:
            return ""
        strings = load_strings(self.language)
        title = strings["serve_stale"] if self.built else strings["serve_no_site"]
        lines = "".join(f"<li><code>{esc(line)}</code></li>" for line in self.problem[:SHOWN_FINDINGS])
        if len(self.problem) > SHOWN_FINDINGS:
            lines += f"<li>{esc(strings['serve_more'].format(count=len(self.problem) - SHOWN_FINDINGS))}</li>"
        return (
            '<div role="alert" data-rysiai-problem style="position:sticky;top:0;z-index:1000;'
            "background:#b71c1c;color:#fff;padding:.8em 1.2em;font:16px/1.45 sans-serif;"
            'max-height:60vh;overflow:auto">'
            f"<strong>{esc(title)}</strong> {esc(strings['serve_fix'])}"
            f'<ul style="margin:.4em 0 0 1.2em;padding:0">{lines}</ul></div>'
        )

    def close(self) -> None:
        self.wait_for_downloads_and_search()
        shutil.rmtree(self.folder, ignore_errors=True)


class SiteServer(LiveReloadServer):
    """mkdocs's live-reload server, showing the served site's problem on every page."""

    def __init__(self, site: ServedSite):
        super().__init__(builder=site.build, host=site.address.host, port=site.address.port, root=str(site.folder))
        self.site = site
        self.observer = _observer()
        self.error_handler = self._error_page

    def serve_request(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not self.site.built and not path.startswith("/livereload/"):
            start_response("503 Service Unavailable", [("Content-Type", "text/html; charset=utf-8"), ("Retry-After", "1")])
            return [self._page_of_problem()]
        return super().serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        banner = self.site.banner()
        if not banner:
            return content
        body = content.find(b"<body")
        end = content.find(b">", body) if body != -1 else -1
        at = end + 1 if end != -1 else 0
        return content[:at] + banner.encode("utf-8") + content[at:]

    def _error_page(self, code: int) -> bytes | None:
        page = Path(self.site.folder) / f"{code}.html"
        if code == 404 and page.is_file():
            return self._inject_js_into_html(page.read_bytes(), self._visible_epoch)
        return None

    def _page_of_problem(self) -> bytes:
        strings = load_strings(self.site.language)
        script = _SCRIPT_TEMPLATE.substitute(epoch=self._visible_epoch, request_id=_timestamp())
        return (
            f'<!doctype html><html lang="{esc(self.site.language)}"><head><meta charset="utf-8">'
            f"<title>{esc(strings['serve_no_site'])}</title></head><body>{self.site.banner()}"
            f"<script>{script}</script></body></html>"
        ).encode("utf-8")

    def watch(self, path: str, func=None, *, recursive: bool = True, names: frozenset[str] = frozenset()) -> None:
        """Rebuild when a file under ``path`` changes (only those ``names``, if given)."""
        path = os.path.abspath(path)
        if path not in self._watched_paths:
            self._watched_paths[path] = 1
            self._watch_refs[path] = self.observer.schedule(
                _Changes(self._rebuild_wanted, names), path, recursive=recursive
            )

    def _rebuild_wanted(self) -> None:
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()


class _Changes(watchdog.events.FileSystemEventHandler):
    """Asks for a rebuild when a file is written, added, removed or renamed, but not for an
    editor's swap or backup file, nor when a file is only read (as a build reads them all)."""

    CHANGES = ("created", "deleted", "modified", "moved", "closed")

    def __init__(self, wanted, names: frozenset[str]):
        self.wanted = wanted
        self.names = names

    def on_any_event(self, event) -> None:
        if event.is_directory or event.event_type not in self.CHANGES:
            return
        paths = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
        if any(path and self._counts(Path(path).name) for path in paths):
            self.wanted()

    def _counts(self, name: str) -> bool:
        if self.names:
            return name in self.names
        return not (name.startswith(".") or name.endswith(IGNORED_SUFFIXES) or name in IGNORED_NAMES)


def _observer():
    """The system's own file notifications where there are any (no polling of thousands of
    files every half second), else polling."""
    try:
        return watchdog.observers.Observer()
    except (OSError, RuntimeError):  # pragma: no cover — no inotify here
        return watchdog.observers.polling.PollingObserver(timeout=0.5)


def serve_site(root: Path, address: str, *, public: bool = False) -> None:
    """Serve the site of the data repository at ``root`` with live reload: a saved change of a
    record, the schema, mkdocs.yml or docs/ rebuilds what it reaches. ``public`` serves the
    public site."""
    quiet_upstream_notices()
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    logging.getLogger("rysiai").setLevel(logging.INFO)
    try:
        site = ServedSite(root, address, public)
    except (ConfigurationError, Abort, MkDocsException) as error:
        raise SiteError(_("the site could not be served: {error}").format(error=error)) from None
    try:
        site.build()  # before the server's threads start: the first build may use a second process
        server = SiteServer(site)
        # mkdocs.yml and the schema are watched through their folder: an editor that saves by
        # writing a new file and renaming it would leave a watch on the old file blind.
        server.watch(str(site.root), recursive=False, names=frozenset({site.config_file.name, SCHEMA_FILE}))
        for path in _watched(site):
            server.watch(str(path))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info(_("Shutting down..."))
        finally:
            server.shutdown()
    finally:
        site.close()


def _watched(site: ServedSite) -> list[Path]:
    """docs/, a theme's own folder and every collection's folder."""
    config = site._config()
    paths = own_folders(config)
    try:
        paths.extend(site.root / name for name in load_schema(site.root).collections)
    except RysiaiError:
        pass
    return [path for path in dict.fromkeys(paths) if path.is_dir()]
