"""One build of the site as mkdocs runs it: the records loaded and checked, the generated pages
added to mkdocs's files, each page's HTML, the files to download and the search index. The
plugin (plugin.py) hands mkdocs's events to it and nothing more."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..privacy.public_report import report_sources
from ..privacy.public_site import public_nav, public_pages
from ..privacy.public_view import public_view
from ..site.context import SiteContext
from ..site.downloads import ENTRIES, TABLES
from ..site.downloads import FOLDER as VCARDS
from ..site.history import last_changes
from ..site.pages import AGREEMENTS, ELDERSHIPS, GLOSSARY, SitePage, site_pages
from ..validate import load_valid_repository
from .downloads import write_downloads, write_report_tables
from .prerender import Prerenderer
from .report_pages import INDEX as REPORTS
from .report_pages import STYLE as REPORT_STYLE
from .report_pages import SiteReports
from .search_index import index_site

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


class SiteBuild:
    """What one build makes, from the data repository at ``root``; raises InvalidData (the
    records have errors) before anything is written."""

    def __init__(self, root: Path, options: SiteOptions, config: MkDocsConfig):
        self.root = root
        self.options = options
        repository, report = load_valid_repository(root, public=options.public)
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
                history=last_changes(root, list(repository.schema.collections)),
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
        self._use_assets(config)

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
        self.pages = {}
        for page in [*site_pages(self.context, home_title=config.site_name), *self.reports.pages()]:
            self.pages[page.src_uri] = page
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(f"docs/{page.src_uri} is in the way of a generated page; rename or remove it")
            inclusion = InclusionLevel.NOT_IN_NAV if page.record or not page.in_nav else InclusionLevel.UNDEFINED
            files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        feeds = {f"{feed}.ics" for feed in self.context.feeds}
        for file in files:
            if file.src_uri.startswith((f"{VCARDS}/", f"{TABLES}/", f"{ENTRIES}/")) or file.src_uri in feeds:
                raise PluginError(f"docs/{file.src_uri} is in the way of a generated download; rename or remove it")
        self.prerenderer = Prerenderer(
            [page for page in self.pages.values() if page.record],
            downloads=lambda: (
                write_downloads(self.context, Path(config.site_dir), config.site_url or "")
                + write_report_tables(self.reports, Path(config.site_dir))
            ),
        )
        self.prerenderer.start()
        assets = resources.files("rysiai.site") / "assets"
        for asset in self.assets:
            files.append(File.generated(config, f"{ASSETS_DIR}/{asset}", content=(assets / asset).read_bytes()))
        report_style = (resources.files("rysiai.reports") / "report.css").read_bytes()
        files.append(File.generated(config, f"{ASSETS_DIR}/{REPORT_STYLE}", content=report_style))
        return files

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
        then the search index over the whole site."""
        if self.prerenderer is not None:
            self.prerenderer.downloads()
            self.close()
        if self.options.search:
            index_site(Path(config.site_dir))

    def close(self) -> None:
        if self.prerenderer is not None:
            self.prerenderer.close()

    def watched(self) -> list[Path]:
        """What `rysiai serve` watches beside docs/: the schema and each collection's folder."""
        folders = [self.root / name for name in self.context.repository.schema.collections]
        return [self.root / "datapackage.yaml", *(folder for folder in folders if folder.is_dir())]
