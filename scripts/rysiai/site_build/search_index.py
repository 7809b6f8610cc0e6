"""The search index: Pagefind, run over the built site.

Pagefind stems Lithuanian words (the site says `<html lang="lt">`), folds diacritics, and splits
its index into chunks a query loads only where it needs them, so the browser never downloads the
whole index of a large site.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..errors import RysiaiError
from ..language import _

# Parts of Material's pages that are not content: permalinks, the edit button, the navigation.
EXCLUDED = ".headerlink, .md-content__button, .md-source-file, nav"
BUNDLE = "pagefind"


class SearchIndexError(RysiaiError):
    """Pagefind could not index the site."""


def index_site(site_dir: Path) -> None:
    """Write the search bundle into ``site_dir/pagefind``."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", BUNDLE,
        "--root-selector", "article",
        "--exclude-selectors", EXCLUDED,
        "--silent",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(_("the search index could not be built: {problem}").format(problem=error)) from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        raise SearchIndexError(_("the search index could not be built: {problem}").format(problem=detail[0]))
