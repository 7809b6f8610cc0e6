"""`rysiai serve` after a save that changed records and nothing else: the pages the change reaches
are made again over the last build's mkdocs objects (its settings, files, navigation, templates
and plugins), not by a new mkdocs build.

A new mkdocs build goes over every page of the site, whatever changed: a file and a page object
for each, the navigation, each page's tags read and checked by the tags plugin. At 20,000 records
that was about half of a save's time. Here only the pages the change reaches are read and
rendered, with mkdocs's own functions and the same plugins; the tags plugin starts afresh and is
given the tags of the other pages as it read them last time, so that the tags page lists what a
full build would. Where the change adds or removes a page, or anything but the records changed,
or the day changed (each page says when it was built), the server builds with mkdocs as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from .memory import BuildMemory
from .site import SiteBuild

# The plugins whose work for a page depends on that page alone (and the tags plugin, handled
# here): with any other plugin in mkdocs.yml, every save is a new mkdocs build.
KNOWN_PLUGINS = {"search", "material/search", "rysiai", "tags", "material/tags"}
TAGS = ("material/tags", "tags")


@dataclass
class KeptBuild:
    """The mkdocs objects of the last build a server made, and the day it made them."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: object  # the theme's Jinja environment
    day: dt.date = field(default_factory=dt.date.today)

    def usable(self) -> bool:
        return self.day == dt.date.today() and set(self.config.plugins) <= KNOWN_PLUGINS


def build_again(kept: KeptBuild, root: Path, memory: BuildMemory) -> bool:
    """Make the pages a change of records reaches, over ``kept``; False (and nothing written)
    where a new mkdocs build is needed. Raises what a build raises (InvalidData first)."""
    config, files = kept.config, kept.files
    tags = next((config.plugins[name] for name in TAGS if name in config.plugins), None)
    if tags is not None and not isinstance(getattr(getattr(tags, "mappings", None), "data", None), dict):
        return False  # a tags plugin that keeps its tags otherwise than this module knows
    plugin = config.plugins["rysiai"]
    site = SiteBuild(root, plugin.site.options, config, memory)
    if not site.take_files(files, config):
        site.close()
        return False
    plugin.site = site
    read_before = dict(tags.mappings.data) if tags is not None else {}
    if tags is not None:
        tags.on_config(config)  # its tags and listings made anew, as for a new build
    for src_uri in site.pages:  # in the order a new build reads them (site.prepare_pages)
        file = files.get_file_from_path(src_uri)
        if file.rebuild:
            site.prepare_page(file, files, config)
        elif tags is not None and file.page.url in read_before:
            tags.mappings.data[file.page.url] = read_before[file.page.url]
    pages = files.documentation_pages()
    rendered = [file for file in pages if file.is_modified()]
    for file in rendered:
        _populate_page(file.page, config, files)
    env = config.plugins.on_env(kept.env, config=config, files=files)
    for file in rendered:
        _build_page(file.page, config, pages, kept.nav, env)
    site.finish(config)
    return True
