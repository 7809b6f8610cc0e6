"""The intranet site links to the browser editor when mkdocs.yml gives its address (the plugin
option `editor_url`): "Redaguoti" on every record page, "Naujas įrašas" on every index; without
it, no such link, and the edit link stays the git host's."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT
from rysiai.repository import load_repository
from rysiai.site.context import SiteContext
from rysiai.site.index_page import render_index_page
from rysiai.site.record_page import render_record_page
from rysiai.site_build.plugin import RysiaiConfig


def pages(editor_url: str):
    repository = load_repository(PROJECT)
    context = SiteContext.build(repository, editor_url=editor_url)
    record = repository.by_id["ausra-kalvaityte"]
    collection = repository.schema.collections[record.collection]
    return render_record_page(context, record), render_index_page(context, collection)


def test_with_the_editors_address_records_and_indexes_link_to_its_forms():
    record_page, index_page = pages("https://rysiai.prienai.lt/redaguoti")
    assert '<a class="md-button" href="https://rysiai.prienai.lt/redaguoti/contacts/ausra-kalvaityte/">Redaguoti</a>' in record_page
    assert '<a class="md-button" href="https://rysiai.prienai.lt/redaguoti/contacts/new">Naujas įrašas</a>' in index_page


def test_without_it_there_is_no_editor_link():
    record_page, index_page = pages("")
    assert "Redaguoti" not in record_page and "Naujas įrašas" not in index_page


def test_the_public_site_never_links_to_the_editor():
    repository = load_repository(PROJECT)
    context = SiteContext.build(repository, editor_url="https://rysiai.prienai.lt/redaguoti/", public=True)
    assert context.editor_url == ""


def test_the_plugin_has_the_option():
    config = RysiaiConfig()
    config.load_dict({"editor_url": "/redaguoti/"})
    assert config.validate() == ([], []) and config.editor_url == "/redaguoti/"
