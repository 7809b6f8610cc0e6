"""Building HTML from data: every value escaped, every link checked."""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape, unescape
from urllib.parse import quote, urlsplit

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# Browsers drop these from an address before reading its scheme ("java\tscript:" is javascript:).
_IGNORED_IN_URL = re.compile(r"[\s\x00-\x1f\x7f]+")


def esc(value: object) -> str:
    """Text as HTML text or attribute value: `<`, `>`, `&` and both quotes escaped."""
    return escape(str(value), quote=True)


@lru_cache(maxsize=1 << 17)  # the same addresses again in every table, and after every save
def is_safe_url(url: str) -> bool:
    """http(s), mailto and tel links, or a link within the site; never `javascript:` and the like.

    Read as the browser reads it: character references decoded (`javascript&#58;` is
    `javascript:`), spaces and control characters dropped, `\\` taken for `/`.
    """
    cleaned = _IGNORED_IN_URL.sub("", unescape(url)).replace("\\", "/")
    if cleaned.startswith("//"):
        return False  # another site, whatever follows
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES or (scheme == "" and ":" not in cleaned.split("/", 1)[0])


def link(href: str, text: str, *, external: bool = False) -> str:
    """An `<a>` element; an unsafe address gives the text alone."""
    if not is_safe_url(href):
        return esc(text)
    extra = ' rel="noopener noreferrer"' if external else ""
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def relative_url(from_url: str, to_url: str) -> str:
    """The link from the page at ``from_url`` to ``to_url``, both site-relative (`partners/talsi/`).

    Up to the site's root and down again (`../../contacts/ona/`), as mkdocs itself links to
    assets: always right, and cheap enough for tens of thousands of pages.
    """
    return quote("../" * from_url.count("/") + to_url, safe="/.-_~#") or "./"


def table(headers: list[str], rows: list[list[str]], *, kind: str = "", caption: str = "") -> str:
    """A table: ``headers`` are text (escaped here), ``rows`` cells of HTML made by the caller.

    ``kind`` marks it (`data-rysiai="items"`) for the style sheet; ``caption`` names it for
    screen readers (the heading above already says it to the eye). Each cell carries its
    column's title, which a phone's narrow screen shows beside the value (rows stacked).
    """
    marker = f' data-rysiai="{esc(kind)}"' if kind else ""
    named = f'<caption class="rysiai-caption">{esc(caption)}</caption>\n' if caption else ""
    head = "".join(f'<th scope="col">{esc(header)}</th>' for header in headers)
    labels = [f' data-label="{esc(header)}"' for header in headers]
    body = "\n".join(
        "<tr>" + "".join(f"<td{label}>{cell}</td>" for label, cell in zip(labels, row)) + "</tr>" for row in rows
    )
    return f"<table{marker}>\n{named}<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
