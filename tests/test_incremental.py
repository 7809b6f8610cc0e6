"""Incremental builds make the same site as a clean build: after each edit of a sequence (rename,
delete, add, another organisation, a visit moved to another year, a project's milestone, an
interaction's day, a former post, a survey in another eldership…), a build that reuses the last
one is compared file by file with a clean build of the same files, the search index by its
decoded contents (Pagefind numbers pages in no fixed order)."""

import json
import os
from pathlib import Path

import pytest
from pagefind_decoded import decoded_bundle
from rysiai.cli import main
from rysiai.site_build import search_index, search_words
from rysiai.site_build.build import build_site
from site_fixture import fill

VISIT = (
    "title: Talsų delegacija Prienuose\ndirection: incoming\nstart: 2025-06-27\n"
    "end: 2025-06-28\npartners: [talsi]\nparticipants: [ona-petraitiene, jonas-jonaitis]\n"
    "status: done\noutcomes: |\n  - Pasirašytas planas\n"
    "follow_ups:\n  - task: Išsiųsti padėką\n    owner: ona-petraitiene\n    due: 2025-07-15\n"
    "    done: true\n"
)
# Records of the newer kinds, each referring to records of the site fixture: their pages, the
# sections and timelines of the pages they refer to, the eldership pages and the brief.
NEW_KINDS = {
    "projects/dviraciu-takas.yaml": (
        "name: Dviračių takas\nstatus: running\nresponsible: ona-petraitiene\n"
        "partners: [talsi, silavoto-bendruomene]\nstart: 2026-03-01\nend: 2031-10-31\n"
        "milestones:\n  - title: Paraiška\n    due: 2026-02-15\n    done: true\n"
        "  - title: Pirkimas\n    due: 2030-11-20\n    owner: ona-petraitiene\n"
        "  - title: Statybos\n    due: 2030-12-10\n"
    ),
    "interactions/2026-11-20-skambutis.yaml": (
        "date: 2026-11-20\ntime: '10:30'\nkind: call\nwith: [ona-petraitiene, talsi]\n"
        "subject: Delegacijos programa\nfollow_ups:\n  - task: Gauti programą\n"
        "    owner: ona-petraitiene\n    due: 2030-11-27\n"
    ),
    "press/2025-talsai.yaml": (
        "date: 2025-06-30\ntitle: Talsų delegacija Prienuose\nkind: release\nabout: [talsi]\n"
        "sent_to: [ona-petraitiene, lsa]\n"
    ),
    "surveys/poreikiai.yaml": (
        "title: Bendruomenių poreikiai\nelderships: [Šilavoto]\nstart: 2026-03-02\n"
        "end: 2026-04-10\nstatus: done\nrespondents: 148\n"
    ),
}
ONA = "contacts/ona-petraitiene.yaml"
PROJECT = "projects/dviraciu-takas.yaml"
CALL = "interactions/2026-11-20-skambutis.yaml"
EDITS = [
    ("a contact's position", lambda repo: _replace(repo, "contacts/ona-petraitiene.yaml", "Koordinatorė", "Vyr. koordinatorė")),
    ("a contact's name", lambda repo: _replace(repo, "contacts/ona-petraitiene.yaml", "Ona Petraitienė", "Ona Petraitytė")),
    ("a contact moves to another organisation", lambda repo: _replace(repo, "contacts/ona-petraitiene.yaml", "organization: talsi", "organization: lsa")),
    ("a visit moves to another year", lambda repo: _replace(repo, "visits/talsi-2025.yaml", "start: 2025-06-27\nend: 2025-06-28", "start: 2024-06-27\nend: 2024-06-28")),
    ("a follow-up's owner changed", lambda repo: _replace(repo, "visits/talsi-2025.yaml", "owner: ona-petraitiene", "owner: jonas-jonaitis")),
    ("a project's milestone due earlier", lambda repo: _replace(repo, PROJECT, "due: 2030-11-20", "due: 2030-10-20")),
    ("a project's milestone done", lambda repo: _replace(repo, PROJECT, "    owner: ona-petraitiene\n", "    owner: ona-petraitiene\n    done: true\n")),
    ("a project starts later", lambda repo: _replace(repo, PROJECT, "start: 2026-03-01", "start: 2026-04-01")),
    ("an interaction moves to another day", lambda repo: _replace(repo, CALL, "date: 2026-11-20", "date: 2026-10-20")),
    ("an interaction's subject changed", lambda repo: _replace(repo, CALL, "subject: Delegacijos programa", "subject: Delegacijos darbotvarkė")),
    ("a contact's former post added", lambda repo: _replace(repo, ONA, "public: true\n", "public: true\nroles:\n  - organization: lsa\n    position: Referentė\n    from: 2015-01-05\n    until: 2018-06-30\n")),
    ("a former post goes on until today", lambda repo: _replace(repo, ONA, "until: 2018-06-30", "until: 2099-06-30")),
    ("a survey moves to another eldership", lambda repo: _replace(repo, "surveys/poreikiai.yaml", "[Šilavoto]", "[Stakliškių]")),
    ("a community moves to another eldership", lambda repo: _replace(repo, "associations/silavoto-bendruomene.yaml", "eldership: Šilavoto", "eldership: Jiezno")),
    ("a community renamed", lambda repo: _replace(repo, "associations/silavoto-bendruomene.yaml", "name: Šilavoto bendruomenė", "name: Šilavoto kaimo bendruomenė")),
    ("a press release's title changed", lambda repo: _replace(repo, "press/2025-talsai.yaml", "title: Talsų delegacija Prienuose", "title: Talsų svečiai Prienuose")),
    ("a partner renamed with `rysiai mv`", lambda repo: main(["mv", "--root", str(repo.root), "talsi", "talsu-novadas"])),
    ("a record added", lambda repo: repo.write("partners/birstonas.yaml", "name: Birštono savivaldybė\nkind: municipality\ncountry: LT\ntags: [Lietuva]\n")),
    ("references to a contact removed", lambda repo: (
        _replace(repo, "associations/silavoto-bendruomene.yaml", "chair: jonas-jonaitis\n", ""),
        _replace(repo, "visits/talsi-2025.yaml", "[ona-petraitiene, jonas-jonaitis]", "[ona-petraitiene]"),
        _replace(repo, "visits/talsi-2025.yaml", "owner: jonas-jonaitis", "owner: ona-petraitiene"))),
    ("the contact deleted", lambda repo: (repo.root / "contacts" / "jonas-jonaitis.yaml").unlink()),
    ("a follow-up's task changed", lambda repo: _replace(repo, "visits/talsi-2025.yaml", "task: Išsiųsti padėką", "task: Išsiųsti laišką")),
    ("tags changed", lambda repo: _replace(repo, "partners/birstonas.yaml", "tags: [Lietuva]", "tags: [Lietuva, Kaimynai]")),
    ("a visit added to the new partner", lambda repo: repo.write("visits/birstonas-2026.yaml", VISIT.replace("[talsi]", "[birstonas]").replace("[ona-petraitiene, jonas-jonaitis]", "[ona-petraitiene]"))),
]


def _replace(repo, path: str, old: str, new: str) -> None:
    file = repo.root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new), encoding="utf-8")


def site_files(site: Path) -> dict[str, bytes]:
    files = {}
    for directory, _folders, names in os.walk(site):
        for name in names:
            path = Path(directory) / name
            files[path.relative_to(site).as_posix()] = path.read_bytes()
    return files


def assert_same_site(incremental: Path, clean: Path) -> None:
    """Every file alike, byte for byte (the search index too: its pages are numbered in the
    order of their addresses), and the search index alike page by page as it reads. (A server
    keeps the search index's shards of its last build beside the new ones, for a page opened
    before the save: only those listed count.)"""
    made, expected = site_files(incremental), site_files(clean)
    listing = json.loads(made["pagefind/rysiai-shards.json"])
    listed = {folder.rstrip("/") for folder in [listing["primary"], *listing["shards"]]}
    made = {
        path: data for path, data in made.items()
        if not (path.startswith("pagefind/") and path.count("/") > 1 and path.split("/")[1] not in listed)
    }
    assert sorted(made) == sorted(expected)
    differing = [path for path in expected if made[path] != expected[path] and not path.endswith(".xlsx")]
    # A workbook says when it was written: compared by its cells.
    workbooks = [path for path in expected if path.endswith(".xlsx")]
    assert [_cells(made[path]) for path in workbooks] == [_cells(expected[path]) for path in workbooks]
    assert differing == []
    assert decoded_bundle(incremental / "pagefind") == decoded_bundle(clean / "pagefind")


def _cells(data: bytes) -> list:
    import io

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    return [(sheet.title, [[cell.value for cell in row] for row in sheet.iter_rows()]) for sheet in workbook.worksheets]


@pytest.fixture
def small_shards(monkeypatch):
    """Shards of three record pages, ranges of about 25 words and of at most 12 places a shard:
    every part of the search index's upkeep happens on a small site (shards taken as they are,
    shards whose words change around them, shards indexed anew)."""
    monkeypatch.setattr(search_index, "SHARD_PAGES", 3)
    monkeypatch.setattr(search_words, "EVERY", 25)
    monkeypatch.setattr(search_words, "PLACES_PER_SHARD", 4)
    monkeypatch.setattr(search_words, "WEIGHED_FROM", 1)
    monkeypatch.setattr(search_words, "FALLBACK", 2)


@pytest.mark.parametrize("public", [False, True], ids=["intranet", "public"])
def test_incremental_builds_equal_clean_builds_after_each_edit(repo, tmp_path, public, small_shards):
    fill(repo)
    for path, text in NEW_KINDS.items():
        repo.write(path, text)
    build_site(repo.root, tmp_path / "site", public=public)
    for number, (what, edit) in enumerate(EDITS):
        edit(repo)
        incremental = build_site(repo.root, tmp_path / "site", public=public)
        clean = build_site(repo.root, tmp_path / f"clean-{number}", public=public, cache=False)
        try:
            assert_same_site(incremental, clean)
        except AssertionError as error:
            raise AssertionError(f"after {what}: {error}") from None


def test_checking_again_with_memos_finds_what_checking_anew_finds(repo):
    """`rysiai serve` reads again only changed files and checks each record alone only when it
    changed: after each edit, the same findings as loading and checking from scratch."""
    from rysiai.loading.file_memo import FileMemo
    from rysiai.repository import load_repository
    from rysiai.validate import CheckMemo, check_repository

    fill(repo)
    for path, text in NEW_KINDS.items():
        repo.write(path, text)
    files, checked = FileMemo(), CheckMemo()
    edits = [
        ("nothing", lambda repo: None),
        ("a bad e-mail", lambda repo: _replace(repo, "contacts/ona-petraitiene.yaml", "email: ona@talsi.lv", "email: ona@")),
        ("a second record with the same id", lambda repo: repo.write("contacts/talsi.yaml", "name: Talsi\n")),
        ("it removed", lambda repo: (repo.root / "contacts" / "talsi.yaml").unlink()),
        ("the e-mail fixed", lambda repo: _replace(repo, "contacts/ona-petraitiene.yaml", "email: ona@\n", "email: ona@talsi.lv\n")),
        *EDITS,
    ]
    for what, edit in edits:
        edit(repo)
        again = check_repository(load_repository(repo.root, files), memo=checked)
        anew = check_repository(load_repository(repo.root))
        assert [str(f) for f in again.sorted()] == [str(f) for f in anew.sorted()], what


def test_public_texts_seen_before_are_searched_again_only_when_the_people_change(repo, monkeypatch):
    """The check for unpublished people named in public texts, run again with a memo (as
    `rysiai serve` does after each save), finds what checking anew finds; it searches a text
    again only when the text is new, or holds a word, address or number of a person it looks
    for who changed (as they were or as they are)."""
    from rysiai.loading.file_memo import FileMemo
    from rysiai.privacy.mentions import PeopleIndex
    from rysiai.repository import load_repository
    from rysiai.validate import CheckMemo, check_repository

    searched = []
    spans = PeopleIndex.spans
    monkeypatch.setattr(PeopleIndex, "spans", lambda self, text: searched.append(text) or spans(self, text))
    fill(repo)
    agne, visit = "contacts/agne-vilkaite.yaml", "visits/talsi-2025.yaml"
    repo.write(agne, "name: Agnė Vilkaitė\nemail: agne.vilkaite@ccre.org\nphone: '+37060827341'\n")
    repo.write(visit, "title: Vizitas\ndirection: incoming\nstart: 2025-06-27\noutcomes: Padėkoti Agnei Vilkaitei.\n")
    files, checked = FileMemo(), CheckMemo()
    check_repository(load_repository(repo.root, files), memo=checked)  # the server's first build
    other = "contacts/petras-kairys.yaml"
    thanks = "Padėkoti Agnei Vilkaitytei, tel. 8 608 27341."
    edits = [
        ("nothing", lambda repo: None, []),
        ("another text", lambda repo: _replace(repo, visit, "title: Vizitas", "title: Talsų vizitas"), ["Talsų vizitas"]),
        # her words are in the text, though not her address
        ("the person's e-mail", lambda repo: _replace(repo, agne, "agne.vilkaite@", "agne@"), ["Padėkoti Agnei Vilkaitei."]),
        ("the person renamed", lambda repo: _replace(repo, agne, "Agnė Vilkaitė", "Agnė Vilkaitytė"), ["Padėkoti Agnei Vilkaitei."]),
        ("the text names her new name", lambda repo: _replace(repo, visit, "Agnei Vilkaitei", "Agnei Vilkaitytei"),
         ["Padėkoti Agnei Vilkaitytei."]),
        ("her phone in the text", lambda repo: _replace(repo, visit, "Vilkaitytei.", "Vilkaitytei, tel. 8 608 27341."), [thanks]),
        ("another person, named nowhere", lambda repo: repo.write(other, "name: Petras Kairys\nphone: '+37061111111'\n"), []),
        ("her phone given to him", lambda repo: repo.write(other, "name: Petras Kairys\nphone: '+37060827341'\n"), [thanks]),
        ("he is gone", lambda repo: (repo.root / other).unlink(), [thanks]),
        ("she is published: her own texts are public", lambda repo: _replace(repo, agne, "name:", "public: true\nname:"),
         ["Agnė Vilkaitytė", "agne@ccre.org", "+37060827341", thanks]),
        ("no longer", lambda repo: _replace(repo, agne, "public: true\n", ""), [thanks]),
    ]
    found = []
    for what, edit, texts_searched in edits:
        edit(repo)
        searched.clear()
        again = check_repository(load_repository(repo.root, files), memo=checked)
        searched_again = list(searched)
        anew = check_repository(load_repository(repo.root))
        assert [str(f) for f in again.sorted()] == [str(f) for f in anew.sorted()], what
        found.append(sum(f.code == "unpublished-person-named" for f in again.findings))
        assert searched_again == texts_searched, what
    # Named; still named; her old name after the rename names no one; her new name; her name
    # and her phone; her name and his phone (the last person with a number wins it); her name
    # and phone; none while she is published.
    assert found == [1, 1, 1, 0, 1, 2, 2, 2, 2, 0, 2]


def test_a_servers_quick_builds_equal_clean_builds_after_each_edit(repo, small_shards):
    """`rysiai serve` builds a change of records over its last build's mkdocs objects
    (quick.py): after each edit that adds or removes no page, the site it serves is the same,
    file by file, as a clean build's; after the others it builds with mkdocs as before."""
    from rysiai.site_build.serve import ServedSite

    fill(repo)
    for path, text in NEW_KINDS.items():
        repo.write(path, text)
    address = "127.0.0.1:8765"  # the pages' addresses: never listened on here
    served = ServedSite(repo.root, address, public=False)
    quick = []
    try:
        served.build()
        served.wait_for_downloads_and_search()
        for what, edit in EDITS:
            edit(repo)
            kept = served.memory.mkdocs
            served.build()
            served.wait_for_downloads_and_search()
            assert served.problem is None, what
            quick.append(served.memory.mkdocs is kept)
            if not quick[-1]:
                continue  # a new mkdocs build: the incremental build of the test above
            clean = ServedSite(repo.root, address, public=False)
            try:
                clean.build()
                clean.wait_for_downloads_and_search()
                assert_same_site(served.folder, clean.folder)
            except AssertionError as error:
                raise AssertionError(f"after {what}: {error}") from None
            finally:
                clean.close()
    finally:
        served.close()
    # New mkdocs builds where pages come or go: a year's visits page, eldership pages, a renamed,
    # added or deleted record's page.
    full = {"a visit moves to another year", "a survey moves to another eldership", "a community moves to another eldership",
            "a partner renamed with `rysiai mv`", "a record added", "the contact deleted", "a visit added to the new partner"}
    assert quick == [what not in full for what, _edit in EDITS]


def test_a_server_makes_again_only_the_index_rows_a_change_reaches(repo, monkeypatch):
    """`rysiai serve` keeps the indexes' rows (site.tables.RowMemo): after a save, a row is
    made again where its record changed or a record it refers to has another name; the test
    above compares such builds with clean ones."""
    from rysiai.site import index_page
    from rysiai.site_build.serve import ServedSite

    made = []
    cell = index_page._cell
    monkeypatch.setattr(index_page, "_cell", lambda context, collection, field, record, page_url, linked: (
        made.append((page_url, record.id)) or cell(context, collection, field, record, page_url, linked)))
    fill(repo)
    for path, text in NEW_KINDS.items():
        repo.write(path, text)
    served = ServedSite(repo.root, "127.0.0.1:8765", public=False)
    rows = []
    try:
        served.build()
        served.wait_for_downloads_and_search()
        for edit in (
            lambda repo: _replace(repo, ONA, "Koordinatorė", "Vyr. koordinatorė"),
            lambda repo: _replace(repo, "partners/talsi.yaml", "name: Talsu novada pašvaldība", "name: Talsų novado savivaldybė"),
            lambda repo: _replace(repo, "visits/luban-2027.yaml", "status: planned", "status: cancelled"),
            lambda repo: None,
        ):
            edit(repo)
            made.clear()
            served.build()
            served.wait_for_downloads_and_search()
            assert served.problem is None
            rows.append(sorted(set(made)))
    finally:
        served.close()
    assert rows == [
        [("contacts/", "ona-petraitiene")],
        # The partner's row, and the rows of the records that refer to it where their pages
        # are made again (the projects' index shows no partners; an eldership's page does).
        [
            ("contacts/", "ona-petraitiene"), ("elderships/silavoto/", "dviraciu-takas"),
            ("interactions/", "2026-11-20-skambutis"), ("partners/", "talsi"), ("press/", "2025-talsai"),
            ("visits/", "talsi-2025"),
        ],
        [("visits/", "luban-2027")],
        [],
    ]


def test_a_servers_quick_build_leaves_the_cycle_collector_off_until_its_search_index_is_made(repo, monkeypatch):
    """A full pass of Python's cycle collector over a large server's objects takes seconds: from a
    quick build until its downloads and search index are made the collector is off (so it never
    falls due while the browser reloads the pages), and then collects once, in that thread."""
    import gc
    import threading

    from rysiai.site_build import serve
    from rysiai.site_build.serve import ServedSite

    during, collections = [], []
    build_again = serve.build_again
    monkeypatch.setattr(serve, "build_again", lambda *args: during.append(gc.isenabled()) or build_again(*args))

    def heard(phase, info):
        if phase == "start":
            collections.append((info["generation"], threading.current_thread().name))

    fill(repo)
    served = ServedSite(repo.root, "127.0.0.1:8765", public=False)
    gc.callbacks.append(heard)
    try:
        served.build()
        served.wait_for_downloads_and_search()
        _replace(repo, ONA, "Koordinatorė", "Vyr. koordinatorė")
        kept = served.memory.mkdocs
        collections.clear()
        served.build()
        assert served.memory.mkdocs is kept and served.problem is None  # a quick build
        assert not gc.isenabled()
        # (what a page's request makes meanwhile: no collection falls due)
        garbage = [[] for _ in range(50_000)]
        del garbage
        assert collections == []
        served.wait_for_downloads_and_search()
    finally:
        gc.callbacks.remove(heard)
        served.close()
    assert during == [False]
    assert collections == [(2, "rysiai-downloads-search")]
    assert gc.isenabled()


def test_a_build_that_fails_gives_the_cycle_collector_back(repo):
    import gc

    from rysiai.site_build.serve import ServedSite

    fill(repo)
    served = ServedSite(repo.root, "127.0.0.1:8765", public=False)
    try:
        served.build()
        served.wait_for_downloads_and_search()
        _replace(repo, ONA, "email: ona@talsi.lv", "email: ona@")
        served.build()
        assert served.problem is not None and served.finishing is None
        assert gc.isenabled()
    finally:
        served.close()


def test_shards_are_indexed_side_by_side_and_a_failed_run_leaves_nothing(repo, tmp_path, small_shards, monkeypatch):
    """Pagefind indexes several shards at once (one run uses about one core); where a run fails,
    the build says so in words and leaves none of the runs' work folders."""
    import threading
    import time

    from rysiai.site_build.search_index import SearchIndexError

    fill(repo)
    running, most = [], []
    run = search_index._run_pagefind

    def counted(site_dir, pages, work):
        running.append(work)
        most.append(len(running))
        try:
            time.sleep(0.2)  # long enough for the next run to start beside it
            return run(site_dir, pages, work)
        finally:
            running.remove(work)

    monkeypatch.setattr(search_index, "_run_pagefind", counted)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    site = build_site(repo.root, tmp_path / "site", cache=False)
    assert len(most) > 3 and max(most) == 2
    assert not any(thread.name.startswith("rysiai-pagefind") for thread in threading.enumerate())
    monkeypatch.setattr(search_index, "_pagefind_command", lambda: ["sh", "-c", "echo 'Error: no space left' >&2; exit 3"])
    with pytest.raises(SearchIndexError) as failed:
        search_index.index_site(site, {p.relative_to(site).as_posix() for p in site.glob("contacts/*/index.html")}, set())
    assert str(failed.value) == "the search index could not be built: Error: no space left"
    assert [path.name for path in (site / "pagefind").iterdir() if path.name.startswith(".work-")] == []


def test_a_shard_a_change_reaches_is_brought_up_to_date_from_pagefind_over_its_changed_pages(repo, tmp_path, small_shards, monkeypatch):
    """Pagefind runs over the pages the change wrote, not over every page of their shards; the
    rest comes from the last build's shards, and the index is the one a clean build makes."""
    fill(repo)
    runs = _counted_runs(monkeypatch)
    build_site(repo.root, tmp_path / "site")
    runs.clear()
    _replace(repo, ONA, "Koordinatorė", "Vyr. koordinatorė")
    site = build_site(repo.root, tmp_path / "site")
    assert sorted(page for pages in _record_runs(runs) for page in pages) == [
        "contacts/ona-petraitiene/index.html", "partners/talsi/index.html",
    ]
    assert_same_site(site, build_site(repo.root, tmp_path / "clean", cache=False))
    # A page added, then gone again: its shard written without it, with nothing to run over.
    repo.write("contacts/jonas-naujas.yaml", "name: Jonas Naujas\n")
    runs.clear()
    site = build_site(repo.root, tmp_path / "site")
    assert [pages for pages in _record_runs(runs) if "contacts/jonas-naujas/index.html" in pages] == [["contacts/jonas-naujas/index.html"]]
    assert_same_site(site, build_site(repo.root, tmp_path / "clean", cache=False))
    (repo.root / "contacts" / "jonas-naujas.yaml").unlink()
    runs.clear()
    site = build_site(repo.root, tmp_path / "site")
    assert _record_runs(runs) == []
    assert_same_site(site, build_site(repo.root, tmp_path / "clean", cache=False))


def test_a_last_shard_that_does_not_read_is_indexed_whole(repo, tmp_path, small_shards, monkeypatch):
    from rysiai.site_build import shard_update

    fill(repo)
    runs = _counted_runs(monkeypatch)
    build_site(repo.root, tmp_path / "site")
    (own_shard,) = [pages for pages in _record_runs(runs) if "contacts/ona-petraitiene/index.html" in pages]
    assert len(own_shard) > 1
    (state_file,) = (repo.root / ".cache").glob("rysiai/*/state.json")
    shards = json.loads(state_file.read_text(encoding="utf-8"))["search"]["shards"]
    (folder,) = [shard["folder"] for shard in shards.values() if "/contacts/ona-petraitiene/" in (shard["urls"] or [])]
    for chunk in (state_file.parent / "site" / "pagefind" / folder / "index").iterdir():
        chunk.write_bytes(b"?" * chunk.stat().st_size)  # (of the same size: the cache is taken as sound)
    runs.clear()
    _replace(repo, ONA, "Koordinatorė", "Vyr. koordinatorė")
    site = build_site(repo.root, tmp_path / "site")
    assert own_shard in _record_runs(runs)
    assert_same_site(site, build_site(repo.root, tmp_path / "clean", cache=False))
    assert shard_update.updated_shard(tmp_path / "nowhere", {}, set(), None) is None


def _counted_runs(monkeypatch) -> list[list[str]]:
    """The pages of each Pagefind run, as the runs go."""
    runs = []
    run = search_index._run_pagefind
    monkeypatch.setattr(search_index, "_run_pagefind", lambda site_dir, pages, work: runs.append(sorted(pages)) or run(site_dir, pages, work))
    return runs


def _record_runs(runs: list[list[str]]) -> list[list[str]]:
    """The runs over record pages (the other pages' shard has the home page)."""
    return [pages for pages in runs if "index.html" not in pages]


def test_a_page_s_address_is_pagefind_s():
    from rysiai.site_build.shard_update import address_of

    assert address_of("index.html") == "/"
    assert address_of("contacts/ona/index.html") == "/contacts/ona/"
    assert address_of("404.html") == "/404.html"


def test_the_last_builds_files_are_linked_beside_the_pages_and_a_failure_is_raised_where_the_build_waits(tmp_path):
    from rysiai.site_build.incremental import CarryOver

    (tmp_path / "last" / "contacts" / "ona").mkdir(parents=True)
    (tmp_path / "last" / "contacts" / "ona" / "index.html").write_text("<p>Ona</p>", encoding="utf-8")
    carrying = CarryOver(tmp_path / "last", tmp_path / "new", ["contacts/ona/index.html"])
    carrying.wait()
    assert (tmp_path / "new" / "contacts" / "ona" / "index.html").read_text(encoding="utf-8") == "<p>Ona</p>"
    carrying = CarryOver(tmp_path / "last", tmp_path / "other", ["contacts/jonas/index.html"])
    with pytest.raises(FileNotFoundError):
        carrying.wait()
    carrying.wait()  # (told once)


def test_a_word_s_forms_stay_in_the_order_of_their_first_page_when_pages_leave():
    from rysiai.site_build.shard_update import _field_numbers, _moved

    # `kavà` on pages 1 and 3, `kavá` on page 2; page 1 leaves: `kavá` comes first now.
    word = ["kav", [], [["kavà", [[1, [5], []], [2, [5], []]]], ["kavá", [[2, [6], []]]]]]
    assert _moved(word, {0: 0, 2: 1, 3: 2}, None) == ["kav", [], [["kavá", [[1, [6], []]]], ["kavà", [[2, [5], []]]]]]
    # A metadata field only pages that left had: the others renumbered, that one in no place.
    assert _field_numbers(["facts", "organisation", "title"], ["facts", "title"]) == {0: 0, 2: 1}
    assert _field_numbers(["facts", "title"], ["facts", "title"]) is None


def test_a_last_shard_cut_short_is_indexed_whole(tmp_path):
    import gzip

    from rysiai.site_build.pagefind_bundle import SIGNATURE
    from rysiai.site_build.shard_update import updated_shard

    shard = tmp_path / "00-x"
    (shard / "index").mkdir(parents=True)
    (shard / "pagefind-entry.json").write_text(
        '{"version":"1.5.2","languages":{"lt":{"hash":"lt_1","wasm":"lt","page_count":0}}}', encoding="utf-8")
    (shard / "pagefind.lt_1.pf_meta").write_bytes(gzip.compress(SIGNATURE + b"\x86")[:-6])  # cut short
    assert updated_shard(shard, {"urls": [], "hashes": []}, set(), None) is None
