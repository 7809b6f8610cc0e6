"""Markdown fields (notes, programme, outcomes) rendered without passing any raw HTML through."""

from __future__ import annotations

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


def render_markdown(text: str) -> str:
    """HTML for a Markdown field; any HTML written in it shows as text."""
    _renderer.reset()
    return _renderer.convert(text)
