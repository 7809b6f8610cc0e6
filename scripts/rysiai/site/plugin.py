"""The mkdocs plugin `rysiai`: glue that hands the generated pages (pages.py) to mkdocs."""

from __future__ import annotations

import html
from dataclasses import replace
from importlib import resources
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..errors import RysiaiError
from ..export.calendar import calendar_feed
from ..findings import ERROR, Report, catalogue
from ..publishing import public_view
from ..repository import load_repository
from ..schema import SCHEMA_FILE
from ..validate import check_repository
from .context import SiteContext
from .downloads import FOLDER as VCARDS
from .downloads import vcard_files
from .history import last_changes
from .pages import GLOSSARY, SitePage, site_pages
from .prerender import Prerenderer
from .search_index import index_site

ASSETS = ("rysiai.css", "rysiai.js", "rysiai-search.js")
ASSETS_DIR = "assets/rysiai"
TEMPLATES = Path(__file__).parent / "templates"


class InvalidData(PluginError):
    """The data has errors: the site is not built. Carries the report for `rysiai build`."""

    def __init__(self, report):
        lines = "\n".join(finding.to_text() for finding in report.sorted())
        super().__init__(f"the data has errors; the site is not built:\n{lines}")
        self.report = report


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
    public = c.Type(bool, default=False)
    """Build the public site: only what datapackage.yaml lets be published (publishing.py)."""
    public_docs = c.ListOfItems(c.Type(str), default=["tags.md"])
    """Pages of docs/ that the public site keeps; the others are for staff."""


_public_for_this_process = False


def build_public_sites() -> None:
    """From now on this process builds public sites whatever mkdocs.yml says (`rysiai serve
    --public`, which hands mkdocs.yml to mkdocs as it is)."""
    global _public_for_this_process
    _public_for_this_process = True


def refuse_unpublished_names(report: Report) -> None:
    """A public build stops where a public text names a person who is not published: the
    warnings of `rysiai validate` are errors here."""
    named = [f for f in report.findings if f.code == catalogue.UNPUBLISHED_PERSON_NAMED.code]
    if named:
        raise InvalidData(Report([replace(finding, severity=ERROR) for finding in named]))


def public_nav(nav, pages: set[str]):
    """mkdocs.yml's nav without the pages a public site does not have (and emptied sections)."""
    if nav is None:
        return None
    kept = []
    for entry in nav:
        if isinstance(entry, str):
            if entry in pages:
                kept.append(entry)
            continue
        if not isinstance(entry, dict):
            continue
        (title, target), = entry.items()
        if isinstance(target, list):
            target = public_nav(target, pages)
            if target:
                kept.append({title: target})
        elif isinstance(target, str) and target in pages:  # links elsewhere may be internal too
            kept.append({title: target})
    return kept


class RysiaiPlugin(BasePlugin[RysiaiConfig]):
    def __init__(self):
        self.root: Path | None = None
        self.context: SiteContext | None = None
        self.pages: dict[str, SitePage] = {}
        self._checked: tuple | None = None
        self._prerenderer: Prerenderer | None = None

    def use_checked(self, repository, report) -> None:
        """Take a repository that `rysiai build` has already loaded and checked (saves doing it twice)."""
        self._checked = (repository, report)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Loaded and checked here, before mkdocs cleans the output folder: invalid data stops
        # the build with the last good site still in place.
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        if self._checked is not None and self._checked[0].root.resolve() == self.root:
            repository, report = self._checked
        else:
            try:
                repository = load_repository(self.root)
            except RysiaiError as error:
                raise PluginError(str(error)) from None
            report = check_repository(repository)
        if not report.valid:
            raise InvalidData(report)
        if _public_for_this_process:
            self.config.public = True
        if self.config.public:
            self.context = self._public_context(repository, report, config)
        else:
            repo_url = (config.repo_url or "").rstrip("/") + "/"
            self.context = SiteContext.build(
                repository,
                language=config.theme.get("language") or "lt",
                history=last_changes(self.root, list(repository.schema.collections)),
                findings=report.sorted(),
                directory_urls=config.use_directory_urls,
                history_base=repo_url + self.config.history_uri if config.repo_url else "",
                search_ignored=frozenset(self.config.search_exclude),
            )
        for asset in self._assets():
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            if f"{ASSETS_DIR}/{asset}" not in target:
                target.append(f"{ASSETS_DIR}/{asset}")
        if self.config.search:
            if "material/search" not in config.plugins:
                raise PluginError(
                    "the rysiai plugin's search needs the theme's search box: add `- search` "
                    "under `plugins` in mkdocs.yml (Pagefind answers it), or set `search: false`"
                )
            # Our partials/search.html goes before the theme's (after a custom_dir, if any).
            position = 1 if config.theme.custom_dir else 0
            if str(TEMPLATES) not in config.theme.dirs:
                config.theme.dirs.insert(position, str(TEMPLATES))
        return config

    def _public_context(self, repository, report, config: MkDocsConfig) -> SiteContext:
        """The public site's context, from the public view of the records (publishing.py)."""
        refuse_unpublished_names(report)
        # No way back to the repository host: no header link, no edit or history links.
        config.repo_url = None
        config.repo_name = None
        config.edit_uri = None
        config.nav = public_nav(config.nav, self._public_pages(repository.schema))
        return SiteContext.build(
            public_view(repository),
            language=config.theme.get("language") or "lt",
            directory_urls=config.use_directory_urls,
            public=True,
        )

    def _public_pages(self, schema) -> set[str]:
        published = [name for name, c in schema.collections.items() if c.publish != "never"]
        return {"index.md", GLOSSARY, *self.config.public_docs, *(f"{name}/index.md" for name in published)}

    def _assets(self) -> list[str]:
        return [a for a in ASSETS if self.config.search or a != "rysiai-search.js"]

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.config.public:  # the staff's own pages of docs/ stay off the public site
            for file in list(files):
                if file.abs_src_path and Path(file.abs_src_path).is_relative_to(Path(config.docs_dir)):
                    if file.src_uri not in self.config.public_docs:
                        files.remove(file)
        self.pages = {}
        for page in site_pages(self.context, home_title=config.site_name):
            self.pages[page.src_uri] = page
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                raise PluginError(
                    f"docs/{page.src_uri} is in the way of a generated page; rename or remove it"
                )
            inclusion = InclusionLevel.NOT_IN_NAV if page.record else InclusionLevel.UNDEFINED
            files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        for file in files:
            if file.src_uri.startswith(f"{VCARDS}/") or file.src_uri in self._feed_paths():
                raise PluginError(f"docs/{file.src_uri} is in the way of a generated download; rename or remove it")
        self._prerenderer = Prerenderer(
            [page for page in self.pages.values() if page.record],
            downloads=lambda: self._write_downloads(Path(config.site_dir), config.site_url or ""),
        )
        self._prerenderer.start()
        assets = resources.files(__package__) / "assets"
        for asset in self._assets():
            files.append(
                File.generated(config, f"{ASSETS_DIR}/{asset}", content=(assets / asset).read_bytes())
            )
        return files

    def _feed_paths(self) -> list[str]:
        return [f"{feed}.ics" for feed in self.context.feeds]

    def _write_downloads(self, site_dir: Path, site_url: str) -> int:
        """Write the files to download beside the pages: vCards of every contact, each
        organisation's people and all contacts, and the calendar feeds calendar.ics (everything),
        visits.ics, events.ics and deadlines.ics (intranet only). Not mkdocs files: no page
        links to them through mkdocs, and none belongs in the sitemap. Returns how many."""
        files: dict[str, bytes | str] = dict(vcard_files(self.context.repository))
        for feed, path in zip(self.context.feeds, self._feed_paths()):
            files[path] = calendar_feed(self.context.repository, feed, site_url=site_url)
        for path, content in files.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return len(files)

    def on_page_markdown(self, markdown: str, page: Page, **kwargs) -> str:
        if self.config.search:
            # Pagefind answers the search box; the theme's index would only be downloaded for
            # nothing on every page (megabytes on a large site, from the tags page alone).
            page.meta["search"] = {"exclude": True}
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        # Material prints the title and tags into its templates without escaping them.
        page.meta["title"] = html.escape(generated.title)
        if generated.tags:
            page.meta["tags"] = [html.escape(tag) for tag in generated.tags]
        return ""

    def on_page_content(self, html_text: str, page: Page, **kwargs) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html_text
        return self._prerenderer.html(generated) if generated.record else generated.render()

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            # A record's edit link opens its own file, not a generated page.
            record = generated.record
            if record is not None and config.repo_url:
                page.edit_url = config.repo_url.rstrip("/") + "/" + self.config.edit_uri + record.path
            else:
                page.edit_url = None
        return context

    def on_env(self, env, config: MkDocsConfig, files: Files, **kwargs):
        env.globals["rysiai_strings"] = self.context.strings
        return env

    def on_post_build(self, config: MkDocsConfig, **kwargs) -> None:
        if self._prerenderer is not None:
            # The downloads: written by the second process while mkdocs wrote the pages, or now.
            self._prerenderer.downloads()
            self._prerenderer.close()
        if self.config.search:
            try:
                index_site(Path(config.site_dir))
            except RysiaiError as error:
                raise PluginError(str(error)) from None

    def on_build_error(self, error, **kwargs) -> None:
        if self._prerenderer is not None:
            self._prerenderer.close()

    def on_serve(self, server, config: MkDocsConfig, builder, **kwargs):
        server.watch(str(self.root / SCHEMA_FILE))
        for collection in self.context.repository.schema.collections:
            folder = self.root / collection
            if folder.is_dir():
                server.watch(str(folder))
        return server
