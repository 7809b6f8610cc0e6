"""The mkdocs plugin `rysiai`: glue that hands mkdocs's events to one SiteBuild (site.py)."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..errors import InvalidData, RysiaiError
from ..language import _
from ..findings.wording import finding_line
from .memory import BuildMemory
from .quick import KeptBuild
from .site import SiteBuild, SiteOptions


# Pages written between two passes of the cycle collector while a build pauses it (build.py).
COLLECT_EVERY = 2000


class RysiaiConfig(base.Config):
    """Options of the `rysiai` plugin in mkdocs.yml."""

    root = c.Optional(c.Type(str))
    """The data repository; default: the folder of mkdocs.yml."""
    edit_uri = c.Type(str, default="edit/main/")
    """Appended to repo_url, then the record file's path: the record's edit link."""
    history_uri = c.Type(str, default="commits/main/")
    """Appended to repo_url, then the record file's path: the record's history link."""
    search = c.Type(bool, default=True)
    """Search the site with Pagefind from the header's search box."""
    search_exclude = c.ListOfItems(c.Choice(("public", "internal", "personal")), default=[])
    """Visibility classes whose values are kept out of the search index."""
    editor_url = c.Type(str, default="")
    """The browser editor's address (`rysiai edit`): record pages link to their form there, and
    indexes to a new record's; without it, the edit link opens the file on the git host."""
    public = c.Type(bool, default=False)
    """Build the public site: only what datapackage.yaml lets be published (privacy/)."""
    public_docs = c.ListOfItems(c.Type(str), default=["tags.md"])
    """Pages of docs/ that the public site keeps; the others are for staff."""
    today = c.Optional(c.Type(dt.date))
    """The day the site counts from (what is overdue, coming); default: the day it is built.
    For a site that must be the same whenever it is built (tests, screenshots)."""


def as_plugin_error(error: RysiaiError) -> PluginError:
    """The library's error worded for mkdocs's log; `rysiai build` finds the original as the cause."""
    if isinstance(error, InvalidData):
        lines = "\n".join(finding_line(finding) for finding in error.report.sorted())
        return PluginError(_("the data has errors; the site is not built:\n{lines}").format(lines=lines))
    return PluginError(str(error))


class RysiaiPlugin(BasePlugin[RysiaiConfig]):
    site: SiteBuild | None = None
    memory: BuildMemory | None = None  # the last build, handed over by `rysiai build` and `serve`
    # This build's mkdocs objects, kept for a server's next save (quick.py).
    _files: Files | None = None
    _nav: Navigation | None = None
    _env = None
    _written = 0  # pages written by this plugin's builds

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Loaded and checked here, before mkdocs cleans the output folder: invalid data stops
        # the build with the last good site still in place.
        root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        options = SiteOptions(
            edit_uri=self.config.edit_uri,
            history_uri=self.config.history_uri,
            editor_url=self.config.editor_url,
            search=self.config.search,
            search_exclude=tuple(self.config.search_exclude),
            public=self.config.public,
            public_docs=tuple(self.config.public_docs),
            today=self.config.today,
        )
        try:
            self.site = SiteBuild(root, options, config, self.memory)
        except RysiaiError as error:
            raise as_plugin_error(error) from error
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        return self.site.add_files(files, config)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.site.prepare_pages(nav, files, config)
        self._nav = nav
        return nav

    def on_page_markdown(self, markdown: str, page: Page, **kwargs) -> str:
        return self.site.page_markdown(markdown, page)

    def on_page_content(self, html_text: str, page: Page, **kwargs) -> str:
        return self.site.page_content(html_text, page)

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
        self.site.set_edit_url(page, config)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
        self._written += 1
        if self._written % COLLECT_EVERY == 0 and not gc.isenabled():
            gc.collect()  # (the build pauses the collector: build.py says why)
        return output

    @event_priority(200)  # before the tags plugin renders its listings with the templates
    def on_env(self, env, config: MkDocsConfig, files: Files, **kwargs):
        env.globals["rysiai_strings"] = self.site.context.strings
        if self.memory is not None and self.memory.templates is not None:
            env.bytecode_cache = self.memory.templates
        self._env, self._files = env, files
        return env

    def on_post_build(self, config: MkDocsConfig, **kwargs) -> None:
        try:
            self.site.finish(config)
        except RysiaiError as error:
            raise as_plugin_error(error) from error
        if self.memory is not None and self.memory.defer:  # a server: the next save may build quickly
            self.memory.mkdocs = KeptBuild(config, self._files, self._nav, self._env)

    def on_build_error(self, error, **kwargs) -> None:
        if self.site is not None:
            self.site.close()

    def on_serve(self, server, config: MkDocsConfig, builder, **kwargs):
        for path in self.site.watched():
            server.watch(str(path))
        return server
