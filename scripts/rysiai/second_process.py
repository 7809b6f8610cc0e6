"""A forked second process for large jobs: it inherits the loaded records without copying them.

The machines this runs on have two cores; validation and the site build each hand part of their
work to one forked process. Only worth it for large inputs, and never from a process that runs
other threads (mkdocs serve), where forking can deadlock.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor


def second_process_pays(items: int, threshold: int) -> bool:
    return (
        items >= threshold
        and (os.cpu_count() or 1) >= 2
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def forked_pool() -> ProcessPoolExecutor:
    """One worker, forked from this process when the first task is submitted."""
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
