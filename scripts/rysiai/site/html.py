"""Building HTML from data: every value escaped, every link checked."""

from __future__ import annotations

import posixpath
from html import escape
from urllib.parse import quote, urlsplit

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def esc(value: object) -> str:
    """Text as HTML text or attribute value: `<`, `>`, `&` and both quotes escaped."""
    return escape(str(value), quote=True)


def is_safe_url(url: str) -> bool:
    """http(s), mailto and tel links, or a relative link; never `javascript:` and the like."""
    cleaned = "".join(character for character in url if character.isprintable() and not character.isspace())
    scheme = urlsplit(cleaned).scheme.lower()
    return scheme in SAFE_SCHEMES or (scheme == "" and not cleaned.startswith("//"))


def link(href: str, text: str, *, external: bool = False) -> str:
    """An `<a>` element; an unsafe address gives the text alone."""
    if not is_safe_url(href):
        return esc(text)
    extra = ' rel="noopener noreferrer"' if external else ""
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def relative_url(from_url: str, to_url: str) -> str:
    """The link from a page at ``from_url`` to ``to_url``, both site-relative (`partners/talsi/`)."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    target = posixpath.relpath(to_url or ".", from_dir.rstrip("/") or ".")
    if (to_url.endswith("/") or not to_url) and not target.endswith("/"):
        target += "/"
    return quote(target, safe="/.-_~#")
