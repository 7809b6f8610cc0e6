"""Record pages and download files made ahead in a forked second process, while mkdocs fills its
templates here.

mkdocs renders one page after another in one process; on a machine with two cores the record
pages' HTML, then the vCards and calendar feeds, can be made meanwhile by a second process that
inherits the loaded records without copying them. Pages come back through a pipe in chunks, in
the order mkdocs asks for them. When the second process is behind, this one renders the page
itself rather than wait, and the other skips the chunks this one has passed: both cores stay busy
to the end. (The pipe is read here, between pages: a helper thread that collected the results
would hardly get a turn while this process renders.)
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from ..second_process import second_process_pays
from ..site.pages import SitePage

CHUNK = 250  # pages per message: small enough that the first arrive early
WORTH_FROM = 2000  # record pages (and downloads as many pages' work); below this a second process costs more than it saves
DOWNLOADS = -1  # the message that says the download files are written

Downloads = Callable[[], int]  # writes the download files; how many


class Prerenderer:
    """Hands out each page's HTML, and sees the download files written: by the second process
    where it runs, else here."""

    def __init__(self, pages: list[SitePage], downloads: Downloads, downloads_effort: int = 0):
        self._pages = pages
        self._downloads = downloads
        self._downloads_effort = downloads_effort  # in pages (downloads.effort)
        self._index = {page.src_uri: number for number, page in enumerate(pages)}
        self._chunks: dict[int, list[str] | None] = {}
        self._written: int | None = None
        self._process = None
        self._connection = None
        self._progress = None  # the first page this process has not yet handed out

    def start(self) -> None:
        if not second_process_pays(len(self._pages) + self._downloads_effort, WORTH_FROM):
            return
        context = multiprocessing.get_context("fork")
        self._progress = context.Value("l", 0, lock=False)
        receiving, sending = context.Pipe(duplex=False)
        try:
            self._process = context.Process(
                target=_work, args=(self._pages, self._downloads, self._progress, sending), daemon=True
            )
            self._process.start()
        except OSError:
            self._process = None
            return
        sending.close()
        self._connection = receiving

    def html(self, page: SitePage) -> str:
        number = self._index.get(page.src_uri)
        if number is not None and self._connection is not None:
            self._progress.value = max(self._progress.value, number + 1)
            self._receive(block=False)
            chunk = self._chunks.get(number - number % CHUNK)
            if chunk is not None:
                return chunk[number % CHUNK]
        return page.render()  # not there yet (or skipped): made here rather than waited for

    def downloads(self) -> int:
        """Sees the download files written: waits for the second process if it writes them,
        else writes them here. How many."""
        while self._written is None and self._connection is not None:
            self._receive(block=True)
        return self._written if self._written is not None else self._downloads()

    def _receive(self, *, block: bool) -> None:
        try:
            while block or self._connection.poll():
                start, content = self._connection.recv()
                if start == DOWNLOADS:
                    self._written = content
                    return
                self._chunks[start] = content
        except (EOFError, OSError):  # the second process is gone: the rest is made here
            self._connection = None

    def close(self) -> None:
        self._chunks.clear()
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None


def _work(pages: list[SitePage], downloads: Downloads, progress, connection) -> None:
    """In the forked process: each chunk of pages not yet passed by the parent, sent through
    the pipe; then the download files, written."""
    try:
        for start in range(0, len(pages), CHUNK):
            end = start + CHUNK
            html = None if progress.value >= end else [page.render() for page in pages[start:end]]
            connection.send((start, html))
        connection.send((DOWNLOADS, downloads()))
    except Exception:  # noqa: BLE001 — the parent makes whatever is missing, and reports its errors
        pass
    finally:
        connection.close()
