"""Large repositories run some checks in a second process: the report is the same as in one."""

import threading

from rysiai.repository import load_repository
from rysiai.validate import check_repository


def test_two_processes_give_the_same_report_as_one(repo):
    repo.write("partners/talsi.yaml", "name: Talsi\nkind: other\ncountry: lv\ncode: '12'\n")
    repo.write("partners/lsa.yaml", "name: LSA\nkind: other\ncountry: LT\ncode: '124111349'\n")
    repo.write("contacts/ona.yaml", "name: Ona\nemail: ona@\nphone: 8 612 34567\norganization: x\n")
    repo.write("contacts/onute.yaml", "name: Onė\nphone: '+37061234567'\n")
    repository = load_repository(repo.root)
    one = check_repository(repository, parallel=False)
    two = check_repository(repository, parallel=True)
    assert [f.code for f in one.sorted()] == [
        "possible-duplicate", "email", "phone-format", "reference", "entity-code", "country"
    ]
    assert two.sorted() == one.sorted()


def test_the_second_process_sends_back_the_gazetteers_answers_for_the_cache(repo):
    """The towns' check runs in the second process; what it looked up in the gazetteer comes
    back, for `rysiai build` to keep in its cache (kept_results.py)."""
    from rysiai.kept_results import KEPT

    repo.write("partners/tczew.yaml", "name: Powiat Tczewski\nkind: region\ncountry: PL\ncity: Tcew\n")
    repo.write("partners/talsi.yaml", "name: Talsu novada pašvaldība\nkind: municipality\ncountry: LV\ncity: Talsai\n")
    repository = load_repository(repo.root)
    KEPT.start({"places": {"kaunas\x1fLT": [54.9, 23.9]}})
    try:
        report = check_repository(repository, parallel=True)
        used = KEPT.used
    finally:
        KEPT.stop()
    assert [finding.code for finding in report.sorted()] == ["unplaced-town"]
    assert used == {
        "places": {"tcew\x1fPL": None, "talsai\x1fLV": [57.24562, 22.58137]},
        "candidates": {"tcew\x1fPL\x1f3": [["Tczew", "PL", 54.09242, 18.77787, 60133, 3083426]]},
    }


def site_files(site):
    """Every file of a built site, feeds without their build time (DTSTAMP), workbooks without
    theirs (the zip's dates and docProps/core.xml)."""
    import zipfile

    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts):
        data = path.read_bytes()
        if path.suffix == ".ics":
            data = b"\n".join(line for line in data.splitlines() if not line.startswith(b"DTSTAMP"))
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as workbook:
                data = b"".join(workbook.read(name) for name in sorted(workbook.namelist()) if name != "docProps/core.xml")
        files[path.relative_to(site).as_posix()] = data
    return files


def test_a_site_made_with_the_second_process_is_the_site_made_in_one(repo, tmp_path, monkeypatch):
    import rysiai.site_build.prerender as prerender
    from rysiai.site_build.build import build_site
    from site_fixture import fill

    fill(repo)
    for number in range(30):  # pages enough for several chunks
        repo.write(f"contacts/asmuo-{number}.yaml", f"name: Asmuo Nr. {number}\norganization: talsi\n")
    monkeypatch.setattr(prerender, "WORTH_FROM", 10**9)
    alone = site_files(build_site(repo.root, tmp_path / "one"))
    monkeypatch.setattr(prerender, "WORTH_FROM", 1)
    monkeypatch.setattr(prerender, "CHUNK", 3)
    assert prerender.second_process_pays(40, prerender.WORTH_FROM), threading.enumerate()  # no thread left by another test
    shared = site_files(build_site(repo.root, tmp_path / "two"))
    assert shared.keys() == alone.keys()
    assert "vcards/asmuo-7.vcf" in shared and "calendar.ics" in shared
    assert [path for path in alone if shared[path] != alone[path]] == []


def test_downloads_count_toward_a_second_process_a_table_a_page_for_each_row(repo):
    from rysiai.site.context import SiteContext
    from rysiai.site.downloads import table_paths
    from rysiai.site_build.downloads import effort

    repo.write("partners/talsi.yaml", "name: Talsi\nkind: municipality\ncountry: LV\n")
    for number in range(5):
        repo.write(f"contacts/asmuo-{number}.yaml", f"name: Asmuo Nr. {number}\norganization: talsi\n")
    context = SiteContext.build(load_repository(repo.root), language="lt")
    assert effort(context, {"vcards/asmuo-1.vcf", "calendar.ics"}) == 2
    assert effort(context, {*table_paths("contacts"), "vcards/asmuo-1.vcf"}) == 3 + 5
    assert effort(context, {*table_paths("partners"), *table_paths("contacts")}) == 4 + 1 + 5


def test_downloads_worth_as_many_pages_go_to_the_second_process_with_few_pages(tmp_path, monkeypatch):
    """A one-record change of a large site renders a few pages but may write a table of
    thousands of rows: that goes to the second process, while the pages are made here."""
    import os

    from rysiai.site_build import prerender

    def downloads(name):
        def write() -> int:
            (tmp_path / name).write_text(str(os.getpid()), encoding="utf-8")
            return 2
        return write

    monkeypatch.setattr(prerender, "WORTH_FROM", 1000)
    for name, downloads_effort in (("few", 999), ("many", 1000)):
        ahead = prerender.Prerenderer([], downloads(name), downloads_effort=downloads_effort)
        ahead.start()
        try:
            assert ahead.downloads() == 2
        finally:
            ahead.close()
    assert (tmp_path / "few").read_text(encoding="utf-8") == str(os.getpid())
    assert (tmp_path / "many").read_text(encoding="utf-8") != str(os.getpid())
