"""Record pages rendered ahead in a forked second process, while mkdocs fills its templates here.

mkdocs renders one page after another in one process; on a machine with two cores the record
pages' HTML can be made meanwhile by a second process that inherits the loaded records without
copying them. Pages come back in chunks, in the order mkdocs asks for them.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..second_process import forked_pool, second_process_pays
from .pages import SitePage

CHUNK = 250  # pages per task: small enough that the first arrive early
WORTH_FROM = 2000  # record pages; below this a second process costs more than it saves

_shared_pages: list[SitePage] = []


class Prerenderer:
    """Hands out each page's HTML: from the second process where it has it, else made here."""

    def __init__(self, pages: list[SitePage]):
        self._pages = pages
        self._where: dict[str, tuple[Future, int]] = {}
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        if not second_process_pays(len(self._pages), WORTH_FROM):
            return
        global _shared_pages
        _shared_pages = self._pages
        try:
            self._pool = forked_pool()
            for start in range(0, len(self._pages), CHUNK):
                future = self._pool.submit(_render_chunk, start, start + CHUNK)
                for offset, page in enumerate(self._pages[start : start + CHUNK]):
                    self._where[page.src_uri] = (future, offset)
        except OSError:
            self.close()

    def html(self, page: SitePage) -> str:
        found = self._where.pop(page.src_uri, None)
        if found is not None:
            future, offset = found
            try:
                return future.result()[offset]
            except BrokenProcessPool:
                pass
        return page.render()

    def close(self) -> None:
        global _shared_pages
        _shared_pages = []
        self._where.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _render_chunk(start: int, end: int) -> list[str]:
    """In the forked process: the HTML of pages start..end of the list inherited from the parent."""
    return [page.render() for page in _shared_pages[start:end]]
