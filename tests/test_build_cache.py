"""`rysiai build` with its cache (ROOT/.cache/rysiai): used only for the same settings, never
when damaged, and what it gives equals a clean build."""

import json
from pathlib import Path

from rysiai.site_build.build import build_site
from rysiai.site_build.memory import BuildMemory
from site_fixture import fill
from test_incremental import assert_same_site

CACHE = Path(".cache") / "rysiai"


def build(repo, site: Path, warnings: list[str] | None = None, **options) -> BuildMemory:
    memory = BuildMemory()
    build_site(repo.root, site, memory=memory, warn=(warnings if warnings is not None else []).append, **options)
    return memory


def entries(repo) -> list[Path]:
    return sorted(path for path in (repo.root / CACHE).iterdir() if path.is_dir())


def test_a_build_with_the_cache_renders_only_what_the_change_reaches(repo, tmp_path):
    fill(repo)
    first = build(repo, tmp_path / "site")
    assert "contacts/ona-petraitiene.md" in first.rendered and len(first.rendered) > 10
    assert (repo.root / CACHE / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    contact.write_text(contact.read_text(encoding="utf-8").replace("Koordinatorė", "Vyr. koordinatorė"), encoding="utf-8")
    second = build(repo, tmp_path / "site")
    # Her own page, the index, the home page, the brief, the agreements, her organisation's people;
    # the reports and the partner map, which count every record.
    assert sorted(second.rendered) == [
        "agreements.md", "brief.md", "contacts/index.md", "contacts/ona-petraitiene.md", "index.md",
        "partners/index.md", "partners/talsi.md", "reports/2025.md", "reports/2027.md", "reports/index.md",
    ]
    assert_same_site(tmp_path / "site", build_site(repo.root, tmp_path / "clean", cache=False))


def test_a_build_with_no_change_makes_no_page_and_keeps_the_reports_tables(repo, tmp_path):
    fill(repo)
    build(repo, tmp_path / "site")
    tables = sorted(path.relative_to(tmp_path / "site").as_posix() for path in (tmp_path / "site" / "reports").rglob("*.csv"))
    assert "reports/2025/visits-partners.csv" in tables and "reports/years.csv" in tables
    again = build(repo, tmp_path / "again")  # a new output folder, as in a CI job: all from the cache
    assert again.rendered == []
    assert sorted(path.relative_to(tmp_path / "again").as_posix() for path in (tmp_path / "again" / "reports").rglob("*.csv")) == tables
    assert_same_site(tmp_path / "again", build_site(repo.root, tmp_path / "clean", cache=False))


def test_no_cache_neither_reads_nor_writes_it(repo, tmp_path):
    fill(repo)
    build(repo, tmp_path / "site", cache=False)
    assert not (repo.root / CACHE).exists()
    build(repo, tmp_path / "site")
    again = build(repo, tmp_path / "site", cache=False)
    assert len(again.rendered) > 10


def test_other_settings_use_their_own_cache(repo, tmp_path):
    fill(repo)
    build(repo, tmp_path / "site")
    config = repo.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: ", "site_name: Naujas "), encoding="utf-8")
    renamed = build(repo, tmp_path / "site")
    assert len(renamed.rendered) > 10  # every page shows the site's name
    public = build(repo, tmp_path / "public", public=True)
    assert len(public.rendered) > 5
    assert len(entries(repo)) == 2  # the intranet and the public site; the oldest is gone
    assert build(repo, tmp_path / "public", public=True).rendered == []


def test_a_schema_change_builds_everything_again(repo, tmp_path):
    fill(repo)
    build(repo, tmp_path / "site")
    schema = repo.root / "datapackage.yaml"
    schema.write_text(schema.read_text(encoding="utf-8").replace("title: Pareigos", "title: Pareigybė", 1), encoding="utf-8")
    again = build(repo, tmp_path / "site")
    assert "partners/talsi.md" in again.rendered and "glossary.md" in again.rendered
    assert_same_site(tmp_path / "site", build_site(repo.root, tmp_path / "clean", cache=False))


def test_a_damaged_cache_is_not_used_and_says_so(repo, tmp_path):
    fill(repo)
    build(repo, tmp_path / "site")
    (entry,) = entries(repo)
    page = entry / "site" / "partners" / "talsi" / "index.html"
    page.unlink()
    page.write_text("<html>not the page</html>", encoding="utf-8")  # another file, another size
    warnings: list[str] = []
    again = build(repo, tmp_path / "site", warnings)
    assert len(warnings) == 1 and "is damaged" in warnings[0] and "partners/talsi/index.html" in warnings[0]
    assert "partners/talsi.md" in again.rendered
    assert "not the page" not in (tmp_path / "site" / "partners" / "talsi" / "index.html").read_text(encoding="utf-8")
    assert_same_site(tmp_path / "site", build_site(repo.root, tmp_path / "clean", cache=False))


def test_a_cache_whose_state_does_not_read_is_not_used(repo, tmp_path):
    fill(repo)
    build(repo, tmp_path / "site")
    (entry,) = entries(repo)
    state = entry / "state.json"
    state.write_text(state.read_text(encoding="utf-8")[:100], encoding="utf-8")
    warnings: list[str] = []
    again = build(repo, tmp_path / "site", warnings)
    assert len(warnings) == 1 and "is damaged" in warnings[0]
    assert len(again.rendered) > 10
    assert json.loads(state.read_text(encoding="utf-8"))["format"] == 1  # written again whole


def _site_files(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_ino for path in folder.rglob("*") if path.is_file()}


def test_the_cache_is_brought_up_to_date_where_it_stands(repo, tmp_path):
    """A build saves its cache over the last entry of its settings: the entry then holds the
    site's own files (hard links), nothing the site no longer has, and no empty folder."""
    fill(repo)
    build(repo, tmp_path / "site")
    (entry,) = entries(repo)
    kept_before, folder_before = _site_files(entry / "site"), (entry / "site").stat().st_ino
    assert "visits/luban-2027/index.html" in kept_before
    (repo.root / "visits" / "luban-2027.yaml").unlink()
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    contact.write_text(contact.read_text(encoding="utf-8").replace("Koordinatorė", "Vyr. koordinatorė"), encoding="utf-8")
    again = build(repo, tmp_path / "again")
    assert "contacts/ona-petraitiene.md" in again.rendered
    assert entries(repo) == [entry] and (entry / "site").stat().st_ino == folder_before  # not written anew
    kept = _site_files(entry / "site")
    assert kept == _site_files(tmp_path / "again")  # the same files, by inode
    assert "visits/luban-2027/index.html" not in kept and not (entry / "site" / "visits" / "luban-2027").exists()
    untouched = "glossary/index.html"
    assert kept[untouched] == kept_before[untouched]  # not linked again
    assert kept["contacts/ona-petraitiene/index.html"] != kept_before["contacts/ona-petraitiene/index.html"]
    assert sorted(path.name for path in entry.iterdir()) == ["site", "state.json"]
    assert not [folder for folder in (entry / "site").rglob("*") if folder.is_dir() and not any(folder.iterdir())]


def test_a_save_that_was_cut_short_leaves_a_cache_that_is_not_used(repo, tmp_path):
    """While a save brings the entry up to date its state is not there: a build that finds the
    entry so builds everything, and its save makes the entry whole again."""
    fill(repo)
    build(repo, tmp_path / "site")
    (entry,) = entries(repo)
    (entry / "state.json").unlink()  # as a save cut short leaves it
    (entry / "site" / "glossary" / "index.html").unlink()
    warnings: list[str] = []
    again = build(repo, tmp_path / "again", warnings)
    assert warnings == [] and len(again.rendered) > 10
    assert _site_files(entry / "site") == _site_files(tmp_path / "again")
    assert build(repo, tmp_path / "third").rendered == []
    assert_same_site(tmp_path / "third", build_site(repo.root, tmp_path / "clean", cache=False))


def test_charts_and_places_are_kept_for_the_next_build(repo, tmp_path, monkeypatch):
    """The report charts drawn and the towns found in the gazetteer are kept in the cache:
    the next build (another process in CI: here, with the process's own memory emptied) draws
    and looks up only what it has not seen; results no build uses any more are not kept."""
    from rysiai.reports import geo, table_charts

    drawn, looked_up = [], []
    chart, located = table_charts._chart, geo._located
    monkeypatch.setattr(table_charts, "_chart", lambda *arguments: drawn.append((arguments[2], arguments[6])) or chart(*arguments))
    monkeypatch.setattr(geo, "_located", lambda folded, country: looked_up.append((folded, country)) or located(folded, country))
    fill(repo)
    build(repo, tmp_path / "site")
    assert len(drawn) > 5 and ("talsi", "LV") in looked_up
    first = {kind: set(results) for kind, results in json.loads(_state(repo))["results"].items()}
    assert len(first["charts"]) == len(drawn) and first["places"] == {"talsi\x1fLV"} | {f"{t}\x1f{c}" for t, c in looked_up}
    chart.cache_clear()
    drawn.clear()
    looked_up.clear()
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    contact.write_text(contact.read_text(encoding="utf-8").replace("Koordinatorė", "Vyr. koordinatorė"), encoding="utf-8")
    again = build(repo, tmp_path / "again")
    assert "reports/index.md" in again.rendered  # the report pages are made again, with the charts kept
    assert drawn == [] and looked_up == []
    assert_same_site(tmp_path / "again", build_site(repo.root, tmp_path / "clean", cache=False))
    # A visit in another year: that year's charts are new; the charts of the year it left go.
    chart.cache_clear()
    drawn.clear()
    visit = repo.root / "visits" / "luban-2027.yaml"
    visit.write_text(visit.read_text(encoding="utf-8").replace("start: 2027-05-19", "start: 2026-05-19"), encoding="utf-8")
    build(repo, tmp_path / "third")
    kept = {kind: set(results) for kind, results in json.loads(_state(repo))["results"].items()}
    # (only the charts over the years are new: the 2026 report's others are the 2025 report's)
    assert sorted(set(drawn)) == sorted((json.loads(key)[2], json.loads(key)[6]) for key in kept["charts"] - first["charts"])
    assert any("2027" in key for key in first["charts"]) and not any("2027" in key for key in kept["charts"])
    assert_same_site(tmp_path / "third", build_site(repo.root, tmp_path / "clean", cache=False))


def test_a_cache_whose_kept_results_do_not_read_is_not_used(repo, tmp_path):
    fill(repo)
    build(repo, tmp_path / "site")
    (entry,) = entries(repo)
    state = json.loads((entry / "state.json").read_text(encoding="utf-8"))
    state["results"] = {"charts": ["not", "a", "mapping"]}
    (entry / "state.json").write_text(json.dumps(state), encoding="utf-8")
    warnings: list[str] = []
    again = build(repo, tmp_path / "site", warnings)
    assert len(warnings) == 1 and "is damaged" in warnings[0]
    assert len(again.rendered) > 10


def _state(repo) -> str:
    (entry,) = entries(repo)
    return (entry / "state.json").read_text(encoding="utf-8")


def test_a_build_that_uses_no_kept_result_keeps_them_all(repo, tmp_path):
    """A build with no change makes no report page and no map: the charts and places kept
    stay, as they were, for the next build."""
    fill(repo)
    build(repo, tmp_path / "site")
    kept = json.loads(_state(repo))["results"]
    assert set(kept) == {"charts", "places"} and kept["charts"] and kept["places"]
    assert build(repo, tmp_path / "again").rendered == []
    assert json.loads(_state(repo))["results"] == kept


def test_a_build_while_another_holds_the_cache_builds_from_scratch_and_leaves_it(repo, tmp_path):
    """Two builds of the same settings at once: the second neither reads nor writes the cache
    the first is using, and says so; once the first is done, the cache serves again."""
    from rysiai.site_build.site_cache import CacheHold

    fill(repo)
    build(repo, tmp_path / "site")
    (entry,) = entries(repo)
    state = (entry / "state.json").read_bytes()
    hold = CacheHold.take(repo.root / CACHE, entry.name)  # as the other build holds it
    assert hold is not None
    try:
        warnings: list[str] = []
        again = build(repo, tmp_path / "again", warnings)
        assert warnings == [
            f"rysiai: another build is using the build cache in {repo.root / CACHE}; this one builds from scratch "
            "and leaves the cache as it is"
        ]
        assert len(again.rendered) > 10 and (entry / "state.json").read_bytes() == state
        assert CacheHold.take(repo.root / CACHE, entry.name) is None
    finally:
        hold.release()
    assert build(repo, tmp_path / "third").rendered == []


def test_the_closest_towns_of_a_town_not_placed_are_kept_for_the_next_build(repo, tmp_path, monkeypatch):
    """The warning about a town the gazetteer cannot place names the closest towns: finding them
    reads the whole gazetteer, so the next build takes them from the cache."""
    from rysiai.reports import geo

    searched = []
    closest = geo._closest
    monkeypatch.setattr(geo, "_closest", lambda wanted, code, n: searched.append((wanted, code)) or closest(wanted, code, n))
    fill(repo)
    repo.write("partners/tczew.yaml", "name: Powiat Tczewski\nkind: region\ncountry: PL\ncity: Tcew\n")
    build(repo, tmp_path / "site")
    assert searched == [("tcew", "PL")]
    kept = json.loads(_state(repo))["results"]["candidates"]
    assert kept == {"tcew\x1fPL\x1f3": [["Tczew", "PL", 54.09242, 18.77787, 60133, 3083426]]}
    searched.clear()
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    contact.write_text(contact.read_text(encoding="utf-8").replace("Koordinatorė", "Vyr. koordinatorė"), encoding="utf-8")
    build(repo, tmp_path / "again")
    assert searched == []
    # (the home page lists the warnings)
    assert "Tczew, PL (54.0924, 18.7779)" in (tmp_path / "again" / "index.html").read_text(encoding="utf-8")
    assert_same_site(tmp_path / "again", build_site(repo.root, tmp_path / "clean", cache=False))


def test_a_kept_result_that_does_not_read_is_made_again(repo, tmp_path):
    """A cache changed by hand: a chart or a town's candidates that are not what a build keeps
    are drawn and looked up again, and the site is what a clean build makes."""
    fill(repo)
    repo.write("partners/tczew.yaml", "name: Powiat Tczewski\nkind: region\ncountry: PL\ncity: Tcew\n")
    build(repo, tmp_path / "site")
    (entry,) = entries(repo)
    state = json.loads((entry / "state.json").read_text(encoding="utf-8"))
    results = state["results"]
    results["candidates"] = {key: [["Tczew", "PL"]] for key in results["candidates"]}
    results["places"] = {key: ["north", "east"] for key in results["places"]}
    results["charts"] = {key: {"svg": 1, "table": None} for key in results["charts"]}
    (entry / "state.json").write_text(json.dumps(state), encoding="utf-8")
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    contact.write_text(contact.read_text(encoding="utf-8").replace("Koordinatorė", "Vyr. koordinatorė"), encoding="utf-8")
    warnings: list[str] = []
    build(repo, tmp_path / "again", warnings)
    assert warnings == []
    assert_same_site(tmp_path / "again", build_site(repo.root, tmp_path / "clean", cache=False))
    again = json.loads(_state(repo))["results"]
    assert again["candidates"] == {"tcew\x1fPL\x1f3": [["Tczew", "PL", 54.09242, 18.77787, 60133, 3083426]]}
    assert all(isinstance(chart["svg"], str) for chart in again["charts"].values())


def test_a_build_whose_charts_are_all_kept_does_not_load_the_drawing_library(repo, tmp_path):
    """matplotlib takes a third of a second to import: a cached build whose report charts are
    all kept (another process, as in CI) never imports it; the build that draws them does."""
    import subprocess
    import sys

    fill(repo)
    script = (
        "import sys\nfrom rysiai.cli import main\n"
        f"code = main(['build', '--root', {str(repo.root)!r}, '-d', sys.argv[1]])\n"
        "print(code, 'matplotlib' in sys.modules)\n"
    )

    def build_in_a_process(site: Path) -> str:
        return subprocess.run([sys.executable, "-c", script, str(site)], capture_output=True, text=True, check=True).stdout

    assert build_in_a_process(tmp_path / "site") == "0 True\n"
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    contact.write_text(contact.read_text(encoding="utf-8").replace("Koordinatorė", "Vyr. koordinatorė"), encoding="utf-8")
    assert build_in_a_process(tmp_path / "again") == "0 False\n"
    assert "Vyr. koordinatorė" in (tmp_path / "again" / "contacts" / "ona-petraitiene" / "index.html").read_text(encoding="utf-8")


def test_a_build_interrupted_while_it_links_the_last_ones_files_leaves_nothing_behind(repo, tmp_path, monkeypatch):
    """Ctrl-C (mkdocs tells its plugins of errors, not of interruptions): the build waits for
    the linking thread before the new folder is removed, and no half-filled folder is left."""
    import threading

    import pytest
    from rysiai.site_build import site

    fill(repo)
    build(repo, tmp_path / "site")
    contact = repo.root / "contacts" / "ona-petraitiene.yaml"
    contact.write_text(contact.read_text(encoding="utf-8").replace("Koordinatorė", "Vyr. koordinatorė"), encoding="utf-8")

    def interrupted(self, *arguments):
        assert self._carrying is not None  # (the linking has started)
        raise KeyboardInterrupt

    import time

    from rysiai.site_build import incremental

    carry_over = incremental.carry_over
    # (slow enough to be still at work when the build is interrupted)
    monkeypatch.setattr(incremental, "carry_over", lambda *arguments: (time.sleep(0.5), carry_over(*arguments)))
    monkeypatch.setattr(site.SiteBuild, "prepare_pages", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(repo, tmp_path / "other" / "site")
    assert not any(thread.name == "rysiai-carry-over" for thread in threading.enumerate())
    assert list((tmp_path / "other").iterdir()) == []
