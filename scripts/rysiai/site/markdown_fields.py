"""Markdown fields (notes, programme, outcomes) rendered without passing any raw HTML through."""

from __future__ import annotations

import re
from html import escape
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

from .html import is_safe_url


class _DropUnsafeLinks(Treeprocessor):
    """`[x](javascript:…)` and `![x](data:…)` lose their address; the text stays."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_url(value):
                    del element.attrib[attribute]
            if element.tag == "a" and element.get("href", "").startswith(("http://", "https://")):
                element.set("rel", "noopener noreferrer")


def _new_renderer() -> markdown.Markdown:
    renderer = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    # Raw HTML is shown as text: remove the block and inline HTML readers.
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    renderer.treeprocessors.register(_DropUnsafeLinks(renderer), "rysiai_drop_unsafe_links", 0)
    return renderer


_renderer = _new_renderer()


# Text that Markdown would turn into nothing but paragraphs: no character with a Markdown meaning,
# no line that starts a list, quote, heading or code block, no hard line break.
_MARKUP_CHARACTERS = re.compile(r"[*_`\[\]<>#|\\~&\t]")
_BLOCK_LINE = re.compile(
    r"^(?: {4}| {0,3}(?:[-+>]|\d+[.)])(?:\s|$))|  $|^ *(?:-{2,}|=+) *$", re.MULTILINE
)


def render_markdown(text: str) -> str:
    """HTML for a Markdown field; any HTML written in it shows as text."""
    if not _MARKUP_CHARACTERS.search(text) and not _BLOCK_LINE.search(text):
        return _paragraphs(text)  # the same HTML as Markdown's, at a fraction of its cost
    _renderer.reset()
    return _renderer.convert(text)


def _paragraphs(text: str) -> str:
    """Paragraphs exactly as Markdown writes them: blocks split at blank lines, the first line's
    indent dropped, everything else kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    blocks = (block.lstrip(" ") for block in re.split(r"\n(?:[ ]*\n)+", text))
    return "\n".join(f"<p>{escape(block, quote=False)}</p>" for block in blocks if block.strip())
