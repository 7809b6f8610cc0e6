"""One build of the site as mkdocs runs it: the records loaded and checked, the generated pages
added to mkdocs's files, each page's HTML, the files to download and the search index. The
plugin (plugin.py) hands mkdocs's events to it and nothing more.

Given what the last build left (incremental.py), only the pages a change reaches are rendered:
mkdocs still knows every page (navigation, tags, sitemap), but skips the others (its "dirty"
build), and their files stay those of the last build."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..privacy.public_report import report_sources
from ..privacy.public_site import public_nav, public_pages
from ..privacy.public_view import public_view
from ..site.context import SiteContext
from ..site.downloads import ENTRIES, TABLES
from ..site.downloads import FOLDER as VCARDS
from ..schema import load_schema
from ..site.history import ChangesRead
from ..site.pages import AGREEMENTS, ELDERSHIPS, GLOSSARY, SitePage, site_pages
from ..validate import load_valid_repository
from . import downloads
from .incremental import BuildPlan, CarryOver, LastBuild, remove_outputs
from .memory import BuildMemory
from .prerender import Prerenderer
from .report_pages import FOLDER as REPORT_FOLDER
from .report_pages import INDEX as REPORTS
from .report_pages import STYLE as REPORT_STYLE
from .report_pages import SiteReports
from .search_index import index_site, list_no_shards_yet
from .site_state import records_digest, site_state

ASSETS = ("rysiai.css", "rysiai-brief.css", "rysiai.js", "rysiai-search.js")
ASSETS_DIR = "assets/rysiai"
TEMPLATES = Path(__file__).parent.parent / "site" / "templates"
SEARCH_TEMPLATES = TEMPLATES / "search"  # the header's box answered by Pagefind


@dataclass(frozen=True)
class SiteOptions:
    """The plugin's options (mkdocs.yml), as plain values."""

    edit_uri: str = "edit/main/"
    history_uri: str = "commits/main/"
    editor_url: str = ""
    search: bool = True
    search_exclude: tuple[str, ...] = ()
    public: bool = False
    public_docs: tuple[str, ...] = ("tags.md",)
    today: dt.date | None = None  # the day the site counts from; None: the build's day


class GeneratedPage(File):
    """A generated page's file, which mkdocs renders only when ``rebuild`` says so."""

    rebuild = True

    def is_modified(self) -> bool:
        return self.rebuild


def _always(*args) -> bool:
    return True


class SiteBuild:
    """What one build makes, from the data repository at ``root``; raises InvalidData (the
    records have errors) before anything is written. ``memory`` holds the last build, if any."""

    def __init__(self, root: Path, options: SiteOptions, config: MkDocsConfig, memory: BuildMemory | None = None):
        self.root = root
        self.options = options
        self.memory = memory or BuildMemory()
        # (git reads the records' history while they are loaded and checked)
        history = None if options.public else ChangesRead.start(root, list(load_schema(root).collections))
        try:
            repository, report = load_valid_repository(
                root, public=options.public, memo=self.memory.files, checked=self.memory.checked
            )
        except BaseException:
            if history is not None:
                history.close()
            raise
        if options.today is not None:
            repository.today = options.today
        language = config.theme.get("language") or "lt"
        if options.public:
            # No way back to the repository host: no header link, no edit or history links.
            config.repo_url = config.repo_name = config.edit_uri = None
            pages = public_pages(repository.schema, ["index.md", GLOSSARY, ELDERSHIPS, AGREEMENTS, REPORTS], list(options.public_docs))
            config.nav = public_nav(config.nav, pages)
            self.context = SiteContext.build(
                public_view(repository), language=language,
                directory_urls=config.use_directory_urls, public=True, today=options.today,
            )
        else:
            repo_url = (config.repo_url or "").rstrip("/") + "/"
            self.context = SiteContext.build(
                repository,
                language=language,
                history=history.result(),
                findings=report.sorted(),
                directory_urls=config.use_directory_urls,
                history_base=repo_url + options.history_uri if config.repo_url else "",
                search_ignored=frozenset(options.search_exclude),
                editor_url=options.editor_url,
                today=options.today,
            )
        view = self.context.repository if options.public else None
        self.reports = SiteReports(self.context, report_sources(repository, public=options.public, view=view), language)
        self.context.inserts.update(self.reports.inserts())
        self.pages: dict[str, SitePage] = {}
        self.prerenderer: Prerenderer | None = None
        self._carrying: CarryOver | None = None
        self._use_assets(config)
        # The theme's own search indexes the pages mkdocs renders: with it, every page is made.
        last = self.memory.last if options.search else None
        state = site_state(self.context, self.memory.digests)
        if options.public:
            # The public reports count records the public view leaves out (`publish_counts`).
            state.site["counted"] = records_digest(repository.records, self.memory.digests)
        self.plan = BuildPlan.make(state, last, repository.schema)
        if self.memory.rows is not None:
            context = self.context
            setting = (self.memory.key, context.language, context.today, context.directory_urls, context.public, context.editor_url)
            self.memory.rows.start(setting, set(state.records), state.row_key)
            context.rows = self.memory.rows
        self.downloads = downloads.plan(self.context, self.plan.state, config.site_url or "")

    @property
    def assets(self) -> list[str]:
        return [a for a in ASSETS if self.options.search or a != "rysiai-search.js"]

    def _use_assets(self, config: MkDocsConfig) -> None:
        if f"{ASSETS_DIR}/{REPORT_STYLE}" not in config.extra_css:
            config.extra_css.append(f"{ASSETS_DIR}/{REPORT_STYLE}")
        for asset in self.assets:
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            if f"{ASSETS_DIR}/{asset}" not in target:
                target.append(f"{ASSETS_DIR}/{asset}")
        # Our templates (the search box, the 404 page, the footer) go before the theme's (after
        # a custom_dir, if any).
        position = 1 if config.theme.custom_dir else 0
        ours = [TEMPLATES, SEARCH_TEMPLATES] if self.options.search else [TEMPLATES]
        for folder in reversed(ours):
            if str(folder) not in config.theme.dirs:
                config.theme.dirs.insert(position, str(folder))
        if self.options.search and "material/search" not in config.plugins:
            raise PluginError(
                "the rysiai plugin's search needs the theme's search box: add `- search` "
                "under `plugins` in mkdocs.yml (Pagefind answers it), or set `search: false`"
            )

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The generated pages and assets added; on the public site, the staff's pages removed."""
        if self.options.public:
            for file in list(files):
                if file.abs_src_path and Path(file.abs_src_path).is_relative_to(Path(config.docs_dir)):
                    if file.src_uri not in self.options.public_docs:
                        files.remove(file)
        for file in files.documentation_pages():
            file.is_modified = _always  # hand-written pages are few, and their titles are in every page
        self._start_plan()
        for page in self._site_pages(config):
            self.pages[page.src_uri] = page
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(f"docs/{page.src_uri} is in the way of a generated page; rename or remove it")
            inclusion = InclusionLevel.NOT_IN_NAV if page.record or not page.in_nav else InclusionLevel.UNDEFINED
            file = GeneratedPage.generated(config, page.src_uri, content="", inclusion=inclusion)
            self._plan_page(file, page)
            files.append(file)
        feeds = {f"{feed}.ics" for feed in self.context.feeds}
        for file in files:
            if file.src_uri.startswith((f"{VCARDS}/", f"{TABLES}/", f"{ENTRIES}/")) or file.src_uri in feeds:
                raise PluginError(f"docs/{file.src_uri} is in the way of a generated download; rename or remove it")
        self._plan_downloads(files, config)
        assets = resources.files("rysiai.site") / "assets"
        for asset in self.assets:
            files.append(File.generated(config, f"{ASSETS_DIR}/{asset}", content=(assets / asset).read_bytes()))
        report_style = (resources.files("rysiai.reports") / "report.css").read_bytes()
        files.append(File.generated(config, f"{ASSETS_DIR}/{REPORT_STYLE}", content=report_style))
        return files

    def take_files(self, files: Files, config: MkDocsConfig) -> bool:
        """The generated pages of the last build's mkdocs files, each told whether it is made
        again (for a server's next build over the same files, quick.py); False, and nothing
        changed, where the change adds or removes a page."""
        pages = self._site_pages(config)
        generated = {file.src_uri: file for file in files if isinstance(file, GeneratedPage)}
        if [page.src_uri for page in pages] != list(generated):
            return False
        self._start_plan()
        for page in pages:
            self.pages[page.src_uri] = page
            self._plan_page(generated[page.src_uri], page)
        self._plan_downloads(files, config)
        return True

    def _site_pages(self, config: MkDocsConfig) -> list[SitePage]:
        return [*site_pages(self.context, home_title=config.site_name), *self.reports.pages()]

    def _start_plan(self) -> None:
        self.pages = {}
        self.memory.rendered = []
        self.record_pages: set[str] = set()  # site paths
        self.rendered_pages: set[str] = set()
        self._kept: list[str] = []
        # The reports and the partner map on the partners' index count every record: any change
        # makes them again (dependencies.py).
        self._shows_all = {page.src_uri for page in self.reports.pages()} | set(self.reports.inserts_into())

    def _plan_page(self, file: GeneratedPage, page: SitePage) -> None:
        file.rebuild = self.plan.renders(page.src_uri, file.dest_uri, shows_all=page.src_uri in self._shows_all)
        if page.record is not None:
            self.record_pages.add(file.dest_uri)
        if file.rebuild:
            self.memory.rendered.append(page.src_uri)
            self.rendered_pages.add(file.dest_uri)
        else:
            self._kept.append(file.dest_uri)

    def _plan_downloads(self, files: Files, config: MkDocsConfig) -> None:
        """The download files to make (in a second process where it pays, meanwhile), and the
        last build's pages and downloads that are kept."""
        self._plan_report_tables()
        to_make = self.plan.downloads_to_make(self.downloads)
        carried = self._take_from_last_build(config, self._kept, [path for path in self.downloads if path not in to_make])
        self.prerenderer = Prerenderer(
            [page for page in self.pages.values() if page.record and files.get_file_from_path(page.src_uri).rebuild],
            downloads=lambda: (
                downloads.write_downloads(self.context, Path(config.site_dir), config.site_url or "", to_make, self.plan.old_file)
                + downloads.write_report_tables(self.reports, Path(config.site_dir), to_make)
            ),
            downloads_effort=downloads.effort(self.context, to_make),
        )
        self.prerenderer.start()
        if carried:  # (after the second process is forked: never fork a process with threads)
            self._carrying = CarryOver(self.plan.last.folder, Path(config.site_dir), carried)

    def _plan_report_tables(self) -> None:
        """The reports' tables among the downloads: after any change, by what each holds (the
        reports are made here, before the second process starts, which then has them too);
        else as the last build left them."""
        last = self.plan.last
        if last is None or self.plan.reach.anything:
            self.downloads.update(downloads.report_tables_plan(self.reports))
        else:
            self.downloads.update((path, digest) for path, digest in last.downloads.items() if path.startswith(f"{REPORT_FOLDER}/"))

    def _take_from_last_build(self, config: MkDocsConfig, kept: list[str], kept_downloads: list[str]) -> list[str]:
        """The last build's files of the pages and downloads not made again: to be linked into
        a new site folder (returned, for CarryOver), or left where they are; and the files of
        what is gone, removed."""
        last, site_dir = self.plan.last, Path(config.site_dir)
        if last is None:
            return []
        if last.folder.resolve() != site_dir.resolve():
            return kept + kept_downloads
        gone = [File(src_uri, src_dir=None, dest_dir=str(site_dir), use_directory_urls=config.use_directory_urls).dest_uri
                for src_uri in self.plan.reach.gone]
        remove_outputs(site_dir, gone + [path for path in last.downloads if path not in self.downloads])
        return []

    def prepare_pages(self, nav: Navigation, files: Files, config: MkDocsConfig) -> None:
        """Every generated page read as mkdocs would, without rendering it: the pages mkdocs
        skips keep their titles (in the navigation of the others) and tags (on the tags page).
        All of them, in order, so that the tags page lists them as after a clean build."""
        for src_uri in self.pages:
            self.prepare_page(files.get_file_from_path(src_uri), files, config)

    @staticmethod
    def prepare_page(file: File, files: Files, config: MkDocsConfig) -> None:
        page = file.page or Page(None, file, config)
        config._current_page = page
        try:
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        finally:
            config._current_page = None

    def page_markdown(self, markdown: str, page: Page) -> str:
        if self.options.search:
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

    def page_content(self, html_text: str, page: Page) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html_text
        return self.prerenderer.html(generated) if generated.record else generated.render()

    def set_edit_url(self, page: Page, config: MkDocsConfig) -> None:
        """A record's edit link opens its own file, not a generated page."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            record = generated.record
            if record is not None and self.context.editor_url:
                page.edit_url = self.context.editor_form(record)
            elif record is not None and config.repo_url:
                page.edit_url = config.repo_url.rstrip("/") + "/" + self.options.edit_uri + record.path
            else:
                page.edit_url = None

    def finish(self, config: MkDocsConfig) -> None:
        """The downloads (written by the second process while mkdocs wrote the pages, or now),
        then the search index over the whole site; on a server, both once the pages are served."""
        self._carried()
        made = LastBuild(self.plan.state, self.downloads, Path(config.site_dir))
        self.memory.made = made
        last = self.plan.last

        def downloads_and_search() -> None:
            if self.prerenderer is not None:
                self.prerenderer.downloads()
                self.close()
            if self.options.search:
                made.search = index_site(
                    made.folder, self.record_pages, self.rendered_pages,
                    last.search if last else None, last.folder if last else None,
                )

        if self.memory.defer:
            self.memory.after_pages = downloads_and_search
            if self.options.search:
                list_no_shards_yet(made.folder)
        else:
            downloads_and_search()

    def close(self) -> None:
        if self.prerenderer is not None:
            self.prerenderer.close()
        try:
            self._carried()
        except OSError:  # (the build has failed already: its error is the one told)
            pass

    def _carried(self) -> None:
        """The last build's files all linked into this one's folder."""
        carrying, self._carrying = self._carrying, None
        if carrying is not None:
            carrying.wait()

    def watched(self) -> list[Path]:
        """What `rysiai serve` watches beside docs/: the schema and each collection's folder."""
        folders = [self.root / name for name in self.context.repository.schema.collections]
        return [self.root / "datapackage.yaml", *(folder for folder in folders if folder.is_dir())]
